// Signing in and out: /login (password, then the second factor when enabled), /logout, and the
// forgotten-password flow (/password/forgot → mailed 6-digit code → /password/reset).
// Nothing here tells whether an email address is registered: unknown addresses get the same
// answers, the same rate limits and (through a decoy hash) the same timing as wrong passwords.
// Nobody can lock someone else out: the limits count per network (IP) and per account from one
// network; failures on an account from everywhere only slow its answers down a little. The limits
// are kept in the database, so they hold across every app instance, and explained on the pages.
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FeatureOptions } from '../feature-options.ts';
import { recordAudit } from '../../db/audit.ts';
import { checkOneTimeCode, failOneTimeCode, issueOneTimeCode, useOneTimeCode } from '../../db/one-time-codes.ts';
import { hitRateLimit, resetRateLimit, type RateLimitResult, type RateLimitRule } from '../../db/rate-limit.ts';
import { sessionCookieName, sessionLimits } from '../../db/sessions.ts';
import { formatJapaneseDateTime } from '../../domain/japanese-date.ts';
import { hashCode } from '../../security/one-time-codes.ts';
import { decoyPasswordHash, hashPassword, verifyPassword } from '../../security/passwords.ts';
import { consumeTotp, openTotpSecret } from '../../db/two-factor.ts';
import type { OutgoingMail } from '../../mail/index.ts';
import { clearSessionCookie, setSessionCookie } from '../../policy/session-cookie.ts';
import type { PageContext } from '../../views/context.ts';
import { contextFor, sendPage } from '../../views/render.ts';
import { resetPassword, signOut, startSession, useBackupCode } from './commands.ts';
import {
  formValue,
  message,
  nextPath,
  parseForgot,
  parseLogin,
  parseReset,
  parseTwoFactor,
  resetIds,
  twoFactorIds,
  waitMinutes,
  type SecondFactorCode,
} from './form.ts';
import { findAccountByEmail, findPendingSecondFactor, hasUnusedBackupCode, type SignInAccount } from './queries.ts';
import { ForgotPasswordPage, LoginPage, ResetPasswordPage, TwoFactorPage, type PageAlert } from './views.tsx';

const minutes = 60_000;
export const rateLimits = {
  /** Sign-in attempts from one network, whatever the account. */
  loginIp: { name: 'login:ip', limit: 30, windowMs: 15 * minutes },
  /** Sign-in attempts on one account from one network: someone else's network never counts. */
  loginAccountIp: { name: 'login:account_ip', limit: 10, windowMs: 15 * minutes },
  /** Sign-in attempts on one account from everywhere: beyond the limit, answers are slowed down (never refused). */
  loginAccountSlow: { name: 'login:account', limit: 10, windowMs: 15 * minutes },
  /** Codes of the second sign-in step: only someone who knew the password gets there. */
  secondFactorAccount: { name: 'second_factor:account', limit: 10, windowMs: 15 * minutes },
  /** Asking for a reset code: per network, and per address from one network. */
  resetRequestIp: { name: 'password_reset:ip', limit: 10, windowMs: 60 * minutes },
  resetRequestAccountIp: { name: 'password_reset:account_ip', limit: 5, windowMs: 60 * minutes },
  /** Reset mails to one address, from everywhere: beyond it no new mail is sent (the last code stays valid), the answer is the same. */
  resetMailAccount: { name: 'password_reset_mail:account', limit: 5, windowMs: 60 * minutes },
  /** Entering a reset code: their own counters, never the sign-in's. */
  resetEntryIp: { name: 'password_reset_entry:ip', limit: 30, windowMs: 15 * minutes },
  resetEntryAccountIp: { name: 'password_reset_entry:account_ip', limit: 10, windowMs: 15 * minutes },
} as const satisfies Record<string, RateLimitRule>;

/** Extra wait per sign-in attempt beyond loginAccountSlow's limit, and its ceiling. */
const slowDownStepMs = 250;
const slowDownMaxMs = 3000;

