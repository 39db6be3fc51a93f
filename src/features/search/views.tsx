// The search page: a plain GET form, then the results grouped by type with their counts, each
// title and excerpt with the matched words marked.
import { highlightRanges, queryTerms } from '../../domain/search-tokens.ts';
import { SEARCH_COUNT_CAP, type SearchHit } from '../../db/search-query.ts';
import type { SearchKind } from '../../db/schema.ts';
import { Pagination, pageCount } from '../../views/components/pagination.tsx';
import type { PageContext } from '../../views/context.ts';
import { formatCount, formatDate } from '../../views/format.ts';
import { Layout } from '../../views/layout.tsx';

export const searchKinds = ['news', 'event', 'pr', 'municipality', 'sitepage'] as const satisfies readonly SearchKind[];

const kindNames: Record<SearchKind, [string, string]> = {
  news: ['お知らせ・連携事業', 'News'],
  event: ['イベント', 'Events'],
  municipality: ['自治体', 'Local governments'],
  pr: ['自治体からのPR', 'From the municipalities'],
  sitepage: ['サイトのご案内', 'About this site'],
};

function kindName(ctx: PageContext, kind: SearchKind): string {
  return ctx.tFormat(kindNames[kind][0], kindNames[kind][1]);
}

/** A count as shown: past the cap the search stopped counting, and says so (「1,000件以上」). */
function countText(ctx: PageContext, n: number): string {
  return n > SEARCH_COUNT_CAP ? ctx.tFormat(`${formatCount(SEARCH_COUNT_CAP)}件以上`, `over ${formatCount(SEARCH_COUNT_CAP)}`) : ctx.tFormat(`${formatCount(n)}件`, `${formatCount(n)}`);
}

function searchHref(text: string, kind: SearchKind | null, page = 1): string {
  const params = new URLSearchParams({ q: text });
  if (kind) params.set('type', kind);
  if (page > 1) params.set('page', String(page));
  return `/search?${params.toString()}`;
}

