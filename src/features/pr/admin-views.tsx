// The secretariat's PR pages: the list (visible or hidden), one page's state with its versions and
// the hide / show-again forms, and a version compared with the current text (restore).
import type { Children } from '@kitajs/html';
import { diffLines } from 'diff';
import { ErrorSummary, type FieldError } from '../../views/components/error-summary.tsx';
import { CsrfField, SuccessNotice } from '../../views/components/form-fields.tsx';
import { Pagination, pageCount, resultRangeText } from '../../views/components/pagination.tsx';
import { TextArea } from '../../views/components/record-fields.tsx';
import type { PageContext } from '../../views/context.ts';
import { formatDateTime } from '../../views/format.ts';
import { Layout } from '../../views/layout.tsx';
import { prEditPath } from './form-view.tsx';
import { adminPageSize, type AdminPrRow, type PrVersionRow } from './queries.ts';
import type { PrContent, PrPage } from './record.ts';
import { fieldName, prPath } from './section.tsx';

export type VisibilityFilter = 'visible' | 'hidden' | null;

function adminTitle(ctx: PageContext): string {
  return ctx.t('自治体PRページの管理', 'PR pages');
}

function PrAdminLayout({ ctx, title, parents = [], hasErrors = false, children }: { ctx: PageContext; title: string; parents?: Array<{ href: string; label: string }>; hasErrors?: boolean; children?: Children }): JSX.Element {
  const crumbs = [
    { href: '/', label: ctx.t('トップ', 'Home') },
    { href: '/admin', label: ctx.t('事務局', 'Secretariat') },
    ...(title === adminTitle(ctx) ? [] : [{ href: '/admin/pr', label: adminTitle(ctx) }]),
    ...parents,
    { label: title },
  ];
  return (
    <Layout ctx={ctx} title={hasErrors ? ctx.tFormat(`エラー：${title}`, `Error: ${title}`) : title} section="none" breadcrumbs={crumbs}>
      <h1 class="rk-heading-1" safe>
        {title}
      </h1>
      {children}
    </Layout>
  );
}

function stateText(ctx: PageContext, hiddenAt: string | null): string {
  return hiddenAt ? ctx.t('非公開（事務局）', 'Hidden (secretariat)') : ctx.t('公開中', 'Public');
}

