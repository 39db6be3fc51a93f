// The filters of the public registry lists (連携事業一覧 /projects, 協定一覧 /agreements), shared by
// the HTML pages and the JSON API: one zod schema per list, Japanese messages, and the canonical
// query string of a filter (for pagination links and the CSV/XLSX export links).
//
// Every parameter is optional; an empty value means "no condition". A repeated parameter
// (?ward=a&ward=b) is an error, not a silent pick. Unknown parameters are ignored.
import { z } from 'zod';
import { parseFiscalYearLabel } from '../../../domain/fiscal-year.ts';
import { isValidLocalGovCode } from '../../../domain/local-gov-code.ts';
import { projectStatuses, type OrganiserKind, type ProjectStatus } from '../shared/records.ts';

export const organiserKinds: readonly OrganiserKind[] = ['wards', 'joint'];
export type AgreementCategoryFilter = 'friendship' | 'disaster' | 'other';
export const agreementCategories: readonly AgreementCategoryFilter[] = ['friendship', 'disaster', 'other'];
export type AgreementState = 'live' | 'ended';
export const agreementStates: readonly AgreementState[] = ['live', 'ended'];

export interface ProjectFilter {
  /** 年度, e.g. 2024; null = every 年度. */
  fy: number | null;
  /** A ward organising the project (6-digit code), or ''. */
  ward: string;
  /** A partner's prefecture (2 digits), or ''. */
  pref: string;
  /** 1–6 (project-fields.ts), or null. */
  field: number | null;
  status: ProjectStatus | '';
  organiser: OrganiserKind | '';
  /** Words to find in the title or summary (all of them, in either), already NFKC-normalised. */
  q: string;
}

export interface AgreementFilter {
  ward: string;
  pref: string;
  /** agreement_types.id, or ''. Whether the id exists is checked against the database by the caller. */
  type: string;
  category: AgreementCategoryFilter | '';
  /** live: not ended (or ending in the future); ended: ended on or before today. */
  state: AgreementState | '';
  q: string;
}

export const emptyProjectFilter: ProjectFilter = Object.freeze({ fy: null, ward: '', pref: '', field: null, status: '', organiser: '', q: '' });
export const emptyAgreementFilter: AgreementFilter = Object.freeze({ ward: '', pref: '', type: '', category: '', state: '', q: '' });

export const projectFilterKeys = ['fy', 'ward', 'pref', 'field', 'status', 'organiser', 'q', 'page'] as const;
export const agreementFilterKeys = ['ward', 'pref', 'type', 'category', 'state', 'q', 'page'] as const;
export type ProjectFilterKey = (typeof projectFilterKeys)[number];
export type AgreementFilterKey = (typeof agreementFilterKeys)[number];

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

const msg = (p: FilterParam) => ({ message: filterMessages[p].ja });
/** A single query parameter: a string (an array, i.e. a repeated parameter, fails), NFKC, trimmed. */
const param = (p: FilterParam) =>
  z
    .string(msg(p))
    .transform((s) => s.normalize('NFKC').trim())
    .optional()
    .transform((s) => s ?? '');
const oneOf = <T extends string>(p: FilterParam, values: readonly T[]) =>
  param(p).refine((s) => s === '' || (values as readonly string[]).includes(s), msg(p)).transform((s) => s as T | '');

const wardParam = param('ward').refine((s) => s === '' || isWardCode(s), msg('ward'));
const prefParam = param('pref').refine((s) => s === '' || /^(0[1-9]|[1-3][0-9]|4[0-7])$/.test(s), msg('pref'));
const qParam = param('q')
  .refine((s) => s.length <= 100, msg('q'))
  .transform((s) => s.replace(/\s+/gu, ' '));
const pageParam = param('page')
  .refine((s) => s === '' || (/^[0-9]{1,6}$/.test(s) && Number(s) >= 1), msg('page'))
  .transform((s) => (s === '' ? 1 : Number(s)));
/** '2024', '2024年度', '令和6年度', 'FY2024' …; within a range a registry can hold. */
const fyParam = param('fy')
  .transform((s) => (s === '' ? null : parseFiscalYearLabel(s) ?? NaN))
  .refine((n) => n === null || (Number.isInteger(n) && n >= 1900 && n <= 2200), msg('fy'));
