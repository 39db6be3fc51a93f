// /admin: the secretariat's back office. Every handler starts with guard() (secretariat with
// two-factor authentication only), then parses, runs a query or command, and renders or redirects.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FeatureOptions } from '../feature-options.ts';
import { recordAudit } from '../../db/audit.ts';
import { jobOverview, retryDeadJob } from '../../db/jobs.ts';
import type { Mailer } from '../../mail/index.ts';
import { guard } from '../../policy/guards.ts';
import type { PageContext } from '../../views/context.ts';
import { NotFoundPage } from '../../views/errors.tsx';
import { contextFor, sendPage } from '../../views/render.ts';
import { addMailDomain, approveApplication, changeRole, disableAccount, enableAccount, rejectApplication, removeMailDomain, type Applicant } from './commands.ts';
import { formValue, message, parseAccountFilter, parseAccountId, parseAuditFilter, parseDisable, parseMailDomain, parseRejection, parseRoleChange } from './form.ts';
import { dashboardSummary, findAccount, listAccounts, listAuditEvents, listMailDomains, listPendingApplications } from './queries.ts';
import { AccountPage, type AccountPageProps } from './views/account-detail.tsx';
import { AccountListPage } from './views/accounts.tsx';
import { ApprovalsPage } from './views/approvals.tsx';
import { AuditPage } from './views/audit-log.tsx';
import { ConflictPage } from './views/conflict.tsx';
import { DashboardPage } from './views/dashboard.tsx';
import { JobsPage } from './views/jobs.tsx';
import { MailDomainsPage } from './views/mail-domains.tsx';
import { isNoticeKey, type AdminSection, type NoticeKey } from './views/shared.tsx';

