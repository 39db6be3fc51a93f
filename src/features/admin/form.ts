// The secretariat's forms and filters: raw urlencoded body or query string in, typed values or
// field errors (Japanese first) out. Query strings that do not parse give 400, bodies 422.
import { domainToASCII } from 'node:url';
import { z } from 'zod';
import type { AuditAction } from '../../db/audit.ts';
import type { AccountStatus, Role } from '../../db/schema.ts';
import { toInstant } from '../../domain/japanese-date.ts';
import { isValidLocalGovCode } from '../../domain/local-gov-code.ts';
import type { FieldError } from '../../views/components/error-summary.tsx';
import type { PageContext } from '../../views/context.ts';

export const roles = ['secretariat', 'ward_staff', 'member'] as const satisfies readonly Role[];
export const statuses = ['pending_email', 'pending_approval', 'active', 'disabled', 'rejected'] as const satisfies readonly AccountStatus[];

export const roleLabels = {
  secretariat: { ja: '事務局', en: 'Secretariat' },
  ward_staff: { ja: '区職員', en: 'Ward staff' },
  member: { ja: '会員自治体職員', en: 'Member' },
} as const satisfies Record<Role, { ja: string; en: string }>;

export const statusLabels = {
  pending_email: { ja: 'メール確認待ち', en: 'Email not confirmed' },
  pending_approval: { ja: '承認待ち', en: 'Awaiting approval' },
  active: { ja: '有効', en: 'Active' },
  disabled: { ja: '無効', en: 'Disabled' },
  rejected: { ja: '却下', en: 'Rejected' },
} as const satisfies Record<AccountStatus, { ja: string; en: string }>;