/** The key of a per-account-and-network counter. */
const accountAt = (account: string, ip: string): string => `${account}|${ip}`;

const subjectPrefix = '【特別区全国連携プロジェクト】';
const mailFooter = ['', '──────────', '特別区全国連携プロジェクト', '※ このメールは送信専用のアドレスからお送りしています。返信はできません。'].join('\n');

export default async function authRoutes(app: FastifyInstance, { config, database, mailer }: FeatureOptions): Promise<void> {
  const { db } = database;
  const cookieName = sessionCookieName(config.secureCookies);
  const sessionToken = (request: FastifyRequest): string | undefined => request.cookies[cookieName] || undefined;
  const userAgent = (request: FastifyRequest): string => String(request.headers['user-agent'] ?? '');

  /** Mails that must not reveal, by their timing, whether an account exists are sent in the background. */
  const sendLater = (mail: OutgoingMail): void => {
    mailer.send(mail).catch((error: unknown) => app.log.error({ err: error }, 'mail could not be sent'));
  };

  /** Counts the attempt under every rule; the first refusal (with the longest wait) wins. */
  async function limited(rules: Array<[RateLimitRule, string]>): Promise<RateLimitResult | undefined> {
    let refused: RateLimitResult | undefined;
    for (const [rule, subject] of rules) {
      const result = await hitRateLimit(db, rule, subject);
      if (!result.allowed && (!refused || result.retryAfterSeconds > refused.retryAfterSeconds)) refused = result;
    }
    return refused;
  }

  function tooMany(reply: FastifyReply, result: RateLimitResult): FastifyReply {
    return reply.header('retry-after', String(result.retryAfterSeconds));
  }

  // ---- Sign in ---------------------------------------------------------------------------------

  app.get('/login', async (request, reply) => {
    const ctx = contextFor(request, reply);
    const query = (request.query ?? {}) as Record<string, unknown>;
    let notice: string | undefined;
    if (query.signedOut === '1') notice = ctx.t('ログアウトしました。', 'You have signed out.');
    else if (query.reset === '1') notice = ctx.t('パスワードを再設定しました。新しいパスワードでログインしてください。', 'Your password has been reset. Sign in with the new password.');
    else if (query.expired === '1')
      notice = ctx.t('確認の有効期限（5分）が切れたか、ログインの手続きが見つかりません。もう一度ログインしてください。', 'The sign-in step expired (5 minutes) or was not found. Please sign in again.');
    return sendPage(reply, LoginPage({ ctx, input: { email: '', next: nextPath(query.next) }, notice }));
  });

  app.post('/login', async (request, reply) => {
    const ctx = contextFor(request, reply);
    const parsed = parseLogin(ctx, request.body);
    if (!parsed.ok) return sendPage(reply, LoginPage({ ctx, input: parsed.input, errors: parsed.errors }), 422);
    const { email, password, next } = parsed.value;
    const input = parsed.input;
    const failedTitle = ctx.t('ログインできませんでした', 'Could not sign in');

    const refused = await limited([
      [rateLimits.loginIp, request.ip],
      [rateLimits.loginAccountIp, accountAt(email, request.ip)],
    ]);
    if (refused) {
      await recordAudit(db, { actorAccountId: null, action: 'auth.sign_in_locked', ip: request.ip, detail: { email } });
      const n = waitMinutes(refused.retryAfterSeconds);
      const alert: PageAlert = {
        title: failedTitle,
        message: ctx.tFormat(
          `ログインの試行回数が上限に達しました。しばらく（約${n}分）待ってからもう一度お試しください。`,
          `Too many sign-in attempts. Please wait about ${n} minute${n === 1 ? '' : 's'} and try again.`,
        ),
      };
      return sendPage(tooMany(reply, refused), LoginPage({ ctx, input, alert }), 429);
    }

    // Many attempts on one account from anywhere: slower answers, never a lockout of its owner.
    const everywhere = await hitRateLimit(db, rateLimits.loginAccountSlow, email);
    if (!everywhere.allowed) {
      await sleep(Math.min(slowDownMaxMs, slowDownStepMs * (everywhere.hits - rateLimits.loginAccountSlow.limit)));
    }
    const account = await findAccountByEmail(db, email);
    // Unknown addresses are checked against a decoy hash: same work, same answer.
    const passwordOk = await verifyPassword(account?.passwordHash ?? (await decoyPasswordHash()), password);
    if (!account || !passwordOk) {
      await recordAudit(db, {
        actorAccountId: null,
        action: 'auth.sign_in_failed',
        targetType: account ? 'account' : undefined,
        targetId: account?.id,
        ip: request.ip,
        detail: { email, reason: 'bad_credentials' },
      });
      return sendPage(reply, LoginPage({ ctx, input, alert: { title: failedTitle, message: message(ctx, 'badCredentials') } }), 422);
    }

    // The password is right: only now may the account's state be told.
    const stateAlert = accountStateAlert(ctx, account);
    if (stateAlert) {
      await recordAudit(db, { actorAccountId: account.id, action: 'auth.sign_in_failed', targetType: 'account', targetId: account.id, ip: request.ip, detail: { email, reason: account.status } });
      return sendPage(reply, LoginPage({ ctx, input, alert: stateAlert }), 403);
    }

    await resetRateLimit(db, rateLimits.loginAccountIp, accountAt(email, request.ip));
    await resetRateLimit(db, rateLimits.loginAccountSlow, email);
    const previousToken = sessionToken(request);
    if (account.totpSecret) {
      const { token } = await startSession(db, { accountId: account.id, stage: 'second_factor', ip: request.ip, userAgent: userAgent(request), previousToken });
      setSessionCookie(reply, config.secureCookies, token, sessionLimits.secondFactorMs);
      return reply.redirect(`/login/two-factor${next === '/member' ? '' : `?next=${encodeURIComponent(next)}`}`, 303);
    }
    const { token } = await startSession(db, { accountId: account.id, stage: 'authenticated', ip: request.ip, userAgent: userAgent(request), previousToken });
    await recordAudit(db, { actorAccountId: account.id, action: 'auth.sign_in', targetType: 'account', targetId: account.id, ip: request.ip, detail: { twoFactor: false } });
    setSessionCookie(reply, config.secureCookies, token);
    return reply.redirect(next, 303);
  });

  // ---- Second factor ---------------------------------------------------------------------------

  const expiredRedirect = '/login?expired=1';

  app.get('/login/two-factor', async (request, reply) => {
    const pending = await findPendingSecondFactor(db, sessionToken(request));
    if (!pending) return reply.redirect(expiredRedirect, 303);
    const ctx = contextFor(request, reply);
    return sendPage(reply, TwoFactorPage({ ctx, next: nextPath((request.query as Record<string, unknown>)?.next) }));
  });

  app.post('/login/two-factor', async (request, reply) => {
    const pending = await findPendingSecondFactor(db, sessionToken(request));
    if (!pending) return reply.redirect(expiredRedirect, 303);
    const ctx = contextFor(request, reply);
    const parsed = parseTwoFactor(ctx, request.body);
    if (!parsed.ok) return sendPage(reply, TwoFactorPage({ ctx, next: parsed.input.next, errors: parsed.errors }), 422);
    const { account } = pending;
    const refused = await limited([[rateLimits.secondFactorAccount, account.id]]);
    if (refused) {
      await recordAudit(db, { actorAccountId: account.id, action: 'auth.sign_in_locked', targetType: 'account', targetId: account.id, ip: request.ip, detail: { step: 'second_factor' } });
      const n = waitMinutes(refused.retryAfterSeconds);
      const alert: PageAlert = {
        title: ctx.t('ログインできませんでした', 'Could not sign in'),
        message: ctx.tFormat(
          `確認コードの入力回数が上限に達しました。しばらく（約${n}分）待ってからもう一度お試しください。`,
          `Too many codes entered. Please wait about ${n} minute${n === 1 ? '' : 's'} and try again.`,
        ),
      };
      return sendPage(tooMany(reply, refused), TwoFactorPage({ ctx, next: parsed.value.next, alert }), 429);
    }
    const method = await checkSecondFactor(account, parsed.value.code, request.ip, true);
    if (!method) {
      await recordAudit(db, { actorAccountId: account.id, action: 'auth.second_factor_failed', targetType: 'account', targetId: account.id, ip: request.ip, detail: { kind: parsed.value.code.kind } });
      return sendPage(reply, TwoFactorPage({ ctx, next: parsed.value.next, errors: [{ field: twoFactorIds.code, message: message(ctx, 'wrongCode') }] }), 422);
    }
    await resetRateLimit(db, rateLimits.secondFactorAccount, account.id);
    // A new session id for the signed-in state; the pending one ends.
    const { token } = await startSession(db, { accountId: account.id, stage: 'authenticated', ip: request.ip, userAgent: userAgent(request), previousToken: sessionToken(request) });
    await recordAudit(db, { actorAccountId: account.id, action: 'auth.sign_in', targetType: 'account', targetId: account.id, ip: request.ip, detail: { twoFactor: true, method } });
    setSessionCookie(reply, config.secureCookies, token);
    return reply.redirect(parsed.value.next, 303);
  });

  /**
   * Checks a TOTP or backup code. With `consume`, a right backup code is marked used at once;
   * without, the caller marks it later (password reset, once the mailed code is also right).
   */
  async function checkSecondFactor(account: SignInAccount, code: SecondFactorCode, ip: string, consume: boolean): Promise<'totp' | 'backup_code' | undefined> {
    if (!account.totpSecret) return undefined;
    if (code.kind === 'totp') return (await consumeTotp(db, account.id, openTotpSecret(config.totpEncryptionKey, account.totpSecret, config.totpPreviousKeys), code.code)) ? 'totp' : undefined;
    const codeHash = hashCode(config.sessionSecret, code.code);
    const ok = consume ? await useBackupCode(db, account.id, codeHash, ip) : await hasUnusedBackupCode(db, account.id, codeHash);
    return ok ? 'backup_code' : undefined;
  }

  // ---- Sign out --------------------------------------------------------------------------------

  app.post('/logout', async (request, reply) => {
    const token = sessionToken(request);
    if (token) await signOut(db, token, request.ip);
    clearSessionCookie(reply, config.secureCookies);
    return reply.redirect('/login?signedOut=1', 303);
  });

  // ---- Forgotten password ----------------------------------------------------------------------

  app.get('/password/forgot', async (request, reply) => {
    const ctx = contextFor(request, reply);
    const email = formValue(request.query, 'email').slice(0, 254);
    return sendPage(reply, ForgotPasswordPage({ ctx, email }));
  });

  app.post('/password/forgot', async (request, reply) => {
    const ctx = contextFor(request, reply);
    const parsed = parseForgot(ctx, request.body);
    if (!parsed.ok) return sendPage(reply, ForgotPasswordPage({ ctx, email: parsed.input.email, errors: parsed.errors }), 422);
    const { email } = parsed.value;
    const refused = await limited([
      [rateLimits.resetRequestIp, request.ip],
      [rateLimits.resetRequestAccountIp, accountAt(email, request.ip)],
    ]);
    if (refused) {
      const n = waitMinutes(refused.retryAfterSeconds);
      const alert: PageAlert = {
        title: ctx.t('確認コードを送信できませんでした', 'The code could not be sent'),
        message: ctx.tFormat(
          `確認コードの送信回数が上限に達しました。しばらく（約${n}分）待ってからもう一度お試しください。`,
          `Too many codes requested. Please wait about ${n} minute${n === 1 ? '' : 's'} and try again.`,
        ),
      };
      return sendPage(tooMany(reply, refused), ForgotPasswordPage({ ctx, email, alert }), 429);
    }
    // The same work for every address, known or not: one look-up and one audit row here; the
    // code is made, stored and mailed after the answer, only for an active account.
    const account = await findAccountByEmail(db, email);
    const known = account !== undefined && account.status === 'active';
    await recordAudit(db, { actorAccountId: null, action: 'auth.password_reset_requested', targetType: known ? 'account' : undefined, targetId: known ? account.id : undefined, ip: request.ip, detail: { email } });
    if (known) {
      void issueResetCodeLater(account).catch((error: unknown) => app.log.error({ err: error }, 'reset code could not be issued'));
    }
    return reply.redirect(`/password/reset?email=${encodeURIComponent(email)}&sent=1`, 303);
  });

  /** At most resetMailAccount mails an hour to one address; beyond it, the last code stays valid. */
  async function issueResetCodeLater(account: SignInAccount): Promise<void> {
    const mails = await hitRateLimit(db, rateLimits.resetMailAccount, account.id);
    if (!mails.allowed) return;
    const code = await issueOneTimeCode(db, config.sessionSecret, account.id, 'reset_password');
    sendLater(resetCodeMail(account, code));
  }

  // ---- Password reset --------------------------------------------------------------------------

  app.get('/password/reset', async (request, reply) => {
    const ctx = contextFor(request, reply);
    const email = formValue(request.query, 'email').slice(0, 254);
    const notice =
      formValue(request.query, 'sent') === '1'
        ? ctx.t(
            '入力されたメールアドレスが登録されている場合、確認コードを送信しました。メールに記載された6桁の確認コードを入力してください。',
            'If the address you entered is registered, we have sent it a code. Enter the 6-digit code from the email.',
          )
        : undefined;
    return sendPage(reply, ResetPasswordPage({ ctx, input: { email, code: '' }, notice }));
  });

  app.post('/password/reset', async (request, reply) => {
    const ctx = contextFor(request, reply);
    const parsed = parseReset(ctx, request.body);
    if (!parsed.ok) return sendPage(reply, ResetPasswordPage({ ctx, input: parsed.input, errors: parsed.errors }), 422);
    const { email, code, password, secondFactor } = parsed.value;
    const input = parsed.input;
    // One answer for every failure: an unknown address, a wrong, used-up or expired code, a
    // missing or wrong second factor. Nobody learns from it whether the address has an account
    // or whether that account uses two-factor authentication.
    const failed = () =>
      sendPage(reply, ResetPasswordPage({ ctx, input: { email, code: '' }, errors: [{ field: resetIds.code, message: message(ctx, 'resetFailed') }], offerNewCode: true }), 422);

    const refused = await limited([
      [rateLimits.resetEntryIp, request.ip],
      [rateLimits.resetEntryAccountIp, accountAt(email, request.ip)],
    ]);
    if (refused) {
      const n = waitMinutes(refused.retryAfterSeconds);
      const alert: PageAlert = {
        title: ctx.t('パスワードを再設定できませんでした', 'The password could not be reset'),
        message: ctx.tFormat(
          `確認コードの入力回数が上限に達しました。しばらく（約${n}分）待ってからもう一度お試しください。`,
          `Too many codes entered. Please wait about ${n} minute${n === 1 ? '' : 's'} and try again.`,
        ),
      };
      return sendPage(tooMany(reply, refused), ResetPasswordPage({ ctx, input, alert }), 429);
    }

    const account = await findAccountByEmail(db, email);
    if (!account || account.status !== 'active') {
      hashCode(config.sessionSecret, code); // the work of a code check, for the timing
      return failed();
    }
    // The mailed code first: without it, the second factor is never even looked at.
    const mailed = await checkOneTimeCode(db, config.sessionSecret, account.id, 'reset_password', code);
    if (mailed.result !== 'ok') return failed();

    // Resetting a password never bypasses two-factor authentication.
    let secondFactorMethod: 'totp' | 'backup_code' | undefined;
    if (account.totpSecret) {
      secondFactorMethod = secondFactor ? await checkSecondFactor(account, secondFactor, request.ip, false) : undefined;
      if (!secondFactorMethod) {
        // A missing or wrong second factor counts against the mailed code (5 tries in all).
        await failOneTimeCode(db, mailed.id);
        await recordAudit(db, { actorAccountId: null, action: 'auth.second_factor_failed', targetType: 'account', targetId: account.id, ip: request.ip, detail: { step: 'password_reset', given: secondFactor !== undefined } });
        return failed();
      }
    }
    if (!(await useOneTimeCode(db, mailed.id))) return failed();

    if (secondFactorMethod === 'backup_code' && secondFactor) {
      // Marked used only now that the mailed code was right too; a lost race refuses the reset.
      if (!(await useBackupCode(db, account.id, hashCode(config.sessionSecret, secondFactor.code), request.ip))) return failed();
    }
    await resetPassword(db, { accountId: account.id, passwordHash: await hashPassword(password), ip: request.ip });
    await resetRateLimit(db, rateLimits.resetEntryAccountIp, accountAt(email, request.ip));
    clearSessionCookie(reply, config.secureCookies);
    sendLater(passwordChangedMail(account));
    return reply.redirect('/login?reset=1', 303);
  });
}

