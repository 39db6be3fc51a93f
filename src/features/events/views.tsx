// The public event pages: the list (開催予定 /events, 過去のイベント /events/archive) with its GET
// filter form, the month calendar (/events/calendar), and one page per event (/events/:id).
import type { PageContext } from '../../views/context.ts';
import { ErrorSummary, type FieldError } from '../../views/components/error-summary.tsx';
import { Facts } from '../../views/components/facts.tsx';
import { FilterActions, FilterPageError, FilterSelect, withQuery, type FilterOptionGroup } from '../../views/components/filter-form.tsx';
import { pageCount, Pagination, resultRangeText } from '../../views/components/pagination.tsx';
import { formatDate, formatDateTime } from '../../views/format.ts';
import { Layout } from '../../views/layout.tsx';
import { renderMarkdown } from '../../views/markdown.ts';
import { formatFiscalYear, formatFiscalYearEnglish } from '../../domain/fiscal-year.ts';
import { filterQuery, type EventFilter } from './filter.ts';
import { EventMarks, eventDateText, eventPath, eventTitle, Lines, placeText } from './labels.tsx';
import type { CalendarEvent, MunicipalityChoice } from './queries.ts';
import type { Event } from './record.ts';
import { eventFields, eventKinds, fieldLabel, kindLabel, organiserRoles, provenanceLabel, roleLabel } from './vocabulary.ts';

export interface FilterChoices {
  prefectures: Array<{ code: string; name: string }>;
  municipalities: MunicipalityChoice[];
}

export type ListMode = 'upcoming' | 'archive';

/** Above this many municipalities taking part, the filter lists those of the chosen prefecture only. */
export const maxMunicipalityChoices = 300;

export function feedAlternates(ctx: PageContext, query: string) {
  const suffix = query ? `?${query}` : '';
  return [
    { type: 'application/rss+xml', href: '/events/feed.rss', title: ctx.t('イベント情報（RSS）', 'Events (RSS)') },
    { type: 'application/atom+xml', href: '/events/feed.atom', title: ctx.t('イベント情報（Atom）', 'Events (Atom)') },
    { type: 'text/calendar', href: `/events.ics${suffix}`, title: ctx.t('イベント情報（iCalendar）', 'Events (iCalendar)') },
  ];
}

