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
import { eventJobHandlers } from './notify.ts';
import eventsPublicRoutes from './routes.ts';
import { eventsByIds as loadEventsByIds, feedEvents, todayInJapan, withMunicipalities } from './queries.ts';
import type { Event, EventRow } from './record.ts';

export default async function eventsFeature(app: FastifyInstance, options: FeatureOptions): Promise<void> {
  await app.register(eventsPublicRoutes, options);
  await app.register(adminRoutes, options);
  await app.register(memberRoutes, options);
  await app.register(importRoutes, options);
  await app.register(feedAdminRoutes, options);
  if (options.config.harvest.scheduler) startHarvestScheduler(app, options);
  // The decision mails, sent by the app's job worker (started by the notifications feature).
  Object.assign(options.jobHandlers, eventJobHandlers(options.database.db, options.mailer, options.config.publicUrl));
}

export type { Event } from './record.ts';
export { eventPath, eventDateText, eventTitle } from './labels.tsx';

/** The next published events (ending today or later), soonest first. */
export function upcomingEvents(db: Kysely<Database>, { limit = 5, today = todayInJapan() }: { limit?: number; today?: string } = {}): Promise<Event[]> {
  return feedEvents(db, { pref: '', muni: '', field: '', kind: '', online: '', from: '', to: '' }, { since: today, limit });
}

/**
 * A municipality's next published events, soonest first (for its page). Read from the
 * municipality's own rows of event_municipalities (its index), not by testing every upcoming event:
 * the general filter took over 100 ms with 50,000 events. The rows are taken first, as a
 * materialized CTE, because as a plain join PostgreSQL walks every published event by start date
 * (with statistics) or hashes all 7,000 upcoming ones (without): 40–300 ms instead of ~1 ms.
 * Each event is then tested through events_upcoming_by_id_idx (migration 2026-12-08T1100).
 */
export async function upcomingEventsOf(db: Kysely<Database>, code: string, { limit = 5, today = todayInJapan() }: { limit?: number; today?: string } = {}): Promise<Event[]> {
  const rows = await db
    .with(
      (cte) => cte('em').materialized(),
      (qb) => qb.selectFrom('event_municipalities').select('event_id').where('local_government_code', '=', code),
    )
    .selectFrom('em')
    .innerJoin('events', 'events.id', 'em.event_id')
    .selectAll('events')
    .where('events.status', '=', 'published')
    .where('events.ends_on', '>=', today)
    .orderBy('events.starts_on')
    .orderBy('events.id')
    .limit(limit)
    .execute();
  return withMunicipalities(db, rows as EventRow[]);
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
