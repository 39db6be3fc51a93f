// Partner matching (連携先のマッチング): what each member municipality and ward offers and seeks,
// with the registry's fields of collaboration and a period. Frozen: imports nothing from the
// application.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('matching_entries')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    /** The municipality or ward whose entry it is; only its own staff (or the secretariat) edit it. */
    .addColumn('local_government_code', 'varchar(6)', (c) => c.notNull())
    /** Its prefecture (2 digits), for the region filter. */
    .addColumn('prefecture_code', 'varchar(2)', (c) => c.notNull())
    /** 'offer' (提供できること) or 'seek' (探していること). */
    .addColumn('direction', 'varchar(5)', (c) => c.notNull())
    /** One of src/domain/matching.ts's kinds. */
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    /** Inclusive ISO dates; null = open-ended. */
    .addColumn('period_start', 'date')
    .addColumn('period_end', 'date')
    /** 'open' or 'closed' (締め切り: kept, no longer listed or matched). */
    .addColumn('status', 'varchar(8)', (c) => c.notNull())
    /** 'member' (entered by staff) or 'sample' (demo data, never in production). */
    .addColumn('provenance', 'varchar(12)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('updated_by', 'varchar(36)')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('matching_entries_listing_idx').on('matching_entries').columns(['status', 'updated_at']).execute();
  await db.schema.createIndex('matching_entries_owner_idx').on('matching_entries').columns(['local_government_code', 'status']).execute();

  await db.schema
    .createTable('matching_entry_fields')
    .addColumn('entry_id', 'varchar(36)', (c) => c.notNull().references('matching_entries.id'))
    /** 1–6, the registry's fields of collaboration. */
    .addColumn('field', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('matching_entry_fields_pk', ['entry_id', 'field'])
    .execute();
  await db.schema.createIndex('matching_entry_fields_field_idx').on('matching_entry_fields').columns(['field', 'entry_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('matching_entry_fields').execute();
  await db.schema.dropTable('matching_entries').execute();
}
