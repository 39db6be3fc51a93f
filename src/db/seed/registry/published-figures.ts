// Figures as the project published them, each with its as-of date and source (research/domain.md
// §3.2), kept beside the figures computed from records for comparison.
import type { DatePrecision, FigureMetric } from '../../schema.ts';
import * as S from './sources.ts';
import { note, partialDate, recordColumns, seedId, type SeedContext } from './util.ts';

interface FigureSeed {
  metric: FigureMetric;
  label: string;
  value: number;
  lowerBound?: boolean;
  /** 'YYYY-MM-DD' | 'YYYY-MM' | 'YYYY'. */
  asOf: string;
  sourceTitle: string;
  sourceUrl: string | null;
  notes: string;
}

const pamphlet = (metric: FigureMetric, label: string, value: number, extra?: string): FigureSeed => ({
  metric,
  label,
  value,
  asOf: '2022-03-01',
  sourceTitle: S.PAMPHLET_2022_TITLE,
  sourceUrl: null,
  notes: note(S.PAMPHLET_2022, extra),
});

export const figureSeeds: readonly FigureSeed[] = [
  // パンフレット(令和4年(2022)3月1日現在、※特別区長会調べ、23区等を除く)
  pamphlet('ward_partners', '各区(23区)の交流自治体数', 832),
  pamphlet('registered_members', '会員専用ホームページ登録自治体数', 269),
  pamphlet('wide_area_members', '特別区長会との協定締結自治体数', 372),
  pamphlet('wide_area_groups', '特別区長会との協定締結団体数', 13),
  pamphlet('union', '東京23区と連携・交流している総自治体数', 1096, '3区分(各区の交流自治体・会員登録自治体・広域連携協定締結自治体)の合計から重複を除いた実数。'),
  // 東日本大震災 職員派遣の累計 — パンフレット、特別区長会「東日本大震災への支援状況」
  { metric: 'staff_dispatched', label: '東日本大震災 職員派遣の累計', value: 7174, asOf: '2021-10-01', sourceTitle: S.PAMPHLET_2022_TITLE, sourceUrl: null, notes: note(S.PAMPHLET_2022) },
  { metric: 'staff_dispatched', label: '東日本大震災 職員派遣の累計', value: 7201, asOf: '2023-10-01', sourceTitle: '特別区長会「東日本大震災への支援状況」', sourceUrl: S.SHIEN_HIGASHINIHON,
    notes: note('出典: 特別区長会「東日本大震災への支援状況」', '派遣中11人、派遣済み7,190人。') },
  // 熊本地震 職員派遣の累計 — パンフレット
  { metric: 'other', label: '平成28年熊本地震 職員派遣の累計', value: 430, asOf: '2021-04-01', sourceTitle: S.PAMPHLET_2022_TITLE, sourceUrl: null, notes: note(S.PAMPHLET_2022) },
  // 令和4年度の長期派遣 — iJAMP(2022年12月28日)
  { metric: 'other', label: '令和4年度 被災地への長期派遣職員数', value: 18, asOf: '2022-12-28', sourceTitle: 'iJAMP(時事通信)2022年12月28日', sourceUrl: S.IJAMP_2022,
    notes: note('出典: iJAMP(時事通信、2022年12月28日)', '東日本大震災16人、熊本地震1人、令和2年7月豪雨1人。') },
  // 広域連携協定 — 令和6年度 魅力発信イベント(「広域連携協定締結先13地域372自治体」)
  { metric: 'wide_area_members', label: '広域連携協定締結自治体数', value: 372, asOf: '2024-10', sourceTitle: '令和6年度 魅力発信イベント', sourceUrl: S.MIRYOKU_2024,
    notes: note('出典: 特別区全国連携プロジェクト「令和6年度 魅力発信イベント」', '「広域連携協定締結先13地域372自治体」。') },
  { metric: 'wide_area_groups', label: '広域連携協定締結団体数', value: 13, asOf: '2024-10', sourceTitle: '令和6年度 魅力発信イベント', sourceUrl: S.MIRYOKU_2024,
    notes: note('出典: 特別区全国連携プロジェクト「令和6年度 魅力発信イベント」', '出典の「13地域」は13団体(9道府県)のこと。') },
  // 全国連携NEWS 創刊号(2019年3月15日): 「8地域11団体」
  { metric: 'wide_area_groups', label: '広域連携協定締結団体数', value: 11, asOf: '2019-03-15', sourceTitle: 'TOKYO 23 CITY vol.1 [創刊号]', sourceUrl: S.NEWSLETTER_2019,
    notes: note('出典: 特別区長会「TOKYO 23 CITY vol.1 [創刊号]」(2019年3月15日)', '「8地域11団体」。') },
  // 埼玉県町村会との協定(2018年5月1日): 「合計11団体321自治体」 — 日本経済新聞
  { metric: 'wide_area_members', label: '広域連携協定締結自治体数', value: 321, asOf: '2018-05-01', sourceTitle: '日本経済新聞(2018年5月)', sourceUrl: S.NIKKEI_SAITAMA,
    notes: note('出典: 日本経済新聞(埼玉県町村会との協定締結)', '「合計11団体321自治体」。Wikipedia「特別区長会」も同じ数値。') },
  { metric: 'wide_area_groups', label: '広域連携協定締結団体数', value: 11, asOf: '2018-05-01', sourceTitle: '日本経済新聞(2018年5月)', sourceUrl: S.NIKKEI_SAITAMA,
    notes: note('出典: 日本経済新聞(埼玉県町村会との協定締結)', '「合計11団体321自治体」。') },
  // 2018年8月: 「全国900以上の自治体」 — 新日本保険新聞(第一生命との協定)
  { metric: 'union', label: '特別区と連携する全国の自治体数', value: 900, lowerBound: true, asOf: '2018-08', sourceTitle: '新日本保険新聞(2018年8月24日)', sourceUrl: S.SHINNIHON_DAIICHI,
    notes: note('出典: 新日本保険新聞(第一生命との包括連携協定)', '「全国900以上の自治体」: 下限値。') },
  // 2018年頃: 「250を超す市町村が登録会員」 — 区議会議員ブログ
  { metric: 'registered_members', label: '会員登録自治体数', value: 250, lowerBound: true, asOf: '2018', sourceTitle: '区議会議員ブログ(2018年頃)', sourceUrl: S.AMEBLO_2018,
    notes: note('出典: 区議会議員ブログ(ameblo、2018年頃)', '「250を超す市町村が登録会員」: 下限値。時期は2018年頃(年のみ)。') },
  // 2014年: 連携自治体478、アンケート回答328 — 区政会館だより「特別区全国連携プロジェクトの取組について」
  { metric: 'union', label: '特別区と連携している自治体数(プロジェクト開始時)', value: 478, asOf: '2014', sourceTitle: '区政会館だより', sourceUrl: S.PAPERZZ_2014,
    notes: note('出典: 区政会館だより「「特別区全国連携プロジェクト」の取組について」', '文化交流・観光・産業・災害協定などで全国の約4分の1の自治体と連携。') },
  { metric: 'other', label: '全国連携アンケートに回答した自治体数(全1,718市町村に送付)', value: 328, asOf: '2014-09', sourceTitle: '区政会館だより', sourceUrl: S.PAPERZZ_2014,
    notes: note('出典: 区政会館だより「「特別区全国連携プロジェクト」の取組について」', '2014年9月の立ち上げ時に全1,718市町村へ送付。') },
];

export async function seedPublishedFigures({ db, now }: SeedContext): Promise<number> {
  const values = figureSeeds.map((f) => {
    const asOf = partialDate(f.asOf);
    return {
      id: seedId('published-figure', `${f.metric}/${f.asOf}/${f.label}`),
      metric: f.metric,
      label: f.label,
      value: f.value,
      is_lower_bound: f.lowerBound ? 1 : 0,
      as_of: asOf.on!,
      as_of_precision: asOf.precision satisfies DatePrecision,
      source_title: f.sourceTitle,
      ...recordColumns(now, f.sourceUrl, f.notes),
    };
  });
  await db.insertInto('published_figures').values(values).onConflict((oc) => oc.column('id').doNothing()).execute();
  return values.length;
}
