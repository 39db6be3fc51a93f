// CSV/XLSX of the wide-area groups and of one group's members (written by src/views/tabular.ts:
// UTF-8 with BOM, CRLF, header row; codes kept as text in XLSX). Cells are Japanese words, dates ISO.
import { fiscalYearOf } from '../../../domain/fiscal-year.ts';
import type { ExchangeColumn } from '../shared/exchange-layout.ts';
import { precisionWords } from '../shared/exchange-layout.ts';
import type { TabularRow } from '../../../views/tabular.ts';
import type { Government } from '../model/shapes.ts';
import { groupKindLabels } from '../shared/labels.tsx';
import type { WideAreaGroupRecord } from './record.ts';

export const groupColumns: readonly ExchangeColumn[] = Object.freeze([
  { key: 'id', header: 'ID' },
  { key: 'name', header: '団体名' },
  { key: 'prefectureCode', header: '都道府県コード', text: true },
  { key: 'prefectureName', header: '都道府県', informational: true },
  { key: 'kind', header: '区分' },
  { key: 'signedOn', header: '協定締結日' },
  { key: 'signedOnPrecision', header: '締結日の精度' },
  { key: 'fiscalYear', header: '締結年度', informational: true },
  { key: 'autoRenewal', header: '自動更新' },
  { key: 'derivedMemberCount', header: '構成自治体数（自治体マスタから導出）', informational: true },
  { key: 'publishedMemberCount', header: '構成自治体数（公表値）' },
  { key: 'sourceUrl', header: '出典URL' },
]);

export const memberColumns: readonly ExchangeColumn[] = Object.freeze([
  { key: 'code', header: '団体コード', text: true },
  { key: 'name', header: '名称' },
  { key: 'kana', header: 'よみがな' },
  { key: 'kind', header: '区分' },
  { key: 'groupId', header: '広域連携団体ID' },
  { key: 'groupName', header: '広域連携団体', informational: true },
]);

export function groupRows(groups: readonly WideAreaGroupRecord[]): TabularRow[] {
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    prefectureCode: g.prefectureCode,
    prefectureName: g.prefectureName,
    kind: groupKindLabels[g.kind].ja,
    signedOn: g.signed.date ?? '',
    signedOnPrecision: g.signed.date ? precisionWords[g.signed.precision] : '',
    fiscalYear: g.signed.date ? fiscalYearOf(g.signed.date) : null,
    autoRenewal: g.autoRenewal ? '1年ごとの自動更新' : 'なし',
    derivedMemberCount: g.memberCodes.length,
    publishedMemberCount: g.publishedMemberCount,
    sourceUrl: g.sourceUrl ?? '',
  }));
}

export function memberRows(group: WideAreaGroupRecord, members: readonly Government[]): TabularRow[] {
  return members.map((m) => ({ code: m.code, name: m.name, kana: m.kana, kind: m.kind, groupId: group.id, groupName: group.name }));
}
