// 被災自治体への支援: every row of the pamphlet's table 「特別区が連携して対応した災害支援の状況」, the
// amounts of 「これまでの主な被災地支援」, the 東日本大震災 totals of 特別区長会's support page and the
// FY2022 long-term dispatch figures (iJAMP, 2022-12-28), plus the two FY2022 disasters iJAMP names.
import type { DisasterSupportKind } from '../../schema.ts';
import * as S from './sources.ts';
import { note, partialDate, recordColumns, seedId, type SeedContext } from './util.ts';

interface SupportSeed {
  /** Distinguishes lines of the same kind for one disaster (part of the stable key). */
  tag: string;
  kind: DisasterSupportKind;
  recipients?: readonly string[];
  amountYen?: number;
  staffCount?: number;
  asOf?: string;
  goods?: readonly string[];
  /** false when the wards gave it individually (not 23区共同). */
  isJoint?: boolean;
  sourceUrl: string | null;
  notes: string;
}

interface DisasterSeed {
  key: string;
  name: string;
  occurred: string | null;
  /** As printed in the table (year column + date column). */
  label: string;
  summary: string;
  sourceUrl: string | null;
  notes: string;
  support: readonly SupportSeed[];
}

const TABLE = 'パンフレットの表「特別区が連携して対応した災害支援の状況」による。';
const MAIN = 'パンフレット「これまでの主な被災地支援」による(23区共同で拠出)。';

/** A recovery-fund line of the table, with the amount of the main-support list when it gives one. */
function fund(recipients: string, amountYen?: number, kind: DisasterSupportKind = 'recovery_fund'): SupportSeed {
  return {
    tag: 'pamphlet',
    kind,
    recipients: recipients.split('/'),
    ...(amountYen !== undefined ? { amountYen } : {}),
    sourceUrl: null,
    notes: note(S.PAMPHLET_2022, TABLE, amountYen !== undefined ? MAIN : null),
  };
}

/**
 * The FY2022 long-term dispatch headcounts (東日本16・熊本1・令和2年7月豪雨1, 計18) are people on
 * dispatch in that year, not running totals, so they are notes (and the published figure of 18),
 * never `staff` lines, whose staff_count is cumulative.
 */
function longTermNote(staffCount: number): string {
  return `令和4年度(2022年度)に長期派遣している職員 ${staffCount}人(累計ではない。出典: iJAMP 時事通信 2022年12月28日、長期派遣は計18人)。`;
}

function row(key: string, name: string, occurred: string, label: string, summary: string, support: readonly SupportSeed[], extra?: string): DisasterSeed {
  return { key, name, occurred, label, summary, sourceUrl: null, notes: note(S.PAMPHLET_2022, TABLE, extra), support };
}

