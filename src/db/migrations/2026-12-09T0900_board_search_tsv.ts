// The board's search fast at 100,000 posts on PostgreSQL (bench: board search latency probe).
// Measured before, on the bench's 100,000 synthetic posts: a page of a two-character word took
// 50–330 ms, because every candidate row's token text was parsed again by to_tsvector (about
// 100 µs a row) to test the match, e.g. 2,800 rows for 給食. As for the public index (migration
// 2026-12-08T1020): the tsvector is stored (a generated column, kept inline where it fits) and
// indexed, so a match test reads the stored value instead of parsing the text.
// The old expression index goes: the previous release's query (to_tsvector(tokens) @@ …) still
// answers, only without an index, during a deploy. SQLite's FTS5 table is unchanged.
// Frozen: imports nothing from the application.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  // Adding the column computes every row's tsvector (about 40 s for 100,000 posts on the shared
  // bench machine): longer than the app's 30 s statement limit, lifted for this transaction only.
  await sql`set local statement_timeout = 0`.execute(db);
  await sql`alter table board_search add column tsv tsvector generated always as (to_tsvector('simple', tokens)) stored`.execute(db);
  await sql`alter table board_search alter column tsv set storage main`.execute(db);
  await sql`create index board_search_tsv_idx on board_search using gin (tsv)`.execute(db);
  await sql`drop index if exists board_search_tokens_idx`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`create index board_search_tokens_idx on board_search using gin (to_tsvector('simple', tokens))`.execute(db);
  await sql`drop index if exists board_search_tsv_idx`.execute(db);
  await sql`alter table board_search drop column tsv`.execute(db);
}