/** Every audit action with its label; the Record type makes the list complete at compile time. */
export const auditActionLabels = {
  'account.registered': { ja: '会員登録の申請', en: 'Registration' },
  'account.email_verified': { ja: 'メールアドレスの確認', en: 'Email confirmed' },
  'account.approved': { ja: '申請の承認', en: 'Application approved' },
  'account.rejected': { ja: '申請の却下', en: 'Application rejected' },
  'account.disabled': { ja: 'アカウントの無効化', en: 'Account disabled' },
  'account.enabled': { ja: 'アカウントの有効化', en: 'Account enabled' },
  'account.role_changed': { ja: '役割の変更', en: 'Role changed' },
  'account.created': { ja: 'アカウントの作成', en: 'Account created' },
  'account.profile_updated': { ja: '登録情報の変更', en: 'Profile updated' },
  'auth.sign_in': { ja: 'ログイン', en: 'Sign-in' },
  'auth.sign_in_failed': { ja: 'ログインの失敗', en: 'Failed sign-in' },
  'auth.sign_in_locked': { ja: 'ログインの一時停止', en: 'Sign-in locked' },
  'auth.sign_out': { ja: 'ログアウト', en: 'Sign-out' },
  'auth.second_factor_failed': { ja: '2段階認証の失敗', en: 'Failed second factor' },
  'auth.password_changed': { ja: 'パスワードの変更', en: 'Password changed' },
  'auth.password_reset_requested': { ja: 'パスワード再設定の依頼', en: 'Password reset requested' },
  'auth.password_reset': { ja: 'パスワードの再設定', en: 'Password reset' },
  'auth.two_factor_enabled': { ja: '2段階認証の設定', en: 'Two-factor enabled' },
  'auth.two_factor_disabled': { ja: '2段階認証の解除', en: 'Two-factor disabled' },
  'auth.backup_codes_regenerated': { ja: 'バックアップコードの再発行', en: 'Backup codes regenerated' },
  'auth.backup_code_used': { ja: 'バックアップコードの使用', en: 'Backup code used' },
  'session.revoked': { ja: 'セッションの終了', en: 'Session ended' },
  'mail_domain.added': { ja: 'メールドメインの追加', en: 'Mail domain added' },
  'mail_domain.removed': { ja: 'メールドメインの削除', en: 'Mail domain removed' },
  'authz.denied': { ja: '権限のない操作の拒否', en: 'Access denied' },
  'registry.created': { ja: '連携記録の登録', en: 'Registry record created' },
  'registry.updated': { ja: '連携記録の更新', en: 'Registry record updated' },
  'registry.deleted': { ja: '連携記録の削除', en: 'Registry record deleted' },
  'registry.restored': { ja: '連携記録の復元', en: 'Registry record restored' },
  'registry.imported': { ja: '連携記録の取り込み', en: 'Registry import' },
  'news.created': { ja: 'お知らせの作成', en: 'Article created' },
  'news.updated': { ja: 'お知らせの更新', en: 'Article updated' },
  'news.published': { ja: 'お知らせの公開', en: 'Article published' },
  'news.withdrawn': { ja: 'お知らせの取り下げ', en: 'Article withdrawn' },
  'news.restored': { ja: 'お知らせの版の復元', en: 'Article version restored' },
  'event.created': { ja: 'イベントの登録', en: 'Event created' },
  'event.updated': { ja: 'イベントの更新', en: 'Event updated' },
  'event.submitted': { ja: 'イベントの審査依頼', en: 'Event submitted for review' },
  'event.published': { ja: 'イベントの公開', en: 'Event published' },
  'event.returned': { ja: 'イベントの差し戻し', en: 'Event returned' },
  'event.withdrawn': { ja: 'イベントの取り下げ', en: 'Event withdrawn' },
  'event.imported': { ja: 'イベントの取り込み', en: 'Events imported' },
  'event_feed.added': { ja: 'イベント収集元の登録', en: 'Event feed added' },
  'event_feed.updated': { ja: 'イベント収集元の変更', en: 'Event feed updated' },
  'event_feed.removed': { ja: 'イベント収集元の停止', en: 'Event feed stopped' },
  'site_page.updated': { ja: 'サイトのページの更新', en: 'Site page updated' },
  'site_page.restored': { ja: 'サイトのページの版の復元', en: 'Site page version restored' },
  'accessibility_test.added': { ja: 'アクセシビリティ試験結果の追加', en: 'Accessibility test result added' },
  'accessibility_test.updated': { ja: 'アクセシビリティ試験結果の更新', en: 'Accessibility test result updated' },
  'accessibility_test.removed': { ja: 'アクセシビリティ試験結果の削除', en: 'Accessibility test result removed' },
  'pr.created': { ja: '自治体PRページの作成', en: 'PR page created' },
  'pr.updated': { ja: '自治体PRページの更新', en: 'PR page updated' },
  'pr.restored': { ja: '自治体PRページの版の復元', en: 'PR page version restored' },
  'pr.hidden': { ja: '自治体PRページの非公開', en: 'PR page hidden' },
  'pr.shown': { ja: '自治体PRページの再公開', en: 'PR page shown again' },
  'notifications.preferences_changed': { ja: '通知の設定の変更', en: 'Notification settings changed' },
  'notifications.unsubscribed': { ja: '通知メールの配信停止', en: 'Notification mail unsubscribed' },
  'job.retried': { ja: '送信できなかった処理の再実行', en: 'Failed job retried' },
  'matching.created': { ja: '連携マッチングの掲載', en: 'Matching entry published' },
  'matching.updated': { ja: '連携マッチングの掲載の更新', en: 'Matching entry updated' },
  'board.category_saved': { ja: '掲示板のカテゴリの保存', en: 'Board category saved' },
  'board.thread_created': { ja: '掲示板のスレッドの作成', en: 'Board thread started' },
  'board.post_created': { ja: '掲示板への投稿', en: 'Board post' },
  'board.post_edited': { ja: '掲示板の投稿の編集', en: 'Board post edited' },
  'board.post_deleted': { ja: '掲示板の投稿の削除', en: 'Board post deleted' },
  'board.status_changed': { ja: '掲示板のスレッドの状態変更', en: 'Board thread status changed' },
  'board.moderated': { ja: '掲示板のモデレーション', en: 'Board moderation' },
  'board.reported': { ja: '掲示板の投稿の通報', en: 'Board post reported' },
  'board.report_decided': { ja: '掲示板の通報の処理', en: 'Board report decided' },
} as const satisfies Record<AuditAction, { ja: string; en: string }>;

