// What the public lists share (連携事業一覧 /projects, 協定一覧 /agreements and the same filters in
// the JSON API): paging, keyword matching, Japanese messages per parameter, the parameter parsers
// (NFKC, trimmed; a repeated parameter is an error, not a silent pick; unknown parameters are
// ignored) and the error list in the order of the form. Each subject's filter.ts uses these.
import { z } from 'zod';
import type { FieldError } from '../../../views/components/error-summary.tsx';
import type { PageContext } from '../../../views/context.ts';
import { formatIsoDate } from '../../../domain/japanese-date.ts';
import { parseFiscalYearLabel } from '../../../domain/fiscal-year.ts';
import { isValidLocalGovCode } from '../../../domain/local-gov-code.ts';

/** The message of each parameter, Japanese first (zod issues carry the Japanese one). */
export const filterMessages = {
  fy: { ja: '年度は一覧から選んでください（例：2024）。', en: 'Choose a fiscal year from the list (e.g. 2024).' },
  ward: { ja: '特別区は一覧から選んでください。', en: 'Choose a special ward from the list.' },
  pref: { ja: '都道府県は一覧から選んでください。', en: 'Choose a prefecture from the list.' },
  field: { ja: '分野は一覧から選んでください。', en: 'Choose a field from the list.' },
  status: { ja: '状況は一覧から選んでください。', en: 'Choose a status from the list.' },
  organiser: { ja: '主催区分は一覧から選んでください。', en: 'Choose an organiser from the list.' },
  type: { ja: '協定の種別は一覧から選んでください。', en: 'Choose an agreement type from the list.' },
  category: { ja: '協定の分類は一覧から選んでください。', en: 'Choose a category from the list.' },
  state: { ja: '協定の状態は一覧から選んでください。', en: 'Choose a state from the list.' },
  q: { ja: 'キーワードは100文字以内で入力してください。', en: 'Enter at most 100 characters.' },
  page: { ja: 'ページ番号は1以上の数字で指定してください。', en: 'The page must be a number from 1.' },
} as const;
export type FilterParam = keyof typeof filterMessages;

export interface FilterError {
  /** The query parameter, e.g. 'ward'. */
  param: FilterParam;
  ja: string;
  en: string;
}

/** A ward's 全国地方公共団体コード: 13101x (千代田区) to 13123x (江戸川区), check digit correct. */
export function isWardCode(code: string): boolean {
  return /^131(0[1-9]|1[0-9]|2[0-3])[0-9]$/.test(code) && isValidLocalGovCode(code);
}

export const msg = (p: FilterParam) => ({ message: filterMessages[p].ja });
/** A single query parameter: a string (an array, i.e. a repeated parameter, fails), NFKC, trimmed. */
export const param = (p: FilterParam) =>
  z
    .string(msg(p))
    .transform((s) => s.normalize('NFKC').trim())
    .optional()
    .transform((s) => s ?? '');
export const oneOf = <T extends string>(p: FilterParam, values: readonly T[]) =>
  param(p).refine((s) => s === '' || (values as readonly string[]).includes(s), msg(p)).transform((s) => s as T | '');

export const wardParam = param('ward').refine((s) => s === '' || isWardCode(s), msg('ward'));
export const prefParam = param('pref').refine((s) => s === '' || /^(0[1-9]|[1-3][0-9]|4[0-7])$/.test(s), msg('pref'));
export const qParam = param('q')
  .refine((s) => s.length <= 100, msg('q'))
  .transform((s) => s.replace(/\s+/gu, ' '));
export const pageParam = param('page')
  .refine((s) => s === '' || (/^[0-9]{1,6}$/.test(s) && Number(s) >= 1), msg('page'))
  .transform((s) => (s === '' ? 1 : Number(s)));
/** '2024', '2024年度', '令和6年度', 'FY2024' …; within a range a registry can hold. */
export const fyParam = param('fy')
  .transform((s) => (s === '' ? null : parseFiscalYearLabel(s) ?? NaN))
  .refine((n) => n === null || (Number.isInteger(n) && n >= 1900 && n <= 2200), msg('fy'));
export const fieldParam = param('field')
  .refine((s) => s === '' || /^[1-6]$/.test(s), msg('field'))
  .transform((s) => (s === '' ? null : Number(s)));

export type ParsedFilter<F> = { ok: true; filter: F; page: number } | { ok: false; errors: FilterError[] };

export function errorsOf(issues: readonly z.core.$ZodIssue[], keys: readonly string[]): FilterError[] {
  const seen = new Set<string>();
  for (const issue of issues) {
    const key = String(issue.path[0] ?? '');
    if (keys.includes(key)) seen.add(key);
  }
  // In the order of the form, so the error summary follows the fields.
  return keys.filter((k) => seen.has(k)).map((k) => ({ param: k as FilterParam, ...filterMessages[k as FilterParam] }));
}

export function asQuery(query: unknown): Record<string, unknown> {
  return query !== null && typeof query === 'object' ? (query as Record<string, unknown>) : {};
}

/** What was typed, for echoing back into the form (a repeated parameter shows its first value). */
export function rawFilterInput<K extends string>(query: unknown, keys: readonly K[]): Record<K, string> {
  const raw = asQuery(query);
  const pick = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');
  return Object.fromEntries(keys.map((k) => [k, pick(raw[k])])) as Record<K, string>;
}

/** Words of a keyword query: split on spaces, empty ones dropped. */
export function keywordTerms(q: string): string[] {
  return q
    .normalize('NFKC')
    .split(/\s+/u)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

/** The words of a keyword query as a record's searchText holds them (NFKC, lower case). */
export function searchTermsOf(q: string): string[] {
  return keywordTerms(q).map((t) => t.toLowerCase());
}

/** Every keyword in the text (a record's searchText: NFKC, lower case). */
export function matchesKeywords(searchText: string, terms: readonly string[]): boolean {
  for (const term of terms) if (!searchText.includes(term)) return false;
  return true;
}

export interface Page<T> {
  rows: readonly T[];
  /** Rows matching, over all pages. */
  total: number;
}

/** One page (1-based) of a list. */
export function pageOf<T>(rows: readonly T[], page: number, pageSize: number): Page<T> {
  const start = (Math.max(1, Math.floor(page)) - 1) * pageSize;
  return { rows: rows.slice(start, start + pageSize), total: rows.length };
}

/** The filter's errors as the form's field errors (ids `filter-<param>`). */
export function filterFieldErrors(ctx: PageContext, errors: readonly FilterError[]): FieldError[] {
  return errors.map((e) => ({ field: `filter-${e.param}`, message: ctx.tFormat(e.ja, e.en) }));
}

/** Record ids are UUIDs (or short slugs); anything else cannot name a record. */
export function isRecordId(id: string): boolean {
  return /^[0-9A-Za-z][0-9A-Za-z_-]{0,39}$/.test(id);
}

/** 「連携事業一覧_20261130」: a list's name and today's date in Japan, for a download's file name. */
export function exportName(list: string): string {
  return `${list}_${formatIsoDate(new Date()).replaceAll('-', '')}`;
}
