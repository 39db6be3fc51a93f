// Agreements between wards and municipalities or prefectures (research/domain.md §2.3, §3.6), each
// with its wards, its partners and the source it comes from. A date known only to the month or
// year is written 'YYYY-MM' / 'YYYY'; null when the source gives none.
import * as S from './sources.ts';
import { note, partialDate, recordColumns, seedId, type SeedContext } from './util.ts';

/** [prefecture, municipality] — or [prefecture] alone when the partner is the prefecture itself; a third item is the former name (旧…). */
type Partner = readonly [prefecture: string, name?: string, formerName?: string];

interface AgreementSeed {
  /** Stable key of the fact; the id is derived from it. */
  key: string;
  wards: readonly string[];
  partners: readonly Partner[];
  /** agreement_types.id (src/db/seed/wards.ts). */
  type: string;
  title: string;
  signed: string | null;
  resigned?: readonly string[];
  background?: string;
  sourceUrl: string | null;
  notes: string;
}

const DATE_UNKNOWN = '締結日は出典に記載がないため未登録。';

export const agreementSeeds: readonly AgreementSeed[] = [
  // 杉並区 — 杉並区「交流自治体」ページ、杉並区交流協会、南伊豆町、expydoc、杉並学 (2015年時点で国内外13の交流先)
  { key: 'suginami/nayoro/exchange', wards: ['杉並区'], partners: [['北海道', '名寄市', '風連町']], type: 'exchange', title: '交流自治体協定', signed: '1989-07-13', resigned: ['2006-06-06'],
    sourceUrl: S.SUGINAMI, notes: note('出典: 杉並区「交流自治体」', '1989年に旧風連町と締結し、合併で名寄市となった2006年6月6日に再締結。') },
  { key: 'suginami/nayoro/disaster', wards: ['杉並区'], partners: [['北海道', '名寄市', '風連町']], type: 'disaster-prevention-aid', title: '防災相互援助協定', signed: '1995-10-14', resigned: ['2006-07-01'],
    sourceUrl: S.SUGINAMI, notes: note('出典: 杉並区「交流自治体」', '1995年に旧風連町と締結し、名寄市の発足後の2006年7月1日に再締結。') },
  { key: 'suginami/higashiagatsuma/friendship', wards: ['杉並区'], partners: [['群馬県', '東吾妻町']], type: 'friendship-municipality', title: '友好自治体協定', signed: '1989-08-06',
    sourceUrl: S.SUGINAMI, notes: note('出典: 杉並区「交流自治体」', `杉並区交流協会 ${S.SUGINAMI_KOURYU}`) },
  { key: 'suginami/higashiagatsuma/disaster', wards: ['杉並区'], partners: [['群馬県', '東吾妻町']], type: 'disaster-prevention-aid', title: '防災相互援助協定', signed: null,
    sourceUrl: S.SUGINAMI, notes: note('出典: 杉並区「交流自治体」', DATE_UNKNOWN) },
  { key: 'suginami/ojiya/disaster', wards: ['杉並区'], partners: [['新潟県', '小千谷市']], type: 'disaster-mutual-aid', title: '災害時相互援助協定', signed: '2004-05-12',
    sourceUrl: S.SUGINAMI, notes: note('出典: 杉並区「交流自治体」', `expydoc ${S.SUGINAMI_EXPYDOC}`) },
  { key: 'suginami/kitashiobara/marugoto', wards: ['杉並区'], partners: [['福島県', '北塩原村']], type: 'marugoto-resort', title: 'まるごと保養地協定', signed: '2004-11-01',
    sourceUrl: S.SUGINAMI, notes: note('出典: 杉並区「交流自治体」') },
  { key: 'suginami/kitashiobara/disaster', wards: ['杉並区'], partners: [['福島県', '北塩原村']], type: 'disaster-mutual-aid', title: '災害時相互援助協定', signed: null,
    sourceUrl: S.SUGINAMI, notes: note('出典: 杉並区「交流自治体」', DATE_UNKNOWN) },
  { key: 'suginami/minamiizu/disaster', wards: ['杉並区'], partners: [['静岡県', '南伊豆町']], type: 'disaster-mutual-aid', title: '災害時相互援助協定', signed: '2012-09-14',
    sourceUrl: S.MINAMIIZU, notes: note('出典: 南伊豆町(杉並区との災害時相互援助協定)', `杉並区「交流自治体」 ${S.SUGINAMI}`) },
  { key: 'suginami/ome/disaster', wards: ['杉並区'], partners: [['東京都', '青梅市']], type: 'disaster-mutual-aid', title: '災害時相互援助協定', signed: null,
    sourceUrl: S.SUGINAMI, notes: note('出典: 杉並区「交流自治体」', DATE_UNKNOWN) },
  { key: 'suginami/minamisoma/scrum', wards: ['杉並区'], partners: [['福島県', '南相馬市']], type: 'other', title: '自治体スクラム支援(南相馬市への支援)', signed: null,
    sourceUrl: S.SUGINAMI, notes: note('出典: 杉並区「交流自治体」', `杉並学 ${S.SUGINAMIGAKU}`, '協定ではなく支援の枠組み。開始日は出典に記載がないため未登録。') },

  // 世田谷区 — 世田谷区「川場村」ページ、区議会議員ブログ(2008-06-23)
  { key: 'setagaya/kawaba/engumi', wards: ['世田谷区'], partners: [['群馬県', '川場村']], type: 'engumi', title: '区民健康村相互協力に関する協定', signed: '1981-11-16',
    sourceUrl: S.SETAGAYA, notes: note('出典: 世田谷区「川場村」', '通称「縁組協定」。') },
  { key: 'setagaya/kawaba/disaster', wards: ['世田谷区'], partners: [['群馬県', '川場村']], type: 'disaster-prevention', title: '災害対策協定', signed: null,
    sourceUrl: S.SETAGAYA, notes: note('出典: 世田谷区「川場村」', `区議会議員ブログ ${S.SETAGAYA_BLOG}`, DATE_UNKNOWN, '協定名「災害対策協定」は語彙の「防災協定」に分類した。') },

  // 北区 — 特別区全国連携プロジェクト 過去の連携事業「北区の友好都市交流協定」(2015-06-30掲載)
  { key: 'kita/sakata-kanra-nakanojo/friendship', wards: ['北区'], partners: [['山形県', '酒田市'], ['群馬県', '甘楽町'], ['群馬県', '中之条町']], type: 'friendship-city-exchange', title: '友好都市交流協定', signed: '1997-04-19',
    sourceUrl: S.KITA_2015, notes: note('出典: 特別区全国連携プロジェクト「北区 友好都市交流協定」', '北区と3市町が1つの協定を結んだ(多者間協定)。') },
  { key: 'kita/sakata-kanra-nakanojo/disaster', wards: ['北区'], partners: [['山形県', '酒田市'], ['群馬県', '甘楽町'], ['群馬県', '中之条町']], type: 'disaster-mutual-support', title: '災害時相互応援協定', signed: '1995-10',
    sourceUrl: S.KITA_2015, notes: note('出典: 特別区全国連携プロジェクト「北区 友好都市交流協定」', '締結は1995年10月(日は出典に記載なし)。') },

  // 豊島区 — 豊島区 報道発表 2022-07-22(2002年から交流)
  { key: 'toshima/minowa/disaster', wards: ['豊島区'], partners: [['長野県', '箕輪町']], type: 'disaster-prevention', title: '防災協定', signed: '2005', background: '2002年(平成14年)から交流。',
    sourceUrl: S.TOSHIMA, notes: note('出典: 豊島区 報道発表(令和4年7月)', '締結は2005年(月日は出典に記載なし)。') },
  { key: 'toshima/minowa/forest', wards: ['豊島区'], partners: [['長野県', '箕輪町']], type: 'forest-foster', title: '森林(もり)の里親協定', signed: '2020',
    sourceUrl: S.TOSHIMA, notes: note('出典: 豊島区 報道発表(令和4年7月)', '締結は2020年(月日は出典に記載なし)。') },
  { key: 'toshima/minowa/sister', wards: ['豊島区'], partners: [['長野県', '箕輪町']], type: 'sister-friendship-city', title: '姉妹友好都市協定', signed: '2022-07-21', background: '2002年(平成14年)から交流。',
    sourceUrl: S.TOSHIMA, notes: note('出典: 豊島区 報道発表(令和4年7月)') },

  // 文京区 — うるま市「東京都文京区と友好都市協定を締結しました!」、区報ぶんきょう、全国連携講演会(令和5年度第2回)
  { key: 'bunkyo/uruma/friendship', wards: ['文京区'], partners: [['沖縄県', 'うるま市']], type: 'friendship-city', title: '友好都市協定', signed: '2024-10-13',
    background: '両都市の友好都市である盛岡市の縁で、現代版組踊「肝高の阿麻和利」公演や平和特派員事業などの交流を重ねた。',
    sourceUrl: S.URUMA, notes: note('出典: うるま市「東京都文京区と「友好都市協定」を締結しました!」', `出典: ${S.BUNKYO_KOHO_2024}`) },
  { key: 'bunkyo/morioka/friendship', wards: ['文京区'], partners: [['岩手県', '盛岡市']], type: 'friendship-city', title: '友好都市', signed: '2019-02-20',
    sourceUrl: S.URUMA, notes: note('出典: うるま市「東京都文京区と「友好都市協定」を締結しました!」(盛岡市は平成31年2月20日に文京区と友好都市を結んだと記載)', `出典: ${S.BUNKYO_KOHO_2024}`) },
  { key: 'bunkyo-shinjuku/kumamoto/memorandum', wards: ['文京区', '新宿区'], partners: [['熊本県'], ['熊本県', '熊本市']], type: 'comprehensive-memorandum', title: '文化と歴史を縁とする包括連携に関する覚書', signed: null,
    sourceUrl: S.LECTURE_2023_2, notes: note('出典: 特別区全国連携プロジェクト 令和5年度第2回全国連携講演会', '新宿区・文京区・熊本県・熊本市の4者による1つの覚書。', DATE_UNKNOWN) },

  // 足立区 — 山ノ内町「足立区との交流」
  { key: 'adachi/yamanouchi/friendship', wards: ['足立区'], partners: [['長野県', '山ノ内町']], type: 'friendship-municipality', title: '友好自治体提携', signed: '1982-10-01', background: '戦時中の学童疎開が交流の始まり。',
    sourceUrl: S.YAMANOUCHI, notes: note('出典: 山ノ内町「足立区との交流」') },
  { key: 'adachi/yamanouchi/disaster', wards: ['足立区'], partners: [['長野県', '山ノ内町']], type: 'disaster-mutual-aid', title: '災害時相互援助協定', signed: null,
    sourceUrl: S.YAMANOUCHI, notes: note('出典: 山ノ内町「足立区との交流」', DATE_UNKNOWN) },

  // 荒川区 — 荒川区「国内交流都市」(2009年、web.archive.org 2010-01-15 の写し)
  ...(
    [
      ['埼玉県', '秩父市', '荒川村'],
      ['千葉県', '大多喜町'],
      ['新潟県', '上越市', '吉川町'],
      ['山梨県', '北杜市', '高根町'],
      ['千葉県', '鴨川市'],
      ['福島県', '福島市'],
      ['福島県', '桑折町'],
      ['福島県', '石川町'],
      ['岩手県', '釜石市'],
      ['新潟県', '村上市', '荒川町'],
      ['富山県', '射水市', '下村'],
      ['山形県', '鮭川村'],
      ['茨城県', '潮来市'],
      ['福井県'],
      ['福島県', '二本松市', '東和町'],
      ['福島県', '小野町'],
      ['茨城県', 'つくば市'],
      ['新潟県', '津南町'],
    ] as const satisfies readonly Partner[]
  ).map(
    (p): AgreementSeed => ({
      key: `arakawa/2009/${p[1] ?? p[0]}`,
      wards: ['荒川区'],
      partners: [p],
      type: 'other',
      title: '国内交流都市',
      signed: null,
      sourceUrl: S.ARAKAWA_2009,
      notes: note(
        '出典: 荒川区「国内交流都市」(2009年、web.archive.org の写し)',
        '荒川区が2009年に挙げた国内交流都市18自治体の一つ。協定の種類と締結日は出典に記載がない。',
        p[2] ? `出典では「${p[1]}(旧${p[2]})」と記載。` : null,
      ),
    }),
  ),

  // 千代田区 — 千代田区「連携自治体」
  ...(
    [
      ['岐阜県', '高山市'],
      ['岩手県', '大槌町'],
      ['静岡県', '西伊豆町'],
      ['新潟県', '糸魚川市'],
    ] as const satisfies readonly Partner[]
  ).map(
    (p): AgreementSeed => ({
      key: `chiyoda/${p[1]}/renkei`,
      wards: ['千代田区'],
      partners: [p],
      type: 'mutual-cooperation',
      title: '連携協定',
      signed: '2020-02',
      sourceUrl: S.CHIYODA,
      notes: note('出典: 千代田区「連携自治体」', '締結は2020年2月(日は出典に記載なし)。'),
    }),
  ),
  { key: 'chiyoda/fukui-pref/renkei', wards: ['千代田区'], partners: [['福井県']], type: 'mutual-cooperation', title: '連携協定', signed: '2022-03',
    sourceUrl: S.CHIYODA, notes: note('出典: 千代田区「連携自治体」', '締結は2022年3月(日は出典に記載なし)。相手は県。') },

  // 品川区 — 品川区フォトニュース(2021-07-02、広島県の9町のパネル展)
  { key: 'shinagawa/kochi-pref/renkei', wards: ['品川区'], partners: [['高知県']], type: 'mutual-cooperation', title: '相互連携協定', signed: '2018-09',
    sourceUrl: S.SHINAGAWA_2021, notes: note('出典: 品川区フォトニュース(令和3年7月)', '締結は2018年9月(日は出典に記載なし)。相手は県。') },
  { key: 'shinagawa/sakai/renkei', wards: ['品川区'], partners: [['福井県', '坂井市']], type: 'mutual-cooperation', title: '相互連携協定', signed: '2019-09',
    sourceUrl: S.SHINAGAWA_2021, notes: note('出典: 品川区フォトニュース(令和3年7月)', '締結は2019年9月(日は出典に記載なし)。') },

  // 港区 — 港区史(ADEAC)、港区 全国連携情報誌「港から」
  ...(
    [
      ['岐阜県', '郡上市'],
      ['茨城県', '阿見町'],
      ['山形県', '舟形町'],
      ['秋田県', 'にかほ市'],
      ['福島県', '柳津町'],
    ] as const satisfies readonly Partner[]
  ).map(
    (p): AgreementSeed => ({
      key: `minato/${p[1]}/exchange`,
      wards: ['港区'],
      partners: [p],
      type: 'other',
      title: '総合支所による交流',
      signed: null,
      sourceUrl: S.MINATO_ADEAC,
      notes: note('出典: 港区史(ADEAC)', `港区 全国連携情報誌「港から」 ${S.MINATO_MAGAZINE}`, '各総合支所を通じた長年の交流。協定の種類と開始日は出典に記載がない。'),
    }),
  ),

  // 中央区 — 「姉妹都市」(wikizero、国内の姉妹都市の例)
  { key: 'chuo/higashine/sister', wards: ['中央区'], partners: [['山形県', '東根市']], type: 'sister-city', title: '姉妹都市', signed: null,
    sourceUrl: S.WIKIZERO_SISTER, notes: note('出典: 「姉妹都市」(wikizero、国内の姉妹都市の例として中央区・東根市)', DATE_UNKNOWN) },
];

