// The registry seed on both engines: what it loads, that every record cites its source, and that
// re-running it (every start does) changes nothing — not even a record deleted or edited on the site.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, engines, postgresSkipReason, type TestDatabase } from '../../../../test/helper.ts';
import { wideAreaGroups } from '../../../domain/wide-area-groups.ts';
import type { Database } from '../../schema.ts';
import { agreementId } from './agreements.ts';
import { exchangeId } from './regional-exchanges.ts';
import { seedRegistry } from './index.ts';
import { loadResolver, partialDate, seedId } from './util.ts';

/** Row counts of the registry tables right after a fresh seed. */
const expectedCounts = {
  wide_area_groups: 13,
  agreements: 338,
  agreement_wards: 344,
  agreement_partners: 386,
  agreement_sources: 690,
  sources: 327,
  regional_exchanges: 10,
  regional_exchange_members: 119,
  projects: 18,
  project_wards: 4,
  project_partners: 27,
  company_agreements: 4,
  disasters: 22,
  disaster_support: 27,
  joint_plans: 3,
  joint_plan_wards: 4,
  joint_plan_partners: 41,
  plan_items: 11,
  plan_progress: 44,
  published_figures: 18,
  registered_members: 4,
} as const satisfies Partial<Record<keyof Database, number>>;
type Table = keyof typeof expectedCounts;
const tables = Object.keys(expectedCounts) as Table[];

/** Record tables (source_url, notes, provenance, deleted_at). */
const recordTables = [
  'wide_area_groups',
  'agreements',
  'regional_exchanges',
  'projects',
  'company_agreements',
  'disasters',
  'disaster_support',
  'joint_plans',
  'plan_items',
  'published_figures',
] as const;

test('seed ids are UUID-formatted, stable and distinct', () => {
  const id = seedId('agreement', 'kita/sakata-kanra-nakanojo/friendship');
  assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(id, seedId('agreement', 'kita/sakata-kanra-nakanojo/friendship'));
  assert.notEqual(id, seedId('project', 'kita/sakata-kanra-nakanojo/friendship'));
});

test('partial dates are stored as the first day with their precision', () => {
  assert.deepEqual(partialDate('1995-10'), { on: '1995-10-01', precision: 'month' });
  assert.deepEqual(partialDate('2005'), { on: '2005-01-01', precision: 'year' });
  assert.deepEqual(partialDate('2022-07-21'), { on: '2022-07-21', precision: 'day' });
  assert.deepEqual(partialDate(null), { on: null, precision: 'day' });
  assert.throws(() => partialDate('2022/07/21'), RangeError);
});

