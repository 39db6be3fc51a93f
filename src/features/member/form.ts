// The member area's forms: raw urlencoded bodies in, typed values or Japanese field errors out.
// Passwords are never echoed back: the `input` kept for a re-rendered form leaves them out.
import { hiraganaToKatakana } from '../../domain/kana.ts';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { passwordProblem, passwordProblemMessages, type PasswordProblem } from '../../security/passwords.ts';
import type { PageContext } from '../../views/context.ts';
import type { FieldError } from '../../views/components/error-summary.tsx';

type Message = { ja: string; en: string };
type Parsed<V, I> = { ok: true; value: V; input: I } | { ok: false; errors: FieldError[]; input: I };

/** A form body as strings: repeated or missing keys become ''. */
function fieldsOf<K extends string>(body: unknown, keys: readonly K[]): Record<K, string> {
  const raw = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  return Object.fromEntries(keys.map((k) => [k, typeof raw[k] === 'string' ? raw[k] : ''])) as Record<K, string>;
}

const text = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();

function collect(ctx: PageContext, problems: Array<[string, Message | undefined]>): FieldError[] {
  return problems.filter((p): p is [string, Message] => p[1] !== undefined).map(([field, m]) => ({ field, message: ctx.tFormat(m.ja, m.en) }));
}

// --- Profile ---------------------------------------------------------------------------------

export const profileLimits = { displayName: 30, department: 100, fullName: 50, fullNameKana: 50 } as const;

export interface ProfileValue {
  displayName: string;
  department: string;
  fullName: string;
  fullNameKana: string;
  phone: string;
}
export type ProfileInput = ProfileValue;


/** Dashes people type in phone numbers (full-width, minus, long vowel mark…) become '-'. */
function normalizePhone(s: string): string {
  return s.normalize('NFKC').replace(/[\u2010-\u2015\u2212\u30FC\uFF70\uFE63]/g, '-').replace(/\s+/g, '');
}

const profileMessages = {
  displayNameRequired: { ja: '表示名を入力してください。', en: 'Enter a display name.' },
  displayNameLong: { ja: `表示名は${profileLimits.displayName}文字以内で入力してください。`, en: `Enter a display name of at most ${profileLimits.displayName} characters.` },
  departmentLong: { ja: `所属部署は${profileLimits.department}文字以内で入力してください。`, en: `Enter at most ${profileLimits.department} characters.` },
  fullNameRequired: { ja: '氏名を入力してください。', en: 'Enter your name.' },
  fullNameLong: { ja: `氏名は${profileLimits.fullName}文字以内で入力してください。`, en: `Enter at most ${profileLimits.fullName} characters.` },
  kanaRequired: { ja: 'フリガナを入力してください。', en: 'Enter the reading of your name in katakana.' },
  kanaInvalid: { ja: 'フリガナは全角カタカナで入力してください。', en: 'Enter the reading in full-width katakana.' },
  kanaLong: { ja: `フリガナは${profileLimits.fullNameKana}文字以内で入力してください。`, en: `Enter at most ${profileLimits.fullNameKana} characters.` },
  phoneRequired: { ja: '電話番号を入力してください。', en: 'Enter a phone number.' },
  phoneInvalid: {
    ja: '電話番号は数字10〜15桁で入力してください（ハイフンは入れても入れなくても構いません）。',
    en: 'Enter a phone number of 10 to 15 digits (hyphens are optional).',
  },
} as const satisfies Record<string, Message>;

const maxChars = (n: number, message: string) => z.string().refine((s) => [...s].length <= n, message);

const profileSchema = z.object({
  display_name: z.string().transform(text).pipe(z.string().min(1, 'displayNameRequired')).pipe(maxChars(profileLimits.displayName, 'displayNameLong')),
  department: z.string().transform(text).pipe(maxChars(profileLimits.department, 'departmentLong')),
  full_name: z.string().transform(text).pipe(z.string().min(1, 'fullNameRequired')).pipe(maxChars(profileLimits.fullName, 'fullNameLong')),
  full_name_kana: z
    .string()
    .transform((s) => hiraganaToKatakana(text(s)))
    .pipe(z.string().min(1, 'kanaRequired'))
    .pipe(z.string().regex(/^[\u30A1-\u30F6\u30FC\u30FD\u30FE\u30FB ]+$/, 'kanaInvalid'))
    .pipe(maxChars(profileLimits.fullNameKana, 'kanaLong')),
  phone: z
    .string()
    .transform(normalizePhone)
    .pipe(z.string().min(1, 'phoneRequired'))
    .pipe(
      z.string().refine((s) => {
        const digits = s.replace(/-/g, '').length;
        return /^\d(?:-?\d)*$/.test(s) && digits >= 10 && digits <= 15;
      }, 'phoneInvalid'),
    ),
});

