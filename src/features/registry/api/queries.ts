// Reads of the API that the shared listing module does not already offer.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

export async function wardList(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('wards')
    .innerJoin('local_governments as lg', 'lg.code', 'wards.code')
    .select(['wards.code', 'lg.name', 'lg.kana', 'wards.block', 'wards.mayor_name', 'wards.mayor_as_of', 'wards.source_url'])
    .where('wards.deleted_at', 'is', null)
    .orderBy('wards.code')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    kana: r.kana,
    block: Number(r.block),
    mayorName: r.mayor_name,
    mayorAsOf: r.mayor_as_of,
    sourceUrl: r.source_url,
  }));
}

/** The named municipalities of a group's derived member codes, in Japanese (kana) order. */
export async function groupMembers(db: Kysely<Database>, codes: readonly string[]) {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('local_governments')
    .select(['code', 'name', 'kana', 'kind'])
    .where('code', 'in', [...codes])
    .orderBy('kana_rank')
    .execute();
  return rows.map((r) => ({ code: r.code, name: r.name, kana: r.kana, kind: r.kind }));
}
