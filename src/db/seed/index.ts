// Everything `npm start` loads into a database. Real facts only; demo records (added by later
// features) are marked 「サンプル」 and skipped when DEMO_DATA=false.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { seedLocalGovernments } from './local-governments.ts';

export interface SeedOptions {
  demoData: boolean;
}

export interface SeedReport {
  localGovernments: number;
}

export async function seedDatabase(db: Kysely<Database>, _options: SeedOptions): Promise<SeedReport> {
  return { localGovernments: await seedLocalGovernments(db) };
}