function accountStateAlert(ctx: PageContext, account: SignInAccount): PageAlert | undefined {
  const title = ctx.t('ログインできませんでした', 'Could not sign in');
  switch (account.status) {
    case 'active':
      return undefined;
    case 'pending_email':
      return {
        title,
        message: ctx.t(
          'メールアドレスの確認が終わっていません。登録時にお送りした確認コードを入力して、メールアドレスの確認を済ませてください。',
          'Your email address has not been confirmed yet. Enter the code we sent when you registered.',
        ),
        link: { href: `/register/verify?email=${encodeURIComponent(account.email)}`, label: ctx.t('メールアドレスの確認へ進む', 'Confirm your email address') },
      };
    case 'pending_approval':
      return {
        title,
        message: ctx.t(
          '事務局の承認待ちです。承認されるとメールでお知らせしますので、しばらくお待ちください。',
          'Your registration is awaiting the secretariat’s approval. We will email you once it is approved.',
        ),
      };
    default:
      return {
        title,
        message: ctx.t('このアカウントは現在利用できません。事務局にお問い合わせください。', 'This account cannot be used at present. Please contact the secretariat.'),
      };
  }
}

function resetCodeMail(account: SignInAccount, code: string): OutgoingMail {
  return {
    to: account.email,
    subject: `${subjectPrefix}パスワード再設定の確認コード`,
    text: [
      `${account.fullName} 様`,
      '',
      '特別区全国連携プロジェクトの会員専用ページについて、パスワード再設定のお申込みを受け付けました。',
      'パスワード再設定の画面で、次の確認コードを入力してください。',
      '',
      '確認コード：',
      code,
      '',
      '確認コードの有効期限は、このメールの送信から10分間です。',
      '期限が切れた場合は、もう一度「パスワードをお忘れの方」からお申込みください。',
      '',
      'お心当たりがない場合は、このメールを破棄してください。パスワードは変更されません。',
      mailFooter,
    ].join('\n'),
  };
}

function passwordChangedMail(account: SignInAccount): OutgoingMail {
  return {
    to: account.email,
    subject: `${subjectPrefix}パスワードが変更されました`,
    text: [
      `${account.fullName} 様`,
      '',
      `特別区全国連携プロジェクトの会員専用ページのパスワードが、${formatJapaneseDateTime(new Date())}（日本時間）に変更されました。`,
      'ご利用中だったすべての端末からログアウトしました。新しいパスワードでログインしてください。',
      '',
      'お心当たりがない場合は、第三者がパスワードを変更したおそれがあります。',
      'すぐに「パスワードをお忘れの方」からパスワードを再設定し、事務局（公益財団法人特別区協議会 事業部事業推進課 03-5210-9067）にご連絡ください。',
      mailFooter,
    ].join('\n'),
  };
}
