// The top page: the project in a few words, the registry's headline figures and the master data's
// counts, the latest news, the upcoming events and a few recently updated PR pages. Anonymous
// visitors get it from the page cache while the registry's, news', events' and PR revisions hold.
import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../feature-options.ts';
import { contextFor, sendPage } from '../../views/render.ts';
import { formatIsoDate } from '../../domain/japanese-date.ts';
import { headlineFigures } from '../registry/index.ts';
import { latestArticles } from '../news/index.ts';
import { upcomingEvents } from '../events/index.ts';
import { recentPrPages } from '../pr/index.ts';
import { masterDataSummary } from './queries.ts';
import { HomePage } from './views.tsx';

export default async function homeRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  app.get('/', { config: { cachedBy: ['registry', 'news', 'events', 'pr'] } }, async (request, reply) => {
    const ctx = contextFor(request, reply);
    const [summary, figures, news, events, prPages] = await Promise.all([
      masterDataSummary(database.db),
      headlineFigures(database.db, formatIsoDate(new Date())),
      latestArticles(database.db, 5),
      upcomingEvents(database.db, { limit: 5 }),
      recentPrPages(database.db, 3),
    ]);
    return sendPage(reply, HomePage({ ctx, summary, figures, news, events, prPages }));
  });
}
