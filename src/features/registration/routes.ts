// Registration: /register (the application, free), /register/verify (the mailed 6-digit code),
// /register/resend, /register/done, and /terms. An address that already has an account gets the
// same answer as a new one (its owner is told by mail), so the form never reveals who is registered.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { FeatureOptions } from '../feature-options.ts';
import { checkOneTimeCode, failOneTimeCode, issueOneTimeCode, useOneTimeCode } from '../../db/one-time-codes.ts';
import { hitRateLimit, type RateLimitResult, type RateLimitRule } from '../../db/rate-limit.ts';
import { decoyPasswordHash, hashPassword, verifyPassword } from '../../security/passwords.ts';
import type { OutgoingMail } from '../../mail/index.ts';
import type { FieldError } from '../../views/components/error-summary.tsx';
import type { PageContext } from '../../views/context.ts';
import { contextFor, sendPage } from '../../views/render.ts';
import { applyForMembership, confirmEmail } from './commands.ts';
import {
  emptyRegisterInput,
  formValue,
  message,
  parseRegistration,
  parseResend,
  parseVerify,
  registerIds,
  sortErrors,
  verifyIds,
  waitMinutes,
  type RegisterInput,
} from './form.ts';
import { findAccountByEmail, findGovernmentCandidates, isLiveApplication, type GovernmentChoice } from './queries.ts';
import { DonePage, RegisterPage, TermsPage, VerifyPage, type MunicipalityState, type PageAlert } from './views.tsx';

const minutes = 60_000;
export const rateLimits = {
  registerIp: { name: 'register:ip', limit: 10, windowMs: 60 * minutes },
  codeEntryIp: { name: 'code_entry:ip', limit: 30, windowMs: 15 * minutes },
  resendAccount: { name: 'register_resend:account', limit: 3, windowMs: 15 * minutes },
} as const satisfies Record<string, RateLimitRule>;

const subjectPrefix = '【特別区全国連携プロジェクト】';
const mailFooter = ['', '──────────', '特別区全国連携プロジェクト', '※ このメールは送信専用のアドレスからお送りしています。返信はできません。'].join('\n');

