// Shared wording and small pieces of the board's pages: status names, the author line, the
// 「サンプル」 mark, breadcrumbs.
import type { BoardThreadStatus } from '../../db/schema.ts';
import type { PageContext } from '../../views/context.ts';
import { formatDateTime } from '../../views/format.ts';
import type { Author, Category } from './queries.ts';

export const threadStatuses: readonly BoardThreadStatus[] = ['open', 'agreed', 'closed'];

export function statusLabel(ctx: PageContext, status: BoardThreadStatus): string {
  switch (status) {
    case 'open':
      return ctx.t('募集中', 'Open');
    case 'agreed':
      return ctx.t('成立', 'Agreed');
    case 'closed':
      return ctx.t('終了', 'Closed');
  }
}

export function categoryName(ctx: PageContext, category: Pick<Category, 'name' | 'nameEn'>): string {
  return ctx.lang === 'en' && category.nameEn ? category.nameEn : category.name;
}

export const boardTitle = (ctx: PageContext) => ctx.t('会員掲示板', 'Members’ board');

export function boardCrumbs(ctx: PageContext, ...rest: Array<{ href?: string; label: string }>) {
  return [{ href: '/member', label: ctx.t('マイページ', 'My page') }, { href: '/board', label: boardTitle(ctx) }, ...rest];
}

/** 「サンプル千代田区職員（千代田区）」 */
export function AuthorLine({ ctx, author, at }: { ctx: PageContext; author: Author | undefined; at: string }): JSX.Element {
  const name = author ? (author.organisation ? `${author.displayName}（${author.organisation}）` : author.displayName) : ctx.t('退会した会員', 'Former member');
  return (
    <p class="rk-board-post__meta">
      <span class="rk-board-post__author" safe>
        {name}
      </span>{' '}
      <time datetime={at} safe>
        {formatDateTime(ctx, at)}
      </time>
    </p>
  );
}

export function SampleMark({ ctx, sample }: { ctx: PageContext; sample: boolean }): JSX.Element {
  return sample ? <span class="rk-badge rk-badge--plain">{ctx.t('サンプル', 'Sample')}</span> : '';
}
