// Search by exact tokens (issue 10, p95 ≤ 20 ms at 100,000 documents). A query is now the AND of
// its tokens and every character is a token of its own (src/domain/search-tokens.ts), so the index
// is written again: both engines' documents and sync points are emptied and the application
// indexes every document again on its next search (src/features/search/sync.ts).
//
// PostgreSQL: the stored tsvector is stripped of positions (an AND needs none, and GIN answers
// without rechecking a row) and holds two more tokens the query uses to stay inside the index: the
// document's kind (`searchkind<kind>`) and the month of its date (`searchmonth<YYYYMM>`,
// `searchnodate` without one), so a page of a broad word is read month by month, newest first,
// from GIN alone (src/db/search-query.ts spells the same tokens). A match then only visits its
// row for visibility, id and date: the long columns (tokens, tsvector, excerpt) are moved out of
// line (toast_tuple_target 128), so the rows are small and stay in shared buffers (measured at
// 100,000 documents: the table was 452 MB inline, and each visit an OS read).
// search_match(query, max_rows) and search_match_count ask for matches through the GIN index only: with a LIMIT the
// planner otherwise prefers a sequential scan testing every row's tsvector (it counts the test as
// cheap; out of line it is not), which it cannot do inside this function (enable_seqscan off).
//
// SQLite: the FTS5 table loses its prefix index (one-character queries are exact tokens now).
// Frozen: imports nothing from the application.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

async function recreateFts(db: Kysely<any>, options: string): Promise<void> {
  for (const trigger of ['search_documents_ai', 'search_documents_ad', 'search_documents_au']) await sql`drop trigger if exists ${sql.raw(trigger)}`.execute(db);
  await sql`drop table if exists search_fts`.execute(db);
  await sql`delete from search_documents`.execute(db);
  await sql`delete from search_sync`.execute(db);
  await sql`create virtual table search_fts using fts5(kind, tokens, content='search_documents', content_rowid='search_key', tokenize='unicode61'${sql.raw(options)})`.execute(db);
  await sql`create trigger search_documents_ai after insert on search_documents begin
    insert into search_fts(rowid, kind, tokens) values (new.search_key, new.kind, new.tokens); end`.execute(db);
  await sql`create trigger search_documents_ad after delete on search_documents begin
    insert into search_fts(search_fts, rowid, kind, tokens) values ('delete', old.search_key, old.kind, old.tokens); end`.execute(db);
  await sql`create trigger search_documents_au after update on search_documents begin
    insert into search_fts(search_fts, rowid, kind, tokens) values ('delete', old.search_key, old.kind, old.tokens);
    insert into search_fts(rowid, kind, tokens) values (new.search_key, new.kind, new.tokens); end`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return recreateFts(db, '');
  await sql`delete from search_documents`.execute(db);
  await sql`delete from search_sync`.execute(db);
  await sql`drop index if exists search_documents_tsv_idx`.execute(db);
  await sql`alter table search_documents drop column tsv`.execute(db);
  await sql`alter table search_documents add column tsv tsvector generated always as (strip(to_tsvector('simple',
    tokens || ' searchkind' || kind || ' ' || coalesce('searchmonth' || regexp_replace(substr(dated, 1, 7), '[^0-9]', '', 'g'), 'searchnodate')))) stored`.execute(db);
  await sql`alter table search_documents set (toast_tuple_target = 128)`.execute(db);
  await sql`create index search_documents_tsv_idx on search_documents using gin (tsv)`.execute(db);
  await sql`create function search_match(query tsquery, max_rows integer) returns table (id varchar, dated varchar)
    language sql stable set enable_seqscan = off
    as $$ select d.id, d.dated from search_documents d where d.tsv @@ query limit max_rows $$`.execute(db);
  // A count reads no column, so the bitmap scan skips the rows of pages known all-visible (after a vacuum).
  await sql`create function search_match_count(query tsquery, max_rows integer) returns bigint
    language sql stable set enable_seqscan = off
    as $$ select count(*) from (select 1 from search_documents d where d.tsv @@ query limit max_rows) capped $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return recreateFts(db, `, prefix='4'`);
  await sql`drop function if exists search_match(tsquery, integer)`.execute(db);
  await sql`drop function if exists search_match_count(tsquery, integer)`.execute(db);
  await sql`alter table search_documents reset (toast_tuple_target)`.execute(db);
  await sql`delete from search_documents`.execute(db);
  await sql`delete from search_sync`.execute(db);
  await sql`drop index if exists search_documents_tsv_idx`.execute(db);
  await sql`alter table search_documents drop column tsv`.execute(db);
  await sql`alter table search_documents add column tsv tsvector generated always as (to_tsvector('simple', tokens)) stored`.execute(db);
  await sql`alter table search_documents alter column tsv set storage main`.execute(db);
  await sql`create index search_documents_tsv_idx on search_documents using gin (tsv)`.execute(db);
}
