// The board's own search, members only: the site's two-character tokens (src/domain/search-tokens.ts)
// in the board_search table (FTS5 on SQLite; on PostgreSQL a stored tsvector with a GIN index,
// migration 2026-12-09T0900, as src/db/search-index.ts does for the public index). Board posts are NEVER written to search_documents, so the public /search cannot
// find them. A hidden or deleted post, or a post of a hidden thread, leaves this index at once; the
// query also re-checks visibility, so nothing hidden is found even if the index lagged.
import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely';
import type { Database, Role } from '../../db/schema.ts';
import { ftsMatchExpression, indexTokens, queryTerms, tsQueryExpression } from '../../domain/search-tokens.ts';
import { markdownToText } from '../../views/markdown.ts';
import { authorOf, type Author } from './queries.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** PostgreSQL's first window of post ids (then 4×, 16×…): a common word fills a page in it, a rare one needs four or five. */
const firstWindow = 2_000;

/**
 * What a post is indexed under: the words of its text (Markdown removed), and for the opening post
 * the thread's title too, so a title word finds the thread once. Exported so that bulk loads (the
 * bench's synthetic volume) index exactly as a post through the app does.
 */
export function boardPostTokens(post: { threadTitle: string; body: string; isOpening: boolean }): string {
  return indexTokens([post.isOpening ? post.threadTitle : '', markdownToText(post.body)]);
}

export async function indexPost(db: Db, post: { id: number; threadId: number; threadTitle: string; body: string; isOpening: boolean }): Promise<void> {
  const tokens = boardPostTokens(post);
  await db
    .insertInto('board_search')
    .values({ post_id: post.id, thread_id: post.threadId, tokens })
    .onConflict((oc) => oc.column('post_id').doUpdateSet({ tokens, thread_id: post.threadId }))
    .execute();
}

export async function unindexPost(db: Db, postId: number): Promise<void> {
  await db.deleteFrom('board_search').where('post_id', '=', postId).execute();
}

/** Re-indexes every visible post of a thread (after its title changed or it was shown again) or removes them all. */
export async function reindexThread(db: Db, threadId: number): Promise<void> {
  const thread = await db.selectFrom('board_threads').select(['title', 'hidden']).where('id', '=', threadId).executeTakeFirst();
  await db.deleteFrom('board_search').where('thread_id', '=', threadId).execute();
  if (!thread || Number(thread.hidden) === 1) return;
  const posts = await db.selectFrom('board_posts').select(['id', 'body', 'position']).where('thread_id', '=', threadId).where('hidden', '=', 0).where('deleted_at', 'is', null).execute();
  for (const p of posts) await indexPost(db, { id: Number(p.id), threadId, threadTitle: thread.title, body: p.body, isOpening: Number(p.position) === 1 });
}

export interface BoardSearchHit {
  postId: number;
  threadId: number;
  position: number;
  threadTitle: string;
  body: string;
  author: Author;
  createdAt: string;
}

/**
 * Up to `count` indexed posts matching every term, highest id (newest) first, below `before`, each
 * with its post, thread and author when it is still visible. The candidates are read from the index,
 * newest first, stopping at the count, so a broad word (連携, in tens of thousands of posts) costs a
 * page, not every match joined and sorted (measured with the bench's board search probe over 100,000
 * synthetic posts): SQLite's FTS5 walks its rowids (the post ids) backwards; PostgreSQL asks window
 * by window of post ids, newest first, each window four times the last, and meets the word's GIN
 * bitmap with the window's before reading any row (board_search_window, migration 2026-12-09T1210;
 * board_search_ids, 2026-12-10T0910). Candidates, posts, threads and authors come in one statement:
 * on PostgreSQL each statement is a round trip, and the search was four in a row.
 */
async function matchingPosts(db: Kysely<Database>, terms: ReturnType<typeof queryTerms>, before: number | null, count: number) {
  const candidates =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? sql`select post_id from board_search_ids(to_tsquery('simple', ${tsQueryExpression(terms)}), ${before}, ${count}, ${firstWindow})`
      : // Bound as BigInt: better-sqlite3 binds a number as a REAL, and FTS5 would then read every match instead of seeking.
        sql`select rowid as post_id from board_search_fts where board_search_fts match ${ftsMatchExpression(terms)}
          ${before === null ? sql`` : sql`and rowid < ${BigInt(before)}`} order by rowid desc limit ${count}`;
  const { rows } = await sql<{
    id: number;
    thread_id: number | null;
    position: number;
    body: string;
    author_id: string;
    created_at: string;
    title: string;
    display_name: string;
    role: Role;
    lg_name: string | null;
  }>`select c.post_id as id, t.id as thread_id, p.position, p.body, p.author_id, p.created_at, t.title, a.display_name, a.role, lg.name as lg_name
    from (${candidates}) c
    left join board_posts p on p.id = c.post_id and p.hidden = 0 and p.deleted_at is null
    left join board_threads t on t.id = p.thread_id and t.hidden = 0
    left join accounts a on a.id = p.author_id
    left join local_governments lg on lg.code = a.local_government_code
    order by c.post_id desc`.execute(db);
  return rows;
}

export async function searchBoard(db: Kysely<Database>, text: string, limit = 50): Promise<BoardSearchHit[]> {
  const terms = queryTerms(text);
  if (terms.length === 0) return [];
  const hits: BoardSearchHit[] = [];
  let before: number | null = null;
  for (let batch = limit + 10; hits.length < limit; batch *= 4) {
    const candidates = await matchingPosts(db, terms, before, batch);
    if (candidates.length === 0) break;
    // A candidate without its thread is no longer visible (the index lagged a hide or a delete).
    for (const r of candidates.filter((c) => c.thread_id !== null).slice(0, limit - hits.length)) {
      hits.push({
        postId: Number(r.id),
        threadId: Number(r.thread_id),
        position: Number(r.position),
        threadTitle: r.title,
        body: r.body,
        author: authorOf({ id: r.author_id, display_name: r.display_name, role: r.role, lg_name: r.lg_name }),
        createdAt: r.created_at,
      });
    }
    if (candidates.length < batch) break;
    before = Number(candidates.at(-1)!.id);
  }
  return hits;
}
