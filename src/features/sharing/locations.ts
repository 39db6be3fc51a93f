// The site's public addresses, for sitemap.xml and the sitemap page: the fixed pages, then what
// each feature publishes (through its index.ts), then the wards and municipalities.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { publishedEventLocations } from '../events/index.ts';
import { publishedArticleLocations } from '../news/index.ts';
import { sitePageLinks } from '../pages/index.ts';
import { visiblePrLocations } from '../pr/index.ts';

export interface Location {
  path: string;
  updatedAt?: string;
}

/**
 * The fixed public pages with their names, in the order the sitemap page lists them. The pages the
 * secretariat edits (about, contact, policies) come from the pages module with their current titles.
 */
export const sitePages: ReadonlyArray<{ path: string; ja: string; en: string }> = [
  { path: '/', ja: 'トップ', en: 'Home' },
  { path: '/news', ja: 'お知らせ・連携事業', en: 'News and projects' },
  { path: '/events', ja: 'イベント情報', en: 'Events' },
  { path: '/events/calendar', ja: 'イベントカレンダー', en: 'Event calendar' },
  { path: '/collaboration', ja: '連携の状況', en: 'Collaboration in figures' },
  { path: '/collaboration/wide-area', ja: '広域連携', en: 'Wide-area agreements' },
  { path: '/collaboration/disaster-support', ja: '災害支援', en: 'Disaster support' },
  { path: '/projects', ja: '連携事業の一覧', en: 'Collaboration projects' },
  { path: '/agreements', ja: '協定の一覧', en: 'Agreements' },
  { path: '/wards', ja: '特別区', en: 'Special wards' },
  { path: '/municipalities', ja: '全国の自治体', en: 'Local governments' },
  { path: '/sitemap', ja: 'サイトマップ', en: 'Site map' },
];

export async function siteLocations(db: Kysely<Database>): Promise<Location[]> {
  const [pages, articles, events, prPages, governments] = await Promise.all([
    sitePageLinks(db),
    publishedArticleLocations(db),
    publishedEventLocations(db),
    visiblePrLocations(db),
    db.selectFrom('local_governments').select(['code', 'kind']).where('is_counted', '=', 1).orderBy('code').execute(),
  ]);
  const prUpdated = new Map(prPages.map((p) => [p.code, p.updatedAt]));
  return [
    ...sitePages.map((p) => ({ path: p.path })),
    ...pages.map((p) => ({ path: p.path, updatedAt: p.updatedAt })),
    ...articles,
    ...events,
    ...governments.filter((g) => g.kind === '特別区').map((g) => ({ path: `/wards/${g.code}` })),
    // A municipality's page carries its PR page: its last change is the PR page's (hidden ones have none).
    ...governments.map((g) => ({ path: `/municipalities/${g.code}`, updatedAt: prUpdated.get(g.code) })),
  ];
}
