// The 23 special wards as the registry keeps them: 特別区長会 block and mayor (as of a date).
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Government, RecordOrigin } from '../model/shapes.ts';

export interface Ward extends RecordOrigin {
  code: string;
  name: string;
  kana: string;
  /** 特別区長会 block, 1–5. */
  block: number;
  mayorName: string;
  mayorAsOf: string | null;
  websiteUrl: string | null;
}

/** The wards that are not deleted, in code order. */
export async function loadWards(db: Kysely<Database>, governments: ReadonlyMap<string, Government>): Promise<Ward[]> {
  const rows = await db.selectFrom('wards').selectAll().where('deleted_at', 'is', null).orderBy('code').execute();
  return rows.map((r) => ({
    code: r.code,
    name: governments.get(r.code)?.name ?? r.code,
    kana: governments.get(r.code)?.kana ?? '',
    block: Number(r.block),
    mayorName: r.mayor_name,
    mayorAsOf: r.mayor_as_of,
    websiteUrl: r.website_url,
    sourceUrl: r.source_url,
    notes: r.notes,
    provenance: r.provenance,
  }));
}
