// The approval queue (/admin/approvals, 承認待ちの申請): each confirmed application with approve and reject forms.
import type { PageContext } from '../../../views/context.ts';
import { ErrorSummary, type FieldError } from '../../../views/components/error-summary.tsx';
import { CsrfField, SuccessNotice } from '../../../views/components/form-fields.tsx';
import { formatCount, formatDateTime } from '../../../views/format.ts';
import type { Application } from '../queries.ts';
import {
  AdminLayout,
  errorOf,
  FactRow,
  LocalGovernmentText,
  noticeText,
  parenthesized,
  ReasonField,
  sharedText,
  VisuallyHiddenTarget,
  type NoticeKey,
} from './shared.tsx';

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
    <AdminLayout ctx={ctx} title={sharedText(ctx, 'applicationsAwaitingApproval')} current="approvals" hasErrors={errors.length > 0}>
      <SuccessNotice message={noticeText(ctx, notice)} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="rk-lead">
        {ctx.t(
          'メールアドレスの確認を終えた申請です（申請の古い順）。所属自治体と登録済みメールドメインを確かめてから、承認または却下してください。結果は申請者にメールで通知されます。',
          'Applications whose email address is confirmed, oldest first. Check the local government and the mail domain, then approve or reject. The applicant is told by email.',
        )}
      </p>
      {applications.length === 0 ? (
        <p role="status">{sharedText(ctx, 'noApplicationWaiting')}</p>
      ) : (
        <p role="status" safe>
          {ctx.tFormat(`${formatCount(applications.length)}件の申請が承認を待っています。`, `${formatCount(applications.length)} application(s) waiting.`)}
        </p>
      )}
      {applications.map((application) => (
        <ApplicationSection
          ctx={ctx}
          application={application}
          error={errorOf(errors, `reason-${application.id}`)}
          reason={rejection?.id === application.id ? rejection.reason : ''}
        />
      ))}
    </AdminLayout>
  );
}

interface ApplicationSectionProps {
  ctx: PageContext;
  application: Application;
  /** The rejection reason's error, and what was typed in it. */
  error?: string;
  reason: string;
}

function ApplicationSection({ ctx, application, error, reason }: ApplicationSectionProps): JSX.Element {
  const headingId = `application-${application.id}`;
  const reasonId = `reason-${application.id}`;
  const actionPath = `/admin/approvals/${encodeURIComponent(application.id)}`;
  return (
    <section class="rk-section" aria-labelledby={headingId}>
      <h2 id={headingId} class="rk-heading-2" safe>
        {ctx.tFormat(`${application.fullName}（${application.displayName}）`, `${application.fullName} (${application.displayName})`)}
      </h2>
      <dl class="rk-facts">
        <FactRow label={ctx.t('申請日時', 'Applied')} value={formatDateTime(ctx, application.appliedAt)} />
        <FactRow label={sharedText(ctx, 'localGovernment')}>
          <LocalGovernmentText ctx={ctx} government={application.localGovernment} />
        </FactRow>
        <FactRow label={sharedText(ctx, 'department')} value={application.department} />
        <FactRow label={sharedText(ctx, 'fullName')} value={application.fullName} />
        <FactRow label={sharedText(ctx, 'fullNameKana')} value={application.fullNameKana} />
        <FactRow label={sharedText(ctx, 'displayName')} value={application.displayName} />
        <FactRow label={sharedText(ctx, 'email')} value={application.email} />
        <FactRow label={sharedText(ctx, 'phone')} value={application.phone} />
        <FactRow label={ctx.t('メールドメイン', 'Mail domain')}>
          {application.domainMatches ? (
            <strong>{ctx.t('登録済みドメインと一致', 'Matches a registered domain')}</strong>
          ) : (
            <strong>{ctx.t('一致するドメインなし（要確認）', 'No matching domain (check)')}</strong>
          )}
          {application.allowedDomains.length > 0 ? (
            <span class="rk-muted" safe>
              {parenthesized(
                ctx,
                ctx.tFormat(`この自治体の登録済みドメイン：${application.allowedDomains.join('、')}`, `registered for this local government: ${application.allowedDomains.join(', ')}`),
              )}
            </span>
          ) : (
            <span class="rk-muted">{ctx.t('（この自治体のドメインは未登録）', ' (no domain registered for this local government)')}</span>
          )}
        </FactRow>
      </dl>
      <form class="rk-actions" action={`${actionPath}/approve`} method="post">
        <CsrfField ctx={ctx} />
        <button class="rk-button" type="submit">
          {ctx.t('承認する', 'Approve')}
          <VisuallyHiddenTarget ctx={ctx} name={application.fullName} />
        </button>
      </form>
      <form class="rk-form rk-filter" action={`${actionPath}/reject`} method="post">
        <CsrfField ctx={ctx} />
        <ReasonField
          ctx={ctx}
          id={reasonId}
          label={sharedText(ctx, 'rejectionReason')}
          required
          hint={ctx.t('却下する場合に入力します。申請者へのメールにそのまま記載されます（1000文字以内）。', 'Needed to reject. It is sent to the applicant as written (up to 1,000 characters).')}
          error={error}
          value={reason}
        />
        <div class="rk-actions">
          <button class="rk-button rk-button--danger" type="submit">
            {ctx.t('却下する', 'Reject')}
            <VisuallyHiddenTarget ctx={ctx} name={application.fullName} />
          </button>
        </div>
      </form>
    </section>
  );
}