export const auditActions = Object.keys(auditActionLabels) as AuditAction[];

export function roleLabel(ctx: PageContext, role: Role): string {
  return ctx.t(roleLabels[role].ja, roleLabels[role].en);
}

export function statusLabel(ctx: PageContext, status: AccountStatus): string {
  return ctx.t(statusLabels[status].ja, statusLabels[status].en);
}

/** The label of a stored action; an action this version does not know is shown as is. */
export function auditActionLabel(ctx: PageContext, action: string): string {
  const label = (auditActionLabels as Record<string, { ja: string; en: string } | undefined>)[action];
  return label ? ctx.tFormat(label.ja, label.en) : action;
}

export const messages = {
  q: { ja: '検索語は100文字以内で入力してください。', en: 'Enter at most 100 characters.' },
  role: { ja: '役割は一覧から選んでください。', en: 'Choose a role from the list.' },
  status: { ja: '状態は一覧から選んでください。', en: 'Choose a status from the list.' },
  page: { ja: 'ページ番号は1以上の数字で指定してください。', en: 'The page must be a number from 1.' },
  action: { ja: '操作は一覧から選んでください。', en: 'Choose an action from the list.' },
  actor: { ja: '実行者のメールアドレスは254文字以内で入力してください。', en: 'Enter at most 254 characters.' },
  from: { ja: '開始日を「2026-04-01」のような形式の正しい日付で入力してください。', en: 'Enter the start date as a real date like 2026-04-01.' },
  to: { ja: '終了日を「2026-04-30」のような形式の正しい日付で入力してください。', en: 'Enter the end date as a real date like 2026-04-30.' },
  toBeforeFrom: { ja: '終了日は開始日と同じか、それより後の日付にしてください。', en: 'The end date must be on or after the start date.' },
  reasonRequired: { ja: '却下の理由を入力してください。', en: 'Enter the reason for the rejection.' },
  reasonTooLong: { ja: '理由は1000文字以内で入力してください。', en: 'Enter at most 1,000 characters.' },
  roleRequired: { ja: '役割を選んでください。', en: 'Choose a role.' },
  codeRequired: { ja: '団体コードを入力してください。', en: 'Enter the local government code.' },
  codeFormat: {
    ja: '団体コードは6桁の全国地方公共団体コードで入力してください（例：千代田区は131016）。',
    en: 'Enter the 6-digit local government code (e.g. 131016 for Chiyoda).',
  },
  codeUnknown: { ja: 'この団体コードの自治体は登録されていません。', en: 'No local government has this code.' },
  domainRequired: { ja: 'ドメインを入力してください。', en: 'Enter the domain.' },
  domainAt: {
    ja: 'メールアドレスではなく、「@」より後ろのドメインだけを入力してください（例：city.chiyoda.lg.jp）。',
    en: 'Enter only the part after “@” (e.g. city.chiyoda.lg.jp), not a whole address.',
  },
  domainFormat: {
    ja: 'ドメインを「city.chiyoda.lg.jp」のような形式で入力してください。',
    en: 'Enter a domain such as city.chiyoda.lg.jp.',
  },
  domainDuplicate: { ja: 'このドメインはこの自治体にすでに登録されています。', en: 'This domain is already registered for this local government.' },
  selfDisable: { ja: 'ご自身のアカウントは無効にできません。', en: 'You cannot disable your own account.' },
  selfRole: { ja: 'ご自身の役割は変更できません。', en: 'You cannot change your own role.' },
  wardOnly: {
    ja: '区職員にできるのは、所属が特別区（東京23区）のアカウントだけです。',
    en: 'Only people working for one of the 23 special wards can be ward staff.',
  },
  needsLocalGovernment: {
    ja: '所属自治体が登録されていないアカウントは、会員自治体職員にできません。',
    en: 'An account without a local government cannot be a member.',
  },
  roleNotDecided: {
    ja: '承認前のアカウントの役割は変更できません。申請を承認または却下してください。',
    en: 'Approve or reject the application before changing the role.',
  },
} as const;
export type MessageKey = keyof typeof messages;

