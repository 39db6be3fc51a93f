// The secretariat's home page (/admin, 事務局トップ): pending applications, account counts, latest audit events.
import type { AccountStatus, Role } from '../../../db/schema.ts';
import type { PageContext } from '../../../views/context.ts';
import { formatCount } from '../../../views/format.ts';
import { accountFilterHref, roleLabel, statusLabel } from '../form.ts';
import type { DashboardSummary } from '../queries.ts';
import { AdminLayout, AuditTable, sharedText } from './shared.tsx';

export function DashboardPage({ ctx, summary }: { ctx: PageContext; summary: DashboardSummary }): JSX.Element {
  const statusColumns: AccountStatus[] = ['pending_approval', 'active', 'disabled', 'rejected', 'pending_email'];
  const roleRows: Role[] = ['member', 'ward_staff', 'secretariat'];
  const roleTotal = (role: Role) => statusColumns.reduce((sum, status) => sum + summary.accounts[role][status], 0);
  return (
    <AdminLayout ctx={ctx} title={ctx.t('事務局トップ', 'Secretariat')} current="dashboard">
      <section class="rk-section" aria-labelledby="pending-title">
        <h2 id="pending-title" class="rk-heading-2">
          {sharedText(ctx, 'applicationsAwaitingApproval')}
        </h2>
        <p>
          {summary.pendingApprovals === 0 ? (
            sharedText(ctx, 'noApplicationWaiting')
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
                <th scope="col">{sharedText(ctx, 'role')}</th>
                {statusColumns.map((status) => (
                  <th scope="col" safe>
                    {statusLabel(ctx, status)}
                  </th>
                ))}
                <th scope="col">{ctx.t('合計', 'Total')}</th>
              </tr>
            </thead>
            <tbody>
              {roleRows.map((role) => (
                <tr>
                  <th scope="row" safe>
                    {roleLabel(ctx, role)}
                  </th>
                  {statusColumns.map((status) => (
                    <td>
                      <a href={accountFilterHref({ role, status })} safe>
                        {formatCount(summary.accounts[role][status])}
                      </a>
                    </td>
                  ))}
                  <td>
                    <a href={accountFilterHref({ role })} safe>
                      {formatCount(roleTotal(role))}
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
