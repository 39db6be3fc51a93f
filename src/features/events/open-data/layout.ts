// The 自治体標準オープンデータセット「イベント一覧」 layout (research/anchors.md §2b): the 32 columns
// of the 推奨データセット in their order, then our own columns after 備考 (publishers append theirs
// there): 種類, 分野, 参加自治体コード, 共催, 連携協力, 後援, オンライン開催, オンラインURL. Cells hold
// no line breaks (統一ルール L1-14: one record per line): a break becomes a space; dates are
// YYYY-MM-DD, times hh:mm, the code the 6-digit 全国地方公共団体コード of the first municipality.
import type { TabularColumn, TabularRow } from '../../../views/tabular.ts';
import type { Event } from '../record.ts';

export const standardHeaders = [
  '都道府県コード又は市区町村コード',
  'NO',
  '都道府県名',
  '市区町村名',
  'イベント名',
  'イベント名_カナ',
  'イベント名_英語',
  '開始日',
  '終了日',
  '開始時間',
  '終了時間',
  '開始日時特記事項',
  '説明',
  '料金(基本)',
  '料金(詳細)',
  '連絡先名称',
  '連絡先電話番号',
  '連絡先内線番号',
  '主催者',
  '場所名称',
  '住所',
  '方書',
  '緯度',
  '経度',
  'アクセス方法',
  '駐車場情報',
  '定員',
  '参加申込終了日',
  '参加申込終了時間',
  '参加申込方法',
  'URL',
  '備考',
] as const;

export const extraHeaders = ['種類', '分野', '参加自治体コード', '共催', '連携協力', '後援', 'オンライン開催', 'オンラインURL'] as const;

export const openDataColumns: TabularColumn[] = [...standardHeaders, ...extraHeaders].map((header, i) => ({ key: `c${i}`, header, text: true }));

/** Items of a list in one cell. */
export const LIST_SEPARATOR = '、';

const oneLine = (text: string) => text.replace(/\r\n|\r|\n/g, ' ').trim();

export function openDataRow(e: Event): TabularRow {
  const first = e.municipalities[0];
  const isPrefecture = first !== undefined && first.name === first.prefectureName;
  const cells: string[] = [
    first?.code ?? e.ownerCode ?? '',
    e.id,
    first?.prefectureName ?? '',
    first && !isPrefecture ? first.name : '',
    e.title,
    e.titleKana,
    e.titleEn,
    e.startsOn,
    e.endsOn,
    e.startTime ?? '',
    e.endTime ?? '',
    e.dateNote,
    e.description,
    e.feeBasic,
    e.feeDetail,
    e.contacts.map((c) => c.name).join(LIST_SEPARATOR),
    e.contacts.map((c) => c.phone).join(LIST_SEPARATOR),
    e.contacts.map((c) => c.extension).join(LIST_SEPARATOR),
    e.organisers.join(LIST_SEPARATOR),
    e.venueName,
    e.address,
    e.addressExtra,
    e.latitude === null ? '' : String(e.latitude),
    e.longitude === null ? '' : String(e.longitude),
    e.access,
    e.parking,
    e.capacity,
    e.applyDeadline ?? '',
    e.applyDeadlineTime ?? '',
    e.applyMethod,
    e.url ?? '',
    e.notes,
    e.kind,
    e.field === null ? '' : String(e.field),
    e.municipalityCodes.join(' '),
    e.coOrganisers.join(LIST_SEPARATOR),
    e.partners.join(LIST_SEPARATOR),
    e.supporters.join(LIST_SEPARATOR),
    e.online ? '1' : '',
    e.onlineUrl ?? '',
  ];
  return Object.fromEntries(cells.map((c, i) => [`c${i}`, oneLine(c)]));
}
