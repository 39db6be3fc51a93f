// What the board's forms send, parsed with zod into checked values or one Japanese (or English)
// message per wrong field. The raw input is kept so that a refused form comes back as it was typed.
import { z } from 'zod';
import { isValidLocalGovCode } from '../../domain/local-gov-code.ts';
import type { FieldError } from '../../views/components/error-summary.tsx';
import { fieldId } from '../../views/components/record-fields.tsx';
import type { PageContext } from '../../views/context.ts';

export const limits = { title: 120, body: 20_000, reason: 400, reportReason: 1000, files: 5 } as const;

export function text(value: unknown): string {
  if (Array.isArray(value)) return text(value[0]);
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : '';
}

export function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '');
  return typeof value === 'string' && value !== '' ? [value] : [];
}

export interface ThreadFormInput {
  category: string;
  title: string;
  body: string;
  /** 6-digit code of the local government the thread is addressed to ('' for none). */
  to: string;
  /** Files already stored by a preview of this form. */
  fileIds: string[];
}

export function threadFormInput(source: unknown): ThreadFormInput {
  const b = (source ?? {}) as Record<string, unknown>;
  return { category: text(b.category).trim(), title: text(b.title), body: text(b.body), to: text(b.to).trim(), fileIds: list(b.fileIds).slice(0, limits.files) };
}

export interface ReplyFormInput {
  body: string;
  replyTo: string;
  fileIds: string[];
}

export function replyFormInput(source: unknown): ReplyFormInput {
  const b = (source ?? {}) as Record<string, unknown>;
  return { body: text(b.body), replyTo: text(b.replyTo).trim(), fileIds: list(b.fileIds).slice(0, limits.files) };
}

const uuid = z.uuid();

function errorsOf(ctx: PageContext, issues: z.core.$ZodIssue[], messages: Record<string, [string, string]>): FieldError[] {
  const seen = new Set<string>();
  return issues.flatMap((issue) => {
    const name = String(issue.path[0] ?? '');
    if (seen.has(name)) return [];
    seen.add(name);
    const m = messages[name] ?? ['入力内容を確認してください。', 'Please check this field.'];
    return [{ field: fieldId(name), message: ctx.tFormat(m[0], m[1]) }];
  });
}

const bodySchema = z.string().trim().min(1).max(limits.body);
const bodyMessage: [string, string] = [`本文を入力してください（${limits.body.toLocaleString('en')}文字まで）。`, `Enter the text (up to ${limits.body} characters).`];

export function parseThreadForm(ctx: PageContext, input: ThreadFormInput) {
  const schema = z.object({
    category: z.string().min(1),
    title: z.string().trim().min(1).max(limits.title),
    body: bodySchema,
    to: z.string().refine((v) => v === '' || (/^\d{6}$/.test(v) && isValidLocalGovCode(v))),
    fileIds: z.array(uuid),
  });
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true as const, value: { ...parsed.data, to: parsed.data.to || null } };
  return {
    ok: false as const,
    errors: errorsOf(ctx, parsed.error.issues, {
      category: ['カテゴリを選んでください。', 'Choose a category.'],
      title: [`タイトルを入力してください（${limits.title}文字まで）。`, `Enter a title (up to ${limits.title} characters).`],
      body: bodyMessage,
      to: ['宛先は6桁の全国地方公共団体コードで指定してください。', 'The addressee must be a 6-digit local government code.'],
      fileIds: ['添付ファイルを選び直してください。', 'Choose the attachments again.'],
    }),
  };
}

export function parseReplyForm(ctx: PageContext, input: ReplyFormInput) {
  const schema = z.object({ body: bodySchema, replyTo: z.string().regex(/^\d{0,12}$/), fileIds: z.array(uuid) });
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true as const, value: { body: parsed.data.body, replyTo: parsed.data.replyTo ? Number(parsed.data.replyTo) : null, fileIds: parsed.data.fileIds } };
  return { ok: false as const, errors: errorsOf(ctx, parsed.error.issues, { body: bodyMessage, replyTo: ['返信先の投稿が見つかりません。', 'The post answered was not found.'] }) };
}

/** A reason the secretariat gives (hide, move, edit) or a member gives (report). */
export function parseReason(ctx: PageContext, value: unknown, max: number = limits.reason) {
  const reason = text(value).trim();
  if (reason.length >= 1 && reason.length <= max) return { ok: true as const, value: reason };
  return { ok: false as const, error: ctx.tFormat(`理由を入力してください（${max}文字まで）。`, `Give a reason (up to ${max} characters).`) };
}

export interface CategoryFormInput {
  slug: string;
  name: string;
  nameEn: string;
  description: string;
  position: string;
  secretariatOnly: string;
  archived: string;
}

export function categoryFormInput(source: unknown): CategoryFormInput {
  const b = (source ?? {}) as Record<string, unknown>;
  return {
    slug: text(b.slug).trim(),
    name: text(b.name).trim(),
    nameEn: text(b.nameEn).trim(),
    description: text(b.description).trim(),
    position: text(b.position).trim() || '0',
    secretariatOnly: text(b.secretariatOnly),
    archived: text(b.archived),
  };
}

export function parseCategoryForm(ctx: PageContext, input: CategoryFormInput) {
  const schema = z.object({
    slug: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/),
    name: z.string().min(1).max(80),
    nameEn: z.string().max(80),
    description: z.string().max(400),
    position: z.string().regex(/^\d{1,4}$/),
  });
  const parsed = schema.safeParse(input);
  if (parsed.success) {
    return { ok: true as const, value: { ...parsed.data, position: Number(parsed.data.position), secretariatOnly: input.secretariatOnly === '1', archived: input.archived === '1' } };
  }
  return {
    ok: false as const,
    errors: errorsOf(ctx, parsed.error.issues, {
      slug: ['アドレス用の名前は半角英小文字・数字・ハイフン（2〜40文字、英字で始める）で入力してください。', 'The slug: 2–40 lower-case letters, digits or hyphens, starting with a letter.'],
      name: ['名前を入力してください（80文字まで）。', 'Enter a name (up to 80 characters).'],
      nameEn: ['英語名は80文字までです。', 'The English name is at most 80 characters.'],
      description: ['説明は400文字までです。', 'The description is at most 400 characters.'],
      position: ['表示順は0〜9999の数字で入力してください。', 'The order is a number 0–9999.'],
    }),
  };
}
