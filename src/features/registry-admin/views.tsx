// The registry edit pages (連携記録の管理): pure functions of the data the routes loaded.
import type { Children } from '@kitajs/html';
import type { RecordChangeView } from '../../db/record-history.ts';
import { changedKeys } from '../../db/record-history.ts';
import type { WritableEntity } from '../../db/registry-writes.ts';
import { formatFiscalYear } from '../../domain/fiscal-year.ts';
import { projectFieldByNumber, projectFields } from '../../domain/project-fields.ts';
import { projectStatuses } from '../../domain/registry-records.ts';
import type { PageContext } from '../../views/context.ts';
import { ErrorSummary, FieldErrorMessage, type FieldError } from '../../views/components/error-summary.tsx';
import { CsrfField, SuccessNotice } from '../../views/components/form-fields.tsx';
import { pageCount, Pagination, resultRangeText } from '../../views/components/pagination.tsx';
import { formatCount, formatDate, formatDateTime } from '../../views/format.ts';
import { Layout } from '../../views/layout.tsx';
import { fieldId, type AgreementFormInput, type ListFilter, type ProjectFormInput } from './form.ts';
import { listPageSize, type AgreementListItem, type GroupOption, type ProjectListItem, type TypeOption, type WardOption } from './queries.ts';

// ---------------------------------------------------------------------------------------------
// Shared pieces

export const notices = {
  created: { ja: '記録を登録しました。', en: 'The record was created.' },
  updated: { ja: '記録を更新しました。', en: 'The record was updated.' },
  deleted: { ja: '記録を削除しました。「削除した記録」から元に戻せます。', en: 'The record was deleted. It can be restored from “Deleted records”.' },
  restored: { ja: '記録を元に戻しました。公開ページに再び表示されます。', en: 'The record was restored and is shown on the public pages again.' },
} as const;
export type NoticeKey = keyof typeof notices;

export function isNoticeKey(value: unknown): value is NoticeKey {
  return typeof value === 'string' && Object.hasOwn(notices, value);
}

function noticeText(ctx: PageContext, key: NoticeKey | undefined): string | undefined {
  return key ? ctx.t(notices[key].ja, notices[key].en) : undefined;
}

export type RegistrySection = 'home' | 'agreements' | 'projects' | 'deleted';

interface RegistryLayoutProps {
  ctx: PageContext;
  title: string;
  current: RegistrySection;
  parents?: Array<{ href: string; label: string }>;
  hasErrors?: boolean;
  children?: Children;
}

