// Municipal PR pages (賛同自治体のPR): the module's face. The plugin registers the member form and
// the secretariat's pages; the municipality page, the directory, the top page, the search and the
// sitemap use only what is exported below.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { FeatureOptions } from '../feature-options.ts';
import prAdminRoutes from './admin-routes.ts';
import { loadPrPage, isVisible, type PrPage } from './record.ts';
import prMemberRoutes from './routes.ts';

export default async function prFeature(app: FastifyInstance, options: FeatureOptions): Promise<void> {
  await app.register(prMemberRoutes, options);
  await app.register(prAdminRoutes, options);
}

/** The municipality's PR page when the public may see it. */
export async function visiblePrPage(db: Kysely<Database>, code: string): Promise<PrPage | undefined> {
  const page = await loadPrPage(db, code);
  return page && isVisible(page) ? page : undefined;
}

export type { PrPage } from './record.ts';
export { PrSection, RecentPrSection, PrBadge, prPath } from './section.tsx';
export { recentPrPages, visiblePrCodes, codesWithVisiblePr, prSearchChanges, visiblePrLocations, type PrSummary } from './queries.ts';
export { savePrPage } from './commands.ts';
export { prEditPath } from './form-view.tsx';
