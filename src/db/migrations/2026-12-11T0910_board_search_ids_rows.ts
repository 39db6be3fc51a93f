// The board's search now joins board_search_ids' candidates with their posts, threads and authors in
// one statement (src/features/board/search.ts). A set-returning function is estimated at 1,000 rows,
// for which PostgreSQL hashes every thread (a sequential scan: 6 ms of a 10 ms statement, measured);
// it returns at most the page's count (about 60), for which index lookups are the plan.
// Frozen: imports nothing from the application.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`alter function board_search_ids(tsquery, integer, integer, integer) rows 60`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`alter function board_search_ids(tsquery, integer, integer, integer) rows 1000`.execute(db);
}
