// The 13 wide-area agreements (広域連携協定) that 特別区長会 signed with prefectural 市長会 / 町村会,
// and the rule that derives each group's members from master data. Members are derived rather
// than typed in, so a merger in the master data moves the figures without anyone editing a list;
// the published counts stay beside them to check the rule against.

/** 市長会 = the prefecture's cities (市, 政令指定都市 included); 町村会 = its towns and villages. */
export type GroupKind = 'city_mayors' | 'town_village_mayors';

export interface WideAreaGroup {
  id: string;
  nameJa: string;
  /** 2 digits, JIS X 0401. */
  prefectureCode: string;
  kind: GroupKind;
  /** ISO date; null when unknown. */
  signedOn: string | null;
  signedOnNote?: string;
  sourceUrl?: string;
  /** Members as published (pamphlet, as of 2022-03-01); the 13 sum to 372. */
  publishedMemberCount: number;
}

export interface MasterMunicipality {
  code: string;
  prefectureCode: string;
  kind: '市' | '町' | '村' | '特別区';
  isCounted: boolean;
  validFrom: string | null;
  validTo: string | null;
}

/** A recorded departure from the rule (e.g. a town that left its 町村会), kept with its reason. */
export interface GroupException {
  groupId: string;
  code: string;
  change: 'add' | 'remove';
  note: string;
}

/** As-of date of the published member counts. */
export const PUBLISHED_AS_OF = '2022-03-01';

const PAMPHLET =
  '特別区全国連携プロジェクト パンフレット(2022年3月1日現在)「特別区長会との広域連携協定締結団体」。' +
  '表の構成団体数の列はセル結合でずれているため、構成団体数は団体ごとの市町村数から導いた値(合計372)。';

/** The ceremony for 北海道 and 京都 was held at the 全国連携シンポジウム, which this page reports. */
const SYMPOSIUM_2016 = 'http://collabo.tokyo-23city.or.jp/renkei/archive/2016/zenkoku_symposium_2016.html';

function defineGroup(
  id: string,
  nameJa: string,
  prefectureCode: string,
  kind: GroupKind,
  signedOn: string,
  publishedMemberCount: number,
  sourceUrl?: string,
): WideAreaGroup {
  return { id, nameJa, prefectureCode, kind, signedOn, signedOnNote: PAMPHLET, publishedMemberCount, ...(sourceUrl ? { sourceUrl } : {}) };
}

/** In signing order. */
export const wideAreaGroups: readonly WideAreaGroup[] = Object.freeze([
  defineGroup('hokkaido-chosonkai', '北海道町村会', '01', 'town_village_mayors', '2016-04-26', 144, SYMPOSIUM_2016),
  defineGroup('kyoto-shichokai', '京都府市長会', '26', 'city_mayors', '2016-04-26', 15, SYMPOSIUM_2016),
  defineGroup('kyoto-chosonkai', '京都府町村会', '26', 'town_village_mayors', '2016-04-26', 11, SYMPOSIUM_2016),
  defineGroup('aomori-shichokai', '青森県市長会', '02', 'city_mayors', '2016-06-25', 10),
  defineGroup('aomori-chosonkai', '青森県町村会', '02', 'town_village_mayors', '2016-06-25', 30),
  defineGroup('chiba-chosonkai', '千葉県町村会', '12', 'town_village_mayors', '2017-01-19', 17),
  defineGroup('hiroshima-chosonkai', '広島県町村会', '34', 'town_village_mayors', '2017-01-27', 9),
  defineGroup('nara-chosonkai', '奈良県町村会', '29', 'town_village_mayors', '2018-02-21', 27, 'https://ichigaya.keizai.biz/headline/2699'),
  defineGroup('gunma-shichokai', '群馬県市長会', '10', 'city_mayors', '2018-04-16', 12, 'https://www.jomo-news.co.jp/news/gunma/politics/46329'),
  defineGroup('gunma-chosonkai', '群馬県町村会', '10', 'town_village_mayors', '2018-04-16', 23, 'https://www.jomo-news.co.jp/news/gunma/politics/46329'),
  defineGroup('saitama-chosonkai', '埼玉県町村会', '11', 'town_village_mayors', '2018-05-01', 23, 'https://www.nikkei.com/article/DGXMZO30043990R00C18A5L83000/'),
  defineGroup('chiba-shichokai', '千葉県市長会', '12', 'city_mayors', '2019-10-26', 37),
  defineGroup('yamanashi-chosonkai', '山梨県町村会', '19', 'town_village_mayors', '2019-10-26', 14),
].map((g) => Object.freeze(g)));

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Dates are compared as strings, which is only right for zero-padded ISO dates. */
function assertIsoDate(d: string): void {
  if (!ISO_DATE.test(d)) throw new RangeError(`expected an ISO date YYYY-MM-DD, got ${JSON.stringify(d)}`);
}

function kindMatches(kind: GroupKind, m: MasterMunicipality['kind']): boolean {
  return kind === 'city_mayors' ? m === '市' : m === '町' || m === '村';
}

/**
 * In force on asOf: validFrom inclusive, validTo exclusive (the day a merged town disappears is
 * the first day it no longer exists). Without asOf, the current list: rows that have not ended.
 */
export function isValidOn(m: Pick<MasterMunicipality, 'validFrom' | 'validTo'>, asOf?: string): boolean {
  if (asOf === undefined) return m.validTo === null;
  assertIsoDate(asOf);
  return (m.validFrom === null || m.validFrom <= asOf) && (m.validTo === null || m.validTo > asOf);
}

/**
 * Members of a group: same prefecture, matching kind, counted (the 北方領土 villages are not),
 * valid on asOf; then the recorded exceptions, in order. Sorted codes.
 */
export function deriveGroupMembers(
  group: WideAreaGroup,
  municipalities: MasterMunicipality[],
  exceptions: GroupException[] = [],
  asOf?: string,
): string[] {
  const members = new Set(
    municipalities
      .filter((m) => m.prefectureCode === group.prefectureCode && kindMatches(group.kind, m.kind) && m.isCounted && isValidOn(m, asOf))
      .map((m) => m.code),
  );
  for (const e of exceptions) {
    if (e.groupId !== group.id) continue;
    if (e.change === 'add') members.add(e.code);
    else members.delete(e.code);
  }
  return [...members].sort();
}

/** The master-data row shape (snake_case, as stored); structural so this module needs no DB import. */
export interface LocalGovernmentRow {
  code: string;
  level: string;
  prefecture_code: string;
  kind: string;
  is_counted: number | boolean;
  /** Optional because insert rows may omit them; missing = open-ended. */
  valid_from?: string | null;
  valid_to?: string | null;
}

const MUNICIPAL_KINDS = new Set<string>(['市', '町', '村', '特別区']);

/** Municipality rows of the master data as MasterMunicipality; prefectures are dropped. */
export function toMasterMunicipalities(rows: readonly LocalGovernmentRow[]): MasterMunicipality[] {
  return rows
    .filter((r) => r.level === 'municipality')
    .map((r) => {
      if (!MUNICIPAL_KINDS.has(r.kind)) throw new RangeError(`unexpected municipality kind ${r.kind} for ${r.code}`);
      return {
        code: r.code,
        prefectureCode: r.prefecture_code,
        kind: r.kind as MasterMunicipality['kind'],
        isCounted: Boolean(r.is_counted),
        validFrom: r.valid_from ?? null,
        validTo: r.valid_to ?? null,
      };
    });
}
