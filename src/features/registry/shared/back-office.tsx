// Pieces shared by the registry edit pages (連携記録の管理): the layout, notices, labels and list parts.
import type { Children } from '@kitajs/html';
import { ErrorSummary, type FieldError } from '../../../views/components/error-summary.tsx';
import { CsrfField, SuccessNotice } from '../../../views/components/form-fields.tsx';
import { pageCount, Pagination, resultRangeText } from '../../../views/components/pagination.tsx';
import type { PageContext } from '../../../views/context.ts';
import { Layout } from '../../../views/layout.tsx';
import { joinNames, organiserKindLabels, say } from './labels.tsx';
import type { ListFilter } from './record-form.ts';
import { ConflictNotice } from '../../../views/components/record-fields.tsx';
import { noticeText, type NoticeKey } from './notices.ts';
import { listPageSize, type WardOption } from './back-office-queries.ts';

// ---------------------------------------------------------------------------------------------
// Shared pieces

export type RegistrySection = 'home' | 'agreements' | 'projects' | 'review' | 'sources' | 'deleted';

interface RegistryLayoutProps {
  ctx: PageContext;
  title: string;
  current: RegistrySection;
  parents?: Array<{ href: string; label: string }>;
  hasErrors?: boolean;
  children?: Children;
}

export function RegistryLayout({ ctx, title, current, parents = [], hasErrors = false, children }: RegistryLayoutProps): JSX.Element {
  const home = { href: '/', label: ctx.t('トップ', 'Home') };
  const registry = ctx.t('連携記録の管理', 'Registry management');
  const crumbs = current === 'home' ? [home, { label: registry }] : [home, { href: '/registry', label: registry }, ...parents, { label: title }];
  const items: Array<{ id: RegistrySection; href: string; label: string }> = [
    { id: 'home', href: '/registry', label: ctx.t('管理トップ', 'Overview') },
    { id: 'agreements', href: '/registry/agreements', label: ctx.t('協定', 'Agreements') },
    { id: 'projects', href: '/registry/projects', label: ctx.t('連携事業', 'Projects') },
    { id: 'review', href: '/registry/review', label: ctx.t('要確認', 'To check') },
    { id: 'sources', href: '/registry/sources', label: ctx.t('出典の一覧', 'Sources') },
    { id: 'deleted', href: '/registry/deleted', label: ctx.t('削除した記録', 'Deleted records') },
  ];
  return (
    <Layout ctx={ctx} title={hasErrors ? ctx.tFormat(`エラー：${title}`, `Error: ${title}`) : title} section="none" breadcrumbs={crumbs}>
      <nav class="rk-section" aria-label={ctx.t('連携記録の管理メニュー', 'Registry menu')}>
        <ul class="rk-admin-nav">
          {items.map((item) => (
            <li>
              <a href={item.href} aria-current={item.id === current && parents.length === 0 && item.href === ctx.currentUrl.split('?')[0] ? 'page' : undefined} safe>
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h1 class="rk-heading-1" safe>
        {title}
      </h1>
      {children}
    </Layout>
  );
}

export function Muted({ children }: { children?: Children }): JSX.Element {
  return <span class="rk-muted">{children}</span>;
}

export function scopeText(ctx: PageContext, wardName: string | null): string {
  return wardName
    ? ctx.tFormat(`${wardName}の記録を表示しています。`, `Showing the records of ${wardName}.`)
    : ctx.t('事務局として、すべての区の記録を表示しています。', 'As the secretariat, you see the records of every ward.');
}

/** 「千代田区、中央区」, or 「23区共同」 (ward names as given). */
export function organiserText(ctx: PageContext, p: { organiserKind: 'wards' | 'joint'; wards: ReadonlyArray<string | { name: string }> }): string {
  return p.organiserKind === 'joint' ? say(ctx, organiserKindLabels.joint) : joinNames(ctx, p.wards.map((w) => (typeof w === 'string' ? w : w.name)));
}

// ---------------------------------------------------------------------------------------------
// List pieces

export function WardFilter({ ctx, action, wards, filter }: { ctx: PageContext; action: string; wards: WardOption[]; filter: ListFilter }): JSX.Element {
  return (
    <form class="rk-filter" action={action} method="get">
      <div class="rk-filter__row">
        <div class="rk-field">
          <label class="rk-label" for="filter-ward">
            {ctx.t('特別区', 'Ward')}
          </label>
          <select id="filter-ward" class="rk-select" name="ward">
            <option value="">{ctx.t('すべての区', 'All wards')}</option>
            {wards.map((w) => (
              <option value={w.code} selected={w.code === filter.ward} safe>
                {w.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div class="rk-filter__actions">
        <button class="rk-button" type="submit">
          {ctx.t('絞り込む', 'Filter')}
        </button>
      </div>
    </form>
  );
}

export function listHref(base: string, filter: ListFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.ward) params.set('ward', filter.ward);
  if (page > 1) params.set('page', String(page));
  const qs = params.toString();
  return qs ? `${base}?${qs}` : base;
}

export function RowActions({ ctx, base, title }: { ctx: PageContext; base: string; title: string }): JSX.Element {
  const hidden = <span class="rk-visually-hidden" safe>{ctx.tFormat(`（${title}）`, ` (${title})`)}</span>;
  return (
    <ul class="rk-row-actions">
      <li>
        <a href={`${base}/edit`}>
          {ctx.t('編集', 'Edit')}
          {hidden}
        </a>
      </li>
      <li>
        <a href={`${base}/history`}>
          {ctx.t('変更履歴', 'History')}
          {hidden}
        </a>
      </li>
      <li>
        <a href={`${base}/delete`}>
          {ctx.t('削除', 'Delete')}
          {hidden}
        </a>
      </li>
    </ul>
  );
}

// ---------------------------------------------------------------------------------------------
// The list and the form of a subject (協定の管理, 連携事業の管理): what is the same on both; the
// subject's views give the columns, the rows and the fields.

type EditedSection = 'agreements' | 'projects';

export interface RecordListFrameProps {
  ctx: PageContext;
  section: EditedSection;
  title: string;
  addLabel: string;
  emptyText: string;
  caption: string;
  columns: string[];
  /** The signed-in ward's name; null for the secretariat, who can filter by ward. */
  wardName: string | null;
  wards: WardOption[];
  filter: ListFilter;
  total: number;
  /** How many rows this page shows (none on a page past the end). */
  rowCount: number;
  notice?: NoticeKey | undefined;
  /** The table rows. */
  children?: Children;
}

export function RecordListFrame({ ctx, section, title, addLabel, emptyText, caption, columns, wardName, wards, filter, total, rowCount, notice, children }: RecordListFrameProps): JSX.Element {
  const base = `/registry/${section}`;
  return (
    <RegistryLayout ctx={ctx} title={title} current={section}>
      <SuccessNotice message={noticeText(ctx, notice)} />
      <p safe>{scopeText(ctx, wardName)}</p>
      <p>
        <a class="rk-button" href={`${base}/new`} safe>
          {addLabel}
        </a>
      </p>
      {wardName === null ? <WardFilter ctx={ctx} action={base} wards={wards} filter={filter} /> : ''}
      <p class="rk-result-count" role="status" safe>
        {resultRangeText(ctx, total, filter.page, listPageSize, emptyText)}
      </p>
      {rowCount > 0 ? (
        <div class="rk-table-wrap">
          <table class="rk-table">
            <caption class="rk-visually-hidden" safe>
              {caption}
            </caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th scope="col" safe>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{children}</tbody>
          </table>
        </div>
      ) : (
        ''
      )}
      <Pagination ctx={ctx} page={filter.page} pages={pageCount(total, listPageSize)} hrefFor={(p) => listHref(base, filter, p)} />
    </RegistryLayout>
  );
}

export interface RecordFormFrameProps {
  ctx: PageContext;
  section: EditedSection;
  /** The page title: 「…を登録する」 or 「…を編集する」. */
  title: string;
  /** The list's title, the parent crumb. */
  listTitle: string;
  /** The record being edited (absent when adding one) and the version the form was read at. */
  id?: string | undefined;
  updatedAt: string;
  errors: FieldError[];
  conflict?: string | undefined;
  /** The fields. */
  children?: Children;
}

export function RecordFormFrame({ ctx, section, title, listTitle, id, updatedAt, errors, conflict, children }: RecordFormFrameProps): JSX.Element {
  const base = `/registry/${section}`;
  const action = id ? `${base}/${encodeURIComponent(id)}/edit` : `${base}/new`;
  return (
    <RegistryLayout ctx={ctx} title={title} current={section} parents={[{ href: base, label: listTitle }]} hasErrors={errors.length > 0 || Boolean(conflict)}>
      <ConflictNotice ctx={ctx} message={conflict} href={action} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <form class="rk-form" action={action} method="post" novalidate>
        <CsrfField ctx={ctx} />
        {id ? <input type="hidden" name="updatedAt" value={updatedAt} /> : ''}
        {children}
        <div class="rk-actions">
          <button class="rk-button" type="submit">
            {id ? ctx.t('変更を保存する', 'Save changes') : ctx.t('登録する', 'Add')}
          </button>
          <a href={base}>{ctx.t('保存せずに一覧へ戻る', 'Back to the list without saving')}</a>
        </div>
      </form>
    </RegistryLayout>
  );
}

// ---------------------------------------------------------------------------------------------
// Agreement or project

export const entityLabels = {
  agreement: { ja: '協定', en: 'agreement', list: '/registry/agreements', listJa: '協定の管理', listEn: 'Agreements' },
  project: { ja: '連携事業', en: 'project', list: '/registry/projects', listJa: '連携事業の管理', listEn: 'Projects' },
} as const;
