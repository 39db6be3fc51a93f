// The as-of choice of 連携の状況: a date (?asOf=YYYY-MM-DD) or the end of a 年度 (?fy=2021), or,
// without either, today. Raw query in, a date or field errors out (Japanese first).
import { z } from 'zod';
import { fiscalYearOf, fiscalYearRange, parseFiscalYearLabel } from '../../../domain/fiscal-year.ts';
import { toInstant } from '../../../domain/japanese-date.ts';
import type { FieldError } from '../../../views/components/error-summary.tsx';
import type { PageContext } from '../../../views/context.ts';

/** The project began in 2014 (特別区全国連携プロジェクト, 2014-09); the trend starts with that 年度. */
export const FIRST_FISCAL_YEAR = 2014;
/** The earliest date that can be asked for: older ties exist (e.g. 世田谷区–川場村, 1981). */
export const EARLIEST_AS_OF = '1950-01-01';

export type AsOfSelection =
  | { kind: 'today'; asOf: string }
  | { kind: 'date'; asOf: string }
  /** The end of the 年度, or today while the 年度 runs. */
  | { kind: 'fy'; fy: number; asOf: string };

export interface AsOfInput {
  asOf: string;
  fy: string;
}

export type ParsedAsOf = { ok: true; selection: AsOfSelection; input: AsOfInput } | { ok: false; errors: FieldError[]; input: AsOfInput };

export const fieldIds = { asOf: 'asof-date', fy: 'asof-fy' } as const;

const text = z
  .string()
  .max(40)
  .transform((s) => s.normalize('NFKC').trim());

function isCalendarDate(s: string): boolean {
  try {
    toInstant(s);
    return true;
  } catch {
    return false;
  }
}

export function parseAsOf(ctx: PageContext, query: unknown, today: string): ParsedAsOf {
  const raw = (query ?? {}) as Record<string, unknown>;
  const input: AsOfInput = {
    asOf: typeof raw.asOf === 'string' ? raw.asOf.slice(0, 40) : '',
    fy: typeof raw.fy === 'string' ? raw.fy.slice(0, 40) : '',
  };
  const currentFy = fiscalYearOf(today);
  const messages = {
    dateFormat: ctx.t('日付は「2024-03-31」のように、年-月-日の形で入力してください。', 'Enter the date as year-month-day, e.g. 2024-03-31.'),
    dateMissing: ctx.t('その日付は存在しません。正しい日付を入力してください。', 'That date does not exist. Enter a real date.'),
    dateFuture: ctx.t('今日より後の日付は指定できません。', 'The date cannot be after today.'),
    dateEarly: ctx.t('1950年1月1日以降の日付を指定してください。', 'Enter a date from 1 January 1950.'),
    fy: ctx.tFormat(
      `年度は${FIRST_FISCAL_YEAR}年度から${currentFy}年度までの間で、「2021」や「令和3年度」のように指定してください。`,
      `Choose a fiscal year from ${FIRST_FISCAL_YEAR} to ${currentFy}, e.g. 2021.`,
    ),
    both: ctx.t('日付と年度は、どちらか一方だけを指定してください。', 'Give either a date or a fiscal year, not both.'),
  };

  const fySchema = text.pipe(
    z.union([
      z.literal('').transform(() => null),
      z.string().transform((s, c) => {
        const fy = parseFiscalYearLabel(s);
        if (fy === null || fy < FIRST_FISCAL_YEAR || fy > currentFy) {
          c.addIssue({ code: 'custom', message: messages.fy });
          return z.NEVER;
        }
        return fy;
      }),
    ]),
  );

  const errors: FieldError[] = [];
  const dateText = input.asOf.normalize('NFKC').trim().replace(/[/.]/g, '-');
  let asOf: string | null = null;
  if (dateText !== '') {
    const checked = z
      .string()
      .regex(/^\d{4}-\d{1,2}-\d{1,2}$/, messages.dateFormat)
      .transform((s) => s.split('-').map((p, i) => (i === 0 ? p : p.padStart(2, '0'))).join('-'))
      .refine(isCalendarDate, messages.dateMissing)
      .refine((s) => s >= EARLIEST_AS_OF, messages.dateEarly)
      .refine((s) => s <= today, messages.dateFuture)
      .safeParse(dateText);
    if (checked.success) asOf = checked.data;
    else errors.push({ field: fieldIds.asOf, message: checked.error.issues[0]!.message });
  }
  const parsedFy = fySchema.safeParse(input.fy);
  const fy = parsedFy.success ? parsedFy.data : null;
  if (!parsedFy.success) errors.push({ field: fieldIds.fy, message: messages.fy });
  if (errors.length === 0 && asOf !== null && fy !== null) errors.push({ field: fieldIds.asOf, message: messages.both });
  if (errors.length > 0) return { ok: false, errors, input };

  if (asOf !== null) return { ok: true, selection: { kind: 'date', asOf }, input };
  if (fy !== null) {
    const end = fiscalYearRange(fy).end;
    return { ok: true, selection: { kind: 'fy', fy, asOf: end < today ? end : today }, input };
  }
  return { ok: true, selection: { kind: 'today', asOf: today }, input };
}