export function agreementId(key: string): string {
  return seedId('agreement', key);
}

export async function seedAgreements({ db, now, lg }: SeedContext): Promise<number> {
  // Resolve every name first: an unknown name stops the seed before anything is written.
  const resolved = agreementSeeds.map((a) => ({
    a,
    id: agreementId(a.key),
    wardCodes: a.wards.map((w) => lg.ward(w)),
    partners: a.partners.map(([pref, name, formerName]) => ({
      code: name === undefined ? lg.prefecture(pref) : lg.municipality(pref, name),
      formerName: formerName ?? '',
    })),
  }));
  const existing = new Set((await db.selectFrom('agreements').select('id').where('id', 'in', resolved.map((r) => r.id)).execute()).map((r) => r.id));
  // Only facts not yet recorded are written, parties included: a restart never re-adds a party
  // removed on the site, and a deleted (deleted_at) seed agreement stays deleted.
  const fresh = resolved.filter((r) => !existing.has(r.id));
  if (fresh.length === 0) return 0;
  await db
    .insertInto('agreements')
    .values(
      fresh.map(({ a, id }) => {
        const signed = partialDate(a.signed);
        return {
          id,
          type_id: a.type,
          title: a.title,
          signed_on: signed.on,
          signed_on_precision: signed.precision,
          resigned_dates: (a.resigned ?? []).join(';'),
          ended_on: null,
          background: a.background ?? '',
          ...recordColumns(now, a.sourceUrl, a.notes),
        };
      }),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await db
    .insertInto('agreement_wards')
    .values(fresh.flatMap(({ id, wardCodes }) => wardCodes.map((ward_code) => ({ agreement_id: id, ward_code }))))
    .onConflict((oc) => oc.columns(['agreement_id', 'ward_code']).doNothing())
    .execute();
  await db
    .insertInto('agreement_partners')
    .values(
      fresh.flatMap(({ id, partners }) =>
        partners.map((p) => ({ id: seedId('agreement-partner', `${id}/${p.code}`), agreement_id: id, local_government_code: p.code, group_id: null, former_name: p.formerName })),
      ),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return fresh.length;
}
