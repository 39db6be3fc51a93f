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
//     a bitmap scan that meets only that window's matches.
// The final order is made here, in JavaScript, on both engines (dated newest first, no date last,
// then id by code point), so neither engine's collation can change it. Nothing is cached: every
// search does its work.
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

type Terms = QueryTerm[];

/** FTS5: the kind's column holds the kind (quoted: a kind such as pr_page is a phrase of two words there); the tokens' column the text's tokens. */
function ftsQuery(terms: Terms, kind: SearchKind): string {
  return `kind : "${kind}" AND tokens : (${ftsMatchExpression(terms)})`;
}

// PostgreSQL's extra tokens in the stored tsvector, spelled as migration 2026-12-08T1130 writes them.
// (It also writes the kind as a token; the kind's own index answers that now, and is much cheaper
// than a posting list of every document of the kind.)
/** The month token of a `dated` (its first seven characters, digits only: 2026-12 → searchmonth202612). */
const monthToken = (yyyyMm: string) => `searchmonth${yyyyMm.replace(/[^0-9]/g, '')}`;
const NO_DATE_TOKEN = 'searchnodate';

/** The tsquery of documents holding every token of the terms, and one of `within` (month tokens) when given. */
function tsQuery(terms: Terms, within?: readonly string[]): string {
  const parts = [tsQueryExpression(terms)];
  if (within) parts.push(`(${within.join(' | ')})`);
  return parts.join(' & ');
}

/** At most `maxRows` of the kind's matches of the tsquery, through the kind's GIN index only (search_kind_match, migration 2026-12-09T1200). */
function postgresMatches(db: Kysely<Database>, kind: SearchKind, query: string, maxRows: number) {
  return sql<{ id: string; dated: string | null }>`select id, dated from search_kind_match(${kind}, to_tsquery('simple', ${query}), ${maxRows})`.execute(db).then((r) => r.rows);
}

/** How many documents of each kind match, up to SEARCH_COUNT_CAP + 1 (which means "more than the cap"). */
export async function countSearchMatches(db: Kysely<Database>, text: string, kinds: readonly SearchKind[]): Promise<Map<SearchKind, number>> {
  const terms = queryTerms(text);
  if (terms.length === 0) return new Map();
  if (kinds.length === 0) return new Map();
  if (isPostgres(db)) {
    // Every kind's count in one statement: one round trip instead of one per kind (each count is
    // a fraction of a millisecond from the kind's index; the round trips were most of the time).
    const query = tsQuery(terms);
    const counts = kinds.map((kind, i) => sql`search_kind_match_count(${kind}, to_tsquery('simple', ${query}), ${SEARCH_COUNT_CAP + 1}) as ${sql.ref(`n${i}`)}`);
    const { rows } = await sql<Record<string, string>>`select ${sql.join(counts)}`.execute(db);
    return new Map(kinds.map((kind, i) => [kind, Number(rows[0]![`n${i}`])]));
  }
  const counts = await Promise.all(
    kinds.map(async (kind) => {
      const { rows } = await sql<{ n: number }>`select count(*) as n from (select rowid from search_fts where search_fts match ${ftsQuery(terms, kind)} limit ${SEARCH_COUNT_CAP + 1})`.execute(db);
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

/** The months from `newest` down to `oldest` (each 'YYYY-MM'), newest first. */
function monthsBetween(newest: string, oldest: string): string[] {
  const months: string[] = [];
  let year = Number(newest.slice(0, 4));
  let month = Number(newest.slice(5, 7));
  const stop = oldest.slice(0, 7);
  if (!Number.isInteger(year) || !Number.isInteger(month)) return months;
  for (;;) {
    const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (text < stop || months.length > 12 * 200) return months;
    months.push(text);
    if (--month === 0) {
      month = 12;
      year--;
    }
  }
}

/**
 * PostgreSQL: when the kind's matches are few (the count did not reach the cap), all of them (one
 * bitmap scan, then ordered here); otherwise whole months of matches, newest month first, in
 * windows growing fourfold, until `wanted` are in hand — the matches of the months read are
 * complete, so the first `wanted` in the results' order are among them; then the undated ones if
 * still short (they come last).
 */
async function postgresCandidates(db: Kysely<Database>, terms: Terms, query: SearchQuery, wanted: number): Promise<Array<{ id: string; dated: string | null }>> {
  const matches = query.matches ?? (await countSearchMatches(db, query.text, [query.kind])).get(query.kind) ?? 0;
  if (matches === 0) return [];
  const matching = (within?: readonly string[]) => postgresMatches(db, query.kind, tsQuery(terms, within), 2 ** 31 - 1);
  if (matches <= SEARCH_COUNT_CAP) return matching();
  // One statement: the kind's newest and oldest dates (off the recency index: kind, dated desc nulls
  // last, id) and the matches of the newest month, which answer most pages (a round trip fewer).
  const { rows } = await sql<{ newest: string | null; oldest: string | null; id: string | null; dated: string | null }>`
    with bounds as (select
      (select dated from search_documents where kind = ${query.kind} and dated is not null order by dated desc limit 1) as newest,
      (select dated from search_documents where kind = ${query.kind} and dated is not null order by dated asc limit 1) as oldest)
    select b.newest, b.oldest, m.id, m.dated from bounds b
    left join lateral search_kind_match(${query.kind}, to_tsquery('simple', ${tsQuery(terms)} || ' & searchmonth' || regexp_replace(substr(b.newest, 1, 7), '[^0-9]', '', 'g')), ${2 ** 31 - 1}) m on true`.execute(db);
  const { newest, oldest } = rows[0] ?? { newest: null, oldest: null };
  const months = newest && oldest ? monthsBetween(newest, oldest) : [];
  const found = rows.filter((r): r is typeof r & { id: string } => r.id !== null).map((r) => ({ id: r.id, dated: r.dated }));
  // Then windows of 4, 16… months: each a round trip, so they grow fast; a dense word (合成, hundreds
  // a month) is answered by the first month, a sparser one (観光 in news, about 30 a month) by the
  // next window. (A first window sized by the capped count read thousands of a dense word's
  // matches: 20 → 47 ms.)
  for (let from = 1, length = 4; from < months.length && found.length < wanted; from += length, length *= 4) {
    found.push(...(await matching(months.slice(from, from + length).map(monthToken))));
  }
  if (found.length < wanted) found.push(...(await matching([NO_DATE_TOKEN])));
  return found;
}
