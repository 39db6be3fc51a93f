// Everything `npm start` loads into a database. Real facts only; demo records are marked
// 「サンプル」 and loaded only when DEMO_DATA is on and APP_ENV is not production.
import type { Kysely } from 'kysely';
import type { AppConfig } from '../../config.ts';
import { bumpRevision } from '../revisions.ts';
import type { Database } from '../schema.ts';
import { seedBoardCategories, seedBoardSamples } from './board.ts';
import { seedDemoAccounts, type DemoAccount } from './demo-accounts.ts';
import { seedEvents } from './events.ts';
import { seedLocalGovernments } from './local-governments.ts';
import { seedMatching } from './matching.ts';
import { seedNews } from './news.ts';
import { seedPrPages } from './pr-pages.ts';
import { seedRegistry } from './registry/index.ts';
import { seedSitePages } from './site-pages.ts';
import { seedWards } from './wards.ts';

export interface SeedOptions {
  demoData: boolean;
  /** The app environment; sample records are never loaded in production. */
  env: AppConfig['env'];
}

export interface SeedReport {
  localGovernments: number;
  /** Registry records (agreements, exchanges, plans, plan items, projects) written by this start; 0 on a restart. */
  registryRecords: number;
  /** The sample accounts' sign-in details (empty when demo data is off). */
  demoAccounts: DemoAccount[];
}

export async function seedDatabase(db: Kysely<Database>, options: SeedOptions): Promise<SeedReport> {
  const localGovernments = await seedLocalGovernments(db);
  await seedWards(db);
  const registry = await seedRegistry(db);
  // What this start loaded is new to every running instance's registry model.
  await bumpRevision(db, 'registry');
  const samples = options.demoData && options.env !== 'production';
  await seedNews(db, { samples });
  await seedEvents(db, { samples });
  await bumpRevision(db, 'events');
  await seedSitePages(db);
  await seedPrPages(db, { samples });
  await seedMatching(db, { samples });
  const demoAccounts = samples ? await seedDemoAccounts(db) : [];
  await seedBoardCategories(db);
  if (samples) await seedBoardSamples(db);
  return { localGovernments, registryRecords: registry.inserted, demoAccounts };
}
