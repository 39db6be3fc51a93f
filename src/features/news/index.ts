// The news module's face: registers the public pages, the back office and the scheduled
// publication; exports what the top page shows (the latest articles).
import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../feature-options.ts';
import newsAdminRoutes from './admin/routes.ts';
import { publishDueArticles } from './commands.ts';
import newsRoutes from './routes.ts';

/** How often an instance looks for scheduled articles whose time has come. */
const publishCheckMs = 15_000;

export default async function newsFeature(app: FastifyInstance, options: FeatureOptions): Promise<void> {
  await app.register(newsRoutes, options);
  await app.register(newsAdminRoutes, options);
  if (options.config.scheduledJobs) startScheduledPublication(app, options);
}

function startScheduledPublication(app: FastifyInstance, { database }: FeatureOptions): void {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = publishDueArticles(database.db).catch((error: unknown) => app.log.error({ err: error }, 'scheduled publication failed'));
  };
  app.addHook('onReady', async () => {
    tick();
    timer = setInterval(tick, publishCheckMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
}

export { latestArticles, publishedArticleLocations, type ArticleSummary } from './queries.ts';
export { LatestNewsSection } from './views.tsx';
export { publishDueArticles } from './commands.ts';
export { newsSearchChanges } from './search.ts';
