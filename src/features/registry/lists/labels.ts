// Wording of the registry's coded values for the pages, Japanese first.
import type { AgreementPartnerRecord, PrefectureChoice, RegistryPartner } from './listing.ts';
import type { DatePrecision, OrganiserKind, ProjectFormat, ProjectStatus, Provenance } from '../../../db/schema.ts';
import { formatFiscalYear } from '../../../domain/fiscal-year.ts';
import { eraOf, eraYearLabel, toJstParts } from '../../../domain/japanese-date.ts';
import { projectFieldByNumber } from '../shared/project-fields.ts';
import type { AgreementCategoryFilter, AgreementState } from './filters.ts';
import { prefectureNamesEn } from '../../../domain/regions.ts';
import type { PageContext } from '../../../views/context.ts';
import { formatDate } from '../../../views/format.ts';

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 「2024年度(令和6年度)」, or 'FY2024'. */
export function fiscalYearLabel(ctx: PageContext, fy: number): string {
  return ctx.tFormat(formatFiscalYear(fy), `FY${fy}`);
}

/** A date as precise as it is known: 「1989年(平成元年)4月」 for a month, 「1989年(平成元年)」 for a year. */
export function dateLabel(ctx: PageContext, iso: string, precision: DatePrecision = 'day'): string {
  if (precision === 'day') return formatDate(ctx, iso);
  const { year, month } = toJstParts(iso);
  const e = eraOf(iso);
  const ja = `${year}年(${eraYearLabel(e.era, e.year)})${precision === 'month' ? `${month}月` : ''}`;
  return ctx.tFormat(ja, precision === 'month' ? `${MONTHS_EN[month - 1]} ${year}` : String(year));
}

/** 「2024年(令和6年)10月30日〜11月2日」 style, both ends in full; '' when neither is known. */
export function periodLabel(ctx: PageContext, startsOn: string | null, endsOn: string | null): string {
  if (startsOn && endsOn && startsOn !== endsOn) return `${formatDate(ctx, startsOn)}${ctx.t('〜', ' – ')}${formatDate(ctx, endsOn)}`;
  if (startsOn) return formatDate(ctx, startsOn);
  if (endsOn) return ctx.tFormat(`〜${formatDate(ctx, endsOn)}`, `until ${formatDate(ctx, endsOn)}`);
  return '';
}

const statusEn: Record<ProjectStatus, string> = { 実施: 'Held', 予定: 'Planned', 中止: 'Cancelled', 延期: 'Postponed' };
export function statusLabel(ctx: PageContext, status: ProjectStatus): string {
  return ctx.tFormat(status, statusEn[status]);
}
/** 中止 and 延期 are marked with a badge (text, not only colour). */
export function isInterrupted(status: ProjectStatus): boolean {
  return status === '中止' || status === '延期';
}

const formatJa: Record<ProjectFormat, string> = { offline: '対面', online: 'オンライン', hybrid: '併用' };
const formatEn: Record<ProjectFormat, string> = { offline: 'In person', online: 'Online', hybrid: 'In person and online' };
export function formatLabel(ctx: PageContext, format: ProjectFormat): string {
  return ctx.tFormat(formatJa[format], formatEn[format]);
}

export function organiserKindLabel(ctx: PageContext, kind: OrganiserKind): string {
  return kind === 'joint' ? ctx.t('23区共同', 'All 23 wards jointly') : ctx.t('各区', 'Individual wards');
}

export function fieldLabel(ctx: PageContext, n: number): string {
  const field = projectFieldByNumber(n);
  return field ? ctx.tFormat(field.nameJa, field.nameEn) : String(n);
}

export function provenanceLabel(ctx: PageContext, provenance: Provenance): string | undefined {
  if (provenance === 'sample') return ctx.t('サンプル', 'Sample');
  if (provenance === 'synthetic') return ctx.t('合成データ', 'Synthetic data');
  return undefined;
}

const categoryJa: Record<AgreementCategoryFilter, string> = { friendship: '友好・交流', disaster: '災害時の応援・防災', other: 'その他' };
const categoryEn: Record<AgreementCategoryFilter, string> = { friendship: 'Friendship and exchange', disaster: 'Disaster support', other: 'Other' };
export function categoryLabel(ctx: PageContext, category: AgreementCategoryFilter): string {
  return ctx.tFormat(categoryJa[category], categoryEn[category]);
}

export function stateLabel(ctx: PageContext, state: AgreementState): string {
  return state === 'live' ? ctx.t('継続中', 'In force') : ctx.t('終了', 'Ended');
}

export function prefectureName(ctx: PageContext, p: Pick<PrefectureChoice, 'prefectureCode' | 'name'>): string {
  return ctx.lang === 'en' ? `${prefectureNamesEn[p.prefectureCode] ?? p.name} (${p.name})` : p.name;
}

/** 「名寄市（北海道）」; a prefecture, or a group (whose name says its prefecture), is its own name. */
export function partnerLabel(ctx: PageContext, p: RegistryPartner | AgreementPartnerRecord, prefectures: ReadonlyMap<string, string>): string {
  if (p.isPrefecture || !p.prefectureCode || ('kind' in p && p.kind === 'group')) return p.name;
  const pref = prefectures.get(p.prefectureCode);
  if (!pref) return p.name;
  return ctx.tFormat(`${p.name}（${pref}）`, `${p.name} (${prefectureNamesEn[p.prefectureCode] ?? pref})`);
}

/** Only http(s) addresses become links; anything else stored is shown as text. */
export function isWebAddress(url: string | null): boolean {
  return url !== null && /^https?:\/\/[^\s]+$/i.test(url);
}
