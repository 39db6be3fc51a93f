// The shared scaffolding of the secretariat's registry pages: what a record kind declares (its
// fields, its zod schema, how it is listed, snapshotted and written), the zod building blocks
// with Japanese-first messages, and the date-with-precision helpers. Each kind is declared in its
// subject's folder (groups/admin.ts…) and keeps its schema explicit; this file only holds what
// every kind repeats. Wordings are `Wording`s, put in the page's language with `say`.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, DatePrecision, RegistryEntity } from '../../../db/schema.ts';
import { toInstant } from '../../../domain/japanese-date.ts';
import { isValidLocalGovCode } from '../../../domain/local-gov-code.ts';
import { parseFiscalYearLabel } from '../../../domain/fiscal-year.ts';
import type { PageContext } from '../../../views/context.ts';
import type { FieldError } from '../../../views/components/error-summary.tsx';
import { precisionChoices, say, type Wording } from '../shared/labels.tsx';

export type Db = Kysely<Database>;
/** What a form posts: one string per field, or several for checkboxes. */
export type FormInput = Record<string, string | string[]>;
/** A record as stored in the change history: its columns (without timestamps) and its parties. */
export type Snapshot = Record<string, unknown>;

export type FieldType = 'text' | 'textarea' | 'date' | 'precision' | 'url' | 'select' | 'checkbox' | 'integer' | 'codes' | 'wards' | 'fiscalYear';

export interface Option {
  value: string;
  label: string;
}

export interface FieldSpec {
  name: string;
  label: Wording;
  type: FieldType;
  required?: boolean;
  hint?: Wording;
  /** Fixed choices of a select; choices loaded from the database come from Kind.choices. */
  options?: Array<{ value: string; label: Wording }>;
  maxlength?: number;
  /** Shown on the edit form but not editable there (e.g. a group's name). */
  readonly?: boolean;
  /** Typed when the record is created, shown read-only afterwards (e.g. a member's code). */
  createOnly?: boolean;
}

export function isReadonly(f: FieldSpec, mode: 'new' | 'edit'): boolean {
  return Boolean(f.readonly || (mode === 'edit' && f.createOnly));
}

/** One row of a kind's list page; every cell is plain text. */
export interface ListItem {
  id: string;
  cells: string[];
  deletedAt: string | null;
  /** False for rows the page shows but cannot change (e.g. members recorded by an approval). */
  editable?: boolean;
}

/** A refusal or a check that needs the database, aimed at a field (or at the form). */
export interface Problem {
  field: string;
  message: Wording;
}

/** Thrown inside a write's transaction to roll it back and answer with the problem. */
export class Refusal extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message.en);
    this.name = 'Refusal';
  }
}

/** How a write ended: done (and whether anything changed), refused, or the record vanished. */
export type WriteOutcome = { ok: true; id: string; changed: boolean } | { ok: false; problem: Problem } | { ok: false; notFound: true };

/** What a kind's extra section shows again after a refused post: the errors and what was typed. */
export interface DetailState {
  errors: FieldError[];
  input: FormInput;
}

/**
 * What the engine (master/routes.ts) lends a kind's own routes, so that they check, answer and
 * write like every other route of the kind.
 */
export interface KindTools {
  db: Db;
  /** The id in a route parameter, when it has the shape of one. */
  idOf(request: FastifyRequest, name?: string): string | undefined;
  notFound(reply: FastifyReply, ctx: PageContext): Promise<FastifyReply>;
  /** The kind's edit page again, its extra section with what was posted and the errors. */
  editPage(reply: FastifyReply, ctx: PageContext, id: string, detailState: DetailState, status: number): Promise<FastifyReply>;
  /** A change of the record `id` (an update), written with its history and audit event. */
  write(request: FastifyRequest, actorId: string, id: string, change: (trx: Db, now: string) => Promise<void>): Promise<WriteOutcome>;
}

/**
 * Everything of a kind that does not depend on the type of its parsed form: how it is named,
 * listed, snapshotted, deleted and restored, and its own section and routes. The pages and the
 * history need no more than this.
 */