export default async function adminRoutes(app: FastifyInstance, { config, database, mailer }: FeatureOptions): Promise<void> {
  const { db } = database;
  const noticeOf = (request: FastifyRequest): NoticeKey | undefined => {
    const done = formValue(request.query, 'done');
    return isNoticeKey(done) ? done : undefined;
  };
  const notFound = (request: FastifyRequest, reply: FastifyReply, ctx = contextFor(request, reply)) =>
    sendPage(reply, NotFoundPage({ ctx, detail: ctx.t('該当するアカウントはありません。', 'There is no such account.') }), 404);
  const conflict = (reply: FastifyReply, ctx: PageContext, current: AdminSection, text: string, back: { href: string; label: string }) =>
    sendPage(reply, ConflictPage({ ctx, current, message: text, back }), 409);

  // -------------------------------------------------------------------------------------------
  // Overview

  app.get('/admin', async (request, reply) => {
    const actor = guard(request, reply, 'admin:view');
    if (!actor) return reply;
    return sendPage(reply, DashboardPage({ ctx: contextFor(request, reply), summary: await dashboardSummary(db) }));
  });

  // -------------------------------------------------------------------------------------------
  // The job queue (src/db/jobs.ts): what waits, and what failed for good

  app.get('/admin/jobs', async (request, reply) => {
    const actor = guard(request, reply, 'admin:view');
    if (!actor) return reply;
    const overview = await jobOverview(db);
    return sendPage(reply, JobsPage({ ctx: contextFor(request, reply), ...overview, done: formValue(request.query, 'done') === 'retried' ? 'retried' : undefined }));
  });

  app.post<{ Params: { id: string } }>('/admin/jobs/:id/retry', async (request, reply) => {
    const actor = guard(request, reply, 'admin:view');
    if (!actor) return reply;
    const id = /^[0-9a-f-]{36}$/.test(request.params.id) ? request.params.id : '';
    if (!id || !(await retryDeadJob(db, id))) {
      const ctx = contextFor(request, reply);
      return sendPage(reply, NotFoundPage({ ctx, detail: ctx.t('再実行できる処理が見つかりませんでした。すでに再実行されたか、失敗した処理ではありません。', 'No failed job to run again: it was already retried or did not fail.') }), 404);
    }
    await recordAudit(db, { actorAccountId: actor.id, action: 'job.retried', targetType: 'job', targetId: id, ip: request.ip });
    return reply.redirect('/admin/jobs?done=retried', 303);
  });

  // -------------------------------------------------------------------------------------------
  // Approval queue

  app.get('/admin/approvals', async (request, reply) => {
    const actor = guard(request, reply, 'accounts:approve');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    return sendPage(reply, ApprovalsPage({ ctx, applications: await listPendingApplications(db), notice: noticeOf(request) }));
  });

  const decided = (reply: FastifyReply, ctx: PageContext) =>
    conflict(
      reply,
      ctx,
      'approvals',
      ctx.t('この申請はすでに承認または却下されているか、承認待ちの状態ではありません。', 'This application has already been decided, or is not waiting for approval.'),
      { href: '/admin/approvals', label: ctx.t('承認待ちの申請', 'Applications awaiting approval') },
    );

  app.post('/admin/approvals/:id/approve', async (request, reply) => {
    const actor = guard(request, reply, 'accounts:approve');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const id = parseAccountId(request.params);
    if (!id) return notFound(request, reply, ctx);
    const result = await approveApplication(db, actor, { id, ip: request.ip });
    if (!result.ok) return result.reason === 'not_found' ? notFound(request, reply, ctx) : decided(reply, ctx);
    const sent = await sendMail(request, mailer, approvalMail(config.publicUrl, result.applicant));
    return reply.redirect(`/admin/approvals?done=${sent ? 'approved' : 'approvedMailFailed'}`, 303);
  });

  app.post('/admin/approvals/:id/reject', async (request, reply) => {
    const actor = guard(request, reply, 'accounts:approve');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const id = parseAccountId(request.params);
    if (!id) return notFound(request, reply, ctx);
    const parsed = parseRejection(ctx, request.body, id);
    if (!parsed.ok) {
      const applications = await listPendingApplications(db);
      if (!applications.some((a) => a.id === id)) {
        const exists = await findAccount(db, id);
        return exists ? decided(reply, ctx) : notFound(request, reply, ctx);
      }
      return sendPage(reply, ApprovalsPage({ ctx, applications, errors: parsed.errors, rejection: { id, reason: parsed.input.reason } }), 422);
    }
    const result = await rejectApplication(db, actor, { id, reason: parsed.value.reason, ip: request.ip });
    if (!result.ok) return result.reason === 'not_found' ? notFound(request, reply, ctx) : decided(reply, ctx);
    const sent = await sendMail(request, mailer, rejectionMail(config.publicUrl, result.applicant, parsed.value.reason));
    return reply.redirect(`/admin/approvals?done=${sent ? 'rejected' : 'rejectedMailFailed'}`, 303);
  });

  // -------------------------------------------------------------------------------------------
  // Accounts

  app.get('/admin/accounts', async (request, reply) => {
    const actor = guard(request, reply, 'accounts:manage');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const parsed = parseAccountFilter(ctx, request.query);
    if (!parsed.ok) return sendPage(reply, AccountListPage({ ctx, input: parsed.input, errors: parsed.errors }), 400);
    const { total, items } = await listAccounts(db, parsed.value);
    return sendPage(reply, AccountListPage({ ctx, input: parsed.input, errors: [], result: { filter: parsed.value, total, items } }));
  });

  app.get('/admin/accounts/:id', async (request, reply) => {
    const actor = guard(request, reply, 'accounts:manage');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const id = parseAccountId(request.params);
    const account = id ? await findAccount(db, id) : undefined;
    if (!account) return notFound(request, reply, ctx);
    return sendPage(reply, AccountPage({ ctx, account, isSelf: account.id === actor.id, notice: noticeOf(request) }));
  });

  /** The account page again, with errors (422) or a conflict (409). */
  const accountPageWith = async (
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: PageContext,
    actorId: string,
    id: string,
    props: Pick<AccountPageProps, 'errors' | 'input'>,
    status: number,
  ) => {
    const account = await findAccount(db, id);
    if (!account) return notFound(request, reply, ctx);
    return sendPage(reply, AccountPage({ ctx, account, isSelf: account.id === actorId, ...props }), status);
  };
  const wrongStatus = (reply: FastifyReply, ctx: PageContext, id: string) =>
    conflict(
      reply,
      ctx,
      'accounts',
      ctx.t('このアカウントの今の状態では、この操作は行えません。', 'This cannot be done to the account in its current state.'),
      { href: `/admin/accounts/${encodeURIComponent(id)}`, label: ctx.t('アカウントの詳細に戻る', 'Back to the account') },
    );

  app.post('/admin/accounts/:id/disable', async (request, reply) => {
    const actor = guard(request, reply, 'accounts:manage');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const id = parseAccountId(request.params);
    if (!id) return notFound(request, reply, ctx);
    const parsed = parseDisable(ctx, request.body);
    if (!parsed.ok) return accountPageWith(request, reply, ctx, actor.id, id, { errors: parsed.errors, input: parsed.input }, 422);
    const result = await disableAccount(db, actor, { id, reason: parsed.value.reason, ip: request.ip });
    if (!result.ok) {
      if (result.reason === 'not_found') return notFound(request, reply, ctx);
      if (result.reason === 'self') {
        return accountPageWith(request, reply, ctx, actor.id, id, { errors: [{ field: 'account-actions', message: message(ctx, 'selfDisable') }] }, 422);
      }
      return wrongStatus(reply, ctx, id);
    }
    return reply.redirect(`/admin/accounts/${encodeURIComponent(id)}?done=disabled`, 303);
  });

  app.post('/admin/accounts/:id/enable', async (request, reply) => {
    const actor = guard(request, reply, 'accounts:manage');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const id = parseAccountId(request.params);
    if (!id) return notFound(request, reply, ctx);
    const result = await enableAccount(db, actor, { id, ip: request.ip });
    if (!result.ok) {
      if (result.reason === 'not_found') return notFound(request, reply, ctx);
      return wrongStatus(reply, ctx, id);
    }
    return reply.redirect(`/admin/accounts/${encodeURIComponent(id)}?done=enabled`, 303);
  });

  app.post('/admin/accounts/:id/role', async (request, reply) => {
    const actor = guard(request, reply, 'accounts:manage');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const id = parseAccountId(request.params);
    if (!id) return notFound(request, reply, ctx);
    const parsed = parseRoleChange(ctx, request.body);
    if (!parsed.ok) return accountPageWith(request, reply, ctx, actor.id, id, { errors: parsed.errors, input: parsed.input }, 422);
    const result = await changeRole(db, actor, { id, role: parsed.value.role, ip: request.ip });
    if (!result.ok) {
      if (result.reason === 'not_found') return notFound(request, reply, ctx);
      const key = ({ self: 'selfRole', ward_only: 'wardOnly', needs_local_government: 'needsLocalGovernment', not_decided: 'roleNotDecided' } as const)[result.reason];
      const field = result.reason === 'self' ? 'account-actions' : 'role';
      return accountPageWith(request, reply, ctx, actor.id, id, { errors: [{ field, message: message(ctx, key) }], input: parsed.input }, 422);
    }
    return reply.redirect(`/admin/accounts/${encodeURIComponent(id)}?done=${result.changed ? 'roleChanged' : 'roleUnchanged'}`, 303);
  });

  // -------------------------------------------------------------------------------------------
  // Mail-domain allowlist

  app.get('/admin/mail-domains', async (request, reply) => {
    const actor = guard(request, reply, 'mail-domains:manage');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    return sendPage(reply, MailDomainsPage({ ctx, domains: await listMailDomains(db), notice: noticeOf(request) }));
  });

  app.post('/admin/mail-domains', async (request, reply) => {
    const actor = guard(request, reply, 'mail-domains:manage');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const parsed = parseMailDomain(ctx, request.body);
    const again = async (errors: Array<{ field: string; message: string }>) =>
      sendPage(reply, MailDomainsPage({ ctx, domains: await listMailDomains(db), input: parsed.input, errors }), 422);
    if (!parsed.ok) return again(parsed.errors);
    const result = await addMailDomain(db, actor, { ...parsed.value, ip: request.ip });
    if (!result.ok) {
      return result.reason === 'unknown_code'
        ? again([{ field: 'domain-code', message: message(ctx, 'codeUnknown') }])
        : again([{ field: 'domain-domain', message: message(ctx, 'domainDuplicate') }]);
    }
    return reply.redirect('/admin/mail-domains?done=domainAdded', 303);
  });

  app.post('/admin/mail-domains/remove', async (request, reply) => {
    const actor = guard(request, reply, 'mail-domains:manage');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const parsed = parseMailDomain(ctx, request.body);
    const result = parsed.ok ? await removeMailDomain(db, actor, { ...parsed.value, ip: request.ip }) : undefined;
    if (!result?.ok) {
      const detail = ctx.t('このメールドメインは許可リストにありません（すでに削除されています）。', 'This mail domain is not on the allowlist (it may have been removed already).');
      return sendPage(reply, NotFoundPage({ ctx, detail }), 404);
    }
    return reply.redirect('/admin/mail-domains?done=domainRemoved', 303);
  });

  // -------------------------------------------------------------------------------------------
  // Audit log

  app.get('/admin/audit', async (request, reply) => {
    const actor = guard(request, reply, 'audit-log:view');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const parsed = parseAuditFilter(ctx, request.query);
    if (!parsed.ok) return sendPage(reply, AuditPage({ ctx, input: parsed.input, errors: parsed.errors }), 400);
    const { total, items } = await listAuditEvents(db, parsed.value);
    return sendPage(reply, AuditPage({ ctx, input: parsed.input, errors: [], result: { filter: parsed.value, total, items } }));
  });
}

