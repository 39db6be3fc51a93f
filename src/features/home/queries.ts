import type { Kysely } from 'kysely';
import { cachedPerDatabase } from '../../db/cache.ts';
import type { Database } from '../../db/schema.ts';

export interface MasterDataSummary {
  prefectures: number;
  municipalities: number;
  byKind: Record<'市' | '町' | '村' | '特別区', number>;
}

/** Counts of the local governments Renkei knows, as live figures for the top page. */
export const masterDataSummary = cachedPerDatabase(60_000, loadMasterDataSummary);

async function loadMasterDataSummary(db: Kysely<Database>): Promise<MasterDataSummary> {
  const rows = await db
    .selectFrom('local_governments')
    .select(['level', 'kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('is_counted', '=', 1)
    .where('valid_to', 'is', null)
    .groupBy(['level', 'kind'])
    .execute();
  const summary: MasterDataSummary = { prefectures: 0, municipalities: 0, byKind: { 市: 0, 町: 0, 村: 0, 特別区: 0 } };
  for (const r of rows) {
    const n = Number(r.n);
    if (r.level === 'prefecture') summary.prefectures += n;
    else {
      summary.municipalities += n;
      if (r.kind in summary.byKind) summary.byKind[r.kind as keyof MasterDataSummary['byKind']] += n;
    }
  }
  return summary;
}