export interface KindFrame {
  /** URL segment under /registry. */
  slug: string;
  entity: RegistryEntity;
  title: Wording;
  /** One record, for headings: 「種別」. */
  noun: Wording;
  lead: Wording;
  fields: FieldSpec[];
  canCreate: boolean;
  canDelete: boolean;
  columns: Wording[];
  /** Column headings that depend on the records (e.g. one per 年度); `columns` otherwise. */
  columnsFor?(db: Db): Promise<Wording[]>;
  list(db: Db, ctx: PageContext): Promise<ListItem[]>;
  /** The record with its parties, deleted or not; undefined when it does not exist. */
  snapshot(db: Db, id: string): Promise<Snapshot | undefined>;
  /** A short name of the record for headings and the history page. */
  nameOf(snapshot: Snapshot): string;
  /** The edit form's values from a snapshot; by default each field's stored value (inputFromSnapshot). */
  toInput?(snapshot: Snapshot): FormInput;
  /** The blank form of a new record (query values may pre-fill it). */
  blank?(query: FormInput): FormInput;
  choices?(db: Db): Promise<Record<string, Option[]>>;
  /** Soft delete (or, for rows without deleted_at, removal kept in the history); may throw Refusal. */
  remove?(trx: Db, id: string, now: string): Promise<void>;
  restore?(trx: Db, id: string, now: string): Promise<void>;
  /** Whether the record is deleted (for the edit page). */
  isDeleted?(db: Db, id: string): Promise<boolean>;
  /** Labels of snapshot keys for the history page (fields' labels are used too). */
  historyLabels?: Record<string, Wording>;
  /** The kind's own section of the edit page, after the form (a group's exceptions…). */
  detail?(db: Db, ctx: PageContext, id: string, state?: DetailState): Promise<JSX.Element | undefined>;
  /** The kind's own routes, for the forms of its section (registered after its other routes). */
  routes?(app: FastifyInstance, tools: KindTools): void;
}

/** A record kind whose form parses to a V: its schema makes the V that its check and writes take. */
export interface Kind<V> extends KindFrame {
  schema: z.ZodType<V>;
  /** Checks that need the database (codes exist, names unique…). */
  check?(db: Db, value: V, id: string | undefined): Promise<Problem[]>;
  create?(trx: Db, value: V, now: string): Promise<string>;
  update(trx: Db, id: string, value: V, now: string): Promise<void>;
}

/**
 * A kind in a list of kinds (the menu, the engine). The kinds parse to different types, and one
 * array cannot hold Kind<TypeValue> and Kind<WardValue> as a single Kind<V>: Kind<any> would let
 * one kind's value reach another's update unchecked, and Kind<unknown> type-checks only through
 * the bivariance of method parameters. So a list holds each kind's frame, and `withValue` hands
 * the whole kind to a function that is generic in V: what a kind's schema parsed can only go to
 * that same kind's check and writes.
 */
export interface AnyKind extends KindFrame {
  withValue<R>(use: <V>(kind: Kind<V>) => R): R;
}

export function anyKind<V>(kind: Kind<V>): AnyKind {
  return { ...kind, withValue: (use) => use(kind) };
}

// ---------------------------------------------------------------------------------------------
// Messages: every zod issue carries one of these codes; the field's label makes it a sentence.

export type MessageCode = 'required' | 'choose' | 'tooLong' | 'date' | 'datePrecision' | 'url' | 'integer' | 'fiscalYear' | 'periodOrder' | 'codes';

export function messageFor(field: FieldSpec | undefined, code: string, issue?: z.core.$ZodIssue): Wording {
  const ja = field?.label.ja ?? '入力';
  const en = field?.label.en ?? 'this field';
  const max = issue && 'maximum' in issue ? Number(issue.maximum) : field?.maxlength;
  switch (code as MessageCode) {
    case 'required':
      return { ja: `${ja}を入力してください。`, en: `Enter ${en.toLowerCase()}.` };
    case 'choose':
      return { ja: `${ja}を一覧から選んでください。`, en: `Choose ${en.toLowerCase()} from the list.` };
    case 'tooLong':
      return { ja: `${ja}は${max ?? ''}文字以内で入力してください。`, en: `${en} must be at most ${max ?? ''} characters.` };
    case 'date':
      return {
        ja: `${ja}は「2024-10-30」または「2024/10/30」の形式の正しい日付で入力してください。`,
        en: `Enter ${en.toLowerCase()} as a real date like 2024-10-30 or 2024/10/30.`,
      };
    case 'datePrecision':
      return {
        ja: `${ja}の精度が「日」のときは、年月日をすべて入力してください。年または年月だけ分かる場合は精度を選んでください。`,
        en: `With precision “day”, enter the whole date; choose “month” or “year” when only those are known.`,
      };
    case 'url':
      return { ja: `${ja}は http:// または https:// で始まるURLで入力してください。`, en: `${en} must be a URL starting with http:// or https://.` };
    case 'integer':
      return { ja: `${ja}は半角数字の整数で、範囲内の値を入力してください。`, en: `${en} must be a whole number in range.` };
    case 'fiscalYear':
      return { ja: `${ja}は「2024」「2024年度」「令和6年度」のように入力してください。`, en: `Enter ${en.toLowerCase()} like 2024 or 令和6年度.` };
    case 'periodOrder':
      return { ja: `${ja}は開始より後（または同じ）にしてください。`, en: `${en} must not be before the start.` };
    case 'codes':
      return { ja: `${ja}を正しく入力してください。`, en: `Check ${en.toLowerCase()}.` };
    default:
      return { ja: `${ja}を確認してください。`, en: `Check ${en.toLowerCase()}.` };
  }
}

