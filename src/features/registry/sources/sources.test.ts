// Sources and 要確認 on both engines: the seed's sources on the public agreement page; the back
// office's 出典の一覧 and 要確認 pages scoped by ward; a question written and cleared through the
// edit form, with its change history; and the import leaving a question alone.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { agreementId } from '../../../db/seed/registry/agreements.ts';
import { clientSignedInAs, insertAccount, signedInClient } from '../../../../test/accounts.ts';
import type { TestClient } from '../../../../test/client.ts';
import { describeEachEngine } from '../../../../test/helper.ts';
import { agreementSchema } from '../agreements/api.ts';
import { oneOf } from '../api/schemas.ts';

const CHIYODA = '131016';
const TAITO = '131067';
const NAKANO = '131148';
const NAYORO = '012211';

const TAITO_SUMIDA = agreementId('taito/sumida/sister');
const NAKANO_FORMER = agreementId('nakano/satomachi/2009-former');
const SUMIDA_40_TITLE = '台東区と墨田区が姉妹区提携40周年を迎えました';

describeEachEngine('sources and 要確認', (current) => {
  const db = () => current().database.handle.db;
  let secretariat: TestClient;
  let taito: TestClient;
  let chiyoda: TestClient;

  before(async () => {
    const { app } = current();
    secretariat = await signedInClient(app, db(), { role: 'secretariat', code: null, twoFactor: true });
    taito = await signedInClient(app, db(), { role: 'ward_staff', code: TAITO });
    chiyoda = await clientSignedInAs(app, db(), await insertAccount(db(), { role: 'ward_staff', code: CHIYODA }));
  });

  test('the public agreement page lists its sources in order, with publisher and stated date', async () => {
    const page = await current().app.inject({ url: `/agreements/${TAITO_SUMIDA}` });
    assert.equal(page.statusCode, 200);
    const list = /<ol class="rk-source-list">([\s\S]*?)<\/ol>/.exec(page.body)?.[1] ?? '';
    assert.match(list, new RegExp(`<a href="http://www.city.taito.lg.jp/index/kusei/shimaitoshi/kinkyo/sumida40taidan.html" rel="noopener noreferrer">${SUMIDA_40_TITLE}</a>`));
    assert.match(list, /台東区・更新:2017年4月18日/);
    assert.ok(list.indexOf(SUMIDA_40_TITLE) < list.indexOf('こんにちは区長です'), 'the main source first');
    assert.doesNotMatch(page.body, /要確認/, 'the questions are for the back office');
  });

  test('the JSON API gives an agreement’s sources in the same order (the OpenAPI shape)', async () => {
    const res = await current().app.inject({ url: `/api/v1/agreements/${TAITO_SUMIDA}` });
    assert.equal(res.statusCode, 200);
    const { data } = oneOf(agreementSchema).parse(res.json());
    assert.equal(data.sources[0]?.title, SUMIDA_40_TITLE);
    assert.deepEqual([data.sources[0]?.publisher, data.sources[0]?.statedOn, data.sources[0]?.statedText], ['台東区', '2017-04-18', '更新:2017年4月18日']);
    assert.equal(data.sourceUrl, data.sources[0]?.url);
  });

  test('出典の一覧: every source with the agreements citing it; ward staff see their own ward’s', async () => {
    const all = await secretariat.get('/registry/sources');
    assert.equal(all.statusCode, 200);
    assert.match(all.body, /件中/);
    const filtered = await secretariat.get(`/registry/sources?ward=${TAITO}`);
    assert.match(filtered.body, new RegExp(SUMIDA_40_TITLE));
    assert.match(filtered.body, new RegExp(`href="/registry/agreements/${TAITO_SUMIDA}/edit">姉妹区提携</a>`));
    const own = await taito.get('/registry/sources');
    assert.match(own.body, new RegExp(SUMIDA_40_TITLE));
    assert.doesNotMatch(own.body, /sumida40taidan[\s\S]*中野区/);
    const other = await chiyoda.get('/registry/sources');
    assert.equal(other.statusCode, 200);
    assert.doesNotMatch(other.body, new RegExp(SUMIDA_40_TITLE), '千代田区 staff do not see 台東区 sources');
    const member = await signedInClient(current().app, db(), { role: 'member', code: NAYORO });
    assert.equal((await member.get('/registry/sources')).statusCode, 403);
    assert.equal((await current().app.inject({ url: '/registry/sources' })).statusCode, 303, 'anonymous: to sign-in');
  });

  test('要確認: the open questions, scoped by ward, with the sources beside them', async () => {
    const all = await secretariat.get(`/registry/review?ward=${NAKANO}`);
    assert.equal(all.statusCode, 200);
    assert.match(all.body, new RegExp(`/registry/agreements/${NAKANO_FORMER}/edit`));
    assert.match(all.body, /富岡市・中野市の参加は/);
    assert.doesNotMatch((await chiyoda.get('/registry/review')).body, new RegExp(NAKANO_FORMER));
    const overview = await secretariat.get('/registry');
    assert.match(overview.body, /要確認の協定/);
  });

  test('a question is written and cleared on the edit form; the history shows both; it leaves the list', async () => {
    const form = {
      typeId: 'exchange',
      title: 'サンプル 要確認つきの協定',
      wards: [CHIYODA],
      partners: '名寄市',
      formerNames: '',
      signedOn: '2024-10-30',
      signedOnPrecision: 'day',
      resignedDates: '',
      endedOn: '',
      background: '',
      sourceUrl: '',
      notes: 'サンプル',
      reviewNote: '締結日が出典によって違う。',
    };
    await chiyoda.get('/registry/agreements/new');
    const created = await chiyoda.post('/registry/agreements/new', form);
    assert.equal(created.statusCode, 303);
    const row = await db().selectFrom('agreements').select(['id', 'review_note', 'updated_at']).where('title', '=', form.title).executeTakeFirstOrThrow();
    assert.equal(row.review_note, '締結日が出典によって違う。');
    assert.match((await chiyoda.get('/registry/review')).body, /締結日が出典によって違う。/);

    const edit = await chiyoda.get(`/registry/agreements/${row.id}/edit`);
    assert.match(edit.body, /<textarea[^>]*name="reviewNote"[^>]*>締結日が出典によって違う。<\/textarea>/);
    const saved = await chiyoda.post(`/registry/agreements/${row.id}/edit`, { ...form, reviewNote: '', updatedAt: row.updated_at });
    assert.equal(saved.statusCode, 303);
    assert.equal((await db().selectFrom('agreements').select('review_note').where('id', '=', row.id).executeTakeFirstOrThrow()).review_note, '');
    assert.doesNotMatch((await chiyoda.get('/registry/review')).body, /サンプル 要確認つきの協定/);
    const history = await chiyoda.get(`/registry/agreements/${row.id}/history`);
    assert.match(history.body, /要確認/);
    assert.match(history.body, /締結日が出典によって違う。/);
  });
});
