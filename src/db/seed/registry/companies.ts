// 企業との包括連携協定: the pamphlet's table 「協定締結企業一覧」 (company, date, main activities).
import * as S from './sources.ts';
import { note, recordColumns, seedId, type SeedContext } from './util.ts';

interface CompanySeed {
  name: string;
  formerName?: string;
  signedOn: string;
  /** 主な取組み, one per line as printed. */
  activities: readonly string[];
  sourceUrl: string | null;
  notes: string;
}

// 協定締結企業一覧 — パンフレット(令和4年3月1日現在)。第一生命: 産経新聞・新日本保険新聞、明治安田生命: 令和6年度魅力発信イベント
export const companySeeds: readonly CompanySeed[] = [
  {
    name: '第一生命保険株式会社', signedOn: '2018-08-23',
    activities: ['ビジネス交流会の開催', '「けんしん」活動の推進'],
    sourceUrl: S.SANKEI_DAIICHI,
    notes: note(
      '出典: 産経新聞(2018年8月24日)',
      S.PAMPHLET_2022,
      `協定の連携項目(出典: 新日本保険新聞 ${S.SHINNIHON_DAIICHI}): 1 産業振興 / 2 観光振興 / 3 文化芸術振興 / 4 健康増進 / 5 特別区全国連携プロジェクトの情報発信 / 6 その他地域社会の活性化。`,
      '民間企業との初の包括連携協定。最初の取組みは2018年10月18日の「地域創生ビジネス交流会」。',
    ),
  },
  {
    name: '損害保険ジャパン株式会社', formerName: '損害保険ジャパン日本興亜株式会社', signedOn: '2019-05-31',
    activities: ['ドローンを活用した防災対策推進への取組み', '美術館を活用した芸術教育の連携'],
    sourceUrl: null,
    notes: note(S.PAMPHLET_2022, '締結時の社名は損害保険ジャパン日本興亜株式会社(パンフレットの「旧」表記による)。'),
  },
  {
    name: '三井住友海上火災保険株式会社', signedOn: '2019-09-11',
    activities: ['経営サポートセンターの活用', '被災者生活再建支援サポート'],
    sourceUrl: null,
    notes: note(S.PAMPHLET_2022, '経営サポートセンター: 特別区や特別区が連携する各地域の中小企業を支援し、産業振興を図る(パンフレット)。'),
  },
  {
    name: '明治安田生命保険相互会社', signedOn: '2022-03-29',
    activities: ['異業種交流会「東京倶楽部」を通じたビジネスマッチング', '「全国連携講演会」等への講師派遣'],
    sourceUrl: S.MIRYOKU_2024,
    notes: note('出典: 特別区全国連携プロジェクト「令和6年度 魅力発信イベント」', S.PAMPHLET_2022, '令和6年度の魅力発信イベントは明治安田ヴィレッジ丸の内で開催。'),
  },
];

export async function seedCompanies({ db, now }: SeedContext): Promise<number> {
  const values = companySeeds.map((c) => ({
    id: seedId('company-agreement', c.name),
    company_name: c.name,
    former_name: c.formerName ?? '',
    signed_on: c.signedOn,
    signed_on_precision: 'day' as const,
    activities: c.activities.join('\n'),
    ...recordColumns(now, c.sourceUrl, c.notes),
  }));
  await db.insertInto('company_agreements').values(values).onConflict((oc) => oc.column('id').doNothing()).execute();
  return values.length;
}
