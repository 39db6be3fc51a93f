// The site-wide search index (migration 2026-12-07T1400), shared by the features that publish
// documents (news, events, municipalities, later PR pages and the board) and the search page.
// Each feature tells what changed since a point (its `updated_at`); `syncSearchKind` brings the
// index up to it. Writes are idempotent, so two instances syncing at once do no harm.
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { indexTokens } from '../domain/search-tokens.ts';
import { isPostgres } from './dialect.ts';
import type { Database, SearchKind } from './schema.ts';

export interface SearchDocument {
  /** `<kind>:<id of the thing>` */
  id: string;
  kind: SearchKind;
  title: string;
  /** Plain text shown under the title and searched (at most 2,000 characters are kept). */
  excerpt: string;
  url: string;
  dated: string | null;
  /** Further words that find the document without being shown (e.g. a reading in kana). */
  keywords?: string;
}

export interface SearchChanges {
  upserts: SearchDocument[];
  /** Ids of documents that are no longer public. */
  removals: string[];
  /** The last change included (the next sync asks for what comes after it). */
  through: SyncPoint;
}

/**
 * A point in a kind's changes: the last row's `updated_at` and its id. Rows are read in that order
 * and the next sync asks for what comes strictly after it, so many rows sharing one timestamp (an
 * import) are neither read twice nor skipped.
 */
export interface SyncPoint {
  at: string;
  id: string;
}

/** Never synced: from the beginning (a real instant: PostgreSQL compares it with timestamps). */
export const syncStart: SyncPoint = { at: '1970-01-01T00:00:00.000Z', id: '' };

function encodePoint(point: SyncPoint): string {
  return `${point.at}|${point.id}`;
}

function decodePoint(text: string | undefined): SyncPoint {
  if (!text) return syncStart;
  const at = text.indexOf('|');
  return at < 0 ? { at: text, id: '' } : { at: text.slice(0, at), id: text.slice(at + 1) };
}

const EXCERPT_LIMIT = 2_000;
const CHUNK = 200;

/** Bits of a search key below the day: a hash of the document's id. */
export const SEARCH_KEY_DAY = 2 ** 35;
const DAY_LIMIT = 2 ** 17;
const EPOCH_2000 = Date.UTC(2000, 0, 1);

/** The day of a `dated` (days since 2000-01-01; 0 for none or earlier): rises with the text's order. */
export function searchKeyDay(dated: string | null): number {
  const day = dated && /^\d{4}-\d{2}-\d{2}/.test(dated) ? Date.parse(`${dated.slice(0, 10)}T00:00:00Z`) : NaN;
  if (!Number.isFinite(day)) return 0;
  return Math.min(DAY_LIMIT - 1, Math.max(0, Math.floor((day - EPOCH_2000) / 86_400_000)));
}

/**
 * A document's search key: its day above, a hash of its id below (unique in practice; a clash
 * takes the next free number of the same day). A larger key is a later (or equal) day, so walking
 * the keys downwards meets the newest documents first (SQLite's FTS5 is keyed by it). Under 2^52:
 * an exact JavaScript number.
 */
function searchKeyOf(id: string, dated: string | null): number {
  const low = Number.parseInt(createHash('sha1').update(id).digest('hex').slice(0, 9), 16) % SEARCH_KEY_DAY;
  return searchKeyDay(dated) * SEARCH_KEY_DAY + low;
}

/** The next key of the same day (wrapping within the day, so the day never changes). */
function nextKey(key: number): number {
  const day = Math.floor(key / SEARCH_KEY_DAY);
  return day * SEARCH_KEY_DAY + ((key % SEARCH_KEY_DAY) + 1) % SEARCH_KEY_DAY;
}

