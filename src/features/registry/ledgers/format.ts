// Wording shared by the ledger pages: dates known only to the month or year, 年度, kinds and
// statuses, and which stored URLs may become links.
import type { GroupKind, PlanProgressStatus } from '../../../db/schema.ts';
import { fiscalYearEra } from '../../../domain/fiscal-year.ts';
import type { PageContext } from '../../../views/context.ts';

export { fiscalYearLabel, formatDateWithPrecision } from '../shared/record-format.tsx';

/** 「令和元年度」: the era form alone, as the plan's period is printed. */
export function eraFiscalYearLabel(fy: number): string {
  const { era, year } = fiscalYearEra(fy);
  return `${era}${year === 1 ? '元' : year}年度`;
}

export function groupKindLabel(ctx: PageContext, kind: GroupKind): string {
  return kind === 'city_mayors' ? ctx.t('市長会', 'Association of city mayors') : ctx.t('町村会', 'Association of town and village mayors');
}

/** What a group's members are, by its rule: 「京都府の市」. */
export function groupRuleLabel(ctx: PageContext, kind: GroupKind, prefectureName: string, prefectureNameEn: string): string {
  return kind === 'city_mayors'
    ? ctx.tFormat(`${prefectureName}の市`, `the cities of ${prefectureNameEn}`)
    : ctx.tFormat(`${prefectureName}の町村`, `the towns and villages of ${prefectureNameEn}`);
}

const municipalityKindsEn: Record<string, string> = { 市: 'City', 町: 'Town', 村: 'Village', 特別区: 'Special ward' };

export function municipalityKindLabel(ctx: PageContext, kind: string): string {
  return ctx.tFormat(kind, municipalityKindsEn[kind] ?? kind);
}

export const planStatuses: readonly PlanProgressStatus[] = ['done', 'in_progress', 'planned', 'not_started'];

export function planStatusLabel(ctx: PageContext, status: PlanProgressStatus): string {
  switch (status) {
    case 'done':
      return ctx.t('完了', 'Done');
    case 'in_progress':
      return ctx.t('実施中', 'In progress');
    case 'planned':
      return ctx.t('予定', 'Planned');
    case 'not_started':
      return ctx.t('未着手', 'Not started');
  }
}

/** Only http(s) addresses become links; anything else (javascript:, relative paths) stays text. */
export function linkableUrl(url: string | null | undefined): URL | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : null;
  } catch {
    return null;
  }
}

/** Lines of a multi-line text field, trimmed, without empty lines. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Names stored joined with ';' (full-width too). */
export function namesOf(text: string): string[] {
  return text
    .split(/[;；]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
