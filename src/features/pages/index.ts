// The site pages module's face: registers the public pages and the secretariat's editing, and
// tells the sitemap which pages there are (with their current titles and last change).
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { FeatureOptions } from '../feature-options.ts';
import sitePagesAdminRoutes from './admin/routes.ts';
import { sitePagePath } from './catalogue.ts';
import { loadSitePages } from './record.ts';
import sitePagesRoutes from './routes.ts';

export { sitePageSearchChanges } from './search.ts';

export default async function sitePagesFeature(app: FastifyInstance, options: FeatureOptions): Promise<void> {
  await app.register(sitePagesRoutes, options);
  await app.register(sitePagesAdminRoutes, options);
}

export interface SitePageLink {
  path: string;
  ja: string;
  /** Empty when the page has no English title. */
  en: string;
  updatedAt: string;
}

/** The site pages for the sitemap page and sitemap.xml, in the catalogue's order. */
export async function sitePageLinks(db: Kysely<Database>): Promise<SitePageLink[]> {
  return (await loadSitePages(db)).map((p) => ({ path: sitePagePath(p.slug), ja: p.titleJa, en: p.titleEn, updatedAt: p.updatedAt }));
}
