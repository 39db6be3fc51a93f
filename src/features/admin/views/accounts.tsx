// The account list (/admin/accounts, アカウント): search by keyword, role and status, with page links.
import type { PageContext } from '../../../views/context.ts';
import { ErrorSummary, type FieldError } from '../../../views/components/error-summary.tsx';
import { formatDate } from '../../../views/format.ts';
import { accountFilterHref, roleLabel, roles, statusLabel, statuses, type AccountFilter, type AccountFilterInput } from '../form.ts';
import { accountsPageSize, type AccountListItem } from '../queries.ts';
import { FilterForm, FilterResults, FilterSelect, SearchField } from './filter-form.tsx';
import { AdminLayout, errorOf, LocalGovernmentText, sharedText } from './shared.tsx';

export interface AccountListPageProps {
  ctx: PageContext;
  input: AccountFilterInput;
  errors: FieldError[];
  result?: { filter: AccountFilter; total: number; items: AccountListItem[] };
}

export function AccountListPage({ ctx, input, errors, result }: AccountListPageProps): JSX.Element {
  return (
    <AdminLayout ctx={ctx} title={sharedText(ctx, 'accounts')} current="accounts" hasErrors={errors.length > 0}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <FilterForm ctx={ctx} action="/admin/accounts" label={ctx.t('アカウントの検索', 'Search accounts')} pageErrorId="filter-page" pageError={errorOf(errors, 'filter-page')}>
        <SearchField
          ctx={ctx}
          id="filter-q"
          name="q"
          label={ctx.t('キーワード', 'Keywords')}
          hint={ctx.t('メールアドレス、氏名、フリガナ、表示名、自治体名または団体コード。', 'Email, name, reading, display name, local government name or code.')}
          error={errorOf(errors, 'filter-q')}
          value={input.q}
          maxlength={200}
        />
        <div class="rk-filter__row">
          <FilterSelect
            ctx={ctx}
            id="filter-role"
            name="role"
            label={sharedText(ctx, 'role')}
            error={errorOf(errors, 'filter-role')}
            options={roles.map((role) => ({ value: role, label: roleLabel(ctx, role) }))}
            selected={input.role}
          />
          <FilterSelect
            ctx={ctx}
            id="filter-status"
            name="status"
            label={sharedText(ctx, 'status')}
            error={errorOf(errors, 'filter-status')}
            options={statuses.map((status) => ({ value: status, label: statusLabel(ctx, status) }))}
            selected={input.status}
          />
        </div>
      </FilterForm>
      {result ? <AccountResults ctx={ctx} result={result} /> : ''}
    </AdminLayout>
  );
}

function AccountResults({ ctx, result }: { ctx: PageContext; result: NonNullable<AccountListPageProps['result']> }): JSX.Element {
  const { filter, total, items } = result;
  return (
    <FilterResults
      ctx={ctx}
      heading={ctx.t('検索結果', 'Results')}
      total={total}
      page={filter.page}
      pageSize={accountsPageSize}
      noneText={ctx.t('条件に合うアカウントはありません。', 'No account matches.')}
      hrefFor={(page) => accountFilterHref({ ...filter, page })}
    >
      {items.length > 0 ? (
        <div class="rk-table-wrap">
          <table class="rk-table">
            <caption class="rk-visually-hidden">{ctx.t('アカウントの一覧', 'List of accounts')}</caption>
            <thead>
              <tr>
                <th scope="col">{ctx.t('表示名・氏名', 'Display name, name')}</th>
                <th scope="col">{sharedText(ctx, 'email')}</th>
                <th scope="col">{sharedText(ctx, 'localGovernment')}</th>
                <th scope="col">{sharedText(ctx, 'role')}</th>
                <th scope="col">{sharedText(ctx, 'status')}</th>
                <th scope="col">{ctx.t('登録日', 'Registered')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((account) => (
                <tr>
                  <td>
                    <a href={`/admin/accounts/${encodeURIComponent(account.id)}`} safe>
                      {account.displayName}
                    </a>
                    {account.isSample ? <span class="rk-badge">{ctx.t('サンプル', 'Sample')}</span> : ''}
                    <div class="rk-muted" safe>
                      {account.fullName}
                    </div>
                  </td>
                  <td safe>{account.email}</td>
                  <td>
                    <LocalGovernmentText ctx={ctx} government={account.localGovernment} />
                  </td>
                  <td safe>{roleLabel(ctx, account.role)}</td>
                  <td safe>{statusLabel(ctx, account.status)}</td>
                  <td safe>{formatDate(ctx, account.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        ''
      )}
    </FilterResults>
  );
}
