// The sources the registry's facts were read in, as records of their own: a page, press release,
// article or document with its publisher and the date it states for itself (「令和5年4月1日現在」),
// cited by any number of agreements (in order: the first is the main source). And the 要確認 note
// on an agreement: why the secretariat should check it (sources disagree, a date is unclear).
// Frozen: imports nothing from the application.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sources')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    /** The page's own address; null only for printed material without a public one. */
    .addColumn('url', 'varchar(500)')
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('publisher', 'varchar(100)', (c) => c.notNull())
    .addColumn('stated_on', 'date')
    .addColumn('stated_on_precision', 'varchar(8)', (c) => c.notNull().defaultTo('day'))
    /** The stated date as printed. */
    .addColumn('stated_text', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('provenance', 'varchar(16)', (c) => c.notNull().defaultTo('entry'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('agreement_sources')
    .addColumn('agreement_id', 'varchar(36)', (c) => c.notNull().references('agreements.id'))
    .addColumn('source_id', 'varchar(36)', (c) => c.notNull().references('sources.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('agreement_sources_pk', ['agreement_id', 'source_id'])
    .execute();
  await db.schema.createIndex('agreement_sources_source_idx').on('agreement_sources').column('source_id').execute();
  await db.schema.alterTable('agreements').addColumn('review_note', 'text', (c) => c.notNull().defaultTo('')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('agreements').dropColumn('review_note').execute();
  await db.schema.dropTable('agreement_sources').execute();
  await db.schema.dropTable('sources').execute();
}
