// Wording shared by every page that shows registry records: dates known only to the month or year,
// 年度, project status and field, the 「サンプル」 mark and source links.
import type { DatePrecision, ProjectStatus } from '../../../db/schema.ts';
import { formatFiscalYear } from '../../../domain/fiscal-year.ts';
import { eraOf, eraYearLabel, formatEnglishDate, toJstParts } from '../../../domain/japanese-date.ts';
import { projectFieldByNumber } from '../projects/fields.ts';
import type { PageContext } from '../../../views/context.ts';
import { formatDate } from '../../../views/format.ts';

function lastDayOf(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The era years a period spans: 「令和2年」, or 「平成31年・令和元年」 for 2019 as a whole. */
function eraYearsOf(firstDay: string, lastDay: string): string {
  const a = eraOf(firstDay);
  const b = eraOf(lastDay);
  const first = eraYearLabel(a.era, a.year);
  const last = eraYearLabel(b.era, b.year);
  return first === last ? first : `${first}・${last}`;
}

/**
 * A date with its precision (stored as the first day of its month or year): 「2016年(平成28年)4月26日」,
 * 「2020年(令和2年)2月」, 「2019年(平成31年・令和元年)」; 「不明」 when unknown. A stored value that is
 * not a real calendar date is shown as stored, never a 500.
 */
export function formatDateWithPrecision(ctx: PageContext, iso: string | null, precision: DatePrecision): string {
  if (!iso) return ctx.t('不明', 'Unknown');
  try {
    if (precision === 'day') return formatDate(ctx, iso);
    const { year, month } = toJstParts(iso);
    if (precision === 'month') {
      if (ctx.lang === 'en') return formatEnglishDate(iso).replace(/^\d+ /, '');
      return `${year}年(${eraYearsOf(iso, lastDayOf(year, month))})${month}月`;
    }
    if (ctx.lang === 'en') return String(year);
    return `${year}年(${eraYearsOf(`${year}-01-01`, `${year}-12-31`)})`;
  } catch {
    return iso;
  }
}

export interface PartialDate {
  date: string | null;
  precision: DatePrecision;
}

export function formatPartialDate(ctx: PageContext, d: PartialDate): string {
  return formatDateWithPrecision(ctx, d.date, d.precision);
}

/** formatDate for stored record dates: a bad value is shown as stored rather than failing the page. */
export function formatRecordDate(ctx: PageContext, iso: string): string {
  return formatDateWithPrecision(ctx, iso, 'day');
}

/** 「2024年度(令和6年度)」 / 'FY2024'. */
export function fiscalYearLabel(ctx: PageContext, fy: number): string {
  return ctx.lang === 'en' ? `FY${fy}` : formatFiscalYear(fy);
}

const statusEn: Record<ProjectStatus, string> = { 実施: 'Held', 予定: 'Planned', 中止: 'Cancelled', 延期: 'Postponed' };

export function statusLabel(ctx: PageContext, status: ProjectStatus): string {
  return ctx.tFormat(status, statusEn[status] ?? status);
}

export function fieldLabel(ctx: PageContext, field: number): string {
  const f = projectFieldByNumber(field);
  return f ? ctx.tFormat(f.nameJa, f.nameEn) : String(field);
}

/** Only web addresses become links: a stored value is never trusted as a URL scheme. */
export function isWebUrl(url: string | null): url is string {
  return url !== null && /^https?:\/\/[^\s]+$/i.test(url);
}

export function SampleMark({ ctx, show }: { ctx: PageContext; show: boolean }): JSX.Element {
  return show ? <span class="rk-badge">{ctx.t('サンプル', 'Sample')}</span> : '';
}

/** 「出典」 with what it is the source of for screen readers; nothing when there is no web source. */
export function SourceLink({ ctx, url, of }: { ctx: PageContext; url: string | null; of: string }): JSX.Element {
  if (!isWebUrl(url)) return '';
  return (
    <a href={url} rel="noopener noreferrer">
      {ctx.t('出典', 'Source')}
      <span class="rk-visually-hidden" safe>
        {ctx.tFormat(`：${of}`, `: ${of}`)}
      </span>
    </a>
  );
}
