// 広域共同計画 (地域再生計画) that wards drew up with municipalities and ran with the national
// 地方創生推進交付金: the pamphlet's table 「特別区が地方創生推進交付金を活用し実施する広域連携事業」.
import * as S from './sources.ts';
import { areaMunicipalities } from './regional-exchanges.ts';
import { note, partialDate, recordColumns, seedId, type SeedContext } from './util.ts';

interface PlanSeed {
  key: string;
  title: string;
  regionLabel: string;
  wards: readonly string[];
  partners: readonly (readonly [prefecture: string, name: string])[];
  approved: string | null;
  sourceUrl: string | null;
  notes: string;
}

const GRANT = '地方創生推進交付金';
const APPROVED = 'パンフレット: 「令和2年4月に、北海道十勝地域の町村と台東区・墨田区、京都山城地域の市町村と渋谷区が、それぞれ広域共同計画を策定し、国から認定を受けました」(日は記載なし)。';

/** 京都府の山城地域 (京都府総合計画 山城地域振興計画): 7市・7町・1村. */
const yamashiro = ['宇治市', '城陽市', '向日市', '長岡京市', '八幡市', '京田辺市', '木津川市', '大山崎町', '久御山町', '井手町', '宇治田原町', '笠置町', '和束町', '精華町', '南山城村'];

// 広域連携事業 — パンフレット(令和4年3月1日現在)
export const planSeeds: readonly PlanSeed[] = [
  {
    key: 'tokachi-taito-sumida',
    title: '北海道十勝地域×東京台東区・墨田区連携～大地のタカラ×江戸のチカラ 関係人口創出プロジェクト～',
    regionLabel: '北海道十勝地域',
    wards: ['台東区', '墨田区'],
    partners: areaMunicipalities('十勝', 'towns_and_villages').map((n) => ['北海道', n] as const),
    approved: '2020-04',
    sourceUrl: S.TOKACHI_WEEK_2021,
    notes: note(
      S.PAMPHLET_2022,
      APPROVED,
      '計画の相手はパンフレットの文言「北海道十勝地域の町村」に従い十勝の18町村(16町2村)とし、帯広市を含めない。',
      `出典: 「たいとう・すみだ 十勝ウィーク」(ソトコト、2021年)は十勝地域を「16町2村」としている。`,
    ),
  },
  {
    key: 'yamashiro-shibuya',
    title: '京都やましろ地域×東京しぶや連携～和文文化×多文化 関係人口創出プロジェクト～',
    regionLabel: '京都山城地域',
    wards: ['渋谷区'],
    partners: yamashiro.map((n) => ['京都府', n] as const),
    approved: '2020-04',
    sourceUrl: S.KYOTO_YAMASHIRO,
    notes: note(
      S.PAMPHLET_2022,
      APPROVED,
      'パンフレットの文言は「京都山城地域の市町村」。計画に加わった市町村の一覧は見つからなかったため、京都府が定める山城地域の15市町村を記録した(出典: 京都府総合計画 山城地域振興計画)。実際の計画作成主体と照合すること。',
      '事業名はパンフレットの表記(「和文文化」)のまま。',
    ),
  },
  {
    key: 'kushiro-arakawa',
    title: '北海道くしろ地域と東京特別区による関係醸成プロジェクト',
    regionLabel: '北海道くしろ地域',
    wards: ['荒川区'],
    partners: areaMunicipalities('釧路', 'all').map((n) => ['北海道', n] as const),
    approved: null,
    sourceUrl: S.KUSHIRO_EXCHANGE,
    notes: note(
      S.PAMPHLET_2022,
      '認定時期はパンフレットに記載がない。',
      '相手は荒川区と交流する釧路地域の8市町村(釧路市を含む。出典: 釧路総合振興局「北海道釧路地域・東京都特別区交流推進協議会」)。',
    ),
  },
];

export async function seedJointPlans({ db, now, lg }: SeedContext): Promise<number> {
  const resolved = planSeeds.map((p) => ({
    p,
    id: seedId('joint-plan', p.key),
    wardCodes: p.wards.map((w) => lg.ward(w)),
    partnerCodes: p.partners.map(([pref, name]) => lg.municipality(pref, name)),
  }));
  const existing = new Set((await db.selectFrom('joint_plans').select('id').where('id', 'in', resolved.map((r) => r.id)).execute()).map((r) => r.id));
  const fresh = resolved.filter((r) => !existing.has(r.id));
  if (fresh.length === 0) return 0;
  await db
    .insertInto('joint_plans')
    .values(
      fresh.map(({ p, id }) => {
        const approved = partialDate(p.approved);
        return {
          id,
          title: p.title,
          region_label: p.regionLabel,
          approved_on: approved.on,
          approved_on_precision: approved.precision,
          grant_name: GRANT,
          ...recordColumns(now, p.sourceUrl, p.notes),
        };
      }),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await db
    .insertInto('joint_plan_wards')
    .values(fresh.flatMap(({ id, wardCodes }) => wardCodes.map((ward_code) => ({ plan_id: id, ward_code }))))
    .onConflict((oc) => oc.columns(['plan_id', 'ward_code']).doNothing())
    .execute();
  await db
    .insertInto('joint_plan_partners')
    .values(fresh.flatMap(({ id, partnerCodes }) => partnerCodes.map((local_government_code) => ({ plan_id: id, local_government_code }))))
    .onConflict((oc) => oc.columns(['plan_id', 'local_government_code']).doNothing())
    .execute();
  return fresh.length;
}