export default async function registrationRoutes(app: FastifyInstance, { config, database, mailer }: FeatureOptions): Promise<void> {
  const { db } = database;

  /** Mails whose timing must not tell whether an address is registered are sent in the background. */
  const sendLater = (mail: OutgoingMail): void => {
    mailer.send(mail).catch((error: unknown) => app.log.error({ err: error }, 'mail could not be sent'));
  };

  const tooMany = (reply: FastifyReply, result: RateLimitResult): FastifyReply => reply.header('retry-after', String(result.retryAfterSeconds));

  // ---- The application -----------------------------------------------------------------------

  app.get('/register', async (request, reply) => {
    const ctx = contextFor(request, reply);
    return sendPage(reply, RegisterPage({ ctx, input: emptyRegisterInput, municipality: { kind: 'open' } }));
  });

  app.post('/register', async (request, reply) => {
    const ctx = contextFor(request, reply);
    const parsed = parseRegistration(ctx, request.body);
    const errors: FieldError[] = parsed.ok ? [] : [...parsed.errors];
    const typed = parsed.ok ? parsed.value.municipality : parsed.municipality;
    const chosenCode = parsed.ok ? parsed.value.municipalityCode : parsed.municipalityCode;

    // The municipality is resolved even when other fields fail, so the candidates come back at once.
    let government: GovernmentChoice | undefined;
    let municipality: MunicipalityState = { kind: 'open' };
    if (typed !== '' && !errors.some((e) => e.field === registerIds.municipality)) {
      const candidates = await findGovernmentCandidates(db, typed);
      government = candidates.length === 1 ? candidates[0] : candidates.find((c) => c.code === chosenCode);
      if (government) municipality = { kind: 'resolved', choice: government };
      else if (candidates.length > 1) {
        municipality = { kind: 'ambiguous', candidates, chosen: chosenCode };
        errors.push({ field: registerIds.municipalityCode, message: message(ctx, 'municipalityAmbiguous') });
      } else {
        errors.push({ field: registerIds.municipality, message: message(ctx, 'municipalityNotFound') });
      }
    }
    const input: RegisterInput = { ...parsed.input, municipalityCode: government?.code ?? '' };
    if (!parsed.ok || errors.length > 0 || !government) {
      return sendPage(reply, RegisterPage({ ctx, input, municipality, errors: sortErrors(errors) }), 422);
    }

    const refused = await hitRateLimit(db, rateLimits.registerIp, request.ip);
    if (!refused.allowed) {
      const n = waitMinutes(refused.retryAfterSeconds);
      const alert: PageAlert = {
        title: ctx.t('申込みを受け付けられませんでした', 'The application could not be accepted'),
        message: ctx.tFormat(
          `このネットワークからの登録の申込みが上限に達しました。しばらく（約${n}分）待ってからもう一度お試しください。`,
          `Too many applications from this network. Please wait about ${n} minute${n === 1 ? '' : 's'} and try again.`,
        ),
      };
      return sendPage(tooMany(reply, refused), RegisterPage({ ctx, input, municipality, alert }), 429);
    }

    const v = parsed.value;
    // Hashed before looking the address up, so both answers take the same time.
    const passwordHash = await hashPassword(v.password);
    const existing = await findAccountByEmail(db, v.email);
    // An application still waiting for its confirmation is replaced by this one (commands.ts).
    const created = existing && existing.status !== 'pending_email'
      ? ({ ok: false, reason: 'duplicate' } as const)
      : await applyForMembership(db, {
          government,
          department: v.department,
          fullName: v.fullName,
          fullNameKana: v.fullNameKana,
          displayName: v.displayName,
          email: v.email,
          phone: v.phone,
          passwordHash,
          ip: request.ip,
        });
    if (created.ok) {
      const code = await issueOneTimeCode(db, config.sessionSecret, created.accountId, 'verify_email');
      sendLater(verificationMail(v.email, v.fullName, code));
    } else {
      request.log.info('registration with an address that already has an account');
      sendLater(alreadyRegisteredMail(v.email, config.publicUrl));
    }
    return reply.redirect(`/register/verify?email=${encodeURIComponent(v.email)}`, 303);
  });

  // ---- Email confirmation --------------------------------------------------------------------

  app.get('/register/verify', async (request, reply) => {
    const ctx = contextFor(request, reply);
    const email = formValue(request.query, 'email').slice(0, 254);
    const notice =
      formValue(request.query, 'resent') === '1'
        ? ctx.t(
            '入力されたメールアドレスで登録の手続中の場合は、新しい確認コードを送信しました。以前の確認コードは使えません。',
            'If that address has an application in progress, we have sent it a new code. Earlier codes no longer work.',
          )
        : undefined;
    return sendPage(reply, VerifyPage({ ctx, input: { email, code: '' }, resendEmail: email, notice }));
  });

  app.post('/register/verify', async (request, reply) => {
    const ctx = contextFor(request, reply);
    const parsed = parseVerify(ctx, request.body);
    if (!parsed.ok) return sendPage(reply, VerifyPage({ ctx, input: parsed.input, resendEmail: parsed.input.email, errors: parsed.errors }), 422);
    const { email, code, password } = parsed.value;
    const codeError = (key: 'wrongCode' | 'expiredCode' | 'tooManyCodeAttempts' | 'verifyFailed') =>
      sendPage(reply, VerifyPage({ ctx, input: { email, code: '' }, resendEmail: email, errors: [{ field: verifyIds.code, message: message(ctx, key) }] }), 422);

    const refused = await hitRateLimit(db, rateLimits.codeEntryIp, request.ip);
    if (!refused.allowed) {
      const n = waitMinutes(refused.retryAfterSeconds);
      const alert = codeEntryAlert(ctx, n);
      return sendPage(tooMany(reply, refused), VerifyPage({ ctx, input: parsed.input, resendEmail: email, alert }), 429);
    }
    const found = await findAccountByEmail(db, email);
    // Unknown addresses (accounts past this step, applications older than 24 hours) get the answer of a wrong code.
    if (!isLiveApplication(found)) {
      await verifyPassword(await decoyPasswordHash(), password);
      return codeError('verifyFailed');
    }
    const account = found;
    const checked = await checkOneTimeCode(db, config.sessionSecret, account.id, 'verify_email', code);
    if (checked.result === 'too_many_attempts') return codeError('tooManyCodeAttempts');
    if (checked.result === 'expired' || checked.result === 'none') return codeError('expiredCode');
    // The code alone is not enough: the password of this application too. Should someone have
    // applied again with the owner's address, the owner's code would otherwise confirm their password.
    if (checked.result !== 'ok' || !(await verifyPassword(account.passwordHash, password))) {
      if (checked.result === 'ok') await failOneTimeCode(db, checked.id);
      return codeError('verifyFailed');
    }
    if (!(await useOneTimeCode(db, checked.id))) return codeError('expiredCode');
    if (await confirmEmail(db, account.id, request.ip)) sendLater(receivedMail(account.email, account.fullName));
    return reply.redirect('/register/done', 303);
  });

  app.post('/register/resend', async (request, reply) => {
    const ctx = contextFor(request, reply);
    const parsed = parseResend(ctx, request.body);
    if (!parsed.ok) return sendPage(reply, VerifyPage({ ctx, input: { email: '', code: '' }, resendEmail: parsed.email, errors: parsed.errors }), 422);
    const { email } = parsed;
    const refused = await hitRateLimit(db, rateLimits.resendAccount, email);
    if (!refused.allowed) {
      const n = waitMinutes(refused.retryAfterSeconds);
      const alert: PageAlert = {
        title: ctx.t('確認コードを送信できませんでした', 'The code could not be sent'),
        message: ctx.tFormat(
          `確認コードの再送信の回数が上限に達しました。しばらく（約${n}分）待ってからもう一度お試しください。`,
          `Too many codes requested. Please wait about ${n} minute${n === 1 ? '' : 's'} and try again.`,
        ),
      };
      return sendPage(tooMany(reply, refused), VerifyPage({ ctx, input: { email, code: '' }, resendEmail: email, alert }), 429);
    }
    const account = await findAccountByEmail(db, email);
    if (isLiveApplication(account)) {
      const code = await issueOneTimeCode(db, config.sessionSecret, account.id, 'verify_email');
      sendLater(verificationMail(account.email, account.fullName, code));
    }
    return reply.redirect(`/register/verify?email=${encodeURIComponent(email)}&resent=1`, 303);
  });

  app.get('/register/done', async (request, reply) => sendPage(reply, DonePage({ ctx: contextFor(request, reply) })));

  app.get('/terms', async (request, reply) => sendPage(reply, TermsPage({ ctx: contextFor(request, reply) })));
}

