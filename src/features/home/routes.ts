import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../../app.ts';
import { createPageCache } from '../../views/page-cache.ts';
import { contextFor, sendPage } from '../../views/render.ts';
import { masterDataSummary } from './queries.ts';
import { HomePage } from './views.tsx';

export default async function homeRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  // The top page is the same for every visitor in a language: render it at most every 10 s.
  const topPage = createPageCache(10_000);
  app.get('/', async (request, reply) => {
    const ctx = contextFor(request);
    const html = await topPage.get(ctx.lang, async () => HomePage({ ctx, summary: await masterDataSummary(database.db) }));
    return sendPage(reply, html);
  });
}
