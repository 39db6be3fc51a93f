// The figures as a file (/collaboration/figures.csv, .xlsx): one row per 年度 (counts at its end,
// projects carried out in it), then one row per published figure with its date and source, the
// value in the column of its metric. Written by views/tabular.ts (BOM + CRLF CSV, or XLSX).
import { precisionWords, type ExchangeColumn } from '../shared/exchange-layout.ts';
import { formatFiscalYear, fiscalYearOf } from '../../../domain/fiscal-year.ts';
import type { FigureMetric } from '../../../db/schema.ts';
import type { TabularRow } from '../../../views/tabular.ts';
import type { CollaborationData } from './queries.ts';

export const figureColumns: readonly ExchangeColumn[] = Object.freeze([
  { key: 'kind', header: '区分' },
  { key: 'fiscalYear', header: '年度' },
  { key: 'fiscalYearLabel', header: '年度(和暦)' },
  { key: 'asOf', header: '時点' },
  { key: 'wardPartners', header: '各区の交流自治体数' },
  { key: 'registeredMembers', header: '会員登録自治体数' },
  { key: 'wideAreaMembers', header: '広域連携協定締結自治体数' },
  { key: 'wideAreaGroups', header: '広域連携協定締結団体数' },
  { key: 'union', header: '東京23区と連携・交流している総自治体数' },
  { key: 'projects', header: '連携事業数(実施)' },
  { key: 'wardProjects', header: '各区の事業数' },
  { key: 'jointProjects', header: '23区共同の事業数' },
  { key: 'label', header: '公表値の項目' },
  { key: 'publishedValue', header: '公表値' },
  { key: 'asOfPrecision', header: '時点の精度' },
  { key: 'lowerBound', header: '以上(概数)' },
  { key: 'source', header: '出典' },
  { key: 'sourceUrl', header: '出典URL' },
]);

export const KIND_COMPUTED = '登録簿から集計(年度末現在)';
export const KIND_PUBLISHED = '公表値';

const metricColumn: Partial<Record<FigureMetric, string>> = {
  ward_partners: 'wardPartners',
  registered_members: 'registeredMembers',
  wide_area_members: 'wideAreaMembers',
  wide_area_groups: 'wideAreaGroups',
  union: 'union',
};

export function figureRows(data: CollaborationData, groupsSignedAt: (asOf: string) => number): TabularRow[] {
  const projectsByYear = new Map(data.projects.map((p) => [p.fiscalYear, p]));
  const computed = data.trend.map((t): TabularRow => {
    const p = projectsByYear.get(t.fiscalYear);
    return {
      kind: KIND_COMPUTED,
      fiscalYear: t.fiscalYear,
      fiscalYearLabel: formatFiscalYear(t.fiscalYear),
      asOf: t.asOf,
      wardPartners: t.wardPartners,
      registeredMembers: t.registeredMembers,
      wideAreaMembers: t.wideAreaMembers,
      wideAreaGroups: groupsSignedAt(t.asOf),
      union: t.union,
      projects: p?.total ?? 0,
      wardProjects: p?.byOrganiser.ward ?? 0,
      jointProjects: p?.byOrganiser.joint ?? 0,
    };
  });
  const published = [...data.comparisons]
    .map((c) => c.published)
    .sort((a, b) => a.asOf.localeCompare(b.asOf) || a.metric.localeCompare(b.metric))
    .map((p): TabularRow => {
      const column = metricColumn[p.metric];
      const fy = fiscalYearOf(p.asOf);
      return {
        kind: KIND_PUBLISHED,
        fiscalYear: fy,
        fiscalYearLabel: formatFiscalYear(fy),
        asOf: p.asOf,
        ...(column ? { [column]: p.value } : {}),
        label: p.label,
        publishedValue: p.value,
        asOfPrecision: precisionWords[p.asOfPrecision],
        lowerBound: p.isLowerBound ? '以上' : '',
        source: p.sourceTitle,
        sourceUrl: p.sourceUrl ?? '',
      };
    });
  return [...computed, ...published];
}
