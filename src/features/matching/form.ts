// The entry form and the listing's filter: the body's or query's strings in, checked values or
// Japanese field errors out (zod). Field ids are f-<name> (form) and filter-<name> (listing).
import { z } from 'zod';
import { matchingKindIds, type Direction, type MatchingKindId } from '../../domain/matching.ts';
import { regions, type RegionId } from '../../domain/regions.ts';
import type { FieldError } from '../../views/components/error-summary.tsx';
import { fieldId } from '../../views/components/record-fields.tsx';
import type { PageContext } from '../../views/context.ts';
import type { EntryRecord } from './record.ts';

export interface EntryFormInput {
  direction: string;
  kind: string;
  fields: string[];
  title: string;
  description: string;
  periodStart: string;
  periodEnd: string;
  status: string;
  updatedAt: string;
}

export interface EntryInput {
  direction: Direction;
  kind: MatchingKindId;
  fields: number[];
  title: string;
  description: string;
  periodStart: string | null;
  periodEnd: string | null;
  status: 'open' | 'closed';
}

const one = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '').slice(0, 10_000);

export function entryFormInput(body: unknown): EntryFormInput {
  const b = (body ?? {}) as Record<string, unknown>;
  const fields = (Array.isArray(b.fields) ? b.fields : b.fields === undefined ? [] : [b.fields]).filter((f): f is string => typeof f === 'string').slice(0, 10);
  return {
    direction: one(b.direction),
    kind: one(b.kind),
    fields,
    title: one(b.title),
    description: one(b.description),
    periodStart: one(b.periodStart),
    periodEnd: one(b.periodEnd),
    status: one(b.status) || 'open',
    updatedAt: one(b.updatedAt),
  };
}

export function emptyEntryForm(): EntryFormInput {
  return { direction: '', kind: '', fields: [], title: '', description: '', periodStart: '', periodEnd: '', status: 'open', updatedAt: '' };
}

export function entryFormFrom(e: EntryRecord): EntryFormInput {
  return {
    direction: e.direction,
    kind: e.kind,
    fields: e.fields.map(String),
    title: e.title,
    description: e.description,
    periodStart: e.periodStart ?? '',
    periodEnd: e.periodEnd ?? '',
    status: e.status,
    updatedAt: e.updatedAt,
  };
}

const isoDate = (ctx: PageContext) =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)), {
      message: ctx.t('日付は 2027-04-01 の形で入力してください。', 'Enter the date as 2027-04-01.'),
    })
    .transform((v) => (v === '' ? null : v));

function entrySchema(ctx: PageContext) {
  return z
    .object({
      direction: z.enum(['offer', 'seek'], { message: ctx.t('「提供できること」か「探していること」を選んでください。', 'Choose whether you offer or seek this.') }),
      kind: z.enum(matchingKindIds, { message: ctx.t('種類を選んでください。', 'Choose a kind.') }),
      fields: z
        .array(z.string().regex(/^[1-6]$/, { message: ctx.t('分野の選択が正しくありません。', 'Choose fields from the list.') }))
        .max(6)
        .transform((fs) => [...new Set(fs.map(Number))].sort((a, b) => a - b)),
      title: z
        .string()
        .trim()
        .min(1, { message: ctx.t('見出しを入力してください。', 'Enter a title.') })
        .max(100, { message: ctx.t('見出しは100文字以内で入力してください。', 'The title is 100 characters at most.') }),
      description: z
        .string()
        .trim()
        .max(2000, { message: ctx.t('説明は2,000文字以内で入力してください。', 'The description is 2,000 characters at most.') }),
      periodStart: isoDate(ctx),
      periodEnd: isoDate(ctx),
      status: z.enum(['open', 'closed'], { message: ctx.t('掲載の状態を選んでください。', 'Choose whether the entry is open.') }),
    })
    .refine((v) => v.periodStart === null || v.periodEnd === null || v.periodStart <= v.periodEnd, {
      path: ['periodEnd'],
      message: ctx.t('期間の終わりは始まりと同じ日か、それより後にしてください。', 'The end of the period must not be before its start.'),
    });
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export function parseEntryForm(ctx: PageContext, input: EntryFormInput): Parsed<EntryInput> {
  const result = entrySchema(ctx).safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const errors: FieldError[] = [];
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? 'title');
    const field = fieldId(name);
    if (!errors.some((e) => e.field === field)) errors.push({ field, message: issue.message });
  }
  return { ok: false, errors };
}

// ─── The listing's filter ────────────────────────────────────────────────────────────────────────

export interface ListingFilter {
  kind?: MatchingKindId;
  direction?: Direction;
  field?: number;
  region?: RegionId;
}

export type FilterInput = Record<'kind' | 'direction' | 'field' | 'region', string>;

/** The filter from the query string; an unknown value is reported on its field and left out. */
export function parseListingFilter(ctx: PageContext, query: unknown): { input: FilterInput; filter: ListingFilter; errors: FieldError[] } {
  const q = (query ?? {}) as Record<string, unknown>;
  const input: FilterInput = { kind: one(q.kind).slice(0, 40), direction: one(q.direction).slice(0, 10), field: one(q.field).slice(0, 4), region: one(q.region).slice(0, 20) };
  const filter: ListingFilter = {};
  const errors: FieldError[] = [];
  const wrong = (name: keyof FilterInput) => errors.push({ field: `filter-${name}`, message: ctx.t('一覧から選んでください。', 'Choose from the list.') });
  if (input.kind) (matchingKindIds as readonly string[]).includes(input.kind) ? (filter.kind = input.kind as MatchingKindId) : wrong('kind');
  if (input.direction) input.direction === 'offer' || input.direction === 'seek' ? (filter.direction = input.direction) : wrong('direction');
  if (input.field) /^[1-6]$/.test(input.field) ? (filter.field = Number(input.field)) : wrong('field');
  if (input.region) regions.some((r) => r.id === input.region) ? (filter.region = input.region as RegionId) : wrong('region');
  return { input, filter, errors };
}
