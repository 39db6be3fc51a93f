// /member: the signed-in person's own page (マイページ) and account settings: profile, password,
// two-factor authentication and signed-in devices. Notifications and their mail settings are the
// notifications feature's (/member/notifications).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FeatureOptions } from '../feature-options.ts';
import { unreadCount } from '../notifications/index.ts';
import { hitRateLimit, resetRateLimit, type RateLimitRule } from '../../db/rate-limit.ts';
import { formatJapaneseDateTime } from '../../domain/japanese-date.ts';
import { verifyPassword } from '../../security/passwords.ts';
import { consumeTotp, openTotpSecret, sealTotpSecret } from '../../db/two-factor.ts';
import { newTotpSecret, totpUri, verifyTotp } from '../../security/totp.ts';
import type { OutgoingMail } from '../../mail/index.ts';
import { guard } from '../../policy/guards.ts';
import { setSessionCookie } from '../../policy/session-cookie.ts';
import type { FieldError } from '../../views/components/error-summary.tsx';
import type { PageContext } from '../../views/context.ts';
import { contextFor, sendPage } from '../../views/render.ts';
import {
  changePassword,
  disableTwoFactor,
  enableTwoFactor,
  regenerateBackupCodes,
  revokeOtherSessions,
  revokeSession,
  updateProfile,
  type Member,
  type Origin,
} from './commands.ts';
import {
  codeError,
  parsePasswordChange,
  parsePasswordOnly,
  parseProfile,
  parseSessionRef,
  parseTwoFactorDisable,
  parseTwoFactorEnable,
  signSetupSecret,
  verifySetupSecret,
  wrongCurrentPassword,
  type ProfileInput,
} from './form.ts';
import { countUnusedBackupCodes, getCredentials, getMyMunicipality, getProfile, listLiveSessions, listSecurityEvents, type MemberProfile } from './queries.ts';
import {
  BackupCodesPage,
  DashboardPage,
  PasswordPage,
  ProfilePage,
  SessionsPage,
  TooManyAttemptsPage,
  TwoFactorPage,
  type TwoFactorSetup,
} from './views.tsx';

/** Wrong current passwords, per account (ASVS 6.3.1). */
export const passwordChangeRule: RateLimitRule = { name: 'password_change:account', limit: 10, windowMs: 15 * 60_000 };
/** Wrong authenticator codes (and passwords on the two-factor forms), per account. */
export const secondFactorRule: RateLimitRule = { name: 'second_factor:account', limit: 10, windowMs: 15 * 60_000 };

const mailSubjectPrefix = '【特別区全国連携プロジェクト】';

function queryFlag(request: FastifyRequest, name: string): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

function originOf(request: FastifyRequest): Origin {
  const ua = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof ua === 'string' ? ua : '' };
}

