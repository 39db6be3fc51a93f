// The public news pages: the list (filter by category), the archive by 年度, an article, and the
// top page's latest news.
import { formatFiscalYear, formatFiscalYearEnglish } from '../../domain/fiscal-year.ts';
import { Pagination, pageCount, resultRangeText } from '../../views/components/pagination.tsx';
import type { PageContext } from '../../views/context.ts';
import { formatCount } from '../../views/format.ts';
import { Layout } from '../../views/layout.tsx';
import { ArticleBody, CategoryBadge, PostedOn, type ResolvedArticle } from './article-view.tsx';
import { articleCategories, categoryLabel } from './categories.ts';
import { newsPageSize, type ArticleSummary, type NewsFilter } from './queries.ts';

export function newsFeeds(ctx: PageContext): Array<{ type: string; href: string; title: string }> {
  return [
    { type: 'application/rss+xml', href: '/news/feed.rss', title: ctx.t('お知らせ（RSS）', 'News (RSS)') },
    { type: 'application/atom+xml', href: '/news/feed.atom', title: ctx.t('お知らせ（Atom）', 'News (Atom)') },
  ];
}

export function fiscalYearText(ctx: PageContext, fy: number): string {
  return ctx.lang === 'en' ? formatFiscalYearEnglish(fy) : formatFiscalYear(fy);
}

export function articlePath(slug: string): string {
  return `/news/${slug}`;
}

export function ArticleList({ ctx, rows, headingLevel = 2 }: { ctx: PageContext; rows: ArticleSummary[]; headingLevel?: 2 | 3 }): JSX.Element {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul class="rk-news-list">
      {rows.map((a) => (
        <li class="rk-news-item">
          <p class="rk-news-item__meta">
            <PostedOn ctx={ctx} at={a.publishAt} />
            <CategoryBadge ctx={ctx} category={a.category} />
          </p>
          <Heading class="rk-news-item__title">
            <a href={articlePath(a.slug)} safe>
              {a.title}
            </a>
          </Heading>
          {a.summary ? (
            <p class="rk-news-item__summary" safe>
              {a.summary}
            </p>
          ) : (
            ''
          )}
        </li>
      ))}
    </ul>
  );
}

export interface NewsListPageProps {
  ctx: PageContext;
  filter: NewsFilter;
  rows: ArticleSummary[];
  total: number;
  years: Array<{ fiscalYear: number; count: number }>;
  hrefFor: (change: Partial<NewsFilter>) => string;
}

export function NewsListPage({ ctx, filter, rows, total, years, hrefFor }: NewsListPageProps): JSX.Element {
  const yearTitle = filter.fiscalYear === null ? '' : fiscalYearText(ctx, filter.fiscalYear);
  const title = filter.fiscalYear === null ? ctx.t('お知らせ・連携事業', 'News and projects') : ctx.tFormat(`${yearTitle}のお知らせ（過去の記事）`, `News of ${yearTitle} (archive)`);
  const breadcrumbs = [{ href: '/', label: ctx.t('トップ', 'Home') }, ...(filter.fiscalYear === null ? [] : [{ href: '/news', label: ctx.t('お知らせ', 'News') }]), { label: title }];
  return (
    <Layout ctx={ctx} title={title} section="news" breadcrumbs={breadcrumbs} alternates={newsFeeds(ctx)}>
      <h1 class="rk-heading-1" safe>
        {title}
      </h1>
      <p class="rk-lead">
        {ctx.t(
          '特別区全国連携プロジェクトの連携事業の報告、イベントの案内、事務局からのお知らせを掲載しています。',
          'Reports of collaboration projects, event announcements and notices from the secretariat.',
        )}
      </p>
      <nav class="rk-tabs" aria-label={ctx.t('分類', 'Categories')}>
        <ul class="rk-tabs__list">
          <li>
            <a class="rk-tabs__link" href={hrefFor({ category: null, page: 1 })} aria-current={filter.category === null ? 'page' : undefined}>
              {ctx.t('すべて', 'All')}
            </a>
          </li>
          {articleCategories.map((c) => (
            <li>
              <a class="rk-tabs__link" href={hrefFor({ category: c.id, page: 1 })} aria-current={filter.category === c.id ? 'page' : undefined} safe>
                {categoryLabel(ctx, c.id)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p class="rk-result-count" role="status" safe>
        {resultRangeText(ctx, total, filter.page, newsPageSize, ctx.t('該当する記事はありません。', 'No articles.'))}
      </p>
      <ArticleList ctx={ctx} rows={rows} />
      <Pagination ctx={ctx} page={filter.page} pages={pageCount(total, newsPageSize)} hrefFor={(page) => hrefFor({ page })} />
      <section class="rk-section" aria-labelledby="archive-title">
        <h2 id="archive-title" class="rk-heading-2">
          {ctx.t('年度別の記事（過去の連携事業）', 'Articles by fiscal year (archive)')}
        </h2>
        <ul class="rk-link-list rk-link-list--columns">
          {years.map((y) => (
            <li>
              <a href={`/news/archive/${y.fiscalYear}`} aria-current={filter.fiscalYear === y.fiscalYear ? 'page' : undefined}>
                <span safe>{fiscalYearText(ctx, y.fiscalYear)}</span>
                <span class="rk-muted" safe>
                  {ctx.tFormat(`（${formatCount(y.count)}件）`, ` (${formatCount(y.count)})`)}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </section>
      <FeedLinks ctx={ctx} />
    </Layout>
  );
}

function FeedLinks({ ctx }: { ctx: PageContext }): JSX.Element {
  return (
    <p class="rk-note">
      {ctx.t('更新情報の配信：', 'Subscribe: ')}
      <a href="/news/feed.rss">RSS</a>
      {' / '}
      <a href="/news/feed.atom">Atom</a>
    </p>
  );
}

export function ArticlePage({ ctx, article }: { ctx: PageContext; article: ResolvedArticle }): JSX.Element {
  return (
    <Layout
      ctx={ctx}
      title={article.content.title}
      description={article.content.summary || undefined}
      ogType="article"
      section="news"
      alternates={newsFeeds(ctx)}
      breadcrumbs={[{ href: '/', label: ctx.t('トップ', 'Home') }, { href: '/news', label: ctx.t('お知らせ', 'News') }, { label: article.content.title }]}
    >
      <ArticleBody ctx={ctx} article={article} headingId="article-title" />
      <p>
        <a class="rk-link-arrow" href="/news">
          {ctx.t('お知らせの一覧へ', 'All news')}
        </a>
      </p>
    </Layout>
  );
}

/** The top page's latest news. */
export function LatestNewsSection({ ctx, rows }: { ctx: PageContext; rows: ArticleSummary[] }): JSX.Element {
  return (
    <section class="rk-section" aria-labelledby="latest-news-title">
      <h2 id="latest-news-title" class="rk-heading-2">
        {ctx.t('新着情報', 'Latest news')}
      </h2>
      {rows.length === 0 ? <p>{ctx.t('まだ記事はありません。', 'No articles yet.')}</p> : <ArticleList ctx={ctx} rows={rows} headingLevel={3} />}
      <p>
        <a class="rk-link-arrow" href="/news">
          {ctx.t('お知らせの一覧へ', 'All news')}
        </a>
      </p>
    </section>
  );
}
