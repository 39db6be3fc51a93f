import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signedInClient } from '../../../../test/accounts.ts';
import { describeEachEngine } from '../../../../test/helper.ts';
import { insertAgreement, insertExchange, insertProject } from '../../../../test/registry-fixtures.ts';

const SUGINAMI = '131156';
const ARAKAWA = '131181';
const NERIMA = '131202';
const NAYORO = '012211';
const HIGASHIAGATSUMA = '104299';
const KAWABA = '104442';
const KUSHIRO_TOWN = '016616';
const AKKESHI = '016624';
const KOCHI_PREF = '390003';

/** The HTML of one section of a page, from its h2 to the next h2 (or the end of main). */
function section(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  assert.ok(start >= 0, `section ${id} is on the page`);
  const next = html.indexOf('<h2', start + 1);
  return html.slice(start, next === -1 ? html.indexOf('</main>', start) : next);
}

describeEachEngine('wards', (current) => {
  const get = (url: string, headers: Record<string, string> = {}) => current().app.inject({ method: 'GET', url, headers });
  const db = () => current().database.handle.db;

  test('/wards lists the 23 wards in the 5 blocks of 特別区長会, each with its mayor as of a date', async () => {
    const res = await get('/wards');
    assert.equal(res.statusCode, 200);
    const wards = new Set([...res.body.matchAll(/<a href="\/wards\/(\d{6})">/g)].map((m) => m[1]));
    assert.equal(wards.size, 23);
    for (const block of [1, 2, 3, 4, 5]) assert.match(res.body, new RegExp(`<h2 id="block-${block}" class="rk-heading-2">第${block}ブロック</h2>`));
    assert.doesNotMatch(res.body, /id="block-6"/);
    const block1 = section(res.body, 'block-1');
    for (const name of ['千代田区', '中央区', '港区', '新宿区']) assert.ok(block1.includes(`>${name}</a>`), `${name} is in block 1`);
    assert.ok(!block1.includes('>文京区</a>'), '文京区 is in block 2');
    assert.ok(section(res.body, 'block-5').includes('>江戸川区</a>'));
    assert.match(res.body, /樋口高顕/);
    assert.match(res.body, /2024年\(令和6年\)11月14日現在/);
    assert.match(res.body, /記録した時点/, 'a note says mayors are as of a date');
  });

  test('/wards counts live partners, agreements in force and projects of every 年度', async () => {
    const countsOf = async () => {
      const res = await get('/wards');
      const row = new RegExp(`<a href="/wards/${NERIMA}">[\\s\\S]*?</tr>`).exec(res.body)?.[0] ?? '';
      const cells = [...row.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
      const lead = (cell: string | undefined) => Number(/^[\d,]+/.exec(cell?.trim() ?? '')?.[0]?.replace(/,/g, '') ?? NaN);
      return { partners: lead(cells[1]), agreements: lead(cells[2]), projects: lead(cells[3]) };
    };
    const before = await countsOf();
    for (const n of Object.values(before)) assert.ok(Number.isInteger(n), 'the counts are read from the row');
    await insertAgreement(db(), { title: '【テスト】練馬区 締結中', wardCodes: [NERIMA], partners: [{ code: HIGASHIAGATSUMA }, { code: KOCHI_PREF }], typeId: 'exchange', signedOn: '2020-02-01', provenance: 'sample' });
    await insertAgreement(db(), { title: '【テスト】練馬区 終了', wardCodes: [NERIMA], partners: [{ code: KAWABA }], typeId: 'exchange', signedOn: '2020-02-01', endedOn: '2015-03-31', provenance: 'sample' });
    await insertAgreement(db(), { title: '【テスト】練馬区 削除', wardCodes: [NERIMA], partners: [{ code: NAYORO }], typeId: 'exchange', signedOn: '2020-02-01', provenance: 'sample', deleted: true });
    await insertExchange(db(), { regionName: '【テスト】練馬地域', prefectureCode: '01', wardCode: NERIMA, members: [AKKESHI, HIGASHIAGATSUMA] });
    await insertProject(db(), { title: '【テスト】練馬 2019', fiscalYear: 2019, field: 1, wardCodes: [NERIMA], provenance: 'sample' });
    await insertProject(db(), { title: '【テスト】練馬 2024', fiscalYear: 2024, field: 1, wardCodes: [NERIMA], status: '中止', provenance: 'sample' });
    await insertProject(db(), { title: '【テスト】練馬 削除', fiscalYear: 2024, field: 1, wardCodes: [NERIMA], provenance: 'sample', deleted: true });
    const after = await countsOf();
    // 東吾妻町 (agreement and exchange, once) + 厚岸町 (exchange); not 高知県 (a prefecture), 川場村 (ended), 名寄市 (deleted).
    assert.equal(after.partners - before.partners, 2);
    assert.equal(after.agreements - before.agreements, 1);
    assert.equal(after.projects - before.projects, 2);
  });

  test('the content kept for a ward is the same for a signed-in visitor, under their own header; English has its own', async () => {
    const anonymous = await get('/wards/131016');
    const member = await signedInClient(current().app, db(), { role: 'member', code: NAYORO, name: 'ワード試験の会員' });
    const signedIn = await member.get('/wards/131016');
    assert.equal(signedIn.statusCode, 200);
    assert.match(signedIn.body, /ワード試験の会員/);
    assert.doesNotMatch(anonymous.body, /ワード試験の会員/);
    assert.equal(section(signedIn.body, 'partners-title'), section(anonymous.body, 'partners-title'));
    const english = await get('/wards/131016', { cookie: 'lang=en' });
    assert.match(english.body, /<html lang="en"/);
    assert.notEqual(section(english.body, 'partners-title'), section(anonymous.body, 'partners-title'));
    assert.ok(!signedIn.body.includes('\uE000') && !english.body.includes('\uE000'));
  });

  test('every ward page lists the partners its sourced agreements name (the ward files of the seed)', async () => {
    const wards = await db().selectFrom('wards').select('code').execute();
    assert.equal(wards.length, 23);
    for (const { code } of wards) {
      const partner = await db()
        .selectFrom('agreement_wards')
        .innerJoin('agreements', 'agreements.id', 'agreement_wards.agreement_id')
        .innerJoin('agreement_partners', 'agreement_partners.agreement_id', 'agreements.id')
        .innerJoin('local_governments', 'local_governments.code', 'agreement_partners.local_government_code')
        .select(['local_governments.code', 'local_governments.name'])
        .where('agreement_wards.ward_code', '=', code)
        .where('agreements.provenance', '=', 'seed')
        .where('agreements.ended_on', 'is', null)
        .executeTakeFirst();
      assert.ok(partner, `ward ${code} has a sourced partner`);
      const page = await get(`/wards/${code}`);
      assert.equal(page.statusCode, 200);
      assert.match(section(page.body, 'partners-title'), new RegExp(`/municipalities/${partner.code}`), `ward ${code} lists ${partner.name}`);
    }
  });

  test('/wards/:code shows an agreement with its partner, ended ones apart, deleted ones not at all', async () => {
    await insertAgreement(db(), {
      title: '【テスト】杉並区と名寄市の交流自治体協定',
      wardCodes: [SUGINAMI],
      partners: [{ code: NAYORO, formerName: '風連町' }],
      typeId: 'exchange',
      signedOn: '2020-02-01',
      signedOnPrecision: 'month',
      resignedDates: '2006-06-06',
      sourceUrl: 'https://example.jp/source',
      provenance: 'sample',
    });
    await insertAgreement(db(), { title: '【テスト】杉並区と高知県の協定（日付不明）', wardCodes: [SUGINAMI], partners: [{ code: KOCHI_PREF }], typeId: 'exchange', signedOn: null, provenance: 'seed' });
    await insertAgreement(db(), { title: '【テスト】杉並区の終了した協定', wardCodes: [SUGINAMI], partners: [{ code: KAWABA }], typeId: 'exchange', signedOn: '1990-04-01', endedOn: '2010-03-31', provenance: 'sample' });
    await insertAgreement(db(), { title: '【テスト】杉並区の削除した協定', wardCodes: [SUGINAMI], partners: [{ code: HIGASHIAGATSUMA }], typeId: 'exchange', signedOn: '2020-02-01', provenance: 'sample', deleted: true });
    await insertAgreement(db(), { title: '【テスト】杉並区と荒川区の共同協定', wardCodes: [SUGINAMI, ARAKAWA], partners: [{ code: NAYORO }], typeId: 'disaster-mutual-aid', signedOn: '1995-10-14', provenance: 'sample' });

    const res = await get(`/wards/${SUGINAMI}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<span>杉並区<\/span><rp>（<\/rp><rt>すぎなみく<\/rt>/);
    assert.match(res.body, /第4ブロック/);
    assert.match(res.body, /岸本聡子/);
    assert.match(res.body, /2024年\(令和6年\)11月14日現在/);

    const partners = section(res.body, 'partners-title');
    assert.match(partners, /<a href="\/municipalities\/012211">名寄市（北海道）（締結時：風連町）<\/a>/);
    assert.ok(partners.includes('【テスト】杉並区と名寄市の交流自治体協定'));
    assert.ok(partners.includes('交流自治体協定'), 'the type is shown');
    assert.ok(partners.includes('2020年(令和2年)2月<'), 'a month-only date is shown to the month');
    assert.ok(partners.includes('2006年(平成18年)6月6日'), 're-signed date');
    assert.ok(partners.includes('href="https://example.jp/source"'), 'source link');
    assert.ok(partners.includes('サンプル'), 'sample records are marked');
    assert.ok(partners.includes('【テスト】杉並区と高知県の協定（日付不明）'), 'a prefecture partner');
    assert.ok(partners.includes('href="/municipalities/390003"'));
    assert.ok(partners.includes('>不明<'), 'unknown date');
    assert.ok(partners.includes('災害時相互援助協定'));
    assert.match(partners, /共同で締結した区：<a href="\/wards\/131181">荒川区<\/a>/);
    assert.ok(!partners.includes('【テスト】杉並区の終了した協定'), 'ended agreements are not among those in force');
    assert.match(partners, /href="\/agreements\?ward=131156"/);

    const ended = section(res.body, 'ended-title');
    assert.ok(ended.includes('【テスト】杉並区の終了した協定'));
    assert.ok(ended.includes('2010年(平成22年)3月31日'));
    assert.ok(ended.includes('href="/municipalities/104442"'));

    assert.ok(!res.body.includes('【テスト】杉並区の削除した協定'), 'deleted agreements never appear');

    const arakawa = await get(`/wards/${ARAKAWA}`);
    assert.ok(arakawa.body.includes('【テスト】杉並区と荒川区の共同協定'), 'an agreement of two wards is on both pages');
  });

  test('/wards/:code lists its regional exchanges and its latest 20 projects with a link to all', async () => {
    await insertExchange(db(), {
      regionName: '【テスト】釧路地域',
      prefectureCode: '01',
      wardCode: ARAKAWA,
      members: [KUSHIRO_TOWN, AKKESHI],
      startedFiscalYear: 2015,
      councilName: '【テスト】交流推進協議会',
    });
    await insertExchange(db(), { regionName: '【テスト】削除した地域', prefectureCode: '01', wardCode: ARAKAWA, members: [AKKESHI], deleted: true });
    for (let i = 0; i < 22; i++) {
      await insertProject(db(), { title: `【テスト】荒川区の事業${String(i).padStart(2, '0')}`, fiscalYear: 2000 + i, wardCodes: [ARAKAWA], partnerCodes: [KUSHIRO_TOWN], field: 2, provenance: 'sample' });
    }
    await insertProject(db(), { title: '【テスト】荒川区の削除した事業', fiscalYear: 2030, field: 1, wardCodes: [ARAKAWA], provenance: 'sample', deleted: true });

    const res = await get(`/wards/${ARAKAWA}`);
    const exchanges = section(res.body, 'exchanges-title');
    assert.ok(exchanges.includes('【テスト】釧路地域（北海道）↔ 荒川区'));
    assert.ok(exchanges.includes('2015年度(平成27年度)から'));
    assert.ok(exchanges.includes('href="/municipalities/016616"'));
    assert.ok(!res.body.includes('【テスト】削除した地域'));

    const projects = section(res.body, 'projects-title');
    const titles = [...projects.matchAll(/【テスト】荒川区の事業(\d{2})/g)].map((m) => Number(m[1]));
    assert.equal(titles.length, 20, '20 projects shown');
    assert.deepEqual(titles, [...titles].sort((a, b) => b - a), 'most recent 年度 first');
    assert.equal(titles[0], 21);
    assert.ok(projects.includes('2021年度(令和3年度)'));
    assert.ok(projects.includes('観光振興'));
    assert.ok(!res.body.includes('【テスト】荒川区の削除した事業'));
    assert.match(projects, /href="\/projects\?ward=131181"/);
    assert.match(projects, /全22件のうち/);
  });

  test('a code that is not a ward is a Japanese 404; the 5-digit form redirects', async () => {
    for (const url of [`/wards/${NAYORO}`, '/wards/130001', '/wards/131017', '/wards/abc']) {
      const res = await get(url);
      assert.equal(res.statusCode, 404, url);
      assert.match(res.body, /ページが見つかりません/);
    }
    assert.match((await get(`/wards/${NAYORO}`)).body, /特別区（東京23区）ではありません/);
    const redirect = await get('/wards/13101');
    assert.equal(redirect.statusCode, 301);
    assert.equal(redirect.headers.location, '/wards/131016');
    const fullWidth = await get(`/wards/${encodeURIComponent('１３１０１６')}`);
    assert.equal(fullWidth.statusCode, 200, 'full-width digits are read as the code');
  });

  test('the English interface', async () => {
    const res = await get(`/wards/${SUGINAMI}`, { cookie: 'lang=en' });
    assert.match(res.body, /<html lang="en">/);
    assert.match(res.body, /Partners and agreements/);
    assert.match(res.body, /as of 14 November 2024/);
    const list = await get('/wards', { cookie: 'lang=en' });
    assert.match(list.body, /Block 3/);
  });
});
