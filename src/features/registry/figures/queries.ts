// Reads for 連携の状況: one load of the registry (cached a few seconds per database by
// db/registry-figures.ts), from which the headline figures, the trend, the comparison with the
// published figures and the map are computed. Projects are counted by the database (GROUP BY), so
// 20,000 projects cost one small result set.
import type { Kysely } from 'kysely';
import {
  fillFiscalYears,
  projectCountsByFiscalYear,
  projectsByField,
  trendByFiscalYear,
  type FiscalYearFigures,
  type FiscalYearProjectTotals,
  type ProjectCount,
} from '../../../domain/collaboration-figures.ts';
import { fiscalYearOf } from '../../../domain/fiscal-year.ts';
import {
  computeFigures,
  loadFiguresInput,
  loadProjectCounts,
  loadPublishedFigures,
  type ComputedFigures,
  type PublishedFigureRecord,
  type RegistryFiguresInput,
} from './load.ts';
import type { Database, FigureMetric } from '../../../db/schema.ts';
import { FIRST_FISCAL_YEAR } from './form.ts';

/** The headline categories, in the pamphlet's order. */
export const headlineMetrics = ['ward_partners', 'registered_members', 'wide_area_members', 'union'] as const;
export type HeadlineMetric = (typeof headlineMetrics)[number];

export interface PublishedComparison {
  published: PublishedFigureRecord;
  /** The registry's count on the published figure's own as-of date (null for a metric we do not compute). */
  computedThen: number | null;
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

const trends = new WeakMap<RegistryFiguresInput, Map<string, FiscalYearFigures[]>>();

/** trendByFiscalYear, remembered per load: every request of the next seconds reuses it. */
function trendOf(input: RegistryFiguresInput, fromFy: number, toFy: number, today: string): FiscalYearFigures[] {
  let byKey = trends.get(input);
  if (!byKey) trends.set(input, (byKey = new Map()));
  const key = `${fromFy}:${toFy}:${today}`;
  let trend = byKey.get(key);
  if (!trend) {
    if (byKey.size > 8) byKey.clear();
    trend = trendByFiscalYear(input, fromFy, toFy, today);
    byKey.set(key, trend);
  }
  return trend;
}

/** The three cached loads a page is computed from; the same objects until the cache expires. */
export interface CollaborationSources {
  input: RegistryFiguresInput;
  projectCounts: ProjectCount[];
  published: PublishedFigureRecord[];
}

export async function loadCollaborationSources(db: Kysely<Database>): Promise<CollaborationSources> {
  const [input, projectCounts, published] = await Promise.all([loadFiguresInput(db), loadProjectCounts(db), loadPublishedFigures(db)]);
  return { input, projectCounts, published };
}

export function buildCollaborationData({ input, projectCounts, published }: CollaborationSources, asOf: string, today: string): CollaborationData {
  const fromFy = FIRST_FISCAL_YEAR;
  const toFy = Math.max(fromFy, fiscalYearOf(today));
  const projects = fillFiscalYears(projectCountsByFiscalYear(projectCounts), fromFy, toFy);
  return {
    today,
    figures: computeFigures(input, asOf),
    groupsRecorded: input.groups.length,
    comparisons: published.map((p) => ({ published: p, computedThen: computedValue(computeFigures(input, p.asOf), p.metric) })),
    trend: trendOf(input, fromFy, toFy, today),
    projects,
    projectsByField: projectsByField(projects),
    fromFy,
    toFy,
  };
}

export async function loadCollaborationData(db: Kysely<Database>, asOf: string, today: string): Promise<CollaborationData> {
  return buildCollaborationData(await loadCollaborationSources(db), asOf, today);
}
