import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { agreementColumns, agreementExchangeRow } from '../agreements/exchange.ts';
import { projectColumns, projectExchangeRow } from '../projects/exchange.ts';
import { formatIsoDate } from '../../../domain/japanese-date.ts';
import { describeEachEngine } from '../../../../test/helper.ts';
import { emptyAgreementFilter } from '../agreements/filter.ts';
import { findAgreements } from '../agreements/queries.ts';
import { registryModel } from '../model/index.ts';
import { emptyProjectFilter } from '../projects/filter.ts';
import { findProjects } from '../projects/queries.ts';
import { pageOf } from '../shared/list-query.ts';
import { codes, formulaTexts, insertAgreement, insertAgreementFixtures, insertProject, insertProjectFixtures } from '../../../../test/registry-fixtures.ts';

const resultCount = (html: string) => /role="status">([^<]*)</.exec(html)?.[1] ?? '';
const titlesIn = (html: string, list: 'projects' | 'agreements') =>
  [...html.matchAll(new RegExp(`<a href="/${list}/[0-9a-f-]{36}">([^<]+)</a>`, 'g'))].map((m) => m[1]!);
const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

const P1 = 'ZQX試験 名寄ひまわり物産展';
const P2 = 'ZQX試験 川場村オンライン交流会';
const P3 = 'ZQX試験 全国連携パネル展';
const P4 = 'ZQX試験 高知県フェア';
const A1 = 'AGZ試験 杉並区と名寄市の交流自治体協定';
const A2 = 'AGZ試験 世田谷区と川場村の災害時相互援助協定';
const A3 = 'AGZ試験 広域連携の協定';
const A4 = 'AGZ試験 終了した防災協定';
const A5 = 'AGZ試験 期限付きの協定';

function parseCsv(body: string): string[][] {
  return parse(body, { bom: true }) as string[][];
}

