// Wording and small pieces for registry records on the municipality pages (same as the ward
// pages' own copy: features do not import each other): dates known to the month or year, 年度,
// project status and field, the 「サンプル」 mark and source links.
import type { PartialDate } from '../../db/registry-ties.ts';
import type { ProjectStatus } from '../../db/schema.ts';
import { formatFiscalYear } from '../../domain/fiscal-year.ts';
import { eraOf, eraYearLabel } from '../../domain/japanese-date.ts';
import { projectFieldByNumber } from '../../domain/project-fields.ts';
import type { PageContext } from '../../views/context.ts';
import { formatDate } from '../../views/format.ts';

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 「2020年(令和2年)2月13日」, 「2020年(令和2年)2月」 (month only), 「2020年(令和2年)」, or 「不明」. */
export function formatPartialDate(ctx: PageContext, d: PartialDate): string {
  if (!d.date) return ctx.t('不明', 'Unknown');
  try {
    if (d.precision === 'day') return formatDate(ctx, d.date);
    const [year, month] = d.date.split('-').map(Number) as [number, number];
    const era = eraOf(d.date);
    const eraLabel = eraYearLabel(era.era, era.year);
    if (d.precision === 'month') return ctx.tFormat(`${year}年(${eraLabel})${month}月`, `${MONTHS_EN[month - 1]} ${year}`);
    return ctx.tFormat(`${year}年(${eraLabel})`, String(year));
  } catch {
    // A stored date that is not a real calendar date (or is before 明治) is shown as stored, never a 500.
    return d.date;
  }
}

/** formatDate for stored record dates: a bad value is shown as stored rather than failing the page. */
export function formatRecordDate(ctx: PageContext, iso: string): string {
  return formatPartialDate(ctx, { date: iso, precision: 'day' });
}

/** 「2024年度(令和6年度)」 / 'FY2024'. */
export function fiscalYearLabel(ctx: PageContext, fy: number): string {
  return ctx.tFormat(formatFiscalYear(fy), `FY${fy}`);
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
