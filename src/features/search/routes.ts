// /search: one search across news, events, PR pages, municipalities and the site pages, Japanese-aware (two-character words
// are found inside longer ones; width, kana and case do not matter), the same on both engines.
// Without a type: the first results of each type with their counts; with a type: its pages.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { SEARCH_COUNT_CAP, searchAcrossKinds } from '../../db/search-query.ts';
import type { SearchKind } from '../../db/schema.ts';
import type { FeatureOptions } from '../feature-options.ts';
import { contextFor, sendPage } from '../../views/render.ts';
import { keepSearchIndexCurrent } from './sync.ts';
import { SearchPage, searchKinds } from './views.tsx';

const searchQuery = z.object({
  q: z.string().max(100).optional().catch(undefined),
  type: z.enum(searchKinds).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(500).optional().catch(undefined),
});

export const resultsPerPage = 20;
export const resultsPerGroup = 5;
/** Only the first SEARCH_COUNT_CAP results are reachable (a bounded offset); a later page shows the last one. */
const lastReachablePage = Math.ceil(SEARCH_COUNT_CAP / resultsPerPage);

export default async function searchRoutes(app: FastifyInstance, { database, config }: FeatureOptions): Promise<void> {
  const { db } = database;
  // An instance that runs the scheduled work brings the index up to date when it starts, so that
  // the first search does not wait for it.
  if (config.scheduledJobs) {
    app.addHook('onReady', async () => {
      void keepSearchIndexCurrent(db).catch((error: unknown) => app.log.error({ err: error }, 'search index update failed'));
    });
  }
  // Kept by the page cache for anonymous visitors while the topics the index is made from stand
  // still: the index changes only when one of them moves (see sync.ts), so a kept results page is
  // never older than the last write. A busy word (防災) is then answered without asking the index.
  app.get('/search', { config: { cachedBy: ['news', 'events', 'pr', 'site-pages'] } }, async (request, reply) => {
    const ctx = contextFor(request, reply);
    const query = searchQuery.parse(request.query ?? {});
    const text = (query.q ?? '').trim();
    const kind: SearchKind | null = query.type ?? null;
    const page = Math.min(query.page ?? 1, lastReachablePage);
    if (!text) return sendPage(reply, SearchPage({ ctx, text, kind, page, counts: new Map(), groups: [] }));
    await keepSearchIndexCurrent(db);
    // Every type's count (the headings say them); results of the type asked for, or the first few of each.
    const pageOf = (k: SearchKind) => (kind ? (k === kind ? { limit: resultsPerPage, offset: (page - 1) * resultsPerPage } : undefined) : { limit: resultsPerGroup, offset: 0 });
    const { counts, hits } = await searchAcrossKinds(db, text, searchKinds, pageOf);
    const wanted = kind ? [kind] : searchKinds.filter((k) => (counts.get(k) ?? 0) > 0);
    const groups = wanted.map((k) => ({ kind: k, hits: hits.get(k) ?? [] }));
    return sendPage(reply, SearchPage({ ctx, text, kind, page, counts, groups }));
  });
}
