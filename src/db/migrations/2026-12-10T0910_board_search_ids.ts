// The board's search on PostgreSQL in one statement instead of one per window. The app asked the
// newest post id, then board_search_window (migration 2026-12-09T1210) window by window, each a
// round trip: a word in no post made five of them (9 ms of the board search probe's 20). Here the
// same windows (first_window ids, then four times as many each time, newest first) are asked inside
// the database, stopping as soon as max_rows matches are found.
// Frozen: imports nothing from the application.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`create function board_search_ids(query tsquery, before_id integer, max_rows integer, first_window integer) returns table (post_id integer)
    language plpgsql stable
    as $$
    declare
      to_id bigint := before_id;
      span bigint := first_window;
      found_rows integer := 0;
      match record;
    begin
      if to_id is null then
        select coalesce(max(s.post_id), 0) + 1 into to_id from board_search s;
      end if;
      while to_id > 0 and found_rows < max_rows loop
        for match in select w.post_id from board_search_window(query, greatest(0, to_id - span)::integer, to_id::integer, max_rows - found_rows) w loop
          post_id := match.post_id;
          found_rows := found_rows + 1;
          return next;
        end loop;
        to_id := to_id - span;
        span := span * 4;
      end loop;
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop function if exists board_search_ids(tsquery, integer, integer, integer)`.execute(db);
}
