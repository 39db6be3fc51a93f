import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../feature-options.ts';
import { createPageCache } from '../../views/page-cache.ts';
import { contextFor, sendPage } from '../../views/render.ts';
import { formatIsoDate } from '../../domain/japanese-date.ts';
import { headlineFigures } from '../registry/index.ts';
import { masterDataSummary } from './queries.ts';
import { HomePage } from './views.tsx';

export default async function homeRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  // The top page is the same for every anonymous visitor in a language: render it at most every 10 s.
  const topPage = createPageCache(10_000);
  app.get('/', async (request, reply) => {
    const ctx = contextFor(request, reply);
    const render = async () => {
      const [summary, figures] = await Promise.all([masterDataSummary(database.db), headlineFigures(database.db, formatIsoDate(new Date()))]);
      return HomePage({ ctx, summary, figures });
    };
    // Signed-in people see their name in the header: their page is never shared.
    const html = ctx.viewer ? await render() : await topPage.get(ctx.lang, render);
    return sendPage(reply, html);
  });
}
