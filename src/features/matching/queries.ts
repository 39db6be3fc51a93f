// Reads of matching entries: the members' listing with its filters, one entry, a municipality's own
// entries, and every current entry grouped by owner (the candidates of the ranking).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { MatchingParty } from '../../domain/matching.ts';
import { regions } from '../../domain/regions.ts';
import type { ListingFilter } from './form.ts';
import { withDetails, type EntryRecord } from './record.ts';

/** At most this many entries on the listing (filters narrow it). */
export const listingLimit = 300;

/** Open entries whose period has not ended on `asOf`, newest change first, filtered. */
export async function listEntries(db: Kysely<Database>, filter: ListingFilter, asOf: string): Promise<EntryRecord[]> {
  let query = db
    .selectFrom('matching_entries')
    .selectAll()
    .where('status', '=', 'open')
    .where((eb) => eb.or([eb('period_end', 'is', null), eb('period_end', '>=', asOf)]));
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.direction) query = query.where('direction', '=', filter.direction);
  if (filter.field) query = query.where('id', 'in', (eb) => eb.selectFrom('matching_entry_fields').select('entry_id').where('field', '=', filter.field!));
  if (filter.region) {
    const region = regions.find((r) => r.id === filter.region)!;
    query = query.where('prefecture_code', '>=', region.prefectures[0]).where('prefecture_code', '<=', region.prefectures[1]);
  }
  const rows = await query.orderBy('updated_at', 'desc').orderBy('id').limit(listingLimit).execute();
  return withDetails(db, rows);
}

export async function entryById(db: Kysely<Database>, id: string): Promise<EntryRecord | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
  const row = await db.selectFrom('matching_entries').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await withDetails(db, [row]))[0] : undefined;
}

/** Every entry of a municipality or ward (closed and past ones included), newest change first. */
export async function entriesOwnedBy(db: Kysely<Database>, code: string | null): Promise<EntryRecord[]> {
  let query = db.selectFrom('matching_entries').selectAll();
  if (code !== null) query = query.where('local_government_code', '=', code);
  return withDetails(db, await query.orderBy('updated_at', 'desc').orderBy('id').limit(1000).execute());
}

/** Every open entry, current on `asOf`, grouped by its owner: the ranking's candidates. */
export async function currentParties(db: Kysely<Database>, asOf: string): Promise<Map<string, MatchingParty & { entries: EntryRecord[] }>> {
  const rows = await db
    .selectFrom('matching_entries')
    .selectAll()
    .where('status', '=', 'open')
    .where((eb) => eb.or([eb('period_end', 'is', null), eb('period_end', '>=', asOf)]))
    .orderBy('local_government_code')
    .orderBy('id')
    .execute();
  const parties = new Map<string, MatchingParty & { entries: EntryRecord[] }>();
  for (const e of await withDetails(db, rows)) {
    const party = parties.get(e.code) ?? { code: e.code, name: e.ownerName, prefectureCode: e.prefectureCode, entries: [] };
    party.entries.push(e);
    parties.set(e.code, party);
  }
  return parties;
}

/** The name and prefecture of a municipality or ward. */
export async function governmentOf(db: Kysely<Database>, code: string): Promise<{ code: string; name: string; prefectureCode: string } | undefined> {
  const row = await db.selectFrom('local_governments').select(['code', 'name', 'prefecture_code']).where('code', '=', code).executeTakeFirst();
  return row ? { code: row.code, name: row.name, prefectureCode: row.prefecture_code } : undefined;
}
