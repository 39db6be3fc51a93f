// The URL lists of the "varied" bench targets (bench/run.ts): for each list page and API, thousands
// of distinct, realistic filters (年度, field, status, ward, prefecture, keyword, page), generated with
// a fixed seed so that every run asks the same things in the same order. Each request of a run takes
// the next one, so no two requests of a target ask for the same URL until the list runs out.
import { loadLocalGovernments } from '../src/db/seed/local-governments.ts';
import { syntheticEventCount, syntheticEventId, syntheticEventStatus } from './synthetic-events.ts';
import { prng } from './prng.ts';

const WARDS = [
  '131016', '131024', '131032', '131041', '131059', '131067', '131075', '131083', '131091', '131105', '131113', '131121',
  '131130', '131148', '131156', '131164', '131172', '131181', '131199', '131202', '131211', '131229', '131237',
];
const STATUSES = ['実施', '予定', '中止', '延期'];
const TYPES = ['exchange', 'friendship-city', 'sister-city', 'disaster-mutual-aid', 'disaster-mutual-support', 'other'];
const CATEGORIES = ['friendship', 'disaster', 'other'];
const URLS_PER_TARGET = 20_000;
const NEWS_CATEGORIES = ['project', 'event', 'notice', 'disaster', 'call'];
/** Words people look for: two-character words, readings, place names (some match thousands, some none). */
const SEARCH_WORDS = ['防災', '観光', '物産', '連携', '交流', '事業', '概要', '会場', '合成', '特産品', 'ちよだ', 'なよろ', '北海道', '京都', '杉並', '講演会', 'シンポジウム', '移住', 'イベント', '区'];
const EVENT_KINDS = ['魅力発信イベント', '講演会', 'シンポジウム', '物産展', '展示', 'PR展示', 'パネル展', '協定締結式', 'その他'];

function distinctUrls(seed: number, make: (pick: <T>(items: readonly T[]) => T, chance: (p: number) => boolean, int: (n: number) => number) => string): string[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;
  const int = (n: number) => 1 + Math.floor(random() * n);
  const urls = new Set<string>();
  for (let tries = 0; urls.size < URLS_PER_TARGET && tries < URLS_PER_TARGET * 20; tries++) urls.add(make(pick, chance, int));
  return [...urls];
}

function query(params: Record<string, string | number | false | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== false && v !== undefined) search.set(k, String(v));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Two-digit prefecture codes 01–47. */
const PREFECTURES = Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0'));
/** 年度 of the synthetic volume. */
const YEARS = Array.from({ length: 10 }, (_, i) => 2017 + i);

export interface VariedTarget {
  name: string;
  /** What the URLs look like, for the table. */
  pattern: string;
  paths: string[];
}

