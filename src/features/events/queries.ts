// Reads of events for the pages, the feeds and other features. Public reads see only published
// events; the back office reads any status through the functions that say so.
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { readRevision } from '../../db/revisions.ts';
import { fiscalYearOf, fiscalYearRange } from '../../domain/fiscal-year.ts';
import { formatIsoDate } from '../../domain/japanese-date.ts';
import { prefectureLocalGovCode } from '../../domain/local-gov-code.ts';
import type { EventFilter } from './filter.ts';
import { archiveSpan, eventListing, findEvents, type ListingQuery } from './listing.ts';
import { eventFromRow, type Event, type EventMunicipality, type EventRow } from './record.ts';

export const eventPageSize = 20;

type EventQuery = SelectQueryBuilder<Database, 'events', object>;

export function todayInJapan(now = new Date()): string {
  return formatIsoDate(now);
}

/** Published events matching the filter (dates: the event overlaps the period). */
export function filtered(db: Kysely<Database>, filter: EventFilter): EventQuery {
  let q = db.selectFrom('events').where('events.status', '=', 'published') as EventQuery;
  if (filter.pref) {
    q = q.where(({ exists, selectFrom }) =>
      exists(selectFrom('event_municipalities as em').select(sql`1`.as('one')).whereRef('em.event_id', '=', 'events.id').where('em.prefecture_code', '=', filter.pref)),
    );
  }
  if (filter.muni) {
    q = q.where(({ exists, selectFrom }) =>
      exists(selectFrom('event_municipalities as em').select(sql`1`.as('one')).whereRef('em.event_id', '=', 'events.id').where('em.local_government_code', '=', filter.muni)),
    );
  }
  if (filter.field) q = q.where('events.field', '=', Number(filter.field));
  if (filter.kind) q = q.where('events.kind', '=', filter.kind);
  if (filter.online) q = q.where('events.online', '=', 1);
  if (filter.from) q = q.where('events.ends_on', '>=', filter.from);
  if (filter.to) q = q.where('events.starts_on', '<=', filter.to);
  return q;
}

export interface EventPage {
  rows: Event[];
  total: number;
}

/** The events' full rows in the order of the ids given (one read by id). */
async function rowsInOrder(db: Kysely<Database>, ids: readonly string[]): Promise<Event[]> {
  if (ids.length === 0) return [];
  const rows = (await db.selectFrom('events').selectAll().where('id', 'in', ids).where('status', '=', 'published').execute()) as EventRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return withMunicipalities(
    db,
    ids.flatMap((id) => byId.get(id) ?? []),
  );
}

async function pageOf(db: Kysely<Database>, query: ListingQuery, page: number, pageSize: number): Promise<EventPage> {
  const { total, ids } = findEvents(await eventListing(db), query, (page - 1) * pageSize, pageSize);
  return { rows: await rowsInOrder(db, ids), total };
}

/** Events not yet over (ending today or later), soonest first. */
export function upcomingPage(db: Kysely<Database>, filter: EventFilter, today: string, page: number, pageSize = eventPageSize): Promise<EventPage> {
  return pageOf(db, { filter, mode: 'upcoming', today }, page, pageSize);
}

/** Events that are over, newest first; within a 年度 when `fy` is given. */
export function archivePage(db: Kysely<Database>, filter: EventFilter, today: string, fy: number | null, page: number, pageSize = eventPageSize): Promise<EventPage> {
  return pageOf(db, { filter, mode: 'archive', today, startsWithin: fy === null ? undefined : fiscalYearRange(fy) }, page, pageSize);
}

/** The 年度 of the archive (past published events), newest first. */
export async function archiveYears(db: Kysely<Database>, today: string): Promise<number[]> {
  const span = archiveSpan(await eventListing(db), today);
  if (!span) return [];
  const years: number[] = [];
  for (let fy = fiscalYearOf(span.last); fy >= fiscalYearOf(span.first); fy--) years.push(fy);
  return years;
}

export interface CalendarEvent {
  id: string;
  title: string;
  kind: string;
  startsOn: string;
  endsOn: string;
  startTime: string | null;
  online: boolean;
  provenance: Event['provenance'];
}

/** Published events overlapping [first, last] (a month), by start; at most `limit`. */
export async function eventsBetween(db: Kysely<Database>, filter: EventFilter, first: string, last: string, limit = 3000): Promise<CalendarEvent[]> {
  const rows = await filtered(db, filter)
    .where('events.ends_on', '>=', first)
    .where('events.starts_on', '<=', last)
    .select(['events.id', 'events.title', 'events.kind', 'events.starts_on', 'events.ends_on', 'events.start_time', 'events.online', 'events.provenance'])
    .orderBy('events.starts_on')
    .orderBy('events.start_time')
    .orderBy('events.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    startTime: r.start_time,
    online: Number(r.online) === 1,
    provenance: r.provenance,
  }));
}

