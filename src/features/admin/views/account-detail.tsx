// One account (/admin/accounts/:id): its details, and forms to change the role and to disable or enable it.
import type { PageContext } from '../../../views/context.ts';
import { ErrorSummary, FieldErrorMessage, type FieldError } from '../../../views/components/error-summary.tsx';
import { CsrfField, SuccessNotice } from '../../../views/components/form-fields.tsx';
import { formatCount, formatDateTime } from '../../../views/format.ts';
import { auditFilterHref, roleLabel, roles, statusLabel } from '../form.ts';
import { frequencyLabel, kindLabel, notificationKinds } from '../../notifications/index.ts';
import type { AccountDetail } from '../queries.ts';
import {
  AdminLayout,
  describedBy,
  errorOf,
  FactRow,
  LocalGovernmentText,
  noticeText,
  noValue,
  parenthesized,
  ReasonField,
  sharedText,
  type NoticeKey,
} from './shared.tsx';

function optionalDateTime(ctx: PageContext, iso: string | null): string {
  return iso ? formatDateTime(ctx, iso) : noValue;
}

export interface AccountPageProps {
  ctx: PageContext;
  account: AccountDetail;
  isSelf: boolean;
  notice?: NoticeKey;
  errors?: FieldError[];
  input?: { reason?: string; role?: string };
}

