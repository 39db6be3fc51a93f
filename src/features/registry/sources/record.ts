// A source (出典): a page, press release, article or document that states facts of the registry,
// with who published it and the date it states for itself. One source is cited by any number of
// agreements; an agreement cites its sources in order, the first being its main source.
import type { Kysely } from 'kysely';
import type { Database, Provenance } from '../../../db/schema.ts';
import { compareText, pushTo, type PartialDate } from '../model/shapes.ts';

export interface Source {
  id: string;
  /** null only for printed material without a public address. */
  url: string | null;
  title: string;
  publisher: string;
  /** The date the source states for itself (its 「…現在」, publication or update date). */
  stated: PartialDate;
  /** That date as printed, e.g. 「令和5年4月1日現在」. */
  statedText: string;
  provenance: Provenance;
}

export interface LoadedSources {
  /** Every source, by publisher then title (Japanese order). */
  all: Source[];
  /** The sources each agreement cites, in its order, by agreement id. */
  citedByAgreement: Map<string, Source[]>;
}

export async function loadSources(db: Kysely<Database>): Promise<LoadedSources> {
  const [rows, links] = await Promise.all([
    db.selectFrom('sources').selectAll().execute(),
    db.selectFrom('agreement_sources').select(['agreement_id', 'source_id', 'position']).orderBy('agreement_id').orderBy('position').execute(),
  ]);
  const byId = new Map<string, Source>();
  for (const r of rows) {
    byId.set(r.id, {
      id: r.id,
      url: r.url,
      title: r.title,
      publisher: r.publisher,
      stated: { date: r.stated_on, precision: r.stated_on_precision },
      statedText: r.stated_text,
      provenance: r.provenance,
    });
  }
  const citedByAgreement = new Map<string, Source[]>();
  for (const link of links) {
    const source = byId.get(link.source_id);
    if (source) pushTo(citedByAgreement, link.agreement_id, source);
  }
  const all = [...byId.values()].sort((a, b) => compareText(a.publisher, b.publisher) || compareText(a.title, b.title) || compareText(a.id, b.id));
  return { all, citedByAgreement };
}