/** Parses a posted form with a kind's schema; errors are one per field, in field order. */
export function parseWith<V>(
  ctx: PageContext,
  fields: FieldSpec[],
  schema: z.ZodType<V>,
  body: unknown,
): { ok: true; value: V; input: FormInput } | { ok: false; errors: FieldError[]; input: FormInput } {
  const input = inputOf(body, fields);
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data, input };
  const byField = new Map<string, FieldError>();
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? '');
    if (byField.has(name)) continue;
    const field = fields.find((f) => f.name === name);
    byField.set(name, { field: fieldId(name), message: say(ctx, messageFor(field, issue.message, issue)) });
  }
  const order = fields.map((f) => f.name);
  const errors = [...byField.entries()].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)).map(([, e]) => e);
  return { ok: false, errors, input };
}

/** The element id of a field (the error summary links to it). */
export function fieldId(name: string): string {
  return `f-${name}`;
}

export function problemErrors(ctx: PageContext, problems: Problem[]): FieldError[] {
  return problems.map((p) => ({ field: fieldId(p.field), message: say(ctx, p.message) }));
}

/** The posted values of the given fields: strings, or arrays for checkbox groups. */
export function inputOf(body: unknown, fields: FieldSpec[]): FormInput {
  const source = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const out: FormInput = {};
  for (const f of fields) {
    const raw = source[f.name];
    if (f.type === 'wards') out[f.name] = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v): v is string => typeof v === 'string');
    else out[f.name] = typeof raw === 'string' ? raw : Array.isArray(raw) && typeof raw[0] === 'string' ? raw[0] : '';
  }
  return out;
}

export function one(source: unknown, name: string): string {
  const raw = source && typeof source === 'object' ? (source as Record<string, unknown>)[name] : undefined;
  return typeof raw === 'string' ? raw : '';
}

// ---------------------------------------------------------------------------------------------
// zod building blocks. Free text is kept as typed (trimmed, line ends unified: 「（旧名）」 stays
// full-width); codes, numbers, dates and URLs are NFKC-normalised first, so full-width digits work.

const raw = z.preprocess((v) => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : ''), z.string());
const plain = raw.transform((s) => s.replace(/\r\n?/g, '\n').trim());
const clean = raw.transform((s) => s.normalize('NFKC').replace(/\r\n?/g, '\n').trim());

/** Optional text up to `max` characters ('' when empty). */
export const optionalText = (max: number) => plain.pipe(z.string().max(max, 'tooLong'));
/** Required text up to `max` characters. */
export const requiredText = (max: number) => plain.pipe(z.string().min(1, 'required').max(max, 'tooLong'));
/** A required code-like value (NFKC: full-width digits become ASCII). */
export const requiredCode = (max: number) => clean.pipe(z.string().min(1, 'required').max(max, 'tooLong'));

/** 'YYYY-MM-DD', 'YYYY/M/D', 'YYYY-MM', 'YYYY' → a canonical partial date, validated. */
export function parsePartialDate(s: string): string | undefined {
  const m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(s.replace(/\s+/g, '').replace(/[年月]/g, '-').replace(/日$/, '').replace(/-$/, ''));
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (mo === undefined) return y;
  const month = mo.padStart(2, '0');
  if (Number(month) < 1 || Number(month) > 12) return undefined;
  if (d === undefined) return `${y}-${month}`;
  const iso = `${y}-${month}-${d.padStart(2, '0')}`;
  try {
    toInstant(iso);
    return iso;
  } catch {
    return undefined;
  }
}

