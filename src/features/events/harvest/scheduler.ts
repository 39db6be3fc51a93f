// The harvest scheduler inside the app: started when the app is ready, stopped when it closes
// (the pass in progress is awaited). Off under APP_ENV=test unless SCHEDULED_JOBS says so;
// tests drive harvestDueFeeds themselves.
import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../../feature-options.ts';
import { harvestDueFeeds } from './harvest.ts';

export const tickMs = 60_000;

export function startHarvestScheduler(app: FastifyInstance, { database, config }: FeatureOptions): void {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  const tick = () => {
    if (running) return;
    running = harvestDueFeeds(database.db, { allowHosts: config.harvest.allowHosts })
      .then((outcomes) => {
        for (const o of outcomes) app.log.info({ feed: o.feedId, ok: o.ok, added: o.added, updated: o.updated, error: o.error }, 'event feed harvested');
      })
      .catch((error: unknown) => app.log.error({ err: error }, 'event harvest failed'))
      .finally(() => {
        running = undefined;
      });
  };
  app.addHook('onReady', async () => {
    timer = setInterval(tick, tickMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await running;
  });
}
