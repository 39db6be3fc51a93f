// Projects in the registry's file layout (CSV/XLSX, shared/exchange-layout.ts): what /projects.csv
// and .xlsx write and what the import reads back.
import { formatWords, joinList, organiserKindWords, type ExchangeColumn } from '../shared/exchange-layout.ts';
import { projectFieldByNumber } from './fields.ts';
import type { Project } from './record.ts';

export const projectColumns: readonly ExchangeColumn[] = Object.freeze([
  { key: 'id', header: 'ID' },
  { key: 'fiscalYear', header: '年度' },
  { key: 'title', header: '事業名' },
  { key: 'summary', header: '概要' },
  { key: 'field', header: '分野番号' },
  { key: 'fieldName', header: '分野', informational: true },
  { key: 'organiserKind', header: '主催区分' },
  { key: 'wardCodes', header: '主催区コード', text: true },
  { key: 'wardNames', header: '主催区', informational: true },
  { key: 'partnerCodes', header: '連携先コード', text: true },
  { key: 'partnerNames', header: '連携先', informational: true },
  { key: 'startsOn', header: '開始日' },
  { key: 'endsOn', header: '終了日' },
  { key: 'format', header: '実施形態' },
  { key: 'status', header: '状況' },
  { key: 'newsUrl', header: '記事URL' },
  { key: 'sourceUrl', header: '出典URL' },
  { key: 'notes', header: '備考' },
]);
export function projectExchangeRow(p: Project): Record<string, string | number> {
  return {
    id: p.id,
    fiscalYear: p.fiscalYear,
    title: p.title,
    summary: p.summary,
    field: p.field,
    fieldName: projectFieldByNumber(p.field)?.nameJa ?? '',
    organiserKind: organiserKindWords[p.organiserKind],
    wardCodes: joinList(p.wards.map((w) => w.code)),
    wardNames: joinList(p.wards.map((w) => w.name)),
    partnerCodes: joinList(p.partners.map((x) => x.key)),
    partnerNames: joinList(p.partners.map((x) => x.name)),
    startsOn: p.startsOn ?? '',
    endsOn: p.endsOn ?? '',
    format: formatWords[p.format],
    status: p.status,
    newsUrl: p.newsUrl ?? '',
    sourceUrl: p.sourceUrl ?? '',
    notes: p.notes,
  };
}
