// The filters of the public event pages, kept in the URL query: 都道府県 (pref), 自治体 (muni, a
// 6-digit code), 分野 (field), 種類 (kind), オンライン (online=1), 期間 (from, to), page; the archive
// adds 年度 (fy), the calendar the month (month=2024-10). Parsed with zod: each value NFKC and
// trimmed, a repeated parameter refused; errors in Japanese (and English), per parameter.
import { z } from 'zod';
import { isValidLocalGovCode } from '../../domain/local-gov-code.ts';
import type { FieldError } from '../../views/components/error-summary.tsx';
import type { PageContext } from '../../views/context.ts';
import { eventKinds } from './vocabulary.ts';

const messages = {
  pref: { ja: '都道府県は一覧から選んでください。', en: 'Choose a prefecture from the list.' },
  muni: { ja: '自治体は一覧から選んでください。', en: 'Choose a municipality from the list.' },
  field: { ja: '分野は一覧から選んでください。', en: 'Choose a field from the list.' },
  kind: { ja: '種類は一覧から選んでください。', en: 'Choose a kind from the list.' },
  online: { ja: 'オンライン開催の指定が正しくありません。', en: 'The online choice is not valid.' },
  from: { ja: '期間の開始日は「2024-10-01」の形で入力してください。', en: 'Enter the start of the period as 2024-10-01.' },
  to: { ja: '期間の終了日は「2024-10-31」の形で、開始日以降の日を入力してください。', en: 'Enter the end of the period as 2024-10-31, not before its start.' },
  fy: { ja: '年度は一覧から選んでください。', en: 'Choose a fiscal year from the list.' },
  month: { ja: '月は「2024-10」の形で指定してください。', en: 'Give the month as 2024-10.' },
  page: { ja: 'ページ番号は1以上の数字で指定してください。', en: 'The page must be a number from 1.' },
} as const;
type Param = keyof typeof messages;

const param = (p: Param) =>
  z
    .string({ message: p })
    .transform((s) => s.normalize('NFKC').trim())
    .optional()
    .transform((s) => s ?? '');
const validDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const normaliseDate = (s: string) => s.replace(/\//g, '-').replace(/^(\d{4})-(\d)-/, '$1-0$2-').replace(/-(\d)$/, '-0$1');

const filterSchema = z.object({
  pref: param('pref').refine((s) => s === '' || /^(0[1-9]|[1-3][0-9]|4[0-7])$/.test(s), 'pref'),
  muni: param('muni').refine((s) => s === '' || isValidLocalGovCode(s), 'muni'),
  field: param('field').refine((s) => s === '' || /^[1-6]$/.test(s), 'field'),
  kind: param('kind').refine((s) => s === '' || (eventKinds as readonly string[]).includes(s), 'kind'),
  online: param('online').refine((s) => s === '' || s === '1', 'online'),
  from: param('from').transform(normaliseDate).refine((s) => s === '' || validDate(s), 'from'),
  to: param('to').transform(normaliseDate).refine((s) => s === '' || validDate(s), 'to'),
  fy: param('fy').refine((s) => s === '' || (/^\d{4}$/.test(s) && Number(s) >= 1990 && Number(s) <= 2100), 'fy'),
  month: param('month').refine((s) => s === '' || /^\d{4}-(0[1-9]|1[0-2])$/.test(s), 'month'),
  page: param('page').refine((s) => s === '' || (/^[0-9]{1,6}$/.test(s) && Number(s) >= 1), 'page'),
});

export interface EventFilter {
  pref: string;
  muni: string;
  field: string;
  kind: string;
  online: string;
  from: string;
  to: string;
}

export const filterKeys = ['pref', 'muni', 'field', 'kind', 'online', 'from', 'to'] as const;

export interface ParsedQuery {
  filter: EventFilter;
  fy: string;
  month: string;
  page: number;
}

export type FilterOutcome = { ok: true; value: ParsedQuery } | { ok: false; input: Record<string, string>; errors: Array<{ param: Param; ja: string; en: string }> };

/** The raw values of the known parameters (for showing the form again). */
function rawInput(query: unknown): Record<string, string> {
  const q = (query ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const key of [...filterKeys, 'fy', 'month', 'page']) out[key] = typeof q[key] === 'string' ? (q[key] as string) : '';
  return out;
}

export function parseEventQuery(query: unknown): FilterOutcome {
  const q = (query ?? {}) as Record<string, unknown>;
  const picked = Object.fromEntries(Object.keys(filterSchema.shape).map((k) => [k, q[k]]));
  const parsed = filterSchema.safeParse(picked);
  const errors: Array<{ param: Param; ja: string; en: string }> = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const p = String(issue.path[0]) as Param;
      if (!errors.some((e) => e.param === p)) errors.push({ param: p, ...messages[p] });
    }
  } else if (parsed.data.from && parsed.data.to && parsed.data.to < parsed.data.from) {
    errors.push({ param: 'to', ...messages.to });
  }
  if (!parsed.success || errors.length > 0) return { ok: false, input: rawInput(query), errors };
  const d = parsed.data;
  return {
    ok: true,
    value: {
      filter: { pref: d.pref, muni: d.muni, field: d.field, kind: d.kind, online: d.online, from: d.from, to: d.to },
      fy: d.fy,
      month: d.month,
      page: d.page === '' ? 1 : Number(d.page),
    },
  };
}

export function filterErrors(ctx: PageContext, errors: Array<{ param: Param; ja: string; en: string }>): FieldError[] {
  return errors.map((e) => ({ field: `filter-${e.param}`, message: ctx.tFormat(e.ja, e.en) }));
}

/** The filter as a query string (empty values left out), with extra parameters (page, fy, month). */
export function filterQuery(filter: EventFilter, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const key of filterKeys) if (filter[key]) params.set(key, filter[key]);
  for (const [key, value] of Object.entries(extra)) if (value !== undefined && value !== '' && !(key === 'page' && value === 1)) params.set(key, String(value));
  return params.toString();
}

export const emptyFilter: EventFilter = { pref: '', muni: '', field: '', kind: '', online: '', from: '', to: '' };