/** The text with the query's words in <mark>; everything escaped. */
function Marked({ text, terms }: { text: string; terms: ReturnType<typeof queryTerms> }): JSX.Element {
  const ranges = highlightRanges(text, terms);
  const parts: JSX.Element[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(<span safe>{text.slice(at, start)}</span>);
    parts.push(<mark safe>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(<span safe>{text.slice(at)}</span>);
  return <>{parts}</>;
}

/** Up to ~160 characters of the excerpt around its first match. */
function snippetOf(excerpt: string, terms: ReturnType<typeof queryTerms>): string {
  const first = highlightRanges(excerpt, terms)[0];
  const from = first ? Math.max(0, first[0] - 50) : 0;
  const slice = excerpt.slice(from, from + 160);
  return `${from > 0 ? '…' : ''}${slice}${from + 160 < excerpt.length ? '…' : ''}`;
}

function Hit({ ctx, hit, terms }: { ctx: PageContext; hit: SearchHit; terms: ReturnType<typeof queryTerms> }): JSX.Element {
  return (
    <li class="rk-search-hit">
      <a class="rk-search-hit__title" href={hit.url}>
        <Marked text={hit.title} terms={terms} />
      </a>
      {hit.dated ? (
        <p class="rk-muted" safe>
          {formatDate(ctx, hit.dated)}
        </p>
      ) : (
        ''
      )}
      {hit.excerpt ? (
        <p class="rk-search-hit__excerpt">
          <Marked text={snippetOf(hit.excerpt, terms)} terms={terms} />
        </p>
      ) : (
        ''
      )}
    </li>
  );
}

export interface SearchPageProps {
  ctx: PageContext;
  text: string;
  kind: SearchKind | null;
  page: number;
  counts: Map<SearchKind, number>;
  groups: Array<{ kind: SearchKind; hits: SearchHit[] }>;
}

export function SearchPage({ ctx, text, kind, page, counts, groups }: SearchPageProps): JSX.Element {
  const title = text ? ctx.tFormat(`「${text}」の検索結果`, `Results for “${text}”`) : ctx.t('サイト内検索', 'Search this site');
  const terms = queryTerms(text);
  const total = [...counts.values()].reduce((a, b) => a + Math.min(b, SEARCH_COUNT_CAP), 0);
  const capped = [...counts.values()].some((n) => n > SEARCH_COUNT_CAP);
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={[{ href: '/', label: ctx.t('トップ', 'Home') }, { label: ctx.t('サイト内検索', 'Search') }]}>
      <h1 class="rk-heading-1" safe>
        {title}
      </h1>
      <form class="rk-search" action="/search" method="get" role="search">
        <label class="rk-search__label" for="search-q">
          {ctx.t('キーワード', 'Keywords')}
        </label>
        <p id="search-q-hint" class="rk-hint">
          {ctx.t('お知らせ・イベント・自治体・サイトのご案内をまとめて探せます。2文字の言葉（例：防災、観光）でも探せます。複数の言葉は空白で区切ります。', 'Searches news, events, local governments and the pages about this site. Two-character words (e.g. 防災) work; separate several words with spaces.')}
        </p>
        <div class="rk-search__row">
          <input id="search-q" class="rk-input" type="search" name="q" value={text} maxlength="100" aria-describedby="search-q-hint" />
          {kind ? <input type="hidden" name="type" value={kind} /> : ''}
          <button class="rk-button" type="submit">
            {ctx.t('検索', 'Search')}
          </button>
        </div>
      </form>
      {text ? (
        <p class="rk-result-count" role="status" safe>
          {total === 0
            ? ctx.t('該当するページはありません。言葉を短くするか、別の言葉でお試しください。', 'Nothing found. Try a shorter or different word.')
            : capped
              ? ctx.tFormat(`${formatCount(total)}件以上見つかりました。`, `Over ${formatCount(total)} found.`)
              : ctx.tFormat(`${formatCount(total)}件見つかりました。`, `${formatCount(total)} found.`)}
        </p>
      ) : (
        ''
      )}
      {text && total > 0 ? (
        <nav class="rk-tabs" aria-label={ctx.t('種類で絞り込む', 'Filter by type')}>
          <ul class="rk-tabs__list">
            <li>
              <a class="rk-tabs__link" href={searchHref(text, null)} aria-current={kind === null ? 'page' : undefined}>
                {ctx.t('すべて', 'All')}
              </a>
            </li>
            {searchKinds.map((k) => (
              <li>
                <a class="rk-tabs__link" href={searchHref(text, k)} aria-current={kind === k ? 'page' : undefined} safe>
                  {ctx.tFormat(`${kindName(ctx, k)}（${countText(ctx, counts.get(k) ?? 0)}）`, `${kindName(ctx, k)} (${countText(ctx, counts.get(k) ?? 0)})`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : (
        ''
      )}
      {groups.map((group) => (
        <section class="rk-section" aria-labelledby={`results-${group.kind}`}>
          <h2 id={`results-${group.kind}`} class="rk-heading-2" safe>
            {ctx.tFormat(`${kindName(ctx, group.kind)}（${countText(ctx, counts.get(group.kind) ?? 0)}）`, `${kindName(ctx, group.kind)} (${countText(ctx, counts.get(group.kind) ?? 0)})`)}
          </h2>
          <ol class="rk-search-results">
            {group.hits.map((hit) => (
              <Hit ctx={ctx} hit={hit} terms={terms} />
            ))}
          </ol>
          {kind === null && (counts.get(group.kind) ?? 0) > group.hits.length ? (
            <p>
              <a class="rk-link-arrow" href={searchHref(text, group.kind)} safe>
                {ctx.tFormat(`${kindName(ctx, group.kind)}の結果をすべて見る`, `All ${kindName(ctx, group.kind)} results`)}
              </a>
            </p>
          ) : (
            ''
          )}
          {kind !== null ? <Pagination ctx={ctx} page={page} pages={pageCount(Math.min(counts.get(group.kind) ?? 0, SEARCH_COUNT_CAP), 20)} hrefFor={(p) => searchHref(text, kind, p)} /> : ''}
        </section>
      ))}
    </Layout>
  );
}
