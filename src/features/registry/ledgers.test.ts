import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { escapeHtml } from '@kitajs/html';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { bumpRevision } from '../../db/revisions.ts';
import { createPageContext } from '../../views/context.ts';
import { describeEachEngine } from '../../../test/helper.ts';
import { eraFiscalYearLabel, formatPartialDate as formatDateWithPrecision } from './shared/labels.tsx';
import { groupColumns, memberColumns } from './groups/exchange.ts';
import { parseGroupParam } from './groups/routes.ts';
import {
  ensureWideAreaGroups,
  insertTestCompanies,
  insertTestDisasters,
  insertTestGroup,
  insertTestPlan,
  insertTestRegion,
  testGroupId,
} from '../../../test/registry-fixtures.ts';
import { CompaniesPage } from './companies/views.tsx';
import { DisasterSupportPage } from './disasters/views.tsx';
import { PlanPage } from './plans/views.tsx';
import { RegionsPage } from './exchanges/views.tsx';
import { WideAreaPage } from './groups/views.tsx';

const ja = createPageContext('ja', '/collaboration');
const en = createPageContext('en', '/collaboration');
const empty = '登録されている記録はありません';

function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** The page's text, each tag read as a space (so that cells and items stay apart). */
function textOf(html: string): string {
  return decode(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
}

/** The page's text with tags simply removed (for runs of inline elements). */
function flatOf(html: string): string {
  return decode(html.replace(/<[^>]+>/g, ''));
}

/** A regular expression matching `text` exactly as the views escape it. */
function escapedRe(text: string, after = ''): RegExp {
  return new RegExp(escapeHtml(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + after);
}

test('every ledger page reads well when nothing is registered', async () => {
  for (const page of [
    WideAreaPage({ ctx: ja, groups: [] }),
    RegionsPage({ ctx: ja, exchanges: [], prefectureNames: new Map() }),
    CompaniesPage({ ctx: ja, companies: [] }),
    DisasterSupportPage({ ctx: ja, disasters: [] }),
    PlanPage({ ctx: ja, items: [] }),
  ]) {
    const html = await page;
    assert.match(html, new RegExp(empty));
    assert.match(html, /<a href="\/collaboration">連携の状況<\/a>/, 'breadcrumb トップ > 連携の状況 > …');
    assert.doesNotMatch(html, /<table/, 'no empty table');
  }
  assert.match(await RegionsPage({ ctx: en, exchanges: [], prefectureNames: new Map() }), /No records have been registered/);
});

test('dates with their precision', () => {
  assert.equal(formatDateWithPrecision(ja, '2016-04-26', 'day'), '2016年(平成28年)4月26日');
  assert.equal(formatDateWithPrecision(ja, '2020-02-01', 'month'), '2020年(令和2年)2月');
  assert.equal(formatDateWithPrecision(ja, '2019-04-01', 'month'), '2019年(平成31年)4月');
  assert.equal(formatDateWithPrecision(ja, '2019-05-01', 'month'), '2019年(令和元年)5月');
  assert.equal(formatDateWithPrecision(ja, '2018-01-01', 'year'), '2018年(平成30年)');
  assert.equal(formatDateWithPrecision(ja, '2019-01-01', 'year'), '2019年(平成31年・令和元年)');
  assert.equal(formatDateWithPrecision(ja, null, 'day'), '不明');
  assert.equal(formatDateWithPrecision(en, '2020-02-01', 'month'), 'February 2020');
  assert.equal(formatDateWithPrecision(en, '2020-01-01', 'year'), '2020');
  assert.equal(formatDateWithPrecision(en, null, 'month'), 'Unknown');
  assert.equal(eraFiscalYearLabel(2019), '令和元年度');
  assert.equal(eraFiscalYearLabel(2022), '令和4年度');
});

test('a group parameter names a page or one of its files', () => {
  assert.deepEqual(parseGroupParam('kyoto-shichokai'), { id: 'kyoto-shichokai', format: null });
  assert.deepEqual(parseGroupParam('kyoto-shichokai.csv'), { id: 'kyoto-shichokai', format: 'csv' });
  assert.deepEqual(parseGroupParam('kyoto-shichokai.xlsx'), { id: 'kyoto-shichokai', format: 'xlsx' });
  assert.deepEqual(parseGroupParam('kyoto.pdf'), { id: 'kyoto.pdf', format: null });
});

function parseCsv(body: string): string[][] {
  return parse(body, { bom: true }) as string[][];
}

async function readXlsx(payload: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  assert.ok(sheet, 'the workbook has a sheet');
  return sheet;
}

describeEachEngine('ledger pages', (current) => {
  const db = (): Kysely<Database> => current().database.handle.db;
  const get = (url: string, headers: Record<string, string> = {}) => current().app.inject({ method: 'GET', url, headers });

  test('広域連携: the 13 groups, 9 prefectures and the derived 372, with the explanations', async () => {
    await ensureWideAreaGroups(db());
    const res = await get('/collaboration/wide-area');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /text\/html/);
    const text = textOf(res.body);
    assert.match(text, /13団体・9道府県/);
    assert.match(text, /構成自治体は合わせて372自治体/);
    assert.match(res.body, /<th scope="row" colspan="5">合計（重複を除く）<\/th><td>372<\/td><td>372<\/td>/);
    assert.match(text, /トップ 連携の状況 広域連携/, 'breadcrumbs');
    assert.match(res.body, /aria-current="page">連携の状況</, 'the collaboration section is current in the menu');
    // Each group with its kind, date, renewal and derived count beside the published one.
    const row = (id: string) => new RegExp(`<a href="/collaboration/wide-area/${id}">[\\s\\S]*?</tr>`).exec(res.body)?.[0] ?? '';
    const kyoto = textOf(row('kyoto-shichokai'));
    assert.match(kyoto, /京都府市長会/);
    assert.match(kyoto, /京都府 市長会 2016年\(平成28年\)4月26日 1年ごとの自動更新 15 15/);
    assert.match(textOf(row('hokkaido-chosonkai')), /北海道 町村会 .* 144 144/);
    assert.match(textOf(row('yamanashi-chosonkai')), /2019年\(令和元年\)10月26日/);
    assert.match(row('gunma-shichokai'), /href="https:\/\/www\.jomo-news\.co\.jp\/news\/gunma\/politics\/46329" rel="noopener noreferrer">出典</);
    const groupLinks = [...res.body.matchAll(/<th scope="row"><a href="\/collaboration\/wide-area\/([a-z0-9-]+)">/g)].map((m) => m[1]);
    assert.ok(groupLinks.length >= 13);
    assert.equal(groupLinks[0], 'hokkaido-chosonkai', 'in sort_order');
    // The word 地域, and why the counts are derived.
    assert.match(text, /「地域」は協定を結んだ団体（市長会・町村会）のこと/);
    assert.match(text, /京都府市長会の行には「26」とありますが、京都府市長会の構成市は15市です。26は京都府の15市と11町村を合わせた数です/);
    assert.match(res.body, /href="\/collaboration\/wide-area\.csv"/);
    assert.match(res.body, /href="\/collaboration\/wide-area\.xlsx"/);
  });

  test('広域連携 in English', async () => {
    const res = await get('/collaboration/wide-area', { cookie: 'lang=en' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<html lang="en">/);
    assert.match(res.body, /<h1 class="rk-heading-1">Wide-area agreements<\/h1>/);
    assert.match(res.body, /13 associations in 9 prefectures/);
    assert.match(res.body, /Renewed every year/);
  });

  test('a group page lists its members by reading, each linking to its municipality', async () => {
    const res = await get('/collaboration/wide-area/kyoto-shichokai');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1 class="rk-heading-1"><span>京都府市長会<\/span>/);
    assert.match(textOf(res.body), /トップ 連携の状況 広域連携 京都府市長会/);
    const members = [...res.body.matchAll(/<td><a href="\/municipalities\/(\d{6})">([^<]+)<\/a><span class="rk-kana">（([^）]+)）<\/span><\/td>/g)];
    assert.equal(members.length, 15);
    assert.ok(members.every((m) => m[1]!.startsWith('26') && m[2]!.endsWith('市')));
    assert.ok(members.some((m) => m[2] === '京都市'), 'the designated city is a member');
    const kana = members.map((m) => m[3]!);
    assert.deepEqual(kana, [...kana].sort(new Intl.Collator('ja').compare), 'in 五十音 order');
    assert.match(textOf(res.body), /京都府の市（自治体マスタから導出）：15自治体/);
    assert.match(res.body, /例外の記録はありません/);
    assert.match(res.body, /<a href="http:\/\/collabo\.tokyo-23city\.or\.jp\/renkei\/archive\/2016\/zenkoku_symposium_2016\.html" rel="noopener noreferrer">出典（collabo\.tokyo-23city\.or\.jp）<\/a>/);
    assert.match(res.body, /href="\/collaboration\/wide-area\/kyoto-shichokai\.csv"/);
  });

  test('an unknown group answers a Japanese 404 page, for the page and its files', async () => {
    for (const url of [
      '/collaboration/wide-area/no-such-group',
      '/collaboration/wide-area/no-such-group.csv',
      '/collaboration/wide-area/no-such-group.xlsx',
      '/collaboration/wide-area/' + encodeURIComponent('<script>alert(1)</script>'),
      '/collaboration/wide-area/' + 'a'.repeat(60),
    ]) {
      const res = await get(url);
      assert.equal(res.statusCode, 404, url);
      assert.match(res.headers['content-type'] as string, /text\/html/, url);
      assert.match(res.body, /ページが見つかりません/, url);
      assert.match(res.body, /お探しの広域連携協定の締結団体は登録されていません/, url);
      assert.doesNotMatch(res.body, /<script>alert/, url);
    }
  });

  test('the groups as CSV: BOM, CRLF, header, one row per group, codes as text', async () => {
    const res = await get('/collaboration/wide-area.csv');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^text\/csv; charset=utf-8/);
    assert.match(res.headers['content-disposition'] as string, /attachment; filename="wide-area-groups\.csv"/);
    assert.ok(res.body.startsWith('\uFEFF'), 'starts with a BOM');
    assert.ok(res.body.includes('\r\n') && !/[^\r]\n/.test(res.body), 'CRLF line ends only');
    const [header, ...rows] = parseCsv(res.body);
    assert.deepEqual(header, groupColumns.map((c) => c.header));
    const col = (name: string) => header!.indexOf(name);
    const kyoto = rows.find((r) => r[col('ID')] === 'kyoto-shichokai');
    assert.ok(kyoto);
    assert.equal(kyoto[col('団体名')], '京都府市長会');
    assert.equal(kyoto[col('都道府県コード')], '26');
    assert.equal(kyoto[col('区分')], '市長会');
    assert.equal(kyoto[col('協定締結日')], '2016-04-26');
    assert.equal(kyoto[col('締結年度')], '2016');
    assert.equal(kyoto[col('構成自治体数（自治体マスタから導出）')], '15');
    assert.equal(kyoto[col('構成自治体数（公表値）')], '15');
    const hokkaido = rows.find((r) => r[col('ID')] === 'hokkaido-chosonkai');
    assert.equal(hokkaido?.[col('都道府県コード')], '01', 'the leading zero is kept');
    const chiba = rows.find((r) => r[col('ID')] === 'chiba-shichokai');
    assert.equal(chiba?.[col('締結年度')], '2019');
    const real = rows.filter((r) => !r[col('ID')]!.startsWith('ledgers-test-'));
    assert.equal(real.length, 13);
    assert.equal(
      real.reduce((s, r) => s + Number(r[col('構成自治体数（自治体マスタから導出）')]), 0),
      372,
    );
  });

  test('the groups as XLSX: the prefecture code stays text', async () => {
    const res = await get('/collaboration/wide-area.xlsx');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /spreadsheetml/);
    const sheet = await readXlsx(res.rawPayload);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    assert.deepEqual(header, groupColumns.map((c) => c.header));
    const prefCol = groupColumns.findIndex((c) => c.key === 'prefectureCode') + 1;
    const derivedCol = groupColumns.findIndex((c) => c.key === 'derivedMemberCount') + 1;
    const hokkaido = sheet.getRow(2);
    assert.equal(hokkaido.getCell(1).value, 'hokkaido-chosonkai');
    assert.equal(hokkaido.getCell(prefCol).value, '01');
    assert.equal(hokkaido.getCell(prefCol).numFmt, '@');
    assert.equal(hokkaido.getCell(derivedCol).value, 144, 'counts stay numbers');
  });

  test('a group’s members as CSV and XLSX: 6-digit codes as text', async () => {
    const csv = await get('/collaboration/wide-area/hokkaido-chosonkai.csv');
    assert.equal(csv.statusCode, 200);
    assert.ok(csv.body.startsWith('\uFEFF'));
    const [header, ...rows] = parseCsv(csv.body);
    assert.deepEqual(header, memberColumns.map((c) => c.header));
    assert.equal(rows.length, 144);
    assert.ok(rows.every((r) => /^01\d{4}$/.test(r[0]!) && (r[3] === '町' || r[3] === '村') && r[4] === 'hokkaido-chosonkai'));
    const xlsx = await get('/collaboration/wide-area/kyoto-chosonkai.xlsx');
    assert.equal(xlsx.statusCode, 200);
    assert.match(xlsx.headers['content-disposition'] as string, /filename="wide-area-kyoto-chosonkai\.xlsx"/);
    const sheet = await readXlsx(xlsx.rawPayload);
    assert.equal(sheet.rowCount, 1 + 11);
    const code = sheet.getRow(2).getCell(1);
    assert.equal(typeof code.value, 'string');
    assert.match(String(code.value), /^26\d{4}$/);
    assert.equal(code.numFmt, '@');
  });

  test('a sample group: badge, escaping, month precision, exceptions with notes, then deleted', async () => {
    await insertTestGroup(db());
    const list = await get('/collaboration/wide-area');
    assert.doesNotMatch(list.body, /<script>alert/);
    assert.match(list.body, escapedRe('テスト<script>alert(1)</script>市長会', '</a><span class="rk-badge">サンプル</span>'));
    assert.match(list.body, /2020年\(令和2年\)2月/);
    assert.doesNotMatch(list.body, /href="javascript:/, 'a non-http source never becomes a link');
    assert.match(list.body, /出典：<span>javascript:alert\(1\)<\/span>/);
    assert.match(list.body, /「サンプル」の印がある記録は/);

    const page = await get(`/collaboration/wide-area/${testGroupId}`);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /<script>alert|<i>規則外/);
    const codes = [...page.body.matchAll(/<td class="rk-table__code">(\d{6})<\/td>/g)].map((m) => m[1]);
    // 沖縄県's 11 cities, minus 那覇市 (removed), plus 与那国町 (added).
    assert.equal(codes.length, 11);
    assert.ok(codes.includes('473821') && !codes.includes('472018'));
    assert.match(flatOf(page.body), /与那国町（よなぐにちょう）規則外で加入：<i>規則外<\/i>で加入（テスト）/);
    assert.match(page.body, escapedRe('：<i>規則外</i>で加入（テスト）'));
    assert.match(flatOf(page.body), /那覇市（なはし）規則に当てはまるが不参加：不参加（テスト）/);
    assert.match(page.body, /<a href="\/municipalities\/472018">那覇市<\/a>/);

    await db().updateTable('wide_area_groups').set({ deleted_at: new Date().toISOString() }).where('id', '=', testGroupId).execute();
    await bumpRevision(db(), 'registry');
    assert.equal((await get(`/collaboration/wide-area/${testGroupId}`)).statusCode, 404, 'a deleted group is gone');
    assert.doesNotMatch((await get('/collaboration/wide-area')).body, /テスト&lt;script/);
  });

  test('地域別の交流: region ↔ ward, start 年度, council, activities, members with links, source', async () => {
    await insertTestRegion(db());
    const res = await get('/collaboration/regions');
    assert.equal(res.statusCode, 200);
    assert.match(textOf(res.body), /トップ 連携の状況 地域別の交流/);
    assert.doesNotMatch(res.body, /<b>テスト地域/);
    assert.match(res.body, escapedRe('<b>テスト地域</b> ↔ 荒川区', '</span><span class="rk-badge">サンプル</span>'));
    assert.match(res.body, /<a href="\/wards\/131181">荒川区<\/a>/);
    assert.match(res.body, /2015年度\(平成27年度\)/);
    assert.match(res.body, /テスト交流推進協議会/);
    assert.match(res.body, /<li>ふれあい祭り<\/li><li>子ども向けツアー<\/li>/);
    // Members in 五十音 order: 厚岸町 (あっけしちょう) before 釧路市 (くしろし).
    assert.match(res.body, /構成市町村（2）[\s\S]*?href="\/municipalities\/016624">厚岸町<\/a>[\s\S]*?href="\/municipalities\/012068">釧路市<\/a>/);
    assert.match(res.body, /<a href="https:\/\/example\.jp\/regions\/kushiro" rel="noopener noreferrer">出典（example\.jp）<\/a>/);
    assert.doesNotMatch(res.body, new RegExp(empty));
  });

  test('企業との連携: by date signed, former name, activities, source', async () => {
    await insertTestCompanies(db());
    const res = await get('/collaboration/companies');
    assert.equal(res.statusCode, 200);
    const a = res.body.indexOf('テスト生命保険株式会社');
    const b = res.body.indexOf('テスト損害保険株式会社');
    assert.ok(a > 0 && b > a, 'the 2018 agreement comes before the 2019 one');
    assert.match(res.body, /（旧：テスト旧社名株式会社）/);
    assert.match(res.body, /<td>2019年\(令和元年\)5月<\/td>/, 'month precision');
    assert.match(res.body, /2018年\(平成30年\)8月23日/);
    assert.match(res.body, new RegExp('<li>ドローンを活用した防災</li><li>' + escapedRe('美術館を活用した<em>芸術教育</em>').source + '</li>'));
    assert.match(res.body, /href="https:\/\/example\.jp\/company" rel="noopener noreferrer">出典</);
    assert.match(res.body, /<details><summary>備考<\/summary><ul><li>テスト備考<\/li><li>二行目<\/li><\/ul><\/details>/, 'notes folded, one line each');
    assert.match(res.body, /<span class="rk-badge">サンプル<\/span>/);
  });

  test('被災地支援: totals in yen, staff as the latest cumulative figure with its date', async () => {
    // Only this test's disasters count towards the totals asserted here.
    await db().updateTable('disasters').set({ deleted_at: new Date().toISOString() }).where('id', 'not like', 'ledgers-test-%').execute();
    await bumpRevision(db(), 'registry');
    await insertTestDisasters(db());
    const res = await get('/collaboration/disaster-support');
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    assert.match(text, /トップ 連携の状況 被災地支援/);
    assert.match(text, /復興支援金の合計 11億1,300万円/);
    assert.match(text, /見舞金の合計 100万円/);
    // 7,201 (the latest of 7,174 and 7,201) + 30 (the 1 of a later date is not a running total).
    assert.match(
      text,
      /派遣した職員（災害ごとの最新の累計の合計） 7,231 人 2020年\(令和2年\)4月1日～2023年\(令和5年\)10月1日の各時点/,
    );
    assert.doesNotMatch(text, /14,375|14,405|7,202/, 'snapshots are never added up');
    assert.match(text, /テスト大震災<script> 7,201人 2023年\(令和5年\)10月1日 /);
    assert.match(text, /テスト台風 30人 2020年\(令和2年\)4月1日 これより後の日付に、これより小さい人数の記録があります/);
    assert.doesNotMatch(res.body, /テスト大震災<script>/);
    // The ledger: in order of occurrence, date with precision and as printed, lines by kind.
    assert.ok(res.body.indexOf('テスト大震災') < res.body.indexOf('テスト台風'));
    const flat = flatOf(res.body);
    assert.match(flat, /2019年\(令和元年\)9月（資料の表記：9月）/);
    assert.match(flat, /復興支援金：10億円（岩手県／宮城県／福島県）23区共同/);
    assert.match(flat, /職員派遣：7,174人（2021年\(令和3年\)10月1日現在）/);
    assert.match(flat, /職員派遣：7,201人（2023年\(令和5年\)10月1日現在）/);
    assert.match(flat, /物資：主食類 289,164食、飲料水 104,451ℓ/);
    assert.match(flat, /見舞金：100万円（東京都島しょ部）/);
    assert.match(flat, /復興支援金：1億1,300万円/);
    assert.match(flat, /職員派遣：人数の記録なし/);
    assert.match(res.body, /href="https:\/\/example\.jp\/shien" rel="noopener noreferrer">出典</);
  });

  test('被災地支援 in English', async () => {
    const res = await get('/collaboration/disaster-support', { cookie: 'lang=en' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /¥1,113,000,000/);
    assert.match(res.body, /7,201 \(as of 1 October 2023\)/);
    assert.match(res.body, /<span class="rk-figures__value">7,231<\/span>/);
  });

  test('事業計画と進捗: items × 年度 with status words, and the period', async () => {
    await insertTestPlan(db());
    const res = await get('/collaboration/plan');
    assert.equal(res.statusCode, 200);
    assert.match(flatOf(res.body), /計画期間：令和元年度～令和4年度/);
    for (const fy of ['2019年度(令和元年度)', '2020年度(令和2年度)', '2021年度(令和3年度)', '2022年度(令和4年度)']) {
      assert.ok(res.body.includes(`<th scope="col">${fy}</th>`), fy);
    }
    const first = res.body.indexOf('91 テスト項目甲');
    const second = res.body.indexOf(escapeHtml('92 テスト項目<乙>'));
    assert.ok(first > 0 && second > first, 'by number');
    assert.match(res.body, /<span class="rk-badge">完了<\/span><ul><li>十勝・山城地域計画<\/li><\/ul>/);
    assert.match(res.body, /<span class="rk-badge">実施中<\/span>/);
    assert.match(res.body, /<span class="rk-badge">未着手<\/span>/);
    assert.match(res.body, /<td class="rk-muted">記録なし<\/td>/, 'an empty cell says so, not blank');
  });
});
