// Pieces shared by the secretariat's pages (事務局): layout, notices, wording, fact rows, form fields, audit table.
import { escapeHtml, type Children } from '@kitajs/html';
import type { PageContext } from '../../../views/context.ts';
import { FieldErrorMessage, type FieldError } from '../../../views/components/error-summary.tsx';
import { formatDateTime } from '../../../views/format.ts';
import { Layout } from '../../../views/layout.tsx';
import { auditActionLabel } from '../form.ts';
import type { AuditEntry, LocalGovernmentRef } from '../queries.ts';

// ---------------------------------------------------------------------------------------------
// Notices after a successful action (?done=…)

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

export function noticeText(ctx: PageContext, key: NoticeKey | undefined): string | undefined {
  return key ? ctx.t(notices[key].ja, notices[key].en) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Wording

/** Wording that more than one page shows: section names and the labels of an account's fields. */
const sharedWording = {
  accounts: { ja: 'アカウント', en: 'Accounts' },
  auditLog: { ja: '監査ログ', en: 'Audit log' },
  applicationsAwaitingApproval: { ja: '承認待ちの申請', en: 'Applications awaiting approval' },
  noApplicationWaiting: { ja: '承認待ちの申請はありません。', en: 'No application is waiting.' },
  action: { ja: '操作', en: 'Action' },
  email: { ja: 'メールアドレス', en: 'Email' },
  role: { ja: '役割', en: 'Role' },
  status: { ja: '状態', en: 'Status' },
  localGovernment: { ja: '所属自治体', en: 'Local government' },
  department: { ja: '部署', en: 'Department' },
  fullName: { ja: '氏名', en: 'Name' },
  fullNameKana: { ja: 'フリガナ', en: 'Reading' },
  displayName: { ja: '表示名', en: 'Display name' },
  phone: { ja: '電話番号', en: 'Phone' },
  rejectionReason: { ja: '却下の理由', en: 'Reason for rejection' },
} as const;

export function sharedText(ctx: PageContext, key: keyof typeof sharedWording) {
  return ctx.t(sharedWording[key].ja, sharedWording[key].en);
}

/** Shown where a value is missing. */
export const noValue = '—';

/** 「（text）」 in Japanese, “ (text)” in English. */
export function parenthesized(ctx: PageContext, text: string): string {
  return ctx.tFormat(`（${text}）`, ` (${text})`);
}

// ---------------------------------------------------------------------------------------------
// Layout

export type AdminSection = 'dashboard' | 'approvals' | 'accounts' | 'mail-domains' | 'audit' | 'registry' | 'import' | 'news' | 'pages';

interface AdminLayoutProps {
  ctx: PageContext;
  title: string;
  current: AdminSection;
  /** Pages between 事務局 and this one (e.g. the account list above an account). */
  parents?: Array<{ href: string; label: string }>;
  hasErrors?: boolean;
  children?: Children;
}

export function AdminLayout({ ctx, title, current, parents = [], hasErrors = false, children }: AdminLayoutProps): JSX.Element {
  const home = { href: '/', label: ctx.t('トップ', 'Home') };
  const secretariat = ctx.t('事務局', 'Secretariat');
  const crumbs =
    current === 'dashboard' && parents.length === 0 ? [home, { label: secretariat }] : [home, { href: '/admin', label: secretariat }, ...parents, { label: title }];
  const menu: Array<{ id: AdminSection; href: string; label: string }> = [
    { id: 'dashboard', href: '/admin', label: ctx.t('事務局トップ', 'Overview') },
    { id: 'approvals', href: '/admin/approvals', label: ctx.t('承認待ちの申請', 'Applications') },
    { id: 'accounts', href: '/admin/accounts', label: sharedText(ctx, 'accounts') },
    { id: 'mail-domains', href: '/admin/mail-domains', label: ctx.t('メールドメイン許可リスト', 'Mail domains') },
    { id: 'audit', href: '/admin/audit', label: sharedText(ctx, 'auditLog') },
    { id: 'registry', href: '/registry', label: ctx.t('連携記録の管理', 'Collaboration records') },
    { id: 'import', href: '/admin/registry/import', label: ctx.t('協定・連携事業の取り込み', 'Import') },
    { id: 'news', href: '/admin/news', label: ctx.t('お知らせの管理', 'News') },
    { id: 'pages', href: '/admin/pages', label: ctx.t('サイトのページの管理', 'Site pages') },
  ];
  return (
    <Layout ctx={ctx} title={hasErrors ? ctx.tFormat(`エラー：${title}`, `Error: ${title}`) : title} section="none" breadcrumbs={crumbs}>
      <nav class="rk-section" aria-label={ctx.t('事務局メニュー', 'Secretariat menu')}>
        <ul class="rk-admin-nav">
          {menu.map((item) => (
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

// ---------------------------------------------------------------------------------------------
// Small display pieces

export function LocalGovernmentText({ ctx, government }: { ctx: PageContext; government: LocalGovernmentRef | null }): JSX.Element {
  if (!government) return <span class="rk-muted">{ctx.t('なし', 'None')}</span>;
  return (
    <>
      <span safe>{government.name}</span>
      {government.prefectureName && government.prefectureName !== government.name ? <span safe>{parenthesized(ctx, government.prefectureName)}</span> : ''}{' '}
      <span class="rk-table__code" safe>
        {government.code}
      </span>
      {government.isWard ? <span class="rk-badge">{ctx.t('区職員', 'Ward staff')}</span> : ''}
    </>
  );
}

/** One row of a facts list: a text value, or the children when the value needs markup. */
export function FactRow({ label, value, children }: { label: string; value?: string; children?: Children }): JSX.Element {
  return (
    <div class="rk-facts__row">
      <dt safe>{label}</dt>
      {value === undefined ? <dd>{children}</dd> : <dd safe>{value}</dd>}
    </div>
  );
}

/** What a button acts on, for screen readers: 「承認する（山田 太郎）」. */
export function VisuallyHiddenTarget({ ctx, name }: { ctx: PageContext; name: string }): JSX.Element {
  return (
    <span class="rk-visually-hidden" safe>
      {parenthesized(ctx, name)}
    </span>
  );
}

// ---------------------------------------------------------------------------------------------
// Form fields

export function describedBy(id: string, hint: boolean, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export function errorOf(errors: FieldError[], field: string): string | undefined {
  return errors.find((error) => error.field === field)?.message;
}

interface ReasonFieldProps {
  ctx: PageContext;
  id: string;
  label: string;
  required?: boolean;
  hint: string;
  error: string | undefined;
  value: string;
}

/** The free-text reason for rejecting an application or disabling an account. */
export function ReasonField({ ctx, id, label, required = false, hint, error, value }: ReasonFieldProps): JSX.Element {
  return (
    <div class="rk-field">
      <label class="rk-label" for={id}>
        {escapeHtml(label)}
        {required ? <span class="rk-required">{ctx.t('必須', 'Required')}</span> : ''}
      </label>
      <p id={`${id}-hint`} class="rk-hint" safe>
        {hint}
      </p>
      <FieldErrorMessage ctx={ctx} id={id} message={error} />
      <textarea
        id={id}
        class="rk-input"
        name="reason"
        rows="3"
        maxlength="1000"
        aria-describedby={describedBy(id, true, error)}
        aria-invalid={error ? 'true' : undefined}
        safe
      >
        {value}
      </textarea>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Audit events (the latest on the dashboard, the whole log on /admin/audit)

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
            <th scope="col">{sharedText(ctx, 'action')}</th>
            <th scope="col">{ctx.t('実行者', 'By')}</th>
            <th scope="col">{ctx.t('対象', 'Target')}</th>
            <th scope="col">{ctx.t('IPアドレス', 'IP address')}</th>
            <th scope="col">{ctx.t('詳細', 'Details')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((entry) => (
            <tr>
              <td safe>{formatDateTime(ctx, entry.occurredAt)}</td>
              <td data-action={entry.action} safe>
                {auditActionLabel(ctx, entry.action)}
              </td>
              <td>
                {entry.actorEmail ? (
                  <a href={`/admin/accounts/${encodeURIComponent(entry.actorId ?? '')}`} safe>
                    {entry.actorEmail}
                  </a>
                ) : entry.actorId ? (
                  <span class="rk-muted" safe>
                    {entry.actorId}
                  </span>
                ) : (
                  <span class="rk-muted">{ctx.t('（未ログイン・システム）', '(not signed in / system)')}</span>
                )}
              </td>
              <td>
                {entry.targetEmail && entry.targetId ? (
                  <a href={`/admin/accounts/${encodeURIComponent(entry.targetId)}`} safe>
                    {entry.targetEmail}
                  </a>
                ) : entry.targetType ? (
                  <span safe>{`${entry.targetType}: ${entry.targetId ?? ''}`}</span>
                ) : (
                  <span class="rk-muted">{noValue}</span>
                )}
              </td>
              <td class="rk-table__code" safe>
                {entry.ip || noValue}
              </td>
              <td>
                {entry.detail.length === 0 ? (
                  <span class="rk-muted">{noValue}</span>
                ) : (
                  entry.detail.map(([key, value]) => <div safe>{`${key}: ${value}`}</div>)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
