// The public event pages and files: /events (開催予定), /events/archive (過去のイベント, by 年度),
// /events/calendar?month=2024-10, /events/:id, /events/:id.ics, /events.ics (the same filters),
// /events/feed.rss, /events/feed.atom and /events/opendata.csv (イベント一覧 layout). Pages are
// kept for anonymous visitors while the 'events' revision holds (page-cache.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { FeatureOptions } from '../feature-options.ts';
import { loadFiles, fileLabel, fileUrl } from '../files/index.ts';
import { NotFoundPage } from '../../views/errors.tsx';
import { contextFor, sendPage } from '../../views/render.ts';
import { sendTabular } from '../../views/tabular.ts';
import { eventsFeed } from './feeds/write.ts';
import { filterErrors, parseEventQuery } from './filter.ts';
import { eventAbsoluteUrl, eventsCalendar } from './ical/write.ts';
import { openDataColumns, openDataRow } from './open-data/layout.ts';
import {
  archivePage,
  archiveYears,
  eventById,
  eventPageSize,
  eventsBetween,
  feedEvents,
  municipalityChoices,
  prefectureNames,
  projectTitle,
  todayInJapan,
  upcomingPage,
} from './queries.ts';
import type { Event } from './record.ts';
import { CalendarPage, daysIn, EventListPage, EventPage, type FilterChoices, type ListMode } from './views.tsx';

export async function filterChoices(db: Kysely<Database>): Promise<FilterChoices> {
  const [prefs, municipalities] = await Promise.all([prefectureNames(db), municipalityChoices(db)]);
  return { prefectures: [...prefs].map(([code, name]) => ({ code, name })), municipalities };
}

/** Data for one event's page: its related project and flyer. */
export async function eventPageData(db: Kysely<Database>, event: Event) {
  const title = await projectTitle(db, event.projectId);
  const files = event.flyerFileId ? await loadFiles(db, [event.flyerFileId]) : new Map();
  const file = event.flyerFileId ? files.get(event.flyerFileId) : undefined;
  return {
    project: title && event.projectId ? { id: event.projectId, title } : undefined,
    flyer: file ? { href: fileUrl(file), label: fileLabel(file), name: file.name } : undefined,
  };
}

export default async function eventsPublicRoutes(app: FastifyInstance, { database, config }: FeatureOptions): Promise<void> {
  const { db } = database;

  const list = async (request: FastifyRequest, reply: FastifyReply, mode: ListMode) => {
    const ctx = contextFor(request, reply);
    const choices = await filterChoices(db);
    const today = todayInJapan();
    const parsed = parseEventQuery(request.query);
    if (!parsed.ok) return sendPage(reply, EventListPage({ ctx, mode, choices, input: parsed.input, errors: filterErrors(ctx, parsed.errors) }), 400);
    const { filter, fy, page } = parsed.value;
    const result =
      mode === 'upcoming' ? await upcomingPage(db, filter, today, page) : await archivePage(db, filter, today, fy ? Number(fy) : null, page);
    const years = mode === 'archive' ? await archiveYears(db, today) : [];
    return sendPage(
      reply,
      EventListPage({ ctx, mode, choices, years, input: { ...filter, fy, page: String(page) }, errors: [], result: { filter, fy, page, total: result.total, rows: result.rows, pageSize: eventPageSize } }),
    );
  };

  app.get('/events', { config: { cachedBy: 'events' } }, (request, reply) => list(request, reply, 'upcoming'));
  app.get('/events/archive', { config: { cachedBy: 'events' } }, (request, reply) => list(request, reply, 'archive'));

  app.get('/events/calendar', { config: { cachedBy: 'events' } }, async (request, reply) => {
    const ctx = contextFor(request, reply);
    const choices = await filterChoices(db);
    const parsed = parseEventQuery(request.query);
    if (!parsed.ok) return sendPage(reply, CalendarPage({ ctx, choices, input: parsed.input, errors: filterErrors(ctx, parsed.errors) }), 400);
    const today = todayInJapan();
    const [year, month] = (parsed.value.month || today.slice(0, 7)).split('-').map(Number) as [number, number];
    const first = `${year}-${String(month).padStart(2, '0')}-01`;
    const last = `${year}-${String(month).padStart(2, '0')}-${String(daysIn(year, month)).padStart(2, '0')}`;
    const { filter } = parsed.value;
    const events = await eventsBetween(db, filter, first, last);
    return sendPage(reply, CalendarPage({ ctx, choices, input: { ...filter, month: parsed.value.month }, errors: [], month: { year, month, filter, events, today } }));
  });

  const calendarName = '特別区全国連携プロジェクト イベント情報';
  const sendCalendar = (reply: FastifyReply, events: Event[], fileName: string) =>
    reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `inline; filename="${fileName}"`)
      .send(eventsCalendar(events, { publicUrl: config.publicUrl, name: calendarName }));

  app.get('/events.ics', { config: { cachedBy: 'events' } }, async (request, reply) => {
    const parsed = parseEventQuery(request.query);
    if (!parsed.ok) return reply.code(400).type('text/plain; charset=utf-8').send(parsed.errors.map((e) => e.ja).join('\n'));
    // Events from a year ago on, soonest first, bounded.
    const since = new Date(Date.now() - 365 * 86_400_000);
    const events = await feedEvents(db, parsed.value.filter, { since: todayInJapan(since), limit: 2000 });
    return sendCalendar(reply, events, 'events.ics');
  });

  const notFound = (request: FastifyRequest, reply: FastifyReply) => {
    const ctx = contextFor(request, reply);
    return sendPage(reply, NotFoundPage({ ctx, detail: ctx.t('このイベントは登録されていないか、公開を終了しました。', 'No such event is published.') }), 404);
  };

  app.get<{ Params: { id: string } }>('/events/:id', { config: { cachedBy: 'events' } }, async (request, reply) => {
    const raw = request.params.id;
    const isIcs = raw.endsWith('.ics');
    const id = isIcs ? raw.slice(0, -4) : raw;
    const event = await eventById(db, id);
    if (!event || event.status !== 'published') return notFound(request, reply);
    if (isIcs) return sendCalendar(reply, [event], `event-${event.id}.ics`);
    const ctx = contextFor(request, reply);
    return sendPage(reply, EventPage({ ctx, event, ...(await eventPageData(db, event)), absoluteUrl: eventAbsoluteUrl(config.publicUrl, event.id) }));
  });

  const feed = async (format: 'rss' | 'atom', reply: FastifyReply) => {
    const events = await feedEvents(db, { pref: '', muni: '', field: '', kind: '', online: '', from: '', to: '' }, { limit: 50, by: 'updated' });
    const f = eventsFeed(events, config.publicUrl);
    return format === 'rss' ? reply.type('application/rss+xml; charset=utf-8').send(f.rss2()) : reply.type('application/atom+xml; charset=utf-8').send(f.atom1());
  };
  app.get('/events/feed.rss', { config: { cachedBy: 'events' } }, (_request, reply) => feed('rss', reply));
  app.get('/events/feed.atom', { config: { cachedBy: 'events' } }, (_request, reply) => feed('atom', reply));

  app.get('/events/opendata.csv', async (request, reply) => {
    const parsed = parseEventQuery(request.query);
    if (!parsed.ok) return reply.code(400).type('text/plain; charset=utf-8').send(parsed.errors.map((e) => e.ja).join('\n'));
    const events = await feedEvents(db, parsed.value.filter, { limit: 100_000 });
    return sendTabular(reply, 'csv', 'イベント一覧', openDataColumns, events.map(openDataRow));
  });
}
