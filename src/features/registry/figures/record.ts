// Figures the project has published (the pamphlet's 832 / 269 / 372 / 1,096 …), each with its
// as-of date and source, shown beside the figures computed from the records.
import type { Kysely } from 'kysely';
import type { Database, DatePrecision, FigureMetric } from '../../../db/schema.ts';

export interface PublishedFigureRecord {
  id: string;
  metric: FigureMetric;
  label: string;
  value: number;
  isLowerBound: boolean;
  asOf: string;
  asOfPrecision: DatePrecision;
  sourceTitle: string;
  sourceUrl: string | null;
  notes: string;
}

/** Not deleted, newest first. */
export async function loadPublishedFigures(db: Kysely<Database>): Promise<PublishedFigureRecord[]> {
  const rows = await db.selectFrom('published_figures').selectAll().where('deleted_at', 'is', null).orderBy('as_of', 'desc').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    metric: r.metric,
    label: r.label,
    value: Number(r.value),
    isLowerBound: Number(r.is_lower_bound) === 1,
    asOf: r.as_of,
    asOfPrecision: r.as_of_precision,
    sourceTitle: r.source_title,
    sourceUrl: r.source_url,
    notes: r.notes,
  }));
}