export default async function memberRoutes(app: FastifyInstance, { config, database, mailer }: FeatureOptions): Promise<void> {
  const { db } = database;
  const key = config.sessionSecret;

  /** Security notices go out after the change is saved; a mail failure must not undo it. */
  async function notify(request: FastifyRequest, actor: Member, subject: string, body: string): Promise<void> {
    const mail: OutgoingMail = {
      to: actor.email,
      subject: `${mailSubjectPrefix}${subject}`,
      text: [
        `${actor.displayName} 様`,
        '',
        body,
        '',
        `日時：${formatJapaneseDateTime(new Date())}（日本時間）`,
        `IPアドレス：${request.ip}`,
        '',
        'この操作に心当たりがない場合は、すぐにパスワードを変更し、事務局までご連絡ください。',
        '特別区長会事務局 調査第1課 全国連携プロジェクト担当（電話 03-5210-9747）',
        '',
        '※このメールは送信専用のアドレスから自動で送信しています。',
        '特別区全国連携プロジェクト',
      ].join('\n'),
    };
    try {
      await mailer.send(mail);
    } catch (error) {
      request.log.error({ err: error }, 'security notice mail failed');
    }
  }

  /** Counts an attempt; when over the limit, answers 429 and returns false. */
  async function withinLimit(request: FastifyRequest, reply: FastifyReply, ctx: PageContext, rule: RateLimitRule, actor: Member, backHref: string): Promise<boolean> {
    const result = await hitRateLimit(db, rule, actor.id);
    if (result.allowed) return true;
    reply.header('retry-after', String(result.retryAfterSeconds));
    await sendPage(reply, TooManyAttemptsPage({ ctx, retryAfterSeconds: result.retryAfterSeconds, backHref }), 429);
    return false;
  }

  async function passwordMatches(actor: Member, password: string): Promise<boolean> {
    const { passwordHash } = await getCredentials(db, actor.id);
    return verifyPassword(passwordHash, password);
  }

  // --- Dashboard -----------------------------------------------------------------------------

  app.get('/member', async (request, reply) => {
    const actor = guard(request, reply, 'member-area:view');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const [municipality, events, unreadNotifications] = await Promise.all([
      actor.localGovernmentCode ? getMyMunicipality(db, actor.localGovernmentCode) : Promise.resolve(undefined),
      listSecurityEvents(db, actor.id, 5),
      unreadCount(db, actor.id),
    ]);
    return sendPage(
      reply,
      DashboardPage({ ctx, displayName: actor.displayName, role: actor.role, twoFactorEnabled: actor.twoFactorEnabled, municipality, events, unreadNotifications }),
    );
  });

  // --- Profile -------------------------------------------------------------------------------

  async function affiliationOf(ctx: PageContext, actor: Member): Promise<string> {
    if (actor.role === 'secretariat') return ctx.t('事務局', 'Secretariat');
    const m = actor.localGovernmentCode ? await getMyMunicipality(db, actor.localGovernmentCode) : undefined;
    if (!m) return ctx.t('登録なし', 'None recorded');
    const name = m.prefectureName && m.prefectureName !== m.name ? `${m.prefectureName} ${m.name}` : m.name;
    return ctx.tFormat(`${name}（団体コード ${m.code}）`, `${name} (code ${m.code})`);
  }

  const profileInputOf = (p: MemberProfile): ProfileInput => ({
    displayName: p.displayName,
    department: p.department,
    fullName: p.fullName,
    fullNameKana: p.fullNameKana,
    phone: p.phone,
  });

  app.get('/member/profile', async (request, reply) => {
    const actor = guard(request, reply, 'member-area:view');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const profile = await getProfile(db, actor.id);
    const affiliation = await affiliationOf(ctx, actor);
    return sendPage(reply, ProfilePage({ ctx, profile, affiliation, input: profileInputOf(profile), errors: [], done: queryFlag(request, 'done') === '1' }));
  });

  app.post('/member/profile', async (request, reply) => {
    const actor = guard(request, reply, 'member-area:view');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const parsed = parseProfile(ctx, request.body);
    if (!parsed.ok) {
      const profile = await getProfile(db, actor.id);
      const affiliation = await affiliationOf(ctx, actor);
      return sendPage(reply, ProfilePage({ ctx, profile, affiliation, input: parsed.input, errors: parsed.errors, done: false }), 422);
    }
    await updateProfile(db, actor, parsed.value, originOf(request));
    return reply.redirect('/member/profile?done=1', 303);
  });

  // --- Password ------------------------------------------------------------------------------

  app.get('/member/password', async (request, reply) => {
    const actor = guard(request, reply, 'member-area:view');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    return sendPage(reply, PasswordPage({ ctx, errors: [], done: queryFlag(request, 'done') === '1' }));
  });

  app.post('/member/password', async (request, reply) => {
    const actor = guard(request, reply, 'member-area:view');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const parsed = parsePasswordChange(ctx, request.body, actor.email);
    if (!parsed.ok) return sendPage(reply, PasswordPage({ ctx, errors: parsed.errors, done: false }), 422);
    if (!(await withinLimit(request, reply, ctx, passwordChangeRule, actor, '/member/password'))) return reply;
    if (!(await passwordMatches(actor, parsed.value.current))) {
      return sendPage(reply, PasswordPage({ ctx, errors: [wrongCurrentPassword(ctx, 'password-current')], done: false }), 422);
    }
    await resetRateLimit(db, passwordChangeRule, actor.id);
    const session = await changePassword(db, actor, parsed.value.next, originOf(request));
    setSessionCookie(reply, config.secureCookies, session.token);
    await notify(
      request,
      actor,
      'パスワードが変更されました',
      'パスワードが変更されました。\nこの操作をした端末以外では、すべてログアウトしました。ほかの端末では新しいパスワードでログインし直してください。',
    );
    return reply.redirect('/member/password?done=1', 303);
  });

  // --- Two-factor authentication -------------------------------------------------------------

  async function setupFor(actor: Member, secret: string = newTotpSecret()): Promise<TwoFactorSetup> {
    const uri = totpUri(secret, actor.email);
    // Loaded when someone sets up two-factor authentication, not at every start (about 10 MB).
    const { default: QRCode } = await import('qrcode');
    const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1, width: 240, errorCorrectionLevel: 'L' });
    return { secret, mac: signSetupSecret(key, actor.id, secret), uri, qrSvg };
  }

  async function twoFactorPage(request: FastifyRequest, reply: FastifyReply, ctx: PageContext, actor: Member, errors: FieldError[], status: number, setupSecret?: string): Promise<FastifyReply> {
    const profile = await getProfile(db, actor.id);
    const common = { ctx, required: queryFlag(request, 'required') === '1', isSecretariat: actor.role === 'secretariat', errors };
    if (profile.twoFactorEnabledAt) {
      const backupCodesLeft = await countUnusedBackupCodes(db, actor.id);
      const done = status === 200 && queryFlag(request, 'done') === 'disabled' ? ('disabled' as const) : undefined;
      return sendPage(reply, TwoFactorPage({ ...common, enabled: { since: profile.twoFactorEnabledAt, backupCodesLeft }, done }), status);
    }
    const done = status === 200 && queryFlag(request, 'done') === 'disabled' ? ('disabled' as const) : undefined;
    return sendPage(reply, TwoFactorPage({ ...common, setup: await setupFor(actor, setupSecret), done }), status);
  }

  app.get('/member/two-factor', async (request, reply) => {
    const actor = guard(request, reply, 'member-area:view');
    if (!actor) return reply;
    return twoFactorPage(request, reply, contextFor(request, reply), actor, [], 200);
  });

  app.post('/member/two-factor/enable', async (request, reply) => {
    const actor = guard(request, reply, 'member-area:view');
    if (!actor) return reply;
    if (actor.twoFactorEnabled) return reply.redirect('/member/two-factor', 303);
    const ctx = contextFor(request, reply);
    const parsed = parseTwoFactorEnable(ctx, request.body);
    // A secret that does not carry our signature for this account is never used, not even to redraw the page.
    const genuine = verifySetupSecret(key, actor.id, parsed.input.secret, parsed.input.mac);
    const keepSecret = genuine ? parsed.input.secret : undefined;
    if (!parsed.ok) {
      const errors = genuine ? parsed.errors : [codeError(ctx, 'two-factor-qr', 'secretTampered'), ...parsed.errors];
      return twoFactorPage(request, reply, ctx, actor, errors, 422, keepSecret);
    }
    if (!(await withinLimit(request, reply, ctx, secondFactorRule, actor, '/member/two-factor'))) return reply;
    if (!genuine) return twoFactorPage(request, reply, ctx, actor, [codeError(ctx, 'two-factor-qr', 'secretTampered')], 422);
    const errors: FieldError[] = [];
    if (!verifyTotp(parsed.value.secret, parsed.value.code)) errors.push(codeError(ctx, 'two-factor-code', 'codeWrong'));
    if (!(await passwordMatches(actor, parsed.value.password))) errors.push(wrongCurrentPassword(ctx, 'two-factor-password'));
    if (errors.length > 0) return twoFactorPage(request, reply, ctx, actor, errors, 422, keepSecret);
    await resetRateLimit(db, secondFactorRule, actor.id);
    const result = await enableTwoFactor(db, actor, sealTotpSecret(config.totpEncryptionKey, parsed.value.secret), key, originOf(request));
    if (!result.ok) return reply.redirect('/member/two-factor', 303);
    await notify(
      request,
      actor,
      '2段階認証が有効になりました',
      '2段階認証が有効になりました。\n今後のログインでは、パスワードに加えて認証アプリの確認コード（またはバックアップコード）が必要です。',
    );
    return sendPage(reply, BackupCodesPage({ ctx, codes: result.backupCodes, reason: 'enabled' }));
  });

  app.post('/member/two-factor/backup-codes', async (request, reply) => {
    const actor = guard(request, reply, 'member-area:view');
    if (!actor) return reply;
    if (!actor.twoFactorEnabled) return reply.redirect('/member/two-factor', 303);
    const ctx = contextFor(request, reply);
    const parsed = parsePasswordOnly(ctx, request.body, 'backup-password');
    if (!parsed.ok) return twoFactorPage(request, reply, ctx, actor, parsed.errors, 422);
    if (!(await withinLimit(request, reply, ctx, secondFactorRule, actor, '/member/two-factor'))) return reply;
    if (!(await passwordMatches(actor, parsed.value.password))) {
      return twoFactorPage(request, reply, ctx, actor, [wrongCurrentPassword(ctx, 'backup-password')], 422);
    }
    await resetRateLimit(db, secondFactorRule, actor.id);
    const codes = await regenerateBackupCodes(db, actor, key, originOf(request));
    return sendPage(reply, BackupCodesPage({ ctx, codes, reason: 'regenerated' }));
  });

  app.post('/member/two-factor/disable', async (request, reply) => {
    const actor = guard(request, reply, 'member-area:view');
    if (!actor) return reply;
    if (!actor.twoFactorEnabled) return reply.redirect('/member/two-factor', 303);
    const ctx = contextFor(request, reply);
    if (actor.role === 'secretariat') {
      const mandatory = {
        field: 'disable-two-factor',
        message: ctx.t('事務局アカウントは2段階認証の設定が必須のため、無効にできません。', 'Secretariat accounts must keep two-factor authentication on.'),
      };
      return twoFactorPage(request, reply, ctx, actor, [mandatory], 422);
    }
    const parsed = parseTwoFactorDisable(ctx, request.body);
    if (!parsed.ok) return twoFactorPage(request, reply, ctx, actor, parsed.errors, 422);
    if (!(await withinLimit(request, reply, ctx, secondFactorRule, actor, '/member/two-factor'))) return reply;
    const stored = (await getCredentials(db, actor.id)).totpSecret;
    const totpSecret = stored ? openTotpSecret(config.totpEncryptionKey, stored, config.totpPreviousKeys) : null;
    const errors: FieldError[] = [];
    // The password first: a code is used up once accepted, so it is only spent with the right password.
    const passwordRight = await passwordMatches(actor, parsed.value.password);
    if (!totpSecret || (passwordRight ? !(await consumeTotp(db, actor.id, totpSecret, parsed.value.code)) : !verifyTotp(totpSecret, parsed.value.code))) {
      errors.push(codeError(ctx, 'disable-code', 'codeWrong'));
    }
    if (!passwordRight) errors.push(wrongCurrentPassword(ctx, 'disable-password'));
    if (errors.length > 0) return twoFactorPage(request, reply, ctx, actor, errors, 422);
    await resetRateLimit(db, secondFactorRule, actor.id);
    const result = await disableTwoFactor(db, actor, originOf(request));
    if (!result.ok) return reply.redirect('/member/two-factor', 303);
    await notify(
      request,
      actor,
      '2段階認証が無効になりました',
      '2段階認証が無効になりました。\nこの操作をした端末以外では、すべてログアウトしました。今後はパスワードだけでログインできます。バックアップコードはすべて使えなくなりました。',
    );
    return reply.redirect('/member/two-factor?done=disabled', 303);
  });

  // --- Signed-in devices ---------------------------------------------------------------------

  async function sessionsPage(reply: FastifyReply, ctx: PageContext, actor: Member, errors: FieldError[], status: number, done?: 'one' | 'others'): Promise<FastifyReply> {
    const sessions = await listLiveSessions(db, actor.id, actor.sessionIdHash);
    return sendPage(reply, SessionsPage({ ctx, sessions, errors, done }), status);
  }

  app.get('/member/sessions', async (request, reply) => {
    const actor = guard(request, reply, 'member-area:view');
    if (!actor) return reply;
    const done = queryFlag(request, 'done');
    return sessionsPage(reply, contextFor(request, reply), actor, [], 200, done === '1' ? 'one' : done === 'others' ? 'others' : undefined);
  });

  app.post('/member/sessions/revoke', async (request, reply) => {
    const actor = guard(request, reply, 'member-area:view');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const ref = parseSessionRef(request.body);
    const result = ref ? await revokeSession(db, actor, ref, originOf(request)) : ({ ok: false, reason: 'not_found' } as const);
    if (result.ok) return reply.redirect('/member/sessions?done=1', 303);
    const message =
      result.reason === 'current'
        ? ctx.t('この端末は、画面上部の「ログアウト」からログアウトしてください。', 'To sign out this device, use Sign out at the top of the page.')
        : ctx.t('指定された端末は見つかりませんでした。すでにログアウトしている可能性があります。', 'That device was not found. It may already be signed out.');
    return sessionsPage(reply, ctx, actor, [{ field: 'sessions-list', message }], 422);
  });

  app.post('/member/sessions/revoke-others', async (request, reply) => {
    const actor = guard(request, reply, 'member-area:view');
    if (!actor) return reply;
    await revokeOtherSessions(db, actor, originOf(request));
    return reply.redirect('/member/sessions?done=others', 303);
  });
}