// 特別区が連携して対応した災害支援の状況 — パンフレット(令和4年3月1日現在)、20行
export const disasterSeeds: readonly DisasterSeed[] = [
  row('2008-iwate-miyagi', '平成20年岩手・宮城内陸地震', '2008-06-14', '平成20年6月14日', '復興支援金の提供(岩手県市長会/宮城県市長会)', [fund('岩手県市長会/宮城県市長会')]),
  {
    key: '2011-higashinihon', name: '東日本大震災', occurred: '2011-03-11', label: '平成23年3月11日',
    summary: '復興支援金の提供(岩手県/宮城県/福島県/茨城県/栃木県/千葉県)、職員派遣・支援物資等の提供',
    sourceUrl: S.SHIEN_HIGASHINIHON,
    notes: note(
      S.PAMPHLET_2022, TABLE,
      '出典: 特別区長会「東日本大震災への支援状況」(令和5年10月1日現在)',
      'パンフレット: 保健師・技術職員・事務職員の派遣、支援物資や復興支援金の提供、災害廃棄物の受け入れ、23区内での避難所・避難住宅の提供等を行った。',
      '女川町の可燃性災害廃棄物を受け入れ(受入要請量33,000トン)。',
      longTermNote(16),
    ),
    support: [
      fund('岩手県/宮城県/福島県/茨城県/栃木県/千葉県', 1_000_000_000),
      { tag: 'pamphlet-2021-10', kind: 'staff', staffCount: 7174, asOf: '2021-10-01', sourceUrl: null, notes: note(S.PAMPHLET_2022, '職員派遣の累計(令和3年10月1日現在)。') },
      { tag: 'kuchokai-2023-10', kind: 'staff', staffCount: 7201, asOf: '2023-10-01', sourceUrl: S.SHIEN_HIGASHINIHON,
        notes: note('出典: 特別区長会「東日本大震災への支援状況」', '職員派遣の累計(令和5年10月1日現在): 派遣中11人、派遣済み7,190人、計7,201人。') },
      { tag: 'kuchokai-2023-10', kind: 'donation', recipients: ['32県市町'], amountYen: 3_763_390_000, asOf: '2023-10-01', isJoint: false, sourceUrl: S.SHIEN_HIGASHINIHON,
        notes: note('出典: 特別区長会「東日本大震災への支援状況」', '義援金376,339万円を32県市町へ(令和5年10月1日現在)。各区がそれぞれ拠出した額の合計(23区共同の10億円とは別)。') },
      { tag: 'kuchokai-2023-10', kind: 'goods', recipients: ['50県市町村'], goods: ['主食類 289,164食', '飲料水 104,451ℓ', '毛布 25,633枚'], asOf: '2023-10-01', sourceUrl: S.SHIEN_HIGASHINIHON,
        notes: note('出典: 特別区長会「東日本大震災への支援状況」', '支援物資を50県市町村へ(令和5年10月1日現在)。品目は出典の表の主なもの。') },
    ],
  },
  row('2013-izu-oshima', '平成25年台風26号(伊豆大島土砂災害)', '2013-10-16', '平成25年10月16日', '復興支援金の提供(東京都大島町)、職員派遣', [fund('東京都大島町')]),
  {
    ...row('2016-kumamoto', '平成28年熊本地震', '2016-04-14', '平成28年4月14日~16日', '復興支援金の提供(熊本県/大分県)、職員派遣・支援物資等の提供', [], 'パンフレット: 復興支援金の提供、支援物資の提供、保健師・技術職員・事務職員の派遣を行った。 ' + longTermNote(1)),
    support: [
      fund('熊本県/大分県', 55_000_000),
      { tag: 'pamphlet-2021-04', kind: 'staff', staffCount: 430, asOf: '2021-04-01', sourceUrl: null, notes: note(S.PAMPHLET_2022, '職員派遣の累計(令和3年4月1日現在)。') },
    ],
  },
  row('2016-typhoon-10', '平成28年台風10号', '2016-08-30', '平成28年8月30日~31日', '復興支援金の提供(北海道/岩手県)', [fund('北海道/岩手県')]),
  row('2016-tottori', '平成28年鳥取県中部を震源とする地震', '2016-10-21', '平成28年10月21日', '復興支援金の提供(鳥取県)', [fund('鳥取県')]),
  row('2017-kyushu-north', '平成29年7月九州北部豪雨', '2017-07-05', '平成29年7月5日~6日', '復興支援金の提供(福岡県/大分県)', [fund('福岡県/大分県')]),
  row('2017-akita-rain', '平成29年7月22日からの梅雨前線に伴う大雨', '2017-07-22', '平成29年7月22日~23日', '復興支援金の提供(秋田県)', [fund('秋田県')]),
  row('2017-typhoon-18', '平成29年台風18号', '2017-09-16', '平成29年9月16日', '復興支援金の提供(大分県)', [fund('大分県')]),
  row('2017-typhoon-21', '平成29年台風21号', '2017-10-21', '平成29年10月21日', '復興支援金の提供(三重県/京都府/和歌山県)', [fund('三重県/京都府/和歌山県')]),
  row('2018-osaka-north', '平成30年大阪府北部を震源とする地震', '2018-06-18', '平成30年6月18日', '復興支援金の提供(大阪府)', [fund('大阪府')]),
  row('2018-july-rain', '平成30年7月豪雨', '2018-07', '平成30年7月', '復興支援金の提供(岐阜県/京都府/兵庫県/岡山県/広島県/山口県/愛媛県/高知県/福岡県)、職員派遣',
    [fund('岐阜県/京都府/兵庫県/岡山県/広島県/山口県/愛媛県/高知県/福岡県')]),
  row('2018-iburi', '平成30年北海道胆振東部地震', '2018-09-06', '平成30年9月6日', '復興支援金の提供(北海道)、職員派遣', [fund('北海道')]),
  row('2019-august-rain', '令和元年8月の前線に伴う大雨', '2019-08', '令和元年8月', '復興支援金の提供(佐賀県)', [fund('佐賀県')]),
  row('2019-boso', '令和元年房総半島台風', '2019-09', '令和元年9月', '見舞金の提供(東京都島しょ部)、職員派遣・支援物資等の提供', [fund('東京都島しょ部', 1_000_000, 'sympathy_money')]),
  row('2019-higashinihon-typhoon', '令和元年東日本台風', '2019-10', '令和元年10月',
    '復興支援金の提供(岩手県/宮城県/福島県/茨城県/栃木県/埼玉県/長野県/群馬県市長会/群馬県町村会/千葉県市長会/千葉県町村会)、職員派遣・支援物資等の提供',
    [fund('岩手県/宮城県/福島県/茨城県/栃木県/埼玉県/長野県/群馬県市長会/群馬県町村会/千葉県市長会/千葉県町村会', 113_000_000)]),
  {
    ...row('2020-july-rain', '令和2年7月豪雨', '2020-07', '令和2年7月', '復興支援金の提供(山形県/福岡県/熊本県/大分県市長会/大分県町村会)', [],
      'パンフレット「これまでの主な被災地支援」は職員派遣も挙げている(累計人数は出典なし)。 ' + longTermNote(1)),
    support: [fund('山形県/福岡県/熊本県/大分県市長会/大分県町村会', 10_000_000)],
  },
  row('2021-fukushima-oki', '令和3年福島県沖を震源とする地震', '2021-02', '令和3年2月', '復興支援金の提供(福島県)', [fund('福島県', 1_000_000)],
    '表では「福島県沖を震源とする地震」。令和4年の同名の地震と区別するため「これまでの主な被災地支援」の名称を用いた。'),
  row('2021-july-rain', '令和3年7月1日からの大雨', '2021-07', '令和3年7月', '復興支援金の提供(静岡県)', [fund('静岡県', 1_000_000)]),
  row('2021-august-rain', '令和3年8月11日からの大雨', '2021-08', '令和3年8月', '復興支援金の提供(広島県/福岡県)', [fund('広島県/福岡県', 4_000_000)]),

  // 令和4年度の復興支援金 — iJAMP(2022年12月28日)。受け取った自治体名と金額は記事に記載がない。
  {
    key: '2022-fukushima-oki', name: '令和4年福島県沖を震源とする地震', occurred: '2022-03-16', label: '令和4年3月16日',
    summary: '復興支援金の提供', sourceUrl: S.IJAMP_2022,
    notes: note('出典: iJAMP(時事通信、2022年12月28日)', '令和4年度に「福島県沖を震源とする地震」の被災自治体へ復興支援金を拠出。発生日(令和4年3月16日)は一般に知られる日付。'),
    support: [{ tag: 'ijamp', kind: 'recovery_fund', sourceUrl: S.IJAMP_2022, notes: note('出典: iJAMP(時事通信、2022年12月28日)', '受取自治体と金額は記事に記載なし。') }],
  },
  {
    key: '2022-august-rain', name: '令和4年8月3日からの大雨及び台風8号', occurred: '2022-08-03', label: '令和4年8月3日~',
    summary: '復興支援金の提供', sourceUrl: S.IJAMP_2022,
    notes: note('出典: iJAMP(時事通信、2022年12月28日)', '令和4年度に被災自治体へ復興支援金を拠出。'),
    support: [{ tag: 'ijamp', kind: 'recovery_fund', sourceUrl: S.IJAMP_2022, notes: note('出典: iJAMP(時事通信、2022年12月28日)', '受取自治体と金額は記事に記載なし。') }],
  },
];

