// Reads for 連携の状況: the headline figures, the trend, the comparison with the published figures
// and the map, computed from the registry model (each once per revision and date).
import {
  fillFiscalYears,
  projectCountsByFiscalYear,
  projectsByField,
  trendByFiscalYear,
  wardPartnerPairsOn,
  type FiscalYearFigures,
  type FiscalYearProjectTotals,
} from '../../../domain/collaboration-figures.ts';
import { fiscalYearOf } from '../../../domain/fiscal-year.ts';
import { computeFigures, figuresInputOf, projectCountsOf, type ComputedFigures, type PublishedFigureRecord } from './load.ts';
import type { FigureMetric } from '../../../db/schema.ts';
import { memoized, memoizedForDay, type RegistryModel } from '../model/index.ts';
import { FIRST_FISCAL_YEAR } from './form.ts';

/** The headline categories, in the pamphlet's order. */
export const headlineMetrics = ['ward_partners', 'registered_members', 'wide_area_members', 'union'] as const;
export type HeadlineMetric = (typeof headlineMetrics)[number];

export interface PublishedComparison {
  published: PublishedFigureRecord;
  /** The registry's count on the published figure's own as-of date (null for a metric we do not compute). */
  computedThen: number | null;
  /** For 各区の交流自治体数: the ward–partner pairs then (each ward's count added up), the other way to read it. */
  pairsThen?: number;
}

export interface CollaborationData {
  today: string;
  figures: ComputedFigures;
  /** Groups recorded (not deleted), whatever the date. */
  groupsRecorded: number;
  comparisons: PublishedComparison[];
  trend: FiscalYearFigures[];
  projects: FiscalYearProjectTotals[];
  projectsByField: Record<string, number>;
  fromFy: number;
  toFy: number;
}

/** The computed value of a published figure's metric on a date; null when the metric is not computed. */
export function computedValue(figures: ComputedFigures, metric: FigureMetric): number | null {
  switch (metric) {
    case 'ward_partners':
      return figures.wardPartners;
    case 'registered_members':
      return figures.registeredMembers;
    case 'wide_area_members':
      return figures.wideAreaMembers;
    case 'wide_area_groups':
      return figures.wideAreaGroups;
    case 'union':
      return figures.union;
    default:
      return null;
  }
}

/** trendByFiscalYear, remembered per model: every request until the next write reuses it. */
function trendOf(model: RegistryModel, fromFy: number, toFy: number, today: string): FiscalYearFigures[] {
  const byKey = memoized(model, 'trends', () => new Map<string, FiscalYearFigures[]>());
  const key = `${fromFy}:${toFy}:${today}`;
  let trend = byKey.get(key);
  if (!trend) {
    if (byKey.size > 8) byKey.clear();
    trend = trendByFiscalYear(figuresInputOf(model), fromFy, toFy, today);
    byKey.set(key, trend);
  }
  return trend;
}

/** What the page shows whatever date is asked: comparisons, trend and projects (once per model and day). */
function dateIndependentData(model: RegistryModel, today: string) {
  return memoizedForDay(model, 'collaboration', today, () => {
    const fromFy = FIRST_FISCAL_YEAR;
    const toFy = Math.max(fromFy, fiscalYearOf(today));
    const projects = fillFiscalYears(projectCountsByFiscalYear(projectCountsOf(model)), fromFy, toFy);
    return {
      today,
      groupsRecorded: model.groups.length,
      comparisons: model.publishedFigures.map(
        (p): PublishedComparison => ({
          published: p,
          computedThen: computedValue(computeFigures(model, p.asOf), p.metric),
          ...(p.metric === 'ward_partners' ? { pairsThen: wardPartnerPairsOn(figuresInputOf(model), p.asOf) } : {}),
        }),
      ),
      trend: trendOf(model, fromFy, toFy, today),
      projects,
      projectsByField: projectsByField(projects),
      fromFy,
      toFy,
    };
  });
}

export function buildCollaborationData(model: RegistryModel, asOf: string, today: string): CollaborationData {
  return { ...dateIndependentData(model, today), figures: computeFigures(model, asOf) };
}