const profileFieldIds: Record<keyof z.input<typeof profileSchema>, string> = {
  display_name: 'profile-display-name',
  department: 'profile-department',
  full_name: 'profile-full-name',
  full_name_kana: 'profile-full-name-kana',
  phone: 'profile-phone',
};

export function parseProfile(ctx: PageContext, body: unknown): Parsed<ProfileValue, ProfileInput> {
  const f = fieldsOf(body, ['display_name', 'department', 'full_name', 'full_name_kana', 'phone']);
  const input: ProfileInput = { displayName: f.display_name, department: f.department, fullName: f.full_name, fullNameKana: f.full_name_kana, phone: f.phone };
  const result = profileSchema.safeParse(f);
  if (!result.success) return { ok: false, errors: issuesToErrors(ctx, result.error.issues, profileFieldIds, profileMessages), input };
  const d = result.data;
  return { ok: true, value: { displayName: d.display_name, department: d.department, fullName: d.full_name, fullNameKana: d.full_name_kana, phone: d.phone }, input };
}

/** One message per field (the first problem found), in the form's order. */
function issuesToErrors(ctx: PageContext, issues: z.core.$ZodIssue[], fieldIds: Record<string, string>, messages: Record<string, Message>): FieldError[] {
  const byField = new Map<string, Message>();
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    const message = messages[issue.message];
    if (field in fieldIds && message && !byField.has(field)) byField.set(field, message);
  }
  return collect(
    ctx,
    Object.entries(fieldIds).map(([field, id]) => [id, byField.get(field)]),
  );
}

// --- Passwords -------------------------------------------------------------------------------

export const passwordMessages: Record<PasswordProblem | 'mismatch' | 'wrong_current' | 'current_required' | 'new_required', Message> = {
  ...passwordProblemMessages,
  mismatch: { ja: '確認用のパスワードが一致しません。', en: 'The passwords do not match.' },
  wrong_current: { ja: '現在のパスワードが正しくありません。', en: 'Your current password is not correct.' },
  current_required: { ja: '現在のパスワードを入力してください。', en: 'Enter your current password.' },
  new_required: { ja: '新しいパスワードを入力してください。', en: 'Enter a new password.' },
};

export function wrongCurrentPassword(ctx: PageContext, field: string): FieldError {
  return { field, message: ctx.tFormat(passwordMessages.wrong_current.ja, passwordMessages.wrong_current.en) };
}

/** Passwords are taken as typed (no trimming: spaces are allowed characters). */
function passwordChangeSchema(email: string) {
  return z
    .object({
      current_password: z.string().min(1, 'current_required'),
      new_password: z
        .string()
        .min(1, 'new_required')
        .superRefine((password, c) => {
          const problem = passwordProblem(password, email);
          if (problem) c.addIssue({ code: 'custom', message: problem });
        }),
      confirm_password: z.string(),
    })
    .refine((v) => v.confirm_password === v.new_password, { path: ['confirm_password'], message: 'mismatch' });
}

const passwordFieldIds = { current_password: 'password-current', new_password: 'password-new', confirm_password: 'password-confirm' };

export function parsePasswordChange(ctx: PageContext, body: unknown, email: string): Parsed<{ current: string; next: string }, Record<string, never>> {
  const f = fieldsOf(body, ['current_password', 'new_password', 'confirm_password']);
  const result = passwordChangeSchema(email).safeParse(f);
  if (!result.success) {
    const errors = issuesToErrors(ctx, result.error.issues, passwordFieldIds, passwordMessages);
    // "Do not match" only makes sense once the new password itself is acceptable.
    const withoutMismatch = errors.some((e) => e.field === 'password-new') ? errors.filter((e) => e.field !== 'password-confirm') : errors;
    return { ok: false, errors: withoutMismatch, input: {} };
  }
  return { ok: true, value: { current: result.data.current_password, next: result.data.new_password }, input: {} };
}

// --- Two-factor authentication ---------------------------------------------------------------

/**
 * The secret offered on the setup page travels in a hidden field, signed for this account, so a
 * submitted form cannot swap in a secret of someone else's choosing.
 */
export function signSetupSecret(key: string, accountId: string, secret: string): string {
  return createHmac('sha256', key).update(`totp-setup\n${accountId}\n${secret}`).digest('hex');
}

