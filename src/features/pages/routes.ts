// The public site pages at their fixed addresses. Cached for visitors by the 'site-pages' revision,
// which every edit raises: a saved page is served at once on every instance.
import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../feature-options.ts';
import { contextFor, sendPage } from '../../views/render.ts';
import { NotFoundPage } from '../../views/errors.tsx';
import { sitePagePath, sitePageSlugs } from './catalogue.ts';
import { loadSitePage, loadTestResults } from './record.ts';
import { SitePageView } from './views.tsx';

export default async function sitePagesRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  const { db } = database;
  for (const slug of sitePageSlugs) {
    app.get(sitePagePath(slug), { config: { cachedBy: 'site-pages' } }, async (request, reply) => {
      const ctx = contextFor(request, reply);
      const page = await loadSitePage(db, slug);
      // Only before the seed ran (never in a started app): the page exists from the first start.
      if (!page) return sendPage(reply, NotFoundPage({ ctx }), 404);
      const results = slug === 'accessibility' ? await loadTestResults(db) : undefined;
      return sendPage(reply, SitePageView({ ctx, page, updatedAt: page.updatedAt, results }));
    });
  }
}
