// Regional exchanges (地域別の交流): a region of 北海道 (its 振興局 area) paired with one ward, with
// the region's member municipalities and the council that runs it.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Names } from '../model/names.ts';
import { compareText, pushTo, type Government, type RecordOrigin, type WardRef } from '../model/shapes.ts';

export interface RegionalExchange extends RecordOrigin {
  id: string;
  regionName: string;
  prefectureCode: string;
  ward: WardRef;
  startedFiscalYear: number | null;
  endedOn: string | null;
  councilName: string;
  activities: string;
  /** In 五十音 order of their reading. */
  members: Government[];
}

/** The exchanges that are not deleted, by ward, then region. */
export async function loadRegionalExchanges(db: Kysely<Database>, names: Names): Promise<RegionalExchange[]> {
  const [rows, memberRows] = await Promise.all([
    db.selectFrom('regional_exchanges').selectAll().where('deleted_at', 'is', null).execute(),
    db.selectFrom('regional_exchange_members').selectAll().execute(),
  ]);
  const membersOf = new Map<string, Government[]>();
  for (const m of memberRows) {
    const g = names.governments.get(m.local_government_code);
    if (g) pushTo(membersOf, m.exchange_id, g);
  }
  return rows
    .map(
      (r): RegionalExchange => ({
        id: r.id,
        regionName: r.region_name,
        prefectureCode: r.prefecture_code,
        ward: names.ward(r.ward_code),
        startedFiscalYear: r.started_fiscal_year === null ? null : Number(r.started_fiscal_year),
        endedOn: r.ended_on,
        councilName: r.council_name,
        activities: r.activities,
        members: (membersOf.get(r.id) ?? []).sort((a, b) => a.kanaRank - b.kanaRank || compareText(a.code, b.code)),
        sourceUrl: r.source_url,
        notes: r.notes,
        provenance: r.provenance,
      }),
    )
    .sort((a, b) => compareText(a.ward.code, b.ward.code) || compareText(a.regionName, b.regionName) || compareText(a.id, b.id));
}
