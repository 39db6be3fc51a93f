// The board's search on PostgreSQL within the p95 of 20 ms at 100,000 posts. Measured on the
// bench's posts: for a word of middling frequency (給食, in 2,900 posts) the planner walked the
// primary key backwards and tested each row's stored tsvector (decompressed row by row) until it had
// a page: 15 ms; a bitmap of all its matches, visited on the table, was worse (22 ms). Asked for a
// window of recent post ids instead, the GIN bitmap of the word and the primary key's bitmap of the
// window are ANDed before the table is read, so only the window's matches are visited: about 1 ms.
// board_search_window(query, from, to, max_rows) is that question; it forbids the plain index and
// sequential scans that the planner would otherwise pick under a LIMIT. src/features/board/search.ts
// asks it window by window, newest first, the windows growing until a page is found.
// The rows a match visits are made small, as migration 2026-12-08T1130 did for the public index:
// the token text and the tsvector (1.4 KB and 1.9 KB a post on average) move out of line
// (toast_tuple_target 128), so the table's 100,000 rows take a few MB that stay in shared buffers
// instead of 203 MB read from the operating system page by page (a window of 1,700 matches: 200 ms).
// Existing rows are written again so that they move too, then packed in post order (CLUSTER): the
// table goes from 203 MB to 24 MB at 100,000 posts (about 40 s in all on the shared bench machine).
// Frozen: imports nothing from the application.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  // Writing 100,000 posts again (their tsvector is computed again) can pass the app's 30 s statement limit.
  await sql`set local statement_timeout = 0`.execute(db);
  await sql`alter table board_search set (toast_tuple_target = 128)`.execute(db);
  await sql`alter table board_search alter column tsv set storage extended`.execute(db);
  await sql`update board_search set tokens = tokens`.execute(db);
  await sql`cluster board_search using board_search_pkey`.execute(db);
  await sql`create function board_search_window(query tsquery, from_id integer, to_id integer, max_rows integer) returns table (post_id integer)
    language sql stable set enable_seqscan = off set enable_indexscan = off
    as $$ select s.post_id from board_search s where s.tsv @@ query and s.post_id >= from_id and s.post_id < to_id order by s.post_id desc limit max_rows $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop function if exists board_search_window(tsquery, integer, integer, integer)`.execute(db);
  await sql`alter table board_search reset (toast_tuple_target)`.execute(db);
  await sql`alter table board_search alter column tsv set storage main`.execute(db);
}