function RegistryLayout({ ctx, title, current, parents = [], hasErrors = false, children }: RegistryLayoutProps): JSX.Element {
  const home = { href: '/', label: ctx.t('トップ', 'Home') };
  const registry = ctx.t('連携記録の管理', 'Registry management');
  const crumbs = current === 'home' ? [home, { label: registry }] : [home, { href: '/registry', label: registry }, ...parents, { label: title }];
  const items: Array<{ id: RegistrySection; href: string; label: string }> = [
    { id: 'home', href: '/registry', label: ctx.t('管理トップ', 'Overview') },
    { id: 'agreements', href: '/registry/agreements', label: ctx.t('協定', 'Agreements') },
    { id: 'projects', href: '/registry/projects', label: ctx.t('連携事業', 'Projects') },
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

function Muted({ children }: { children?: Children }): JSX.Element {
  return <span class="rk-muted">{children}</span>;
}

function joinedNames(ctx: PageContext, names: string[]): string {
  return names.join(ctx.lang === 'en' ? ', ' : '、');
}

/** A date with its precision: 「2024年(令和6年)10月30日」, 「2024年10月」, 「2024年」. */
export function formatRecordDate(ctx: PageContext, iso: string | null, precision: string = 'day'): string {
  if (!iso) return '—';
  if (precision === 'year') return ctx.tFormat(`${iso.slice(0, 4)}年`, iso.slice(0, 4));
  if (precision === 'month') return ctx.tFormat(`${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月`, `${iso.slice(0, 7)}`);
  return formatDate(ctx, iso);
}

function scopeText(ctx: PageContext, wardName: string | null): string {
  return wardName
    ? ctx.tFormat(`${wardName}の記録を表示しています。`, `Showing the records of ${wardName}.`)
    : ctx.t('事務局として、すべての区の記録を表示しています。', 'As the secretariat, you see the records of every ward.');
}

const organiserLabels = { wards: { ja: '各区', en: 'Wards' }, joint: { ja: '23区共同', en: 'All 23 wards jointly' } } as const;
const formatLabels = {
  offline: { ja: '対面（会場）', en: 'In person' },
  online: { ja: 'オンライン', en: 'Online' },
  hybrid: { ja: 'ハイブリッド', en: 'Hybrid' },
} as const;
const statusLabels = { 実施: 'Held', 予定: 'Planned', 中止: 'Cancelled', 延期: 'Postponed' } as const;
const precisionLabels = { day: { ja: '日まで分かる', en: 'Day' }, month: { ja: '月まで', en: 'Month' }, year: { ja: '年のみ', en: 'Year' } } as const;

function fieldName(ctx: PageContext, n: number): string {
  const f = projectFieldByNumber(n);
  return f ? ctx.tFormat(f.nameJa, f.nameEn) : String(n);
}

function statusLabel(ctx: PageContext, s: string): string {
  return ctx.tFormat(s, (statusLabels as Record<string, string>)[s] ?? s);
}

// ---------------------------------------------------------------------------------------------
// /registry

export interface HomePageProps {
  ctx: PageContext;
  wardName: string | null;
  counts: { agreements: number; projects: number; deleted: number };
}

export function RegistryHomePage({ ctx, wardName, counts }: HomePageProps): JSX.Element {
  const title = ctx.t('連携記録の管理', 'Registry management');
  const secretariatLinks = [
    { href: '/registry/types', label: ctx.t('協定の種類', 'Agreement types') },
    { href: '/registry/groups', label: ctx.t('広域グループ（市長会・町村会）', 'Wide-area groups') },
    { href: '/registry/wards', label: ctx.t('特別区', 'Special wards') },
    { href: '/registry/regions', label: ctx.t('地域との交流', 'Regional exchanges') },
    { href: '/registry/companies', label: ctx.t('企業との協定', 'Company agreements') },
    { href: '/registry/disasters', label: ctx.t('災害', 'Disasters') },
    { href: '/registry/disaster-support', label: ctx.t('災害支援', 'Disaster support') },
    { href: '/registry/joint-plans', label: ctx.t('広域共同計画', 'Joint plans') },
    { href: '/registry/plan', label: ctx.t('計画の進捗', 'Plan progress') },
    { href: '/registry/figures', label: ctx.t('公表数値', 'Published figures') },
    { href: '/registry/members', label: ctx.t('会員登録自治体', 'Registered member municipalities') },
    { href: '/admin/registry/import', label: ctx.t('CSV・XLSXの取り込み', 'Import CSV or XLSX') },
  ];
  return (
    <RegistryLayout ctx={ctx} title={title} current="home">
      <p class="rk-lead" safe>
        {scopeText(ctx, wardName)}
      </p>
      <ul class="rk-figures">
        <li class="rk-figures__item">
          <span class="rk-figures__label">{ctx.t('協定', 'Agreements')}</span>
          <span class="rk-figures__value" safe>
            {formatCount(counts.agreements)}
          </span>
          <span class="rk-figures__unit">{ctx.t('件', '')}</span>
        </li>
        <li class="rk-figures__item">
          <span class="rk-figures__label">{ctx.t('連携事業', 'Projects')}</span>
          <span class="rk-figures__value" safe>
            {formatCount(counts.projects)}
          </span>
          <span class="rk-figures__unit">{ctx.t('件', '')}</span>
        </li>
        <li class="rk-figures__item">
          <span class="rk-figures__label">{ctx.t('削除した記録', 'Deleted records')}</span>
          <span class="rk-figures__value" safe>
            {formatCount(counts.deleted)}
          </span>
          <span class="rk-figures__unit">{ctx.t('件', '')}</span>
        </li>
      </ul>
      <h2 class="rk-heading-2">{ctx.t('記録の編集', 'Edit records')}</h2>
      <ul>
        <li>
          <a href="/registry/agreements">{ctx.t('協定の一覧・編集', 'Agreements: list and edit')}</a>（
          <a href="/registry/agreements/new">{ctx.t('新しく登録する', 'add one')}</a>）
        </li>
        <li>
          <a href="/registry/projects">{ctx.t('連携事業の一覧・編集', 'Projects: list and edit')}</a>（
          <a href="/registry/projects/new">{ctx.t('新しく登録する', 'add one')}</a>）
        </li>
        <li>
          <a href="/registry/deleted">{ctx.t('削除した記録（元に戻す）', 'Deleted records (restore)')}</a>
        </li>
      </ul>
      {wardName === null ? (
        <>
          <h2 class="rk-heading-2">{ctx.t('事務局の管理ページ', 'Secretariat pages')}</h2>
          <ul>
            {secretariatLinks.map((l) => (
              <li>
                <a href={l.href}>{l.label}</a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="rk-note">
          {ctx.t(
            '編集できるのは、自区が含まれる協定と連携事業です。23区共同の事業や他区だけの記録の変更は、事務局にご連絡ください。',
            'You can edit the agreements and projects that include your ward. For joint projects of all 23 wards or records of other wards, please contact the secretariat.',
          )}
        </p>
      )}
    </RegistryLayout>
  );
}

// ---------------------------------------------------------------------------------------------
// Lists

function WardFilter({ ctx, action, wards, filter }: { ctx: PageContext; action: string; wards: WardOption[]; filter: ListFilter }): JSX.Element {
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

function listHref(base: string, filter: ListFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.ward) params.set('ward', filter.ward);
  if (page > 1) params.set('page', String(page));
  const qs = params.toString();
  return qs ? `${base}?${qs}` : base;
}

function Provenance({ ctx, provenance }: { ctx: PageContext; provenance: string }): JSX.Element {
  if (provenance === 'sample') return <span class="rk-badge">{ctx.t('サンプル', 'Sample')}</span>;
  if (provenance === 'synthetic') return <span class="rk-badge">{ctx.t('試験用', 'Synthetic')}</span>;
  return '';
}

export interface AgreementListPageProps {
  ctx: PageContext;
  wardName: string | null;
  wards: WardOption[];
  filter: ListFilter;
  total: number;
  items: AgreementListItem[];
  notice?: NoticeKey;
}

export function AgreementListPage({ ctx, wardName, wards, filter, total, items, notice }: AgreementListPageProps): JSX.Element {
  const title = ctx.t('協定の管理', 'Agreements');
  return (
    <RegistryLayout ctx={ctx} title={title} current="agreements">
      <SuccessNotice message={noticeText(ctx, notice)} />
      <p safe>{scopeText(ctx, wardName)}</p>
      <p>
        <a class="rk-button" href="/registry/agreements/new">
          {ctx.t('協定を登録する', 'Add an agreement')}
        </a>
      </p>
      {wardName === null ? <WardFilter ctx={ctx} action="/registry/agreements" wards={wards} filter={filter} /> : ''}
      <p class="rk-result-count" role="status" safe>
        {resultRangeText(ctx, total, filter.page, listPageSize, ctx.t('該当する協定はありません。', 'No agreements match.'))}
      </p>
      {items.length > 0 ? (
        <div class="rk-table-wrap">
          <table class="rk-table">
            <caption class="rk-visually-hidden">{ctx.t('協定の一覧', 'Agreements')}</caption>
            <thead>
              <tr>
                <th scope="col">{ctx.t('名称', 'Title')}</th>
                <th scope="col">{ctx.t('種類', 'Kind')}</th>
                <th scope="col">{ctx.t('特別区', 'Wards')}</th>
                <th scope="col">{ctx.t('相手', 'Partners')}</th>
                <th scope="col">{ctx.t('締結日', 'Signed')}</th>
                <th scope="col">{ctx.t('操作', 'Actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr>
                  <td>
                    <span safe>{a.title}</span>
                    <Provenance ctx={ctx} provenance={a.provenance} />
                  </td>
                  <td safe>{ctx.tFormat(a.typeName, a.typeNameEn || a.typeName)}</td>
                  <td safe>{joinedNames(ctx, a.wards)}</td>
                  <td safe>{joinedNames(ctx, a.partners)}</td>
                  <td safe>{formatRecordDate(ctx, a.signedOn, a.signedOnPrecision)}</td>
                  <td>
                    <RowActions ctx={ctx} base={`/registry/agreements/${encodeURIComponent(a.id)}`} title={a.title} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        ''
      )}
      <Pagination ctx={ctx} page={filter.page} pages={pageCount(total, listPageSize)} hrefFor={(p) => listHref('/registry/agreements', filter, p)} />
    </RegistryLayout>
  );
}

function RowActions({ ctx, base, title }: { ctx: PageContext; base: string; title: string }): JSX.Element {
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

export interface ProjectListPageProps {
  ctx: PageContext;
  wardName: string | null;
  wards: WardOption[];
  filter: ListFilter;
  total: number;
  items: ProjectListItem[];
  notice?: NoticeKey;
}

function organiserText(ctx: PageContext, p: { organiserKind: 'wards' | 'joint'; wards: string[] }): string {
  return p.organiserKind === 'joint' ? ctx.t('23区共同', 'All 23 wards jointly') : joinedNames(ctx, p.wards);
}

export function ProjectListPage({ ctx, wardName, wards, filter, total, items, notice }: ProjectListPageProps): JSX.Element {
  const title = ctx.t('連携事業の管理', 'Projects');
  return (
    <RegistryLayout ctx={ctx} title={title} current="projects">
      <SuccessNotice message={noticeText(ctx, notice)} />
      <p safe>{scopeText(ctx, wardName)}</p>
      <p>
        <a class="rk-button" href="/registry/projects/new">
          {ctx.t('連携事業を登録する', 'Add a project')}
        </a>
      </p>
      {wardName === null ? <WardFilter ctx={ctx} action="/registry/projects" wards={wards} filter={filter} /> : ''}
      <p class="rk-result-count" role="status" safe>
        {resultRangeText(ctx, total, filter.page, listPageSize, ctx.t('該当する連携事業はありません。', 'No projects match.'))}
      </p>
      {items.length > 0 ? (
        <div class="rk-table-wrap">
          <table class="rk-table">
            <caption class="rk-visually-hidden">{ctx.t('連携事業の一覧', 'Projects')}</caption>
            <thead>
              <tr>
                <th scope="col">{ctx.t('年度', 'Fiscal year')}</th>
                <th scope="col">{ctx.t('事業名', 'Title')}</th>
                <th scope="col">{ctx.t('分野', 'Field')}</th>
                <th scope="col">{ctx.t('実施主体', 'Organisers')}</th>
                <th scope="col">{ctx.t('連携自治体', 'Partners')}</th>
                <th scope="col">{ctx.t('状況', 'Status')}</th>
                <th scope="col">{ctx.t('操作', 'Actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr>
                  <td safe>{formatFiscalYearText(ctx, p.fiscalYear)}</td>
                  <td>
                    <span safe>{p.title}</span>
                    <Provenance ctx={ctx} provenance={p.provenance} />
                  </td>
                  <td safe>{fieldName(ctx, p.field)}</td>
                  <td safe>{organiserText(ctx, p)}</td>
                  <td safe>{joinedNames(ctx, p.partners)}</td>
                  <td safe>{statusLabel(ctx, p.status)}</td>
                  <td>
                    <RowActions ctx={ctx} base={`/registry/projects/${encodeURIComponent(p.id)}`} title={p.title} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        ''
      )}
      <Pagination ctx={ctx} page={filter.page} pages={pageCount(total, listPageSize)} hrefFor={(p) => listHref('/registry/projects', filter, p)} />
    </RegistryLayout>
  );
}

function formatFiscalYearText(ctx: PageContext, fy: number): string {
  return ctx.lang === 'en' ? `FY${fy}` : formatFiscalYear(fy);
}

// ---------------------------------------------------------------------------------------------
// Form building blocks

function describedBy(id: string, hint: boolean, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function errorOf(errors: FieldError[], name: string): string | undefined {
  return errors.find((e) => e.field === fieldId(name))?.message;
}

interface FieldProps {
  ctx: PageContext;
  name: string;
  label: string;
  value: string;
  errors: FieldError[];
  hint?: string;
  required?: boolean;
}

function Label({ ctx, id, label, required }: { ctx: PageContext; id: string; label: string; required?: boolean }): JSX.Element {
  return (
    <label class="rk-label" for={id}>
      <span safe>{label}</span>
      {required ? <span class="rk-required">{ctx.t('必須', 'Required')}</span> : ''}
    </label>
  );
}

function Hint({ id, hint }: { id: string; hint?: string }): JSX.Element {
  return hint ? (
    <p id={`${id}-hint`} class="rk-hint" safe>
      {hint}
    </p>
  ) : (
    ''
  );
}

function Text(p: FieldProps & { type?: 'text' | 'url'; short?: boolean; inputmode?: 'numeric'; maxlength?: number }): JSX.Element {
  const id = fieldId(p.name);
  const error = errorOf(p.errors, p.name);
  return (
    <div class="rk-field">
      <Label ctx={p.ctx} id={id} label={p.label} required={p.required} />
      <Hint id={id} hint={p.hint} />
      <FieldErrorMessage ctx={p.ctx} id={id} message={error} />
      <input
        id={id}
        class={p.short ? 'rk-input rk-input--short' : 'rk-input'}
        type={p.type ?? 'text'}
        name={p.name}
        value={p.value}
        inputmode={p.inputmode}
        maxlength={p.maxlength === undefined ? undefined : String(p.maxlength)}
        aria-describedby={describedBy(id, Boolean(p.hint), error)}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

function TextArea(p: FieldProps & { rows?: number }): JSX.Element {
  const id = fieldId(p.name);
  const error = errorOf(p.errors, p.name);
  return (
    <div class="rk-field">
      <Label ctx={p.ctx} id={id} label={p.label} required={p.required} />
      <Hint id={id} hint={p.hint} />
      <FieldErrorMessage ctx={p.ctx} id={id} message={error} />
      <textarea
        id={id}
        class="rk-input"
        name={p.name}
        rows={String(p.rows ?? 4)}
        aria-describedby={describedBy(id, Boolean(p.hint), error)}
        aria-invalid={error ? 'true' : undefined}
        safe
      >
        {p.value}
      </textarea>
    </div>
  );
}

interface Option {
  value: string;
  label: string;
}

function Choices(p: {
  ctx: PageContext;
  name: string;
  legend: string;
  type: 'radio' | 'checkbox';
  options: Option[];
  selected: string[];
  errors: FieldError[];
  hint?: string;
  required?: boolean;
  /** A value shown checked and fixed (submitted through a hidden field). */
  fixed?: string;
}): JSX.Element {
  const id = fieldId(p.name);
  const error = errorOf(p.errors, p.name);
  return (
    <fieldset class="rk-fieldset" aria-describedby={describedBy(id, Boolean(p.hint), error)}>
      <legend class="rk-label">
        <span safe>{p.legend}</span>
        {p.required ? <span class="rk-required">{p.ctx.t('必須', 'Required')}</span> : ''}
      </legend>
      <Hint id={id} hint={p.hint} />
      <FieldErrorMessage ctx={p.ctx} id={id} message={error} />
      {p.fixed ? <input type="hidden" name={p.name} value={p.fixed} /> : ''}
      <div class={p.options.length > 8 ? 'rk-choices rk-choices--columns' : 'rk-choices'}>
        {p.options.map((o, i) => {
          const optionId = i === 0 ? id : `${id}-${i}`;
          const isFixed = p.fixed === o.value;
          return (
            <div class="rk-choice">
              <input
                class="rk-choice__input"
                type={p.type}
                id={optionId}
                name={isFixed ? undefined : p.name}
                value={o.value}
                checked={isFixed || p.selected.includes(o.value)}
                disabled={isFixed}
                aria-invalid={error ? 'true' : undefined}
              />
              <label class="rk-choice__label" for={optionId} safe>
                {isFixed ? p.ctx.tFormat(`${o.label}（自区・外せません）`, `${o.label} (your ward, always included)`) : o.label}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

function Select(p: { ctx: PageContext; name: string; label: string; options: Option[]; value: string; errors: FieldError[]; required?: boolean }): JSX.Element {
  const id = fieldId(p.name);
  const error = errorOf(p.errors, p.name);
  return (
    <div class="rk-field">
      <Label ctx={p.ctx} id={id} label={p.label} required={p.required} />
      <FieldErrorMessage ctx={p.ctx} id={id} message={error} />
      <select id={id} class="rk-select" name={p.name} aria-describedby={describedBy(id, false, error)} aria-invalid={error ? 'true' : undefined}>
        <option value="">{p.ctx.t('選んでください', 'Choose')}</option>
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === p.value} safe>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function ConflictNotice({ ctx, message, href }: { ctx: PageContext; message?: string; href: string }): JSX.Element {
  if (!message) return '';
  return (
    <div class="rk-error-summary" role="region" aria-labelledby="conflict-title">
      <div role="alert">
        <h2 id="conflict-title" class="rk-error-summary__title">
          {ctx.t('ほかの人の更新と重なりました', 'Someone else saved first')}
        </h2>
        <p safe>{message}</p>
        <p>
          <a href={href}>{ctx.t('最新の内容を開く（入力内容は破棄されます）', 'Open the latest version (your input is discarded)')}</a>
        </p>
      </div>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Agreement form

export interface FormRefsView {
  wards: WardOption[];
  types: TypeOption[];
  groups: GroupOption[];
  /** The ward officer's own ward (fixed in the form); null for the secretariat. */
  fixedWard: string | null;
}

export interface AgreementFormPageProps {
  ctx: PageContext;
  id?: string;
  input: AgreementFormInput;
  errors: FieldError[];
  refs: FormRefsView;
  conflict?: string;
}

export function AgreementFormPage({ ctx, id, input, errors, refs, conflict }: AgreementFormPageProps): JSX.Element {
  const title = id ? ctx.t('協定を編集する', 'Edit an agreement') : ctx.t('協定を登録する', 'Add an agreement');
  const action = id ? `/registry/agreements/${encodeURIComponent(id)}/edit` : '/registry/agreements/new';
  const base = { ctx, errors };
  return (
    <RegistryLayout
      ctx={ctx}
      title={title}
      current="agreements"
      parents={[{ href: '/registry/agreements', label: ctx.t('協定の管理', 'Agreements') }]}
      hasErrors={errors.length > 0 || Boolean(conflict)}
    >
      <ConflictNotice ctx={ctx} message={conflict} href={action} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <form class="rk-form" action={action} method="post" novalidate>
        <CsrfField ctx={ctx} />
        {id ? <input type="hidden" name="updatedAt" value={input.updatedAt} /> : ''}
        <Select {...base} name="typeId" label={ctx.t('協定の種類', 'Kind of agreement')} required value={input.typeId} options={refs.types.map((t) => ({ value: t.id, label: ctx.tFormat(t.name, t.nameEn || t.name) }))} />
        <Text {...base} name="title" label={ctx.t('名称', 'Title')} required value={input.title} maxlength={300} hint={ctx.t('例：千代田区と名寄市との交流自治体協定', 'e.g. the exchange agreement between Chiyoda and Nayoro')} />
        <Choices
          {...base}
          name="wards"
          type="checkbox"
          legend={ctx.t('特別区', 'Special wards')}
          required
          options={refs.wards.map((w) => ({ value: w.code, label: w.name }))}
          selected={input.wardCodes}
          fixed={refs.fixedWard ?? undefined}
        />
        <TextArea
          {...base}
          name="partners"
          label={ctx.t('相手の自治体', 'Partner local governments')}
          value={input.partners}
          rows={4}
          hint={ctx.t(
            '1行に1団体、団体コード（6桁、例：012211）か名称（例：名寄市、北海道名寄市）で入力します。同じ名称の自治体が複数ある場合は団体コードで入力してください。',
            'One per line, as a 6-digit code (e.g. 012211) or a name (e.g. 名寄市 or 北海道名寄市). Use the code when several share a name.',
          )}
        />
        {refs.groups.length > 0 ? (
          <Choices {...base} name="groups" type="checkbox" legend={ctx.t('相手の広域グループ（市長会・町村会）', 'Partner wide-area groups')} options={refs.groups.map((g) => ({ value: g.id, label: g.name }))} selected={input.groupIds} />
        ) : (
          ''
        )}
        <TextArea
          {...base}
          name="formerNames"
          label={ctx.t('締結時の旧名称', 'Former names when signed')}
          value={input.formerNames}
          rows={2}
          hint={ctx.t('合併などで名称が変わった相手だけ、1行に1件「団体コード:旧名称」の形で入力します（例：012211:風連町）。', 'Only for partners renamed since (e.g. by a merger): one per line as code:name, e.g. 012211:風連町.')}
        />
        <Text {...base} name="signedOn" label={ctx.t('締結日', 'Signed on')} short value={input.signedOn} hint={ctx.t('例：2024-10-30 または 2024/10/30。月までしか分からない場合は 2024-10 と入力し、精度で「月まで」を選びます。', 'e.g. 2024-10-30 or 2024/10/30. If only the month is known, enter 2024-10 and choose “Month”.')} />
        <Choices
          {...base}
          name="signedOnPrecision"
          type="radio"
          legend={ctx.t('締結日の精度', 'Precision of the signing date')}
          options={(['day', 'month', 'year'] as const).map((p) => ({ value: p, label: ctx.tFormat(precisionLabels[p].ja, precisionLabels[p].en) }))}
          selected={[input.signedOnPrecision]}
        />
        <TextArea {...base} name="resignedDates" label={ctx.t('再締結日・改定日', 'Re-signed or revised on')} value={input.resignedDates} rows={2} hint={ctx.t('1行に1日付（例：2006-03-27）。', 'One date per line (e.g. 2006-03-27).')} />
        <Text {...base} name="endedOn" label={ctx.t('終了日', 'Ended on')} short value={input.endedOn} hint={ctx.t('協定が終了した場合だけ入力します。', 'Only if the agreement has ended.')} />
        <TextArea {...base} name="background" label={ctx.t('きっかけ', 'Background')} value={input.background} rows={3} />
        <Text {...base} name="sourceUrl" type="url" label={ctx.t('出典のアドレス', 'Source address')} value={input.sourceUrl} hint={ctx.t('https:// で始まるアドレス', 'An address starting with https://')} />
        <TextArea {...base} name="notes" label={ctx.t('備考', 'Notes')} value={input.notes} rows={3} />
        <div class="rk-actions">
          <button class="rk-button" type="submit">
            {id ? ctx.t('変更を保存する', 'Save changes') : ctx.t('登録する', 'Add')}
          </button>
          <a href="/registry/agreements">{ctx.t('保存せずに一覧へ戻る', 'Back to the list without saving')}</a>
        </div>
      </form>
    </RegistryLayout>
  );
}

// ---------------------------------------------------------------------------------------------
// Project form

export interface ProjectFormPageProps {
  ctx: PageContext;
  id?: string;
  input: ProjectFormInput;
  errors: FieldError[];
  refs: FormRefsView;
  conflict?: string;
}

export function ProjectFormPage({ ctx, id, input, errors, refs, conflict }: ProjectFormPageProps): JSX.Element {
  const title = id ? ctx.t('連携事業を編集する', 'Edit a project') : ctx.t('連携事業を登録する', 'Add a project');
  const action = id ? `/registry/projects/${encodeURIComponent(id)}/edit` : '/registry/projects/new';
  const base = { ctx, errors };
  const secretariat = refs.fixedWard === null;
  return (
    <RegistryLayout
      ctx={ctx}
      title={title}
      current="projects"
      parents={[{ href: '/registry/projects', label: ctx.t('連携事業の管理', 'Projects') }]}
      hasErrors={errors.length > 0 || Boolean(conflict)}
    >
      <ConflictNotice ctx={ctx} message={conflict} href={action} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <form class="rk-form" action={action} method="post" novalidate>
        <CsrfField ctx={ctx} />
        {id ? <input type="hidden" name="updatedAt" value={input.updatedAt} /> : ''}
        <Text {...base} name="fiscalYear" label={ctx.t('年度', 'Fiscal year')} required short inputmode="numeric" maxlength={6} value={input.fiscalYear} hint={ctx.t('西暦4桁（例：2024 は2024年度・令和6年度）', 'A 4-digit year (e.g. 2024 for FY2024)')} />
        <Text {...base} name="title" label={ctx.t('事業名', 'Title')} required value={input.title} maxlength={300} />
        <TextArea {...base} name="summary" label={ctx.t('概要', 'Summary')} value={input.summary} rows={4} />
        <Choices {...base} name="field" type="radio" legend={ctx.t('分野', 'Field')} required options={projectFields.map((f) => ({ value: String(f.number), label: ctx.tFormat(f.nameJa, f.nameEn) }))} selected={[input.field]} />
        {secretariat ? (
          <Choices
            {...base}
            name="organiserKind"
            type="radio"
            legend={ctx.t('実施主体', 'Organisers')}
            required
            options={(['wards', 'joint'] as const).map((k) => ({ value: k, label: ctx.tFormat(organiserLabels[k].ja, organiserLabels[k].en) }))}
            selected={[input.organiserKind]}
            hint={ctx.t('23区共同の場合は、特別区を選ばないでください。', 'For a joint project of all 23 wards, choose no wards.')}
          />
        ) : (
          <input type="hidden" name="organiserKind" value="wards" />
        )}
        <Choices
          {...base}
          name="wards"
          type="checkbox"
          legend={ctx.t('実施する特別区', 'Organising wards')}
          required={!secretariat}
          options={refs.wards.map((w) => ({ value: w.code, label: w.name }))}
          selected={input.wardCodes}
          fixed={refs.fixedWard ?? undefined}
        />
        <TextArea
          {...base}
          name="partners"
          label={ctx.t('連携自治体', 'Partner municipalities')}
          value={input.partners}
          rows={4}
          hint={ctx.t('1行に1団体、団体コード（6桁）か名称で入力します。同じ名称の自治体が複数ある場合は団体コードで入力してください。', 'One per line, as a 6-digit code or a name. Use the code when several share a name.')}
        />
        <Text {...base} name="startsOn" label={ctx.t('開始日', 'Starts on')} short value={input.startsOn} hint={ctx.t('例：2024-10-30 または 2024/10/30', 'e.g. 2024-10-30 or 2024/10/30')} />
        <Text {...base} name="endsOn" label={ctx.t('終了日', 'Ends on')} short value={input.endsOn} hint={ctx.t('1日だけの事業は開始日と同じ日付', 'The start date again for a one-day event')} />
        <Choices {...base} name="format" type="radio" legend={ctx.t('実施形式', 'Format')} required options={(['offline', 'online', 'hybrid'] as const).map((f) => ({ value: f, label: ctx.tFormat(formatLabels[f].ja, formatLabels[f].en) }))} selected={[input.format]} />
        <Choices {...base} name="status" type="radio" legend={ctx.t('状況', 'Status')} required options={projectStatuses.map((s) => ({ value: s, label: statusLabel(ctx, s) }))} selected={[input.status]} />
        <Text {...base} name="newsUrl" type="url" label={ctx.t('お知らせのアドレス', 'News address')} value={input.newsUrl} hint={ctx.t('https:// で始まるアドレス', 'An address starting with https://')} />
        <Text {...base} name="sourceUrl" type="url" label={ctx.t('出典のアドレス', 'Source address')} value={input.sourceUrl} hint={ctx.t('https:// で始まるアドレス', 'An address starting with https://')} />
        <TextArea {...base} name="notes" label={ctx.t('備考', 'Notes')} value={input.notes} rows={3} />
        <div class="rk-actions">
          <button class="rk-button" type="submit">
            {id ? ctx.t('変更を保存する', 'Save changes') : ctx.t('登録する', 'Add')}
          </button>
          <a href="/registry/projects">{ctx.t('保存せずに一覧へ戻る', 'Back to the list without saving')}</a>
        </div>
      </form>
    </RegistryLayout>
  );
}

// ---------------------------------------------------------------------------------------------
// Delete confirmation

const entityLabels = {
  agreement: { ja: '協定', en: 'agreement', list: '/registry/agreements', listJa: '協定の管理', listEn: 'Agreements' },
  project: { ja: '連携事業', en: 'project', list: '/registry/projects', listJa: '連携事業の管理', listEn: 'Projects' },
} as const;

export function DeleteConfirmPage({ ctx, entity, id, title }: { ctx: PageContext; entity: WritableEntity; id: string; title: string }): JSX.Element {
  const e = entityLabels[entity];
  const pageTitle = ctx.tFormat(`${e.ja}を削除する`, `Delete the ${e.en}`);
  return (
    <RegistryLayout ctx={ctx} title={pageTitle} current={entity === 'agreement' ? 'agreements' : 'projects'} parents={[{ href: e.list, label: ctx.tFormat(e.listJa, e.listEn) }]}>
      <p>
        {ctx.t('次の記録を削除します。', 'This record will be deleted:')}
        <strong safe>{title}</strong>
      </p>
      <p class="rk-note">
        {ctx.t(
          '削除した記録は公開ページに表示されなくなります。記録そのものは残り、「削除した記録」からいつでも元に戻せます。',
          'A deleted record is no longer shown on the public pages. It is kept, and can be restored from “Deleted records” at any time.',
        )}
      </p>
      <form class="rk-actions" action={`/registry/${entity === 'agreement' ? 'agreements' : 'projects'}/${encodeURIComponent(id)}/delete`} method="post">
        <CsrfField ctx={ctx} />
        <button class="rk-button rk-button--danger" type="submit">
          {ctx.t('削除する', 'Delete')}
        </button>
        <a href={e.list}>{ctx.t('削除せずに一覧へ戻る', 'Back to the list without deleting')}</a>
      </form>
    </RegistryLayout>
  );
}

// ---------------------------------------------------------------------------------------------
// History

export interface HistoryLabels {
  names: Map<string, string>;
  types: Map<string, { name: string; nameEn: string }>;
  groups: Map<string, string>;
}

const keyLabels: Record<string, { ja: string; en: string }> = {
  fiscalYear: { ja: '年度', en: 'Fiscal year' },
  typeId: { ja: '協定の種類', en: 'Kind' },
  title: { ja: '名称', en: 'Title' },
  summary: { ja: '概要', en: 'Summary' },
  field: { ja: '分野', en: 'Field' },
  organiserKind: { ja: '実施主体', en: 'Organisers' },
  wardCodes: { ja: '特別区', en: 'Wards' },
  partnerCodes: { ja: '相手の自治体', en: 'Partners' },
  partnerGroupIds: { ja: '相手の広域グループ', en: 'Partner groups' },
  formerNames: { ja: '締結時の旧名称', en: 'Former names' },
  signedOn: { ja: '締結日', en: 'Signed on' },
  signedOnPrecision: { ja: '締結日の精度', en: 'Precision of the signing date' },
  resignedDates: { ja: '再締結日・改定日', en: 'Re-signed on' },
  endedOn: { ja: '終了日', en: 'Ended on' },
  startsOn: { ja: '開始日', en: 'Starts on' },
  endsOn: { ja: '終了日', en: 'Ends on' },
  format: { ja: '実施形式', en: 'Format' },
  status: { ja: '状況', en: 'Status' },
  background: { ja: 'きっかけ', en: 'Background' },
  newsUrl: { ja: 'お知らせのアドレス', en: 'News address' },
  sourceUrl: { ja: '出典のアドレス', en: 'Source address' },
  notes: { ja: '備考', en: 'Notes' },
  provenance: { ja: '記録の出所', en: 'Provenance' },
};

const keyOrderList = Object.keys(keyLabels);
function keyOrder(key: string): number {
  const i = keyOrderList.indexOf(key);
  return i === -1 ? keyOrderList.length : i;
}

/** The field's name as its form calls it (a project's title is its 事業名). */
function keyLabel(ctx: PageContext, entity: WritableEntity, key: string): string {
  if (entity === 'project' && key === 'title') return ctx.t('事業名', 'Title');
  if (entity === 'project' && key === 'partnerCodes') return ctx.t('連携自治体', 'Partner municipalities');
  if (entity === 'project' && key === 'wardCodes') return ctx.t('実施する特別区', 'Organising wards');
  const label = keyLabels[key];
  return label ? ctx.tFormat(label.ja, label.en) : key;
}

const actionLabels = {
  create: { ja: '登録', en: 'Created' },
  update: { ja: '更新', en: 'Updated' },
  delete: { ja: '削除', en: 'Deleted' },
  restore: { ja: '復元', en: 'Restored' },
  import: { ja: '取り込み', en: 'Imported' },
} as const;

const provenanceLabels: Record<string, { ja: string; en: string }> = {
  seed: { ja: '初期データ（出典あり）', en: 'Seed (sourced)' },
  entry: { ja: '画面から入力', en: 'Entered' },
  import: { ja: 'ファイルの取り込み', en: 'Imported' },
  sample: { ja: 'サンプル', en: 'Sample' },
  synthetic: { ja: '試験用', en: 'Synthetic' },
};

/** A snapshot value in words: names for codes, labels for vocabularies, dates in Japanese. */
export function historyValue(ctx: PageContext, key: string, value: unknown, labels: HistoryLabels, snapshot: Record<string, unknown> | null): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  const codeName = (c: string) => {
    const n = labels.names.get(c);
    return n ? `${n}（${c}）` : c;
  };
  const list = (items: string[]) => items.join(ctx.lang === 'en' ? ', ' : '、');
  switch (key) {
    case 'wardCodes':
    case 'partnerCodes':
      return list((value as string[]).map(codeName));
    case 'partnerGroupIds':
      return list((value as string[]).map((g) => labels.groups.get(g) ?? g));
    case 'typeId': {
      const t = labels.types.get(String(value));
      return t ? ctx.tFormat(t.name, t.nameEn || t.name) : String(value);
    }
    case 'formerNames':
      return list(Object.entries(value as Record<string, string>).map(([c, n]) => `${codeName(c)}: ${n}`));
    case 'signedOn':
      return formatRecordDate(ctx, String(value), String(snapshot?.signedOnPrecision ?? 'day'));
    case 'endedOn':
    case 'startsOn':
    case 'endsOn':
      return formatRecordDate(ctx, String(value));
    case 'resignedDates':
      return list((value as string[]).map((d) => formatRecordDate(ctx, d)));
    case 'signedOnPrecision': {
      const p = precisionLabels[value as keyof typeof precisionLabels];
      return p ? ctx.tFormat(p.ja, p.en) : String(value);
    }
    case 'fiscalYear':
      return formatFiscalYearText(ctx, Number(value));
    case 'field':
      return fieldName(ctx, Number(value));
    case 'organiserKind': {
      const o = organiserLabels[value as keyof typeof organiserLabels];
      return o ? ctx.tFormat(o.ja, o.en) : String(value);
    }
    case 'format': {
      const f = formatLabels[value as keyof typeof formatLabels];
      return f ? ctx.tFormat(f.ja, f.en) : String(value);
    }
    case 'status':
      return statusLabel(ctx, String(value));
    case 'provenance': {
      const p = provenanceLabels[String(value)];
      return p ? ctx.tFormat(p.ja, p.en) : String(value);
    }
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

export interface HistoryPageProps {
  ctx: PageContext;
  entity: WritableEntity;
  id: string;
  title: string;
  deleted: boolean;
  changes: RecordChangeView[];
  labels: HistoryLabels;
}

export function HistoryPage({ ctx, entity, id, title, deleted, changes, labels }: HistoryPageProps): JSX.Element {
  const e = entityLabels[entity];
  const pageTitle = ctx.tFormat(`変更履歴：${title}`, `History: ${title}`);
  const base = `/registry/${entity === 'agreement' ? 'agreements' : 'projects'}/${encodeURIComponent(id)}`;
  return (
    <RegistryLayout ctx={ctx} title={pageTitle} current={entity === 'agreement' ? 'agreements' : 'projects'} parents={[{ href: e.list, label: ctx.tFormat(e.listJa, e.listEn) }]}>
      {deleted ? (
        <p class="rk-note">
          {ctx.t('この記録は削除されています。「削除した記録」から元に戻せます。', 'This record is deleted. It can be restored from “Deleted records”.')}{' '}
          <a href="/registry/deleted">{ctx.t('削除した記録', 'Deleted records')}</a>
        </p>
      ) : (
        <p>
          <a href={`${base}/edit`}>{ctx.t('この記録を編集する', 'Edit this record')}</a>
        </p>
      )}
      {changes.length === 0 ? <p>{ctx.t('変更の記録はまだありません。', 'No changes recorded yet.')}</p> : ''}
      {changes.map((c, i) => {
        const rows =
          c.action === 'delete' || c.action === 'restore'
            ? []
            : changedKeys(c.before, c.after)
                .filter((k) => k !== 'id')
                .sort((a, b) => keyOrder(a) - keyOrder(b))
                .map((k) => ({ key: k, before: historyValue(ctx, k, c.before?.[k], labels, c.before), after: historyValue(ctx, k, c.after?.[k], labels, c.after) }))
                // A new record's empty fields are not changes worth a row.
                .filter((r) => r.before !== r.after);
        const headingId = `change-${i + 1}`;
        const action = actionLabels[c.action];
        return (
          <section class="rk-section rk-change" aria-labelledby={headingId}>
            <h2 class="rk-heading-2" id={headingId}>
              <span safe>{ctx.tFormat(`${action.ja}：`, `${action.en}: `)}</span>
              <span class="rk-change__meta" safe>
                {ctx.tFormat(`${formatDateTime(ctx, c.occurredAt)}（${c.actorName ?? 'システム・取り込み'}）`, `${formatDateTime(ctx, c.occurredAt)} (${c.actorName ?? 'system or import'})`)}
              </span>
            </h2>
            {c.action === 'delete' ? (
              <p>{ctx.t('記録を削除しました（内容は削除前のまま保存されています）。', 'The record was deleted (its content is kept as it was).')}</p>
            ) : c.action === 'restore' ? (
              <p>{ctx.t('削除した記録を元に戻しました。', 'The deleted record was restored.')}</p>
            ) : rows.length === 0 ? (
              <p>{ctx.t('内容に変更はありませんでした。', 'Nothing changed.')}</p>
            ) : (
              <div class="rk-table-wrap">
                <table class="rk-table">
                  <caption class="rk-visually-hidden" safe>
                    {ctx.tFormat(`${action.ja}の変更前と変更後`, `${action.en}: before and after`)}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{ctx.t('項目', 'Field')}</th>
                      <th scope="col">{ctx.t('変更前', 'Before')}</th>
                      <th scope="col">{ctx.t('変更後', 'After')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr data-key={r.key}>
                        <th scope="row" safe>
                          {keyLabel(ctx, entity, r.key)}
                        </th>
                        <td class="rk-change__before" safe>
                          {r.before}
                        </td>
                        <td class="rk-change__after" safe>
                          {r.after}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}
    </RegistryLayout>
  );
}

// ---------------------------------------------------------------------------------------------
// Deleted records

export interface DeletedPageProps {
  ctx: PageContext;
  wardName: string | null;
  agreements: AgreementListItem[];
  projects: ProjectListItem[];
  notice?: NoticeKey;
}

function RestoreForm({ ctx, entity, id, title }: { ctx: PageContext; entity: WritableEntity; id: string; title: string }): JSX.Element {
  return (
    <form action={`/registry/${entity === 'agreement' ? 'agreements' : 'projects'}/${encodeURIComponent(id)}/restore`} method="post">
      <CsrfField ctx={ctx} />
      <button class="rk-button rk-button--secondary" type="submit">
        {ctx.t('元に戻す', 'Restore')}
        <span class="rk-visually-hidden" safe>
          {ctx.tFormat(`（${title}）`, ` (${title})`)}
        </span>
      </button>
    </form>
  );
}

export function DeletedPage({ ctx, wardName, agreements, projects, notice }: DeletedPageProps): JSX.Element {
  const title = ctx.t('削除した記録', 'Deleted records');
  return (
    <RegistryLayout ctx={ctx} title={title} current="deleted">
      <SuccessNotice message={noticeText(ctx, notice)} />
      <p safe>{scopeText(ctx, wardName)}</p>
      <h2 class="rk-heading-2">{ctx.t('協定', 'Agreements')}</h2>
      {agreements.length === 0 ? (
        <p>
          <Muted>{ctx.t('削除した協定はありません。', 'No deleted agreements.')}</Muted>
        </p>
      ) : (
        <div class="rk-table-wrap">
          <table class="rk-table">
            <caption class="rk-visually-hidden">{ctx.t('削除した協定', 'Deleted agreements')}</caption>
            <thead>
              <tr>
                <th scope="col">{ctx.t('名称', 'Title')}</th>
                <th scope="col">{ctx.t('特別区', 'Wards')}</th>
                <th scope="col">{ctx.t('削除した日時', 'Deleted at')}</th>
                <th scope="col">{ctx.t('操作', 'Actions')}</th>
              </tr>
            </thead>
            <tbody>
              {agreements.map((a) => (
                <tr>
                  <td>
                    <a href={`/registry/agreements/${encodeURIComponent(a.id)}/history`} safe>
                      {a.title}
                    </a>
                  </td>
                  <td safe>{joinedNames(ctx, a.wards)}</td>
                  <td>{a.deletedAt ? formatDateTime(ctx, a.deletedAt) : '—'}</td>
                  <td>
                    <RestoreForm ctx={ctx} entity="agreement" id={a.id} title={a.title} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 class="rk-heading-2">{ctx.t('連携事業', 'Projects')}</h2>
      {projects.length === 0 ? (
        <p>
          <Muted>{ctx.t('削除した連携事業はありません。', 'No deleted projects.')}</Muted>
        </p>
      ) : (
        <div class="rk-table-wrap">
          <table class="rk-table">
            <caption class="rk-visually-hidden">{ctx.t('削除した連携事業', 'Deleted projects')}</caption>
            <thead>
              <tr>
                <th scope="col">{ctx.t('事業名', 'Title')}</th>
                <th scope="col">{ctx.t('実施主体', 'Organisers')}</th>
                <th scope="col">{ctx.t('削除した日時', 'Deleted at')}</th>
                <th scope="col">{ctx.t('操作', 'Actions')}</th>
              </tr>
            </thead>
            <tbody>
              {projects.map((p) => (
                <tr>
                  <td>
                    <a href={`/registry/projects/${encodeURIComponent(p.id)}/history`} safe>
                      {p.title}
                    </a>
                  </td>
                  <td safe>{organiserText(ctx, p)}</td>
                  <td>{p.deletedAt ? formatDateTime(ctx, p.deletedAt) : '—'}</td>
                  <td>
                    <RestoreForm ctx={ctx} entity="project" id={p.id} title={p.title} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </RegistryLayout>
  );
}
