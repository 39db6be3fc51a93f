// Page links for long lists. Plain links keep every filter in the URL.
import type { PageContext } from '../context.ts';
import { formatCount } from '../format.ts';

export interface PaginationProps {
  ctx: PageContext;
  page: number;
  pages: number;
  /** Builds the URL of a page with the current filters. */
  hrefFor: (page: number) => string;
}

export function Pagination({ ctx, page, pages, hrefFor }: PaginationProps): JSX.Element {
  if (pages <= 1) return '';
  const shown = pageWindow(page, pages);
  return (
    <nav class="rk-pagination" aria-label={ctx.t('ページ送り', 'Pagination')}>
      <ul class="rk-pagination__list">
        {page > 1 ? (
          <li>
            <a class="rk-pagination__link" href={hrefFor(page - 1)} rel="prev">
              {ctx.t('前へ', 'Previous')}
            </a>
          </li>
        ) : (
          ''
        )}
        {shown.map((p) =>
          p === null ? (
            <li class="rk-pagination__gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li>
              <a
                class="rk-pagination__link"
                href={hrefFor(p)}
                aria-current={p === page ? 'page' : undefined}
                aria-label={ctx.tFormat(`${p}ページ目`, `Page ${p}`)}
              >
                <span safe>{String(p)}</span>
              </a>
            </li>
          ),
        )}
        {page < pages ? (
          <li>
            <a class="rk-pagination__link" href={hrefFor(page + 1)} rel="next">
              {ctx.t('次へ', 'Next')}
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </nav>
  );
}

/** First, last, and two pages either side of the current one; null marks a gap. */
export function pageWindow(page: number, pages: number): Array<number | null> {
  const out: Array<number | null> = [];
  for (let p = 1; p <= pages; p++) {
    if (p === 1 || p === pages || Math.abs(p - page) <= 2) out.push(p);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}

/** Number of pages for `total` rows (at least one, so page 1 always exists). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** 「1,741件中 1〜100件を表示」 for a page of a list, or `emptyText` when nothing matched. */
export function resultRangeText(ctx: PageContext, total: number, page: number, pageSize: number, emptyText: string): string {
  if (total === 0) return emptyText;
  const from = formatCount((page - 1) * pageSize + 1);
  const to = formatCount(Math.min(total, page * pageSize));
  return ctx.tFormat(`${formatCount(total)}件中 ${from}〜${to}件を表示`, `Showing ${from}–${to} of ${formatCount(total)}`);
}
