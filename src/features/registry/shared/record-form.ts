// What the agreement and project edit forms share (each form's own parser is in its subject's
// admin/form.ts): Japanese-first messages, reading form values, dates as people type them,
// partners typed as codes or names, and the field checks both forms make. What needs the database
// (partner names → codes, codes that exist, the vocabularies) is looked up by the route first and
// handed in as `FormRefs`, so that everything here stays a pure function of its arguments.
import { z } from 'zod';
import { isValidLocalGovCode } from '../../../domain/local-gov-code.ts';
import type { DatePrecision } from '../../../db/schema.ts';
import type { FieldError } from '../../../views/components/error-summary.tsx';
import type { PageContext } from '../../../views/context.ts';
import { fieldId } from '../../../views/components/record-fields.tsx';

export const messages = {
  typeId: { ja: '協定の種類を一覧から選んでください。', en: 'Choose the kind of agreement from the list.' },
  titleRequired: { ja: '{label}を入力してください。', en: 'Enter {label}.' },
  titleTooLong: { ja: '{label}は300文字以内で入力してください。', en: 'Enter at most 300 characters for {label}.' },
  wardsRequired: { ja: '特別区を1つ以上選んでください。', en: 'Choose at least one special ward.' },
  wardsUnknown: { ja: '特別区は一覧から選んでください。', en: 'Choose the special wards from the list.' },
  partnersRequired: {
    ja: '相手の自治体（団体コードまたは名称）か、相手の広域グループを1つ以上入力してください。',
    en: 'Enter at least one partner (a local government code or name) or choose a wide-area group.',
  },
  partnersTooMany: { ja: '相手の自治体は500件以内で入力してください。', en: 'Enter at most 500 partners.' },
  partnerCodeFormat: {
    ja: '「{line}」は正しい団体コードではありません。6桁の全国地方公共団体コード（例：名寄市は012211）で入力してください。',
    en: '“{line}” is not a valid local government code. Enter the 6-digit code (e.g. 012211 for Nayoro).',
  },
  partnerCodeUnknown: { ja: '団体コード「{line}」の自治体は登録されていません。', en: 'No local government has the code “{line}”.' },
  partnerNameUnknown: {
    ja: '「{line}」という名称の自治体は見つかりません。名称を確かめるか、団体コードで入力してください。',
    en: 'No local government is named “{line}”. Check the name or enter its code.',
  },
  partnerNameAmbiguous: {
    ja: '「{line}」という名称の自治体は複数あります（{candidates}）。団体コードで入力してください。',
    en: 'More than one local government is named “{line}” ({candidates}). Enter its code instead.',
  },
  groupsUnknown: { ja: '広域グループは一覧から選んでください。', en: 'Choose the wide-area groups from the list.' },
  formerNameFormat: {
    ja: '旧名称は1行に1件、「012211:風連町」のように「団体コード:旧名称」の形で入力してください（{line}）。',
    en: 'Enter one former name per line as “code:name”, e.g. 012211:風連町 ({line}).',
  },
  formerNameNotPartner: {
    ja: '旧名称の団体コード「{line}」は、相手の自治体に含まれていません。',
    en: 'The code “{line}” of a former name is not among the partners.',
  },
  dateFormat: {
    ja: '{label}は「2024-10-30」または「2024/10/30」の形の正しい日付で入力してください。',
    en: 'Enter {label} as a real date like 2024-10-30 or 2024/10/30.',
  },
  dateFormatMonth: {
    ja: '{label}は「2024-10」または「2024/10」の形（年月）で入力してください。',
    en: 'Enter {label} as a year and month like 2024-10.',
  },
  dateFormatYear: { ja: '{label}は「2024」のように西暦4桁で入力してください。', en: 'Enter {label} as a 4-digit year like 2024.' },
  precision: { ja: '締結日の精度（日・月・年）を選んでください。', en: 'Choose how precise the signing date is (day, month or year).' },
  precisionNeedsDate: {
    ja: '締結日が分からない場合は、精度を「日」のままにしてください。',
    en: 'Leave the precision at “day” when the signing date is unknown.',
  },
  resignedTooMany: { ja: '再締結日は10件以内で入力してください。', en: 'Enter at most 10 re-signing dates.' },
  endedBeforeSigned: { ja: '終了日は締結日と同じか、それより後の日付にしてください。', en: 'The end date must be on or after the signing date.' },
  textTooLong: { ja: '{label}は5000文字以内で入力してください。', en: 'Enter at most 5,000 characters for {label}.' },
  url: {
    ja: '{label}は「https://」または「http://」で始まるアドレスで入力してください（500文字以内）。',
    en: 'Enter {label} as an address starting with https:// or http:// (up to 500 characters).',
  },
  fiscalYear: { ja: '年度は2000から2100までの西暦4桁で入力してください（例：2024）。', en: 'Enter the fiscal year as a 4-digit year from 2000 to 2100 (e.g. 2024).' },
  field: { ja: '分野を選んでください。', en: 'Choose the field.' },
  organiserKind: { ja: '実施主体（各区／23区共同）を選んでください。', en: 'Choose who organises it (wards, or all 23 wards jointly).' },
  jointHasWards: {
    ja: '23区共同の事業では特別区を選ばないでください（各区の事業にする場合は「各区」を選んでください）。',
    en: 'Do not choose wards for a joint project (choose “wards” for a project of particular wards).',
  },
  format: { ja: '実施形式を選んでください。', en: 'Choose the format.' },
  status: { ja: '状況（実施・予定・中止・延期）を選んでください。', en: 'Choose the status.' },
  endsBeforeStarts: { ja: '終了日は開始日と同じか、それより後の日付にしてください。', en: 'The end date must be on or after the start date.' },
  conflict: {
    ja: 'この記録は、編集を始めた後に他の人が更新しました。入力内容は下に残っています。最新の内容を確認してから、もう一度保存してください。',
    en: 'Someone else updated this record after you started editing. Your input is kept below; check the latest version, then save again.',
  },
} as const;
export type MessageKey = keyof typeof messages;

