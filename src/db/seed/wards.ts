// The 23 special wards with their 特別区長会 block and mayor (as of the source's date), and the
// agreement-type vocabulary the secretariat starts from. Real facts with sources; idempotent: rows
// that exist are left as they are, so an edit made on the site survives a restart.
import type { Kysely } from 'kysely';
import type { AgreementCategory, Database } from '../schema.ts';

export const WARDS_SOURCE = 'https://ja.wikipedia.org/wiki/%E7%89%B9%E5%88%A5%E5%8C%BA%E9%95%B7%E4%BC%9A';
export const WARDS_AS_OF = '2024-11-14';

/** [block, ward name, mayor], from 特別区長会 (Wikipedia, as of 2024-11-14). */
const wards: ReadonlyArray<readonly [number, string, string]> = [
  [1, '千代田区', '樋口高顕'],
  [1, '中央区', '山本泰人'],
  [1, '港区', '清家愛'],
  [1, '新宿区', '吉住健一'],
  [2, '文京区', '成澤廣修'],
  [2, '台東区', '服部征夫'],
  [2, '北区', '山田加奈子'],
  [2, '荒川区', '滝口学'],
  [3, '品川区', '森澤恭子'],
  [3, '目黒区', '青木英二'],
  [3, '大田区', '鈴木晶雅'],
  [3, '世田谷区', '保坂展人'],
  [3, '渋谷区', '長谷部健'],
  [4, '中野区', '酒井直人'],
  [4, '杉並区', '岸本聡子'],
  [4, '豊島区', '高際みゆき'],
  [4, '板橋区', '坂本健'],
  [4, '練馬区', '前川燿男'],
  [5, '墨田区', '山本亨'],
  [5, '江東区', '大久保朋果'],
  [5, '足立区', '近藤弥生'],
  [5, '葛飾区', '青木克德'],
  [5, '江戸川区', '斉藤猛'],
];

/** The names used in ward and municipal pages (research/domain.md §2.3), grouped by category. */
export const agreementTypes: ReadonlyArray<readonly [string, string, string, AgreementCategory]> = [
  ['exchange', '交流自治体協定', 'Exchange agreement', 'friendship'],
  ['friendship-municipality', '友好自治体協定', 'Friendship agreement', 'friendship'],
  ['friendship-city-exchange', '友好都市交流協定', 'Friendship city exchange agreement', 'friendship'],
  ['friendship-city', '友好都市協定', 'Friendship city agreement', 'friendship'],
  ['sister-city', '姉妹都市', 'Sister city', 'friendship'],
  ['sister-friendship-city', '姉妹友好都市協定', 'Sister and friendship city agreement', 'friendship'],
  ['engumi', '縁組協定', 'Bond agreement (縁組協定)', 'friendship'],
  ['disaster-mutual-aid', '災害時相互援助協定', 'Disaster mutual aid agreement', 'disaster'],
  ['disaster-mutual-support', '災害時相互応援協定', 'Disaster mutual support agreement', 'disaster'],
  ['disaster-prevention-aid', '防災相互援助協定', 'Disaster prevention mutual aid agreement', 'disaster'],
  ['disaster-prevention', '防災協定', 'Disaster prevention agreement', 'disaster'],
  ['marugoto-resort', 'まるごと保養地協定', 'Whole-town resort agreement', 'other'],
  ['forest-foster', '森林の里親協定', 'Forest foster-parent agreement', 'other'],
  ['mutual-cooperation', '相互連携協定', 'Mutual cooperation agreement', 'other'],
  ['shopping-street-friendship', '商店街友好都市協定', 'Shopping-street friendship agreement', 'other'],
  ['comprehensive-memorandum', '包括連携に関する覚書', 'Comprehensive cooperation memorandum', 'other'],
  ['friendship-exchange', '交流・友好(協定名なし)', 'Exchange or friendship (no named agreement)', 'friendship'],
  ['partnership', '連携協定', 'Partnership agreement', 'other'],
  ['comprehensive-partnership', '包括連携協定', 'Comprehensive partnership agreement', 'other'],
  ['tourism', '観光交流協定', 'Tourism exchange agreement', 'other'],
  ['industry', '産業・経済交流協定', 'Industry and economic exchange agreement', 'other'],
  ['hometown-exchange', 'ふるさと交流協定', 'Hometown exchange agreement', 'friendship'],
  ['evacuation', '災害時の避難・受入れ協定', 'Disaster evacuation and reception agreement', 'disaster'],
  ['other', 'その他の協定・交流', 'Other agreement or exchange', 'other'],
];

export async function seedWards(db: Kysely<Database>): Promise<number> {
  const now = new Date().toISOString();
  const rows = await db.selectFrom('local_governments').select(['code', 'name']).where('kind', '=', '特別区').execute();
  const codeByName = new Map(rows.map((r) => [r.name, r.code]));
  const values = wards.map(([block, name, mayor]) => {
    const code = codeByName.get(name);
    if (!code) throw new Error(`ward ${name} is missing from the master data`);
    return {
      code,
      block,
      mayor_name: mayor,
      mayor_as_of: WARDS_AS_OF,
      website_url: null,
      source_url: WARDS_SOURCE,
      notes: '',
      provenance: 'seed' as const,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    };
  });
  await db.insertInto('wards').values(values).onConflict((oc) => oc.column('code').doNothing()).execute();
  await db
    .insertInto('agreement_types')
    .values(agreementTypes.map(([id, name, nameEn, category], i) => ({ id, name, name_en: nameEn, category, sort_order: (i + 1) * 10, created_at: now, updated_at: now, deleted_at: null })))
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return values.length;
}