/** A whole calendar date, ISO; '' → null. Accepts 2024/10/30. */
export const optionalDate = clean.pipe(
  z.string().transform((s, c) => {
    if (s === '') return null;
    const d = parsePartialDate(s);
    if (!d || d.length !== 10) {
      c.addIssue({ code: 'custom', message: 'date' });
      return z.NEVER;
    }
    return d;
  }),
);
export const requiredDate = clean.pipe(
  z.string().transform((s, c) => {
    const d = s === '' ? undefined : parsePartialDate(s);
    if (!d || d.length !== 10) {
      c.addIssue({ code: 'custom', message: s === '' ? 'required' : 'date' });
      return z.NEVER;
    }
    return d;
  }),
);

/** A date that may be known only to the month or year: '' → null, else a partial date. */
export const partialDate = clean.pipe(
  z.string().transform((s, c) => {
    if (s === '') return null;
    const d = parsePartialDate(s);
    if (!d) {
      c.addIssue({ code: 'custom', message: 'date' });
      return z.NEVER;
    }
    return d;
  }),
);
export const requiredPartialDate = clean.pipe(
  z.string().transform((s, c) => {
    const d = s === '' ? undefined : parsePartialDate(s);
    if (!d) {
      c.addIssue({ code: 'custom', message: s === '' ? 'required' : 'date' });
      return z.NEVER;
    }
    return d;
  }),
);

export const precisions = ['day', 'month', 'year'] as const satisfies readonly DatePrecision[];
/** The choices of a precision field, worded as labels.tsx asks it. */
export const precisionOptions: Array<{ value: DatePrecision; label: Wording }> = precisions.map((p) => ({ value: p, label: precisionChoices[p] }));
export const precision = clean.pipe(z.union([z.literal('').transform(() => 'day' as const), z.enum(precisions, 'choose')]));

/**
 * A partial date with its precision → the stored date (first day of the period). Adds an issue
 * at `path` when the date says less than the precision claims.
 */
export function withPrecision(partial: string | null, p: DatePrecision, c: z.RefinementCtx, path: string): string | null {
  if (partial === null) return null;
  const [y, m, d] = partial.split('-');
  if ((p === 'day' && d === undefined) || (p === 'month' && m === undefined)) {
    c.addIssue({ code: 'custom', message: 'datePrecision', path: [path] });
    return null;
  }
  if (p === 'year') return `${y}-01-01`;
  if (p === 'month') return `${y}-${m}-01`;
  return partial;
}

/** An http(s) URL; '' → null. */
export const optionalUrl = clean.pipe(
  z.string().transform((s, c) => {
    if (s === '') return null;
    let ok = false;
    try {
      const u = new URL(s);
      ok = (u.protocol === 'http:' || u.protocol === 'https:') && s.length <= 500;
    } catch {
      ok = false;
    }
    if (!ok) {
      c.addIssue({ code: 'custom', message: 'url' });
      return z.NEVER;
    }
    return s;
  }),
);

function integerIn(min: number, max: number, required: boolean) {
  return clean.pipe(
    z.string().transform((s, c) => {
      const digits = s.replace(/,/g, '');
      if (digits === '') {
        if (required) c.addIssue({ code: 'custom', message: 'required' });
        return required ? z.NEVER : null;
      }
      const n = /^-?\d{1,15}$/.test(digits) ? Number(digits) : NaN;
      if (!Number.isSafeInteger(n) || n < min || n > max) {
        c.addIssue({ code: 'custom', message: 'integer' });
        return z.NEVER;
      }
      return n;
    }),
  );
}
export const optionalInteger = (min: number, max: number) => integerIn(min, max, false) as z.ZodType<number | null, unknown>;
export const requiredInteger = (min: number, max: number) => integerIn(min, max, true) as z.ZodType<number, unknown>;

/** One of fixed values. */
export const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  clean.pipe(z.string().min(1, 'choose').pipe(z.enum(values, 'choose')));

/** A checkbox: present → 1, absent → 0. */
export const flag = raw.transform((s) => (s === '' ? 0 : 1));

/** A 年度 as people type it ('2024', '2024年度', '令和6年度'); '' → null. */
export const optionalFiscalYear = clean.pipe(
  z.string().transform((s, c) => {
    if (s === '') return null;
    const fy = parseFiscalYearLabel(s);
    if (fy === null || fy < 1950 || fy > 2100) {
      c.addIssue({ code: 'custom', message: 'fiscalYear' });
      return z.NEVER;
    }
    return fy;
  }),
);
export const requiredFiscalYear = clean.pipe(
  z.string().transform((s, c) => {
    const fy = s === '' ? null : parseFiscalYearLabel(s);
    if (fy === null || fy < 1950 || fy > 2100) {
      c.addIssue({ code: 'custom', message: s === '' ? 'required' : 'fiscalYear' });
      return z.NEVER;
    }
    return fy;
  }),
);