/** Every published event matching the filter, for a feed or an export, soonest first; bounded. */
export async function feedEvents(db: Kysely<Database>, filter: EventFilter, options: { since?: string; limit: number; order?: 'asc' | 'desc'; by?: 'start' | 'updated' }): Promise<Event[]> {
  let q = filtered(db, filter);
  if (options.since) q = q.where('events.ends_on', '>=', options.since);
  const ordered =
    options.by === 'updated'
      ? q.selectAll('events').orderBy('events.updated_at', 'desc').orderBy('events.id')
      : q.selectAll('events').orderBy('events.starts_on', options.order ?? 'asc').orderBy('events.id');
  const rows = await ordered.limit(options.limit).execute();
  return withMunicipalities(db, rows as EventRow[]);
}

/** One event in any status (callers decide who may see it), or undefined. */
export async function eventById(db: Kysely<Database>, id: string): Promise<Event | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
  const row = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return (await withMunicipalities(db, [row as EventRow]))[0];
}

/** Events by id in any status, in the order asked (unknown ids left out). */
export async function eventsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<Event[]> {
  const wanted = [...new Set(ids.filter((id) => /^[0-9a-f-]{36}$/.test(id)))];
  if (wanted.length === 0) return [];
  const rows = (await db.selectFrom('events').selectAll().where('id', 'in', wanted).execute()) as EventRow[];
  const events = await withMunicipalities(db, rows);
  const byId = new Map(events.map((e) => [e.id, e]));
  return wanted.flatMap((id) => byId.get(id) ?? []);
}

/** The rows as events, each with its municipalities' and prefectures' names. */
export async function withMunicipalities(db: Kysely<Database>, rows: readonly EventRow[]): Promise<Event[]> {
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('event_municipalities as em')
    .innerJoin('local_governments as lg', 'lg.code', 'em.local_government_code')
    .select(['em.event_id', 'em.local_government_code as code', 'em.prefecture_code', 'lg.name', 'em.position'])
    .where(
      'em.event_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('em.event_id')
    .orderBy('em.position')
    .execute();
  const prefectures = await prefectureNames(db);
  const byEvent = new Map<string, EventMunicipality[]>();
  for (const l of links) {
    const list = byEvent.get(l.event_id) ?? [];
    list.push({ code: l.code, name: l.name, prefectureCode: l.prefecture_code, prefectureName: prefectures.get(l.prefecture_code) ?? '' });
    byEvent.set(l.event_id, list);
  }
  return rows.map((r) => eventFromRow(r, byEvent.get(r.id) ?? []));
}

let prefectureCache: Promise<Map<string, string>> | undefined;

/** '13' → '東京都' (master data that does not change while the app runs). */
export function prefectureNames(db: Kysely<Database>): Promise<Map<string, string>> {
  prefectureCache ??= db
    .selectFrom('local_governments')
    .select(['prefecture_code', 'name'])
    .where('level', '=', 'prefecture')
    .orderBy('prefecture_code')
    .execute()
    .then((rows) => new Map(rows.map((r) => [r.prefecture_code, r.name])))
    .catch((error: unknown) => {
      prefectureCache = undefined;
      throw error;
    });
  return prefectureCache;
}

export interface MunicipalityChoice {
  code: string;
  name: string;
  prefectureCode: string;
}

const choiceCache = new WeakMap<Kysely<Database>, { revision: number; value: Promise<MunicipalityChoice[]> }>();

/** The municipalities that take part in at least one published event, for the filter's list. */
export async function municipalityChoices(db: Kysely<Database>): Promise<MunicipalityChoice[]> {
  const revision = await readRevision(db, 'events');
  const cached = choiceCache.get(db);
  if (cached && cached.revision === revision) return cached.value;
  const value = db
    .selectFrom('local_governments as lg')
    .select(['lg.code', 'lg.name', 'lg.prefecture_code'])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('event_municipalities as em')
          .innerJoin('events', 'events.id', 'em.event_id')
          .select(sql`1`.as('one'))
          .whereRef('em.local_government_code', '=', 'lg.code')
          .where('events.status', '=', 'published'),
      ),
    )
    .orderBy('lg.prefecture_code')
    .orderBy('lg.kana_rank')
    .execute()
    .then((rows) => rows.map((r) => ({ code: r.code, name: r.name, prefectureCode: r.prefecture_code })));
  choiceCache.set(db, { revision, value });
  value.catch(() => choiceCache.delete(db));
  return value;
}

/** A municipality's name by its code (for a form's echo), or undefined. */
export async function municipalityNames(db: Kysely<Database>, codes: readonly string[]): Promise<Map<string, { name: string; prefectureCode: string }>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('local_governments').select(['code', 'name', 'prefecture_code']).where('code', 'in', [...new Set(codes)]).execute();
  return new Map(rows.map((r) => [r.code, { name: r.name, prefectureCode: r.prefecture_code }]));
}

/** The prefecture's own code (e.g. 東京都 130001), for links. */
export function prefectureGovernmentCode(pref2: string): string {
  return prefectureLocalGovCode(pref2);
}

/** The registry project's title by id (the related project), or undefined when it is gone. */
export async function projectTitle(db: Kysely<Database>, id: string | null): Promise<string | undefined> {
  if (!id) return undefined;
  const row = await db.selectFrom('projects').select('title').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return row?.title;
}
