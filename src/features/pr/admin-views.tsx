// The secretariat's PR pages: the list (visible or hidden), one page's state with its versions and
// the hide / show-again forms, and a version compared with the current text (restore).
import { ErrorSummary, type FieldError } from '../../views/components/error-summary.tsx';
import { CsrfField, SuccessNotice } from '../../views/components/form-fields.tsx';
import { Pagination, pageCount, resultRangeText } from '../../views/components/pagination.tsx';
import { TextArea } from '../../views/components/record-fields.tsx';
import { SecretariatSectionLayout, type SecretariatPageProps } from '../../views/components/secretariat-layout.tsx';
import { VersionComparison, VersionsTable, compareTitle, pairFields } from '../../views/components/version-history.tsx';
import type { PageContext } from '../../views/context.ts';
import { formatDateTime } from '../../views/format.ts';
import { prEditPath } from './form-view.tsx';
import { adminPageSize, type AdminPrRow, type PrVersionRow } from './queries.ts';
import type { PrContent, PrPage } from './record.ts';
import { fieldName, prPath } from './section.tsx';

export type VisibilityFilter = 'visible' | 'hidden' | null;

function adminTitle(ctx: PageContext): string {
  return ctx.t('自治体PRページの管理', 'PR pages');
}

function PrAdminLayout(props: SecretariatPageProps): JSX.Element {
  return <SecretariatSectionLayout {...props} section={{ href: '/admin/pr', title: adminTitle(props.ctx) }} />;
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
      <VersionsTable ctx={ctx} label={ctx.t('版の履歴', 'Versions')} versions={p.versions} current={page.version} unknownAuthor={ctx.t('自動', 'Automatic')} compareHref={(v) => `/admin/pr/${page.code}/versions/${v}`} />
    </PrAdminLayout>
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
  const title = compareTitle(ctx, p.version, p.currentVersion);
  return (
    <PrAdminLayout ctx={ctx} title={title} parents={[{ href: `/admin/pr/${p.code}`, label: ctx.tFormat(`${p.name}のPRページ`, `PR page of ${p.name}`) }]}>
      <VersionComparison
        ctx={ctx}
        version={p.version}
        currentVersion={p.currentVersion}
        fields={pairFields(contentFields(ctx, p.old), contentFields(ctx, p.current))}
        restoreAction={`/admin/pr/${p.code}/versions/${p.version}/restore`}
        restoreNote={ctx.t('この版の内容を新しい版として復元します。公開・非公開の状態は変わりません。', 'Restores this version’s content as a new version. Whether the page is hidden stays as it is.')}
      />
    </PrAdminLayout>
  );
}
