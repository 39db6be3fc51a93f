// Sample offers and needs for partner matching (「サンプル」), for a fresh demonstration site only
// (DEMO_DATA on, never in production): none of them is real. They are chosen so that the suggestions
// show each kind of reason, e.g. 名寄市 seeking a venue and 杉並区 offering one, two municipalities
// tied by their 交流自治体協定 since 1989 (a real agreement of the registry). Idempotent: an entry
// that exists (by its fixed id) is left as it is.
import type { Kysely } from 'kysely';
import type { MatchingKindId } from '../../domain/matching.ts';
import type { Database } from '../schema.ts';
import { seedId } from './registry/util.ts';

interface SampleEntry {
  key: string;
  /** Prefecture code and the municipality's or ward's name. */
  owner: [string, string];
  direction: 'offer' | 'seek';
  kind: MatchingKindId;
  fields: number[];
  title: string;
  description: string;
  periodStart: string | null;
  periodEnd: string | null;
}

const note = 'これはサンプルの掲載です（実在しません）。';

export const sampleMatchingEntries: SampleEntry[] = [
  { key: 'nayoro-venue', owner: ['01', '名寄市'], direction: 'seek', kind: 'venue', fields: [1, 2], title: '物産展の会場を探しています', description: `${note}もち米やアスパラガスなど名寄市の特産品を都内で販売する物産展の会場を探しています。`, periodStart: '2027-04-01', periodEnd: '2028-03-31' },
  { key: 'nayoro-experience', owner: ['01', '名寄市'], direction: 'offer', kind: 'experience', fields: [2, 6], title: '農業体験・雪遊び体験を受け入れます', description: `${note}夏はひまわり畑と農作業、冬は雪遊びの体験を受け入れます。`, periodStart: null, periodEnd: null },
  { key: 'suginami-venue', owner: ['13', '杉並区'], direction: 'offer', kind: 'venue', fields: [1, 2, 6], title: '区民センターのロビーを物産展の会場に提供します', description: `${note}土日の物産展・観光PRに区民センターのロビーを提供できます。`, periodStart: null, periodEnd: '2028-03-31' },
  { key: 'suginami-youth', owner: ['13', '杉並区'], direction: 'seek', kind: 'youth', fields: [6], title: '小中学生の自然体験の受け入れ先を探しています', description: `${note}夏休みに区内の小中学生が自然の中で過ごせる受け入れ先を探しています。`, periodStart: null, periodEnd: null },
  { key: 'shinagawa-venue', owner: ['13', '品川区'], direction: 'offer', kind: 'venue', fields: [1], title: '区のイベント広場を貸し出します', description: `${note}区のイベント広場を物産展などに貸し出します。`, periodStart: null, periodEnd: null },
  { key: 'shinagawa-products', owner: ['13', '品川区'], direction: 'seek', kind: 'products', fields: [1, 5], title: '環境フェアへの出店自治体を募集します', description: `${note}環境フェアで特産品を販売していただける自治体を募集します。`, periodStart: null, periodEnd: null },
  { key: 'chiyoda-outlet', owner: ['13', '千代田区'], direction: 'offer', kind: 'outlet', fields: [1], title: '区内マルシェでの販売スペース', description: `${note}毎月のマルシェで特産品を販売するスペースを用意できます。`, periodStart: null, periodEnd: null },
  { key: 'chiyoda-tourism', owner: ['13', '千代田区'], direction: 'seek', kind: 'tourism', fields: [2], title: '観光PRブースの出展者を募集します', description: `${note}区の祭りで観光PRをしていただける自治体を募集します。`, periodStart: null, periodEnd: null },
  { key: 'kitakami-outlet', owner: ['03', '北上市'], direction: 'seek', kind: 'outlet', fields: [1], title: '特産品の都内での販路を探しています', description: `${note}北上市の特産品を都内で継続して販売できる場を探しています。`, periodStart: null, periodEnd: null },
  { key: 'nishiwaga-products', owner: ['03', '西和賀町'], direction: 'offer', kind: 'products', fields: [1, 5], title: '特産品を携えて出店します', description: `${note}わらび・そばなどの特産品を携えて都内のイベントに出店します。`, periodStart: null, periodEnd: null },
  { key: 'shibetsu-tourism', owner: ['01', '士別市'], direction: 'offer', kind: 'tourism', fields: [2], title: '観光PRに伺います', description: `${note}羊のまち士別の観光PRに伺います。`, periodStart: null, periodEnd: null },
];

export async function seedMatching(db: Kysely<Database>, options: { samples: boolean }): Promise<number> {
  if (!options.samples) return 0;
  const governments = await db.selectFrom('local_governments').select(['code', 'name', 'prefecture_code']).where('valid_to', 'is', null).execute();
  const codeOf = new Map(governments.map((g) => [`${g.prefecture_code}:${g.name}`, g.code]));
  const now = new Date().toISOString();
  let inserted = 0;
  await db.transaction().execute(async (trx) => {
    for (const s of sampleMatchingEntries) {
      const code = codeOf.get(`${s.owner[0]}:${s.owner[1]}`);
      if (!code) throw new Error(`sample matching entry ${s.key}: unknown ${s.owner.join(' ')}`);
      const id = seedId('matching', s.key);
      const exists = await trx.selectFrom('matching_entries').select('id').where('id', '=', id).executeTakeFirst();
      if (exists) continue;
      await trx
        .insertInto('matching_entries')
        .values({ id, local_government_code: code, prefecture_code: s.owner[0], direction: s.direction, kind: s.kind, title: s.title, description: s.description, period_start: s.periodStart, period_end: s.periodEnd, status: 'open', provenance: 'sample', created_by: null, updated_by: null, created_at: now, updated_at: now })
        .execute();
      if (s.fields.length > 0) await trx.insertInto('matching_entry_fields').values(s.fields.map((field) => ({ entry_id: id, field }))).execute();
      inserted++;
    }
  });
  return inserted;
}