export function message(ctx: PageContext, key: MessageKey, vars: Record<string, string> = {}): string {
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');
  return ctx.tFormat(fill(messages[key].ja), fill(messages[key].en));
}

/** A single form value as a string; anything else (missing, repeated) becomes ''. */
export function formValue(source: unknown, name: string): string {
  const raw = source && typeof source === 'object' ? (source as Record<string, unknown>)[name] : undefined;
  return typeof raw === 'string' ? raw : '';
}

/** A repeated form value (checkboxes) as a list of strings. */
export function formValues(source: unknown, name: string): string[] {
  const raw = source && typeof source === 'object' ? (source as Record<string, unknown>)[name] : undefined;
  if (typeof raw === 'string') return [raw];
  if (Array.isArray(raw)) return raw.filter((v): v is string => typeof v === 'string');
  return [];
}

/** A record id from the URL: letters, digits, '-' and '_' (UUIDs and seed slugs), or undefined (→ 404). */
export function parseRecordId(params: unknown): string | undefined {
  const id = formValue(params, 'id');
  return /^[0-9A-Za-z_-]{1,40}$/.test(id) ? id : undefined;
}

export const nfkc = (s: string) => s.normalize('NFKC').trim();
export const lines = (s: string) =>
  s
    .split(/\r\n|\r|\n/)
    .map(nfkc)
    .filter(Boolean);

// ---------------------------------------------------------------------------------------------
// Dates

/**
 * An ISO date from what people type: 「2024-10-30」「2024/10/30」「2024.10.30」「2024年10月30日」,
 * full-width digits too. With precision 'month' a year and month are enough (stored as the
 * first of the month), with 'year' the year alone (the first of January). Undefined when it is
 * not a real date.
 */
export function normaliseDate(raw: string, precision: DatePrecision = 'day'): string | undefined {
  const s = nfkc(raw)
    .replace(/\s+/g, '')
    .replace(/[年月/.]/g, '-')
    .replace(/日$/, '')
    .replace(/-$/, '');
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(s);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (precision === 'day' && (mo === undefined || d === undefined)) return undefined;
  if (precision === 'month' && mo === undefined) return undefined;
  const month = precision === 'year' ? 1 : Number(mo);
  const day = precision === 'day' ? Number(d) : 1;
  const year = Number(y);
  if (year < 1868 || month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Partners typed as codes or names

/** How the route resolved each partner line: the codes a name matches, or whether a code exists. */
export interface PartnerLookup {
  /** By normalised line: for a code, [code] when it exists and [] when not; for a name, every match. */
  matches: Map<string, Array<{ code: string; name: string; prefectureName: string }>>;
}

/** The normalised non-empty lines of the partner field, as the lookup keys them. */
export function partnerLines(text: string): string[] {
  return [...new Set(lines(text).map(partnerKey))];
}

/** A line that starts with 6 digits is a code (anything after it, e.g. the name, is ignored). */
function partnerKey(line: string): string {
  const code = /^(\d{6})(?:\D|$)/.exec(line);
  if (code) return code[1]!;
  return line;
}

export function isCodeKey(key: string): boolean {
  return /^\d{6}$/.test(key) || /^\d+$/.test(key);
}

/** The vocabularies the forms choose from, loaded by the route. */
export interface FormRefs {
  wardCodes: ReadonlySet<string>;
  typeIds: ReadonlySet<string>;
  groupIds: ReadonlySet<string>;
  partners: PartnerLookup;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Field ids: the error summary links to them; the views use the same ids. */
export { fieldId };

export class Errors {
  readonly list: FieldError[] = [];
  constructor(private readonly ctx: PageContext) {}
  add(field: string, key: MessageKey, vars?: Record<string, string>): void {
    if (this.list.some((e) => e.field === fieldId(field))) return;
    this.list.push({ field: fieldId(field), message: message(this.ctx, key, vars) });
  }
}

const urlSchema = z
  .string()
  .max(500)
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.length > 0;
    } catch {
      return false;
    }
  });

