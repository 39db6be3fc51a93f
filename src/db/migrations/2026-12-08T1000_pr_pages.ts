// Municipal PR pages (賛同自治体のPR): one page per local government code, written by that
// municipality's own staff; its photos (resized, stripped of metadata, each with alternative
// text), the collaboration fields it wants to work in (the pamphlet's six 分野), every saved version
// (which the secretariat compares and restores), and the secretariat's hiding with its reason.
// A 'pr' revision topic tells each instance's page cache that PR pages changed.
// Frozen: imports nothing from the application.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pr_pages')
    .addColumn('code', 'varchar(6)', (c) => c.primaryKey().references('local_governments.code'))
    .addColumn('catch_copy', 'varchar(100)', (c) => c.notNull())
    .addColumn('introduction', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('specialities', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sightseeing', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('relocation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_department', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_phone', 'varchar(40)', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_email', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    /** Official links, JSON: [{ "label": …, "url": … }]. */
    .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
    /** Where the text comes from, when it is re-told from a published page (seed). */
    .addColumn('source_url', 'varchar(500)')
    .addColumn('provenance', 'varchar(16)', (c) => c.notNull().defaultTo('entry'))
    /** Set by the secretariat: the page is not public, not searched, not in the sitemap. */
    .addColumn('hidden_at', 'timestamptz')
    .addColumn('hidden_reason', 'varchar(400)', (c) => c.notNull().defaultTo(''))
    .addColumn('hidden_by', 'varchar(36)')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'varchar(36)')
    .addColumn('updated_by', 'varchar(36)')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pr_pages_recent_idx').on('pr_pages').columns(['hidden_at', 'updated_at']).execute();
  await db.schema
    .createTable('pr_page_fields')
    .addColumn('code', 'varchar(6)', (c) => c.notNull().references('pr_pages.code').onDelete('cascade'))
    /** A collaboration field's number (1–6, as in the pamphlet 「連携事業の分野」). */
    .addColumn('field', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('pr_page_fields_pk', ['code', 'field'])
    .execute();
  await db.schema.createIndex('pr_page_fields_field_idx').on('pr_page_fields').columns(['field', 'code']).execute();
  await db.schema
    .createTable('pr_page_photos')
    .addColumn('code', 'varchar(6)', (c) => c.notNull().references('pr_pages.code').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    /** The re-encoded photo (at most 1600 px on its long side) and its small version. */
    .addColumn('file_id', 'varchar(36)', (c) => c.notNull().references('files.id'))
    .addColumn('thumb_file_id', 'varchar(36)', (c) => c.notNull().references('files.id'))
    .addColumn('alt', 'varchar(200)', (c) => c.notNull())
    .addColumn('caption', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('pr_page_photos_pk', ['code', 'position'])
    .execute();
  await db.schema
    .createTable('pr_page_versions')
    .addColumn('code', 'varchar(6)', (c) => c.notNull().references('pr_pages.code').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    /** The whole page as saved (JSON): texts, fields, links and photos. */
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('note', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('saved_by', 'varchar(36)')
    .addColumn('saved_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('pr_page_versions_pk', ['code', 'version'])
    .execute();
  await db.insertInto('data_revisions').values({ topic: 'pr', revision: 1 }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('data_revisions').where('topic', '=', 'pr').execute();
  await db.schema.dropTable('pr_page_versions').execute();
  await db.schema.dropTable('pr_page_photos').execute();
  await db.schema.dropTable('pr_page_fields').execute();
  await db.schema.dropTable('pr_pages').execute();
}
