// Asking the site-wide search index (src/db/search-index.ts): capped counts per kind and a page of
// one kind's matches, newest first — the same answers on both engines, each engine reaching them
// its own fast way (measured with the bench's search latency probe over 100,000 documents). A
// query is the AND of exact tokens on both (src/domain/search-tokens.ts), so each engine answers
// from its index without reading the documents' token text:
//   - SQLite: FTS5 is keyed by the documents' search keys (newest day first), so it walks a word's
//     matches newest first and stops after a LIMIT; a count stops at the cap the same way.
//   - PostgreSQL: each kind has a GIN index of its own (migration 2026-12-09T1200) that holds,
//     besides the text's tokens, the month of each document (migration 2026-12-08T1130), so a
//     capped count is one bitmap scan of the kind's postings of the query's tokens, and a page of
//     a broad word is read month by month, newest first (windows of 1, 4, 16… months), each window
//     a bitmap scan that meets only that window's matches. All of a kind's steps, its count and its
//     page's documents are one statement (search_kind_page, migration 2026-12-10T0900), asked for
//     every kind at once: a search is then one round trip deep, not five.
// The results' order (dated newest first, no date last, then id by code point) is the same on both:
// SQLite's page is ordered here in JavaScript; PostgreSQL orders in the "C" collation (UTF-8 bytes,
// that is code points), and its page is sorted here once more, so no database collation can change
// it. Nothing is cached: every search does its work.
import { sql, type Kysely } from 'kysely';
import { ftsMatchExpression, queryTerms, tsQueryExpression, type QueryTerm } from '../domain/search-tokens.ts';
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

/**
 * Counts stop past this many: a broad word (合成, 区) matches tens of thousands of documents, and
 * counting them all costs a pass over every match on each search. A page then says 「1,000件以上」,
 * and only the first SEARCH_COUNT_CAP results are reachable by page (bounded offset).
 */
export const SEARCH_COUNT_CAP = 1_000;

type Terms = QueryTerm[];

/** FTS5: the kind's column holds the kind (quoted: a kind such as pr_page is a phrase of two words there); the tokens' column the text's tokens. */
function ftsQuery(terms: Terms, kind: SearchKind): string {
  return `kind : "${kind}" AND tokens : (${ftsMatchExpression(terms)})`;
}

/**
 * SQLite: the keys of the kind's newest matches, at most SEARCH_COUNT_CAP + 1 (as many means "more
 * than the cap"): the capped count and, in one walk of the index, the candidates of any page (a page
 * never reaches past the cap). Counting first and walking again for the page cost a word common in
 * one kind and rare in another (区: events) two walks of both long lists, 3 ms each.
 */
async function newestKeys(db: Kysely<Database>, terms: Terms, kind: SearchKind): Promise<number[]> {
  const { rows } = await sql<{ key: number }>`select rowid as key from search_fts where search_fts match ${ftsQuery(terms, kind)} order by rowid desc limit ${SEARCH_COUNT_CAP + 1}`.execute(db);
  return rows.map((r) => Number(r.key));
}

/** What a search page shows: each kind's capped count, and the page of results of the kinds asked for. */
export interface SearchResults {
  counts: Map<SearchKind, number>;
  hits: Map<SearchKind, SearchHit[]>;
}

/**
 * The counts of every kind in `kinds` and, for each kind `pageOf` gives a page to, that page of its
 * matches (newest first). PostgreSQL: one statement per kind, all at once; SQLite: one walk of the
 * index per kind for its count and its page's candidates, then the page's documents.
 */
export async function searchAcrossKinds(
  db: Kysely<Database>,
  text: string,
  kinds: readonly SearchKind[],
  pageOf: (kind: SearchKind) => { limit: number; offset: number } | undefined,
): Promise<SearchResults> {
  const results: SearchResults = { counts: new Map(), hits: new Map() };
  const terms = queryTerms(text);
  if (terms.length === 0 || kinds.length === 0) return results;
  if (isPostgres(db)) {
    const query = tsQueryExpression(terms);
    await Promise.all(
      kinds.map(async (kind) => {
        const page = pageOf(kind);
        const { rows } = await sql<{ matches: string; id: string | null; title: string; excerpt: string; url: string; dated: string | null }>`
          select matches, id, title, excerpt, url, dated
          from search_kind_page(${kind}, to_tsquery('simple', ${query}), ${SEARCH_COUNT_CAP + 1}, ${page?.offset ?? 0}, ${page?.limit ?? 0})`.execute(db);
        results.counts.set(kind, Number(rows[0]?.matches ?? 0));
        if (page) results.hits.set(kind, rows.filter((r): r is typeof r & { id: string } => r.id !== null).map((r) => ({ id: r.id, kind, title: r.title, excerpt: r.excerpt, url: r.url, dated: r.dated })).sort(byRecency));
      }),
    );
    return results;
  }
  await Promise.all(
    kinds.map(async (kind) => {
      const keys = await newestKeys(db, terms, kind);
      results.counts.set(kind, keys.length);
      const page = pageOf(kind);
      if (page) results.hits.set(kind, keys.length > 0 ? await sqlitePage(db, terms, kind, keys, page) : []);
    }),
  );
  return results;
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

/**
 * SQLite: one page of a kind's matches, newest first, from its newest keys (newestKeys): the first
 * `wanted` keys (newest day first) and every match of the last day they reach (the order within a
 * day is made by byRecency), so the page's documents are among them. The keys hold that whole day
 * unless they end inside it; then the day is asked for.
 */
async function sqlitePage(db: Kysely<Database>, terms: Terms, kind: SearchKind, newest: number[], page: { limit: number; offset: number }): Promise<SearchHit[]> {
  const wanted = page.offset + page.limit;
  const dayOf = (key: number) => Math.floor(key / SEARCH_KEY_DAY);
  let keys = newest.slice(0, wanted);
  if (newest.length > wanted) {
    const lastDay = dayOf(keys.at(-1)!);
    if (newest.length <= SEARCH_COUNT_CAP || dayOf(newest.at(-1)!) < lastDay) {
      keys = newest.filter((k) => dayOf(k) >= lastDay);
    } else {
      // Bound as BigInt: better-sqlite3 binds a JavaScript number as a REAL, and FTS5 then reads every match instead of seeking to the day (measured: 37 ms against 0.3 ms).
      const from = BigInt(lastDay * SEARCH_KEY_DAY);
      const to = BigInt((lastDay + 1) * SEARCH_KEY_DAY);
      const sameDay = await sql<{ key: number }>`select rowid as key from search_fts where search_fts match ${ftsQuery(terms, kind)} and rowid >= ${from} and rowid < ${to}`.execute(db);
      keys = [...newest.filter((k) => dayOf(k) > lastDay), ...sameDay.rows.map((r) => Number(r.key))];
    }
  }
  const candidates = await db.selectFrom('search_documents').select(['id', 'dated']).where('search_key', 'in', keys).execute();
  const onPage = candidates.sort(byRecency).slice(page.offset, wanted);
  if (onPage.length === 0) return [];
  const docs = await db
    .selectFrom('search_documents')
    .select(['id', 'kind', 'title', 'excerpt', 'url', 'dated'])
    .where(
      'id',
      'in',
      onPage.map((c) => c.id),
    )
    .execute();
  const byId = new Map(docs.map((d) => [d.id, d]));
  return onPage.map((c) => byId.get(c.id)).filter((d): d is SearchHit => d !== undefined);
}