describeEachEngine('registry lists: /projects and /agreements', (current) => {
  const get = (url: string, headers: Record<string, string> = {}) => current().app.inject({ method: 'GET', url, headers });
  let projectIds: Awaited<ReturnType<typeof insertProjectFixtures>>;
  let agreementIds: Awaited<ReturnType<typeof insertAgreementFixtures>>;

  before(async () => {
    const db = current().database.handle.db;
    projectIds = await insertProjectFixtures(db);
    agreementIds = await insertAgreementFixtures(db);
    for (let i = 1; i <= 55; i++) {
      await insertProject(db, { fiscalYear: 2020, title: `PGZ試験 ページ送り ${String(i).padStart(2, '0')}`, field: 3, wardCodes: [codes.chiyoda], startsOn: null });
    }
  });

  // ─── /projects ───

  test('the list shows the projects newest 年度 first, then by start date, undated last; deleted ones never', async () => {
    const res = await get('/projects?' + q({ q: 'ZQX試験' }));
    assert.equal(res.statusCode, 200);
    assert.deepEqual(titlesIn(res.body, 'projects'), [P1, P2, P3, P4]);
    assert.match(resultCount(res.body), /^4件中 1〜4件を表示/);
    assert.ok(!res.body.includes('削除済みの事業'));
    assert.match(res.body, /2024年度\(令和6年度\)/);
    assert.match(res.body, /<h1 class="rk-heading-1">連携事業一覧<\/h1>/);
  });

  test('each row shows organiser, partners, field, dates, format and a visible status mark', async () => {
    const res = await get('/projects?' + q({ q: 'ZQX試験' }));
    assert.match(res.body, /杉並区<\/td><td>名寄市（北海道）<\/td><td>産業振興<\/td><td>2024年\(令和6年\)10月30日〜2024年\(令和6年\)11月2日<\/td><td>対面<\/td>/);
    assert.match(res.body, /<td>23区共同<\/td><td>名寄市（北海道）、酒田市（山形県）<\/td>/);
    assert.match(res.body, /<td>千代田区、杉並区<\/td><td>高知県<\/td>/, 'a prefecture partner is its own name');
    assert.match(res.body, /<strong class="rk-badge">中止<\/strong>/);
    assert.match(res.body, /<strong class="rk-badge">延期<\/strong>/);
    assert.match(res.body, /<td>オンライン<\/td>/);
    assert.match(res.body, /<td>併用<\/td>/);
    assert.match(res.body, /<td>未定<\/td>/, 'no dates');
    assert.match(res.body, new RegExp(`${P1}</a><span class="rk-badge">サンプル</span>`));
    assert.match(res.body, new RegExp(`${P4}</a><span class="rk-badge">合成データ</span>`));
  });

  test('each project filter narrows the list', async () => {
    const cases: Array<[Record<string, string>, string[]]> = [
      [{ fy: '2024' }, [P1, P2]],
      [{ fy: '令和5年度' }, [P3, P4]],
      [{ ward: codes.suginami }, [P1, P4]],
      [{ ward: codes.setagaya }, [P2]],
      [{ pref: '01' }, [P1, P3]],
      [{ pref: '06' }, [P3]],
      [{ pref: '39' }, [P4]],
      [{ pref: '13' }, []],
      [{ field: '1' }, [P1, P4]],
      [{ status: '中止' }, [P2]],
      [{ status: '予定' }, [P4]],
      [{ organiser: 'joint' }, [P3]],
      [{ organiser: 'wards' }, [P1, P2, P4]],
      [{ fy: '2023', pref: '01' }, [P3]],
      [{ ward: codes.suginami, field: '1', fy: '2024' }, [P1]],
      [{ ward: codes.suginami, pref: '39', status: '予定' }, [P4]],
      [{ ward: codes.chiyoda, fy: '2024' }, []],
    ];
    for (const [params, expected] of cases) {
      const res = await get('/projects?' + q({ q: 'ZQX試験', ...params }));
      assert.equal(res.statusCode, 200, JSON.stringify(params));
      assert.deepEqual(titlesIn(res.body, 'projects'), expected, JSON.stringify(params));
    }
  });

  test('the keyword searches title and summary, every word, Latin letters in any case', async () => {
    assert.deepEqual(titlesIn((await get('/projects?' + q({ q: 'zqx試験 特産品' }))).body, 'projects'), [P1], 'summary');
    assert.deepEqual(titlesIn((await get('/projects?' + q({ q: 'ＺＱＸ試験　パネル' }))).body, 'projects'), [P3], 'full-width input');
    const none = await get('/projects?' + q({ q: 'ZQX試験 %' }));
    assert.match(resultCount(none.body), /条件に合う連携事業はありません/);
  });

  test('the form keeps the chosen filters, and the 年度 select lists the 年度 present', async () => {
    const res = await get('/projects?' + q({ q: 'ZQX試験', fy: '2023', ward: codes.suginami, status: '予定' }));
    assert.match(res.body, /<input id="filter-q"[^>]*value="ZQX試験"/);
    assert.match(res.body, /<option value="2023" selected>2023年度\(令和5年度\)<\/option>/);
    assert.match(res.body, /<option value="2024">2024年度\(令和6年度\)<\/option>/);
    assert.match(res.body, /<option value="2020">2020年度\(令和2年度\)<\/option>/);
    assert.match(res.body, new RegExp(`<option value="${codes.suginami}" selected>杉並区</option>`));
    assert.match(res.body, /<option value="予定" selected>予定<\/option>/);
    assert.equal((res.body.match(/<select id="filter-ward"[\s\S]*?<\/select>/)?.[0].match(/<option value="13\d{4}"/g) ?? []).length, 23, '23 wards');
    assert.equal((res.body.match(/<select id="filter-pref"[\s\S]*?<\/select>/)?.[0].match(/<option value="\d\d"/g) ?? []).length, 47, '47 prefectures');
    assert.equal((res.body.match(/<select id="filter-field"[\s\S]*?<\/select>/)?.[0].match(/<option value="\d"/g) ?? []).length, 6, '6 fields');
  });

  test('50 per page; the page links and export links keep the filters', async () => {
    const first = await get('/projects?' + q({ q: 'PGZ試験' }));
    assert.match(resultCount(first.body), /^55件中 1〜50件を表示/);
    const titles = titlesIn(first.body, 'projects');
    assert.equal(titles.length, 50);
    assert.equal(titles[0], 'PGZ試験 ページ送り 01', 'same 年度, no dates: by title');
    assert.match(first.body, /href="\/projects\?q=PGZ%E8%A9%A6%E9%A8%93(&amp;|&)page=2" rel="next"/);
    assert.match(first.body, /href="\/projects\.csv\?q=PGZ%E8%A9%A6%E9%A8%93">CSV<\/a>/);
    assert.match(first.body, /href="\/projects\.xlsx\?q=PGZ%E8%A9%A6%E9%A8%93">Excel\(XLSX\)<\/a>/);
    const second = await get('/projects?' + q({ q: 'PGZ試験', page: '2' }));
    assert.match(resultCount(second.body), /^55件中 51〜55件を表示/);
    assert.deepEqual(titlesIn(second.body, 'projects'), ['51', '52', '53', '54', '55'].map((n) => `PGZ試験 ページ送り ${n}`));
    assert.match(second.body, /href="\/projects\?q=PGZ%E8%A9%A6%E9%A8%93" rel="prev"/);
    const beyond = await get('/projects?' + q({ q: 'PGZ試験', page: '9' }));
    assert.equal(beyond.statusCode, 200);
    assert.deepEqual(titlesIn(beyond.body, 'projects'), []);
  });

  test('invalid filter values: 400, Japanese error summary, the typed values kept', async () => {
    const res = await get('/projects?' + q({ q: 'ZQX試験', fy: 'abc', ward: '999999', status: '終了', pref: '13' }));
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /<title>エラー：連携事業一覧/);
    assert.match(res.body, /入力内容を確認してください/);
    assert.match(res.body, /<a href="#filter-fy">年度は一覧から選んでください（例：2024）。<\/a>/);
    assert.match(res.body, /<a href="#filter-ward">特別区は一覧から選んでください。<\/a>/);
    assert.match(res.body, /<a href="#filter-status">状況は一覧から選んでください。<\/a>/);
    assert.match(res.body, /<input id="filter-q"[^>]*value="ZQX試験"/);
    assert.match(res.body, /<option value="13" selected>東京都<\/option>/, 'valid values stay chosen');
    assert.match(res.body, /id="filter-fy"[^>]*aria-invalid="true"/);
    assert.ok(!res.body.includes('role="status"'), 'no results with an invalid filter');
    for (const url of ['/projects?page=0', '/projects?field=7', '/projects?organiser=ward', '/projects?ward=131016&ward=131024', '/projects?q=' + 'あ'.repeat(101)]) {
      const bad = await get(url);
      assert.equal(bad.statusCode, 400, url);
    }
  });

  test('a project page shows the record; unknown and deleted ones are a Japanese 404', async () => {
    const res = await get(`/projects/${projectIds.p1}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, new RegExp(`<h1 class="rk-heading-1"><span>${P1}</span><span class="rk-badge">サンプル</span></h1>`));
    assert.match(res.body, /杉並区で名寄市の特産品を販売します。/);
    assert.match(res.body, /<a href="\/municipalities\/012211">名寄市（北海道）<\/a>/);
    assert.match(res.body, /<a href="https:\/\/example\.jp\/news\/1" rel="noopener noreferrer">/);
    const cancelled = await get(`/projects/${projectIds.p2}`);
    assert.match(cancelled.body, /この事業は中止になりました。/);
    for (const url of [`/projects/${projectIds.deleted}`, '/projects/00000000-0000-4000-8000-000000000000', '/projects/%3Cscript%3E']) {
      const missing = await get(url);
      assert.equal(missing.statusCode, 404, url);
      assert.match(missing.body, /ページが見つかりません/);
    }
    assert.match((await get(`/projects/${projectIds.deleted}`)).body, /この連携事業は登録されていないか、削除されました。/);
  });

  test('the project CSV: BOM, CRLF, the exchange layout, codes with leading zeros, filters applied, deleted left out', async () => {
    const res = await get('/projects.csv?' + q({ q: 'ZQX試験' }));
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^text\/csv; charset=utf-8/);
    const stamp = formatIsoDate(new Date()).replaceAll('-', '');
    assert.ok((res.headers['content-disposition'] as string).includes(`filename*=UTF-8''${encodeURIComponent(`連携事業一覧_${stamp}.csv`)}`));
    assert.ok(res.body.startsWith('\uFEFF'), 'BOM');
    assert.ok(res.body.includes('\r\n') && !/[^\r]\n/.test(res.body), 'CRLF only');
    const [header, ...rows] = parseCsv(res.body);
    assert.deepEqual(header, projectColumns.map((c) => c.header));
    assert.deepEqual(rows.map((r) => r[2]), [P1, P2, P3, P4]);
    const col = (row: string[], key: string) => row[projectColumns.findIndex((c) => c.key === key)];
    const [r1, r2, r3, r4] = rows as [string[], string[], string[], string[]];
    assert.equal(col(r1, 'id'), projectIds.p1);
    assert.equal(col(r1, 'fiscalYear'), '2024');
    assert.equal(col(r1, 'partnerCodes'), '012211', 'leading zero kept');
    assert.equal(col(r1, 'partnerNames'), '名寄市');
    assert.equal(col(r1, 'organiserKind'), '各区');
    assert.equal(col(r1, 'format'), '対面');
    assert.equal(col(r1, 'field'), '1');
    assert.equal(col(r1, 'fieldName'), '産業振興');
    assert.equal(col(r1, 'startsOn'), '2024-10-30');
    assert.equal(col(r1, 'endsOn'), '2024-11-02');
    assert.equal(col(r1, 'newsUrl'), 'https://example.jp/news/1');
    assert.equal(col(r2, 'status'), '中止');
    assert.equal(col(r2, 'format'), 'オンライン');
    assert.equal(col(r3, 'organiserKind'), '23区共同');
    assert.equal(col(r3, 'wardCodes'), '');
    assert.equal(col(r3, 'partnerCodes'), '012211;062049');
    assert.equal(col(r3, 'format'), '併用');
    assert.equal(col(r4, 'wardCodes'), '131016;131156');
    assert.equal(col(r4, 'wardNames'), '千代田区;杉並区');
    assert.equal(col(r4, 'startsOn'), '');

    const filtered = parseCsv((await get('/projects.csv?' + q({ q: 'ZQX試験', fy: '2023' }))).body);
    assert.deepEqual(filtered.slice(1).map((r) => r[2]), [P3, P4]);
    const bySuginami = parseCsv((await get('/projects.csv?' + q({ q: 'ZQX試験', ward: codes.suginami }))).body);
    assert.deepEqual(bySuginami.slice(1).map((r) => [r[2], col(r, 'wardCodes')]), [[P1, '131156'], [P4, '131016;131156']], 'a ward filter keeps the other wards of a record');
    const all = parseCsv((await get('/projects.csv?' + q({ q: 'PGZ試験', page: '2' }))).body);
    assert.equal(all.length - 1, 55, 'exports are not paged');
    const invalid = await get('/projects.csv?fy=abc');
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.headers['content-type'] as string, /text\/html/);
  });

  test('the project XLSX: header, code cells kept as text', async () => {
    const res = await get('/projects.xlsx?' + q({ q: 'ZQX試験', pref: '01' }));
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    assert.deepEqual(header, projectColumns.map((c) => c.header));
    assert.equal(sheet.rowCount, 3, 'header + P1 + P3');
    const codeCol = projectColumns.findIndex((c) => c.key === 'partnerCodes') + 1;
    const titleCol = projectColumns.findIndex((c) => c.key === 'title') + 1;
    assert.equal(sheet.getRow(2).getCell(titleCol).value, P1);
    const cell = sheet.getRow(2).getCell(codeCol).value;
    assert.equal(typeof cell, 'string');
    assert.equal(cell, '012211');
  });

  // ─── /agreements ───

  test('the agreement list: latest signed first, undated last, deleted never; state and badges shown', async () => {
    const res = await get('/agreements?' + q({ q: 'AGZ試験' }));
    assert.equal(res.statusCode, 200);
    assert.deepEqual(titlesIn(res.body, 'agreements'), [A5, A4, A2, A1, A3]);
    assert.match(resultCount(res.body), /^5件中 1〜5件を表示/);
    assert.ok(!res.body.includes('削除済みの協定'));
    assert.match(res.body, /<td>1989年\(平成元年\)4月<\/td>/, 'a date known to the month');
    assert.match(res.body, /<strong class="rk-badge">終了<\/strong><span>（2010年\(平成22年\)3月31日）<\/span>/);
    assert.match(res.body, /名寄市（北海道）（締結時：風連町）/);
    assert.match(res.body, /<td>試験用青森県市長会<\/td>/);
    assert.match(res.body, new RegExp(`${A1}</a><span class="rk-badge">サンプル</span>`));
    assert.match(res.body, new RegExp(`${A3}</a><span class="rk-badge">合成データ</span>`));
    assert.match(res.body, /href="\/agreements\.csv\?q=AGZ%E8%A9%A6%E9%A8%93">CSV<\/a>/);
  });

  test('each agreement filter narrows the list', async () => {
    const cases: Array<[Record<string, string>, string[]]> = [
      [{ ward: codes.chiyoda }, [A4, A3]],
      [{ ward: codes.suginami }, [A5, A1]],
      [{ pref: '01' }, [A1]],
      [{ pref: '02' }, [A3]],
      [{ pref: '39' }, [A4]],
      [{ pref: '10' }, [A5, A2]],
      [{ type: 'exchange' }, [A5, A1]],
      [{ category: 'disaster' }, [A4, A2]],
      [{ category: 'other' }, [A3]],
      [{ state: 'ended' }, [A4]],
      [{ state: 'live' }, [A5, A2, A1, A3]],
      [{ category: 'disaster', ward: codes.chiyoda }, [A4]],
      [{ type: 'exchange', pref: '10', state: 'live' }, [A5]],
      [{ ward: codes.setagaya, pref: '01' }, []],
    ];
    for (const [params, expected] of cases) {
      const res = await get('/agreements?' + q({ q: 'AGZ試験', ...params }));
      assert.equal(res.statusCode, 200, JSON.stringify(params));
      assert.deepEqual(titlesIn(res.body, 'agreements'), expected, JSON.stringify(params));
    }
  });

  test('the agreement keyword also finds partner names, former names and the background', async () => {
    assert.deepEqual(titlesIn((await get('/agreements?' + q({ q: 'AGZ試験 風連' }))).body, 'agreements'), [A1]);
    assert.deepEqual(titlesIn((await get('/agreements?' + q({ q: 'AGZ試験 高知' }))).body, 'agreements'), [A4]);
    assert.deepEqual(titlesIn((await get('/agreements?' + q({ q: 'AGZ試験 少年野球' }))).body, 'agreements'), [A1]);
    assert.deepEqual(titlesIn((await get('/agreements?' + q({ q: 'AGZ試験 青森県市長会' }))).body, 'agreements'), [A3]);
  });

  test('invalid agreement filters, including an unknown type: 400 with messages, values kept', async () => {
    const res = await get('/agreements?' + q({ q: 'AGZ試験', type: 'no-such-type', ward: codes.chiyoda }));
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /<a href="#filter-type">協定の種別は一覧から選んでください。<\/a>/);
    assert.match(res.body, /<input id="filter-q"[^>]*value="AGZ試験"/);
    assert.match(res.body, new RegExp(`<option value="${codes.chiyoda}" selected>千代田区</option>`));
    const bad = await get('/agreements?' + q({ category: 'love', state: 'alive', pref: '48' }));
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /協定の分類は一覧から選んでください。/);
    assert.match(bad.body, /協定の状態は一覧から選んでください。/);
    assert.match(bad.body, /都道府県は一覧から選んでください。/);
    assert.equal((await get('/agreements.xlsx?state=alive')).statusCode, 400);
  });

  test('an agreement page: wards, partners with groups and former names, dates, background, source', async () => {
    const res = await get(`/agreements/${agreementIds.a1}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, new RegExp(`<span>${A1}</span><span class="rk-badge">サンプル</span>`));
    assert.match(res.body, /交流自治体協定（友好・交流）/);
    assert.match(res.body, /<a href="\/municipalities\/012211">名寄市（北海道）<\/a><span>（締結時の名称：風連町）<\/span>/);
    assert.match(res.body, /<dd><span>1989年\(平成元年\)4月<\/span><\/dd>/);
    assert.match(res.body, /2006年\(平成18年\)3月27日/);
    assert.match(res.body, /少年野球の交流がきっかけです。/);
    assert.match(res.body, /<a href="https:\/\/example\.jp\/suginami" rel="noopener noreferrer">/);
    const group = await get(`/agreements/${agreementIds.a3}`);
    assert.match(group.body, /<span>試験用青森県市長会<\/span><span class="rk-badge">広域連携の団体<\/span>/);
    assert.match(group.body, /千代田区、新宿区/);
    const ended = await get(`/agreements/${agreementIds.a4}`);
    assert.match(ended.body, /<strong class="rk-badge">終了<\/strong>/);
    for (const url of [`/agreements/${agreementIds.deleted}`, '/agreements/00000000-0000-4000-8000-000000000000', '/agreements/..%2F']) {
      const missing = await get(url);
      assert.equal(missing.statusCode, 404, url);
      assert.match(missing.body, /ページが見つかりません/);
    }
  });

  test('the agreement CSV and XLSX: the exchange layout, labels, former names as code:名, filters applied', async () => {
    const res = await get('/agreements.csv?' + q({ q: 'AGZ試験' }));
    assert.equal(res.statusCode, 200);
    assert.ok((res.headers['content-disposition'] as string).includes(encodeURIComponent('協定一覧_')));
    assert.ok(res.body.startsWith('\uFEFF'));
    const [header, ...rows] = parseCsv(res.body);
    assert.deepEqual(header, agreementColumns.map((c) => c.header));
    const col = (row: string[], key: string) => row[agreementColumns.findIndex((c) => c.key === key)];
    assert.deepEqual(rows.map((r) => col(r, 'title')), [A5, A4, A2, A1, A3]);
    const a1 = rows.find((r) => col(r, 'title') === A1)!;
    assert.equal(col(a1, 'id'), agreementIds.a1);
    assert.equal(col(a1, 'type'), '交流自治体協定');
    assert.equal(col(a1, 'wardCodes'), '131156');
    assert.equal(col(a1, 'partnerCodes'), '012211');
    assert.equal(col(a1, 'formerNames'), '012211:風連町');
    assert.equal(col(a1, 'signedOn'), '1989-04-01');
    assert.equal(col(a1, 'signedOnPrecision'), '月');
    assert.equal(col(a1, 'fiscalYear'), '1989');
    assert.equal(col(a1, 'resignedDates'), '2006-03-27');
    assert.equal(col(a1, 'endedOn'), '');
    assert.equal(col(a1, 'sourceUrl'), 'https://example.jp/suginami');
    const a3 = rows.find((r) => col(r, 'title') === A3)!;
    assert.equal(col(a3, 'partnerCodes'), '');
    assert.equal(col(a3, 'partnerGroupIds'), 'test-aomori-group');
    assert.equal(col(a3, 'partnerNames'), '試験用青森県市長会');
    assert.equal(col(a3, 'wardCodes'), '131016;131041');
    assert.equal(col(a3, 'signedOn'), '');
    assert.equal(col(a3, 'signedOnPrecision'), '日');
    const a4 = rows.find((r) => col(r, 'title') === A4)!;
    assert.equal(col(a4, 'fiscalYear'), '1999', 'January belongs to the previous 年度');
    assert.equal(col(a4, 'endedOn'), '2010-03-31');

    const byChiyoda = parseCsv((await get('/agreements.csv?' + q({ q: 'AGZ試験', ward: codes.chiyoda }))).body);
    assert.deepEqual(byChiyoda.slice(1).map((r) => [col(r, 'title'), col(r, 'wardCodes')]), [[A4, '131016'], [A3, '131016;131041']], 'a ward filter keeps the other wards');
    const ended = parseCsv((await get('/agreements.csv?' + q({ q: 'AGZ試験', state: 'ended' }))).body);
    assert.deepEqual(ended.slice(1).map((r) => col(r, 'title')), [A4]);

    const xlsx = await get('/agreements.xlsx?' + q({ q: 'AGZ試験', pref: '01' }));
    assert.equal(xlsx.statusCode, 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), agreementColumns.map((c) => c.header));
    assert.equal(sheet.rowCount, 2);
    const partnerCell = sheet.getRow(2).getCell(agreementColumns.findIndex((c) => c.key === 'partnerCodes') + 1).value;
    assert.equal(partnerCell, '012211');
    assert.equal(typeof partnerCell, 'string');
  });

  test('the shared queries: page size, total, parties, and export rows keyed exactly by the layout', async () => {
    const model = await registryModel(current().database.handle.db);
    const page = pageOf(findProjects(model, { ...emptyProjectFilter, q: 'PGZ試験' }), 3, 20);
    assert.equal(page.total, 55);
    assert.deepEqual(page.rows.map((r) => r.title.slice(-2)), ['41', '42', '43', '44', '45', '46', '47', '48', '49', '50', '51', '52', '53', '54', '55']);
    assert.deepEqual(page.rows[0]!.wards, [{ code: codes.chiyoda, name: '千代田区' }]);
    const agreements = findAgreements(model, { ...emptyAgreementFilter, q: 'AGZ試験', state: 'live' }, '2011-01-01');
    assert.equal(agreements.length, 4, 'A4 ended on 2010-03-31, before that day');
    const early = findAgreements(model, { ...emptyAgreementFilter, q: 'AGZ試験', state: 'ended' }, '2010-03-30');
    assert.equal(early.length, 0, 'not yet ended the day before');
    const a1 = agreements.find((a) => a.title === A1)!;
    assert.deepEqual(a1.partners, [{ kind: 'municipality', key: codes.nayoro, name: '名寄市', prefectureCode: '01', formerName: '風連町' }]);
    assert.deepEqual(a1.resignedDates, ['2006-03-27']);
    const projectRows = findProjects(model, { ...emptyProjectFilter, q: 'ZQX試験' }).map(projectExchangeRow);
    for (const row of projectRows) assert.deepEqual(Object.keys(row), projectColumns.map((c) => c.key));
    const agreementRows = findAgreements(model, { ...emptyAgreementFilter, q: 'AGZ試験' }, '2011-01-01').map(agreementExchangeRow);
    for (const row of agreementRows) assert.deepEqual(Object.keys(row), agreementColumns.map((c) => c.key));
  });

  test('the English interface translates the labels and keeps names', async () => {
    const res = await get('/projects?' + q({ q: 'ZQX試験', status: '中止' }), { cookie: 'lang=en' });
    assert.match(res.body, /<h1 class="rk-heading-1">Collaboration projects<\/h1>/);
    assert.match(res.body, /<strong class="rk-badge">Cancelled<\/strong>/);
    assert.match(res.body, /FY2024/);
    assert.match(res.body, new RegExp(P2));
  });

  // Last: the records it adds appear in every unfiltered list.
  test('CSV cells a spreadsheet would read as formulas start with a quote; numbers and other texts do not; XLSX keeps plain text', async () => {
    const db = current().database.handle.db;
    const projects: Array<[string, string]> = [];
    const agreements: Array<[string, string]> = [];
    for (const title of formulaTexts) {
      projects.push([await insertProject(db, { fiscalYear: 2024, title, field: 1, wardCodes: [codes.chiyoda], partnerCodes: [codes.nayoro], notes: '=1+1' }), title]);
      agreements.push([await insertAgreement(db, { typeId: 'exchange', title, wardCodes: [codes.chiyoda], partners: [{ code: codes.nayoro }], notes: '\r改行で始まる備考' }), title]);
    }
    const cases = [
      { path: '/projects', columns: projectColumns, records: projects, notes: `'=1+1` },
      { path: '/agreements', columns: agreementColumns, records: agreements, notes: `'\r改行で始まる備考` },
    ];
    for (const { path, columns, records, notes } of cases) {
      const index = (key: string) => columns.findIndex((c) => c.key === key);
      const [header, ...rows] = parseCsv((await get(`${path}.csv`)).body);
      assert.deepEqual(header, columns.map((c) => c.header), 'headers are ours: never quoted');
      for (const [id, title] of records) {
        const row = rows.find((r) => r[index('id')] === id);
        assert.ok(row, `${path}.csv has ${id}`);
        assert.equal(row[index('title')], `'${title}`, `${path}: ${JSON.stringify(title)}`);
        assert.equal(row[index('notes')], notes);
        assert.equal(row[index('wardCodes')], codes.chiyoda, 'a text that is no formula is written as it is');
        assert.equal(row[index('fiscalYear')], path === '/projects' ? '2024' : '', 'a number is written as a number, without a quote');
      }

      // XLSX: exceljs writes strings as string cells, never as formulas: no quote is needed there.
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await get(`${path}.xlsx`)).rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      const byId = new Map<string, ExcelJS.Row>();
      sheet.eachRow((row) => byId.set(String(row.getCell(index('id') + 1).value), row));
      for (const [id, title] of records) {
        const cell = byId.get(id)!.getCell(index('title') + 1);
        assert.equal(cell.type, ExcelJS.ValueType.String, `${path}.xlsx: ${JSON.stringify(title)} is a string cell`);
        assert.equal(cell.value, title);
      }
    }
  });
});