/** Codes typed in a textarea, separated by spaces, commas or lines; duplicates dropped. */
export const codeList = clean.transform((s) => [...new Set(s.split(/[\s,、，;；]+/u).filter(Boolean))]);

/** Checked wards (6-digit codes). */
export const wardList = z.preprocess(
  (v) => (Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? [v] : []),
  z.array(z.string().regex(/^\d{6}$/, 'choose')),
);

/** Codes that are not valid 全国地方公共団体コード or do not exist in the master data. */
export async function checkCodes(db: Db, field: FieldSpec, codes: string[], options: { municipalitiesOnly?: boolean } = {}): Promise<Problem[]> {
  const malformed = codes.filter((c) => !isValidLocalGovCode(c));
  if (malformed.length > 0) {
    const list = malformed.slice(0, 5).join('、');
    return [
      {
        field: field.name,
        message: {
          ja: `${field.label.ja}に正しくない団体コードがあります（${list}）。6桁の全国地方公共団体コードで入力してください（例：名寄市は012211）。`,
          en: `${field.label.en} has invalid codes (${list}). Enter 6-digit local government codes (e.g. 012211 for Nayoro).`,
        },
      },
    ];
  }
  if (codes.length === 0) return [];
  const found = await db
    .selectFrom('local_governments')
    .select(['code', 'level'])
    .where('code', 'in', codes)
    .execute();
  const known = new Set(found.filter((r) => !options.municipalitiesOnly || r.level === 'municipality').map((r) => r.code));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length === 0) return [];
  const list = unknown.slice(0, 5).join('、');
  return [
    {
      field: field.name,
      message: {
        ja: `${field.label.ja}に登録されていない団体コードがあります（${list}）。`,
        en: `${field.label.en} has codes of no registered ${options.municipalitiesOnly ? 'municipality' : 'local government'} (${list}).`,
      },
    },
  ];
}

export function fieldNamed(fields: FieldSpec[], name: string): FieldSpec {
  const f = fields.find((x) => x.name === name);
  if (!f) throw new Error(`no field ${name}`);
  return f;
}

// ---------------------------------------------------------------------------------------------
// Small helpers for the kinds

/** A snapshot without the timestamps, which change on every write and say nothing. */
export function stripTimestamps<T extends Record<string, unknown>>(row: T): Snapshot {
  const { created_at: _c, updated_at: _u, deleted_at: _d, ...rest } = row;
  return rest;
}

/** A stored value as form or cell text: '' for null and undefined, else its string. */
export function textOf(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

export const ID_PATTERN = /^[0-9A-Za-z_-]{1,40}$/;

/** Record columns every registry table has, for an insert. */
export function recordColumns(value: { source_url?: string | null; notes?: string }, now: string) {
  return { source_url: value.source_url ?? null, notes: value.notes ?? '', provenance: 'entry' as const, created_at: now, updated_at: now, deleted_at: null };
}

export const sourceFields: FieldSpec[] = [
  { name: 'source_url', label: { ja: '出典URL', en: 'Source URL' }, type: 'url', maxlength: 500, hint: { ja: 'http:// または https:// で始まるURL。', en: 'A URL starting with http:// or https://.' } },
  { name: 'notes', label: { ja: '備考', en: 'Notes' }, type: 'textarea', maxlength: 2000 },
];
export const sourceSchema = { source_url: optionalUrl, notes: optionalText(2000) };

/** A form's values from a record's snapshot, by field type (codes one per line, flags as '1'). */
export function inputFromSnapshot(fields: FieldSpec[], s: Snapshot): FormInput {
  const out: FormInput = {};
  for (const f of fields) {
    const v = s[f.name];
    if (f.type === 'codes') out[f.name] = Array.isArray(v) ? v.map(String).join('\n') : textOf(v);
    else if (f.type === 'wards') out[f.name] = Array.isArray(v) ? v.map(String) : [];
    else if (f.type === 'checkbox') out[f.name] = v ? '1' : '';
    else if (f.type === 'precision') out[f.name] = textOf(v) || 'day';
    else out[f.name] = textOf(v);
  }
  return out;
}

export function formInputOf(kind: Pick<KindFrame, 'fields' | 'toInput'>, s: Snapshot): FormInput {
  return kind.toInput ? kind.toInput(s) : inputFromSnapshot(kind.fields, s);
}