export function message(ctx: PageContext, key: MessageKey): string {
  return ctx.t(messages[key].ja, messages[key].en);
}

/** A single form or query value as a string; anything else (missing, repeated) becomes ''. */
export function formValue(source: unknown, name: string): string {
  const raw = source && typeof source === 'object' ? (source as Record<string, unknown>)[name] : undefined;
  return typeof raw === 'string' ? raw : '';
}

/** An account id from the URL: a UUID-like string, or undefined (→ 404). */
export function parseAccountId(params: unknown): string | undefined {
  const id = formValue(params, 'id');
  return /^[0-9A-Za-z-]{1,36}$/.test(id) ? id : undefined;
}

const text = z.string().transform((s) => s.normalize('NFKC').trim());
/** Multi-line text: NFKC, trimmed, line ends unified. */
const longText = z.string().transform((s) => s.normalize('NFKC').replace(/\r\n?/g, '\n').trim());
const page = text
  .pipe(z.union([z.literal('').transform(() => 1), z.string().regex(/^\d{1,5}$/).transform(Number).pipe(z.number().int().min(1))]))
  .default(1);
const isoDay = text.pipe(
  z.union([
    z.literal(''),
    z.string().refine((s) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
      try {
        toInstant(s);
        return true;
      } catch {
        return false;
      }
    }),
  ]),
);

function fieldErrors<F extends string>(ctx: PageContext, prefix: string, issues: z.core.$ZodIssue[], keyOf: (field: F, issue: z.core.$ZodIssue) => MessageKey): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const field = String(issue.path[0]) as F;
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field: `${prefix}${field}`, message: message(ctx, keyOf(field, issue)) });
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Account search (GET /admin/accounts)

export interface AccountFilter {
  q: string;
  role: Role | '';
  status: AccountStatus | '';
  page: number;
}
export type AccountFilterInput = Record<'q' | 'role' | 'status' | 'page', string>;

const accountFilterSchema = z.object({
  q: text.pipe(z.string().max(100)).default(''),
  role: text.pipe(z.union([z.literal(''), z.enum(roles)])).default(''),
  status: text.pipe(z.union([z.literal(''), z.enum(statuses)])).default(''),
  page,
});

export type Parsed<T, I> = { ok: true; value: T; input: I } | { ok: false; errors: FieldError[]; input: I };

function inputOf<K extends string>(source: unknown, keys: readonly K[]): Record<K, string> {
  return Object.fromEntries(keys.map((k) => [k, formValue(source, k)])) as Record<K, string>;
}

export function parseAccountFilter(ctx: PageContext, query: unknown): Parsed<AccountFilter, AccountFilterInput> {
  const input = inputOf(query, ['q', 'role', 'status', 'page'] as const);
  const result = accountFilterSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data, input };
  return { ok: false, errors: fieldErrors<keyof AccountFilterInput>(ctx, 'filter-', result.error.issues, (f) => f), input };
}

export function accountFilterHref(filter: Partial<AccountFilter>): string {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.role) params.set('role', filter.role);
  if (filter.status) params.set('status', filter.status);
  if (filter.page && filter.page > 1) params.set('page', String(filter.page));
  const qs = params.toString();
  return qs ? `/admin/accounts?${qs}` : '/admin/accounts';
}

// ---------------------------------------------------------------------------------------------
// Audit log filter (GET /admin/audit)

export interface AuditFilter {
  action: AuditAction | '';
  actor: string;
  from: string;
  to: string;
  page: number;
}
export type AuditFilterInput = Record<'action' | 'actor' | 'from' | 'to' | 'page', string>;

const auditFilterSchema = z
  .object({
    action: text.pipe(z.union([z.literal(''), z.enum(auditActions as [AuditAction, ...AuditAction[]])])).default(''),
    actor: text.transform((s) => s.toLowerCase()).pipe(z.string().max(254)).default(''),
    from: isoDay.default(''),
    to: isoDay.default(''),
    page,
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: 'toBeforeFrom' });

