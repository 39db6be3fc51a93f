// The site-wide search index: one row per public document (an article, an event, a municipality,
// later a PR page) with its title, a plain-text excerpt, its address and its two-character tokens
// (src/domain/search-tokens.ts). SQLite indexes the tokens with FTS5 (kept in step by triggers);
// PostgreSQL with a GIN index over to_tsvector('simple', tokens). Neither needs an extension.
// `search_sync` remembers, per kind, up to which change the index has been brought.
// Frozen: imports nothing from the application.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('search_documents')
    .addColumn('id', 'varchar(80)', (c) => c.primaryKey())
    /** news | event | municipality */
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('excerpt', 'text', (c) => c.notNull())
    .addColumn('url', 'varchar(300)', (c) => c.notNull())
    /** The date shown with the result (posting date, event start), if any. */
    .addColumn('dated', 'varchar(32)')
    .addColumn('tokens', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('search_documents_kind_idx').on('search_documents').columns(['kind', 'dated']).execute();
  if (postgres) {
    await sql`create index search_documents_tokens_idx on search_documents using gin (to_tsvector('simple', tokens))`.execute(db);
  } else {
    await sql`create virtual table search_fts using fts5(tokens, content='search_documents', content_rowid='rowid', tokenize='unicode61')`.execute(db);
    await sql`create trigger search_documents_ai after insert on search_documents begin
      insert into search_fts(rowid, tokens) values (new.rowid, new.tokens); end`.execute(db);
    await sql`create trigger search_documents_ad after delete on search_documents begin
      insert into search_fts(search_fts, rowid, tokens) values ('delete', old.rowid, old.tokens); end`.execute(db);
    await sql`create trigger search_documents_au after update on search_documents begin
      insert into search_fts(search_fts, rowid, tokens) values ('delete', old.rowid, old.tokens);
      insert into search_fts(rowid, tokens) values (new.rowid, new.tokens); end`.execute(db);
  }
  await db.schema
    .createTable('search_sync')
    .addColumn('kind', 'varchar(16)', (c) => c.primaryKey())
    /** The latest change (updated_at) of that kind already in the index. */
    .addColumn('synced_to', 'varchar(32)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (!postgres) await sql`drop table if exists search_fts`.execute(db);
  await db.schema.dropTable('search_sync').execute();
  await db.schema.dropTable('search_documents').execute();
}
