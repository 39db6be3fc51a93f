// The mail domain allowlist (/admin/mail-domains): add a local government's domain, list and remove them.
import type { PageContext } from '../../../views/context.ts';
import { ErrorSummary, type FieldError } from '../../../views/components/error-summary.tsx';
import { CsrfField, SuccessNotice, TextField } from '../../../views/components/form-fields.tsx';
import { formatDateTime } from '../../../views/format.ts';
import type { MailDomainInput } from '../form.ts';
import type { MailDomainEntry } from '../queries.ts';
import { AdminLayout, errorOf, LocalGovernmentText, noticeText, sharedText, VisuallyHiddenTarget, type NoticeKey } from './shared.tsx';

export interface MailDomainsPageProps {
  ctx: PageContext;
  domains: MailDomainEntry[];
  input?: MailDomainInput;
  errors?: FieldError[];
  notice?: NoticeKey;
}

export function MailDomainsPage({ ctx, domains, input = { code: '', domain: '' }, errors = [], notice }: MailDomainsPageProps): JSX.Element {
  const domainLabel = ctx.t('ドメイン', 'Domain');
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
            label={domainLabel}
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
                  <th scope="col">{domainLabel}</th>
                  <th scope="col">{ctx.t('追加日時', 'Added')}</th>
                  <th scope="col">{sharedText(ctx, 'action')}</th>
                </tr>
              </thead>
              <tbody>
                {domains.map((entry) => (
                  <tr>
                    <td>
                      <LocalGovernmentText ctx={ctx} government={entry.localGovernment} />
                    </td>
                    <td class="rk-table__code" safe>
                      {entry.domain}
                    </td>
                    <td safe>{formatDateTime(ctx, entry.createdAt)}</td>
                    <td>
                      <form action="/admin/mail-domains/remove" method="post">
                        <CsrfField ctx={ctx} />
                        <input type="hidden" name="code" value={entry.localGovernment.code} />
                        <input type="hidden" name="domain" value={entry.domain} />
                        <button class="rk-button rk-button--secondary" type="submit">
                          {ctx.t('削除', 'Remove')}
                          <VisuallyHiddenTarget ctx={ctx} name={`${entry.localGovernment.name} ${entry.domain}`} />
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