// ---------------------------------------------------------------------------------------------
// Mail to applicants: plain text, addresses as text (municipal gateways strip links and HTML).

interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends after the decision is committed; a failure is logged and reported, never undoes it. */
async function sendMail(request: FastifyRequest, mailer: Mailer, mail: Mail): Promise<boolean> {
  try {
    await mailer.send(mail);
    return true;
  } catch (error) {
    request.log.error({ err: error, to: mail.to, subject: mail.subject }, 'decision mail could not be sent');
    return false;
  }
}

const signature = ['', '--', '特別区全国連携プロジェクト 事務局', '（このメールは送信専用です。返信いただいてもお答えできません。）'];

function approvalMail(publicUrl: string, applicant: Applicant): Mail {
  const role = applicant.role === 'ward_staff' ? '区職員' : applicant.role === 'secretariat' ? '事務局' : '会員自治体職員';
  return {
    to: applicant.email,
    subject: '【特別区全国連携プロジェクト】会員登録が承認されました',
    text: [
      `${applicant.fullName} 様`,
      '',
      '特別区全国連携プロジェクトの会員登録の申請が承認されました。',
      `登録区分：${role}`,
      '',
      '次のアドレスから、登録したメールアドレスとパスワードでログインしてください。',
      `${publicUrl}/login`,
      '',
      `ログインに使うメールアドレス：${applicant.email}`,
      ...signature,
    ].join('\n'),
  };
}

function rejectionMail(publicUrl: string, applicant: Applicant, reason: string): Mail {
  return {
    to: applicant.email,
    subject: '【特別区全国連携プロジェクト】会員登録の申請について',
    text: [
      `${applicant.fullName} 様`,
      '',
      '特別区全国連携プロジェクトの会員登録をお申し込みいただき、ありがとうございました。',
      '申請内容を確認しましたが、次の理由により、今回は登録を承認できませんでした。',
      '',
      '【理由】',
      reason,
      '',
      'ご不明な点がありましたら、次のページ下部のお問い合わせ先までご連絡ください。',
      `${publicUrl}/about`,
      ...signature,
    ].join('\n'),
  };
}
