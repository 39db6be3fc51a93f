// The sign-in, two-factor, forgotten-password and password-reset forms: raw urlencoded body in,
// typed values or field errors (Japanese first) out. Passwords are never normalised or echoed.
import { emailMaxLength, emailPattern, normalizeEmail } from '../../domain/email.ts';
import { z } from 'zod';
import { passwordProblem, passwordProblemMessages } from '../../security/passwords.ts';
import { normalizeCode } from '../../security/one-time-codes.ts';
import type { FieldError } from '../../views/components/error-summary.tsx';
import { safeLocalPath, type PageContext } from '../../views/context.ts';

export const messages = {
  emailRequired: { ja: 'メールアドレスを入力してください。', en: 'Enter your email address.' },
  emailInvalid: { ja: 'メールアドレスを「name@example.lg.jp」のような形式で入力してください。', en: 'Enter an email address in the format name@example.lg.jp.' },
  passwordRequired: { ja: 'パスワードを入力してください。', en: 'Enter your password.' },
  newPasswordRequired: { ja: '新しいパスワードを入力してください。', en: 'Enter a new password.' },
  ...passwordProblemMessages,
  confirmRequired: { ja: '確認のため、同じパスワードをもう一度入力してください。', en: 'Enter the same password again to confirm it.' },
  confirmMismatch: { ja: '確認用のパスワードが一致しません。同じパスワードを入力してください。', en: 'The passwords do not match.' },
  codeRequired: { ja: '確認コードを入力してください。', en: 'Enter the code.' },
  codeFormat: { ja: 'メールに記載された6桁の数字を入力してください。', en: 'Enter the 6-digit number from the email.' },
  secondFactorRequired: { ja: '確認コードを入力してください。', en: 'Enter a code.' },
  secondFactorFormat: {
    ja: '認証アプリの6桁の数字、またはバックアップコード（例：abcde-fghjk）を入力してください。',
    en: 'Enter the 6 digits from your authenticator app or a backup code (e.g. abcde-fghjk).',
  },
  // Answers after the form was read (not field syntax).
  badCredentials: { ja: 'メールアドレスまたはパスワードが正しくありません。', en: 'The email address or password is incorrect.' },
  wrongCode: { ja: '確認コードが正しくありません。', en: 'The code is incorrect.' },
  expiredCode: { ja: '確認コードの有効期限が切れています。もう一度送信してください。', en: 'The code has expired. Please request a new one.' },
  tooManyCodeAttempts: { ja: '確認コードの入力回数が上限に達しました。もう一度送信してください。', en: 'Too many wrong codes. Please request a new one.' },
  resetFailed: {
    ja: '確認コードが正しくないか、有効期限が切れています。2段階認証を設定している方は、認証アプリの確認コードまたはバックアップコードも正しく入力してください。解決しない場合は、確認コードをもう一度送信してください。',
    en: 'The code is wrong or has expired. If you use two-step verification, also enter a correct code from your authenticator app or a backup code. If this does not help, request a new code.',
  },
  secondFactorMissing: {
    ja: '2段階認証を設定しているアカウントです。認証アプリの確認コードまたはバックアップコードを入力してください。',
    en: 'This account uses two-step verification. Enter a code from your authenticator app or a backup code.',
  },
} as const;
export type MessageKey = keyof typeof messages;

export function message(ctx: PageContext, key: MessageKey): string {
  return ctx.tFormat(messages[key].ja, messages[key].en);
}

/** A single form value as a string; anything else (missing, repeated, JSON) becomes ''. */
export function formValue(body: unknown, name: string): string {
  const raw = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof raw === 'string' ? raw : '';
}

const text = z.string().transform((s) => s.normalize('NFKC').trim());
export const emailSchema = z
  .string()
  .transform(normalizeEmail)
  .pipe(z.string().min(1, 'emailRequired').max(emailMaxLength, 'emailInvalid').regex(emailPattern, 'emailInvalid'));

/** The local path to go to after signing in; anything else (another origin, control characters) is /member. */
export function nextPath(value: unknown): string {
  const path = safeLocalPath(value, '/member');
  return path.length > 500 ? '/member' : path;
}

function errorsOf(ctx: PageContext, issues: z.core.$ZodIssue[], ids: Record<string, string>): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const field = String(issue.path[0]);
    if (seen.has(field) || !(field in ids)) continue;
    seen.add(field);
    const key = (issue.message in messages ? issue.message : 'emailInvalid') as MessageKey;
    errors.push({ field: ids[field]!, message: message(ctx, key) });
  }
  return errors;
}

type Parsed<T, I> = { ok: true; value: T; input: I } | { ok: false; errors: FieldError[]; input: I };

// ---- Sign in ------------------------------------------------------------------------------

export interface LoginInput {
  email: string;
  next: string;
}
export const loginIds = { email: 'login-email', password: 'login-password' } as const;

const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'passwordRequired').max(1024, 'too_long'),
});

