// Notifications (issue 11): the module's face. The board decides who is notified and calls
// notify()/withdrawNotifications(); this module keeps the inbox, the members' mail settings, the
// unsubscribe links, and sends the mail through the database job queue (src/db/jobs.ts), whose
// worker it starts on instances that run scheduled work (SCHEDULED_JOBS).
import type { FastifyInstance } from 'fastify';
import { startJobWorker } from '../../db/jobs.ts';
import { latestDigestTime } from '../../domain/digest-periods.ts';
import type { FeatureOptions } from '../feature-options.ts';
import { enqueueDueDigests, notificationJobHandlers } from './mail.ts';
import notificationRoutes from './routes.ts';

export type { NotificationKind } from './kinds.ts';
export type { NotificationInput } from './commands.ts';
export { notify, withdrawNotifications } from './commands.ts';
export { preferencesOf, unreadCount } from './queries.ts';
export { frequencyLabel, kindLabel, notificationKinds } from './kinds.ts';
export { enqueueDueDigests, notificationJobHandlers } from './mail.ts';

/** How often an instance looks for due jobs. */
const workerIntervalMs = 10_000;
/** After a digest time, how long every pass looks again for digests to enqueue (late commits). */
const digestRescanMs = 10 * 60_000;

export default async function notificationsFeature(app: FastifyInstance, options: FeatureOptions): Promise<void> {
  await app.register(notificationRoutes, options);
  Object.assign(options.jobHandlers, notificationJobHandlers(options.database.db, options.mailer, mailSettingsOf(options.config)));
  if (options.config.scheduledJobs) startWorker(app, options);
}

/** The settings the mail handlers need, from the app's config. */
export function mailSettingsOf(config: FeatureOptions['config']) {
  return { publicUrl: config.publicUrl, secret: config.sessionSecret };
}

/** The app's one job worker: it runs every feature's jobs (options.jobHandlers), not only mail of notifications. */
function startWorker(app: FastifyInstance, { database, jobHandlers }: FeatureOptions): void {
  const { db } = database;
  // The digest scan reads a day's notifications: it runs when a digest time has passed since the
  // last scan, and for a few minutes after, not on every pass.
  let scannedFor = '';
  const beforePass = async () => {
    const now = new Date();
    const daily = latestDigestTime('daily', now);
    const key = `${daily.toISOString()}|${latestDigestTime('weekly', now).toISOString()}`;
    if (key === scannedFor && now.getTime() - daily.getTime() > digestRescanMs) return;
    await enqueueDueDigests(db, now);
    scannedFor = key;
  };
  let worker: ReturnType<typeof startJobWorker> | undefined;
  app.addHook('onReady', async () => {
    worker = startJobWorker(db, jobHandlers, { intervalMs: workerIntervalMs, beforePass, onError: (error) => app.log.error({ err: error }, 'job worker pass failed') });
  });
  app.addHook('onClose', async () => {
    await worker?.stop();
  });
}