export function AdminPrListPage(p: { ctx: PageContext; rows: AdminPrRow[]; total: number; state: VisibilityFilter; page: number }): JSX.Element {
  const { ctx } = p;
  const hrefFor = (state: VisibilityFilter, page = 1) => {
    const params = new URLSearchParams();
    if (state) params.set('state', state);
    if (page > 1) params.set('page', String(page));
    const qs = params.toString();
    return qs ? `/admin/pr?${qs}` : '/admin/pr';
  };
  const tabs: Array<[VisibilityFilter, string]> = [
    [null, ctx.t('すべて', 'All')],
    ['visible', ctx.t('公開中', 'Public')],
    ['hidden', ctx.t('非公開', 'Hidden')],
  ];
  return (
    <PrAdminLayout ctx={ctx} title={adminTitle(ctx)}>
      <p>{ctx.t('各自治体の職員が書いたPRページです。内容に問題があるときは非公開にできます（理由を記録します）。版の比較と復元もここから行います。', 'PR pages written by each municipality’s staff. Hide a page when something is wrong (the reason is recorded); compare and restore versions here.')}</p>
      <nav class="rk-tabs" aria-label={ctx.t('状態', 'Status')}>
        <ul class="rk-tabs__list">
          {tabs.map(([state, label]) => (
            <li>
              <a class="rk-tabs__link" href={hrefFor(state)} aria-current={p.state === state ? 'page' : undefined} safe>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p class="rk-result-count" role="status" safe>
        {resultRangeText(ctx, p.total, p.page, adminPageSize, ctx.t('PRページはありません。', 'No PR pages.'))}
      </p>
      {p.rows.length > 0 ? (
        <div class="rk-table-wrap" role="region" aria-label={adminTitle(ctx)} tabindex="0">
          <table class="rk-table rk-table--stack">
            <thead>
              <tr>
                <th scope="col">{ctx.t('自治体', 'Municipality')}</th>
                <th scope="col">{ctx.t('キャッチコピー', 'Catch copy')}</th>
                <th scope="col">{ctx.t('状態', 'Status')}</th>
                <th scope="col">{ctx.t('最終更新', 'Last saved')}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((row) => (
                <tr>
                  <th scope="row">
                    <a href={`/admin/pr/${row.code}`} safe>
                      {`${row.prefectureName}${row.name}`}
                    </a>
                  </th>
                  <td safe>{row.catchCopy}</td>
                  <td safe>{stateText(ctx, row.hiddenAt)}</td>
                  <td safe>{ctx.tFormat(`${formatDateTime(ctx, row.updatedAt)}（第${row.version}版）`, `${formatDateTime(ctx, row.updatedAt)} (v${row.version})`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        ''
      )}
      <Pagination ctx={ctx} page={p.page} pages={pageCount(p.total, adminPageSize)} hrefFor={(page) => hrefFor(p.state, page)} />
    </PrAdminLayout>
  );
}

export interface AdminPrPageProps {
  ctx: PageContext;
  page: PrPage;
  name: string;
  versions: PrVersionRow[];
  errors?: FieldError[];
  reason?: string;
  notice?: string;
}

export function AdminPrPage(p: AdminPrPageProps): JSX.Element {
  const { ctx, page } = p;
  const errors = p.errors ?? [];
  const title = ctx.tFormat(`${p.name}のPRページ`, `PR page of ${p.name}`);
  return (
    <PrAdminLayout ctx={ctx} title={title} hasErrors={errors.length > 0}>
      <SuccessNotice message={p.notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <p safe>{ctx.tFormat(`状態：${stateText(ctx, page.hiddenAt)}（第${page.version}版）`, `Status: ${stateText(ctx, page.hiddenAt)} (version ${page.version})`)}</p>
      <ul class="rk-inline-list">
        <li>
          <a href={prEditPath(page.code)}>{ctx.t('内容を編集する', 'Edit the content')}</a>
        </li>
        {page.hiddenAt ? '' : (
          <li>
            <a href={prPath(page.code)}>{ctx.t('公開ページ', 'Public page')}</a>
          </li>
        )}
      </ul>
      {page.hiddenAt ? (
        <form class="rk-form" method="post" action={`/admin/pr/${page.code}/unhide`}>
          <CsrfField ctx={ctx} />
          <h2 class="rk-heading-2">{ctx.t('非公開の解除', 'Show again')}</h2>
          <p safe>{ctx.tFormat(`${formatDateTime(ctx, page.hiddenAt)}に非公開にしました。理由：${page.hiddenReason}`, `Hidden on ${formatDateTime(ctx, page.hiddenAt)}. Reason: ${page.hiddenReason}`)}</p>
          <button class="rk-button" type="submit">
            {ctx.t('再び公開する', 'Show the page again')}
          </button>
        </form>
      ) : (
        <form class="rk-form" method="post" action={`/admin/pr/${page.code}/hide`} novalidate>
          <CsrfField ctx={ctx} />
          <h2 class="rk-heading-2">{ctx.t('非公開にする', 'Hide the page')}</h2>
          <p>{ctx.t('ページは自治体のページ・検索・サイトマップから消えます（削除はされず、自治体の職員は編集を続けられます）。', 'The page leaves the municipality’s page, the search and the sitemap; it is kept and its staff can still edit it.')}</p>
          <TextArea ctx={ctx} errors={errors} name="reason" label={ctx.t('理由（記録されます）', 'Reason (recorded)')} required value={p.reason ?? ''} rows={2} />
          <button class="rk-button rk-button--danger" type="submit">
            {ctx.t('非公開にする', 'Hide the page')}
          </button>
        </form>
      )}
      <h2 class="rk-heading-2">{ctx.t('版の履歴', 'Versions')}</h2>
      <div class="rk-table-wrap" role="region" aria-label={ctx.t('版の履歴', 'Versions')} tabindex="0">
        <table class="rk-table rk-table--stack">
          <thead>
            <tr>
              <th scope="col">{ctx.t('版', 'Version')}</th>
              <th scope="col">{ctx.t('保存日時', 'Saved')}</th>
              <th scope="col">{ctx.t('保存した人', 'By')}</th>
              <th scope="col">{ctx.t('メモ', 'Note')}</th>
              <th scope="col">{ctx.t('操作', 'Actions')}</th>
            </tr>
          </thead>
          <tbody>
            {p.versions.map((v) => (
              <tr>
                <th scope="row" safe>
                  {ctx.tFormat(`第${v.version}版${v.version === page.version ? '（現在）' : ''}`, `v${v.version}${v.version === page.version ? ' (current)' : ''}`)}
                </th>
                <td safe>{formatDateTime(ctx, v.savedAt)}</td>
                <td safe>{v.savedBy ?? ctx.t('自動', 'Automatic')}</td>
                <td safe>{v.note}</td>
                <td>{v.version === page.version ? '' : <a href={`/admin/pr/${page.code}/versions/${v.version}`}>{ctx.t('現在の版と比較', 'Compare with current')}</a>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </PrAdminLayout>
  );
}

function DiffText({ ctx, before, after }: { ctx: PageContext; before: string; after: string }): JSX.Element {
  if (before === after) return <p class="rk-muted">{ctx.t('変更なし', 'No change')}</p>;
  return (
    <pre class="rk-diff">
      {diffLines(before, after).map((part) => (part.added ? <ins safe>{part.value}</ins> : part.removed ? <del safe>{part.value}</del> : <span safe>{part.value}</span>))}
    </pre>
  );
}

function contentFields(ctx: PageContext, c: PrContent): Array<[string, string]> {
  return [
    [ctx.t('キャッチコピー', 'Catch copy'), c.catchCopy],
    [ctx.t('紹介', 'Introduction'), c.introduction],
    [ctx.t('特産品', 'Specialities'), c.specialities],
    [ctx.t('観光', 'Sightseeing'), c.sightseeing],
    [ctx.t('移住・二地域居住の情報', 'Moving here'), c.relocation],
    [ctx.t('連携したい分野', 'Fields for collaboration'), c.fields.map((n) => fieldName(ctx, n)).join('\n')],
    [ctx.t('問い合わせ先', 'Contact'), [c.contactDepartment, c.contactPhone, c.contactEmail].filter(Boolean).join('\n')],
    [ctx.t('公式リンク', 'Official links'), c.links.map((l) => `${l.label} ${l.url}`).join('\n')],
    [ctx.t('写真', 'Photos'), c.photos.map((p) => `${p.alt}${p.caption ? ` — ${p.caption}` : ''}`).join('\n')],
  ];
}

export function PrComparePage(p: { ctx: PageContext; code: string; name: string; version: number; currentVersion: number; old: PrContent; current: PrContent }): JSX.Element {
  const { ctx } = p;
  const title = ctx.tFormat(`第${p.version}版と現在（第${p.currentVersion}版）の比較`, `Version ${p.version} compared with the current version ${p.currentVersion}`);
  const oldFields = contentFields(ctx, p.old);
  const currentFields = contentFields(ctx, p.current);
  return (
    <PrAdminLayout ctx={ctx} title={title} parents={[{ href: `/admin/pr/${p.code}`, label: ctx.tFormat(`${p.name}のPRページ`, `PR page of ${p.name}`) }]}>
      <p class="rk-note">{ctx.t('削除された行は取り消し線、追加された行は下線で示します。', 'Removed lines are struck through; added lines are underlined.')}</p>
      {oldFields.map(([label, before], i) => (
        <section class="rk-section">
          <h2 class="rk-heading-2" safe>
            {label}
          </h2>
          <DiffText ctx={ctx} before={before} after={currentFields[i]![1]} />
        </section>
      ))}
      <form class="rk-form" method="post" action={`/admin/pr/${p.code}/versions/${p.version}/restore`}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={String(p.currentVersion)} />
        <p>{ctx.t('この版の内容を新しい版として復元します。公開・非公開の状態は変わりません。', 'Restores this version’s content as a new version. Whether the page is hidden stays as it is.')}</p>
        <button class="rk-button" type="submit" safe>
          {ctx.tFormat(`第${p.version}版の内容に戻す`, `Restore version ${p.version}`)}
        </button>
      </form>
    </PrAdminLayout>
  );
}
