// Search fast at 100,000 documents (issue 10). Measured before (bench, 100,000 documents): a broad
// word (観光, 合成) took 1–2 s a search on either engine, 物産展 22 s on PostgreSQL.
//
// Both engines: `search_key`, a number per document that orders a kind's documents newest day
// first (the day of `dated` in the high bits, a hash of the id below; written by the application,
// src/db/search-index.ts), and an index in the results' order (kind, newest first, then id).
//
// SQLite: the FTS5 table is keyed by `search_key` (external content, content_rowid), with the kind
// as a column of its own and a prefix index for one-character queries. FTS5 walks its matches in
// key order and stops after a LIMIT, so the newest page of a word matching 50,000 documents reads
// a few dozen entries instead of all of them, and a capped count reads at most the cap. The index
// is emptied: the application writes every document again (with its key) on its next sync.
//
// PostgreSQL: the tokens' tsvector is stored (a generated column) and indexed, instead of an index
// over the expression to_tsvector('simple', tokens): a phrase query (three characters or more) is
// rechecked on every candidate row, and with the expression index each recheck parsed the whole
// token text again. The column is kept inline (storage main) where it fits, so a recheck does not
// read TOAST.
// Frozen: imports nothing from the application.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.alterTable('search_documents').addColumn('search_key', 'bigint').execute();
  await db.schema.createIndex('search_documents_key_idx').on('search_documents').column('search_key').unique().execute();
  if (postgres) {
    await sql`create index search_documents_recency_idx on search_documents (kind, dated desc nulls last, id)`.execute(db);
    await sql`alter table search_documents add column tsv tsvector generated always as (to_tsvector('simple', tokens)) stored`.execute(db);
    await sql`alter table search_documents alter column tsv set storage main`.execute(db);
    await sql`drop index if exists search_documents_tokens_idx`.execute(db);
    await sql`create index search_documents_tsv_idx on search_documents using gin (tsv)`.execute(db);
    return;
  }
  // SQLite puts NULLs first in ascending order, so last in descending order, and accepts no NULLS LAST here.
  await sql`create index search_documents_recency_idx on search_documents (kind, dated desc, id)`.execute(db);
  for (const trigger of ['search_documents_ai', 'search_documents_ad', 'search_documents_au']) await sql`drop trigger if exists ${sql.raw(trigger)}`.execute(db);
  await sql`drop table if exists search_fts`.execute(db);
  await sql`delete from search_documents`.execute(db);
  await sql`delete from search_sync`.execute(db);
  await sql`create virtual table search_fts using fts5(kind, tokens, content='search_documents', content_rowid='search_key', tokenize='unicode61', prefix='4')`.execute(db);
  await sql`create trigger search_documents_ai after insert on search_documents begin
    insert into search_fts(rowid, kind, tokens) values (new.search_key, new.kind, new.tokens); end`.execute(db);
  await sql`create trigger search_documents_ad after delete on search_documents begin
    insert into search_fts(search_fts, rowid, kind, tokens) values ('delete', old.search_key, old.kind, old.tokens); end`.execute(db);
  await sql`create trigger search_documents_au after update on search_documents begin
    insert into search_fts(search_fts, rowid, kind, tokens) values ('delete', old.search_key, old.kind, old.tokens);
    insert into search_fts(rowid, kind, tokens) values (new.search_key, new.kind, new.tokens); end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await sql`drop index if exists search_documents_recency_idx`.execute(db);
  if (postgres) {
    await sql`drop index if exists search_documents_tsv_idx`.execute(db);
    await sql`alter table search_documents drop column tsv`.execute(db);
    await sql`create index search_documents_tokens_idx on search_documents using gin (to_tsvector('simple', tokens))`.execute(db);
  } else {
    for (const trigger of ['search_documents_ai', 'search_documents_ad', 'search_documents_au']) await sql`drop trigger if exists ${sql.raw(trigger)}`.execute(db);
    await sql`drop table if exists search_fts`.execute(db);
    await sql`delete from search_documents`.execute(db);
    await sql`delete from search_sync`.execute(db);
    await sql`create virtual table search_fts using fts5(tokens, content='search_documents', content_rowid='rowid', tokenize='unicode61')`.execute(db);
    await sql`create trigger search_documents_ai after insert on search_documents begin
      insert into search_fts(rowid, tokens) values (new.rowid, new.tokens); end`.execute(db);
    await sql`create trigger search_documents_ad after delete on search_documents begin
      insert into search_fts(search_fts, rowid, tokens) values ('delete', old.rowid, old.tokens); end`.execute(db);
    await sql`create trigger search_documents_au after update on search_documents begin
      insert into search_fts(search_fts, rowid, tokens) values ('delete', old.rowid, old.tokens);
      insert into search_fts(rowid, tokens) values (new.rowid, new.tokens); end`.execute(db);
  }
  await sql`drop index if exists search_documents_key_idx`.execute(db);
  await db.schema.alterTable('search_documents').dropColumn('search_key').execute();
}
