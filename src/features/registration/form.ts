// The registration, email-confirmation and resend forms: raw urlencoded body in, typed values or
// field errors (Japanese first) out. Passwords are never normalised and never echoed back.
import { emailMaxLength, emailPattern, normalizeEmail } from '../../domain/email.ts';
import { hiraganaToKatakana } from '../../domain/kana.ts';
import { z } from 'zod';
import { passwordProblem, passwordProblemMessages } from '../../security/passwords.ts';
import type { FieldError } from '../../views/components/error-summary.tsx';
import type { PageContext } from '../../views/context.ts';

export const messages = {
  municipalityRequired: {
    ja: '所属する自治体を入力してください。',
    en: 'Enter the local government you work for.',
  },
  municipalityTooLong: { ja: '自治体名は50文字以内で入力してください。', en: 'Enter at most 50 characters.' },
  municipalityNotFound: {
    ja: '該当する自治体が見つかりません。名称または団体コードを確認してください。',
    en: 'No local government matches. Check the name or the code.',
  },
  municipalityAmbiguous: {
    ja: '同じ名称の自治体が複数あります。該当する自治体を選んでください。',
    en: 'Several local governments have this name. Choose yours.',
  },
  departmentRequired: { ja: '所属部署を入力してください。', en: 'Enter your department.' },
  departmentTooLong: { ja: '所属部署は100文字以内で入力してください。', en: 'Enter at most 100 characters.' },
  fullNameRequired: { ja: '氏名を入力してください。', en: 'Enter your full name.' },
  fullNameTooLong: { ja: '氏名は50文字以内で入力してください。', en: 'Enter at most 50 characters.' },
  kanaRequired: { ja: 'フリガナを入力してください。', en: 'Enter the reading of your name.' },
  kanaInvalid: { ja: 'フリガナは全角カタカナで入力してください（例：トクベツ　タロウ）。', en: 'Enter the reading in katakana (e.g. トクベツ タロウ).' },
  kanaTooLong: { ja: 'フリガナは50文字以内で入力してください。', en: 'Enter at most 50 characters.' },
  displayNameRequired: { ja: '表示名を入力してください。', en: 'Enter a display name.' },
  displayNameTooLong: { ja: '表示名は30文字以内で入力してください。', en: 'Enter at most 30 characters.' },
  emailRequired: { ja: 'メールアドレスを入力してください。', en: 'Enter your email address.' },
  emailInvalid: { ja: 'メールアドレスを「name@example.lg.jp」のような形式で入力してください。', en: 'Enter an email address in the format name@example.lg.jp.' },
  phoneRequired: { ja: '電話番号を入力してください。', en: 'Enter a phone number.' },
  phoneInvalid: {
    ja: '電話番号は半角数字とハイフンで、10〜15桁の数字を入力してください（例：03-5210-9067）。',
    en: 'Enter 10 to 15 digits, with hyphens if you like (e.g. 03-5210-9067).',
  },
  passwordRequired: { ja: 'パスワードを入力してください。', en: 'Enter a password.' },
  ...passwordProblemMessages,
  confirmRequired: { ja: '確認のため、同じパスワードをもう一度入力してください。', en: 'Enter the same password again to confirm it.' },
  confirmMismatch: { ja: '確認用のパスワードが一致しません。同じパスワードを入力してください。', en: 'The passwords do not match.' },
  termsRequired: { ja: '会員登録には利用規約への同意が必要です。', en: 'You must accept the terms of use to register.' },
  codeRequired: { ja: '確認コードを入力してください。', en: 'Enter the code.' },
  codeFormat: { ja: 'メールに記載された6桁の数字を入力してください。', en: 'Enter the 6-digit number from the email.' },
  wrongCode: { ja: '確認コードが正しくありません。', en: 'The code is incorrect.' },
  verifyFailed: {
    ja: '確認コードまたはパスワードが正しくありません。お申込みのときに設定したパスワードを入力してください。同じメールアドレスで後から別の申込みがあった場合、以前の申込みは無効になります。その場合は、もう一度会員登録をお申し込みください。',
    en: 'The code or the password is incorrect. Enter the password you chose when you applied. A later application with the same address replaces an earlier one; if so, please apply again.',
  },
  verifyPasswordRequired: { ja: 'お申込みのときに設定したパスワードを入力してください。', en: 'Enter the password you chose when you applied.' },
  expiredCode: { ja: '確認コードの有効期限が切れています。もう一度送信してください。', en: 'The code has expired. Please request a new one.' },
  tooManyCodeAttempts: { ja: '確認コードの入力回数が上限に達しました。もう一度送信してください。', en: 'Too many wrong codes. Please request a new one.' },
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

const text = z.string().transform((s) => s.normalize('NFKC').replace(/\s+/g, ' ').trim());

export const emailSchema = z
  .string()
  .transform(normalizeEmail)
  .pipe(z.string().min(1, 'emailRequired').max(emailMaxLength, 'emailInvalid').regex(emailPattern, 'emailInvalid'));

/** Hiragana (and half-width katakana, through NFKC) become full-width katakana; spaces become one. */
export function toKatakana(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[\u3041-\u3096\u309D\u309E]+/g, hiraganaToKatakana)
    .replace(/\s+/g, ' ')
    .trim();
}

