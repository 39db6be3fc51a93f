// Migrate, then seed: what every start (and every test database) goes through.
import type { Kysely } from 'kysely';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './schema.ts';
import { seedDatabase, type SeedOptions, type SeedReport } from './seed/index.ts';

export async function prepareDatabase(db: Kysely<Database>, options: SeedOptions): Promise<{ migrated: string[]; seeded: SeedReport }> {
  const migrated = await migrateToLatest(db);
  const seeded = await seedDatabase(db, options);
  return { migrated, seeded };
}