const fieldParam = param('field')
  .refine((s) => s === '' || /^[1-6]$/.test(s), msg('field'))
  .transform((s) => (s === '' ? null : Number(s)));

export const projectFilterSchema = z.object({
  fy: fyParam,
  ward: wardParam,
  pref: prefParam,
  field: fieldParam,
  status: oneOf('status', projectStatuses),
  organiser: oneOf('organiser', organiserKinds),
  q: qParam,
  page: pageParam,
});

export const agreementFilterSchema = z.object({
  ward: wardParam,
  pref: prefParam,
  type: param('type').refine((s) => s === '' || /^[a-z0-9][a-z0-9-]{0,39}$/.test(s), msg('type')),
  category: oneOf('category', agreementCategories),
  state: oneOf('state', agreementStates),
  q: qParam,
  page: pageParam,
});

export type ParsedFilter<F> = { ok: true; filter: F; page: number } | { ok: false; errors: FilterError[] };

function errorsOf(issues: readonly z.core.$ZodIssue[], keys: readonly string[]): FilterError[] {
  const seen = new Set<string>();
  for (const issue of issues) {
    const key = String(issue.path[0] ?? '');
    if (keys.includes(key)) seen.add(key);
  }
  // In the order of the form, so the error summary follows the fields.
  return keys.filter((k) => seen.has(k)).map((k) => ({ param: k as FilterParam, ...filterMessages[k as FilterParam] }));
}

function asQuery(query: unknown): Record<string, unknown> {
  return query !== null && typeof query === 'object' ? (query as Record<string, unknown>) : {};
}

export function parseProjectFilter(query: unknown): ParsedFilter<ProjectFilter> {
  const result = projectFilterSchema.safeParse(asQuery(query));
  if (!result.success) return { ok: false, errors: errorsOf(result.error.issues, projectFilterKeys) };
  const { page, ...filter } = result.data;
  return { ok: true, filter, page };
}

export function parseAgreementFilter(query: unknown): ParsedFilter<AgreementFilter> {
  const result = agreementFilterSchema.safeParse(asQuery(query));
  if (!result.success) return { ok: false, errors: errorsOf(result.error.issues, agreementFilterKeys) };
  const { page, ...filter } = result.data;
  return { ok: true, filter, page };
}

/** What was typed, for echoing back into the form (a repeated parameter shows its first value). */
export function rawFilterInput<K extends string>(query: unknown, keys: readonly K[]): Record<K, string> {
  const raw = asQuery(query);
  const pick = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');
  return Object.fromEntries(keys.map((k) => [k, pick(raw[k])])) as Record<K, string>;
}

/** The query string of a project filter without empty values ('' when nothing is set), no leading '?'. */
export function projectFilterQuery(filter: ProjectFilter, page = 1): string {
  const params = new URLSearchParams();
  if (filter.fy !== null) params.set('fy', String(filter.fy));
  if (filter.ward) params.set('ward', filter.ward);
  if (filter.pref) params.set('pref', filter.pref);
  if (filter.field !== null) params.set('field', String(filter.field));
  if (filter.status) params.set('status', filter.status);
  if (filter.organiser) params.set('organiser', filter.organiser);
  if (filter.q) params.set('q', filter.q);
  if (page > 1) params.set('page', String(page));
  return params.toString();
}

export function agreementFilterQuery(filter: AgreementFilter, page = 1): string {
  const params = new URLSearchParams();
  if (filter.ward) params.set('ward', filter.ward);
  if (filter.pref) params.set('pref', filter.pref);
  if (filter.type) params.set('type', filter.type);
  if (filter.category) params.set('category', filter.category);
  if (filter.state) params.set('state', filter.state);
  if (filter.q) params.set('q', filter.q);
  if (page > 1) params.set('page', String(page));
  return params.toString();
}

/** Words of a keyword query: split on spaces, empty ones dropped. */
export function keywordTerms(q: string): string[] {
  return q
    .normalize('NFKC')
    .split(/\s+/u)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}