const kanaSchema = z
  .string()
  .transform(toKatakana)
  .pipe(z.string().min(1, 'kanaRequired').max(50, 'kanaTooLong').regex(/^[\u30A1-\u30FA\u30FC\u30FD\u30FE・ ]+$/, 'kanaInvalid'));

/** Dash-like characters people type in phone numbers become ASCII hyphens. */
const phoneSchema = z
  .string()
  .transform((s) => s.normalize('NFKC').replace(/[‐‑‒–—―−ーｰ]/g, '-').replace(/\s+/g, ''))
  .pipe(
    z
      .string()
      .min(1, 'phoneRequired')
      .regex(/^\d[\d-]*\d$/, 'phoneInvalid')
      .refine((s) => {
        const digits = s.replace(/-/g, '').length;
        return digits >= 10 && digits <= 15;
      }, 'phoneInvalid'),
  );

const fieldsSchema = z.object({
  municipality: text.pipe(z.string().min(1, 'municipalityRequired').max(50, 'municipalityTooLong')),
  department: text.pipe(z.string().min(1, 'departmentRequired').max(100, 'departmentTooLong')),
  fullName: text.pipe(z.string().min(1, 'fullNameRequired').max(50, 'fullNameTooLong')),
  fullNameKana: kanaSchema,
  displayName: text.pipe(z.string().min(1, 'displayNameRequired').max(30, 'displayNameTooLong')),
  email: emailSchema,
  phone: phoneSchema,
});

export const registerIds = {
  municipality: 'reg-municipality',
  municipalityCode: 'reg-municipality-code',
  department: 'reg-department',
  fullName: 'reg-full-name',
  fullNameKana: 'reg-full-name-kana',
  displayName: 'reg-display-name',
  email: 'reg-email',
  phone: 'reg-phone',
  password: 'reg-password',
  passwordConfirm: 'reg-password-confirm',
  terms: 'reg-terms',
} as const;
type RegisterField = keyof typeof registerIds;

/** What the person typed, echoed back when the form comes back (never the passwords). */
export interface RegisterInput {
  municipality: string;
  municipalityCode: string;
  department: string;
  fullName: string;
  fullNameKana: string;
  displayName: string;
  email: string;
  phone: string;
  terms: boolean;
}

export interface RegisterValue {
  /** The text typed for the municipality, resolved against the master data by the route. */
  municipality: string;
  /** The code chosen among candidates (radio) or kept from an earlier answer (hidden). */
  municipalityCode: string;
  department: string;
  fullName: string;
  fullNameKana: string;
  displayName: string;
  email: string;
  phone: string;
  password: string;
}

export type ParsedRegistration =
  | { ok: true; value: RegisterValue; input: RegisterInput }
  | { ok: false; errors: FieldError[]; input: RegisterInput; municipality: string; municipalityCode: string };

export const emptyRegisterInput: RegisterInput = {
  municipality: '',
  municipalityCode: '',
  department: '',
  fullName: '',
  fullNameKana: '',
  displayName: '',
  email: '',
  phone: '',
  terms: false,
};

