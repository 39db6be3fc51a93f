// A job queue kept in the database (src/db/jobs.ts): work that must not block a request and must
// happen once even with several app instances (mail above all). An instance claims due jobs with
// a lease (locked_until); a job whose instance died is claimed again after the lease. Frozen:
// imports nothing from the application.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    /** What to do, e.g. 'notification-mail'; the worker's handler of that name does it. */
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    /** JSON. */
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
    /** One job per key, ever (e.g. 'digest:daily:<account>:<period start>'): enqueueing it again does nothing. */
    .addColumn('dedupe_key', 'varchar(200)')
    /** queued | running | done | dead | cancelled. */
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('run_at', 'timestamptz', (c) => c.notNull())
    /** While running: the lease; after it the job is claimed again (its instance is presumed dead). */
    .addColumn('locked_until', 'timestamptz')
    .addColumn('locked_by', 'varchar(64)')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(6))
    .addColumn('last_error', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('jobs_dedupe_key_idx').on('jobs').column('dedupe_key').unique().execute();
  await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['status', 'run_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('jobs').execute();
}