for (const engine of engines) {
  describe(`registry seed [${engine}]`, { skip: engine === 'postgres' ? postgresSkipReason : undefined }, () => {
    let database: TestDatabase;
    const db = () => database.handle.db;

    before(async () => {
      database = await createTestDatabase(engine, { demoData: false });
    });
    after(async () => {
      await database?.drop();
    });

    async function count(table: Table): Promise<number> {
      const row = await db().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    }

    async function snapshot(): Promise<Record<string, unknown[]>> {
      const out: Record<string, unknown[]> = {};
      for (const table of tables) {
        const rows = (await db().selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
        out[table] = rows.map((r) => JSON.stringify(r)).sort();
      }
      return out;
    }

    test('loads every table with the expected number of rows', async () => {
      for (const table of tables) assert.equal(await count(table), expectedCounts[table], table);
    });

    test('running it again changes nothing (idempotent) and writes no new record', async () => {
      const before = await snapshot();
      const report = await seedRegistry(db());
      assert.equal(report.inserted, 0);
      assert.deepEqual(await snapshot(), before);
    });

    test('the 13 wide-area groups, in signing order, with derived counts summing to 372', async () => {
      const rows = await db().selectFrom('wide_area_groups').selectAll().orderBy('sort_order').execute();
      assert.deepEqual(
        rows.map((r) => [r.id, r.name, r.prefecture_code, r.kind, r.signed_on]),
        wideAreaGroups.map((g) => [g.id, g.nameJa, g.prefectureCode, g.kind, g.signedOn]),
      );
      assert.equal(rows.reduce((sum, r) => sum + Number(r.published_member_count), 0), 372);
      assert.ok(rows.every((r) => r.provenance === 'seed' && r.notes.includes('セル結合')), 'the shifted column is explained');
    });

    test('北区 signed one agreement with three partners; the Kumamoto memorandum has two wards and a prefecture', async () => {
      const kita = await db().selectFrom('agreement_partners').select('local_government_code').where('agreement_id', '=', agreementId('kita/sakata-kanra-nakanojo/friendship')).execute();
      const lg = await loadResolver(db());
      assert.deepEqual(
        kita.map((p) => p.local_government_code).sort(),
        [lg.municipality('山形県', '酒田市'), lg.municipality('群馬県', '甘楽町'), lg.municipality('群馬県', '中之条町')].sort(),
      );
      const agreement = await db().selectFrom('agreements').selectAll().where('id', '=', agreementId('kita/sakata-kanra-nakanojo/disaster')).executeTakeFirstOrThrow();
      assert.deepEqual([agreement.type_id, agreement.signed_on, agreement.signed_on_precision], ['disaster-mutual-support', '1995-10-01', 'month']);

      const memo = agreementId('bunkyo-shinjuku/kumamoto/memorandum');
      const wards = await db().selectFrom('agreement_wards').select('ward_code').where('agreement_id', '=', memo).execute();
      assert.deepEqual(wards.map((w) => w.ward_code).sort(), [lg.ward('新宿区'), lg.ward('文京区')].sort());
      const partners = await db().selectFrom('agreement_partners').select('local_government_code').where('agreement_id', '=', memo).execute();
      assert.deepEqual(partners.map((p) => p.local_government_code).sort(), [lg.prefecture('熊本県'), lg.municipality('熊本県', '熊本市')].sort());
    });

    test('names resolve within their prefecture (柳津町 of 福島県), former names are kept, unknown names fail loudly', async () => {
      const lg = await loadResolver(db());
      const yanaizu = await db().selectFrom('agreement_partners').select('local_government_code').where('agreement_id', '=', agreementId('minato/柳津町/exchange')).executeTakeFirstOrThrow();
      assert.equal(yanaizu.local_government_code, lg.municipality('福島県', '柳津町'));
      assert.equal(lg.prefectureOf(yanaizu.local_government_code!), '07');
      const nayoro = await db().selectFrom('agreement_partners').select(['former_name']).where('agreement_id', '=', agreementId('suginami/nayoro/exchange')).executeTakeFirstOrThrow();
      assert.equal(nayoro.former_name, '風連町');
      assert.throws(() => lg.municipality('北海道', '存在しない町'), /存在しない町 is not in the master data/);
      assert.throws(() => lg.municipality('福島県', '甘楽町'), /not in the master data/);
    });

    test('regional exchanges follow the sourced member counts (釧路 8 市町村, オホーツク 15 町村)', async () => {
      const members = async (area: string, ward: string) =>
        (await db().selectFrom('regional_exchange_members').select('local_government_code').where('exchange_id', '=', exchangeId(area, ward)).execute()).length;
      assert.equal(await members('釧路', '荒川区'), 8);
      assert.equal(await members('オホーツク', '江東区'), 15);
      const kushiro = await db().selectFrom('regional_exchanges').selectAll().where('id', '=', exchangeId('釧路', '荒川区')).executeTakeFirstOrThrow();
      assert.equal(kushiro.started_fiscal_year, 2015);
      assert.match(kushiro.council_name, /交流推進協議会/);
    });

    test('disaster support: the pamphlet amounts and the cumulative staff counts with their dates', async () => {
      const support = await db()
        .selectFrom('disaster_support as s')
        .innerJoin('disasters as d', 'd.id', 's.disaster_id')
        .select(['d.name', 's.kind', 's.amount_yen', 's.staff_count', 's.as_of', 's.is_joint'])
        .execute();
      const amount = (name: string, kind: string) => support.filter((s) => s.name === name && s.kind === kind).map((s) => Number(s.amount_yen));
      assert.deepEqual(amount('東日本大震災', 'recovery_fund'), [1_000_000_000]);
      assert.deepEqual(amount('東日本大震災', 'donation'), [3_763_390_000]);
      assert.deepEqual(amount('平成28年熊本地震', 'recovery_fund'), [55_000_000]);
      assert.deepEqual(amount('令和元年房総半島台風', 'sympathy_money'), [1_000_000]);
      assert.deepEqual(amount('令和元年東日本台風', 'recovery_fund'), [113_000_000]);
      assert.equal(support.find((s) => s.kind === 'donation')?.is_joint, 0, '義援金 was given by the wards individually');
      const staff = support.filter((s) => s.name === '東日本大震災' && s.kind === 'staff').map((s) => [s.as_of, s.staff_count]).sort();
      assert.deepEqual(staff, [['2021-10-01', 7174], ['2023-10-01', 7201]]);
      const tableRows = await db().selectFrom('disasters').select('name').where('notes', 'like', '%特別区が連携して対応した災害支援の状況%').execute();
      assert.equal(tableRows.length, 20, 'all 20 rows of the pamphlet table');
    });

    test('published figures of the pamphlet (2022-03-01)', async () => {
      const rows = await db().selectFrom('published_figures').select(['metric', 'value']).where('as_of', '=', '2022-03-01').execute();
      assert.deepEqual(Object.fromEntries(rows.map((r) => [r.metric, Number(r.value)])), {
        ward_partners: 832,
        registered_members: 269,
        wide_area_members: 372,
        wide_area_groups: 13,
        union: 1096,
      });
    });

    test('every seeded record names its source and is marked seed', async () => {
      for (const table of recordTables) {
        const rows = (await db().selectFrom(table).select(['source_url', 'notes', 'provenance']).execute()) as { source_url: string | null; notes: string; provenance: string }[];
        assert.ok(rows.length > 0, table);
        for (const r of rows) {
          assert.equal(r.provenance, 'seed', table);
          assert.ok((r.source_url ?? '').startsWith('http') || r.notes.includes('出典'), `${table}: a record without a source: ${r.notes}`);
        }
      }
      const members = await db().selectFrom('registered_members').selectAll().execute();
      assert.ok(members.every((m) => m.source === 'manual' && m.joined_on === '2017-02-01' && /出典: https:/.test(m.note ?? '')));
    });

    test('every agreement cites its sources in order; a page cited by several agreements or ward files is one source', async () => {
      const links = await db().selectFrom('agreement_sources').selectAll().execute();
      const agreements = await db().selectFrom('agreements').select(['id', 'source_url']).execute();
      const main = new Map(links.filter((l) => l.position === 0).map((l) => [l.agreement_id, l.source_id]));
      assert.equal(main.size, agreements.length, 'each agreement has a main source');
      const sources = await db().selectFrom('sources').selectAll().execute();
      const urls = sources.flatMap((s) => (s.url ? [s.url] : []));
      assert.equal(new Set(urls).size, urls.length, 'one row per address');
      assert.ok(sources.every((s) => s.title !== '' && s.publisher !== '' && s.provenance === 'seed'));
      const cited = new Map<string, number>();
      for (const l of links) cited.set(l.source_id, (cited.get(l.source_id) ?? 0) + 1);
      // A few pages were read and gave no agreement (they answer an open question): listed, uncited.
      assert.ok(cited.size > 300 && cited.size <= sources.length, `${cited.size} of ${sources.length} sources cited`);
    });

    test('要確認: the questions a ward file leaves open reach the record', async () => {
      const former = await db().selectFrom('agreements').select(['review_note', 'ended_on']).where('id', '=', agreementId('nakano/satomachi/2009-former')).executeTakeFirstOrThrow();
      assert.match(former.review_note, /富岡市・中野市/);
      assert.equal(former.ended_on, '2012-09-13');
      const open = await db().selectFrom('agreements').select('review_note').where('review_note', '!=', '').execute();
      assert.equal(open.length, 91);
    });

    test('a database made before sources were records gets the links of its seed agreements on the next start', async () => {
      const id = agreementId('suginami/nayoro/exchange');
      const before = await db().selectFrom('agreement_sources').selectAll().where('agreement_id', '=', id).orderBy('position').execute();
      await db().deleteFrom('agreement_sources').where('agreement_id', '=', id).execute();
      await seedRegistry(db());
      assert.deepEqual(await db().selectFrom('agreement_sources').selectAll().where('agreement_id', '=', id).orderBy('position').execute(), before);
    });

    test('a deleted or edited seed record is left alone by the next start, parties included', async () => {
      const deleted = agreementId('suginami/ojiya/disaster');
      const edited = agreementId('kita/sakata-kanra-nakanojo/friendship');
      const stamp = '2026-11-30T00:00:00.000Z';
      await db().updateTable('agreements').set({ deleted_at: stamp }).where('id', '=', deleted).execute();
      await db().updateTable('agreements').set({ title: '友好都市交流協定(編集済み)' }).where('id', '=', edited).execute();
      const lg = await loadResolver(db());
      await db().deleteFrom('agreement_partners').where('agreement_id', '=', edited).where('local_government_code', '=', lg.municipality('群馬県', '甘楽町')).execute();

      await seedRegistry(db());

      const row = await db().selectFrom('agreements').select(['deleted_at', 'title']).where('id', '=', deleted).executeTakeFirstOrThrow();
      assert.ok(row.deleted_at, 'still deleted');
      assert.equal((await db().selectFrom('agreements').select('title').where('id', '=', edited).executeTakeFirstOrThrow()).title, '友好都市交流協定(編集済み)');
      assert.equal((await db().selectFrom('agreement_partners').select('id').where('agreement_id', '=', edited).execute()).length, 2, 'the removed partner is not re-added');
      assert.equal(await count('agreements'), expectedCounts.agreements);
    });
  });
}
