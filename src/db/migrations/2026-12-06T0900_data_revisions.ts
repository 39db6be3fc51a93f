// A revision counter per topic of data (e.g. 'registry'), raised in the same transaction as every
// write to that topic. Each app instance keeps what it has read from the topic in memory and reads
// this one row per request: a changed number means "load again". Correct across several instances
// sharing one PostgreSQL, because the number and the data change in one commit.
// Frozen: imports nothing from the application.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('data_revisions')
    .addColumn('topic', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('revision', 'bigint', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.insertInto('data_revisions').values({ topic: 'registry', revision: 1 }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('data_revisions').execute();
}