function codeEntryAlert(ctx: PageContext, n: number): PageAlert {
  return {
    title: ctx.t('確認できませんでした', 'The code could not be checked'),
    message: ctx.tFormat(
      `確認コードの入力回数が上限に達しました。しばらく（約${n}分）待ってからもう一度お試しください。`,
      `Too many codes entered. Please wait about ${n} minute${n === 1 ? '' : 's'} and try again.`,
    ),
  };
}

function verificationMail(to: string, fullName: string, code: string): OutgoingMail {
  return {
    to,
    subject: `${subjectPrefix}メールアドレスの確認コード`,
    text: [
      `${fullName} 様`,
      '',
      '特別区全国連携プロジェクトの会員登録をお申し込みいただき、ありがとうございます。',
      'メールアドレスの確認のため、「メールアドレスの確認」の画面で次の確認コードを入力してください。',
      '',
      '確認コード：',
      code,
      '',
      '確認コードの有効期限は、このメールの送信から10分間です。',
      '期限が切れた場合は、「メールアドレスの確認」の画面から確認コードを再送信してください。',
      '',
      'お心当たりがない場合は、このメールを破棄してください。確認コードを入力しない限り、登録は完了しません。',
      mailFooter,
    ].join('\n'),
  };
}

function alreadyRegisteredMail(to: string, publicUrl: string): OutgoingMail {
  return {
    to,
    subject: `${subjectPrefix}このメールアドレスは既に登録されています`,
    text: [
      'このメールアドレスで特別区全国連携プロジェクトの会員登録のお申込みがありましたが、このメールアドレスは既に登録されています。',
      '新しいアカウントは作成していません。',
      '',
      'ログインは次のページから行えます。',
      `${publicUrl}/login`,
      '',
      'パスワードをお忘れの場合は、次のページからパスワードを再設定できます。',
      `${publicUrl}/password/forgot`,
      '',
      'メールアドレスの確認が済んでいない場合は、次のページから確認コードを再送信できます。',
      `${publicUrl}/register/verify`,
      '',
      'お心当たりがない場合は、このメールを破棄してください。アカウントに変更はありません。',
      mailFooter,
    ].join('\n'),
  };
}

function receivedMail(to: string, fullName: string): OutgoingMail {
  return {
    to,
    subject: `${subjectPrefix}会員登録の申請を受け付けました`,
    text: [
      `${fullName} 様`,
      '',
      'メールアドレスの確認が完了し、特別区全国連携プロジェクトの会員登録の申請を受け付けました。',
      '事務局が申請内容を確認します。承認または不承認の結果は、このメールアドレスにお知らせします。',
      '承認後は、登録したメールアドレスとパスワードでログインできます。',
      '',
      'お心当たりがない場合は、お手数ですが事務局（公益財団法人特別区協議会 事業部事業推進課 03-5210-9067）までご連絡ください。',
      mailFooter,
    ].join('\n'),
  };
}