function Tabs({ ctx, current, query }: { ctx: PageContext; current: 'upcoming' | 'archive' | 'calendar'; query: string }): JSX.Element {
  const tabs = [
    { id: 'upcoming', href: withQuery('/events', query), label: ctx.t('開催予定', 'Upcoming') },
    { id: 'calendar', href: withQuery('/events/calendar', query), label: ctx.t('カレンダー', 'Calendar') },
    { id: 'archive', href: withQuery('/events/archive', query), label: ctx.t('過去のイベント', 'Past events') },
  ] as const;
  return (
    <nav class="rk-tabs" aria-label={ctx.t('イベントの表示', 'Event views')}>
      <ul class="rk-tabs__list">
        {tabs.map((t) => (
          <li>
            <a class="rk-tabs__link" href={t.href} aria-current={t.id === current ? 'page' : undefined}>
              {t.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function FilterForm(p: {
  ctx: PageContext;
  action: string;
  input: Record<string, string>;
  errors: FieldError[];
  choices: FilterChoices;
  withDates: boolean;
  hidden?: Record<string, string>;
}): JSX.Element {
  const { ctx, input, choices } = p;
  const errorOf = (param: string) => p.errors.find((e) => e.field === `filter-${param}`)?.message;
  const prefName = new Map(choices.prefectures.map((x) => [x.code, x.name]));
  // A list of every municipality taking part is kept while it is short; a longer one (hundreds of
  // options, tens of kilobytes on every page) shows the chosen prefecture's municipalities only.
  const narrowed = choices.municipalities.length > maxMunicipalityChoices;
  const pref = input.pref || (input.muni ?? '').slice(0, 2);
  const municipalities = narrowed ? choices.municipalities.filter((m) => m.prefectureCode === pref) : choices.municipalities;
  const muniGroups: FilterOptionGroup[] = [];
  for (const m of municipalities) {
    const group = prefName.get(m.prefectureCode) ?? m.prefectureCode;
    let g = muniGroups.find((x) => x.group === group);
    if (!g) muniGroups.push((g = { group, options: [] }));
    g.options.push({ value: m.code, label: m.name });
  }
  const dateField = (name: 'from' | 'to', label: string) => {
    const id = `filter-${name}`;
    const error = errorOf(name);
    return (
      <div class="rk-field">
        <label class="rk-label" for={id} safe>
          {label}
        </label>
        {error ? (
          <p id={`${id}-error`} class="rk-field-error">
            <span class="rk-visually-hidden">{ctx.t('エラー：', 'Error: ')}</span>
            <span safe>{error}</span>
          </p>
        ) : (
          ''
        )}
        <input id={id} class="rk-input rk-input--short" type="date" name={name} value={input[name]} aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? 'true' : undefined} />
      </div>
    );
  };
  return (
    <form class="rk-filter" action={p.action} method="get" role="search" aria-label={ctx.t('イベントの絞り込み', 'Filter events')}>
      {Object.entries(p.hidden ?? {}).map(([name, value]) => (value ? <input type="hidden" name={name} value={value} /> : ''))}
      <div class="rk-filter__row">
        <FilterSelect ctx={ctx} name="pref" label={ctx.t('都道府県', 'Prefecture')} value={input.pref ?? ''} error={errorOf('pref')} options={choices.prefectures.map((x) => ({ value: x.code, label: x.name }))} />
        <FilterSelect
          ctx={ctx}
          name="muni"
          label={ctx.t('参加自治体', 'Municipality')}
          value={input.muni ?? ''}
          error={errorOf('muni')}
          hint={narrowed ? ctx.t('都道府県を選んで「この条件で表示」を押すと、その都道府県の自治体から選べます。', 'Choose a prefecture and apply to choose among its municipalities.') : undefined}
          options={muniGroups}
        />
      </div>
      <div class="rk-filter__row">
        <FilterSelect ctx={ctx} name="kind" label={ctx.t('種類', 'Kind')} value={input.kind ?? ''} error={errorOf('kind')} options={eventKinds.map((k) => ({ value: k, label: kindLabel(ctx, k) }))} />
        <FilterSelect
          ctx={ctx}
          name="field"
          label={ctx.t('分野', 'Field')}
          value={input.field ?? ''}
          error={errorOf('field')}
          options={eventFields.map((f) => ({ value: String(f.number), label: fieldLabel(ctx, f.number) }))}
        />
        <FilterSelect ctx={ctx} name="online" label={ctx.t('開催方法', 'Format')} value={input.online ?? ''} error={errorOf('online')} options={[{ value: '1', label: ctx.t('オンライン開催あり', 'Online') }]} />
      </div>
      {p.withDates ? (
        <div class="rk-filter__row">
          {dateField('from', ctx.t('期間（から）', 'From'))}
          {dateField('to', ctx.t('期間（まで）', 'To'))}
        </div>
      ) : (
        ''
      )}
      <FilterPageError ctx={ctx} message={errorOf('page')} />
      <FilterActions ctx={ctx} clearHref={p.action} />
    </form>
  );
}

export function EventSummaryList({ ctx, events }: { ctx: PageContext; events: readonly Event[] }): JSX.Element {
  return (
    <ul class="rk-event-list">
      {events.map((e) => (
        <li class="rk-event-list__item">
          <p class="rk-event-list__date" safe>
            {eventDateText(ctx, e)}
          </p>
          <h3 class="rk-event-list__title">
            <a href={eventPath(e.id)} safe>
              {eventTitle(ctx, e)}
            </a>
          </h3>
          <p class="rk-event-list__meta">
            <EventMarks ctx={ctx} kind={e.kind} provenance={e.provenance} />
            {placeText(ctx, e) ? <span safe>{placeText(ctx, e)}</span> : ''}
            {e.municipalities.length > 0 ? <span safe>{e.municipalities.map((m) => m.name).join(ctx.lang === 'en' ? ', ' : '、')}</span> : ''}
          </p>
        </li>
      ))}
    </ul>
  );
}

export interface ListPageProps {
  ctx: PageContext;
  mode: ListMode;
  choices: FilterChoices;
  input: Record<string, string>;
  errors: FieldError[];
  years?: number[];
  result?: { filter: EventFilter; fy: string; page: number; total: number; rows: readonly Event[]; pageSize: number };
}

export function EventListPage({ ctx, mode, choices, input, errors, years = [], result }: ListPageProps): JSX.Element {
  const title = mode === 'upcoming' ? ctx.t('イベント情報', 'Events') : ctx.t('過去のイベント', 'Past events');
  const path = mode === 'upcoming' ? '/events' : '/events/archive';
  const query = result ? filterQuery(result.filter) : '';
  return (
    <Layout
      ctx={ctx}
      title={errors.length > 0 ? ctx.tFormat(`エラー：${title}`, `Error: ${title}`) : title}
      section="events"
      alternates={feedAlternates(ctx, query)}
      breadcrumbs={mode === 'upcoming' ? [{ href: '/', label: ctx.t('トップ', 'Home') }, { label: title }] : [{ href: '/', label: ctx.t('トップ', 'Home') }, { href: '/events', label: ctx.t('イベント情報', 'Events') }, { label: title }]}
    >
      <h1 class="rk-heading-1">{title}</h1>
      <p class="rk-lead">
        {ctx.t(
          '特別区全国連携プロジェクトと全国の自治体のイベントです。都道府県・自治体・種類・分野・期間で絞り込めます。カレンダーアプリ（iCalendar）やRSSでも受け取れます。',
          'Events of the project and of municipalities all over Japan. Filter them by prefecture, municipality, kind, field and dates; follow them in a calendar app (iCalendar) or a feed reader (RSS).',
        )}
      </p>
      <Tabs ctx={ctx} current={mode} query={query} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <FilterForm ctx={ctx} action={path} input={input} errors={errors} choices={choices} withDates={true} hidden={mode === 'archive' ? { fy: input.fy ?? '' } : {}} />
      {mode === 'archive' && years.length > 0 ? (
        <nav class="rk-year-links" aria-label={ctx.t('年度', 'Fiscal year')}>
          <ul class="rk-link-list rk-link-list--inline">
            <li>
              <a href={withQuery('/events/archive', query)} aria-current={!result?.fy ? 'page' : undefined}>
                {ctx.t('すべての年度', 'All years')}
              </a>
            </li>
            {years.map((fy) => (
              <li>
                <a href={withQuery('/events/archive', result ? filterQuery(result.filter, { fy }) : `fy=${fy}`)} aria-current={result?.fy === String(fy) ? 'page' : undefined} safe>
                  {ctx.lang === 'en' ? formatFiscalYearEnglish(fy) : formatFiscalYear(fy)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : (
        ''
      )}
      {result ? (
        <section class="rk-section" aria-labelledby="results-title">
          <h2 id="results-title" class="rk-heading-2">
            {mode === 'upcoming' ? ctx.t('開催予定のイベント', 'Upcoming events') : ctx.t('終了したイベント', 'Events that have ended')}
          </h2>
          <p class="rk-result-count" role="status" safe>
            {resultRangeText(ctx, result.total, result.page, result.pageSize, ctx.t('条件に合うイベントはありません。', 'No event matches.'))}
          </p>
          <EventSummaryList ctx={ctx} events={result.rows} />
          <Pagination ctx={ctx} page={result.page} pages={pageCount(result.total, result.pageSize)} hrefFor={(n) => withQuery(path, filterQuery(result.filter, { fy: result.fy, page: n }))} />
          <FeedLinks ctx={ctx} query={query} />
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

function FeedLinks({ ctx, query }: { ctx: PageContext; query: string }): JSX.Element {
  return (
    <section class="rk-section" aria-labelledby="feeds-title">
      <h2 id="feeds-title" class="rk-heading-3">
        {ctx.t('イベント情報を受け取る・使う', 'Follow and reuse the events')}
      </h2>
      <ul class="rk-link-list">
        <li>
          <a href={withQuery('/events.ics', query)}>{ctx.t('この条件のイベントをカレンダーアプリに追加（iCalendar）', 'These events in your calendar app (iCalendar)')}</a>
        </li>
        <li>
          <a href="/events/feed.rss">{ctx.t('新着イベント（RSS 2.0）', 'New events (RSS 2.0)')}</a>
        </li>
        <li>
          <a href="/events/feed.atom">{ctx.t('新着イベント（Atom）', 'New events (Atom)')}</a>
        </li>
        <li>
          <a href={withQuery('/events/opendata.csv', query)}>
            {ctx.t('オープンデータ（自治体標準オープンデータセット「イベント一覧」形式・CSV）', 'Open data (the standard “event list” layout, CSV)')}
          </a>
        </li>
      </ul>
    </section>
  );
}

// ─── Calendar ────────────────────────────────────────────────────────────────────────────────────

export interface CalendarPageProps {
  ctx: PageContext;
  choices: FilterChoices;
  input: Record<string, string>;
  errors: FieldError[];
  month?: { year: number; month: number; filter: EventFilter; events: readonly CalendarEvent[]; today: string };
}

const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'] as const;
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Events shown in a day's cell; the rest are a link to that day's list. */
const SHOWN_PER_DAY = 3;

const pad = (n: number) => String(n).padStart(2, '0');
export const monthParam = (year: number, month: number) => `${year}-${pad(month)}`;
export function shiftMonth(year: number, month: number, by: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}
export function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function CalendarPage({ ctx, choices, input, errors, month }: CalendarPageProps): JSX.Element {
  const baseTitle = ctx.t('イベントカレンダー', 'Event calendar');
  const monthTitle = month ? ctx.tFormat(`${month.year}年${month.month}月`, `${MONTHS_EN[month.month - 1]} ${month.year}`) : '';
  const title = month ? ctx.tFormat(`${baseTitle}（${monthTitle}）`, `${baseTitle}: ${monthTitle}`) : baseTitle;
  const query = month ? filterQuery(month.filter) : '';
  return (
    <Layout
      ctx={ctx}
      title={errors.length > 0 ? ctx.tFormat(`エラー：${title}`, `Error: ${title}`) : title}
      section="events"
      alternates={feedAlternates(ctx, query)}
      breadcrumbs={[{ href: '/', label: ctx.t('トップ', 'Home') }, { href: '/events', label: ctx.t('イベント情報', 'Events') }, { label: baseTitle }]}
    >
      <h1 class="rk-heading-1" safe>
        {title}
      </h1>
      <Tabs ctx={ctx} current="calendar" query={query} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <FilterForm ctx={ctx} action="/events/calendar" input={input} errors={errors} choices={choices} withDates={false} hidden={{ month: month ? monthParam(month.year, month.month) : '' }} />
      {month ? <MonthView ctx={ctx} month={month} /> : ''}
    </Layout>
  );
}

function MonthView({ ctx, month }: { ctx: PageContext; month: NonNullable<CalendarPageProps['month']> }): JSX.Element {
  const { year, month: m, events, filter, today } = month;
  const prev = shiftMonth(year, m, -1);
  const next = shiftMonth(year, m, 1);
  const days = daysIn(year, m);
  const first = `${year}-${pad(m)}-01`;
  const byDay = new Map<number, CalendarEvent[]>();
  for (const e of events) {
    const startDay = e.startsOn < first ? 1 : Number(e.startsOn.slice(8, 10));
    const lastDay = e.endsOn.slice(0, 7) > monthParam(year, m) ? days : Number(e.endsOn.slice(8, 10));
    for (let d = startDay; d <= lastDay; d++) {
      const list = byDay.get(d) ?? [];
      list.push(e);
      byDay.set(d, list);
    }
  }
  const offset = new Date(Date.UTC(year, m - 1, 1)).getUTCDay();
  const weeks: Array<Array<number | null>> = [];
  let week: Array<number | null> = Array.from({ length: offset }, () => null);
  for (let d = 1; d <= days; d++) {
    week.push(d);
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length > 0) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);
  const weekdays = ctx.lang === 'en' ? WEEKDAYS_EN : WEEKDAYS_JA;
  const monthLabel = ctx.tFormat(`${year}年${m}月`, `${MONTHS_EN[m - 1]} ${year}`);
  const dayIso = (d: number) => `${year}-${pad(m)}-${pad(d)}`;
  const dayHref = (d: number) => withQuery('/events', filterQuery({ ...filter, from: dayIso(d), to: dayIso(d) }));
  const dayLabel = (d: number) => formatDate(ctx, dayIso(d));
  const EventLinks = ({ list }: { list: CalendarEvent[] }) => (
    <ul class="rk-calendar__events">
      {list.slice(0, SHOWN_PER_DAY).map((e) => (
        <li>
          <a href={eventPath(e.id)}>
            {e.startTime ? <span class="rk-calendar__time" safe>{e.startTime}</span> : ''}
            <span safe>{e.title}</span>
          </a>
          <EventMarks ctx={ctx} provenance={e.provenance} />
        </li>
      ))}
    </ul>
  );
  const More = ({ d, list }: { d: number; list: CalendarEvent[] }) =>
    list.length > SHOWN_PER_DAY ? (
      <a class="rk-calendar__more" href={dayHref(d)} safe>
        {ctx.tFormat(`ほか${list.length - SHOWN_PER_DAY}件（${m}月${d}日の一覧）`, `${list.length - SHOWN_PER_DAY} more on ${d} ${MONTHS_EN[m - 1]}`)}
      </a>
    ) : (
      ''
    );
  const q = filterQuery(filter);
  const monthHref = (y: number, mm: number) => `/events/calendar?${q ? `${q}&` : ''}month=${monthParam(y, mm)}`;
  return (
    <section class="rk-section rk-calendar" aria-labelledby="calendar-title">
      <div class="rk-calendar__head">
        <h2 id="calendar-title" class="rk-heading-2" safe>
          {monthLabel}
        </h2>
        <ul class="rk-calendar__nav">
          <li>
            <a href={monthHref(prev.year, prev.month)} rel="prev" safe>
              {ctx.tFormat(`前の月（${prev.year}年${prev.month}月）`, `Previous month (${MONTHS_EN[prev.month - 1]} ${prev.year})`)}
            </a>
          </li>
          <li>
            <a href={monthHref(next.year, next.month)} rel="next" safe>
              {ctx.tFormat(`次の月（${next.year}年${next.month}月）`, `Next month (${MONTHS_EN[next.month - 1]} ${next.year})`)}
            </a>
          </li>
        </ul>
      </div>
      <p class="rk-result-count" role="status" safe>
        {events.length === 0 ? ctx.t('この月に条件に合うイベントはありません。', 'No event this month matches.') : ctx.tFormat(`この月のイベント：${events.length}件`, `Events this month: ${events.length}`)}
      </p>
      <div class="rk-calendar__grid">
        <table class="rk-calendar__table">
          <caption class="rk-visually-hidden" safe>
            {ctx.tFormat(`${monthLabel}のイベントカレンダー`, `Event calendar, ${monthLabel}`)}
          </caption>
          <thead>
            <tr>
              {weekdays.map((w) => (
                <th scope="col">{w}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr>
                {w.map((d) =>
                  d === null ? (
                    <td class="rk-calendar__empty"></td>
                  ) : (
                    <td class={dayIso(d) === today ? 'rk-calendar__day rk-calendar__day--today' : 'rk-calendar__day'}>
                      <span class="rk-calendar__date">
                        <span aria-hidden="true" safe>
                          {String(d)}
                        </span>
                        <span class="rk-visually-hidden" safe>
                          {dayLabel(d)}
                        </span>
                      </span>
                      {byDay.get(d) ? <EventLinks list={byDay.get(d)!} /> : ''}
                      {byDay.get(d) ? <More d={d} list={byDay.get(d)!} /> : ''}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="rk-calendar__days">
        <h3 class="rk-visually-hidden" safe>
          {ctx.tFormat(`${monthLabel}のイベントのある日`, `Days with events in ${monthLabel}`)}
        </h3>
        {byDay.size === 0 ? (
          ''
        ) : (
          <dl class="rk-calendar__daylist">
            {[...byDay.keys()]
              .sort((a, b) => a - b)
              .map((d) => (
                <div>
                  <dt safe>{dayLabel(d)}</dt>
                  <dd>
                    <EventLinks list={byDay.get(d)!} />
                    <More d={d} list={byDay.get(d)!} />
                  </dd>
                </div>
              ))}
          </dl>
        )}
      </div>
    </section>
  );
}

// ─── One event ──────────────────────────────────────────────────────────────────────────────────

export interface EventPageProps {
  ctx: PageContext;
  event: Event;
  project?: { id: string; title: string };
  flyer?: { href: string; label: string; name: string };
  absoluteUrl: string;
  /** The back office's preview of an unpublished event. */
  preview?: boolean;
}

export function EventPage({ ctx, event: e, project, flyer, preview }: EventPageProps): JSX.Element {
  const title = eventTitle(ctx, e);
  const safeDescription = e.description ? renderMarkdown(e.description) : '';
  const list = (items: string[]) =>
    items.length > 0 && (
      <ul class="rk-plain-list">
        {items.map((i) => (
          <li safe>{i}</li>
        ))}
      </ul>
    );
  const link = (url: string | null): JSX.Element | false =>
    url ? (
      <a href={url} rel="external noopener" safe>
        {url}
      </a>
    ) : (
      false
    );
  return (
    <Layout
      ctx={ctx}
      title={title}
      section="events"
      alternates={[{ type: 'text/calendar', href: `/events/${e.id}.ics`, title: ctx.t('このイベント（iCalendar）', 'This event (iCalendar)') }, ...feedAlternates(ctx, '').slice(0, 2)]}
      breadcrumbs={[{ href: '/', label: ctx.t('トップ', 'Home') }, { href: '/events', label: ctx.t('イベント情報', 'Events') }, { label: title }]}
    >
      {preview ? (
        <div class="rk-notice rk-notice--warning" role="status">
          {ctx.t('この画面は確認用です。このイベントはまだ公開されていません。', 'This is a preview: the event is not published.')}
        </div>
      ) : (
        ''
      )}
      <h1 class="rk-heading-1">
        <span safe>{title}</span>
        <EventMarks ctx={ctx} kind={e.kind} provenance={e.provenance} />
      </h1>
      {e.titleKana ? (
        <p class="rk-kana" safe>
          {e.titleKana}
        </p>
      ) : (
        ''
      )}
      <Facts
        rows={[
          [ctx.t('日時', 'Date and time'), <span safe>{eventDateText(ctx, e)}</span>],
          [ctx.t('日時の補足', 'Note on the dates'), e.dateNote !== '' && <span safe>{e.dateNote}</span>],
          [
            ctx.t('会場', 'Venue'),
            (e.venueName !== '' || e.address !== '') && (
              <>
                {e.venueName ? <span safe>{e.venueName}</span> : ''}
                {e.address ? (
                  <>
                    <br />
                    <span safe>{`${e.address}${e.addressExtra ? ` ${e.addressExtra}` : ''}`}</span>
                  </>
                ) : (
                  ''
                )}
              </>
            ),
          ],
          [ctx.t('アクセス', 'Access'), e.access !== '' && <Lines text={e.access} />],
          [ctx.t('駐車場', 'Parking'), e.parking !== '' && <Lines text={e.parking} />],
          [
            ctx.t('オンライン', 'Online'),
            e.online && (
              <>
                <span>{ctx.t('オンラインで開催（または配信）します。', 'Held (or streamed) online.')}</span>
                {e.onlineUrl ? (
                  <>
                    <br />
                    <ExternalLink url={e.onlineUrl} />
                  </>
                ) : (
                  ''
                )}
              </>
            ),
          ],
          [ctx.t('種類', 'Kind'), <span safe>{kindLabel(ctx, e.kind)}</span>],
          [ctx.t('分野', 'Field'), e.field !== null && <span safe>{fieldLabel(ctx, e.field)}</span>],
          ...organiserRoles.map((role): [string, JSX.Element | false] => [roleLabel(ctx, role), list(e[role])]),
          [
            ctx.t('参加自治体', 'Municipalities taking part'),
            e.municipalities.length > 0 && (
              <ul class="rk-plain-list">
                {e.municipalities.map((m) => (
                  <li>
                    <a href={`/municipalities/${m.code}`} safe>
                      {m.prefectureName && m.prefectureName !== m.name ? `${m.prefectureName} ${m.name}` : m.name}
                    </a>
                  </li>
                ))}
              </ul>
            ),
          ],
          [
            ctx.t('料金', 'Fee'),
            (e.feeBasic !== '' || e.feeDetail !== '') && (
              <>
                {e.feeBasic ? <span safe>{e.feeBasic}</span> : ''}
                {e.feeDetail ? <Lines text={e.feeDetail} /> : ''}
              </>
            ),
          ],
          [ctx.t('定員', 'Capacity'), e.capacity !== '' && <span safe>{e.capacity}</span>],
          [ctx.t('申込方法', 'How to apply'), e.applyMethod !== '' && <Lines text={e.applyMethod} />],
          [
            ctx.t('申込締切', 'Apply by'),
            e.applyDeadline !== null && <span safe>{`${formatDate(ctx, e.applyDeadline)}${e.applyDeadlineTime ? ` ${e.applyDeadlineTime}` : ''}`}</span>,
          ],
          [
            ctx.t('問い合わせ', 'Contact'),
            e.contacts.length > 0 && (
              <ul class="rk-plain-list">
                {e.contacts.map((c) => (
                  <li>
                    <span safe>{c.name}</span>
                    {c.phone ? (
                      <>
                        {' '}
                        <span>{ctx.t('電話', 'Tel.')}</span> <a href={`tel:${c.phone.replace(/[^0-9+]/g, '')}`} safe>{c.phone}</a>
                        {c.extension ? <span safe>{ctx.tFormat(`（内線${c.extension}）`, ` (ext. ${c.extension})`)}</span> : ''}
                      </>
                    ) : (
                      ''
                    )}
                  </li>
                ))}
              </ul>
            ),
          ],
          [ctx.t('チラシ', 'Flyer'), flyer !== undefined && <a href={flyer.href} safe>{`${flyer.name}（${flyer.label}）`}</a>],
          [ctx.t('詳しい情報', 'More information'), link(e.url)],
          [
            ctx.t('関連する連携事業', 'Related collaboration project'),
            project !== undefined && (
              <a href={`/projects/${project.id}`} safe>
                {project.title}
              </a>
            ),
          ],
          [ctx.t('備考', 'Notes'), e.notes !== '' && <Lines text={e.notes} />],
          [
            ctx.t('情報の出所', 'Source'),
            <>
              <span safe>{provenanceLabel(ctx, e.provenance)}</span>
              {e.sourceUrl ? (
                <>
                  <br />
                  <ExternalLink url={e.sourceUrl} />
                </>
              ) : (
                ''
              )}
              {e.fetchedAt ? <span safe>{ctx.tFormat(`（最終取得：${formatDateTime(ctx, e.fetchedAt)}）`, ` (last fetched ${formatDateTime(ctx, e.fetchedAt)})`)}</span> : ''}
            </>,
          ],
          [ctx.t('最終更新', 'Last updated'), <span safe>{formatDateTime(ctx, e.updatedAt)}</span>],
        ]}
      />
      {safeDescription ? (
        <section class="rk-section" aria-labelledby="description-title">
          <h2 id="description-title" class="rk-heading-2">
            {ctx.t('内容', 'About the event')}
          </h2>
          <div class="rk-prose">{safeDescription}</div>
        </section>
      ) : (
        ''
      )}
      <ul class="rk-link-list">
        <li>
          <a href={`/events/${e.id}.ics`}>{ctx.t('カレンダーアプリに追加（iCalendar）', 'Add to your calendar app (iCalendar)')}</a>
        </li>
        <li>
          <a class="rk-link-arrow" href="/events">
            {ctx.t('イベント情報の一覧へ戻る', 'Back to the events')}
          </a>
        </li>
      </ul>
    </Layout>
  );
}

function ExternalLink({ url }: { url: string }): JSX.Element {
  return (
    <a href={url} rel="external noopener" safe>
      {url}
    </a>
  );
}

/** The event's date for an English or Japanese list in other features (the top page). */
export function shortDate(ctx: PageContext, iso: string): string {
  return formatDate(ctx, iso);
}
