import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { buildApp } from '../../../app.ts';
import { fiscalYearOf } from '../../../domain/fiscal-year.ts';
import { formatIsoDate } from '../../../domain/japanese-date.ts';
import { prefectureLocalGovCode } from '../../../domain/local-gov-code.ts';
import { wardPartnerPairsOn } from '../../../domain/collaboration-figures.ts';
import { PUBLISHED_AS_OF, wideAreaGroups } from '../../../domain/wide-area-groups.ts';
import { bumpRevision } from '../../../db/revisions.ts';
import { registryModel } from '../model/index.ts';
import { computeFigures, figuresInputOf } from './load.ts';
import type { Database } from '../../../db/schema.ts';
import { buildTestApp, createTestDatabase, describeEachEngine, testConfig, type TestApp } from '../../../../test/helper.ts';
import { geoFile } from '../../../../test/geo-fixtures.ts';

const boundaryFile = geoFile('prefectures.topo.json');
const CHIYODA = '131016';

/** The 13 groups and the published 372, inserted only when the seed does not provide them yet. */
async function ensureGroupsAndPublished(db: Kysely<Database>): Promise<void> {
  const now = new Date().toISOString();
  const groups = await db.selectFrom('wide_area_groups').select('id').execute();
  if (groups.length === 0) {
    await db
      .insertInto('wide_area_groups')
      .values(
        wideAreaGroups.map((g, i) => ({
          id: g.id,
          name: g.nameJa,
          prefecture_code: g.prefectureCode,
          kind: g.kind,
          signed_on: g.signedOn,
          published_member_count: g.publishedMemberCount,
          sort_order: i,
          source_url: g.sourceUrl ?? null,
          provenance: 'seed' as const,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        })),
      )
      .execute();
  }
  const published = await db.selectFrom('published_figures').select('id').where('metric', '=', 'wide_area_members').where('as_of', '=', PUBLISHED_AS_OF).execute();
  if (published.length === 0) {
    await db
      .insertInto('published_figures')
      .values({
        id: 'test-published-372',
        metric: 'wide_area_members',
        label: '特別区長会との協定締結自治体数',
        value: 372,
        as_of: PUBLISHED_AS_OF,
        source_title: '特別区全国連携プロジェクト パンフレット（特別区長会調べ）',
        source_url: null,
        provenance: 'seed',
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .execute();
  }
  await bumpRevision(db, 'registry');
}

/** The number in a headline card, e.g. 1,096 → 1096. */
function headline(html: string, metric: string): number {
  const m = new RegExp(`id="figure-${metric}"[\\s\\S]*?class="rk-figures__value">([\\d,]+)<`).exec(html);
  assert.ok(m, `headline ${metric} not found`);
  return Number(m[1]!.replace(/,/g, ''));
}

function comparisonRows(html: string, metric: string): string[] {
  return [...html.matchAll(new RegExp(`<tr data-metric="${metric}">([\\s\\S]*?)</tr>`, 'g'))].map((m) => m[1]!);
}

describeEachEngine('連携の状況 /collaboration', (current) => {
  const today = formatIsoDate(new Date());
  before(async () => {
    await ensureGroupsAndPublished(current().database.handle.db);
  });

  test('the 372 is computed from the 13 groups derived from the master data, and shown as the same as the published 372', async () => {
    const { app } = current();
    const res = await app.inject({ url: `/collaboration?asOf=${PUBLISHED_AS_OF}` });
    assert.equal(res.statusCode, 200);
    assert.equal(headline(res.body, 'wide_area_members'), 372);
    assert.match(res.body, /（13団体）/);
    // The kept sections are in the page, whole, and no marker of where they go is left.
    assert.ok(!res.body.includes('\uE000'));
    assert.equal(Buffer.byteLength(res.body), Number(res.headers['content-length']));
    for (const id of ['trend-title', 'projects-title', 'map-title']) assert.equal(res.body.split(`id="${id}"`).length, 2, id);
    const rows = comparisonRows(res.body, 'wide_area_members');
    const pamphlet = rows.find((r) => r.includes('2022年(令和4年)3月1日'));
    assert.ok(pamphlet, 'the pamphlet’s 372 is listed with its date');
    assert.match(pamphlet, /372/);
    assert.match(pamphlet, /公表値と同じです/);
    // The groups are counted, not typed in: each group's derived members are in the load.
    const model = await registryModel(current().database.handle.db);
    const input = figuresInputOf(model);
    assert.equal(input.groups.length, 13);
    assert.equal(input.groups.reduce((n, g) => n + g.members.length, 0), 372);
  });

  test('the published 832 is compared with what the sourced records give, both ways of counting, and why they fall short', async () => {
    const res = await current().app.inject({ url: `/collaboration?asOf=${PUBLISHED_AS_OF}` });
    const pamphlet = comparisonRows(res.body, 'ward_partners').find((r) => r.includes('832'));
    assert.ok(pamphlet, 'the pamphlet’s 832 is listed');
    const model = await registryModel(current().database.handle.db);
    const distinct = computeFigures(model, PUBLISHED_AS_OF).wardPartners;
    const pairs = wardPartnerPairsOn(figuresInputOf(model), PUBLISHED_AS_OF);
    assert.ok(pairs >= distinct && distinct < 832);
    assert.match(pamphlet, new RegExp(`重複を除いて${distinct.toLocaleString('ja-JP')}、区ごとに数えて足し合わせると${pairs.toLocaleString('ja-JP')}`));
    assert.match(pamphlet, /名前までは分からない協定先の数/);
  });

  test('the union counts a municipality in several categories once; prefectures, group partners, deleted and ended agreements are not ward partners', async () => {
    const { app, database } = current();
    const db = database.handle.db;
    const model = await registryModel(db);
    const input = figuresInputOf(model);
    const base = computeFigures(model, today);
    // A: a town of the 北海道町村会 (already a wide-area member); B, C, D: municipalities in no category yet.
    const hokkaido = input.groups.find((g) => g.id === 'hokkaido-chosonkai')!;
    const a = hokkaido.members.find((code) => !base.byCategoryCodes.wardPartners.has(code) && !base.byCategoryCodes.registeredMembers.has(code))!;
    const free = [...input.municipalityCodes].filter((code) => !base.byCategoryCodes.union.has(code)).sort();
    const [b, c, d, e] = [free[0]!, free[1]!, free[2]!, free[3]!];
    const now = new Date().toISOString();
    const record = { source_url: null, provenance: 'sample' as const, created_at: now, updated_at: now };
    await db
      .insertInto('agreements')
      .values([
        { id: 'test-live', type_id: 'exchange', title: '【サンプル】交流協定', signed_on: '2020-04-01', ended_on: null, ...record, deleted_at: null },
        { id: 'test-deleted', type_id: 'exchange', title: '【サンプル】削除した協定', signed_on: '2020-04-01', ended_on: null, ...record, deleted_at: now },
        { id: 'test-ended', type_id: 'exchange', title: '【サンプル】終了した協定', signed_on: '2010-04-01', ended_on: '2015-04-01', ...record, deleted_at: null },
      ])
      .execute();
    await db
      .insertInto('agreement_wards')
      .values([
        { agreement_id: 'test-live', ward_code: CHIYODA },
        { agreement_id: 'test-deleted', ward_code: CHIYODA },
        { agreement_id: 'test-ended', ward_code: CHIYODA },
      ])
      .execute();
    await db
      .insertInto('agreement_partners')
      .values([
        { id: 'test-p1', agreement_id: 'test-live', local_government_code: a, group_id: null },
        { id: 'test-p2', agreement_id: 'test-live', local_government_code: b, group_id: null },
        { id: 'test-p3', agreement_id: 'test-live', local_government_code: prefectureLocalGovCode('39'), group_id: null },
        { id: 'test-p4', agreement_id: 'test-live', local_government_code: null, group_id: 'hokkaido-chosonkai' },
        { id: 'test-p5', agreement_id: 'test-deleted', local_government_code: d, group_id: null },
        { id: 'test-p6', agreement_id: 'test-ended', local_government_code: e, group_id: null },
      ])
      .execute();
    await db
      .insertInto('registered_members')
      .values([
        { local_government_code: b, joined_on: '2021-06-01', source: 'manual', note: '【サンプル】' },
        { local_government_code: c, joined_on: '2021-06-01', source: 'manual', note: '【サンプル】' },
      ])
      .execute();
    await bumpRevision(db, 'registry');

    const res = await app.inject({ url: `/collaboration?asOf=${today}` });
    assert.equal(res.statusCode, 200);
    assert.equal(headline(res.body, 'ward_partners'), base.wardPartners + 2, 'A and B (not the prefecture, the group, D or E)');
    assert.equal(headline(res.body, 'registered_members'), base.registeredMembers + 2, 'B and C');
    assert.equal(headline(res.body, 'wide_area_members'), base.wideAreaMembers, 'A was already a member through its group');
    // A was already in the union (through its group); B is in two categories: + B + C only.
    assert.equal(headline(res.body, 'union'), base.union + 2);

    // Before the agreement was signed and the members joined, none of them counts.
    const earlier = await app.inject({ url: '/collaboration?asOf=2019-12-31' });
    const then = computeFigures(model, '2019-12-31');
    assert.equal(headline(earlier.body, 'ward_partners'), then.wardPartners);
    assert.equal(headline(earlier.body, 'union'), then.union);
    // E's agreement (2010-04-01 until 2015-04-01, exclusive) still held on 2015-03-31, and only then.
    const fy2014 = await app.inject({ url: '/collaboration?asOf=2015-03-31' });
    const base2015 = computeFigures(model, '2015-03-31');
    assert.equal(headline(fy2014.body, 'ward_partners'), base2015.wardPartners + (base2015.byCategoryCodes.wardPartners.has(e) ? 0 : 1));
  });

  test('the map colours every prefecture and links each to its list of municipalities', async () => {
    const { app } = current();
    const res = await app.inject({ url: '/collaboration' });
    assert.equal(res.statusCode, 200);
    const tileLinks = [...res.body.matchAll(/<a href="\/municipalities\?pref=(\d{2})" aria-label="([^"]+)" class="rk-map__link">/g)];
    assert.equal(tileLinks.length, 47);
    assert.ok(tileLinks.some((m) => m[1] === '13' && m[2]!.startsWith('東京都：')));
    assert.doesNotMatch(res.body, /国土数値情報/, 'no credit without a boundary file');
    assert.match(res.body, /凡例/);
    // The map's link target lists that prefecture's municipalities.
    const list = await app.inject({ url: '/municipalities?pref=01' });
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<td>北海道<\/td>/);
    assert.ok(!list.body.includes('<td>東京都</td>'), 'only that prefecture is listed');
  });

  test('trend and project charts are SVG images with a title, a description and a data table', async () => {
    const { app } = current();
    const res = await app.inject({ url: '/collaboration' });
    for (const id of ['chart-trend', 'chart-projects', 'chart-fields']) {
      assert.match(res.body, new RegExp(`role="img" aria-labelledby="${id}-title ${id}-desc"`));
      assert.match(res.body, new RegExp(`<table class="rk-table rk-chart__table" id="${id}-table">`));
    }
    const currentFy = fiscalYearOf(today);
    assert.match(res.body, /2014年度\(平成26年度\)/);
    assert.ok(res.body.includes(`${currentFy}年度(`), 'the trend reaches the current 年度');
    assert.doesNotMatch(res.body, /\sstyle="/, 'no inline style attribute (CSP)');
    for (const href of ['/collaboration/wide-area', '/collaboration/regions', '/collaboration/companies', '/collaboration/disaster-support', '/collaboration/plan', '/projects', '/agreements', '/wards']) {
      assert.ok(res.body.includes(`href="${href}"`), href);
    }
  });

  test('a fiscal year selects the figures at its end', async () => {
    const { app } = current();
    const res = await app.inject({ url: '/collaboration?fy=2021' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /2021年度\(令和3年度\)末（2022年\(令和4年\)3月31日）現在/);
    const model = await registryModel(current().database.handle.db);
    assert.equal(headline(res.body, 'union'), computeFigures(model, '2022-03-31').union);
    assert.match((await app.inject({ url: '/collaboration?fy=令和3年度' })).body, /2021年度\(令和3年度\)末/);
  });

  test('a bad date or fiscal year answers 400 on the same page with a Japanese error and the input kept', async () => {
    const { app } = current();
    const cases: Array<[string, RegExp, string]> = [
      ['asOf=2022-02-30', /その日付は存在しません/, 'value="2022-02-30"'],
      ['asOf=yesterday', /年-月-日の形で入力してください/, 'value="yesterday"'],
      ['asOf=2999-01-01', /今日より後の日付は指定できません/, 'value="2999-01-01"'],
      ['asOf=1900-01-01', /1950年1月1日以降/, 'value="1900-01-01"'],
      ['fy=1999', /年度は2014年度から/, ''],
      ['asOf=2022-03-01&fy=2021', /どちらか一方だけ/, 'value="2022-03-01"'],
    ];
    for (const [query, message, kept] of cases) {
      const res = await app.inject({ url: `/collaboration?${query}` });
      assert.equal(res.statusCode, 400, query);
      assert.match(res.body, message, query);
      assert.match(res.body, /<title>エラー：連携の状況/, query);
      assert.match(res.body, /rk-error-summary/, query);
      if (kept) assert.ok(res.body.includes(kept), `${query}: input kept`);
    }
    // Full-width digits and slashes are what people type: accepted.
    assert.equal((await app.inject({ url: `/collaboration?asOf=${encodeURIComponent('２０２２/３/１')}` })).statusCode, 200);
  });

  test('the figures export as CSV (BOM, CRLF) with the trend per 年度 and the published figures with date and source', async () => {
    const { app } = current();
    const res = await app.inject({ url: '/collaboration/figures.csv' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv/);
    assert.match(String(res.headers['content-disposition']), /attachment; filename="renkei-figures-\d{4}-\d{2}-\d{2}\.csv"/);
    assert.ok(res.body.startsWith('\uFEFF'));
    assert.ok(res.body.includes('\r\n'));
    const rows = parse(res.body, { bom: true, columns: true }) as Array<Record<string, string>>;
    const computed = rows.filter((r) => r['区分'] === '登録簿から集計(年度末現在)');
    assert.deepEqual(
      computed.map((r) => Number(r['年度'])),
      Array.from({ length: fiscalYearOf(today) - 2014 + 1 }, (_, i) => 2014 + i),
    );
    const fy2021 = computed.find((r) => r['年度'] === '2021')!;
    assert.equal(fy2021['時点'], '2022-03-31');
    assert.equal(fy2021['広域連携協定締結自治体数'], '372');
    assert.equal(fy2021['広域連携協定締結団体数'], '13');
    const model = await registryModel(current().database.handle.db);
    assert.equal(Number(fy2021['東京23区と連携・交流している総自治体数']), computeFigures(model, '2022-03-31').union);
    const published = rows.filter((r) => r['区分'] === '公表値');
    const p372 = published.find((r) => r['時点'] === PUBLISHED_AS_OF && r['広域連携協定締結自治体数'] === '372');
    assert.ok(p372, 'the published 372 with its date');
    assert.equal(p372['公表値'], '372');
    assert.ok(p372['出典']!.length > 0, 'with its source');
  });

  test('the figures export as XLSX with the same rows', async () => {
    const { app } = current();
    const [csv, xlsx] = await Promise.all([app.inject({ url: '/collaboration/figures.csv' }), app.inject({ url: '/collaboration/figures.xlsx' })]);
    assert.equal(xlsx.statusCode, 200);
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const csvRows = parse(csv.body, { bom: true }) as string[][];
    assert.equal(sheet.rowCount, csvRows.length);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    assert.deepEqual(header, csvRows[0]);
    const fyColumn = csvRows[0]!.indexOf('年度') + 1;
    const wideColumn = csvRows[0]!.indexOf('広域連携協定締結自治体数') + 1;
    const row2021 = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(fyColumn).value === 2021 && r.getCell(1).value === '登録簿から集計(年度末現在)');
    assert.ok(row2021);
    assert.equal(row2021.getCell(wideColumn).value, 372);
  });
});

describe('連携の状況 with a boundary file (BOUNDARY_FILE)', () => {
  let testApp: TestApp | undefined;
  before(async () => {
    testApp = await buildTestApp('sqlite', { boundaryFile: { path: boundaryFile } });
  });
  after(async () => {
    await testApp?.app.close();
    await testApp?.database.drop();
  });

  test('draws the prefectures from the TopoJSON, each a link, with the data source’s credit', async () => {
    const res = await testApp!.app.inject({ url: '/collaboration' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /class="rk-map__svg rk-map__svg--geo"/);
    const shapes = [...res.body.matchAll(/<a href="\/municipalities\?pref=(\d{2})" aria-label="[^"]+" class="rk-map__link"><path d="M[\d ]+L/g)];
    assert.equal(shapes.length, 47, 'every prefecture matched by its N03_001 name');
    assert.match(res.body, /出典：国土交通省 国土数値情報（行政区域データ）を加工して作成/);
    assert.doesNotMatch(res.body, /<rect x="\d+" y="\d+" width="46"/, 'no tile grid');
  });

  test('a boundary file without prefecture names stops the start with the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'renkei-boundary-'));
    const file = join(dir, 'bad.topo.json');
    writeFileSync(file, JSON.stringify({ type: 'Topology', arcs: [[[0, 0], [1, 1], [1, 0], [0, 0]]], objects: { x: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]], properties: { name: 'x' } }] } } }));
    const database = await createTestDatabase('sqlite', { demoData: false });
    try {
      await assert.rejects(
        buildApp({ config: testConfig(database.config, { boundaryFile: { path: file } }), database: database.handle }),
        /no feature of object "x" has a prefecture name in N03_001/,
      );
      await assert.rejects(
        buildApp({ config: testConfig(database.config, { boundaryFile: { path: boundaryFile, object: 'municipalities' } }), database: database.handle }),
        /has no object "municipalities"/,
      );
    } finally {
      await database.drop();
    }
  });
});
