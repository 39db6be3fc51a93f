// 地域別の交流: the pamphlet's ten 北海道 regions, each paired with a ward, with the details found
// for 釧路 and オホーツク (research/domain.md §2.10). Members are the municipalities of the region's
// 総合振興局・振興局 (its area by ordinance, general knowledge), except where a source says otherwise.
import * as S from './sources.ts';
import { note, recordColumns, seedId, type SeedContext } from './util.ts';

/** The 総合振興局・振興局 areas used below (北海道総合振興局及び振興局の設置に関する条例). */
const areas: Record<string, { office: string; cities: readonly string[]; townsAndVillages: readonly string[] }> = {
  釧路: { office: '釧路総合振興局', cities: ['釧路市'], townsAndVillages: ['釧路町', '厚岸町', '浜中町', '標茶町', '弟子屈町', '鶴居村', '白糠町'] },
  上川: {
    office: '上川総合振興局',
    cities: ['旭川市', '士別市', '名寄市', '富良野市'],
    townsAndVillages: ['鷹栖町', '東神楽町', '当麻町', '比布町', '愛別町', '上川町', '東川町', '美瑛町', '上富良野町', '中富良野町', '南富良野町', '占冠村', '和寒町', '剣淵町', '下川町', '美深町', '音威子府村', '中川町', '幌加内町'],
  },
  石狩: { office: '石狩振興局', cities: ['札幌市', '江別市', '千歳市', '恵庭市', '北広島市', '石狩市'], townsAndVillages: ['当別町', '新篠津村'] },
  檜山: { office: '檜山振興局', cities: [], townsAndVillages: ['江差町', '上ノ国町', '厚沢部町', '乙部町', '奥尻町', '今金町', 'せたな町'] },
  渡島: { office: '渡島総合振興局', cities: ['函館市', '北斗市'], townsAndVillages: ['松前町', '福島町', '知内町', '木古内町', '七飯町', '鹿部町', '森町', '八雲町', '長万部町'] },
  胆振: { office: '胆振総合振興局', cities: ['室蘭市', '苫小牧市', '登別市', '伊達市'], townsAndVillages: ['豊浦町', '壮瞥町', '白老町', '厚真町', '洞爺湖町', '安平町', 'むかわ町'] },
  オホーツク: {
    office: 'オホーツク総合振興局',
    cities: ['北見市', '網走市', '紋別市'],
    townsAndVillages: ['美幌町', '津別町', '斜里町', '清里町', '小清水町', '訓子府町', '置戸町', '佐呂間町', '遠軽町', '湧別町', '滝上町', '興部町', '西興部村', '雄武町', '大空町'],
  },
  宗谷: { office: '宗谷総合振興局', cities: ['稚内市'], townsAndVillages: ['猿払村', '浜頓別町', '中頓別町', '枝幸町', '豊富町', '礼文町', '利尻町', '利尻富士町', '幌延町'] },
  日高: { office: '日高振興局', cities: [], townsAndVillages: ['日高町', '平取町', '新冠町', '浦河町', '様似町', 'えりも町', '新ひだか町'] },
  十勝: {
    office: '十勝総合振興局',
    cities: ['帯広市'],
    townsAndVillages: ['音更町', '士幌町', '上士幌町', '鹿追町', '新得町', '清水町', '芽室町', '中札内村', '更別村', '大樹町', '広尾町', '幕別町', '池田町', '豊頃町', '本別町', '足寄町', '陸別町', '浦幌町'],
  },
};

/** Municipality names of a 振興局 area; towns and villages only when the source names a 町村会 exchange. */
export function areaMunicipalities(area: string, scope: 'all' | 'towns_and_villages'): readonly string[] {
  const a = areas[area];
  if (!a) throw new Error(`registry seed: unknown 北海道 area ${area}`);
  return scope === 'all' ? [...a.cities, ...a.townsAndVillages] : a.townsAndVillages;
}

interface ExchangeSeed {
  area: string;
  ward: string;
  scope: 'all' | 'towns_and_villages';
  /** The published number of members, checked against the list. */
  expectedCount?: number;
  startedFiscalYear?: number;
  council?: string;
  activities?: string;
  sourceUrl: string | null;
  notes: string;
}

const MEMBERS_BY_AREA = `構成自治体は${S.HOKKAIDO_SHINKOKYOKU}による(市を含む)。交流に市が加わるかは出典に記載がない。`;

