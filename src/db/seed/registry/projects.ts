// Real projects (連携事業) only: the 23区共同 events of research/domain.md §3.4 and §3.3, and the two
// ward projects the pamphlet features. Fields are the pamphlet's six (src/domain/project-fields.ts).
import { fiscalYearOf } from '../../../domain/fiscal-year.ts';
import type { ProjectFormat, ProjectStatus } from '../../schema.ts';
import * as S from './sources.ts';
import { note, recordColumns, seedId, type SeedContext } from './util.ts';

interface ProjectSeed {
  key: string;
  title: string;
  summary: string;
  /** Required when startsOn is unknown; otherwise derived from startsOn and checked. */
  fiscalYear?: number;
  field: 1 | 2 | 3 | 4 | 5 | 6;
  /** Empty = 23区共同 (joint). */
  wards: readonly string[];
  partners: readonly (readonly [prefecture: string, name: string])[];
  startsOn: string | null;
  endsOn?: string | null;
  format?: ProjectFormat;
  status?: ProjectStatus;
  newsUrl?: string;
  sourceUrl: string | null;
  notes: string;
}

const SNOW_PARTNERS = [['岩手県', '北上市'], ['岩手県', '西和賀町']] as const;
const TOHOKU_CAPITALS = [['青森県', '青森市'], ['岩手県', '盛岡市'], ['宮城県', '仙台市'], ['秋田県', '秋田市'], ['山形県', '山形市'], ['福島県', '福島市']] as const;
/** 広島県の全9町 (the members of 広島県町村会). */
const HIROSHIMA_TOWNS = ['府中町', '海田町', '熊野町', '坂町', '安芸太田町', '北広島町', '大崎上島町', '世羅町', '神石高原町'].map((n) => ['広島県', n] as const);
const FIELD_NOTE = '分野はパンフレットの6分野から内容に最も近いものを選んだ(出典に分野の記載はない)。';