/** Keys for the rows, none taken by another document (in the index or in the rows). */
async function assignKeys(db: Kysely<Database>, rows: Array<{ id: string; dated: string | null }>): Promise<number[]> {
  const keys = rows.map((r) => searchKeyOf(r.id, r.dated));
  for (;;) {
    const taken = new Map((await db.selectFrom('search_documents').select(['id', 'search_key']).where('search_key', 'in', keys).execute()).map((r) => [Number(r.search_key), r.id]));
    const used = new Set<number>();
    let clashes = 0;
    rows.forEach((row, i) => {
      const owner = taken.get(keys[i]!);
      if ((owner !== undefined && owner !== row.id) || used.has(keys[i]!)) {
        keys[i] = nextKey(keys[i]!);
        clashes++;
      }
      used.add(keys[i]!);
    });
    if (clashes === 0) return keys;
  }
}

export async function upsertSearchDocuments(db: Kysely<Database>, docs: readonly SearchDocument[]): Promise<void> {
  for (let i = 0; i < docs.length; i += CHUNK) {
    const chunk = docs.slice(i, i + CHUNK);
    const keys = await assignKeys(db, chunk.map((d) => ({ id: d.id, dated: d.dated })));
    const rows = chunk.map((d, k) => {
      const excerpt = d.excerpt.slice(0, EXCERPT_LIMIT);
      return { id: d.id, kind: d.kind, title: d.title.slice(0, 300), excerpt, url: d.url, dated: d.dated, tokens: indexTokens([d.title, excerpt, d.keywords]), search_key: keys[k]! };
    });
    await db
      .insertInto('search_documents')
      .values(rows)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          kind: eb.ref('excluded.kind'),
          title: eb.ref('excluded.title'),
          excerpt: eb.ref('excluded.excerpt'),
          url: eb.ref('excluded.url'),
          dated: eb.ref('excluded.dated'),
          tokens: eb.ref('excluded.tokens'),
          search_key: eb.ref('excluded.search_key'),
        })),
      )
      .execute();
  }
}

export async function removeSearchDocuments(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) await db.deleteFrom('search_documents').where('id', 'in', ids.slice(i, i + CHUNK)).execute();
}

/** Brings one kind of document up to date: asks `changesSince` from the last point reached. */
export async function syncSearchKind(db: Kysely<Database>, kind: SearchKind, changesAfter: (point: SyncPoint) => Promise<SearchChanges>): Promise<void> {
  const row = await db.selectFrom('search_sync').select('synced_to').where('kind', '=', kind).executeTakeFirst();
  const changes = await changesAfter(decodePoint(row?.synced_to));
  if (changes.upserts.length === 0 && changes.removals.length === 0 && row) return;
  const through = encodePoint(changes.through);
  await db.transaction().execute(async (trx) => {
    await upsertSearchDocuments(trx, changes.upserts);
    await removeSearchDocuments(trx, changes.removals);
    await trx
      .insertInto('search_sync')
      .values({ kind, synced_to: through })
      .onConflict((oc) => oc.column('kind').doUpdateSet({ synced_to: through }))
      .execute();
  });
  if (isPostgres(db)) await mergePendingEntries(db, kind);
}

/**
 * PostgreSQL: moves the kind's GIN index's pending list (where inserted documents' tokens wait,
 * `fastupdate`) into the index proper. Every search scans the whole pending list, document by
 * document: after the bench's 100,000 documents were indexed, a count of 防災 took 217 ms with
 * the list, 4 ms without. Autovacuum also merges it, but only when it runs (it may be off, or far
 * behind a bulk import); here it is done right after the writes that filled it, in one pass.
 */
async function mergePendingEntries(db: Kysely<Database>, kind: SearchKind): Promise<void> {
  try {
    await sql`select gin_clean_pending_list(${`search_documents_${kind}_tsv_idx`}::regclass)`.execute(db);
  } catch (error) {
    // Only the index's owner may merge it (as for VACUUM); autovacuum will, in time. Searches are
    // right either way, only slower.
    if ((error as { code?: unknown }).code !== '42501') throw error;
  }
}