export function parseAuditFilter(ctx: PageContext, query: unknown): Parsed<AuditFilter, AuditFilterInput> {
  const input = inputOf(query, ['action', 'actor', 'from', 'to', 'page'] as const);
  const result = auditFilterSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data, input };
  return {
    ok: false,
    errors: fieldErrors<keyof AuditFilterInput>(ctx, 'audit-', result.error.issues, (f, issue) => (issue.message === 'toBeforeFrom' ? 'toBeforeFrom' : f)),
    input,
  };
}

export function auditFilterHref(filter: Partial<AuditFilter>): string {
  const params = new URLSearchParams();
  if (filter.action) params.set('action', filter.action);
  if (filter.actor) params.set('actor', filter.actor);
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (filter.page && filter.page > 1) params.set('page', String(filter.page));
  const qs = params.toString();
  return qs ? `/admin/audit?${qs}` : '/admin/audit';
}

// ---------------------------------------------------------------------------------------------
// Decisions and account management (POST)

const reasonSchema = longText.pipe(z.string().min(1, 'reasonRequired').max(1000, 'reasonTooLong'));
const optionalReasonSchema = longText.pipe(z.string().max(1000, 'reasonTooLong'));

/** The rejection reason (required); errors point at the textarea of that application. */
export function parseRejection(ctx: PageContext, body: unknown, applicationId: string): Parsed<{ reason: string }, { reason: string }> {
  const input = { reason: formValue(body, 'reason') };
  const result = reasonSchema.safeParse(input.reason);
  if (result.success) return { ok: true, value: { reason: result.data }, input };
  return { ok: false, errors: [{ field: `reason-${applicationId}`, message: message(ctx, result.error.issues[0]!.message as MessageKey) }], input };
}

export function parseDisable(ctx: PageContext, body: unknown): Parsed<{ reason: string }, { reason: string }> {
  const input = { reason: formValue(body, 'reason') };
  const result = optionalReasonSchema.safeParse(input.reason);
  if (result.success) return { ok: true, value: { reason: result.data }, input };
  return { ok: false, errors: [{ field: 'disable-reason', message: message(ctx, 'reasonTooLong') }], input };
}

export function parseRoleChange(ctx: PageContext, body: unknown): Parsed<{ role: Role }, { role: string }> {
  const input = { role: formValue(body, 'role') };
  const result = z.enum(roles).safeParse(input.role);
  if (result.success) return { ok: true, value: { role: result.data }, input };
  return { ok: false, errors: [{ field: 'role', message: message(ctx, 'roleRequired') }], input };
}

// ---------------------------------------------------------------------------------------------
// Mail-domain allowlist (POST /admin/mail-domains, /admin/mail-domains/remove)

export interface MailDomainInput {
  code: string;
  domain: string;
}

const codeSchema = text.pipe(z.string().min(1, 'codeRequired').refine(isValidLocalGovCode, 'codeFormat'));

/** A host name: letters, digits and hyphens in dot-separated labels, at least two labels. */
const HOST_NAME = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

const domainSchema = text
  .transform((s) => s.toLowerCase().replace(/\.$/, ''))
  .pipe(z.string().min(1, 'domainRequired'))
  .refine((s) => !s.includes('@'), 'domainAt')
  // Japanese domain names are stored in their ASCII (punycode) form, as mail addresses carry them.
  .transform((s) => (/^[\x00-\x7f]*$/.test(s) ? s : domainToASCII(s)))
  .pipe(z.string().regex(HOST_NAME, 'domainFormat'));

const mailDomainSchema = z.object({ code: codeSchema, domain: domainSchema });

export function parseMailDomain(ctx: PageContext, body: unknown, prefix = 'domain-'): Parsed<MailDomainInput, MailDomainInput> {
  const input = inputOf(body, ['code', 'domain'] as const);
  const result = mailDomainSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data, input };
  return {
    ok: false,
    errors: fieldErrors<keyof MailDomainInput>(ctx, prefix, result.error.issues, (f, issue) =>
      issue.message in messages ? (issue.message as MessageKey) : f === 'code' ? 'codeFormat' : 'domainFormat',
    ),
    input,
  };
}
