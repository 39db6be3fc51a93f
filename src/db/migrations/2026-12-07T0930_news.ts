// News articles (連携事業・お知らせ): the article, its attachments and photos (files), what it
// relates to (wards, municipalities, registry projects, events), and every saved version, which the
// secretariat compares and restores. A 'news' revision topic tells each instance's page cache that
// the published articles changed.
// Frozen: imports nothing from the application.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('articles')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    /** The address /news/<slug>: chosen once, never changed after the first publication. */
    .addColumn('slug', 'varchar(80)', (c) => c.notNull().unique())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('category', 'varchar(20)', (c) => c.notNull())
    .addColumn('summary', 'varchar(400)', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    /** draft | scheduled | published | withdrawn */
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    /** When it is (or was) to appear; its JST date is the 掲載日. */
    .addColumn('publish_at', 'timestamptz')
    .addColumn('published_at', 'timestamptz')
    .addColumn('source_url', 'varchar(500)')
    .addColumn('provenance', 'varchar(16)', (c) => c.notNull().defaultTo('entry'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'varchar(36)')
    .addColumn('updated_by', 'varchar(36)')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('articles_listing_idx').on('articles').columns(['status', 'publish_at']).execute();
  await db.schema
    .createTable('article_files')
    .addColumn('article_id', 'varchar(36)', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    /** attachment | photo */
    .addColumn('role', 'varchar(12)', (c) => c.notNull())
    .addColumn('file_id', 'varchar(36)', (c) => c.notNull().references('files.id'))
    /** The attachment's link text, or the photo's alternative text. */
    .addColumn('label', 'varchar(200)', (c) => c.notNull())
    .addColumn('caption', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('article_files_pk', ['article_id', 'role', 'position'])
    .execute();
  await db.schema
    .createTable('article_links')
    .addColumn('article_id', 'varchar(36)', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    /** ward | municipality | project | event */
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('target', 'varchar(36)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_links_pk', ['article_id', 'kind', 'target'])
    .execute();
  await db.schema.createIndex('article_links_target_idx').on('article_links').columns(['kind', 'target']).execute();
  await db.schema
    .createTable('article_versions')
    .addColumn('article_id', 'varchar(36)', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    /** The whole article as saved (JSON): fields, files and links. */
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('note', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('saved_by', 'varchar(36)')
    .addColumn('saved_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_versions_pk', ['article_id', 'version'])
    .execute();
  await db.insertInto('data_revisions').values({ topic: 'news', revision: 1 }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('data_revisions').where('topic', '=', 'news').execute();
  await db.schema.dropTable('article_versions').execute();
  await db.schema.dropTable('article_links').execute();
  await db.schema.dropTable('article_files').execute();
  await db.schema.dropTable('articles').execute();
}