export function AccountPage({ ctx, account, isSelf, notice, errors = [], input = {} }: AccountPageProps): JSX.Element {
  const accountPath = `/admin/accounts/${encodeURIComponent(account.id)}`;
  const roleError = errorOf(errors, 'role');
  const selfError = errorOf(errors, 'account-actions');
  /** Only an approved account (active or disabled) can change role or be disabled and enabled. */
  const wasApproved = account.status === 'active' || account.status === 'disabled';
  return (
    <AdminLayout
      ctx={ctx}
      title={account.displayName}
      current="accounts"
      parents={[{ href: '/admin/accounts', label: sharedText(ctx, 'accounts') }]}
      hasErrors={errors.length > 0}
    >
      <SuccessNotice message={noticeText(ctx, notice)} />
      <ErrorSummary ctx={ctx} errors={errors} />
      {account.isSample ? (
        <p class="rk-note">{ctx.t('これは開発・デモ用のサンプルアカウントです。', 'This is a sample account for development and demonstrations.')}</p>
      ) : (
        ''
      )}
      <dl class="rk-facts">
        <FactRow label={sharedText(ctx, 'email')} value={account.email} />
        <FactRow label={sharedText(ctx, 'role')} value={roleLabel(ctx, account.role)} />
        <FactRow label={sharedText(ctx, 'status')} value={statusLabel(ctx, account.status)} />
        <FactRow label={sharedText(ctx, 'localGovernment')}>
          <LocalGovernmentText ctx={ctx} government={account.localGovernment} />
        </FactRow>
        <FactRow label={sharedText(ctx, 'department')} value={account.department || noValue} />
        <FactRow label={sharedText(ctx, 'fullName')} value={account.fullName} />
        <FactRow label={sharedText(ctx, 'fullNameKana')} value={account.fullNameKana} />
        <FactRow label={sharedText(ctx, 'displayName')} value={account.displayName} />
        <FactRow label={sharedText(ctx, 'phone')} value={account.phone || noValue} />
        <FactRow
          label={ctx.t('2段階認証', 'Two-factor authentication')}
          value={
            account.twoFactorEnabledAt
              ? ctx.tFormat(`設定済み（${formatDateTime(ctx, account.twoFactorEnabledAt)}）`, `On (since ${formatDateTime(ctx, account.twoFactorEnabledAt)})`)
              : ctx.t('未設定', 'Off')
          }
        />
        <FactRow label={ctx.t('ログイン中のセッション', 'Live sessions')} value={ctx.tFormat(`${formatCount(account.liveSessions)}件`, formatCount(account.liveSessions))} />
        <FactRow
          label={ctx.t('最後のログイン', 'Last sign-in')}
          value={
            account.lastSignIn
              ? formatDateTime(ctx, account.lastSignIn.at) + parenthesized(ctx, ctx.tFormat(`IPアドレス ${account.lastSignIn.ip || noValue}`, `IP ${account.lastSignIn.ip || noValue}`))
              : ctx.t('記録なし', 'None recorded')
          }
        />
        <FactRow label={ctx.t('登録日時', 'Registered')} value={formatDateTime(ctx, account.createdAt)} />
        <FactRow label={ctx.t('利用規約への同意', 'Terms accepted')} value={optionalDateTime(ctx, account.termsAcceptedAt)} />
        <FactRow label={ctx.t('メールアドレスの確認', 'Email confirmed')} value={optionalDateTime(ctx, account.emailVerifiedAt)} />
        <FactRow label={ctx.t('承認・却下の日時', 'Decided')} value={optionalDateTime(ctx, account.decidedAt)} />
        <FactRow label={ctx.t('承認・却下した事務局', 'Decided by')} value={account.decidedByEmail ?? noValue} />
        {account.decisionReason ? <FactRow label={sharedText(ctx, 'rejectionReason')} value={account.decisionReason} /> : ''}
        {account.disabledAt ? <FactRow label={ctx.t('無効にした日時', 'Disabled')} value={formatDateTime(ctx, account.disabledAt)} /> : ''}
        {account.disableReason ? <FactRow label={ctx.t('無効にした理由', 'Reason for disabling')} value={account.disableReason} /> : ''}
        <FactRow label={ctx.t('パスワードの変更', 'Password changed')} value={formatDateTime(ctx, account.passwordChangedAt)} />
        <FactRow label={ctx.t('通知メールの設定', 'Notification mail settings')}>
          {/* One line per kind, with the same names the member sees on /member/notifications/settings. */}
          <ul class="rk-plain-list">
            {notificationKinds.map((kind) => (
              <li safe>{`${kindLabel(ctx, kind)}${ctx.t('：', ': ')}${frequencyLabel(ctx, account.notificationSettings[kind])}`}</li>
            ))}
          </ul>
        </FactRow>
        <FactRow label={ctx.t('最終更新', 'Last updated')} value={formatDateTime(ctx, account.updatedAt)} />
        <FactRow label={ctx.t('アカウントID', 'Account ID')} value={account.id} />
      </dl>
      <p>
        <a class="rk-link-arrow" href={auditFilterHref({ actor: account.email })}>
          {ctx.t('このアカウントが行った操作を監査ログで見る', 'What this account did, in the audit log')}
        </a>
      </p>
      {account.status === 'pending_approval' ? (
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
      {!isSelf && wasApproved ? (
        <>
          <section class="rk-section" aria-labelledby="role-title">
            <h2 id="role-title" class="rk-heading-2">
              {ctx.t('役割の変更', 'Change the role')}
            </h2>
            <form class="rk-form" action={`${accountPath}/role`} method="post">
              <CsrfField ctx={ctx} />
              <div class="rk-field">
                <label class="rk-label" for="role">
                  {sharedText(ctx, 'role')}
                </label>
                <p id="role-hint" class="rk-hint">
                  {ctx.t(
                    '区職員にできるのは所属が特別区のアカウントだけです。事務局にすると管理画面を使えるようになり、最初に2段階認証の設定が必要です。',
                    'Only people of a special ward can be ward staff. Secretariat accounts can use these pages and must first set up two-factor authentication.',
                  )}
                </p>
                <FieldErrorMessage ctx={ctx} id="role" message={roleError} />
                <select id="role" class="rk-select" name="role" aria-describedby={describedBy('role', true, roleError)} aria-invalid={roleError ? 'true' : undefined}>
                  {roles.map((role) => (
                    <option value={role} selected={role === (input.role ?? account.role)} safe>
                      {roleLabel(ctx, role)}
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
          {account.status === 'active' ? (
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
              <form class="rk-form" action={`${accountPath}/disable`} method="post">
                <CsrfField ctx={ctx} />
                <ReasonField
                  ctx={ctx}
                  id="disable-reason"
                  label={ctx.t('理由（任意）', 'Reason (optional)')}
                  hint={ctx.t('監査ログに記録されます（1000文字以内）。', 'Recorded in the audit log (up to 1,000 characters).')}
                  error={errorOf(errors, 'disable-reason')}
                  value={input.reason ?? ''}
                />
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
              <form class="rk-actions" action={`${accountPath}/enable`} method="post">
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