export const projectSeeds: readonly ProjectSeed[] = [
  // 北上市・西和賀町の雪 — 品川区 報道発表(2015年)
  {
    key: 'snow-2014-koto', title: '岩手県北上市・西和賀町の雪を区のイベントへ(江東区)', fiscalYear: 2014, field: 2, wards: ['江東区'], partners: SNOW_PARTNERS, startsOn: null,
    summary: '2014年5月、北上市・西和賀町から運んだ雪を江東区のイベントで披露した(日は出典に記載なし)。',
    sourceUrl: S.SHINAGAWA_SNOW_2015, notes: note('出典: 品川区 報道発表(2015年)', FIELD_NOTE),
  },
  {
    key: 'snow-2015-shinagawa', title: '岩手県北上市・西和賀町の雪を「しながわECOフェスティバル」へ(品川区)', field: 2, wards: ['品川区'], partners: SNOW_PARTNERS, startsOn: '2015-05-24', endsOn: '2015-05-24',
    summary: '北上市・西和賀町から約4トンの雪を運び、しながわECOフェスティバルで披露した。同様の取組は2014年に江東区、2015年に荒川区でも行われた(荒川区は時期が不明のため未登録)。',
    sourceUrl: S.SHINAGAWA_SNOW_2015, notes: note('出典: 品川区 報道発表(2015年)', FIELD_NOTE),
  },
  // 東北六魂祭 協力・連携締結式 — 品川区(2015年)
  {
    key: 'rokkon-2015', title: '東北六魂祭 協力・連携締結式', field: 2, wards: [], partners: TOHOKU_CAPITALS, startsOn: '2015-05-13', endsOn: '2015-05-13',
    summary: '東京区政会館で、東北六魂祭への協力・連携について東北6県の県庁所在市と締結式を行った。',
    sourceUrl: S.ROKKON_2015, notes: note('出典: 品川区「東北六魂祭 協力・連携締結式」', FIELD_NOTE),
  },
  // 全国連携シンポジウム — 特別区全国連携プロジェクト 過去の連携事業(2016年)
  {
    key: 'symposium-2016', title: '全国連携シンポジウム「遠隔自治体間連携の可能性と展望」', field: 6, wards: [], partners: [], startsOn: '2016-04-26', endsOn: '2016-04-26', newsUrl: S.SYMPOSIUM_2016,
    summary: '東京区政会館で開催、参加者164人。北海道町村会、京都府市長会・京都府町村会との広域連携協定の締結式を併せて行った。',
    sourceUrl: S.SYMPOSIUM_2016, notes: note('出典: 特別区全国連携プロジェクト「全国連携シンポジウム」(2016年)', FIELD_NOTE),
  },
  // 賛同自治体PR展示 第2部 — 特別区協議会 東京区政会館 展示
  {
    key: 'pr-exhibition-2017-2', title: '特別区全国連携プロジェクト賛同自治体PR展示(第2部)', field: 2, wards: [], partners: [['兵庫県', '赤穂市'], ['三重県', '津市'], ['北海道', '中標津町'], ['石川県', '志賀町']],
    startsOn: '2017-02-01', endsOn: '2017-02-23',
    summary: '東京区政会館1階で、ホームページに会員登録している自治体(賛同自治体)をPRする展示。第2部の出展は赤穂市・津市・中標津町・志賀町。',
    sourceUrl: S.PR_EXHIBITION_2017, notes: note('出典: 特別区協議会「特別区全国連携プロジェクト賛同自治体PR展示」', FIELD_NOTE),
  },
  // 平成29年度 第1回 魅力発信イベント — 特別区全国連携プロジェクト
  {
    key: 'miryoku-2017-1', title: '平成29年度 第1回 魅力発信イベント', field: 1, wards: [], partners: [], startsOn: '2017-09-09', endsOn: '2017-09-10', newsUrl: S.MIRYOKU_2017,
    summary: 'まるごとにっぽん(浅草)で開催。丼フェスティバル(6種、各日300食)、地酒ストリート(5地域25自治体)。',
    sourceUrl: S.MIRYOKU_2017, notes: note('出典: 特別区全国連携プロジェクト「平成29年度 第1回 魅力発信イベント」', FIELD_NOTE),
  },
  // 地域創生ビジネス交流会 — 第一生命との包括連携協定にもとづく最初の事業(新日本保険新聞)
  {
    key: 'business-2018', title: '地域創生ビジネス交流会', field: 1, wards: [], partners: [], startsOn: '2018-10-18', endsOn: '2018-10-18',
    summary: '第一生命保険株式会社との包括連携協定(2018年8月23日)にもとづく最初の取組み。「東京・首都圏と地方をつなぐ」をコンセプトにしたビジネス交流会。',
    sourceUrl: S.SHINNIHON_DAIICHI, notes: note('出典: 新日本保険新聞(2018年8月24日)', S.PAMPHLET_2022, FIELD_NOTE),
  },
  // 東北絆まつり 展示 — 特別区協議会 東京区政会館 展示(平成31年)
  {
    key: 'kizuna-exhibition-2019', title: '東北絆まつり 展示', field: 2, wards: [], partners: [], startsOn: '2019-04-13', endsOn: '2019-05-09',
    summary: '東京区政会館で、東北6県の自治体が連携して主催する「東北絆まつり」を紹介する展示。',
    sourceUrl: S.KIZUNA_EXHIBITION_2019, notes: note('出典: 特別区協議会 東京区政会館の展示(平成31年4月13日〜)', FIELD_NOTE),
  },
  // 令和元年度 魅力発信イベント — 特別区全国連携プロジェクト
  {
    key: 'miryoku-2019', title: '令和元年度 魅力発信イベント', field: 1, wards: [], partners: [], startsOn: '2019-10-26', endsOn: '2019-10-27', newsUrl: S.MIRYOKU_2019,
    summary: 'KITTE丸の内(千代田区)で開催。北海道・京都・青森・千葉・広島・奈良・群馬・埼玉の各地域と23区が参加し、のべ358自治体が参加、来場者は2日間で5万7千人を超えた。',
    sourceUrl: S.MIRYOKU_2019, notes: note('出典: 特別区全国連携プロジェクト「令和元年度 魅力発信イベント」', FIELD_NOTE),
  },
  // 講演会(2020年1月14日) — 特別区協議会
  {
    key: 'lecture-2020-01', title: '講演会「第2期まち・ひと・しごと創生総合戦略と東京23区」', field: 6, wards: [], partners: [], startsOn: '2020-01-14', endsOn: '2020-01-14',
    summary: '参加者125人。',
    sourceUrl: S.LECTURE_2020, notes: note('出典: 特別区協議会 講演会(令和2年1月14日)', FIELD_NOTE),
  },
  // 広島県の9町のパネル展 — 品川区フォトニュース(2021年7月)
  {
    key: 'hiroshima-panel-2021', title: '広島県の9町のパネル展', field: 2, wards: [], partners: HIROSHIMA_TOWNS, startsOn: '2021-07-02', endsOn: '2021-07-14',
    summary: 'スクエア荏原(品川区)で、広島県の全9町を紹介するパネル展。',
    sourceUrl: S.SHINAGAWA_2021, notes: note('出典: 品川区フォトニュース(令和3年7月)', 'research/domain.md §3.4 の23区共同事業の一覧による。', FIELD_NOTE),
  },
  // 令和3年度 第1回 全国連携講演会 — 特別区全国連携プロジェクト
  {
    key: 'lecture-2021-1', title: '令和3年度 第1回 全国連携講演会', field: 6, wards: [], partners: [], startsOn: '2021-08-19', endsOn: '2021-08-19', format: 'online', newsUrl: S.LECTURE_2021,
    summary: 'オンラインで開催、参加者135人。',
    sourceUrl: S.LECTURE_2021, notes: note('出典: 特別区全国連携プロジェクト「令和3年度 第1回 全国連携講演会」', FIELD_NOTE),
  },
  // 令和3年度 第2回 全国連携講演会・第2回 全国連携展示 — パンフレット
  {
    key: 'lecture-2021-2', title: '令和3年度 第2回 全国連携講演会「地域脱炭素時代の地域間連携を考える」', fiscalYear: 2021, field: 5, wards: [], partners: [], startsOn: null,
    summary: '令和4年(2022)2月に開催(日は記載なし)。',
    sourceUrl: null, notes: note(S.PAMPHLET_2022, '開催日と開催形式はパンフレットに記載がない(形式は既定値のまま)。', FIELD_NOTE),
  },
  {
    key: 'exhibition-2021-2', title: '令和3年度 第2回 全国連携展示「東北の絆と復興のメッセージ～東北絆まつり～」', fiscalYear: 2021, field: 2, wards: [], partners: [], startsOn: null,
    summary: '東北絆まつりを通じて東北の絆と復興のメッセージを伝える展示。',
    sourceUrl: null, notes: note(S.PAMPHLET_2022, '会期はパンフレットに記載がない。', FIELD_NOTE),
  },
  // 令和5年度 第2回 全国連携講演会 — 特別区全国連携プロジェクト 過去の連携事業
  {
    key: 'lecture-2023-2', title: '令和5年度 第2回 全国連携講演会「全国連携で広がる支援の輪~文化・歴史の絆が繋ぐ熊本の災害復興~」', field: 5, wards: [], partners: [],
    startsOn: '2024-01-30', endsOn: '2024-01-30', format: 'online', newsUrl: S.LECTURE_2023_2,
    summary: 'オンラインで開催、参加者116人。',
    sourceUrl: S.LECTURE_2023_2, notes: note('出典: 特別区全国連携プロジェクト「令和5年度 第2回 全国連携講演会」', FIELD_NOTE),
  },
  // 令和6年度 魅力発信イベント — 特別区全国連携プロジェクト
  {
    key: 'miryoku-2024', title: '令和6年度 魅力発信イベント', field: 1, wards: [], partners: [['千葉県', '匝瑳市'], ['京都府', '舞鶴市']], startsOn: '2024-10-30', endsOn: '2024-10-31', newsUrl: S.MIRYOKU_2024,
    summary: '明治安田ヴィレッジ丸の内で開催。広域連携協定締結先13地域372自治体の写真パネル展示、ステージイベント(千葉県匝瑳市のご当地ヒーロー、京都府舞鶴市の自治体PRほか)。後援 東京都。',
    sourceUrl: S.MIRYOKU_2024,
    notes: note('出典: 特別区全国連携プロジェクト「令和6年度 魅力発信イベント」(2024年10月17日掲載の開催案内)', '実施状況は開催案内による。連携先はステージに出演した自治体。', FIELD_NOTE),
  },
  // 品川区・文京区の事業 — パンフレット「東京23区の連携・交流事業」
  {
    key: 'shinagawa-bussanten-2021', title: '交流都市地方物産展', fiscalYear: 2021, field: 1, wards: ['品川区'], partners: [], startsOn: null, format: 'online',
    summary: '全国連携をはじめ、災害協定や観光・産業振興などで交流を行っている自治体を対象とした物産展をオンラインで開催し、参加自治体の魅力を発信した。',
    sourceUrl: null,
    notes: note(S.PAMPHLET_2022, '年度はパンフレット(令和4年3月1日現在)の掲載時点から令和3年度とした(開催日は記載なし)。参加自治体は記載がない。', FIELD_NOTE),
  },
  {
    key: 'bunkyo-geino-summit', title: '芸能サミット(森鷗外没後100年記念事業)', fiscalYear: 2021, field: 3, wards: ['文京区'], partners: [['島根県', '津和野町'], ['福岡県', '北九州市']], startsOn: null,
    summary: '森鷗外没後100年記念事業として、鷗外とゆかりの深い文京区・島根県津和野町・福岡県北九州市の芸能が一堂に会する芸能サミットを宝生能楽堂で開催し、各地域の伝統芸能を通じて交流を深めた。',
    sourceUrl: null,
    notes: note(
      S.PAMPHLET_2022,
      '年度の判断: 鷗外の没後100年は2022年(1922年7月没)だが、令和4年3月1日現在のパンフレットが開催済みとして紹介しているため、開催は2022年3月以前、すなわち令和3年度(没後100年の記念事業の先行開催)とした。開催日は記載がない。',
      FIELD_NOTE,
    ),
  },
];