export function disasterId(key: string): string {
  return seedId('disaster', key);
}

export async function seedDisasters({ db, now }: SeedContext): Promise<number> {
  const disasters = disasterSeeds.map((d) => {
    const occurred = partialDate(d.occurred);
    return {
      id: disasterId(d.key),
      name: d.name,
      occurred_on: occurred.on,
      occurred_on_precision: occurred.precision,
      occurred_label: d.label,
      support_summary: d.summary,
      ...recordColumns(now, d.sourceUrl, d.notes),
    };
  });
  await db.insertInto('disasters').values(disasters).onConflict((oc) => oc.column('id').doNothing()).execute();
  // Support lines are records of their own (deleted_at, history): each is inserted if missing, so a
  // line added to this file later reaches existing databases, and a deleted line stays deleted.
  const support = disasterSeeds.flatMap((d) =>
    d.support.map((s) => ({
      id: seedId('disaster-support', `${d.key}/${s.kind}/${s.tag}`),
      disaster_id: disasterId(d.key),
      kind: s.kind,
      recipients: (s.recipients ?? []).join(';'),
      amount_yen: s.amountYen ?? null,
      staff_count: s.staffCount ?? null,
      as_of: s.asOf ?? null,
      goods: (s.goods ?? []).join('\n'),
      is_joint: s.isJoint === false ? 0 : 1,
      ...recordColumns(now, s.sourceUrl, s.notes),
    })),
  );
  await db.insertInto('disaster_support').values(support).onConflict((oc) => oc.column('id').doNothing()).execute();
  return disasters.length;
}
