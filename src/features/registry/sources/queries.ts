// What the back office's 出典の一覧 and 要確認 pages read: the sources with the agreements that cite
// them, and the agreements with an open question, within what the actor may edit.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Agreement } from '../agreements/record.ts';
import { registryModel } from '../model/index.ts';
import { pushTo } from '../model/shapes.ts';
import type { Source } from './record.ts';

export interface CitedSource {
  source: Source;
  /** The agreements (not deleted) that cite it, in the list order of agreements. */
  citedBy: Agreement[];
}

/**
 * Every source with its citing agreements. With a ward: only the sources its agreements cite.
 * Without one (the secretariat, unfiltered), also the sources no record cites (pages that were
 * read and answered a question without giving a record).
 */
export async function citedSources(db: Kysely<Database>, wardCode: string | null): Promise<CitedSource[]> {
  const model = await registryModel(db);
  const agreements = wardCode ? (model.index.agreementsByWard.get(wardCode) ?? []) : model.agreements;
  const citedBy = new Map<string, Agreement[]>();
  for (const a of agreements) for (const s of a.sources) pushTo(citedBy, s.id, a);
  return model.sources.filter((s) => wardCode === null || citedBy.has(s.id)).map((source) => ({ source, citedBy: citedBy.get(source.id) ?? [] }));
}

/** The agreements with a 要確認 note, in the list order of agreements. */
export async function agreementsToCheck(db: Kysely<Database>, wardCode: string | null): Promise<readonly Agreement[]> {
  const model = await registryModel(db);
  const agreements = wardCode ? (model.index.agreementsByWard.get(wardCode) ?? []) : model.agreements;
  return agreements.filter((a) => a.reviewNote !== '');
}
