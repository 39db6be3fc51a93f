// 「主な事業計画と進捗状況」 of the pamphlet: 11 items of the plan 令和元年度～令和4年度 (FY2019–FY2022),
// each year's cell as printed. A cell spanning several years in the table is repeated for each.
import type { PlanProgressStatus } from '../../schema.ts';
import * as S from './sources.ts';
import { note, recordColumns, seedId, type SeedContext } from './util.ts';

const FROM_FY = 2019;
const TO_FY = 2022;

/**
 * The table prints plans, not statuses. Read against the pamphlet's date (2022-03-01): a year
 * that had ended is 'done', the year then running (FY2021) 'in_progress', the next 'planned'.
 */
function statusOf(fy: number): PlanProgressStatus {
  if (fy <= 2020) return 'done';
  if (fy === 2021) return 'in_progress';
  return 'planned';
}

const STATUS_NOTE =
  '各年度の状況(status)はパンフレットの計画表を令和4年3月1日時点で読んだもの: 終了した年度は完了、令和3年度は実施中、令和4年度は予定。表には状況そのものは印刷されていない。';

/** [number, title, cells FY2019..FY2022]. */
const items: ReadonlyArray<readonly [number, string, readonly [string, string, string, string]]> = (() => {
  const all = (text: string) => [text, text, text, text] as const;
  const split = (first: string, rest: string) => [first, rest, rest, rest] as const;
  return [
    [1, '広域共同計画の策定', split('十勝・山城地域計画', '共同計画を希望する地域、自治体との策定')],
    [2, '市長会・町村会との協定の締結', all('各市長会、町村会の状況把握と調整\n協議等が整った団体との協定の締結')],
    [3, '協定締結自治体等との連携推進', all('各市長会、町村会、自治体主催事業等との連携')],
    [4, '全国連携協働プラットフォームの設立等', split('設立準備', 'プラットフォームの運営')],
    [5, '地方創生推進事業の検討', all('国の施策、民間事業者によるプロジェクトとの連携による事業の検討')],
    [6, '関係人口拡大に向けた事業実施', split('事業等の検討', '事業の実施準備、試行、本格実施\n関係自治体、協定締結企業との事業検討')],
    [7, '全国連携プロジェクトの情報発信・PR', all('ホームページの充実強化\nパンフレット・ポスター等の制作\n全国連携NEWSの刊行\n企業等との連携による発信 など')],
    [8, '自治体間連携シンポジウム等の開催', all('各年度2回程度開催\n多様な主体との連携など開催方法を検討')],
    [9, '魅力発信イベントの実施', all('各年度2回程度開催\n開催方法、イベント内容、開催会場等を検討')],
    [10, '企業との包括連携協定の締結', all('締結希望企業との協定締結')],
    [11, '被災自治体への支援', all('大規模災害における復興支援金の拠出等')],
  ];
})();

export async function seedPlan({ db, now }: SeedContext): Promise<number> {
  const rows = items.map(([number, title, cells]) => ({ id: seedId('plan-item', `${FROM_FY}-${TO_FY}/${number}`), number, title, cells }));
  const existing = new Set((await db.selectFrom('plan_items').select('id').where('id', 'in', rows.map((r) => r.id)).execute()).map((r) => r.id));
  const fresh = rows.filter((r) => !existing.has(r.id));
  if (fresh.length === 0) return 0;
  await db
    .insertInto('plan_items')
    .values(
      fresh.map(({ id, number, title }) => ({
        id,
        number,
        title,
        period_from_fy: FROM_FY,
        period_to_fy: TO_FY,
        ...recordColumns(now, null, note(S.PAMPHLET_2022, '「特別区全国連携プロジェクト今後の展開(令和元年度～令和4年度)」の表「主な事業計画と進捗状況」。', STATUS_NOTE)),
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await db
    .insertInto('plan_progress')
    .values(
      fresh.flatMap(({ id, cells }) =>
        cells.map((description, i) => ({
          id: seedId('plan-progress', `${id}/${FROM_FY + i}`),
          item_id: id,
          fiscal_year: FROM_FY + i,
          description,
          status: statusOf(FROM_FY + i),
          updated_at: now,
        })),
      ),
    )
    // No target: the (item_id, fiscal_year) unique index is covered as well as the id.
    .onConflict((oc) => oc.doNothing())
    .execute();
  return fresh.length;
}
