// The site pages the secretariat edits (事業概要, お問い合わせ, サイトポリシー, プライバシーポリシー,
// ウェブアクセシビリティ方針): one row per page at a fixed address, its saved versions (compared
// and restored like news articles), and the accessibility test results shown on /accessibility.
// A 'site-pages' revision topic tells each instance's page cache that a page changed. The texts
// are loaded by src/db/seed/site-pages.ts (once per page; an edited page is never overwritten).
// Frozen: imports nothing from the application.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('site_pages')
    /** The page's fixed address without the slash: about | contact | site-policy | privacy | accessibility. */
    .addColumn('slug', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('title_ja', 'varchar(120)', (c) => c.notNull())
    /** Empty: the Japanese title is shown in English too. */
    .addColumn('title_en', 'varchar(120)', (c) => c.notNull().defaultTo(''))
    .addColumn('body_ja', 'text', (c) => c.notNull())
    /** Empty: the English page shows the Japanese text with a note. */
    .addColumn('body_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'varchar(36)')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('site_page_versions')
    .addColumn('slug', 'varchar(40)', (c) => c.notNull().references('site_pages.slug').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    /** The page's content as saved (JSON: titles and bodies). */
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('note', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('saved_by', 'varchar(36)')
    .addColumn('saved_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('site_page_versions_pk', ['slug', 'version'])
    .execute();
  await db.schema
    .createTable('accessibility_test_results')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    /** The day the test was carried out (or its result recorded). */
    .addColumn('tested_on', 'date', (c) => c.notNull())
    /** e.g. JIS X 8341-3:2016 / WCAG 2.2 */
    .addColumn('standard', 'varchar(200)', (c) => c.notNull())
    /** A | AA | AAA */
    .addColumn('target_level', 'varchar(8)', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'varchar(36)')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.insertInto('data_revisions').values({ topic: 'site-pages', revision: 1 }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('data_revisions').where('topic', '=', 'site-pages').execute();
  await db.schema.dropTable('accessibility_test_results').execute();
  await db.schema.dropTable('site_page_versions').execute();
  await db.schema.dropTable('site_pages').execute();
}
