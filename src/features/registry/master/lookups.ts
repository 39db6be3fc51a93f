// Reads several record kinds share: the wards and prefectures to choose from, names of codes, and
// the wording of dates known to the day, month or year.
import type { DatePrecision } from '../../../db/schema.ts';
import { formatFiscalYear, formatFiscalYearEnglish } from '../../../domain/fiscal-year.ts';
import { formatEnglishDate, formatJapaneseDate } from '../../../domain/japanese-date.ts';
import type { PageContext } from '../../../views/context.ts';
import type { Db, Option } from './kit.ts';

export async function wardOptions(db: Db): Promise<Option[]> {
  const rows = await db
    .selectFrom('wards as w')
    .innerJoin('local_governments as lg', 'lg.code', 'w.code')
    .select(['w.code', 'lg.name'])
    .orderBy('w.code')
    .execute();
  return rows.map((r) => ({ value: r.code, label: r.name }));
}

export async function prefectureOptions(db: Db): Promise<Option[]> {
  const rows = await db
    .selectFrom('local_governments')
    .select(['prefecture_code', 'name'])
    .where('level', '=', 'prefecture')
    .orderBy('prefecture_code')
    .execute();
  return rows.map((r) => ({ value: r.prefecture_code, label: r.name }));
}

/** Names of local governments by code (codes without a row are left out). */
export async function namesOf(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('local_governments').select(['code', 'name']).where('code', 'in', [...new Set(codes)]).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

export function namesText(names: Map<string, string>, codes: readonly string[], max = 5): string {
  const shown = codes.slice(0, max).map((c) => names.get(c) ?? c);
  return codes.length > max ? `${shown.join('、')} ほか${codes.length - max}` : shown.join('、');
}

/** Plain (language-neutral) text of a dated value, for list cells and history. */
export function dateText(date: string | null, precision: DatePrecision = 'day'): string {
  if (!date) return '不明';
  const [y, m] = date.split('-');
  if (precision === 'year') return `${y}年`;
  if (precision === 'month') return `${y}年${Number(m)}月`;
  return formatJapaneseDate(date);
}

export function dateLabel(ctx: PageContext, date: string | null, precision: DatePrecision = 'day'): string {
  if (ctx.lang === 'ja') return dateText(date, precision);
  if (!date) return 'Unknown';
  if (precision === 'year') return date.slice(0, 4);
  // '1 April 2016' → 'April 2016'
  if (precision === 'month') return formatEnglishDate(date).replace(/^\d+ /, '');
  return formatEnglishDate(date);
}

export function fiscalYearLabel(ctx: PageContext, fy: number | null): string {
  if (fy === null) return ctx.t('不明', 'Unknown');
  return ctx.lang === 'en' ? formatFiscalYearEnglish(fy) : formatFiscalYear(fy);
}
