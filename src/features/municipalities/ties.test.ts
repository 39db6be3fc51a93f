// The section 「特別区との連携」 of a local government's page, against records the tests insert.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { describeEachEngine } from '../../../test/helper.ts';
import { ensureGroup, insertAgreement, insertExchange, insertProject, insertRegisteredMember } from '../../../test/registry-fixtures.ts';
import { bumpRevision } from '../../db/revisions.ts';

const SUGINAMI = '131156';
const SHINAGAWA = '131091';
const NERIMA = '131202';
const SAKAI = '182109';
const NAKASHIBETSU = '016926';
const NAYORO = '012211';
const KOCHI_PREF = '390003';

/** The section's HTML, from its heading to the end of the section. */
function tiesSection(html: string): string {
  const start = html.indexOf('id="ties-title"');
  assert.ok(start >= 0, 'the page has the section 特別区との連携');
  return html.slice(start, html.indexOf('</section>', start));
}

describeEachEngine('municipality ties with the wards', (current) => {
  const get = (url: string, headers: Record<string, string> = {}) => current().app.inject({ method: 'GET', url, headers });
  const db = () => current().database.handle.db;
  const codeOf = async (name: string, prefectureCode: string) =>
    (await db().selectFrom('local_governments').select('code').where('name', '=', name).where('prefecture_code', '=', prefectureCode).executeTakeFirstOrThrow()).code;

  test('an agreement with a ward: which ward, type and date; ended ones apart; deleted ones never', async () => {
    await insertAgreement(db(), { title: '【テスト】坂井市との相互連携協定', wardCodes: [SHINAGAWA, SUGINAMI], partners: [{ code: SAKAI }], typeId: 'mutual-cooperation', signedOn: '2019-09-01', signedOnPrecision: 'month', provenance: 'sample' });
    await insertAgreement(db(), { title: '【テスト】坂井市との終了した協定', wardCodes: [SUGINAMI], partners: [{ code: SAKAI }], typeId: 'exchange', signedOn: '2001-04-01', endedOn: '2011-03-31', provenance: 'sample' });
    await insertAgreement(db(), { title: '【テスト】坂井市との削除した協定', wardCodes: [SUGINAMI], partners: [{ code: SAKAI }], typeId: 'exchange', signedOn: '2020-02-01', provenance: 'sample', deleted: true });
    const res = await get(`/municipalities/${SAKAI}`);
    assert.equal(res.statusCode, 200);
    const ties = tiesSection(res.body);
    const live = ties.slice(ties.indexOf('id="ties-agreements"'), ties.indexOf('id="ties-ended"'));
    assert.ok(live.includes('【テスト】坂井市との相互連携協定'));
    assert.match(live, /<a href="\/wards\/131091">品川区<\/a>、<a href="\/wards\/131156">杉並区<\/a>/);
    assert.ok(live.includes('相互連携協定'));
    assert.ok(live.includes('2019年(令和元年)9月<'), 'a month-only date');
    assert.ok(live.includes('サンプル'));
    assert.ok(!live.includes('【テスト】坂井市との終了した協定'));
    const ended = ties.slice(ties.indexOf('id="ties-ended"'));
    assert.ok(ended.includes('【テスト】坂井市との終了した協定'));
    assert.ok(ended.includes('2011年(平成23年)3月31日'));
    assert.ok(!res.body.includes('【テスト】坂井市との削除した協定'));
  });

  test('a town of 北海道 is a member of 北海道町村会 by the group rule; a city is not; an exception removes a town', async () => {
    await ensureGroup(db(), 'hokkaido-chosonkai');
    const town = tiesSection((await get(`/municipalities/${NAKASHIBETSU}`)).body);
    assert.ok(town.includes('北海道町村会の構成団体として'), 'the town is a member');
    assert.ok(town.includes('2016年(平成28年)4月26日締結'));
    const city = tiesSection((await get(`/municipalities/${NAYORO}`)).body);
    assert.ok(!city.includes('北海道町村会の構成団体'), 'a city is not a member of a 町村会');

    const shibetsu = await codeOf('標津町', '01');
    assert.ok(tiesSection((await get(`/municipalities/${shibetsu}`)).body).includes('北海道町村会の構成団体として'));
    await db()
      .insertInto('wide_area_group_exceptions')
      .values({ id: randomUUID(), group_id: 'hokkaido-chosonkai', local_government_code: shibetsu, change: 'remove', note: '【テスト】除外', created_at: new Date().toISOString() })
      .execute();
    await bumpRevision(db(), 'registry');
    assert.ok(!tiesSection((await get(`/municipalities/${shibetsu}`)).body).includes('北海道町村会の構成団体'), 'a recorded exception removes it');
    await db().deleteFrom('wide_area_group_exceptions').where('note', '=', '【テスト】除外').execute();
    await bumpRevision(db(), 'registry');
  });

  test('a regional exchange (region ↔ ward) and a joint plan naming the municipality', async () => {
    await insertExchange(db(), { regionName: '【テスト】根室地域', prefectureCode: '01', wardCode: NERIMA, members: [NAKASHIBETSU], startedFiscalYear: 2019 });
    await insertExchange(db(), { regionName: '【テスト】削除した交流', prefectureCode: '01', wardCode: NERIMA, members: [NAKASHIBETSU], deleted: true });
    const planId = randomUUID();
    const now = new Date().toISOString();
    await db()
      .insertInto('joint_plans')
      .values({ id: planId, title: '【テスト】広域共同計画', region_label: '根室', approved_on: '2023-03-01', approved_on_precision: 'month', provenance: 'sample', source_url: null, created_at: now, updated_at: now, deleted_at: null })
      .execute();
    await db().insertInto('joint_plan_wards').values({ plan_id: planId, ward_code: NERIMA }).execute();
    await db().insertInto('joint_plan_partners').values({ plan_id: planId, local_government_code: NAKASHIBETSU }).execute();
    await bumpRevision(db(), 'registry');

    const ties = tiesSection((await get(`/municipalities/${NAKASHIBETSU}`)).body);
    assert.match(ties, /【テスト】根室地域（北海道）↔ <\/span><a href="\/wards\/131202">練馬区<\/a>/);
    assert.ok(ties.includes('2019年度(令和元年度)から'));
    assert.ok(!ties.includes('【テスト】削除した交流'));
    assert.ok(ties.includes('【テスト】広域共同計画'));
    assert.ok(ties.includes('2023年(令和5年)3月認定'));
  });

  test('registered-member status, with the date it joined', async () => {
    const registered = new Set((await db().selectFrom('registered_members').select('local_government_code').execute()).map((r) => r.local_government_code));
    const candidates = await Promise.all([codeOf('川場村', '10'), codeOf('東吾妻町', '10'), codeOf('坂井市', '18'), codeOf('標津町', '01')]);
    const code = candidates.find((c) => !registered.has(c));
    assert.ok(code, 'a municipality that is not registered yet');
    assert.ok(tiesSection((await get(`/municipalities/${code}`)).body).includes('会員登録はありません'));
    await insertRegisteredMember(db(), code, '2019-05-10');
    const ties = tiesSection((await get(`/municipalities/${code}`)).body);
    assert.ok(ties.includes('会員登録自治体です（2019年(令和元年)5月10日登録）'));
  });

  test('projects naming it as partner: the latest 10, most recent 年度 first, with a link to its prefecture’s projects', async () => {
    const before = await db()
      .selectFrom('project_partners as pp')
      .innerJoin('projects as pr', 'pr.id', 'pp.project_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('pp.local_government_code', '=', NAKASHIBETSU)
      .where('pr.deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    // Future 年度, so that these are the latest whatever the seed holds.
    for (let i = 0; i < 12; i++) {
      await insertProject(db(), { title: `【テスト】中標津町との事業${String(i).padStart(2, '0')}`, fiscalYear: 2080 + i, field: 1, wardCodes: [NERIMA], partnerCodes: [NAKASHIBETSU], provenance: 'sample' });
    }
    await insertProject(db(), { title: '【テスト】中標津町との削除した事業', fiscalYear: 2030, field: 1, wardCodes: [NERIMA], partnerCodes: [NAKASHIBETSU], provenance: 'sample', deleted: true });
    await insertProject(db(), { title: '【テスト】中標津町との共同事業', fiscalYear: 2005, field: 1, organiserKind: 'joint', wardCodes: [], partnerCodes: [NAKASHIBETSU], provenance: 'sample' });
    const ties = tiesSection((await get(`/municipalities/${NAKASHIBETSU}`)).body);
    const shown = [...ties.matchAll(/【テスト】中標津町との事業(\d{2})/g)].map((m) => Number(m[1]));
    assert.deepEqual(shown, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
    assert.ok(!ties.includes('削除した事業'));
    assert.ok(ties.includes(`全${Number(before.n) + 13}件のうち`), 'the total counts every non-deleted project, joint ones included');
    assert.ok(ties.includes('2091年度(令和73年度)'));
    assert.match(ties, /href="\/projects\?pref=01"/);
  });

  test('a prefecture: agreements naming it, and how many of its municipalities have ties', async () => {
    await insertAgreement(db(), { title: '【テスト】高知県との相互連携協定', wardCodes: [SHINAGAWA], partners: [{ code: KOCHI_PREF }], typeId: 'exchange', signedOn: '2018-09-01', signedOnPrecision: 'month', provenance: 'sample' });
    const res = await get(`/municipalities/${KOCHI_PREF}`);
    assert.equal(res.statusCode, 200);
    const ties = tiesSection(res.body);
    assert.ok(ties.includes('【テスト】高知県との相互連携協定'));
    assert.ok(ties.includes('2018年(平成30年)9月<'));
    assert.match(ties, /高知県の市町村 34 のうち、特別区との連携の記録があるのは \d+ 自治体です。/);
    assert.ok(!ties.includes('会員登録はありません'), 'a prefecture has no member status line');

    const hokkaido = tiesSection((await get('/municipalities/010006')).body);
    const any = Number(/特別区との連携の記録があるのは (\d+) 自治体/.exec(hokkaido)?.[1]);
    assert.ok(any >= 144, '北海道町村会 alone brings 144 towns and villages');
    assert.match(hokkaido, /北海道町村会（144団体）/);
  });

  test('a ward’s own page links to its ward page', async () => {
    const res = await get(`/municipalities/${SUGINAMI}`);
    assert.match(tiesSection(res.body), /href="\/wards\/131156"/);
  });
});
