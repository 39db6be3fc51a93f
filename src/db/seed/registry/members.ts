// Municipalities known to have been registered members of the project site: the exhibitors of
// 「特別区全国連携プロジェクト賛同自治体PR展示」 第2部 (2017-02-01 to 02-23), which was for
// 「ホームページに会員登録している自治体」 (research/domain.md §1.6).
import * as S from './sources.ts';
import type { SeedContext } from './util.ts';

// 賛同自治体PR展示 第2部 — 特別区協議会 東京区政会館 展示(平成29年2月)
const exhibitors: ReadonlyArray<readonly [prefecture: string, name: string]> = [
  ['兵庫県', '赤穂市'],
  ['三重県', '津市'],
  ['北海道', '中標津町'],
  ['石川県', '志賀町'],
];

export const MEMBER_NOTE = `この日までに会員登録(賛同自治体PR展示 第2部の出展自治体)。出典: ${S.PR_EXHIBITION_2017}`;

export async function seedRegisteredMembers({ db, lg }: SeedContext): Promise<number> {
  const values = exhibitors.map(([pref, name]) => ({
    local_government_code: lg.municipality(pref, name),
    joined_on: '2017-02-01',
    source: 'manual' as const,
    note: MEMBER_NOTE,
  }));
  // Insert if missing: a municipality already recorded (e.g. by an approved account) keeps its row.
  await db.insertInto('registered_members').values(values).onConflict((oc) => oc.column('local_government_code').doNothing()).execute();
  return values.length;
}
