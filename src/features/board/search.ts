// The board's own search, members only: the site's two-character tokens (src/domain/search-tokens.ts)
// in the board_search table (FTS5 on SQLite; on PostgreSQL a stored tsvector with a GIN index,
// migration 2026-12-09T0900, as src/db/search-index.ts does for the public index). Board posts are NEVER written to search_documents, so the public /search cannot
// find them. A hidden or deleted post, or a post of a hidden thread, leaves this index at once; the
// query also re-checks visibility, so nothing hidden is found even if the index lagged.
import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { ftsMatchExpression, indexTokens, queryTerms, tsQueryExpression } from '../../domain/search-tokens.ts';
import { markdownToText } from '../../views/markdown.ts';

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
  authorId: string;
  createdAt: string;
}

/**
 * Up to `count` ids of indexed posts matching every term, highest id (newest) first, below `before`.
 * Read from the index, newest first, stopping at the count, so a broad word (連携, in tens of
 * thousands of posts) costs a page, not every match joined and sorted (measured with the bench's
 * board search probe over 100,000 synthetic posts): SQLite's FTS5 walks its rowids (the post ids)
 * backwards; PostgreSQL asks window by window of post ids, newest first, each window four times
 * the last, and meets the word's GIN bitmap with the window's before reading any row
 * (board_search_window, migration 2026-12-09T1210), all in one statement (board_search_ids,
 * migration 2026-12-10T0910).
 */
async function matchingIds(db: Kysely<Database>, terms: ReturnType<typeof queryTerms>, before: number | null, count: number): Promise<number[]> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const { rows } = await sql<{ id: number }>`select post_id as id from board_search_ids(to_tsquery('simple', ${tsQueryExpression(terms)}), ${before}, ${count}, ${firstWindow})`.execute(db);
    return rows.map((r) => Number(r.id));
  }
  // Bound as BigInt: better-sqlite3 binds a number as a REAL, and FTS5 would then read every match instead of seeking.
  const below = before === null ? sql`` : sql`and rowid < ${BigInt(before)}`;
  const { rows } = await sql<{ id: number }>`select rowid as id from board_search_fts
    where board_search_fts match ${ftsMatchExpression(terms)} ${below} order by rowid desc limit ${count}`.execute(db);
  return rows.map((r) => Number(r.id));
}

/**
 * Visible posts matching every term, newest first (by id: posts are numbered as they are written).
 * The index holds visible posts only, but visibility is checked again on the posts themselves; when
 * a batch of candidates leaves fewer than `limit` visible, the next (older) batch is read.
 */
export async function searchBoard(db: Kysely<Database>, text: string, limit = 50): Promise<BoardSearchHit[]> {
  const terms = queryTerms(text);
  if (terms.length === 0) return [];
  const hits: BoardSearchHit[] = [];
  let before: number | null = null;
  for (let batch = limit + 10; hits.length < limit; batch *= 4) {
    const ids = await matchingIds(db, terms, before, batch);
    if (ids.length === 0) break;
    const rows = await db
      .selectFrom('board_posts')
      .innerJoin('board_threads', 'board_threads.id', 'board_posts.thread_id')
      .select(['board_posts.id', 'board_posts.thread_id', 'board_posts.position', 'board_posts.body', 'board_posts.author_id', 'board_posts.created_at', 'board_threads.title'])
      .where('board_posts.id', 'in', ids)
      .where('board_posts.hidden', '=', 0)
      .where('board_posts.deleted_at', 'is', null)
      .where('board_threads.hidden', '=', 0)
      .orderBy('board_posts.id', 'desc')
      .execute();
    for (const r of rows.slice(0, limit - hits.length)) {
      hits.push({
        postId: Number(r.id),
        threadId: Number(r.thread_id),
        position: Number(r.position),
        threadTitle: r.title,
        body: r.body,
        authorId: r.author_id,
        createdAt: r.created_at,
      });
    }
    if (ids.length < batch) break;
    before = ids.at(-1)!;
  }
  return hits;
}
