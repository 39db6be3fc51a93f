// Frozen: never import application code here (see migrations/README.md).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('local_governments')
    .addColumn('code', 'varchar(6)', (c) => c.primaryKey())
    .addColumn('level', 'varchar(16)', (c) => c.notNull())
    .addColumn('prefecture_code', 'varchar(2)', (c) => c.notNull())
    .addColumn('name', 'varchar(64)', (c) => c.notNull())
    .addColumn('kana', 'varchar(128)', (c) => c.notNull())
    .addColumn('kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('is_designated_city', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_counted', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('region', 'varchar(16)', (c) => c.notNull())
    .addColumn('kana_rank', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('valid_from', 'date')
    .addColumn('valid_to', 'date')
    .execute();
  await db.schema.createIndex('local_governments_prefecture_idx').on('local_governments').columns(['prefecture_code', 'kana_rank']).execute();
  await db.schema.createIndex('local_governments_kana_rank_idx').on('local_governments').column('kana_rank').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('local_governments').execute();
}
