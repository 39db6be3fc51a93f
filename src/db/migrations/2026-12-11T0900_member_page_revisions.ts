// What a page made for one signed-in member may be kept by (src/views/page-cache.ts):
// - `accounts.view_revision`: raised whenever something only this member's pages show changes —
//   the member's read positions, board visits and watches. It is read with the session on every
//   signed-in request, so a kept page is known stale at once, on every instance on the database.
// - the 'accounts' topic: raised when an account's name, role, organisation or status changes, which
//   every page showing people (the board's authors) depends on.
// Frozen: imports nothing from the application.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('view_revision', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.insertInto('data_revisions').values({ topic: 'accounts', revision: 1 }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('data_revisions').where('topic', '=', 'accounts').execute();
  await db.schema.alterTable('accounts').dropColumn('view_revision').execute();
}
