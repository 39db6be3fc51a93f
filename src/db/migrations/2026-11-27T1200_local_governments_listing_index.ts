// The public list filters on level and is_counted and sorts by reading: one index serves the
// ordered page and the count (measured with npm run bench). Frozen: imports nothing from the app.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('local_governments_listing_idx').on('local_governments').columns(['level', 'is_counted', 'valid_to', 'kana_rank']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('local_governments_listing_idx').execute();
}
