// The 13 wide-area agreements (広域連携協定) of 特別区長会 with prefectural 市長会・町村会, from the
// domain module that also derives their members (src/domain/wide-area-groups.ts).
import { wideAreaGroups } from '../../../domain/wide-area-groups.ts';
import { PAMPHLET_2022 } from './sources.ts';
import { note, recordColumns, type SeedContext } from './util.ts';

/**
 * Why published_member_count is not the pamphlet's printed column: in the pamphlet's table
 * 「特別区長会との広域連携協定締結団体」 the 構成自治体数 column is shifted by merged cells (e.g. 京都府市長会
 * is printed with 26, which is the two Kyoto groups together). The counts stored are the ones the
 * domain module derives per group; they sum to the published 372.
 */
const COUNT_NOTE =
  '構成自治体数(published_member_count)は、パンフレットの表の数値をそのまま写したものではない。表の列はセル結合でずれて印刷されている' +
  '(例: 京都府市長会の欄の26は京都府の2団体の合計)ため、団体ごとの市町村数から導いた値を記録した。13団体の合計は公表値372と一致する。';

const SIGNED_ON_NOTE =
  '協定締結年月日はパンフレットの表「特別区長会との広域連携協定締結団体」による。1年ごとの自動更新は京都府の協定書(第4条)で確認したもので(https://expydoc.com/doc/10220353/)、他団体の協定書は未確認。';

export async function seedGroups({ db, now, lg }: SeedContext): Promise<number> {
  const values = wideAreaGroups.map((g, i) => {
    if (!lg.hasPrefectureCode(g.prefectureCode)) throw new Error(`registry seed: prefecture ${g.prefectureCode} of ${g.nameJa} is not in the master data`);
    return {
      id: g.id,
      name: g.nameJa,
      prefecture_code: g.prefectureCode,
      kind: g.kind,
      signed_on: g.signedOn,
      signed_on_precision: 'day' as const,
      auto_renewal: 1,
      published_member_count: g.publishedMemberCount,
      sort_order: (i + 1) * 10,
      ...recordColumns(now, g.sourceUrl ?? null, note(PAMPHLET_2022, SIGNED_ON_NOTE, COUNT_NOTE, g.sourceUrl ? `出典(協定締結の報道・記録): ${g.sourceUrl}` : null)),
    };
  });
  await db.insertInto('wide_area_groups').values(values).onConflict((oc) => oc.column('id').doNothing()).execute();
  return values.length;
}