export function parseRegistration(ctx: PageContext, body: unknown): ParsedRegistration {
  const raw = (name: RegisterField) => formValue(body, name);
  const input: RegisterInput = {
    municipality: raw('municipality').slice(0, 100),
    municipalityCode: /^\d{6}$/.test(raw('municipalityCode')) ? raw('municipalityCode') : '',
    department: raw('department').slice(0, 200),
    fullName: raw('fullName').slice(0, 100),
    fullNameKana: raw('fullNameKana').slice(0, 100),
    displayName: raw('displayName').slice(0, 60),
    email: raw('email').slice(0, 300),
    phone: raw('phone').slice(0, 40),
    terms: ['1', 'on', 'yes'].includes(raw('terms')),
  };
  const password = raw('password');
  const confirm = raw('passwordConfirm');
  const result = fieldsSchema.safeParse({
    municipality: raw('municipality'),
    department: raw('department'),
    fullName: raw('fullName'),
    fullNameKana: raw('fullNameKana'),
    displayName: raw('displayName'),
    email: raw('email'),
    phone: raw('phone'),
  });
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0]) as RegisterField;
      if (seen.has(field) || !(field in registerIds)) continue;
      seen.add(field);
      const key = (issue.message in messages ? issue.message : 'emailInvalid') as MessageKey;
      errors.push({ field: registerIds[field], message: message(ctx, key) });
    }
  }
  const email = result.success ? result.data.email : undefined;
  const problem = password === '' ? 'passwordRequired' : passwordProblem(password, email);
  if (problem) errors.push({ field: registerIds.password, message: message(ctx, problem) });
  else if (confirm === '') errors.push({ field: registerIds.passwordConfirm, message: message(ctx, 'confirmRequired') });
  else if (confirm !== password) errors.push({ field: registerIds.passwordConfirm, message: message(ctx, 'confirmMismatch') });
  if (!input.terms) errors.push({ field: registerIds.terms, message: message(ctx, 'termsRequired') });

  // Cleaned values are shown back where they parsed (e.g. hiragana already turned into katakana).
  if (result.success) Object.assign(input, { ...result.data, municipality: input.municipality.trim() });
  const municipality = text.parse(input.municipality);
  if (!result.success || errors.length > 0) return { ok: false, errors, input, municipality, municipalityCode: input.municipalityCode };
  return { ok: true, value: { ...result.data, municipalityCode: input.municipalityCode, password }, input };
}

/** Errors in the order of the fields on the page. */
export function sortErrors(errors: FieldError[]): FieldError[] {
  const order: string[] = Object.values(registerIds);
  return [...errors].sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
}

// ---- Email confirmation ---------------------------------------------------------------------

export const verifyIds = { email: 'verify-email', code: 'verify-code', password: 'verify-password', resendEmail: 'resend-email' } as const;

const codeSchema = text.transform((s) => s.replace(/[\s-]/g, '')).pipe(z.string().min(1, 'codeRequired').regex(/^\d{6}$/, 'codeFormat'));

export interface VerifyInput {
  email: string;
  code: string;
}

/**
 * The confirmation: email, the mailed code and the password chosen when applying (never echoed),
 * so that a code can only confirm the application of the person who knows its password.
 */
export function parseVerify(
  ctx: PageContext,
  body: unknown,
): { ok: true; value: { email: string; code: string; password: string }; input: VerifyInput } | { ok: false; errors: FieldError[]; input: VerifyInput } {
  const input = { email: formValue(body, 'email').slice(0, 300), code: formValue(body, 'code').slice(0, 20) };
  const password = formValue(body, 'password');
  const result = z.object({ email: emailSchema, code: codeSchema }).safeParse(input);
  const errors: FieldError[] = [];
  if (!result.success) {
    for (const field of ['email', 'code'] as const) {
      const issue = result.error.issues.find((i) => i.path[0] === field);
      if (issue) errors.push({ field: verifyIds[field], message: message(ctx, (issue.message in messages ? issue.message : 'emailInvalid') as MessageKey) });
    }
  }
  if (password === '' || password.length > 1024) errors.push({ field: verifyIds.password, message: message(ctx, 'verifyPasswordRequired') });
  if (!result.success || errors.length > 0) return { ok: false, errors, input };
  return { ok: true, value: { ...result.data, password }, input: result.data };
}

export function parseResend(ctx: PageContext, body: unknown): { ok: true; email: string } | { ok: false; errors: FieldError[]; email: string } {
  const email = formValue(body, 'email').slice(0, 300);
  const result = emailSchema.safeParse(email);
  if (result.success) return { ok: true, email: result.data };
  const key = (result.error.issues[0]?.message ?? 'emailInvalid') as MessageKey;
  return { ok: false, errors: [{ field: verifyIds.resendEmail, message: message(ctx, key in messages ? key : 'emailInvalid') }], email };
}

/** "about N minutes" for a rate-limit answer, never less than 1. */
export function waitMinutes(retryAfterSeconds: number): number {
  return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}