// 地域別の交流 — パンフレット(令和4年3月1日現在)。釧路: 釧路総合振興局、オホーツク: 滝上町、宗谷: takatosi.net
export const exchangeSeeds: readonly ExchangeSeed[] = [
  {
    area: '釧路', ward: '荒川区', scope: 'all', expectedCount: 8, startedFiscalYear: 2015,
    council: '北海道釧路地域・東京都特別区交流推進協議会(事務局 釧路町村会)',
    activities: [
      '「北海道くしろのふれあい祭り」(日暮里駅前イベント広場)。第7回は2024年10月5日・6日。2020〜2022年は開催なし。',
      '子ども向け2泊の交流ツアー(2023年度から)。',
      'デジタルPR。',
    ].join('\n'),
    sourceUrl: S.KUSHIRO_EXCHANGE,
    notes: note('出典: 釧路総合振興局「北海道釧路地域・東京都特別区交流推進協議会」', S.PAMPHLET_2022, `構成自治体は釧路地域8市町村(${S.HOKKAIDO_SHINKOKYOKU}、釧路市を含む)。`),
  },
  { area: '上川', ward: '杉並区', scope: 'all', sourceUrl: null, notes: note(S.PAMPHLET_2022, MEMBERS_BY_AREA) },
  { area: '石狩', ward: '中野区', scope: 'all', sourceUrl: null, notes: note(S.PAMPHLET_2022, MEMBERS_BY_AREA) },
  { area: '檜山', ward: '大田区', scope: 'all', sourceUrl: null, notes: note(S.PAMPHLET_2022, MEMBERS_BY_AREA) },
  { area: '渡島', ward: '江戸川区', scope: 'all', sourceUrl: null, notes: note(S.PAMPHLET_2022, MEMBERS_BY_AREA) },
  { area: '胆振', ward: '世田谷区', scope: 'all', sourceUrl: null, notes: note(S.PAMPHLET_2022, MEMBERS_BY_AREA) },
  {
    area: 'オホーツク', ward: '江東区', scope: 'towns_and_villages', expectedCount: 15,
    activities: 'オホーツク町村会が、江東区の木場(材木の町)の歴史を縁に提案。2016年6月5日、江東区環境フェアに出展。',
    sourceUrl: S.TAKINOUE_2016,
    notes: note(
      '出典: 滝上町「町長の部屋」(2016年6月17日)',
      S.PAMPHLET_2022,
      `出典が「オホーツク15町村」とし、オホーツク町村会が提案した交流のため、構成自治体は${S.HOKKAIDO_SHINKOKYOKU}のうち町村のみ(北見市・網走市・紋別市を含めない)。`,
    ),
  },
  { area: '宗谷', ward: '港区', scope: 'all', sourceUrl: S.TAKATOSI, notes: note('出典: 大村市議会議員の研修報告(takatosi.net)', S.PAMPHLET_2022, MEMBERS_BY_AREA) },
  { area: '日高', ward: '文京区', scope: 'all', sourceUrl: null, notes: note(S.PAMPHLET_2022, MEMBERS_BY_AREA) },
  { area: '十勝', ward: '台東区', scope: 'all', sourceUrl: null, notes: note(S.PAMPHLET_2022, MEMBERS_BY_AREA) },
];

export function exchangeId(area: string, ward: string): string {
  return seedId('regional-exchange', `${area}/${ward}`);
}

export async function seedRegionalExchanges({ db, now, lg }: SeedContext): Promise<number> {
  const hokkaido = lg.prefectureCode('北海道');
  const resolved = exchangeSeeds.map((e) => {
    const members = areaMunicipalities(e.area, e.scope).map((name) => lg.municipality('北海道', name));
    if (e.expectedCount !== undefined && members.length !== e.expectedCount) {
      throw new Error(`registry seed: ${e.area}地域 has ${members.length} members, the source says ${e.expectedCount}`);
    }
    return { e, id: exchangeId(e.area, e.ward), wardCode: lg.ward(e.ward), members };
  });
  const existing = new Set((await db.selectFrom('regional_exchanges').select('id').where('id', 'in', resolved.map((r) => r.id)).execute()).map((r) => r.id));
  const fresh = resolved.filter((r) => !existing.has(r.id));
  if (fresh.length === 0) return 0;
  await db
    .insertInto('regional_exchanges')
    .values(
      fresh.map(({ e, id, wardCode }) => ({
        id,
        region_name: `${e.area}地域`,
        prefecture_code: hokkaido,
        ward_code: wardCode,
        started_fiscal_year: e.startedFiscalYear ?? null,
        ended_on: null,
        council_name: e.council ?? '',
        activities: e.activities ?? '',
        ...recordColumns(now, e.sourceUrl, e.notes),
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await db
    .insertInto('regional_exchange_members')
    .values(fresh.flatMap(({ id, members }) => members.map((code) => ({ exchange_id: id, local_government_code: code }))))
    .onConflict((oc) => oc.columns(['exchange_id', 'local_government_code']).doNothing())
    .execute();
  return fresh.length;
}
