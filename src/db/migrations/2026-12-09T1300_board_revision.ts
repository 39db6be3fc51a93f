// A 'board' revision topic: every change to what the board's reading pages show (threads, posts,
// categories, attachments, moderation) raises it, so each instance's copy of those pages' shared data
// (src/features/board/shared-data.ts) is known stale at once, on every instance on the database.
// Per-member state (read positions, visits, watches) does not raise it: it is never cached.
// Frozen: imports nothing from the application.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.insertInto('data_revisions').values({ topic: 'board', revision: 1 }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('data_revisions').where('topic', '=', 'board').execute();
}
