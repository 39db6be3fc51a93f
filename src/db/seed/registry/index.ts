// The real facts of the collaboration registry (research/domain.md §2–3 and the seed pamphlet),
// loaded at every start and into every test database. Each record carries its source and
// provenance 'seed'. Idempotent and cheap: ids are derived from stable keys, rows are inserted
// only when missing (onConflict doNothing), and the parties of an agreement, exchange, plan or
// project are written only together with their new record — so a restart never overwrites or
// re-adds what was edited on the site, and a deleted seed record stays deleted.
// Needs the wards and the agreement types (./../wards.ts) to be seeded first.
import type { Kysely } from 'kysely';
import type { Database } from '../../schema.ts';
import { seedAgreements } from './agreements.ts';
import { seedCompanies } from './companies.ts';
import { seedDisasters } from './disasters.ts';
import { seedGroups } from './groups.ts';
import { seedJointPlans } from './joint-plans.ts';
import { seedRegisteredMembers } from './members.ts';
import { seedPlan } from './plan.ts';
import { seedProjects } from './projects.ts';
import { seedPublishedFigures } from './published-figures.ts';
import { seedRegionalExchanges } from './regional-exchanges.ts';
import { loadResolver } from './util.ts';

export interface RegistrySeedReport {
  /** Records newly written by this run (0 on a restart): agreements, exchanges, plans, plan items, projects. */
  inserted: number;
}

export async function seedRegistry(db: Kysely<Database>): Promise<RegistrySeedReport> {
  const lg = await loadResolver(db);
  const now = new Date().toISOString();
  // One transaction: a failure leaves no record without its parties (which a restart, seeing the
  // record, would never add).
  return db.transaction().execute(async (trx) => {
    const ctx = { db: trx, now, lg };
    await seedGroups(ctx);
    await seedCompanies(ctx);
    await seedDisasters(ctx);
    await seedPublishedFigures(ctx);
    await seedRegisteredMembers(ctx);
    const inserted =
      (await seedAgreements(ctx)) + (await seedRegionalExchanges(ctx)) + (await seedJointPlans(ctx)) + (await seedPlan(ctx)) + (await seedProjects(ctx));
    return { inserted };
  });
}
