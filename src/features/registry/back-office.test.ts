import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { agreementSnapshot, saveAgreement } from './agreements/store.ts';
import { deleteRecord, restoreRecord } from './history/commands.ts';
import { projectSnapshot, saveProject } from './projects/store.ts';
import { clientSignedInAs, insertAccount } from '../../../test/accounts.ts';
import { TestClient } from '../../../test/client.ts';
import { describeEachEngine } from '../../../test/helper.ts';
import { normaliseDate } from './shared/record-form.ts';

const CHIYODA = '131016';
const CHUO = '131024';
const MINATO = '131032';
const NAYORO = '012211';
const HOKKAIDO = '010006';

const updatedAtIn = (html: string) => /name="updatedAt" value="([^"]+)"/.exec(html)?.[1] ?? '';

function agreementForm(over: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    typeId: 'exchange',
    title: 'サンプル 千代田区と名寄市との交流自治体協定',
    wards: [CHIYODA],
    partners: '名寄市',
    formerNames: '',
    signedOn: '2024/10/30',
    signedOnPrecision: 'day',
    resignedDates: '',
    endedOn: '',
    background: '',
    sourceUrl: 'https://example.jp/source',
    notes: 'サンプル',
    ...over,
  };
}

function projectForm(over: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    fiscalYear: '2024',
    title: 'サンプル 特産品フェア',
    summary: 'サンプルの事業です。',
    field: '1',
    organiserKind: 'wards',
    wards: [CHIYODA],
    partners: NAYORO,
    startsOn: '2024-10-30',
    endsOn: '2024-11-01',
    format: 'offline',
    status: '実施',
    newsUrl: '',
    sourceUrl: '',
    notes: '',
    ...over,
  };
}

test('dates are accepted as people type them and normalised to ISO', () => {
  assert.equal(normaliseDate('2024/10/30'), '2024-10-30');
  assert.equal(normaliseDate('２０２４年１０月３０日'), '2024-10-30');
  assert.equal(normaliseDate('2024-2-5'), '2024-02-05');
  assert.equal(normaliseDate('2024-02-30'), undefined);
  assert.equal(normaliseDate('2024-10'), undefined);
  assert.equal(normaliseDate('2024/10', 'month'), '2024-10-01');
  assert.equal(normaliseDate('2024', 'year'), '2024-01-01');
  assert.equal(normaliseDate('令和6年'), undefined);
});