export function verifySetupSecret(key: string, accountId: string, secret: string, mac: string): boolean {
  if (!/^[A-Z2-7]{16,64}$/.test(secret) || !/^[0-9a-f]{64}$/.test(mac)) return false;
  const expected = Buffer.from(signSetupSecret(key, accountId, secret), 'hex');
  return timingSafeEqual(expected, Buffer.from(mac, 'hex'));
}

const codeMessages = {
  codeRequired: { ja: '認証アプリに表示されている6桁の確認コードを入力してください。', en: 'Enter the 6-digit code shown in your authenticator app.' },
  codeFormat: { ja: '確認コードは6桁の数字で入力してください。', en: 'Enter the code as 6 digits.' },
  codeWrong: {
    ja: '確認コードが正しくありません。認証アプリに表示されている最新のコードを入力してください。',
    en: 'The code is not correct. Enter the latest code shown in your app.',
  },
  secretTampered: {
    ja: '設定用の情報が正しくありません。お手数ですが、新しく表示したQRコードを読み取り直してください。',
    en: 'The setup details are not valid. Please scan the new QR code again.',
  },
} as const;

export function codeError(ctx: PageContext, field: string, which: 'codeWrong' | 'secretTampered'): FieldError {
  return { field, message: ctx.tFormat(codeMessages[which].ja, codeMessages[which].en) };
}

const sixDigits = z
  .string()
  .transform((s) => s.normalize('NFKC').replace(/[\s-]/g, ''))
  .pipe(z.string().min(1, 'codeRequired'))
  .pipe(z.string().regex(/^\d{6}$/, 'codeFormat'));
const currentPassword = z.string().min(1, 'current_required');
const twoFactorMessages: Record<string, Message> = { ...codeMessages, current_required: passwordMessages.current_required };

export interface TwoFactorEnableValue {
  secret: string;
  mac: string;
  code: string;
  password: string;
}

const enableSchema = z.object({
  secret: z.string().transform((s) => s.trim()),
  secret_mac: z.string().transform((s) => s.trim().toLowerCase()),
  code: sixDigits,
  current_password: currentPassword,
});

export function parseTwoFactorEnable(ctx: PageContext, body: unknown): Parsed<TwoFactorEnableValue, { secret: string; mac: string }> {
  const f = fieldsOf(body, ['secret', 'secret_mac', 'code', 'current_password']);
  const input = { secret: f.secret.trim(), mac: f.secret_mac.trim().toLowerCase() };
  const result = enableSchema.safeParse(f);
  if (!result.success) {
    return { ok: false, errors: issuesToErrors(ctx, result.error.issues, { code: 'two-factor-code', current_password: 'two-factor-password' }, twoFactorMessages), input };
  }
  const d = result.data;
  return { ok: true, value: { secret: d.secret, mac: d.secret_mac, code: d.code, password: d.current_password }, input };
}

const disableSchema = z.object({ code: sixDigits, current_password: currentPassword });

export function parseTwoFactorDisable(ctx: PageContext, body: unknown): Parsed<{ code: string; password: string }, Record<string, never>> {
  const result = disableSchema.safeParse(fieldsOf(body, ['code', 'current_password']));
  if (!result.success) {
    return { ok: false, errors: issuesToErrors(ctx, result.error.issues, { code: 'disable-code', current_password: 'disable-password' }, twoFactorMessages), input: {} };
  }
  return { ok: true, value: { code: result.data.code, password: result.data.current_password }, input: {} };
}

const passwordOnlySchema = z.object({ current_password: currentPassword });

export function parsePasswordOnly(ctx: PageContext, body: unknown, field: string): Parsed<{ password: string }, Record<string, never>> {
  const result = passwordOnlySchema.safeParse(fieldsOf(body, ['current_password']));
  if (!result.success) return { ok: false, errors: issuesToErrors(ctx, result.error.issues, { current_password: field }, twoFactorMessages), input: {} };
  return { ok: true, value: { password: result.data.current_password }, input: {} };
}

// --- Sessions --------------------------------------------------------------------------------

/** The first 16 hex characters of a session's id hash: enough to pick one of a person's sessions. */
export const sessionRefLength = 16;

const sessionRefSchema = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.string().regex(/^[0-9a-f]{16}$/));

export function parseSessionRef(body: unknown): string | undefined {
  const result = sessionRefSchema.safeParse(fieldsOf(body, ['session']).session);
  return result.success ? result.data : undefined;
}
