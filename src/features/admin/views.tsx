// The secretariat's pages: pure functions of the data the routes loaded.
import type { Children } from '@kitajs/html';
import type { AccountStatus, NotificationFrequency, Role } from '../../db/schema.ts';
import type { PageContext } from '../../views/context.ts';
import { ErrorSummary, FieldErrorMessage, type FieldError } from '../../views/components/error-summary.tsx';
import { CsrfField, SuccessNotice, TextField } from '../../views/components/form-fields.tsx';
import { pageCount, Pagination, resultRangeText } from '../../views/components/pagination.tsx';
import { formatCount, formatDate, formatDateTime } from '../../views/format.ts';
import { Layout } from '../../views/layout.tsx';
import {
  accountFilterHref,
  auditActionLabel,
  auditActionLabels,
  auditActions,
  auditFilterHref,
  roleLabel,
  roles,
  statusLabel,
  statuses,
  type AccountFilter,
  type AccountFilterInput,
  type AuditFilter,
  type AuditFilterInput,
  type MailDomainInput,
} from './form.ts';
import {
  accountsPageSize,
  auditPageSize,
  type AccountDetail,
  type AccountListItem,
  type Application,
  type AuditEntry,
  type DashboardSummary,
  type LocalGovernmentRef,
  type MailDomainEntry,
} from './queries.ts';

// ---------------------------------------------------------------------------------------------
// Shared pieces

export const notices = {
  approved: { ja: '申請を承認し、申請者にメールで通知しました。', en: 'The application was approved and the applicant notified by email.' },
  approvedMailFailed: {
    ja: '申請を承認しました。ただし通知メールを送信できませんでした。申請者に別の方法でお知らせください。',
    en: 'The application was approved, but the notification email could not be sent. Please tell the applicant another way.',
  },
  rejected: { ja: '申請を却下し、申請者に理由をメールで通知しました。', en: 'The application was rejected and the applicant told the reason by email.' },
  rejectedMailFailed: {
    ja: '申請を却下しました。ただし通知メールを送信できませんでした。申請者に別の方法でお知らせください。',
    en: 'The application was rejected, but the notification email could not be sent. Please tell the applicant another way.',
  },
  disabled: { ja: 'アカウントを無効にしました。このアカウントのログイン中のセッションはすべて終了しました。', en: 'The account was disabled and all its sessions ended.' },
  enabled: { ja: 'アカウントを有効にしました。', en: 'The account was enabled.' },
  roleChanged: { ja: '役割を変更しました。', en: 'The role was changed.' },
  roleUnchanged: { ja: '役割は変更されていません（同じ役割が選ばれました）。', en: 'The role is unchanged (the same role was chosen).' },
  domainAdded: { ja: 'メールドメインを許可リストに追加しました。', en: 'The mail domain was added to the allowlist.' },
  domainRemoved: { ja: 'メールドメインを許可リストから削除しました。', en: 'The mail domain was removed from the allowlist.' },
} as const;
export type NoticeKey = keyof typeof notices;

export function isNoticeKey(value: unknown): value is NoticeKey {
  return typeof value === 'string' && Object.hasOwn(notices, value);
}

function noticeText(ctx: PageContext, key: NoticeKey | undefined): string | undefined {
  return key ? ctx.t(notices[key].ja, notices[key].en) : undefined;
}

const dateTime = formatDateTime;

function optionalDateTime(ctx: PageContext, iso: string | null): string {
  return iso ? dateTime(ctx, iso) : ctx.t('—', '—');
}

export type AdminSection = 'dashboard' | 'approvals' | 'accounts' | 'mail-domains' | 'audit' | 'registry' | 'import';

interface AdminLayoutProps {
  ctx: PageContext;
  title: string;
  current: AdminSection;
  /** Pages between 事務局 and this one (e.g. the account list above an account). */
  parents?: Array<{ href: string; label: string }>;
  hasErrors?: boolean;
  children?: Children;
}

