// Asking the site-wide search index (src/db/search-index.ts): capped counts per kind and a page of
// one kind's matches, newest first — the same answers on both engines, each engine reaching them
// its own fast way (measured with the bench's search latency probe over 100,000 documents):
//   - SQLite: FTS5 is keyed by the documents' search keys (newest day first), so it walks a word's
//     matches newest first and stops after a LIMIT; a count stops at the cap the same way.
//   - PostgreSQL: a capped count over the GIN index; a page either from all the matches (when they
//     are few, at most the cap: one bitmap scan) or, for a broad word, off the recency index
//     (kind, dated desc, id), which meets matches every few rows and stops after the page.
// The final order is made here, in JavaScript, on both engines (dated newest first, no date last,
// then id by code point), so neither engine's collation can change it.
import { sql, type Kysely } from 'kysely';
import { ftsMatchExpression, queryTerms, tsQueryExpression } from '../domain/search-tokens.ts';
import { isPostgres } from './dialect.ts';
import { SEARCH_KEY_DAY } from './search-index.ts';
import type { Database, SearchKind } from './schema.ts';

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
  kind: SearchKind;
  limit: number;
  offset: number;
  /** The kind's capped count (countSearchMatches), when known: PostgreSQL picks its way by it. */
  matches?: number;
}

/**
 * Counts stop past this many: a broad word (合成, 区) matches tens of thousands of documents, and
 * counting them all costs a pass over every match on each search. A page then says 「1,000件以上」,
 * and only the first SEARCH_COUNT_CAP results are reachable by page (bounded offset).
 */
export const SEARCH_COUNT_CAP = 1_000;

type Terms = ReturnType<typeof queryTerms>;

/** FTS5: the kind's column holds the kind (quoted: a kind such as pr_page is a phrase of two words there); the tokens' column the text's tokens. */
function ftsQuery(terms: Terms, kind: SearchKind): string {
  return `kind : "${kind}" AND tokens : (${ftsMatchExpression(terms)})`;
}

const tsMatch = (terms: Terms) => sql<boolean>`search_documents.tsv @@ to_tsquery('simple', ${tsQueryExpression(terms)})`;

/** How many documents of each kind match, up to SEARCH_COUNT_CAP + 1 (which means "more than the cap"). */
export async function countSearchMatches(db: Kysely<Database>, text: string, kinds: readonly SearchKind[]): Promise<Map<SearchKind, number>> {
  const terms = queryTerms(text);
  if (terms.length === 0) return new Map();
  const postgres = isPostgres(db);
  const counts = await Promise.all(
    kinds.map(async (kind) => {
      const { rows } = postgres
        ? await sql<{ n: string }>`select count(*) as n from (select 1 from search_documents where kind = ${kind} and ${tsMatch(terms)} limit ${SEARCH_COUNT_CAP + 1}) capped`.execute(db)
        : await sql<{ n: number }>`select count(*) as n from (select rowid from search_fts where search_fts match ${ftsQuery(terms, kind)} limit ${SEARCH_COUNT_CAP + 1})`.execute(db);
      return [kind, Number(rows[0]!.n)] as const;
    }),
  );
  return new Map(counts);
}

/** The results' order: newest first, documents without a date last, then by id (code points, as both engines' binary order). */
function byRecency(a: { dated: string | null; id: string }, b: { dated: string | null; id: string }): number {
  if (a.dated !== b.dated) {
    if (a.dated === null) return 1;
    if (b.dated === null) return -1;
    return a.dated < b.dated ? 1 : -1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** One page of a kind's matching documents, newest first. */
export async function searchDocuments(db: Kysely<Database>, query: SearchQuery): Promise<SearchHit[]> {
  const terms = queryTerms(query.text);
  if (terms.length === 0) return [];
  const wanted = query.offset + query.limit;
  const candidates = isPostgres(db) ? await postgresCandidates(db, terms, query, wanted) : await sqliteCandidates(db, terms, query.kind, wanted);
  const page = candidates.sort(byRecency).slice(query.offset, wanted);
  if (page.length === 0) return [];
  const docs = await db
    .selectFrom('search_documents')
    .select(['id', 'kind', 'title', 'excerpt', 'url', 'dated'])
    .where(
      'id',
      'in',
      page.map((c) => c.id),
    )
    .execute();
  const byId = new Map(docs.map((d) => [d.id, d]));
  return page.map((c) => byId.get(c.id)).filter((d): d is SearchHit => d !== undefined);
}

/**
 * SQLite: the first `wanted` matches in key order (newest day first), and every match of the last
 * day reached (its documents' order within the day is made by byRecency), so the first `wanted` in
 * the results' order are among them.
 */
async function sqliteCandidates(db: Kysely<Database>, terms: Terms, kind: SearchKind, wanted: number): Promise<Array<{ id: string; dated: string | null }>> {
  const match = ftsQuery(terms, kind);
  const first = (await sql<{ key: number }>`select rowid as key from search_fts where search_fts match ${match} order by rowid desc limit ${wanted}`.execute(db)).rows.map((r) => r.key);
  let keys = first;
  if (first.length === wanted) {
    const lastDay = Math.floor(first.at(-1)! / SEARCH_KEY_DAY);
    // Bound as BigInt: better-sqlite3 binds a JavaScript number as a REAL, and FTS5 then reads every match instead of seeking to the day (measured: 37 ms against 0.3 ms).
    const from = BigInt(lastDay * SEARCH_KEY_DAY);
    const to = BigInt((lastDay + 1) * SEARCH_KEY_DAY);
    const sameDay = await sql<{ key: number }>`select rowid as key from search_fts where search_fts match ${match} and rowid >= ${from} and rowid < ${to}`.execute(db);
    keys = [...first.filter((k) => Math.floor(k / SEARCH_KEY_DAY) > lastDay), ...sameDay.rows.map((r) => r.key)];
  }
  if (keys.length === 0) return [];
  return db.selectFrom('search_documents').select(['id', 'dated']).where('search_key', 'in', keys).execute();
}

/**
 * PostgreSQL: when the kind's matches are few (the count did not reach the cap), all of them (one
 * bitmap scan, then ordered here); otherwise the first `wanted` off the recency index, plus every
 * match sharing the last one's date (whose order by id is made by byRecency, not the collation).
 */
async function postgresCandidates(db: Kysely<Database>, terms: Terms, query: SearchQuery, wanted: number): Promise<Array<{ id: string; dated: string | null }>> {
  const matches = query.matches ?? (await countSearchMatches(db, query.text, [query.kind])).get(query.kind) ?? 0;
  if (matches === 0) return [];
  const base = db.selectFrom('search_documents').select(['id', 'dated']).where('kind', '=', query.kind).where(tsMatch(terms));
  if (matches <= SEARCH_COUNT_CAP) return base.execute();
  const first = await base.orderBy(sql`dated desc nulls last`).orderBy('id').limit(wanted).execute();
  if (first.length < wanted) return first;
  const lastDated = first.at(-1)!.dated;
  const sameDate = await base.where((eb) => (lastDated === null ? eb('dated', 'is', null) : eb('dated', '=', lastDated))).execute();
  return [...first.filter((r) => r.dated !== lastDated), ...sameDate];
}
