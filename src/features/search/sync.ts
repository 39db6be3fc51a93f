// Keeping the search index current. The index is brought up to date from each publishing
// feature's changes when that feature's data revision has moved since this instance last looked
// (one cheap read per request), so any instance's search sees any instance's writes. The
// municipalities (master data) are indexed once.
import type { Kysely } from 'kysely';
import { readRevision } from '../../db/revisions.ts';
import { syncSearchKind, type SearchChanges, type SyncPoint } from '../../db/search-index.ts';
import type { Database } from '../../db/schema.ts';
import { eventSearchChanges } from '../events/index.ts';
import { newsSearchChanges } from '../news/index.ts';
import { sitePageSearchChanges } from '../pages/index.ts';
import { prSearchChanges } from '../pr/index.ts';

/** Bump when what municipalities are indexed with changes, so the index is rebuilt once. */
const MUNICIPALITY_INDEX_VERSION = 'municipalities-v1';

async function municipalityChanges(db: Kysely<Database>, after: SyncPoint): Promise<SearchChanges> {
  const done = { at: MUNICIPALITY_INDEX_VERSION, id: '' };
  if (after.at === MUNICIPALITY_INDEX_VERSION) return { upserts: [], removals: [], through: done };
  const rows = await db.selectFrom('local_governments').select(['code', 'name', 'kana', 'level', 'prefecture_code']).execute();
  const prefectures = new Map(rows.filter((r) => r.level === 'prefecture').map((r) => [r.prefecture_code, r.name]));
  return {
    upserts: rows.map((r) => {
      const prefecture = r.level === 'municipality' ? (prefectures.get(r.prefecture_code) ?? '') : '';
      return { id: `municipality:${r.code}`, kind: 'municipality', title: `${prefecture}${r.name}`, excerpt: '', url: `/municipalities/${r.code}`, dated: null, keywords: `${r.kana} ${r.code}` };
    }),
    removals: [],
    through: done,
  };
}

interface Seen {
  news: number;
  events: number;
  pr: number;
  sitePages: number;
  municipalities: boolean;
  /** The sync in progress, which later requests wait for instead of starting another. */
  running?: Promise<void>;
}

const seenByDatabase = new WeakMap<Kysely<Database>, Seen>();

export async function keepSearchIndexCurrent(db: Kysely<Database>): Promise<void> {
  let seen = seenByDatabase.get(db);
  if (!seen) seenByDatabase.set(db, (seen = { news: -1, events: -1, pr: -1, sitePages: -1, municipalities: false }));
  if (seen.running) await seen.running;
  const [news, events, pr, sitePages] = await Promise.all([readRevision(db, 'news'), readRevision(db, 'events'), readRevision(db, 'pr'), readRevision(db, 'site-pages')]);
  if (news === seen.news && events === seen.events && pr === seen.pr && sitePages === seen.sitePages && seen.municipalities) return;
  const state = seen;
  state.running = (async () => {
    if (!state.municipalities) await syncSearchKind(db, 'municipality', (after) => municipalityChanges(db, after));
    if (news !== state.news) await syncSearchKind(db, 'news', (after) => newsSearchChanges(db, after));
    if (events !== state.events) await syncSearchKind(db, 'event', (after) => eventSearchChanges(db, after));
    if (pr !== state.pr) await syncSearchKind(db, 'pr', (after) => prSearchChanges(db, after));
    if (sitePages !== state.sitePages) await syncSearchKind(db, 'sitepage', (after) => sitePageSearchChanges(db, after));
    state.municipalities = true;
    state.news = news;
    state.events = events;
    state.pr = pr;
    state.sitePages = sitePages;
  })().finally(() => {
    state.running = undefined;
  });
  await state.running;
}
