// The site-wide search index (migration 2026-12-07T1400), shared by the features that publish
// documents (news, events, municipalities, later PR pages and the board) and the search page.
// Each feature tells what changed since a point (its `updated_at`); `syncSearchKind` brings the
// index up to it. Writes are idempotent, so two instances syncing at once do no harm.
import { sql, type Kysely } from 'kysely';
import { ftsMatchExpression, indexTokens, queryTerms, tsQueryExpression } from '../domain/search-tokens.ts';
import { searchTokensMatch } from './dialect.ts';
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

export async function upsertSearchDocuments(db: Kysely<Database>, docs: readonly SearchDocument[]): Promise<void> {
  for (let i = 0; i < docs.length; i += CHUNK) {
    const rows = docs.slice(i, i + CHUNK).map((d) => {
      const excerpt = d.excerpt.slice(0, EXCERPT_LIMIT);
      return { id: d.id, kind: d.kind, title: d.title.slice(0, 300), excerpt, url: d.url, dated: d.dated, tokens: indexTokens([d.title, excerpt, d.keywords]) };
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
}

export interface SearchHit {
  id: string;
  kind: SearchKind;
  title: string;
  excerpt: string;
  url: string;
  dated: string | null;
}

export interface SearchQuery {
  text: string;
  kind: SearchKind | null;
  limit: number;
  offset: number;
}

/** The normalised terms of a query, or none when it has no searchable character. */
export function searchTermsOf(text: string) {
  return queryTerms(text);
}

/** Matching documents of one kind (or all), newest first. */
export async function searchDocuments(db: Kysely<Database>, query: SearchQuery): Promise<SearchHit[]> {
  const terms = queryTerms(query.text);
  if (terms.length === 0) return [];
  let select = db
    .selectFrom('search_documents')
    .select(['id', 'kind', 'title', 'excerpt', 'url', 'dated'])
    .where(searchTokensMatch(db, { fts: ftsMatchExpression(terms), tsquery: tsQueryExpression(terms) }));
  if (query.kind) select = select.where('kind', '=', query.kind);
  // NULLS LAST spelled out: the engines' defaults differ, and the results must not.
  return select.orderBy(sql`dated desc nulls last`).orderBy('id').limit(query.limit).offset(query.offset).execute();
}

/**
 * Counts stop past this many: a broad word (合成, 区) matches tens of thousands of documents, and
 * counting them all costs a pass over every match on each search. A page then says 「1,000件以上」,
 * and only the first SEARCH_COUNT_CAP results are reachable by page (bounded offset).
 */
export const SEARCH_COUNT_CAP = 1_000;

/** How many documents of each kind match, up to SEARCH_COUNT_CAP + 1 (which means "more than the cap"). */
export async function countSearchMatches(db: Kysely<Database>, text: string, kinds: readonly SearchKind[]): Promise<Map<SearchKind, number>> {
  const terms = queryTerms(text);
  if (terms.length === 0) return new Map();
  const match = searchTokensMatch(db, { fts: ftsMatchExpression(terms), tsquery: tsQueryExpression(terms) });
  const counts = await Promise.all(
    kinds.map(async (kind) => {
      const row = await db
        .selectFrom((eb) => eb.selectFrom('search_documents').select(sql<number>`1`.as('one')).where(match).where('kind', '=', kind).limit(SEARCH_COUNT_CAP + 1).as('capped'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return [kind, Number(row.n)] as const;
    }),
  );
  return new Map(counts);
}