describeEachEngine('registry edit pages', (current) => {
  const db = () => current().database.handle.db;
  const clientFor = (accountId: string) => clientSignedInAs(current().app, db(), accountId);
  let admin: TestClient;
  let chiyoda: TestClient;
  let member: TestClient;
  let minatoAgreementId: string;
  let minatoProjectId: string;

  const agreementCount = async () => Number((await db().selectFrom('agreements').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const projectCount = async () => Number((await db().selectFrom('projects').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const auditCount = async (action: string, targetId?: string) => {
    let q = db().selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).where('action', '=', action);
    if (targetId) q = q.where('target_id', '=', targetId);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };

  before(async () => {
    admin = await clientFor(await insertAccount(db(), { role: 'secretariat', code: null, twoFactor: true }));
    chiyoda = await clientFor(await insertAccount(db(), { role: 'ward_staff', code: CHIYODA }));
    member = await clientFor(await insertAccount(db(), { role: 'member', code: NAYORO }));
    // Records of another ward (港区), written the way the import writes them.
    await db()
      .transaction()
      .execute(async (trx) => {
        const a = await saveAgreement(
          trx,
          {
            typeId: 'exchange',
            title: 'サンプル 港区の協定',
            wardCodes: [MINATO],
            partnerCodes: [NAYORO],
            partnerGroupIds: [],
            formerNames: {},
            signedOn: '2010-04-01',
            signedOnPrecision: 'day',
            resignedDates: [],
            endedOn: null,
            background: '',
            sourceUrl: null,
            notes: '',
          },
          { actorAccountId: null, provenance: 'sample' },
        );
        minatoAgreementId = a.id;
        const p = await saveProject(
          trx,
          {
            fiscalYear: 2024,
            title: 'サンプル 港区の事業',
            summary: '',
            field: 2,
            organiserKind: 'wards',
            wardCodes: [MINATO],
            partnerCodes: [NAYORO],
            startsOn: null,
            endsOn: null,
            format: 'online',
            status: '予定',
            newsUrl: null,
            sourceUrl: null,
            notes: '',
          },
          { actorAccountId: null, provenance: 'sample' },
        );
        minatoProjectId = p.id;
      });
  });

  describe('who may enter', () => {
    test('a visitor is sent to sign in; a member and ward staff without a ward get a Japanese 403', async () => {
      const anonymous = new TestClient(current().app);
      const res = await anonymous.get('/registry');
      assert.equal(res.statusCode, 303);
      assert.match(String(res.headers.location), /^\/login\?next=%2Fregistry/);
      for (const url of ['/registry', '/registry/agreements', '/registry/projects/new', '/registry/deleted']) {
        const refused = await member.get(url);
        assert.equal(refused.statusCode, 403, url);
        assert.match(refused.body, /権限がありません/);
      }
      const noWard = await clientFor(await insertAccount(db(), { role: 'ward_staff', code: null }));
      assert.equal((await noWard.get('/registry')).statusCode, 403);
      const res2 = await member.post('/registry/agreements/new', agreementForm(), { from: '/municipalities/131016' });
      assert.equal(res2.statusCode, 403);
    });

    test('ward staff see their own ward; the secretariat sees everything and the other registry pages', async () => {
      const ward = await chiyoda.get('/registry');
      assert.equal(ward.statusCode, 200);
      assert.match(ward.body, /千代田区の記録/);
      assert.doesNotMatch(ward.body, /href="\/registry\/types"/);
      const all = await admin.get('/registry');
      assert.equal(all.statusCode, 200);
      for (const href of ['/registry/types', '/registry/groups', '/registry/wards', '/registry/companies', '/registry/disasters', '/registry/joint-plans', '/registry/plan', '/registry/figures', '/registry/members', '/admin/registry/import']) {
        assert.ok(all.body.includes(`href="${href}"`), href);
      }
      const list = await chiyoda.get('/registry/agreements');
      assert.equal(list.statusCode, 200);
      assert.doesNotMatch(list.body, /港区の協定/, 'another ward’s agreement is not listed for ward staff');
      const adminList = await admin.get(`/registry/agreements?ward=${MINATO}`);
      assert.match(adminList.body, /港区の協定/);
    });
  });

  test('unknown or malformed record ids answer 404 in Japanese; the pages speak English on request', async () => {
    for (const url of [`/registry/agreements/${randomUUID()}/edit`, '/registry/projects/%3Cx%3E/history', `/registry/projects/${randomUUID()}/delete`]) {
      const res = await admin.get(url);
      assert.equal(res.statusCode, 404, url);
      assert.match(res.body, /該当する記録はありません/);
    }
    const english = await clientFor(await insertAccount(db(), { role: 'ward_staff', code: CHIYODA }));
    english.cookies.set('lang', 'en');
    const home = await english.get('/registry');
    assert.match(home.body, /<h1 class="rk-heading-1">Registry management<\/h1>/);
    const form = await english.get('/registry/projects/new');
    assert.match(form.body, /Add a project/);
    const invalid = await english.post('/registry/projects/new', projectForm({ fiscalYear: 'x', title: '' }));
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.body, /Enter the fiscal year as a 4-digit year/);
    assert.match(invalid.body, /Enter the title\./);
  });

  describe('agreements', () => {
    let id: string;

    test('the secretariat creates an agreement: names resolved, date normalised, parties, history and audit written', async () => {
      const before = await agreementCount();
      const res = await admin.post('/registry/agreements/new', agreementForm({ wards: [CHIYODA, CHUO], partners: `名寄市\n${HOKKAIDO}`, formerNames: `${NAYORO}:風連町`, resignedDates: '2006/03/27' }), { from: '/registry/agreements/new' });
      assert.equal(res.statusCode, 303, res.body.slice(0, 3000));
      assert.equal(res.headers.location, '/registry/agreements?done=created');
      assert.equal(await agreementCount(), before + 1);
      const row = await db().selectFrom('agreements').selectAll().where('title', '=', 'サンプル 千代田区と名寄市との交流自治体協定').executeTakeFirstOrThrow();
      id = row.id;
      assert.equal(row.signed_on, '2024-10-30');
      assert.equal(row.resigned_dates, '2006-03-27');
      assert.equal(row.provenance, 'entry');
      const snap = await agreementSnapshot(db(), id);
      assert.deepEqual(snap?.wardCodes, [CHIYODA, CHUO]);
      assert.deepEqual(snap?.partnerCodes, [HOKKAIDO, NAYORO]);
      assert.deepEqual(snap?.formerNames, { [NAYORO]: '風連町' });
      const changes = await db().selectFrom('record_changes').selectAll().where('entity_id', '=', id).execute();
      assert.equal(changes.length, 1);
      assert.equal(changes[0]!.action, 'create');
      assert.equal(changes[0]!.before_json, null);
      assert.equal(await auditCount('registry.created', id), 1);
    });

    test('invalid input re-renders the form with 400, Japanese messages and the input kept; nothing is saved', async () => {
      const before = await agreementCount();
      const changes = await db().selectFrom('record_changes').select('id').execute();
      const res = await admin.post(
        '/registry/agreements/new',
        agreementForm({ title: 'サンプル 保存されない協定', signedOn: '2024/02/30', sourceUrl: 'javascript:alert(1)', partners: '府中市\n999999\n存在しない村', endedOn: '2001-01-01' }),
        { from: '/registry/agreements/new' },
      );
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /入力内容を確認してください/);
      assert.match(res.body, /締結日は「2024-10-30」または「2024\/10\/30」/);
      assert.match(res.body, /https:\/\/」または「http:\/\/」で始まるアドレス/);
      assert.match(res.body, /「府中市」という名称の自治体は複数あります.*団体コードで入力してください/);
      assert.match(res.body, /value="サンプル 保存されない協定"/, 'the title is kept');
      assert.match(res.body, /javascript:alert\(1\)/, 'the URL is kept (escaped, in the value)');
      assert.equal(await agreementCount(), before);
      assert.equal((await db().selectFrom('record_changes').select('id').execute()).length, changes.length);
      const unknown = await admin.post('/registry/agreements/new', agreementForm({ partners: '999999' }), { from: '/registry/agreements/new' });
      assert.equal(unknown.statusCode, 400);
      assert.match(unknown.body, /正しい団体コードではありません/);
      const ended = await admin.post('/registry/agreements/new', agreementForm({ endedOn: '2001-01-01' }), { from: '/registry/agreements/new' });
      assert.equal(ended.statusCode, 400);
      assert.match(ended.body, /終了日は締結日と同じか、それより後/);
      const noWard = await admin.post('/registry/agreements/new', agreementForm({ wards: [] }), { from: '/registry/agreements/new' });
      assert.equal(noWard.statusCode, 400);
      assert.match(noWard.body, /特別区を1つ以上選んでください/);
      assert.equal(await agreementCount(), before);
    });

    test('an edit is saved with before → after in the history, in Japanese with the actor and JST time', async () => {
      const form = await admin.get(`/registry/agreements/${id}/edit`);
      assert.equal(form.statusCode, 200);
      assert.ok(form.body.includes('012211 北海道名寄市'), 'partners are shown as code and name');
      const updatedAt = updatedAtIn(form.body);
      assert.ok(updatedAt);
      const res = await admin.post(`/registry/agreements/${id}/edit`, agreementForm({ title: 'サンプル 改訂後の協定', wards: [CHIYODA, CHUO], partners: `${NAYORO}\n${HOKKAIDO}`, formerNames: `${NAYORO}:風連町`, resignedDates: '2006-03-27', updatedAt }));
      assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
      const history = await admin.get(`/registry/agreements/${id}/history`);
      assert.equal(history.statusCode, 200);
      assert.match(history.body, /<tr data-key="title">/);
      assert.match(history.body, /class="rk-change__before">サンプル 千代田区と名寄市との交流自治体協定</);
      assert.match(history.body, /class="rk-change__after">サンプル 改訂後の協定</);
      const latest = history.body.split('<section')[1] ?? '';
      assert.match(latest, /<tr data-key="title">/);
      assert.doesNotMatch(latest, /<tr data-key="partnerCodes">/, 'unchanged parties are not listed as changes of the update');
      assert.match(history.body, /\d{4}年\(令和\d+年\)\d+月\d+日 \d{2}:\d{2}/, 'time in JST, Japanese style');
      assert.match(history.body, /試験secretariat/, 'the actor is named');
      assert.equal(await auditCount('registry.updated', id), 1);
    });

    test('a stale form gets 409 with a Japanese message and the input kept; the record is unchanged', async () => {
      const form = await admin.get(`/registry/agreements/${id}/edit`);
      const stale = updatedAtIn(form.body);
      const first = await admin.post(`/registry/agreements/${id}/edit`, agreementForm({ title: 'サンプル 先に保存', wards: [CHIYODA], updatedAt: stale }));
      assert.equal(first.statusCode, 303);
      const second = await admin.post(`/registry/agreements/${id}/edit`, agreementForm({ title: 'サンプル 後から保存', wards: [CHIYODA], updatedAt: stale }), { from: `/registry/agreements/${id}/edit` });
      assert.equal(second.statusCode, 409);
      assert.match(second.body, /他の人が更新しました/);
      assert.match(second.body, /value="サンプル 後から保存"/);
      const row = await db().selectFrom('agreements').select('title').where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(row.title, 'サンプル 先に保存');
    });

    test('ward staff create and edit their own ward’s agreement; their ward stays fixed in the form', async () => {
      const form = await chiyoda.get('/registry/agreements/new');
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /<input type="hidden" name="wards" value="131016"/);
      const res = await chiyoda.post('/registry/agreements/new', agreementForm({ title: 'サンプル 区職員が登録した協定' }));
      assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
      const row = await db().selectFrom('agreements').select(['id', 'updated_at']).where('title', '=', 'サンプル 区職員が登録した協定').executeTakeFirstOrThrow();
      const edit = await chiyoda.get(`/registry/agreements/${row.id}/edit`);
      assert.equal(edit.statusCode, 200);
      const saved = await chiyoda.post(`/registry/agreements/${row.id}/edit`, agreementForm({ title: 'サンプル 区職員が直した協定', updatedAt: updatedAtIn(edit.body) }));
      assert.equal(saved.statusCode, 303);
      const after = await db().selectFrom('agreements').select('title').where('id', '=', row.id).executeTakeFirstOrThrow();
      assert.equal(after.title, 'サンプル 区職員が直した協定');
    });

    test('ward staff are refused (403, audited) on another ward’s agreement, also with forged POSTs', async () => {
      const deniedBefore = await auditCount('authz.denied');
      for (const url of [`/registry/agreements/${minatoAgreementId}/edit`, `/registry/agreements/${minatoAgreementId}/delete`, `/registry/agreements/${minatoAgreementId}/history`]) {
        const res = await chiyoda.get(url);
        assert.equal(res.statusCode, 403, url);
        assert.match(res.body, /権限がありません/);
      }
      const stored = await db().selectFrom('agreements').selectAll().where('id', '=', minatoAgreementId).executeTakeFirstOrThrow();
      await chiyoda.get('/registry/agreements/new');
      // Forged: the form claims the record includes 千代田区; the stored record decides.
      const edit = await chiyoda.post(`/registry/agreements/${minatoAgreementId}/edit`, agreementForm({ title: 'サンプル 乗っ取り', wards: [CHIYODA, MINATO], updatedAt: stored.updated_at }));
      assert.equal(edit.statusCode, 403);
      await chiyoda.get('/registry/agreements/new');
      const del = await chiyoda.post(`/registry/agreements/${minatoAgreementId}/delete`, {});
      assert.equal(del.statusCode, 403);
      // A new record that leaves out their own ward cannot be created either.
      await chiyoda.get('/registry/agreements/new');
      const before = await agreementCount();
      const other = await chiyoda.post('/registry/agreements/new', agreementForm({ title: 'サンプル 他区だけの協定', wards: [MINATO] }));
      assert.equal(other.statusCode, 403);
      assert.equal(await agreementCount(), before);
      const after = await db().selectFrom('agreements').selectAll().where('id', '=', minatoAgreementId).executeTakeFirstOrThrow();
      assert.deepEqual(after, stored, 'the other ward’s agreement is untouched');
      assert.ok((await auditCount('authz.denied')) >= deniedBefore + 6);
    });

    test('ward staff delete and restore their own agreement; history shows both; the record is public again', async () => {
      const row = await db().selectFrom('agreements').select('id').where('title', '=', 'サンプル 区職員が直した協定').executeTakeFirstOrThrow();
      const confirm = await chiyoda.get(`/registry/agreements/${row.id}/delete`);
      assert.equal(confirm.statusCode, 200);
      assert.match(confirm.body, /元に戻せます/);
      const del = await chiyoda.post(`/registry/agreements/${row.id}/delete`, {});
      assert.equal(del.statusCode, 303);
      const deleted = await db().selectFrom('agreements').select('deleted_at').where('id', '=', row.id).executeTakeFirstOrThrow();
      assert.ok(deleted.deleted_at);
      assert.equal((await chiyoda.get(`/registry/agreements/${row.id}/edit`)).statusCode, 404);
      const list = await chiyoda.get('/registry/deleted');
      assert.match(list.body, /サンプル 区職員が直した協定/);
      assert.doesNotMatch(list.body, /港区の/);
      const restore = await chiyoda.post(`/registry/agreements/${row.id}/restore`, {});
      assert.equal(restore.statusCode, 303);
      assert.equal(restore.headers.location, '/registry/deleted?done=restored');
      const restored = await db().selectFrom('agreements').select('deleted_at').where('id', '=', row.id).executeTakeFirstOrThrow();
      assert.equal(restored.deleted_at, null);
      const actions = await db().selectFrom('record_changes').select('action').where('entity_id', '=', row.id).orderBy('occurred_at').execute();
      assert.deepEqual(
        actions.map((a) => a.action),
        ['create', 'update', 'delete', 'restore'],
      );
      const history = await chiyoda.get(`/registry/agreements/${row.id}/history`);
      assert.match(history.body, /記録を削除しました/);
      assert.match(history.body, /削除した記録を元に戻しました/);
      assert.equal(await auditCount('registry.deleted', row.id), 1);
      assert.equal(await auditCount('registry.restored', row.id), 1);
    });

    test('ward staff cannot restore another ward’s deleted record; the secretariat can', async () => {
      const confirm = await admin.get(`/registry/agreements/${minatoAgreementId}/delete`);
      assert.equal(confirm.statusCode, 200);
      assert.equal((await admin.post(`/registry/agreements/${minatoAgreementId}/delete`, {})).statusCode, 303);
      await chiyoda.get('/registry/deleted');
      const refused = await chiyoda.post(`/registry/agreements/${minatoAgreementId}/restore`, {});
      assert.equal(refused.statusCode, 403);
      const still = await db().selectFrom('agreements').select('deleted_at').where('id', '=', minatoAgreementId).executeTakeFirstOrThrow();
      assert.ok(still.deleted_at);
      const deletedList = await admin.get('/registry/deleted');
      assert.match(deletedList.body, /港区の協定/);
      assert.equal((await admin.post(`/registry/agreements/${minatoAgreementId}/restore`, {})).statusCode, 303);
      const back = await db().selectFrom('agreements').select('deleted_at').where('id', '=', minatoAgreementId).executeTakeFirstOrThrow();
      assert.equal(back.deleted_at, null);
    });
  });

  describe('projects', () => {
    test('ward staff create a project for their ward; 23区共同 is not offered to them and refused when forged', async () => {
      const form = await chiyoda.get('/registry/projects/new');
      assert.equal(form.statusCode, 200);
      assert.doesNotMatch(form.body, /value="joint"/);
      const res = await chiyoda.post('/registry/projects/new', projectForm({ partners: '名寄市' }));
      assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
      const row = await db().selectFrom('projects').selectAll().where('title', '=', 'サンプル 特産品フェア').executeTakeFirstOrThrow();
      assert.equal(row.fiscal_year, 2024);
      const partners = await db().selectFrom('project_partners').selectAll().where('project_id', '=', row.id).execute();
      assert.deepEqual(partners, [{ project_id: row.id, local_government_code: NAYORO, prefecture_code: '01' }]);
      await chiyoda.get('/registry/projects/new');
      const before = await projectCount();
      const joint = await chiyoda.post('/registry/projects/new', projectForm({ organiserKind: 'joint', wards: [] }));
      assert.equal(joint.statusCode, 403);
      assert.equal(await projectCount(), before);
    });

    test('the secretariat creates a 23区共同 project, which ward staff may not edit', async () => {
      const res = await admin.post('/registry/projects/new', projectForm({ title: 'サンプル 23区共同の事業', organiserKind: 'joint', wards: [] }), { from: '/registry/projects/new' });
      assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
      const row = await db().selectFrom('projects').select(['id', 'organiser_kind']).where('title', '=', 'サンプル 23区共同の事業').executeTakeFirstOrThrow();
      assert.equal(row.organiser_kind, 'joint');
      assert.equal((await chiyoda.get(`/registry/projects/${row.id}/edit`)).statusCode, 403);
      assert.equal((await chiyoda.get(`/registry/projects/${minatoProjectId}/edit`)).statusCode, 403);
      await chiyoda.get('/registry/projects/new');
      const forged = await chiyoda.post(`/registry/projects/${minatoProjectId}/delete`, {});
      assert.equal(forged.statusCode, 403);
      const stored = await db().selectFrom('projects').select('deleted_at').where('id', '=', minatoProjectId).executeTakeFirstOrThrow();
      assert.equal(stored.deleted_at, null);
    });

    test('project validation: 年度 range, end before start, field, status, URL; input kept, nothing saved', async () => {
      const before = await projectCount();
      const res = await chiyoda.post('/registry/projects/new', projectForm({ title: 'サンプル 保存されない事業', fiscalYear: '1999', startsOn: '2024-11-02', endsOn: '2024/11/01', field: '9', status: '', newsUrl: 'ftp://example.jp' }), { from: '/registry/projects/new' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /年度は2000から2100まで/);
      assert.match(res.body, /終了日は開始日と同じか、それより後/);
      assert.match(res.body, /分野を選んでください/);
      assert.match(res.body, /状況（実施・予定・中止・延期）を選んでください/);
      assert.match(res.body, /お知らせのアドレスは「https:\/\/」/);
      assert.match(res.body, /value="サンプル 保存されない事業"/);
      assert.equal(await projectCount(), before);
    });

    test('a project edit and its history; a stale edit gets 409', async () => {
      const row = await db().selectFrom('projects').select('id').where('title', '=', 'サンプル 特産品フェア').executeTakeFirstOrThrow();
      const form = await chiyoda.get(`/registry/projects/${row.id}/edit`);
      const updatedAt = updatedAtIn(form.body);
      const saved = await chiyoda.post(`/registry/projects/${row.id}/edit`, projectForm({ status: '中止', updatedAt }));
      assert.equal(saved.statusCode, 303);
      const stale = await chiyoda.post(`/registry/projects/${row.id}/edit`, projectForm({ status: '延期', updatedAt }), { from: `/registry/projects/${row.id}/edit` });
      assert.equal(stale.statusCode, 409);
      const history = await chiyoda.get(`/registry/projects/${row.id}/history`);
      assert.match(history.body, /<tr data-key="status">/);
      assert.match(history.body, /class="rk-change__before">実施</);
      assert.match(history.body, /class="rk-change__after">中止</);
    });
  });

  describe('registry-writes', () => {
    test('an import batch records action import; delete/restore are idempotent', async () => {
      const batchId = randomUUID();
      const id = await db()
        .transaction()
        .execute(async (trx) => {
          const r = await saveAgreement(
            trx,
            { typeId: 'exchange', title: 'サンプル 取り込み', wardCodes: [CHIYODA, CHIYODA], partnerCodes: [NAYORO], partnerGroupIds: [], formerNames: {}, signedOn: null, signedOnPrecision: 'day', resignedDates: [], endedOn: null, background: '', sourceUrl: null, notes: '' },
            { actorAccountId: null, provenance: 'import', batchId },
          );
          assert.equal(r.action, 'create');
          const again = await saveAgreement(
            trx,
            { id: r.id, typeId: 'exchange', title: 'サンプル 取り込み（再）', wardCodes: [CHIYODA], partnerCodes: [NAYORO], partnerGroupIds: [], formerNames: {}, signedOn: null, signedOnPrecision: 'day', resignedDates: [], endedOn: null, background: '', sourceUrl: null, notes: '' },
            { actorAccountId: null, provenance: 'import', batchId },
          );
          assert.equal(again.action, 'update');
          assert.equal(await deleteRecord(trx, 'agreement', r.id, { actorAccountId: null, provenance: 'import' }), true);
          assert.equal(await deleteRecord(trx, 'agreement', r.id, { actorAccountId: null, provenance: 'import' }), false);
          assert.equal(await restoreRecord(trx, 'agreement', r.id, { actorAccountId: null, provenance: 'import' }), true);
          assert.equal(await restoreRecord(trx, 'agreement', r.id, { actorAccountId: null, provenance: 'import' }), false);
          return r.id;
        });
      const rows = await db().selectFrom('record_changes').select(['action', 'batch_id', 'before_json', 'after_json']).where('entity_id', '=', id).orderBy('occurred_at').execute();
      assert.deepEqual(rows.map((r) => r.action).sort(), ['delete', 'import', 'import', 'restore']);
      const imports = rows.filter((r) => r.action === 'import');
      assert.ok(imports.every((r) => r.batch_id === batchId));
      assert.equal(JSON.parse(imports.find((r) => r.before_json)!.before_json!).title, 'サンプル 取り込み');
      const snap = await projectSnapshot(db(), minatoProjectId);
      assert.deepEqual(snap?.wardCodes, [MINATO]);
      const wards = await db().selectFrom('agreement_wards').select('ward_code').where('agreement_id', '=', id).execute();
      assert.equal(wards.length, 1);
    });
  });
});