export function variedTargets(): VariedTarget[] {
  // A keyword is a number of the synthetic titles (「連携事業 123」): as in real use, some words match
  // hundreds of records and some a handful.
  const projectFilter = (pick: <T>(items: readonly T[]) => T, chance: (p: number) => boolean, int: (n: number) => number) => ({
    fy: chance(0.7) && pick(YEARS),
    field: chance(0.5) && int(6),
    status: chance(0.3) && pick(STATUSES),
    ward: chance(0.3) && pick(WARDS),
    pref: chance(0.3) && pick(PREFECTURES),
    q: chance(0.3) && String(int(999)),
    page: chance(0.5) && int(5),
  });
  const agreementFilter = (pick: <T>(items: readonly T[]) => T, chance: (p: number) => boolean, int: (n: number) => number) => ({
    ward: chance(0.5) && pick(WARDS),
    pref: chance(0.4) && pick(PREFECTURES),
    type: chance(0.3) && pick(TYPES),
    category: chance(0.3) && pick(CATEGORIES),
    state: chance(0.2) && pick(['live', 'ended']),
    q: chance(0.3) && String(int(999)),
    page: chance(0.5) && int(4),
  });
  return [
    { name: 'projects, a new filter each request', pattern: '/projects?fy=…&field=…&ward=…&q=…&page=…', paths: distinctUrls(1, (pick, chance, int) => `/projects${query(projectFilter(pick, chance, int))}`) },
    { name: 'agreements, a new filter each request', pattern: '/agreements?ward=…&pref=…&type=…&page=…', paths: distinctUrls(2, (pick, chance, int) => `/agreements${query(agreementFilter(pick, chance, int))}`) },
    {
      name: 'API projects, a new filter each request',
      pattern: '/api/v1/projects?fy=…&field=…&page=…',
      paths: distinctUrls(3, (pick, chance, int) => `/api/v1/projects${query({ ...projectFilter(pick, chance, int), per_page: chance(0.3) && pick([20, 100]) })}`),
    },
    { name: 'API agreements, a new filter each request', pattern: '/api/v1/agreements?ward=…&pref=…&page=…', paths: distinctUrls(4, (pick, chance, int) => `/api/v1/agreements${query(agreementFilter(pick, chance, int))}`) },
    {
      name: 'collaboration, a new date each request',
      pattern: '/collaboration?asOf=… | ?fy=…',
      paths: distinctUrls(5, (_pick, chance, int) => {
        if (chance(0.1)) return `/collaboration?fy=${2014 + int(12) - 1}`;
        const day = new Date(Date.UTC(2014, 3, 1) + (int(4400) - 1) * 86_400_000).toISOString().slice(0, 10);
        return `/collaboration?asOf=${day}`;
      }),
    },
    { name: 'municipality pages, each in turn', pattern: '/municipalities/:code (all 1,741)', paths: municipalityCodes().map((code) => `/municipalities/${code}`) },
    {
      name: 'PR pages, each in turn',
      pattern: '/municipalities/:code with its PR page (all 1,741 synthetic)',
      // A scattered order, so that neighbouring requests do not read neighbouring rows.
      paths: scattered(municipalityCodes()).map((code) => `/municipalities/${code}`),
    },
    { name: 'ward pages, each ward in turn', pattern: '/wards/:code (the 23)', paths: WARDS.map((code) => `/wards/${code}`) },
    { name: 'articles, each in turn', pattern: '/news/synthetic-N (10,000)', paths: Array.from({ length: 10_000 }, (_, i) => `/news/synthetic-${(i * 7919) % 10_000}`) },
    {
      name: 'news lists, a new page each request',
      pattern: '/news?category=…&page=… | /news/archive/:fy?page=…',
      paths: distinctUrls(6, (pick, chance, int) =>
        chance(0.5) ? `/news/archive/${2014 + int(12)}${query({ category: chance(0.3) && pick(NEWS_CATEGORIES), page: int(40) })}` : `/news${query({ category: chance(0.5) && pick(NEWS_CATEGORIES), page: int(100) })}`,
      ),
    },
    {
      name: 'event lists, a new filter each request',
      pattern: '/events | /events/archive ?pref=…&kind=…&field=…&online=…&from=…&to=…&page=…',
      paths: distinctUrls(7, (pick, chance, int) => {
        // A period within the synthetic events' years (2015–2028), from a day to a few months long.
        const from = chance(0.3) ? new Date(Date.UTC(2015, 0, 1) + (int(5100) - 1) * 86_400_000) : undefined;
        const to = from && chance(0.8) ? new Date(from.getTime() + int(120) * 86_400_000) : undefined;
        const filter = {
          pref: chance(0.4) && pick(PREFECTURES),
          kind: chance(0.3) && pick(EVENT_KINDS),
          field: chance(0.3) && int(6),
          online: chance(0.15) && 1,
          from: from?.toISOString().slice(0, 10),
          to: to?.toISOString().slice(0, 10),
          page: chance(0.5) && int(20),
        };
        return `${chance(0.3) ? '/events/archive' : '/events'}${query(filter)}`;
      }),
    },
    {
      name: 'event pages, each in turn',
      pattern: `/events/:id (${syntheticEventCount.toLocaleString('en')} synthetic)`,
      // Every synthetic event, in a scattered order; the few unpublished ones answer 404 and are left out.
      paths: Array.from({ length: syntheticEventCount }, (_, i) => (i * 7919) % syntheticEventCount)
        .filter((i) => syntheticEventStatus(i) === 'published')
        .map((i) => `/events/${syntheticEventId(i)}`),
    },
    // Last: a query that matches most documents keeps database connections busy after the run.
    {
      name: 'search, a new query each request',
      pattern: '/search?q=…(&type=…&page=…)',
      paths: distinctUrls(7, (pick, chance, int) => {
        const words = [pick(SEARCH_WORDS), ...(chance(0.3) ? [pick(SEARCH_WORDS)] : []), ...(chance(0.3) ? [String(int(9999))] : [])];
        const type = chance(0.3) ? pick(['news', 'event', 'pr', 'municipality']) : '';
        return `/search${query({ q: words.join(' '), type: type || false, page: type !== '' && chance(0.5) && int(5) })}`;
      }),
    },
  ];
}

/** The items in a fixed scattered order (a stride prime to the length). */
function scattered<T>(items: readonly T[]): T[] {
  const stride = 7919 % items.length === 0 ? 1 : 7919;
  return items.map((_, i) => items[(i * stride) % items.length]!);
}

/** Every counted municipality of the master data, in code order. */
function municipalityCodes(): string[] {
  return loadLocalGovernments()
    .filter((g) => g.level === 'municipality' && g.is_counted)
    .map((g) => g.code)
    .sort();
}