export function optionalUrl(errors: Errors, field: string, raw: string, label: string): string | null {
  const s = raw.trim();
  if (!s) return null;
  if (!urlSchema.safeParse(s).success) {
    errors.add(field, 'url', { label });
    return null;
  }
  return s;
}

export function longText(errors: Errors, field: string, raw: string, label: string): string {
  const s = raw.replace(/\r\n?/g, '\n').trim();
  if (s.length > 5000) errors.add(field, 'textTooLong', { label });
  return s;
}

export function title(errors: Errors, raw: string, label: string): string {
  const s = nfkcSpaces(raw);
  if (!s) errors.add('title', 'titleRequired', { label });
  else if (s.length > 300) errors.add('title', 'titleTooLong', { label });
  return s;
}

/** Trims and collapses whitespace (titles are one line). */
function nfkcSpaces(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim();
}

export function optionalDate(errors: Errors, field: string, raw: string, label: string, precision: DatePrecision = 'day'): string | null {
  if (!raw.trim()) return null;
  const iso = normaliseDate(raw, precision);
  if (!iso) errors.add(field, precision === 'month' ? 'dateFormatMonth' : precision === 'year' ? 'dateFormatYear' : 'dateFormat', { label });
  return iso ?? null;
}

export function partners(ctx: PageContext, errors: Errors, raw: string, lookup: PartnerLookup): string[] {
  const keys = partnerLines(raw);
  if (keys.length > 500) errors.add('partners', 'partnersTooMany');
  const codes: string[] = [];
  for (const key of keys) {
    const found = lookup.matches.get(key) ?? [];
    if (isCodeKey(key)) {
      if (!isValidLocalGovCode(key)) errors.add('partners', 'partnerCodeFormat', { line: key });
      else if (found.length === 0) errors.add('partners', 'partnerCodeUnknown', { line: key });
      else codes.push(key);
    } else if (found.length === 0) {
      errors.add('partners', 'partnerNameUnknown', { line: key });
    } else if (found.length > 1) {
      const candidates = found.map((f) => (ctx.lang === 'en' ? `${f.code} ${f.prefectureName}${f.name}` : `${f.prefectureName}${f.name}：${f.code}`)).join(ctx.lang === 'en' ? ', ' : '、');
      errors.add('partners', 'partnerNameAmbiguous', { line: key, candidates });
    } else {
      codes.push(found[0]!.code);
    }
  }
  return [...new Set(codes)];
}

export function wards(errors: Errors, given: string[], refs: FormRefs, required: boolean): string[] {
  const codes = [...new Set(given.map(nfkc).filter(Boolean))];
  if (codes.some((c) => !refs.wardCodes.has(c))) errors.add('wards', 'wardsUnknown');
  else if (required && codes.length === 0) errors.add('wards', 'wardsRequired');
  return codes.filter((c) => refs.wardCodes.has(c)).sort();
}

export const precisionSchema = z.enum(['day', 'month', 'year'] as const satisfies readonly DatePrecision[]);
/** The parsed value, or undefined when the schema refuses it (the caller adds the message). */
export function oneOf<S extends z.ZodType>(schema: S, raw: string): z.output<S> | undefined {
  const r = schema.safeParse(raw);
  return r.success ? r.data : undefined;
}

// ---------------------------------------------------------------------------------------------
// List filters (query strings)

export interface ListFilter {
  ward: string;
  page: number;
}

/** ?ward=131016&page=2; anything that does not parse falls back to no filter / page 1. */
export function parseListFilter(query: unknown, wardCodes: ReadonlySet<string>): ListFilter {
  const ward = formValue(query, 'ward');
  const page = Number(formValue(query, 'page'));
  return { ward: wardCodes.has(ward) ? ward : '', page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1 };
}