export async function seedProjects({ db, now, lg }: SeedContext): Promise<number> {
  const resolved = projectSeeds.map((p) => {
    const fiscalYear = p.fiscalYear ?? (p.startsOn ? fiscalYearOf(p.startsOn) : undefined);
    if (fiscalYear === undefined) throw new Error(`registry seed: project ${p.key} needs a fiscal year`);
    if (p.startsOn && fiscalYearOf(p.startsOn) !== fiscalYear) throw new Error(`registry seed: project ${p.key} starts outside its fiscal year`);
    return {
      p,
      fiscalYear,
      id: seedId('project', p.key),
      wardCodes: p.wards.map((w) => lg.ward(w)),
      partners: p.partners.map(([pref, name]) => lg.municipality(pref, name)),
    };
  });
  const existing = new Set((await db.selectFrom('projects').select('id').where('id', 'in', resolved.map((r) => r.id)).execute()).map((r) => r.id));
  const fresh = resolved.filter((r) => !existing.has(r.id));
  if (fresh.length === 0) return 0;
  await db
    .insertInto('projects')
    .values(
      fresh.map(({ p, id, fiscalYear }) => ({
        id,
        fiscal_year: fiscalYear,
        title: p.title,
        summary: p.summary,
        field: p.field,
        organiser_kind: p.wards.length === 0 ? ('joint' as const) : ('wards' as const),
        starts_on: p.startsOn,
        ends_on: p.endsOn ?? null,
        format: p.format ?? 'offline',
        status: p.status ?? '実施',
        news_url: p.newsUrl ?? null,
        ...recordColumns(now, p.sourceUrl, p.notes),
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const wardRows = fresh.flatMap(({ id, wardCodes }) => wardCodes.map((ward_code) => ({ project_id: id, ward_code })));
  if (wardRows.length > 0) {
    await db.insertInto('project_wards').values(wardRows).onConflict((oc) => oc.columns(['project_id', 'ward_code']).doNothing()).execute();
  }
  const partnerRows = fresh.flatMap(({ id, partners }) =>
    partners.map((code) => ({ project_id: id, local_government_code: code, prefecture_code: lg.prefectureOf(code) })),
  );
  if (partnerRows.length > 0) {
    await db.insertInto('project_partners').values(partnerRows).onConflict((oc) => oc.columns(['project_id', 'local_government_code']).doNothing()).execute();
  }
  return fresh.length;
}