export function parseLogin(ctx: PageContext, body: unknown): Parsed<{ email: string; password: string; next: string }, LoginInput> {
  const input = { email: formValue(body, 'email').slice(0, 300), next: nextPath(formValue(body, 'next')) };
  const result = loginSchema.safeParse({ email: formValue(body, 'email'), password: formValue(body, 'password') });
  if (!result.success) return { ok: false, errors: errorsOf(ctx, result.error.issues, loginIds), input };
  return { ok: true, value: { ...result.data, next: input.next }, input: { ...input, email: result.data.email } };
}

// ---- Second factor ------------------------------------------------------------------------

export type SecondFactorCode = { kind: 'totp'; code: string } | { kind: 'backup'; code: string };

/** A TOTP code (6 digits) or a backup code (10 letters and digits, hyphen optional). */
export function parseSecondFactorCode(value: string): SecondFactorCode | undefined {
  const code = normalizeCode(value);
  if (/^\d{6}$/.test(code)) return { kind: 'totp', code };
  if (/^[a-z0-9]{10}$/.test(code)) return { kind: 'backup', code };
  return undefined;
}

export const twoFactorIds = { code: 'two-factor-code' } as const;

export function parseTwoFactor(ctx: PageContext, body: unknown): Parsed<{ code: SecondFactorCode; next: string }, { next: string }> {
  const input = { next: nextPath(formValue(body, 'next')) };
  const raw = formValue(body, 'code');
  if (raw.trim() === '') return { ok: false, errors: [{ field: twoFactorIds.code, message: message(ctx, 'secondFactorRequired') }], input };
  const code = parseSecondFactorCode(raw);
  if (!code) return { ok: false, errors: [{ field: twoFactorIds.code, message: message(ctx, 'secondFactorFormat') }], input };
  return { ok: true, value: { code, next: input.next }, input };
}

// ---- Forgotten password -------------------------------------------------------------------

export const forgotIds = { email: 'forgot-email' } as const;

export function parseForgot(ctx: PageContext, body: unknown): Parsed<{ email: string }, { email: string }> {
  const input = { email: formValue(body, 'email').slice(0, 300) };
  const result = z.object({ email: emailSchema }).safeParse({ email: formValue(body, 'email') });
  if (!result.success) return { ok: false, errors: errorsOf(ctx, result.error.issues, forgotIds), input };
  return { ok: true, value: result.data, input: result.data };
}

// ---- Password reset -----------------------------------------------------------------------

export interface ResetInput {
  email: string;
  code: string;
}
export const resetIds = {
  email: 'reset-email',
  code: 'reset-code',
  password: 'reset-password',
  passwordConfirm: 'reset-password-confirm',
  secondFactor: 'reset-second-factor',
} as const;

export interface ResetValue {
  email: string;
  code: string;
  password: string;
  secondFactor: SecondFactorCode | undefined;
}

const codeSchema = text.transform((s) => s.replace(/[\s-]/g, '')).pipe(z.string().min(1, 'codeRequired').regex(/^\d{6}$/, 'codeFormat'));

export function parseReset(ctx: PageContext, body: unknown): Parsed<ResetValue, ResetInput> {
  const input = { email: formValue(body, 'email').slice(0, 300), code: formValue(body, 'code').slice(0, 20) };
  const password = formValue(body, 'password');
  const confirm = formValue(body, 'passwordConfirm');
  const secondFactorRaw = formValue(body, 'secondFactor');
  const result = z.object({ email: emailSchema, code: codeSchema }).safeParse({ email: input.email, code: input.code });
  const errors = result.success ? [] : errorsOf(ctx, result.error.issues, resetIds);
  const email = result.success ? result.data.email : undefined;
  const problem = password === '' ? 'newPasswordRequired' : passwordProblem(password, email);
  if (problem) errors.push({ field: resetIds.password, message: message(ctx, problem) });
  else if (confirm === '') errors.push({ field: resetIds.passwordConfirm, message: message(ctx, 'confirmRequired') });
  else if (confirm !== password) errors.push({ field: resetIds.passwordConfirm, message: message(ctx, 'confirmMismatch') });
  const secondFactor = secondFactorRaw.trim() === '' ? undefined : parseSecondFactorCode(secondFactorRaw);
  if (secondFactorRaw.trim() !== '' && !secondFactor) errors.push({ field: resetIds.secondFactor, message: message(ctx, 'secondFactorFormat') });
  if (!result.success || errors.length > 0) return { ok: false, errors: sortErrors(errors, Object.values(resetIds)), input };
  return { ok: true, value: { email: result.data.email, code: result.data.code, password, secondFactor }, input: { email: result.data.email, code: result.data.code } };
}

/** Errors in the order of the fields on the page. */
function sortErrors(errors: FieldError[], order: string[]): FieldError[] {
  return [...errors].sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
}

/** "about N minutes" for a rate-limit answer, never less than 1. */
export function waitMinutes(retryAfterSeconds: number): number {
  return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}
