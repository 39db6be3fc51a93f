// Synthetic benchmark volume for events: 50,000 events from 2015 to 2028 (about ten a day), each
// marked provenance 'synthetic' and titled 「【合成データ】…」, with one to three municipalities taking
// part (all over Japan, sometimes with a ward), every kind and field, some online, some over several
// days, and a few not published (pending, draft, withdrawn) as on a real site. Generated with a fixed
// seed so that every run measures the same data. For `npm run bench` only: never loaded by
// `npm start`, never real facts.
import { createHash } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { Database, EventStatus } from '../src/db/schema.ts';
import { prng } from './prng.ts';

export const syntheticEventCount = 50_000;
/** Rows per INSERT: about 40 columns each, under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 400;
const KINDS = ['魅力発信イベント', '講演会', 'シンポジウム', '物産展', '展示', 'PR展示', 'パネル展', '協定締結式', 'その他'] as const;
const FIRST_DAY = Date.UTC(2015, 0, 1);
const DAYS = Math.round((Date.UTC(2028, 11, 31) - FIRST_DAY) / 86_400_000) + 1;

/** The id of the i-th synthetic event (stable across runs, for the bench's fixed targets). */
export function syntheticEventId(i: number): string {
  const h = createHash('sha1').update(`synthetic-event:${i}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Three events in a hundred are not public (pending, draft, withdrawn); fixed by number, so the bench knows which pages answer. */
export function syntheticEventStatus(i: number): EventStatus {
  const r = i % 100;
  return r === 37 ? 'pending' : r === 71 ? 'draft' : r === 93 ? 'withdrawn' : 'published';
}

const isoDay = (day: number) => new Date(FIRST_DAY + day * 86_400_000).toISOString().slice(0, 10);

function description(i: number, place: string, kind: string): string {
  const paragraph = `【合成データ】イベント ${i} の説明です。${place}の${kind}を想定した長さの文章で、ベンチマークのためだけに生成しています。`;
  return [paragraph, '', '## 内容', '', `- ${place}の特産品の紹介（合成データ）`, '- 観光・移住の相談コーナー（合成データ）', '', paragraph.repeat(2)].join('\n');
}

/** Inserts the events and their municipalities (in chunks, in one transaction); returns how many. */
export async function seedSyntheticEvents(db: Kysely<Database>, count = syntheticEventCount): Promise<number> {
  const random = prng(20261207);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const all = await db.selectFrom('local_governments').select(['code', 'name', 'prefecture_code', 'kind']).where('level', '=', 'municipality').where('is_counted', '=', 1).execute();
  const wards = all.filter((m) => m.kind === '特別区');
  const municipalities = all.filter((m) => m.kind !== '特別区');
  const now = new Date().toISOString();

  const events: Array<Insertable<Database['events']>> = [];
  const links: Array<Insertable<Database['event_municipalities']>> = [];
  for (let i = 0; i < count; i++) {
    const id = syntheticEventId(i);
    // Spread evenly over the fourteen years, with a little jitter so days differ in how busy they are.
    const day = Math.min(DAYS - 1, Math.floor((DAYS * i) / count) + int(3));
    const length = random() < 0.7 ? 0 : random() < 0.7 ? 1 + int(2) : 3 + int(28);
    const kind = pick(KINDS);
    const taking = [pick(municipalities)];
    if (random() < 0.3) taking.push(pick(municipalities));
    if (random() < 0.3) taking.push(pick(wards));
    const unique = [...new Map(taking.map((m) => [m.code, m])).values()];
    const host = unique[0]!;
    const online = random() < 0.12;
    const timed = random() < 0.8;
    const start = timed ? `${String(9 + int(10)).padStart(2, '0')}:${pick(['00', '30'])}` : null;
    const status = syntheticEventStatus(i);
    // Registered about a month before the day (never later than now), as on a live site.
    const registeredAt = new Date(Math.min(FIRST_DAY + (day - 30) * 86_400_000, Date.parse(now))).toISOString();
    events.push({
      id,
      title: `【合成データ】${host.name}の${kind} ${i}`,
      kind,
      starts_on: isoDay(day),
      ends_on: isoDay(Math.min(DAYS - 1, day + length)),
      start_time: start,
      end_time: start ? `${String(Number(start.slice(0, 2)) + 2).padStart(2, '0')}:${start.slice(3)}` : null,
      venue_name: online && random() < 0.5 ? '' : `${host.name}文化会館（合成データ）`,
      address: `${host.name}中央1-2-3（合成データ）`,
      online: online ? 1 : 0,
      online_url: online ? `https://example.jp/synthetic/online/${i}` : null,
      latitude: null,
      longitude: null,
      description: description(i, host.name, kind),
      organisers: host.name,
      co_organisers: unique.length > 1 ? unique.slice(1).map((m) => m.name).join('\n') : '',
      supporters: random() < 0.3 ? '特別区長会（合成データ）' : '',
      field: random() < 0.85 ? 1 + int(6) : null,
      fee_basic: random() < 0.6 ? '無料' : `${(1 + int(20)) * 100}円`,
      capacity: random() < 0.5 ? `${(1 + int(30)) * 10}名（先着順）` : '',
      apply_deadline: null,
      apply_deadline_time: null,
      contacts: JSON.stringify([{ name: `${host.name} 企画課（合成データ）`, phone: '03-0000-0000', extension: '' }]),
      url: `https://example.jp/synthetic/events/${i}`,
      project_id: null,
      flyer_file_id: null,
      status,
      owner_code: host.code,
      provenance: 'synthetic',
      source_url: null,
      feed_id: null,
      external_uid: `synthetic-${i}`,
      content_hash: null,
      fetched_at: null,
      submitted_by: null,
      created_by: null,
      updated_by: null,
      created_at: registeredAt,
      // One millisecond apart in the order of their days, from the moment of seeding (so after the
      // search index's sync point): the index's sync follows updated_at, so it receives them in
      // about date order, as a live site's index does. All stamped with one moment, they reached it
      // in id order, i.e. at random, a layout no live database holds.
      updated_at: new Date(Date.parse(now) + i).toISOString(),
      published_at: status === 'published' ? registeredAt : null,
    });
    unique.forEach((m, position) => links.push({ event_id: id, local_government_code: m.code, prefecture_code: m.prefecture_code, position }));
  }
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < events.length; i += CHUNK) await trx.insertInto('events').values(events.slice(i, i + CHUNK)).execute();
    for (let i = 0; i < links.length; i += CHUNK * 4) await trx.insertInto('event_municipalities').values(links.slice(i, i + CHUNK * 4)).execute();
    await trx.updateTable('data_revisions').set((eb) => ({ revision: eb('revision', '+', 1) })).where('topic', '=', 'events').execute();
  });
  return count;
}
