// Events (イベント情報): the module's face. The plugin registers the public pages and files, the
// secretariat's back office (list, edit, review, import, harvested feeds), the member area's
// submissions and the harvest scheduler; other features use only what is exported below.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { FeatureOptions } from '../feature-options.ts';
import adminRoutes from './admin/routes.tsx';
import feedAdminRoutes from './harvest/routes.tsx';
import { startHarvestScheduler } from './harvest/scheduler.ts';
import importRoutes from './open-data/routes.tsx';
import memberRoutes from './member/routes.tsx';
import eventsPublicRoutes from './routes.ts';
import { eventsByIds as loadEventsByIds, feedEvents, todayInJapan } from './queries.ts';
import type { Event } from './record.ts';

export default async function eventsFeature(app: FastifyInstance, options: FeatureOptions): Promise<void> {
  await app.register(eventsPublicRoutes, options);
  await app.register(adminRoutes, options);
  await app.register(memberRoutes, options);
  await app.register(importRoutes, options);
  await app.register(feedAdminRoutes, options);
  if (options.config.harvest.scheduler) startHarvestScheduler(app, options);
}

export type { Event } from './record.ts';
export { eventPath, eventDateText, eventTitle } from './labels.tsx';

/** The next published events (ending today or later), soonest first; of one municipality when `municipality` is given. */
export function upcomingEvents(db: Kysely<Database>, { limit = 5, today = todayInJapan(), municipality = '' }: { limit?: number; today?: string; municipality?: string } = {}): Promise<Event[]> {
  return feedEvents(db, { pref: '', muni: municipality, field: '', kind: '', online: '', from: '', to: '' }, { since: today, limit });
}

/** Published events by id, in the order asked (for news articles that relate events). */
export async function publishedEventsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<Event[]> {
  return (await loadEventsByIds(db, ids)).filter((e) => e.status === 'published');
}

export { UpcomingEventsSection, MunicipalityEventsSection } from './section.tsx';

/** Every published event's address and last change, for sitemap.xml. */
export async function publishedEventLocations(db: Kysely<Database>): Promise<Array<{ path: string; updatedAt: string }>> {
  const rows = await db.selectFrom('events').select(['id', 'updated_at']).where('status', '=', 'published').orderBy('starts_on', 'desc').limit(40_000).execute();
  return rows.map((r) => ({ path: `/events/${r.id}`, updatedAt: r.updated_at }));
}

export { eventSearchChanges } from './search.ts';
