import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import type { RegistryEntity, Role } from '../../../db/schema.ts';
import { wideAreaGroups } from '../../../domain/wide-area-groups.ts';
import { signedInClient } from '../../../../test/accounts.ts';
import { TestClient } from '../../../../test/client.ts';
import { describeEachEngine } from '../../../../test/helper.ts';
import { registryKinds } from '../index.ts';

/** The path of a redirect without its query. */
const pathOf = (location: unknown) => String(location).split('?')[0]!;
const idFrom = (location: unknown) => pathOf(location).split('/').pop()!;

describeEachEngine('registry master pages', (current) => {
  const db = () => current().database.handle.db;
  let admin: TestClient;

  const clientFor = (role: Role, code: string | null, twoFactor = false): Promise<TestClient> =>
    signedInClient(current().app, db(), { role, code, twoFactor, name: role === 'secretariat' ? '試験事務局' : '試験さん' });

  const historyOf = (entity: RegistryEntity, id: string) =>
    db().selectFrom('record_changes').selectAll().where('entity_type', '=', entity).where('entity_id', '=', id).orderBy('occurred_at').orderBy('id').execute();
  const auditCount = async (targetId: string) =>
    Number((await db().selectFrom('audit_events').select((e) => e.fn.countAll<number>().as('n')).where('target_id', '=', targetId).where('action', 'like', 'registry.%').executeTakeFirstOrThrow()).n);

  before(async () => {
    admin = await clientFor('secretariat', null, true);
    // The 13 groups, in case the seed has not loaded them.
    const now = new Date().toISOString();
    for (const [i, g] of wideAreaGroups.entries()) {
      const exists = await db().selectFrom('wide_area_groups').select('id').where('id', '=', g.id).executeTakeFirst();
      if (exists) continue;
      await db()
        .insertInto('wide_area_groups')
        .values({ id: g.id, name: g.nameJa, prefecture_code: g.prefectureCode, kind: g.kind, signed_on: g.signedOn, published_member_count: g.publishedMemberCount, sort_order: i, source_url: null, created_at: now, updated_at: now, deleted_at: null })
        .execute();
    }
  });

  describe('who may use the pages', () => {
    /** Every route of these pages with a concrete URL. */
    const routes = () => {
      const slugs = registryKinds.map((k) => k.slug).join('|');
      const pattern = new RegExp(`^/registry/(${slugs})(/|$)`);
      return current()
        .app.routeTable.filter((r) => pattern.test(r.url))
        .map((r) => ({ method: r.method, url: r.url.replace(/:[a-zA-Z]+/g, 'x') }));
    };

    test('every kind has its list, edit, history, and (where records can be deleted) restore routes', () => {
      const all = routes();
      for (const kind of registryKinds) {
        assert.ok(all.some((r) => r.method === 'GET' && r.url === `/registry/${kind.slug}`), kind.slug);
        assert.ok(all.some((r) => r.method === 'GET' && r.url === `/registry/${kind.slug}/x/history`), kind.slug);
        if (kind.canDelete) assert.ok(all.some((r) => r.method === 'POST' && r.url === `/registry/${kind.slug}/x/restore`), kind.slug);
      }
    });

    test('an anonymous visitor is sent to sign in from every route', async () => {
      const client = new TestClient(current().app);
      for (const r of routes()) {
        const res = r.method === 'GET' ? await client.get(r.url) : await client.post(r.url, {}, { from: '/login' });
        assert.equal(res.statusCode, 303, `${r.method} ${r.url}`);
        assert.equal(res.headers.location, `/login?next=${encodeURIComponent(r.url)}`);
      }
    });

    for (const [name, role, code] of [
      ['a ward officer of 千代田区', 'ward_staff', '131016'],
      ['a member of 名寄市', 'member', '012211'],
    ] as const) {
      test(`${name} gets 403 on every route, GET and forged POST, and changes nothing`, async () => {
        const client = await clientFor(role, code);
        const before = Number((await db().selectFrom('record_changes').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
        for (const r of routes()) {
          const res = r.method === 'GET' ? await client.get(r.url) : await client.post(r.url, { name: '不正な種別', category: 'other', sort_order: '1' }, { from: '/municipalities/131016' });
          assert.equal(res.statusCode, 403, `${r.method} ${r.url}`);
        }
        const res = await client.post('/registry/types', { name: '不正な種別', category: 'other', sort_order: '1' }, { from: '/municipalities/131016' });
        assert.equal(res.statusCode, 403);
        assert.equal((await db().selectFrom('agreement_types').select('id').where('name', '=', '不正な種別').execute()).length, 0);
        const afterCount = Number((await db().selectFrom('record_changes').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
        assert.equal(afterCount, before);
      });
    }

    test('the secretariat without two-factor authentication is sent to set it up', async () => {
      const client = await clientFor('secretariat', null, false);
      for (const r of routes()) {
        const res = r.method === 'GET' ? await client.get(r.url) : await client.post(r.url, {}, { from: '/municipalities/131016' });
        assert.equal(res.statusCode, 303, `${r.method} ${r.url}`);
        assert.equal(res.headers.location, '/member/two-factor?required=1');
      }
    });

    test('the secretariat sees every list page and every new-record form', async () => {
      for (const kind of registryKinds) {
        const res = await admin.get(`/registry/${kind.slug}`);
        assert.equal(res.statusCode, 200, kind.slug);
        assert.match(res.body, /削除した記録|<h1/);
        if (kind.canCreate) assert.equal((await admin.get(`/registry/${kind.slug}/new`)).statusCode, 200, `${kind.slug}/new`);
      }
    });
  });

  describe('agreement types', () => {
    test('create, rename, delete and restore, each with a history row and an audit event', async () => {
      const created = await admin.post('/registry/types', { name: '試験交流協定', name_en: 'Test exchange', category: 'friendship', sort_order: '500' }, { from: '/registry/types/new' });
      assert.equal(created.statusCode, 303);
      const id = idFrom(created.headers.location);
      const row = await db().selectFrom('agreement_types').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(row.name, '試験交流協定');
      assert.equal(row.sort_order, 500);

      const renamed = await admin.post(`/registry/types/${id}`, { name: '試験友好協定', name_en: 'Test exchange', category: 'friendship', sort_order: '500' }, { from: `/registry/types/${id}` });
      assert.equal(renamed.statusCode, 303);
      assert.match(String(renamed.headers.location), /done=updated/);

      const deleted = await admin.post(`/registry/types/${id}/delete`, {}, { from: `/registry/types/${id}` });
      assert.equal(deleted.statusCode, 303);
      assert.ok((await db().selectFrom('agreement_types').select('deleted_at').where('id', '=', id).executeTakeFirstOrThrow()).deleted_at);
      const list = await admin.get('/registry/types');
      const deletedSection = list.body.slice(list.body.indexOf('id="deleted-title"'));
      assert.match(deletedSection, /試験友好協定/);
      assert.match(deletedSection, new RegExp(`action="/registry/types/${id}/restore"`));

      const restored = await admin.post(`/registry/types/${id}/restore`, {}, { from: '/registry/types' });
      assert.equal(restored.statusCode, 303);
      assert.equal((await db().selectFrom('agreement_types').select('deleted_at').where('id', '=', id).executeTakeFirstOrThrow()).deleted_at, null);

      const history = await historyOf('agreement_type', id);
      assert.deepEqual(history.map((h) => h.action), ['create', 'update', 'delete', 'restore']);
      assert.equal(JSON.parse(history[1]!.before_json!).name, '試験交流協定');
      assert.equal(JSON.parse(history[1]!.after_json!).name, '試験友好協定');
      assert.equal(history[2]!.after_json, null);
      assert.equal(await auditCount(id), 4);

      const page = await admin.get(`/registry/types/${id}/history`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /試験友好協定の変更履歴/);
      assert.match(page.body, /<th scope="row">名称<\/th>\s*<td>試験交流協定<\/td>\s*<td>試験友好協定<\/td>/);
      assert.match(page.body, /試験事務局/);
      assert.match(page.body, /\d{4}年\([^)]+\)\d+月\d+日 \d{2}:\d{2}/);
    });

    test('a type used by an agreement cannot be deleted: a Japanese error, nothing changes', async () => {
      const now = new Date().toISOString();
      const typeId = (await db().selectFrom('agreement_types').select('id').where('deleted_at', 'is', null).orderBy('sort_order').executeTakeFirstOrThrow()).id;
      await db().insertInto('agreements').values({ id: randomUUID(), type_id: typeId, title: '試験の協定', signed_on: null, ended_on: null, source_url: null, provenance: 'sample', created_at: now, updated_at: now, deleted_at: null }).execute();
      const before = (await historyOf('agreement_type', typeId)).length;
      const res = await admin.post(`/registry/types/${typeId}/delete`, {}, { from: `/registry/types/${typeId}` });
      assert.equal(res.statusCode, 409);
      assert.match(res.body, /件の協定（削除済みを含む）で使われているため削除できません/);
      assert.equal((await db().selectFrom('agreement_types').select('deleted_at').where('id', '=', typeId).executeTakeFirstOrThrow()).deleted_at, null);
      assert.equal((await historyOf('agreement_type', typeId)).length, before);
    });

    test('invalid input: 400, the error summary with Japanese messages, the input kept, nothing saved', async () => {
      const count = async () => Number((await db().selectFrom('agreement_types').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const n = await count();
      const res = await admin.post('/registry/types', { name: '', name_en: 'Kept "value" <b>', category: 'nonsense', sort_order: 'abc' }, { from: '/registry/types/new' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /class="rk-error-summary"/);
      assert.match(res.body, /<a href="#f-name">名称を入力してください。<\/a>/);
      assert.match(res.body, /<a href="#f-category">分類を一覧から選んでください。<\/a>/);
      assert.match(res.body, /<a href="#f-sort_order">表示順は半角数字の整数/);
      assert.match(res.body, /value="Kept &#34;value&#34; <b>"/);
      assert.match(res.body, /<title>エラー：/);
      assert.equal(await count(), n);
      const dup = await admin.post('/registry/types', { name: '姉妹都市', category: 'friendship', sort_order: '1' }, { from: '/registry/types/new' });
      assert.equal(dup.statusCode, 400);
      assert.match(dup.body, /この名称の種別はすでにあります/);
      assert.equal(await count(), n);
    });
  });

  describe('wide-area groups', () => {
    test('an exception changes the derived member count, and is part of the group’s history', async () => {
      const groupId = 'hokkaido-chosonkai';
      const derived = (html: string) => Number(/data-count="derived">([\d,]+)</.exec(html)?.[1]?.replace(/,/g, ''));
      const byRule = (html: string) => Number(/data-count="by-rule">([\d,]+)</.exec(html)?.[1]?.replace(/,/g, ''));
      const page = await admin.get(`/registry/groups/${groupId}`);
      assert.equal(page.statusCode, 200);
      const start = derived(page.body);
      assert.ok(start > 100, `北海道町村会 has more than 100 members by rule (${start})`);
      const town = await db()
        .selectFrom('local_governments')
        .select('code')
        .where('prefecture_code', '=', '01')
        .where('kind', '=', '町')
        .where('is_counted', '=', 1)
        .where('valid_to', 'is', null)
        .orderBy('code')
        .executeTakeFirstOrThrow();
      const added = await admin.post(`/registry/groups/${groupId}/exceptions`, { code: town.code, change: 'remove', note: '試験：協定から脱退' }, { from: `/registry/groups/${groupId}` });
      assert.equal(added.statusCode, 303);
      const after = await admin.get(`/registry/groups/${groupId}`);
      assert.equal(derived(after.body), start - 1);
      assert.equal(byRule(after.body), byRule(page.body));
      assert.match(after.body, /試験：協定から脱退/);

      const bad = await admin.post(`/registry/groups/${groupId}/exceptions`, { code: '999999', change: 'remove', note: 'x' }, { from: `/registry/groups/${groupId}` });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /正しくない団体コード/);
      assert.match(bad.body, /value="999999"/);

      const exception = await db().selectFrom('wide_area_group_exceptions').select('id').where('group_id', '=', groupId).where('local_government_code', '=', town.code).executeTakeFirstOrThrow();
      const removed = await admin.post(`/registry/groups/${groupId}/exceptions/${exception.id}/remove`, {}, { from: `/registry/groups/${groupId}` });
      assert.equal(removed.statusCode, 303);
      assert.equal(derived((await admin.get(`/registry/groups/${groupId}`)).body), start);

      const history = await historyOf('wide_area_group', groupId);
      assert.deepEqual(history.map((h) => h.action).slice(-2), ['update', 'update']);
      assert.deepEqual(JSON.parse(history.at(-2)!.after_json!).exceptions, [`−${town.code} (試験：協定から脱退)`]);
      assert.deepEqual(JSON.parse(history.at(-1)!.after_json!).exceptions, []);
    });

    test('the signed date may be left empty (unknown) and is stored to its precision', async () => {
      const groupId = 'kyoto-chosonkai';
      const unknown = await admin.post(`/registry/groups/${groupId}`, { signed_on: '', signed_on_precision: 'day', published_member_count: '11', source_url: '', notes: '' }, { from: `/registry/groups/${groupId}` });
      assert.equal(unknown.statusCode, 303);
      assert.equal((await db().selectFrom('wide_area_groups').select('signed_on').where('id', '=', groupId).executeTakeFirstOrThrow()).signed_on, null);
      assert.match((await admin.get('/registry/groups')).body, /不明/);
      const month = await admin.post(`/registry/groups/${groupId}`, { signed_on: '2016/4', signed_on_precision: 'month', published_member_count: '11', source_url: 'https://example.jp/a', notes: '' }, { from: `/registry/groups/${groupId}` });
      assert.equal(month.statusCode, 303);
      const row = await db().selectFrom('wide_area_groups').selectAll().where('id', '=', groupId).executeTakeFirstOrThrow();
      assert.equal(row.signed_on, '2016-04-01');
      assert.equal(row.signed_on_precision, 'month');
      const badUrl = await admin.post(`/registry/groups/${groupId}`, { signed_on: '2016-04-26', signed_on_precision: 'day', published_member_count: '11', source_url: 'javascript:alert(1)', notes: '' }, { from: `/registry/groups/${groupId}` });
      assert.equal(badUrl.statusCode, 400);
      assert.match(badUrl.body, /出典URLは http:\/\/ または https:\/\/ で始まるURL/);
      assert.equal((await db().selectFrom('wide_area_groups').select('source_url').where('id', '=', groupId).executeTakeFirstOrThrow()).source_url, 'https://example.jp/a');
    });
  });

  describe('wards', () => {
    test('the mayor is edited with an as-of date (2024/10/30 accepted), recorded before → after', async () => {
      const code = '131016';
      const before = await db().selectFrom('wards').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
      const res = await admin.post(
        `/registry/wards/${code}`,
        { block: String(before.block), mayor_name: '試験 区長', mayor_as_of: '2024/10/30', website_url: 'https://www.city.chiyoda.lg.jp/', source_url: before.source_url ?? '', notes: before.notes },
        { from: `/registry/wards/${code}` },
      );
      assert.equal(res.statusCode, 303);
      const row = await db().selectFrom('wards').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
      assert.equal(row.mayor_name, '試験 区長');
      assert.equal(row.mayor_as_of, '2024-10-30');
      const [change] = (await historyOf('ward', code)).slice(-1);
      assert.equal(change!.action, 'update');
      assert.equal(JSON.parse(change!.before_json!).mayor_name, before.mayor_name);
      assert.equal(JSON.parse(change!.after_json!).mayor_name, '試験 区長');
      const page = await admin.get(`/registry/wards/${code}/history`);
      assert.match(page.body, /区長名/);
      assert.match(page.body, /試験 区長/);

      const bad = await admin.post(`/registry/wards/${code}`, { block: '9', mayor_name: '別の人', mayor_as_of: '2024-02-30', website_url: '', source_url: '', notes: '' }, { from: `/registry/wards/${code}` });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /ブロックを一覧から選んでください/);
      assert.match(bad.body, /区長名の時点は「2024-10-30」または「2024\/10\/30」の形式の正しい日付/);
      assert.match(bad.body, /value="別の人"/);
      assert.equal((await db().selectFrom('wards').select('mayor_name').where('code', '=', code).executeTakeFirstOrThrow()).mayor_name, '試験 区長');
    });

    test('wards can be neither created nor deleted', async () => {
      assert.equal((await admin.get('/registry/wards/new')).statusCode, 404);
      assert.equal((await admin.post('/registry/wards/131016/delete', {}, { from: '/registry/wards' })).statusCode, 404);
    });
  });

  describe('disasters and their support lines', () => {
    test('a disaster with a staff line: create, edit, delete and restore the line, all in the history', async () => {
      const created = await admin.post('/registry/disasters', { name: '試験地震', occurred_on: '2024/1/1', occurred_on_precision: 'day', occurred_label: '', support_summary: '職員派遣', source_url: '', notes: '' }, { from: '/registry/disasters/new' });
      assert.equal(created.statusCode, 303);
      const disasterId = idFrom(created.headers.location);
      const form = await admin.get(`/registry/disaster-support/new?disaster=${disasterId}`);
      assert.match(form.body, new RegExp(`<option value="${disasterId}" selected>試験地震</option>`));

      const missingDate = await admin.post('/registry/disaster-support', { disaster_id: disasterId, kind: 'staff', recipients: '試験県', staff_count: '120', as_of: '', is_joint: '1' });
      assert.equal(missingDate.statusCode, 400);
      assert.match(missingDate.body, /時点を入力してください/);
      assert.equal((await db().selectFrom('disaster_support').select('id').where('disaster_id', '=', disasterId).execute()).length, 0);

      const line = await admin.post('/registry/disaster-support', { disaster_id: disasterId, kind: 'staff', recipients: '試験県\n試験市', staff_count: '120', as_of: '2024-03-01', is_joint: '1' }, { from: `/registry/disaster-support/new?disaster=${disasterId}` });
      assert.equal(line.statusCode, 303);
      const lineId = idFrom(line.headers.location);
      const stored = await db().selectFrom('disaster_support').selectAll().where('id', '=', lineId).executeTakeFirstOrThrow();
      assert.equal(stored.recipients, '試験県;試験市');
      assert.equal(stored.staff_count, 120);
      assert.equal(stored.is_joint, 1);

      const page = await admin.get(`/registry/disasters/${disasterId}`);
      assert.match(page.body, /職員派遣/);
      assert.match(page.body, /120人（2024年\(令和6年\)3月1日現在）/);

      const edited = await admin.post(`/registry/disaster-support/${lineId}`, { disaster_id: disasterId, kind: 'staff', recipients: '試験県', staff_count: '150', as_of: '2024-04-01' }, { from: `/registry/disaster-support/${lineId}` });
      assert.equal(edited.statusCode, 303);
      const afterEdit = await db().selectFrom('disaster_support').selectAll().where('id', '=', lineId).executeTakeFirstOrThrow();
      assert.equal(afterEdit.staff_count, 150);
      assert.equal(afterEdit.is_joint, 0, 'an unticked checkbox is stored as 0');

      assert.equal((await admin.post(`/registry/disaster-support/${lineId}/delete`, {}, { from: `/registry/disaster-support/${lineId}` })).statusCode, 303);
      assert.doesNotMatch((await admin.get(`/registry/disasters/${disasterId}`)).body, /150人/);
      assert.equal((await admin.post(`/registry/disaster-support/${lineId}/restore`, {}, { from: '/registry/disaster-support' })).statusCode, 303);
      assert.match((await admin.get(`/registry/disasters/${disasterId}`)).body, /150人/);

      assert.deepEqual((await historyOf('disaster_support', lineId)).map((h) => h.action), ['create', 'update', 'delete', 'restore']);
      assert.deepEqual((await historyOf('disaster', disasterId)).map((h) => h.action), ['create']);
      const history = await admin.get(`/registry/disaster-support/${lineId}/history`);
      assert.equal(history.statusCode, 200);
      assert.match(history.body, /派遣職員数（累計）<\/th>\s*<td>120<\/td>\s*<td>150<\/td>/);
    });
  });

  describe('published figures', () => {
    test('create (month precision, lower bound), edit, delete and restore', async () => {
      const created = await admin.post(
        '/registry/figures',
        { metric: 'union', label: '試験の連携自治体数', value: '1,000', is_lower_bound: '1', as_of: '2022-03', as_of_precision: 'month', source_title: '試験の出典', source_url: 'https://example.jp/figures', notes: '' },
        { from: '/registry/figures/new' },
      );
      assert.equal(created.statusCode, 303);
      const id = idFrom(created.headers.location);
      const row = await db().selectFrom('published_figures').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(row.value, 1000);
      assert.equal(row.is_lower_bound, 1);
      assert.equal(row.as_of, '2022-03-01');
      assert.equal(row.as_of_precision, 'month');
      assert.match((await admin.get('/registry/figures')).body, /1,000超/);

      const vague = await admin.post(`/registry/figures/${id}`, { metric: 'union', label: '試験の連携自治体数', value: '1001', as_of: '2022-03', as_of_precision: 'day', source_title: '試験の出典' }, { from: `/registry/figures/${id}` });
      assert.equal(vague.statusCode, 400);
      assert.match(vague.body, /時点の精度が「日」のときは/);
      assert.equal((await db().selectFrom('published_figures').select('value').where('id', '=', id).executeTakeFirstOrThrow()).value, 1000);

      const edited = await admin.post(`/registry/figures/${id}`, { metric: 'union', label: '試験の連携自治体数', value: '1001', as_of: '2022-03-01', as_of_precision: 'day', source_title: '試験の出典' }, { from: `/registry/figures/${id}` });
      assert.equal(edited.statusCode, 303);
      assert.equal((await admin.post(`/registry/figures/${id}/delete`, {}, { from: `/registry/figures/${id}` })).statusCode, 303);
      assert.equal((await admin.post(`/registry/figures/${id}/restore`, {}, { from: '/registry/figures' })).statusCode, 303);
      const history = await historyOf('published_figure', id);
      assert.deepEqual(history.map((h) => h.action), ['create', 'update', 'delete', 'restore']);
      const change = history[1]!;
      assert.equal(JSON.parse(change.before_json!).value, 1000);
      assert.equal(JSON.parse(change.after_json!).value, 1001);
      assert.equal(JSON.parse(change.after_json!).is_lower_bound, 0);
    });
  });

  describe('registered members by hand', () => {
    test('create, edit, delete (kept in the history) and restore', async () => {
      const code = '011002'; // 札幌市
      await db().deleteFrom('registered_members').where('local_government_code', '=', code).execute();
      const unknown = await admin.post('/registry/members', { local_government_code: '011001', joined_on: '2019-04-01', note: '' }, { from: '/registry/members/new' });
      assert.equal(unknown.statusCode, 400);
      assert.match(unknown.body, /団体コードを正しく入力してください|登録されていません/);
      assert.match(unknown.body, /value="011001"/);

      const created = await admin.post('/registry/members', { local_government_code: code, joined_on: '2019/4/1', note: '試験：旧名簿より' }, { from: '/registry/members/new' });
      assert.equal(created.statusCode, 303);
      assert.equal(idFrom(created.headers.location), code);
      const row = await db().selectFrom('registered_members').selectAll().where('local_government_code', '=', code).executeTakeFirstOrThrow();
      assert.deepEqual({ joined_on: row.joined_on, source: row.source, note: row.note }, { joined_on: '2019-04-01', source: 'manual', note: '試験：旧名簿より' });

      const dup = await admin.post('/registry/members', { local_government_code: code, joined_on: '2019-04-01', note: '' }, { from: '/registry/members/new' });
      assert.equal(dup.statusCode, 400);
      assert.match(dup.body, /すでに会員登録自治体として記録されています/);

      assert.equal((await admin.post(`/registry/members/${code}`, { joined_on: '2019-05-01', note: '試験：訂正' }, { from: `/registry/members/${code}` })).statusCode, 303);
      assert.equal((await db().selectFrom('registered_members').select('joined_on').where('local_government_code', '=', code).executeTakeFirstOrThrow()).joined_on, '2019-05-01');

      assert.equal((await admin.post(`/registry/members/${code}/delete`, {}, { from: `/registry/members/${code}` })).statusCode, 303);
      assert.equal((await db().selectFrom('registered_members').select('joined_on').where('local_government_code', '=', code).execute()).length, 0);
      const list = await admin.get('/registry/members');
      assert.match(list.body.slice(list.body.indexOf('id="deleted-title"')), /札幌市/);

      assert.equal((await admin.post(`/registry/members/${code}/restore`, {}, { from: '/registry/members' })).statusCode, 303);
      const back = await db().selectFrom('registered_members').selectAll().where('local_government_code', '=', code).executeTakeFirstOrThrow();
      assert.deepEqual({ joined_on: back.joined_on, source: back.source, note: back.note }, { joined_on: '2019-05-01', source: 'manual', note: '試験：訂正' });
      assert.deepEqual((await historyOf('registered_member', code)).map((h) => h.action), ['create', 'update', 'delete', 'restore']);
      assert.equal((await admin.post(`/registry/members/${code}/restore`, {}, { from: '/registry/members' })).statusCode, 409, 'a second restore is refused');
      assert.equal((await admin.get(`/registry/members/${code}/history`)).statusCode, 200);
      assert.equal((await admin.post('/registry/members/011011/restore', {}, { from: '/registry/members' })).statusCode, 404, 'never recorded');
    });

    test('a member recorded by an account approval cannot be changed here', async () => {
      const code = '012050'; // 室蘭市
      await db().insertInto('registered_members').values({ local_government_code: code, joined_on: '2026-01-05', source: 'account', note: null }).execute();
      const res = await admin.post(`/registry/members/${code}/delete`, {}, { from: '/registry/members' });
      assert.equal(res.statusCode, 409);
      assert.match(res.body, /アカウントの承認で記録された会員登録自治体は/);
      assert.equal((await db().selectFrom('registered_members').select('source').where('local_government_code', '=', code).execute()).length, 1);
    });
  });

  describe('the other kinds', () => {
    test('regional exchange, company, joint plan and plan item: create and edit with history', async () => {
      const region = await admin.post(
        '/registry/regions',
        { region_name: '試験地域', prefecture_code: '01', ward_code: '131016', started_fiscal_year: '令和6年度', council_name: '', activities: '', member_codes: '012211 012050', source_url: '', notes: '' },
        { from: '/registry/regions/new' },
      );
      assert.equal(region.statusCode, 303);
      const regionId = idFrom(region.headers.location);
      assert.equal((await db().selectFrom('regional_exchanges').select('started_fiscal_year').where('id', '=', regionId).executeTakeFirstOrThrow()).started_fiscal_year, 2024);
      assert.equal((await db().selectFrom('regional_exchange_members').select('local_government_code').where('exchange_id', '=', regionId).execute()).length, 2);
      const badCodes = await admin.post('/registry/regions', { region_name: '誤り', prefecture_code: '01', ward_code: '131016', member_codes: '012211 012212' }, { from: '/registry/regions/new' });
      assert.equal(badCodes.statusCode, 400);
      assert.match(badCodes.body, /正しくない団体コードがあります（012212）/);

      const company = await admin.post('/registry/companies', { company_name: '試験株式会社', signed_on: '2019', signed_on_precision: 'year', activities: '試験' }, { from: '/registry/companies/new' });
      assert.equal(company.statusCode, 303);

      const plan = await admin.post('/registry/joint-plans', { title: '試験の広域共同計画', ward_codes: ['131016', '131024'], partner_codes: '012211', approved_on: '2020-03-31' }, { from: '/registry/joint-plans/new' });
      assert.equal(plan.statusCode, 303);
      const planId = idFrom(plan.headers.location);
      assert.equal((await db().selectFrom('joint_plan_wards').select('ward_code').where('plan_id', '=', planId).execute()).length, 2);
      const noWard = await admin.post('/registry/joint-plans', { title: '区なし', partner_codes: '' }, { from: '/registry/joint-plans/new' });
      assert.equal(noWard.statusCode, 400);
      assert.match(noWard.body, /区を一覧から選んでください/);

      const item = await admin.post('/registry/plan', { number: '12', title: '試験の項目', period_from_fy: '2023', period_to_fy: '令和6年度' }, { from: '/registry/plan/new' });
      assert.equal(item.statusCode, 303);
      const itemId = idFrom(item.headers.location);
      const progress = await admin.post(`/registry/plan/${itemId}/progress`, { 'description-2023': '準備', 'status-2023': 'done', 'description-2024': '実施', 'status-2024': 'in_progress' }, { from: `/registry/plan/${itemId}` });
      assert.equal(progress.statusCode, 303);
      const cells = await db().selectFrom('plan_progress').select(['fiscal_year', 'status']).where('item_id', '=', itemId).orderBy('fiscal_year').execute();
      assert.deepEqual(cells, [{ fiscal_year: 2023, status: 'done' }, { fiscal_year: 2024, status: 'in_progress' }]);
      assert.deepEqual((await historyOf('plan_item', itemId)).map((h) => h.action), ['create', 'update']);
      const table = (await admin.get('/registry/plan')).body;
      assert.match(table, /<th scope="col">2024年度\(令和6年度\)<\/th>/);
      assert.match(table, /<td>実施中：実施<\/td>/);
    });
  });
});
