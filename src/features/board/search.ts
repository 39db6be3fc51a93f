// The board's own search, members only: the site's two-character tokens (src/domain/search-tokens.ts)
// in the board_search table (FTS5 on SQLite, GIN on PostgreSQL, as src/db/search-index.ts does for
// the public index). Board posts are NEVER written to search_documents, so the public /search cannot
// find them. A hidden or deleted post, or a post of a hidden thread, leaves this index at once; the
// query also re-checks visibility, so nothing hidden is found even if the index lagged.
import { PostgresAdapter, sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { ftsMatchExpression, indexTokens, queryTerms, tsQueryExpression } from '../../domain/search-tokens.ts';
import { markdownToText } from '../../views/markdown.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function indexPost(db: Db, post: { id: number; threadId: number; threadTitle: string; body: string; isOpening: boolean }): Promise<void> {
  // The opening post carries the thread's title, so a title word finds the thread once.
  const tokens = indexTokens([post.isOpening ? post.threadTitle : '', markdownToText(post.body)]);
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

function tokensMatch(db: Kysely<Database>, terms: ReturnType<typeof queryTerms>) {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? sql<SqlBool>`to_tsvector('simple', board_search.tokens) @@ to_tsquery('simple', ${tsQueryExpression(terms)})`
    : sql<SqlBool>`board_search.post_id in (select rowid from board_search_fts where board_search_fts match ${ftsMatchExpression(terms)})`;
}

/** Visible posts matching every term, newest first. */
export async function searchBoard(db: Kysely<Database>, text: string, limit = 50): Promise<BoardSearchHit[]> {
  const terms = queryTerms(text);
  if (terms.length === 0) return [];
  const rows = await db
    .selectFrom('board_search')
    .innerJoin('board_posts', 'board_posts.id', 'board_search.post_id')
    .innerJoin('board_threads', 'board_threads.id', 'board_posts.thread_id')
    .select(['board_posts.id', 'board_posts.thread_id', 'board_posts.position', 'board_posts.body', 'board_posts.author_id', 'board_posts.created_at', 'board_threads.title'])
    .where(tokensMatch(db, terms))
    .where('board_posts.hidden', '=', 0)
    .where('board_posts.deleted_at', 'is', null)
    .where('board_threads.hidden', '=', 0)
    .orderBy('board_posts.created_at', 'desc')
    .orderBy('board_posts.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    postId: Number(r.id),
    threadId: Number(r.thread_id),
    position: Number(r.position),
    threadTitle: r.title,
    body: r.body,
    authorId: r.author_id,
    createdAt: r.created_at,
  }));
}
