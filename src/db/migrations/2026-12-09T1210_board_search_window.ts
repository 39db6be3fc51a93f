// The board's search on PostgreSQL within the p95 of 20 ms at 100,000 posts. Measured on the
// bench's posts: for a word of middling frequency (給食, in 2,900 posts) the planner walked the
// primary key backwards and tested each row's stored tsvector (decompressed row by row) until it had
// a page: 15 ms; a bitmap of all its matches, visited on the table, was worse (22 ms). Asked for a
// window of recent post ids instead, the GIN bitmap of the word and the primary key's bitmap of the
// window are ANDed before the table is read, so only the window's matches are visited: about 1 ms.
// board_search_window(query, from, to, max_rows) is that question; it forbids the plain index and
// sequential scans that the planner would otherwise pick under a LIMIT. src/features/board/search.ts
// asks it window by window, newest first, the windows growing until a page is found.
// Frozen: imports nothing from the application.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`create function board_search_window(query tsquery, from_id integer, to_id integer, max_rows integer) returns table (post_id integer)
    language sql stable set enable_seqscan = off set enable_indexscan = off
    as $$ select s.post_id from board_search s where s.tsv @@ query and s.post_id >= from_id and s.post_id < to_id order by s.post_id desc limit max_rows $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop function if exists board_search_window(tsquery, integer, integer, integer)`.execute(db);
}
