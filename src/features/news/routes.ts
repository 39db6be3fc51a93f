// The public news pages: /news (by category), /news/archive/:年度, /news/:slug, and the feeds.
// Anonymous visitors get them from the page cache while the 'news' revision holds; only published
// articles exist here (a draft, scheduled or withdrawn article answers 404).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FeatureOptions } from '../feature-options.ts';
import { NotFoundPage } from '../../views/errors.tsx';
import { contextFor, sendPage } from '../../views/render.ts';
import { categoryIds } from './categories.ts';
import { newsFeed } from './feeds.ts';
import { loadArticleBySlug, isPublic } from './record.ts';
import { resolveArticle } from './resolve.ts';
import { archiveYears, latestArticles, publishedArticles, type NewsFilter } from './queries.ts';
import { ArticlePage, NewsListPage } from './views.tsx';

const listQuery = z.object({
  category: z.enum(categoryIds).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
const archiveParams = z.object({ fiscalYear: z.coerce.number().int().min(2000).max(2100) });
const slugParams = z.object({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]{2,79}$/) });

const feedSize = 20;

export default async function newsRoutes(app: FastifyInstance, { database, config }: FeatureOptions): Promise<void> {
  const { db } = database;

  const listPage = async (request: FastifyRequest, reply: FastifyReply, fiscalYear: number | null) => {
    const ctx = contextFor(request, reply);
    const query = listQuery.parse(request.query ?? {});
    const filter: NewsFilter = { category: query.category ?? null, fiscalYear, page: query.page ?? 1 };
    const [{ rows, total }, years] = await Promise.all([publishedArticles(db, filter), archiveYears(db)]);
    const base = fiscalYear === null ? '/news' : `/news/archive/${fiscalYear}`;
    const hrefFor = (change: Partial<NewsFilter>) => {
      const next = { ...filter, ...change };
      const params = new URLSearchParams();
      if (next.category) params.set('category', next.category);
      if (next.page > 1) params.set('page', String(next.page));
      const qs = params.toString();
      return qs ? `${base}?${qs}` : base;
    };
    return sendPage(reply, NewsListPage({ ctx, filter, rows, total, years, hrefFor }));
  };

  app.get('/news', { config: { cachedBy: 'news' } }, (request, reply) => listPage(request, reply, null));

  app.get('/news/archive', async (_request, reply) => reply.redirect('/news#archive-title', 303));

  app.get('/news/archive/:fiscalYear', { config: { cachedBy: 'news' } }, async (request, reply) => {
    const params = archiveParams.safeParse(request.params);
    if (!params.success) return notFound(request, reply);
    return listPage(request, reply, params.data.fiscalYear);
  });

  app.get('/news/feed.rss', { config: { cachedBy: 'news' } }, async (_request, reply) => {
    const feed = newsFeed(config.publicUrl, await latestArticles(db, feedSize));
    return reply.type('application/rss+xml; charset=utf-8').send(feed.rss2());
  });

  app.get('/news/feed.atom', { config: { cachedBy: 'news' } }, async (_request, reply) => {
    const feed = newsFeed(config.publicUrl, await latestArticles(db, feedSize));
    return reply.type('application/atom+xml; charset=utf-8').send(feed.atom1());
  });

  app.get('/news/:slug', { config: { cachedBy: ['news', 'registry', 'events'] } }, async (request, reply) => {
    const params = slugParams.safeParse(request.params);
    const article = params.success ? await loadArticleBySlug(db, params.data.slug) : undefined;
    if (!article || !isPublic(article)) return notFound(request, reply);
    const ctx = contextFor(request, reply);
    return sendPage(reply, ArticlePage({ ctx, article: await resolveArticle(db, article, article.publishAt) }));
  });
}

function notFound(request: FastifyRequest, reply: FastifyReply) {
  const ctx = contextFor(request, reply);
  return sendPage(reply, NotFoundPage({ ctx, detail: ctx.t('該当する記事はありません。公開を終えた記事の可能性があります。', 'There is no such article; it may have been taken down.') }), 404);
}