function AdminLayout({ ctx, title, current, parents = [], hasErrors = false, children }: AdminLayoutProps): JSX.Element {
  const home = { href: '/', label: ctx.t('トップ', 'Home') };
  const admin = ctx.t('事務局', 'Secretariat');
  const crumbs = current === 'dashboard' && parents.length === 0 ? [home, { label: admin }] : [home, { href: '/admin', label: admin }, ...parents, { label: title }];
  const items: Array<{ id: AdminSection; href: string; label: string }> = [
    { id: 'dashboard', href: '/admin', label: ctx.t('事務局トップ', 'Overview') },
    { id: 'approvals', href: '/admin/approvals', label: ctx.t('承認待ちの申請', 'Applications') },
    { id: 'accounts', href: '/admin/accounts', label: ctx.t('アカウント', 'Accounts') },
    { id: 'mail-domains', href: '/admin/mail-domains', label: ctx.t('メールドメイン許可リスト', 'Mail domains') },
    { id: 'audit', href: '/admin/audit', label: ctx.t('監査ログ', 'Audit log') },
    { id: 'registry', href: '/registry', label: ctx.t('連携記録の管理', 'Collaboration records') },
    { id: 'import', href: '/admin/registry/import', label: ctx.t('協定・連携事業の取り込み', 'Import') },
  ];
  return (
    <Layout ctx={ctx} title={hasErrors ? ctx.tFormat(`エラー：${title}`, `Error: ${title}`) : title} section="none" breadcrumbs={crumbs}>
      <nav class="rk-section" aria-label={ctx.t('事務局メニュー', 'Secretariat menu')}>
        <ul class="rk-admin-nav">
          {items.map((item) => (
            <li>
              <a href={item.href} aria-current={item.id === current && parents.length === 0 ? 'page' : undefined} safe>
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

function LocalGovernmentText({ ctx, government }: { ctx: PageContext; government: LocalGovernmentRef | null }): JSX.Element {
  if (!government) return <span class="rk-muted">{ctx.t('なし', 'None')}</span>;
  return (
    <>
      <span safe>{government.name}</span>
      {government.prefectureName && government.prefectureName !== government.name ? (
        <span safe>{ctx.tFormat(`（${government.prefectureName}）`, ` (${government.prefectureName})`)}</span>
      ) : (
        ''
      )}{' '}
      <span class="rk-table__code" safe>
        {government.code}
      </span>
      {government.isWard ? <span class="rk-badge">{ctx.t('区職員', 'Ward staff')}</span> : ''}
    </>
  );
}

function describedBy(id: string, hint: boolean, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function errorOf(errors: FieldError[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}

export function AuditTable({ ctx, items, caption }: { ctx: PageContext; items: AuditEntry[]; caption: string }): JSX.Element {
  return (
    <div class="rk-table-wrap">
      <table class="rk-table">
        <caption class="rk-visually-hidden" safe>
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{ctx.t('日時', 'Date and time')}</th>
            <th scope="col">{ctx.t('操作', 'Action')}</th>
            <th scope="col">{ctx.t('実行者', 'By')}</th>
            <th scope="col">{ctx.t('対象', 'Target')}</th>
            <th scope="col">{ctx.t('IPアドレス', 'IP address')}</th>
            <th scope="col">{ctx.t('詳細', 'Details')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr>
              <td safe>{dateTime(ctx, e.occurredAt)}</td>
              <td data-action={e.action} safe>
                {auditActionLabel(ctx, e.action)}
              </td>
              <td>
                {e.actorEmail ? (
                  <a href={`/admin/accounts/${encodeURIComponent(e.actorId ?? '')}`} safe>
                    {e.actorEmail}
                  </a>
                ) : e.actorId ? (
                  <span class="rk-muted" safe>
                    {e.actorId}
                  </span>
                ) : (
                  <span class="rk-muted">{ctx.t('（未ログイン・システム）', '(not signed in / system)')}</span>
                )}
              </td>
              <td>
                {e.targetEmail && e.targetId ? (
                  <a href={`/admin/accounts/${encodeURIComponent(e.targetId)}`} safe>
                    {e.targetEmail}
                  </a>
                ) : e.targetType ? (
                  <span safe>{`${e.targetType}: ${e.targetId ?? ''}`}</span>
                ) : (
                  <span class="rk-muted">{ctx.t('—', '—')}</span>
                )}
              </td>
              <td class="rk-table__code" safe>
                {e.ip || '—'}
              </td>
              <td>
                {e.detail.length === 0 ? (
                  <span class="rk-muted">{ctx.t('—', '—')}</span>
                ) : (
                  e.detail.map(([key, value]) => <div safe>{`${key}: ${value}`}</div>)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// GET /admin

export function DashboardPage({ ctx, summary }: { ctx: PageContext; summary: DashboardSummary }): JSX.Element {
  const columns: AccountStatus[] = ['pending_approval', 'active', 'disabled', 'rejected', 'pending_email'];
  const roleOrder: Role[] = ['member', 'ward_staff', 'secretariat'];
  const total = (role: Role) => columns.reduce((n, s) => n + summary.accounts[role][s], 0);
  return (
    <AdminLayout ctx={ctx} title={ctx.t('事務局トップ', 'Secretariat')} current="dashboard">
      <section class="rk-section" aria-labelledby="pending-title">
        <h2 id="pending-title" class="rk-heading-2">
          {ctx.t('承認待ちの申請', 'Applications awaiting approval')}
        </h2>
        <p>
          {summary.pendingApprovals === 0 ? (
            ctx.t('承認待ちの申請はありません。', 'No application is waiting.')
          ) : (
            <a href="/admin/approvals" safe>
              {ctx.tFormat(`承認待ちの申請が${formatCount(summary.pendingApprovals)}件あります`, `${formatCount(summary.pendingApprovals)} application(s) waiting`)}
            </a>
          )}
        </p>
      </section>
      <section class="rk-section" aria-labelledby="accounts-title">
        <h2 id="accounts-title" class="rk-heading-2">
          {ctx.t('アカウント数', 'Accounts')}
        </h2>
        <div class="rk-table-wrap">
          <table class="rk-table">
            <caption class="rk-visually-hidden">{ctx.t('役割・状態別のアカウント数', 'Accounts by role and status')}</caption>
            <thead>
              <tr>
                <th scope="col">{ctx.t('役割', 'Role')}</th>
                {columns.map((s) => (
                  <th scope="col" safe>
                    {statusLabel(ctx, s)}
                  </th>
                ))}
                <th scope="col">{ctx.t('合計', 'Total')}</th>
              </tr>
            </thead>
            <tbody>
              {roleOrder.map((role) => (
                <tr>
                  <th scope="row" safe>
                    {roleLabel(ctx, role)}
                  </th>
                  {columns.map((status) => (
                    <td>
                      <a href={accountFilterHref({ role, status })} safe>
                        {formatCount(summary.accounts[role][status])}
                      </a>
                    </td>
                  ))}
                  <td>
                    <a href={accountFilterHref({ role })} safe>
                      {formatCount(total(role))}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section class="rk-section" aria-labelledby="members-title">
        <h2 id="members-title" class="rk-heading-2">
          {ctx.t('会員登録自治体', 'Member municipalities')}
        </h2>
        <p safe>
          {ctx.tFormat(`会員登録自治体は${formatCount(summary.registeredMembers)}団体です。`, `${formatCount(summary.registeredMembers)} registered member municipalities.`)}
        </p>
      </section>
      <section class="rk-section" aria-labelledby="latest-title">
        <h2 id="latest-title" class="rk-heading-2">
          {ctx.t('最近の記録', 'Latest events')}
        </h2>
        {summary.latestEvents.length === 0 ? (
          <p>{ctx.t('記録はまだありません。', 'Nothing recorded yet.')}</p>
        ) : (
          <AuditTable ctx={ctx} items={summary.latestEvents} caption={ctx.t('監査ログの最新10件', 'The 10 latest audit events')} />
        )}
        <p>
          <a class="rk-link-arrow" href="/admin/audit">
            {ctx.t('監査ログをすべて見る', 'The whole audit log')}
          </a>
        </p>
      </section>
    </AdminLayout>
  );
}

// ---------------------------------------------------------------------------------------------
// GET /admin/approvals

export interface ApprovalsPageProps {
  ctx: PageContext;
  applications: Application[];
  notice?: NoticeKey;
  errors?: FieldError[];
  /** The rejection form that failed, with what was typed. */
  rejection?: { id: string; reason: string };
}

export function ApprovalsPage({ ctx, applications, notice, errors = [], rejection }: ApprovalsPageProps): JSX.Element {
  return (
    <AdminLayout ctx={ctx} title={ctx.t('承認待ちの申請', 'Applications awaiting approval')} current="approvals" hasErrors={errors.length > 0}>
      <SuccessNotice message={noticeText(ctx, notice)} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="rk-lead">
        {ctx.t(
          'メールアドレスの確認を終えた申請です（申請の古い順）。所属自治体と登録済みメールドメインを確かめてから、承認または却下してください。結果は申請者にメールで通知されます。',
          'Applications whose email address is confirmed, oldest first. Check the local government and the mail domain, then approve or reject. The applicant is told by email.',
        )}
      </p>
      {applications.length === 0 ? (
        <p role="status">{ctx.t('承認待ちの申請はありません。', 'No application is waiting.')}</p>
      ) : (
        <p role="status" safe>
          {ctx.tFormat(`${formatCount(applications.length)}件の申請が承認を待っています。`, `${formatCount(applications.length)} application(s) waiting.`)}
        </p>
      )}
      {applications.map((a) => (
        <ApplicationSection ctx={ctx} application={a} error={errorOf(errors, `reason-${a.id}`)} reason={rejection?.id === a.id ? rejection.reason : ''} />
      ))}
    </AdminLayout>
  );
}

function ApplicationSection({ ctx, application: a, error, reason }: { ctx: PageContext; application: Application; error?: string; reason: string }): JSX.Element {
  const headingId = `application-${a.id}`;
  const reasonId = `reason-${a.id}`;
  return (
    <section class="rk-section" aria-labelledby={headingId}>
      <h2 id={headingId} class="rk-heading-2" safe>
        {ctx.tFormat(`${a.fullName}（${a.displayName}）`, `${a.fullName} (${a.displayName})`)}
      </h2>
      <dl class="rk-facts">
        <div class="rk-facts__row">
          <dt>{ctx.t('申請日時', 'Applied')}</dt>
          <dd safe>{dateTime(ctx, a.appliedAt)}</dd>
        </div>
        <div class="rk-facts__row">
          <dt>{ctx.t('所属自治体', 'Local government')}</dt>
          <dd>
            <LocalGovernmentText ctx={ctx} government={a.localGovernment} />
          </dd>
        </div>
        <div class="rk-facts__row">
          <dt>{ctx.t('部署', 'Department')}</dt>
          <dd safe>{a.department}</dd>
        </div>
        <div class="rk-facts__row">
          <dt>{ctx.t('氏名', 'Name')}</dt>
          <dd safe>{a.fullName}</dd>
        </div>
        <div class="rk-facts__row">
          <dt>{ctx.t('フリガナ', 'Reading')}</dt>
          <dd safe>{a.fullNameKana}</dd>
        </div>
        <div class="rk-facts__row">
          <dt>{ctx.t('表示名', 'Display name')}</dt>
          <dd safe>{a.displayName}</dd>
        </div>
        <div class="rk-facts__row">
          <dt>{ctx.t('メールアドレス', 'Email')}</dt>
          <dd safe>{a.email}</dd>
        </div>
        <div class="rk-facts__row">
          <dt>{ctx.t('電話番号', 'Phone')}</dt>
          <dd safe>{a.phone}</dd>
        </div>
        <div class="rk-facts__row">
          <dt>{ctx.t('メールドメイン', 'Mail domain')}</dt>
          <dd>
            {a.domainMatches ? (
              <strong>{ctx.t('登録済みドメインと一致', 'Matches a registered domain')}</strong>
            ) : (
              <strong>{ctx.t('一致するドメインなし（要確認）', 'No matching domain (check)')}</strong>
            )}
            {a.allowedDomains.length > 0 ? (
              <span class="rk-muted" safe>
                {ctx.tFormat(`（この自治体の登録済みドメイン：${a.allowedDomains.join('、')}）`, ` (registered for this local government: ${a.allowedDomains.join(', ')})`)}
              </span>
            ) : (
              <span class="rk-muted">{ctx.t('（この自治体のドメインは未登録）', ' (no domain registered for this local government)')}</span>
            )}
          </dd>
        </div>
      </dl>
      <form class="rk-actions" action={`/admin/approvals/${encodeURIComponent(a.id)}/approve`} method="post">
        <CsrfField ctx={ctx} />
        <button class="rk-button" type="submit">
          {ctx.t('承認する', 'Approve')}
          <span class="rk-visually-hidden" safe>
            {ctx.tFormat(`（${a.fullName}）`, ` (${a.fullName})`)}
          </span>
        </button>
      </form>
      <form class="rk-form rk-filter" action={`/admin/approvals/${encodeURIComponent(a.id)}/reject`} method="post">
        <CsrfField ctx={ctx} />
        <div class="rk-field">
          <label class="rk-label" for={reasonId}>
            {ctx.t('却下の理由', 'Reason for rejection')}
            <span class="rk-required">{ctx.t('必須', 'Required')}</span>
          </label>
          <p id={`${reasonId}-hint`} class="rk-hint">
            {ctx.t('却下する場合に入力します。申請者へのメールにそのまま記載されます（1000文字以内）。', 'Needed to reject. It is sent to the applicant as written (up to 1,000 characters).')}
          </p>
          <FieldErrorMessage ctx={ctx} id={reasonId} message={error} />
          <textarea
            id={reasonId}
            class="rk-input"
            name="reason"
            rows="3"
            maxlength="1000"
            aria-describedby={describedBy(reasonId, true, error)}
            aria-invalid={error ? 'true' : undefined}
            safe
          >
            {reason}
          </textarea>
        </div>
        <div class="rk-actions">
          <button class="rk-button rk-button--danger" type="submit">
            {ctx.t('却下する', 'Reject')}
            <span class="rk-visually-hidden" safe>
              {ctx.tFormat(`（${a.fullName}）`, ` (${a.fullName})`)}
            </span>
          </button>
        </div>
      </form>
    </section>
  );
}

/** A decision that cannot be made (already decided, wrong state): 409, with a way back. */
export function ConflictPage(p: { ctx: PageContext; current: AdminSection; message: string; back: { href: string; label: string } }): JSX.Element {
  const { ctx, message, back } = p;
  return (
    <AdminLayout ctx={ctx} title={ctx.t('この操作は行えません', 'This cannot be done')} current={p.current} parents={[back]}>
      <p class="rk-lead" safe>
        {message}
      </p>
      <p>
        <a href={back.href} safe>
          {back.label}
        </a>
      </p>
    </AdminLayout>
  );
}

// ---------------------------------------------------------------------------------------------
// GET /admin/accounts

export interface AccountListPageProps {
  ctx: PageContext;
  input: AccountFilterInput;
  errors: FieldError[];
  result?: { filter: AccountFilter; total: number; items: AccountListItem[] };
}

export function AccountListPage({ ctx, input, errors, result }: AccountListPageProps): JSX.Element {
  const qError = errorOf(errors, 'filter-q');
  const roleError = errorOf(errors, 'filter-role');
  const statusError = errorOf(errors, 'filter-status');
  const pageError = errorOf(errors, 'filter-page');
  return (
    <AdminLayout ctx={ctx} title={ctx.t('アカウント', 'Accounts')} current="accounts" hasErrors={errors.length > 0}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form class="rk-filter" action="/admin/accounts" method="get" role="search" aria-label={ctx.t('アカウントの検索', 'Search accounts')}>
        <div class="rk-field">
          <label class="rk-label" for="filter-q">
            {ctx.t('キーワード', 'Keywords')}
          </label>
          <p id="filter-q-hint" class="rk-hint">
            {ctx.t('メールアドレス、氏名、フリガナ、表示名、自治体名または団体コード。', 'Email, name, reading, display name, local government name or code.')}
          </p>
          <FieldErrorMessage ctx={ctx} id="filter-q" message={qError} />
          <input
            id="filter-q"
            class="rk-input"
            type="search"
            name="q"
            value={input.q}
            maxlength="200"
            aria-describedby={describedBy('filter-q', true, qError)}
            aria-invalid={qError ? 'true' : undefined}
          />
        </div>
        <div class="rk-filter__row">
          <div class="rk-field">
            <label class="rk-label" for="filter-role">
              {ctx.t('役割', 'Role')}
            </label>
            <FieldErrorMessage ctx={ctx} id="filter-role" message={roleError} />
            <select id="filter-role" class="rk-select" name="role" aria-describedby={describedBy('filter-role', false, roleError)} aria-invalid={roleError ? 'true' : undefined}>
              <option value="">{ctx.t('すべて', 'All')}</option>
              {roles.map((r) => (
                <option value={r} selected={r === input.role} safe>
                  {roleLabel(ctx, r)}
                </option>
              ))}
            </select>
          </div>
          <div class="rk-field">
            <label class="rk-label" for="filter-status">
              {ctx.t('状態', 'Status')}
            </label>
            <FieldErrorMessage ctx={ctx} id="filter-status" message={statusError} />
            <select
              id="filter-status"
              class="rk-select"
              name="status"
              aria-describedby={describedBy('filter-status', false, statusError)}
              aria-invalid={statusError ? 'true' : undefined}
            >
              <option value="">{ctx.t('すべて', 'All')}</option>
              {statuses.map((s) => (
                <option value={s} selected={s === input.status} safe>
                  {statusLabel(ctx, s)}
                </option>
              ))}
            </select>
          </div>
        </div>
        {pageError ? (
          <div id="filter-page" tabindex="-1">
            <FieldErrorMessage ctx={ctx} id="filter-page" message={pageError} />
          </div>
        ) : (
          ''
        )}
        <div class="rk-filter__actions">
          <button class="rk-button" type="submit">
            {ctx.t('この条件で表示', 'Apply')}
          </button>
          <a class="rk-button rk-button--secondary" href="/admin/accounts">
            {ctx.t('条件をクリア', 'Clear')}
          </a>
        </div>
      </form>
      {result ? <AccountResults ctx={ctx} result={result} /> : ''}
    </AdminLayout>
  );
}

function AccountResults({ ctx, result }: { ctx: PageContext; result: NonNullable<AccountListPageProps['result']> }): JSX.Element {
  const { filter, total, items } = result;
  const pages = pageCount(total, accountsPageSize);
  const status = resultRangeText(ctx, total, filter.page, accountsPageSize, ctx.t('条件に合うアカウントはありません。', 'No account matches.'));
  return (
    <section class="rk-section" aria-labelledby="results-title">
      <h2 id="results-title" class="rk-heading-2">
        {ctx.t('検索結果', 'Results')}
      </h2>
      <p class="rk-result-count" role="status" safe>
        {status}
      </p>
      {items.length > 0 ? (
        <div class="rk-table-wrap">
          <table class="rk-table">
            <caption class="rk-visually-hidden">{ctx.t('アカウントの一覧', 'List of accounts')}</caption>
            <thead>
              <tr>
                <th scope="col">{ctx.t('表示名・氏名', 'Display name, name')}</th>
                <th scope="col">{ctx.t('メールアドレス', 'Email')}</th>
                <th scope="col">{ctx.t('所属自治体', 'Local government')}</th>
                <th scope="col">{ctx.t('役割', 'Role')}</th>
                <th scope="col">{ctx.t('状態', 'Status')}</th>
                <th scope="col">{ctx.t('登録日', 'Registered')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr>
                  <td>
                    <a href={`/admin/accounts/${encodeURIComponent(a.id)}`} safe>
                      {a.displayName}
                    </a>
                    {a.isSample ? <span class="rk-badge">{ctx.t('サンプル', 'Sample')}</span> : ''}
                    <div class="rk-muted" safe>
                      {a.fullName}
                    </div>
                  </td>
                  <td safe>{a.email}</td>
                  <td>
                    <LocalGovernmentText ctx={ctx} government={a.localGovernment} />
                  </td>
                  <td safe>{roleLabel(ctx, a.role)}</td>
                  <td safe>{statusLabel(ctx, a.status)}</td>
                  <td safe>{formatDate(ctx, a.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        ''
      )}
      <Pagination ctx={ctx} page={filter.page} pages={pages} hrefFor={(p) => accountFilterHref({ ...filter, page: p })} />
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// GET /admin/accounts/:id

const frequencyLabels = {
  immediate: { ja: 'すぐに', en: 'Immediately' },
  daily: { ja: '1日1回', en: 'Daily' },
  weekly: { ja: '週1回', en: 'Weekly' },
  none: { ja: '受け取らない', en: 'Never' },
} as const satisfies Record<NotificationFrequency, { ja: string; en: string }>;

export interface AccountPageProps {
  ctx: PageContext;
  account: AccountDetail;
  isSelf: boolean;
  notice?: NoticeKey;
  errors?: FieldError[];
  input?: { reason?: string; role?: string };
}

export function AccountPage({ ctx, account: a, isSelf, notice, errors = [], input = {} }: AccountPageProps): JSX.Element {
  const base = `/admin/accounts/${encodeURIComponent(a.id)}`;
  const roleError = errorOf(errors, 'role');
  const reasonError = errorOf(errors, 'disable-reason');
  const selfError = errorOf(errors, 'account-actions');
  const decided = a.status === 'active' || a.status === 'disabled';
  const row = (label: string, value: string) => (
    <div class="rk-facts__row">
      <dt safe>{label}</dt>
      <dd safe>{value}</dd>
    </div>
  );
  return (
    <AdminLayout
      ctx={ctx}
      title={a.displayName}
      current="accounts"
      parents={[{ href: '/admin/accounts', label: ctx.t('アカウント', 'Accounts') }]}
      hasErrors={errors.length > 0}
    >
      <SuccessNotice message={noticeText(ctx, notice)} />
      <ErrorSummary ctx={ctx} errors={errors} />
      {a.isSample ? (
        <p class="rk-note">{ctx.t('これは開発・デモ用のサンプルアカウントです。', 'This is a sample account for development and demonstrations.')}</p>
      ) : (
        ''
      )}
      <dl class="rk-facts">
        {row(ctx.t('メールアドレス', 'Email'), a.email)}
        {row(ctx.t('役割', 'Role'), roleLabel(ctx, a.role))}
        {row(ctx.t('状態', 'Status'), statusLabel(ctx, a.status))}
        <div class="rk-facts__row">
          <dt>{ctx.t('所属自治体', 'Local government')}</dt>
          <dd>
            <LocalGovernmentText ctx={ctx} government={a.localGovernment} />
          </dd>
        </div>
        {row(ctx.t('部署', 'Department'), a.department || '—')}
        {row(ctx.t('氏名', 'Name'), a.fullName)}
        {row(ctx.t('フリガナ', 'Reading'), a.fullNameKana)}
        {row(ctx.t('表示名', 'Display name'), a.displayName)}
        {row(ctx.t('電話番号', 'Phone'), a.phone || '—')}
        {row(ctx.t('2段階認証', 'Two-factor authentication'), a.twoFactorEnabledAt ? ctx.tFormat(`設定済み（${dateTime(ctx, a.twoFactorEnabledAt)}）`, `On (since ${dateTime(ctx, a.twoFactorEnabledAt)})`) : ctx.t('未設定', 'Off'))}
        {row(ctx.t('ログイン中のセッション', 'Live sessions'), ctx.tFormat(`${formatCount(a.liveSessions)}件`, formatCount(a.liveSessions)))}
        {row(
          ctx.t('最後のログイン', 'Last sign-in'),
          a.lastSignIn ? ctx.tFormat(`${dateTime(ctx, a.lastSignIn.at)}（IPアドレス ${a.lastSignIn.ip || '—'}）`, `${dateTime(ctx, a.lastSignIn.at)} (IP ${a.lastSignIn.ip || '—'})`) : ctx.t('記録なし', 'None recorded'),
        )}
        {row(ctx.t('登録日時', 'Registered'), dateTime(ctx, a.createdAt))}
        {row(ctx.t('利用規約への同意', 'Terms accepted'), optionalDateTime(ctx, a.termsAcceptedAt))}
        {row(ctx.t('メールアドレスの確認', 'Email confirmed'), optionalDateTime(ctx, a.emailVerifiedAt))}
        {row(ctx.t('承認・却下の日時', 'Decided'), optionalDateTime(ctx, a.decidedAt))}
        {row(ctx.t('承認・却下した事務局', 'Decided by'), a.decidedByEmail ?? '—')}
        {a.decisionReason ? row(ctx.t('却下の理由', 'Reason for rejection'), a.decisionReason) : ''}
        {a.disabledAt ? row(ctx.t('無効にした日時', 'Disabled'), dateTime(ctx, a.disabledAt)) : ''}
        {a.disableReason ? row(ctx.t('無効にした理由', 'Reason for disabling'), a.disableReason) : ''}
        {row(ctx.t('パスワードの変更', 'Password changed'), dateTime(ctx, a.passwordChangedAt))}
        {row(ctx.t('お知らせメール', 'Notification emails'), ctx.t(frequencyLabels[a.notificationFrequency].ja, frequencyLabels[a.notificationFrequency].en))}
        {row(ctx.t('最終更新', 'Last updated'), dateTime(ctx, a.updatedAt))}
        {row(ctx.t('アカウントID', 'Account ID'), a.id)}
      </dl>
      <p>
        <a class="rk-link-arrow" href={auditFilterHref({ actor: a.email })}>
          {ctx.t('このアカウントが行った操作を監査ログで見る', 'What this account did, in the audit log')}
        </a>
      </p>
      {a.status === 'pending_approval' ? (
        <p>
          <a class="rk-link-arrow" href="/admin/approvals">
            {ctx.t('この申請を承認待ちの申請一覧で審査する', 'Decide this application in the approval queue')}
          </a>
        </p>
      ) : (
        ''
      )}
      <div id="account-actions" tabindex="-1">
        <FieldErrorMessage ctx={ctx} id="account-actions" message={selfError} />
        {isSelf ? (
          <p class="rk-note">
            {ctx.t(
              'ご自身のアカウントは、無効にすることも役割を変更することもできません。必要な場合は別の事務局アカウントから操作してください。',
              'You cannot disable your own account or change your own role. Ask another secretariat account if needed.',
            )}
          </p>
        ) : (
          ''
        )}
      </div>
      {!isSelf && decided ? (
        <>
          <section class="rk-section" aria-labelledby="role-title">
            <h2 id="role-title" class="rk-heading-2">
              {ctx.t('役割の変更', 'Change the role')}
            </h2>
            <form class="rk-form" action={`${base}/role`} method="post">
              <CsrfField ctx={ctx} />
              <div class="rk-field">
                <label class="rk-label" for="role">
                  {ctx.t('役割', 'Role')}
                </label>
                <p id="role-hint" class="rk-hint">
                  {ctx.t(
                    '区職員にできるのは所属が特別区のアカウントだけです。事務局にすると管理画面を使えるようになり、最初に2段階認証の設定が必要です。',
                    'Only people of a special ward can be ward staff. Secretariat accounts can use these pages and must first set up two-factor authentication.',
                  )}
                </p>
                <FieldErrorMessage ctx={ctx} id="role" message={roleError} />
                <select id="role" class="rk-select" name="role" aria-describedby={describedBy('role', true, roleError)} aria-invalid={roleError ? 'true' : undefined}>
                  {roles.map((r) => (
                    <option value={r} selected={r === (input.role ?? a.role)} safe>
                      {roleLabel(ctx, r)}
                    </option>
                  ))}
                </select>
              </div>
              <div class="rk-actions">
                <button class="rk-button" type="submit">
                  {ctx.t('役割を変更する', 'Change the role')}
                </button>
              </div>
            </form>
          </section>
          {a.status === 'active' ? (
            <section class="rk-section" aria-labelledby="disable-title">
              <h2 id="disable-title" class="rk-heading-2">
                {ctx.t('アカウントの無効化', 'Disable the account')}
              </h2>
              <p>
                {ctx.t(
                  '無効にすると、このアカウントではログインできなくなり、ログイン中のセッションもすべて終了します。あとで有効に戻せます。',
                  'A disabled account cannot sign in, and all its sessions end at once. You can enable it again later.',
                )}
              </p>
              <form class="rk-form" action={`${base}/disable`} method="post">
                <CsrfField ctx={ctx} />
                <div class="rk-field">
                  <label class="rk-label" for="disable-reason">
                    {ctx.t('理由（任意）', 'Reason (optional)')}
                  </label>
                  <p id="disable-reason-hint" class="rk-hint">
                    {ctx.t('監査ログに記録されます（1000文字以内）。', 'Recorded in the audit log (up to 1,000 characters).')}
                  </p>
                  <FieldErrorMessage ctx={ctx} id="disable-reason" message={reasonError} />
                  <textarea
                    id="disable-reason"
                    class="rk-input"
                    name="reason"
                    rows="3"
                    maxlength="1000"
                    aria-describedby={describedBy('disable-reason', true, reasonError)}
                    aria-invalid={reasonError ? 'true' : undefined}
                    safe
                  >
                    {input.reason ?? ''}
                  </textarea>
                </div>
                <div class="rk-actions">
                  <button class="rk-button rk-button--danger" type="submit">
                    {ctx.t('このアカウントを無効にする', 'Disable this account')}
                  </button>
                </div>
              </form>
            </section>
          ) : (
            <section class="rk-section" aria-labelledby="enable-title">
              <h2 id="enable-title" class="rk-heading-2">
                {ctx.t('アカウントの有効化', 'Enable the account')}
              </h2>
              <form class="rk-actions" action={`${base}/enable`} method="post">
                <CsrfField ctx={ctx} />
                <button class="rk-button" type="submit">
                  {ctx.t('このアカウントを有効に戻す', 'Enable this account')}
                </button>
              </form>
            </section>
          )}
        </>
      ) : (
        ''
      )}
    </AdminLayout>
  );
}

// ---------------------------------------------------------------------------------------------
// GET /admin/mail-domains

export interface MailDomainsPageProps {
  ctx: PageContext;
  domains: MailDomainEntry[];
  input?: MailDomainInput;
  errors?: FieldError[];
  notice?: NoticeKey;
}

export function MailDomainsPage({ ctx, domains, input = { code: '', domain: '' }, errors = [], notice }: MailDomainsPageProps): JSX.Element {
  return (
    <AdminLayout ctx={ctx} title={ctx.t('自治体メールドメイン許可リスト', 'Mail domains of local governments')} current="mail-domains" hasErrors={errors.length > 0}>
      <SuccessNotice message={noticeText(ctx, notice)} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="rk-lead">
        {ctx.t(
          '自治体ごとの職員のメールアドレスのドメインです。承認待ちの申請で、申請者のメールアドレスがこのリストと一致するかを表示します。',
          'The mail domains of each local government’s staff. The approval queue shows whether an applicant’s address matches this list.',
        )}
      </p>
      <section class="rk-section" aria-labelledby="add-title">
        <h2 id="add-title" class="rk-heading-2">
          {ctx.t('ドメインを追加する', 'Add a domain')}
        </h2>
        <form class="rk-form" action="/admin/mail-domains" method="post">
          <CsrfField ctx={ctx} />
          <TextField
            ctx={ctx}
            id="domain-code"
            name="code"
            label={ctx.t('団体コード', 'Local government code')}
            hint={ctx.t('6桁の全国地方公共団体コード（例：千代田区は131016）', 'The 6-digit local government code (e.g. 131016 for Chiyoda)')}
            value={input.code}
            error={errorOf(errors, 'domain-code')}
            inputmode="numeric"
            maxlength={6}
            width="short"
            requiredMark
          />
          <TextField
            ctx={ctx}
            id="domain-domain"
            name="domain"
            label={ctx.t('ドメイン', 'Domain')}
            hint={ctx.t('メールアドレスの「@」より後ろの部分（例：city.chiyoda.lg.jp）', 'The part after “@” in the address (e.g. city.chiyoda.lg.jp)')}
            value={input.domain}
            error={errorOf(errors, 'domain-domain')}
            maxlength={253}
            requiredMark
          />
          <div class="rk-actions">
            <button class="rk-button" type="submit">
              {ctx.t('追加する', 'Add')}
            </button>
          </div>
        </form>
      </section>
      <section class="rk-section" aria-labelledby="list-title">
        <h2 id="list-title" class="rk-heading-2">
          {ctx.t('登録済みのドメイン', 'Registered domains')}
        </h2>
        {domains.length === 0 ? (
          <p>{ctx.t('登録されているドメインはありません。', 'No domain is registered.')}</p>
        ) : (
          <div class="rk-table-wrap">
            <table class="rk-table">
              <caption class="rk-visually-hidden">{ctx.t('登録済みのメールドメイン', 'Registered mail domains')}</caption>
              <thead>
                <tr>
                  <th scope="col">{ctx.t('自治体', 'Local government')}</th>
                  <th scope="col">{ctx.t('ドメイン', 'Domain')}</th>
                  <th scope="col">{ctx.t('追加日時', 'Added')}</th>
                  <th scope="col">{ctx.t('操作', 'Action')}</th>
                </tr>
              </thead>
              <tbody>
                {domains.map((d) => (
                  <tr>
                    <td>
                      <LocalGovernmentText ctx={ctx} government={d.localGovernment} />
                    </td>
                    <td class="rk-table__code" safe>
                      {d.domain}
                    </td>
                    <td safe>{dateTime(ctx, d.createdAt)}</td>
                    <td>
                      <form action="/admin/mail-domains/remove" method="post">
                        <CsrfField ctx={ctx} />
                        <input type="hidden" name="code" value={d.localGovernment.code} />
                        <input type="hidden" name="domain" value={d.domain} />
                        <button class="rk-button rk-button--secondary" type="submit">
                          {ctx.t('削除', 'Remove')}
                          <span class="rk-visually-hidden" safe>
                            {ctx.tFormat(`（${d.localGovernment.name} ${d.domain}）`, ` (${d.localGovernment.name} ${d.domain})`)}
                          </span>
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </AdminLayout>
  );
}

// ---------------------------------------------------------------------------------------------
// GET /admin/audit

export interface AuditPageProps {
  ctx: PageContext;
  input: AuditFilterInput;
  errors: FieldError[];
  result?: { filter: AuditFilter; total: number; items: AuditEntry[] };
}

export function AuditPage({ ctx, input, errors, result }: AuditPageProps): JSX.Element {
  const err = (f: string) => errorOf(errors, `audit-${f}`);
  const dateField = (name: 'from' | 'to', label: string) => (
    <div class="rk-field">
      <label class="rk-label" for={`audit-${name}`} safe>
        {label}
      </label>
      <p id={`audit-${name}-hint`} class="rk-hint">
        {ctx.t('例：2026-04-01（日本時間）', 'e.g. 2026-04-01 (Japan time)')}
      </p>
      <FieldErrorMessage ctx={ctx} id={`audit-${name}`} message={err(name)} />
      <input
        id={`audit-${name}`}
        class="rk-input rk-input--short"
        type="date"
        name={name}
        value={input[name]}
        aria-describedby={describedBy(`audit-${name}`, true, err(name))}
        aria-invalid={err(name) ? 'true' : undefined}
      />
    </div>
  );
  return (
    <AdminLayout ctx={ctx} title={ctx.t('監査ログ', 'Audit log')} current="audit" hasErrors={errors.length > 0}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="rk-lead">
        {ctx.t('ログイン、申請の審査、権限の変更などの記録です（新しい順、日時は日本時間）。', 'Sign-ins, decisions, permission changes and other events, newest first (Japan time).')}
      </p>
      <form class="rk-filter" action="/admin/audit" method="get" role="search" aria-label={ctx.t('監査ログの絞り込み', 'Filter the audit log')}>
        <div class="rk-filter__row">
          <div class="rk-field">
            <label class="rk-label" for="audit-action">
              {ctx.t('操作', 'Action')}
            </label>
            <FieldErrorMessage ctx={ctx} id="audit-action" message={err('action')} />
            <select
              id="audit-action"
              class="rk-select"
              name="action"
              aria-describedby={describedBy('audit-action', false, err('action'))}
              aria-invalid={err('action') ? 'true' : undefined}
            >
              <option value="">{ctx.t('すべて', 'All')}</option>
              {auditActions.map((a) => (
                <option value={a} selected={a === input.action} safe>
                  {ctx.tFormat(auditActionLabels[a].ja, auditActionLabels[a].en)}
                </option>
              ))}
            </select>
          </div>
          <div class="rk-field">
            <label class="rk-label" for="audit-actor">
              {ctx.t('実行者のメールアドレス', 'Email of the person')}
            </label>
            <p id="audit-actor-hint" class="rk-hint">
              {ctx.t('一部だけでも検索できます。', 'Part of the address is enough.')}
            </p>
            <FieldErrorMessage ctx={ctx} id="audit-actor" message={err('actor')} />
            <input
              id="audit-actor"
              class="rk-input"
              type="search"
              name="actor"
              value={input.actor}
              maxlength="254"
              aria-describedby={describedBy('audit-actor', true, err('actor'))}
              aria-invalid={err('actor') ? 'true' : undefined}
            />
          </div>
        </div>
        <div class="rk-filter__row">
          {dateField('from', ctx.t('開始日', 'From'))}
          {dateField('to', ctx.t('終了日', 'To'))}
        </div>
        {err('page') ? (
          <div id="audit-page" tabindex="-1">
            <FieldErrorMessage ctx={ctx} id="audit-page" message={err('page')} />
          </div>
        ) : (
          ''
        )}
        <div class="rk-filter__actions">
          <button class="rk-button" type="submit">
            {ctx.t('この条件で表示', 'Apply')}
          </button>
          <a class="rk-button rk-button--secondary" href="/admin/audit">
            {ctx.t('条件をクリア', 'Clear')}
          </a>
        </div>
      </form>
      {result ? <AuditResults ctx={ctx} result={result} /> : ''}
    </AdminLayout>
  );
}

function AuditResults({ ctx, result }: { ctx: PageContext; result: NonNullable<AuditPageProps['result']> }): JSX.Element {
  const { filter, total, items } = result;
  const pages = pageCount(total, auditPageSize);
  const status = resultRangeText(ctx, total, filter.page, auditPageSize, ctx.t('条件に合う記録はありません。', 'No event matches.'));
  return (
    <section class="rk-section" aria-labelledby="results-title">
      <h2 id="results-title" class="rk-heading-2">
        {ctx.t('記録', 'Events')}
      </h2>
      <p class="rk-result-count" role="status" safe>
        {status}
      </p>
      {items.length > 0 ? <AuditTable ctx={ctx} items={items} caption={ctx.t('監査ログ', 'Audit log')} /> : ''}
      <Pagination ctx={ctx} page={filter.page} pages={pages} hrefFor={(p) => auditFilterHref({ ...filter, page: p })} />
    </section>
  );
}
