// The members' bulletin board (掲示板): categories, threads, posts (the opening post is position 1,
// replies follow; a position never changes, so a page of a 1,000-reply thread is a range of
// positions read through an index, never an OFFSET), every earlier version of a post, attachments,
// what each member has read, what they watch, reports to the secretariat, and the board's own search
// index (never the public search_documents: board posts must not appear in /search).
// Frozen: imports nothing from the application.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  /** An integer key the database assigns (short URLs: /board/t/12#post-34). */
  const serialKey = (table: string) =>
    postgres
      ? db.schema.createTable(table).addColumn('id', 'serial', (c) => c.primaryKey())
      : db.schema.createTable(table).addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());

  await db.schema
    .createTable('board_categories')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('slug', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(80)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(80)', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'varchar(400)', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    /** 1: only the secretariat starts threads there (事務局からのお知らせ). */
    .addColumn('secretariat_only', 'integer', (c) => c.notNull().defaultTo(0))
    /** The pamphlet's field (1–6) the category stands for, if any. */
    .addColumn('field', 'integer')
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await serialKey('board_threads')
    .addColumn('category_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('title', 'varchar(120)', (c) => c.notNull())
    .addColumn('author_id', 'varchar(36)', (c) => c.notNull())
    /** The local government the thread is addressed to (宛先), from the partner matching. */
    .addColumn('addressee_code', 'varchar(6)')
    /** open (募集中) | agreed (成立) | closed (終了) */
    .addColumn('status', 'varchar(8)', (c) => c.notNull().defaultTo('open'))
    /** The registry project the thread led to (成立). */
    .addColumn('project_id', 'varchar(36)')
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('moderation_reason', 'varchar(400)')
    /** The highest post position (the opening post is 1). */
    .addColumn('last_position', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('last_posted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('board_threads_category_idx').on('board_threads').columns(['category_id', 'pinned', 'last_posted_at']).execute();
  await db.schema.createIndex('board_threads_latest_idx').on('board_threads').columns(['last_posted_at']).execute();

  await serialKey('board_posts')
    .addColumn('thread_id', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('author_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    /** The post this one answers or quotes (its author is told). */
    .addColumn('reply_to_post_id', 'integer')
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    /** Why the secretariat hid or edited it: shown to the author. */
    .addColumn('moderation_reason', 'varchar(400)')
    .addColumn('deleted_at', 'timestamptz')
    .addColumn('edited_at', 'timestamptz')
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('board_posts_position_idx').on('board_posts').columns(['thread_id', 'position']).unique().execute();
  await db.schema.createIndex('board_posts_author_idx').on('board_posts').columns(['author_id', 'created_at']).execute();

  await serialKey('board_post_versions')
    .addColumn('post_id', 'integer', (c) => c.notNull())
    /** The body as it was before the edit. */
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('edited_by', 'varchar(36)')
    .addColumn('reason', 'varchar(400)', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('board_post_versions_post_idx').on('board_post_versions').columns(['post_id', 'id']).execute();

  await db.schema
    .createTable('board_post_files')
    .addColumn('post_id', 'integer', (c) => c.notNull())
    .addColumn('file_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('board_post_files_pk', ['post_id', 'file_id'])
    .execute();
  await db.schema.createIndex('board_post_files_file_idx').on('board_post_files').columns(['file_id']).execute();

  await db.schema
    .createTable('board_reads')
    .addColumn('account_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('thread_id', 'integer', (c) => c.notNull())
    /** The highest position the member has seen. */
    .addColumn('read_position', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('board_reads_pk', ['account_id', 'thread_id'])
    .execute();

  await db.schema
    .createTable('board_visits')
    .addColumn('account_id', 'varchar(36)', (c) => c.primaryKey())
    /** The visit before the current one: threads active after it are 「新着」. */
    .addColumn('previous_visit_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_visit_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('board_watches')
    .addColumn('account_id', 'varchar(36)', (c) => c.notNull())
    /** thread | category */
    .addColumn('target_type', 'varchar(8)', (c) => c.notNull())
    .addColumn('target_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('board_watches_pk', ['account_id', 'target_type', 'target_id'])
    .execute();
  await db.schema.createIndex('board_watches_target_idx').on('board_watches').columns(['target_type', 'target_id']).execute();

  await serialKey('board_reports')
    .addColumn('post_id', 'integer', (c) => c.notNull())
    .addColumn('reporter_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('reason', 'varchar(1000)', (c) => c.notNull())
    /** open | resolved | dismissed */
    .addColumn('status', 'varchar(10)', (c) => c.notNull().defaultTo('open'))
    .addColumn('decided_by', 'varchar(36)')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('board_reports_status_idx').on('board_reports').columns(['status', 'created_at']).execute();

  // The board's search index: one row per visible post, its thread's title included in its tokens.
  await db.schema
    .createTable('board_search')
    .addColumn('post_id', 'integer', (c) => c.primaryKey())
    .addColumn('thread_id', 'integer', (c) => c.notNull())
    .addColumn('tokens', 'text', (c) => c.notNull())
    .execute();
  if (postgres) {
    await sql`create index board_search_tokens_idx on board_search using gin (to_tsvector('simple', tokens))`.execute(db);
  } else {
    await sql`create virtual table board_search_fts using fts5(tokens, content='board_search', content_rowid='post_id', tokenize='unicode61')`.execute(db);
    await sql`create trigger board_search_ai after insert on board_search begin
      insert into board_search_fts(rowid, tokens) values (new.post_id, new.tokens); end`.execute(db);
    await sql`create trigger board_search_ad after delete on board_search begin
      insert into board_search_fts(board_search_fts, rowid, tokens) values ('delete', old.post_id, old.tokens); end`.execute(db);
    await sql`create trigger board_search_au after update on board_search begin
      insert into board_search_fts(board_search_fts, rowid, tokens) values ('delete', old.post_id, old.tokens);
      insert into board_search_fts(rowid, tokens) values (new.post_id, new.tokens); end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (!postgres) await sql`drop table if exists board_search_fts`.execute(db);
  for (const table of ['board_search', 'board_reports', 'board_watches', 'board_visits', 'board_reads', 'board_post_files', 'board_post_versions', 'board_posts', 'board_threads', 'board_categories']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
