// The JSON API on both engines: every response parsed with the schemas the OpenAPI document is
// made of, the filters shared with the HTML lists, JSON errors (400/404) in Japanese, and a
// document that lists exactly the routes the app serves under /api.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import type { Kysely } from 'kysely';
import { describeEachEngine } from '../../../../test/helper.ts';
import { bumpRevision } from '../../../db/revisions.ts';
import type { Database } from '../../../db/schema.ts';
import { wideAreaGroups } from '../../../domain/wide-area-groups.ts';
import { agreementListSchema, errorSchema, figuresSchema, groupDetailSchema, groupSchema, oneOf, projectListSchema, projectSchema, trendSchema, wardSchema } from './schemas.ts';
import { z } from 'zod';

const now = new Date().toISOString();

async function addProject(db: Kysely<Database>, values: { title: string; fy: number; field: number; ward?: string; partner?: string; deleted?: boolean; status?: '実施' | '中止' }) {
  const id = randomUUID();
  await db
    .insertInto('projects')
    .values({
      id,
      fiscal_year: values.fy,
      title: values.title,
      field: values.field,
      organiser_kind: values.ward ? 'wards' : 'joint',
      status: values.status ?? '実施',
      news_url: null,
      source_url: null,
      starts_on: null,
      ends_on: null,
      created_at: now,
      updated_at: now,
      deleted_at: values.deleted ? now : null,
    })
    .execute();
  if (values.ward) await db.insertInto('project_wards').values({ project_id: id, ward_code: values.ward }).execute();
  if (values.partner) await db.insertInto('project_partners').values({ project_id: id, local_government_code: values.partner, prefecture_code: values.partner.slice(0, 2) }).execute();
  await bumpRevision(db, 'registry');
  return id;
}

/** The 13 groups, when the seed has not put them there (so the test holds with or without it). */
async function ensureGroups(db: Kysely<Database>) {
  const existing = await db.selectFrom('wide_area_groups').select('id').execute();
  if (existing.length > 0) return;
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
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })),
    )
    .execute();
  await bumpRevision(db, 'registry');
}

describeEachEngine('JSON API /api/v1', (current) => {
  const get = (url: string) => current().app.inject({ method: 'GET', url });

  test('projects: filtered, paged, parsed by the documented schema; deleted ones never appear', async () => {
    const db = current().database.handle.db;
    const kept = await addProject(db, { title: 'APIQ試験 物産展', fy: 2023, field: 1, ward: '131016', partner: '012025' });
    await addProject(db, { title: 'APIQ試験 講演会', fy: 2022, field: 3, ward: '131024', partner: '262013' });
    await addProject(db, { title: 'APIQ試験 削除済み', fy: 2023, field: 1, ward: '131016', deleted: true });

    const all = await get(`/api/v1/projects?q=${encodeURIComponent('APIQ試験')}`);
    assert.equal(all.statusCode, 200);
    assert.match(String(all.headers['content-type']), /application\/json/);
    const body = projectListSchema.parse(all.json());
    assert.equal(body.meta.total, 2);
    assert.deepEqual(body.data.map((p) => p.title).sort(), ['APIQ試験 物産展', 'APIQ試験 講演会']);

    const filtered = projectListSchema.parse((await get(`/api/v1/projects?q=${encodeURIComponent('APIQ試験')}&fy=2023&ward=131016&pref=01&field=1`)).json());
    assert.deepEqual(
      filtered.data.map((p) => p.id),
      [kept],
    );
    assert.equal(filtered.data[0]!.partners[0]!.code, '012025', 'codes keep their leading zero');

    const paged = projectListSchema.parse((await get(`/api/v1/projects?q=${encodeURIComponent('APIQ試験')}&per_page=1&page=2`)).json());
    assert.deepEqual(paged.meta, { total: 2, page: 2, perPage: 1, pages: 2 });
    assert.equal(paged.data.length, 1);

    const one = await get(`/api/v1/projects/${kept}`);
    assert.equal(one.statusCode, 200);
    assert.equal(oneOf(projectSchema).parse(one.json()).data.fieldName, '産業振興');
  });

  test('bad parameters answer 400 in JSON with a Japanese message per parameter', async () => {
    const res = await get('/api/v1/projects?ward=999999&field=9&per_page=500');
    assert.equal(res.statusCode, 400);
    const body = errorSchema.parse(res.json());
    assert.deepEqual(body.error.issues.map((i) => i.param).sort(), ['field', 'per_page', 'ward']);
    assert.match(body.error.issues.find((i) => i.param === 'ward')!.message, /特別区/);
    const repeated = await get('/api/v1/projects?fy=2023&fy=2024');
    assert.equal(repeated.statusCode, 400);
    const badType = await get('/api/v1/agreements?type=no-such-type');
    assert.equal(badType.statusCode, 400);
    assert.equal(errorSchema.parse(badType.json()).error.issues[0]!.param, 'type');
  });

  test('unknown records and routes answer 404 in JSON, not an HTML page', async () => {
    for (const url of ['/api/v1/projects/00000000-0000-0000-0000-000000000000', '/api/v1/agreements/nope', '/api/v1/wide-area-groups/nope', '/api/v1/nothing-here']) {
      const res = await get(url);
      assert.equal(res.statusCode, 404, url);
      assert.match(String(res.headers['content-type']), /application\/json/, url);
      assert.match(errorSchema.parse(res.json()).error.message, /ありません/, url);
    }
  });

  test('agreements list parses and filters by ward', async () => {
    const db = current().database.handle.db;
    const id = randomUUID();
    await db
      .insertInto('agreements')
      .values({ id, type_id: 'disaster-mutual-aid', title: 'APIA試験 災害協定', signed_on: '2004-05-12', ended_on: null, source_url: null, created_at: now, updated_at: now, deleted_at: null })
      .execute();
    await db.insertInto('agreement_wards').values({ agreement_id: id, ward_code: '131156' }).execute();
    await db.insertInto('agreement_partners').values({ id: randomUUID(), agreement_id: id, local_government_code: '152081', group_id: null }).execute();
    await bumpRevision(db, 'registry');
    const body = agreementListSchema.parse((await get(`/api/v1/agreements?ward=131156&q=${encodeURIComponent('APIA試験')}`)).json());
    assert.equal(body.meta.total, 1);
    assert.equal(body.data[0]!.typeName, '災害時相互援助協定');
    assert.equal(body.data[0]!.partners[0]!.code, '152081');
    const none = agreementListSchema.parse((await get(`/api/v1/agreements?ward=131016&q=${encodeURIComponent('APIA試験')}`)).json());
    assert.equal(none.meta.total, 0);
  });

  test('the 13 wide-area groups with members derived from the master data sum to 372', async () => {
    await ensureGroups(current().database.handle.db);
    const groups = z.object({ data: z.array(groupSchema) }).parse((await get('/api/v1/wide-area-groups')).json()).data;
    assert.equal(groups.length, 13);
    assert.equal(
      groups.reduce((sum, g) => sum + g.memberCount, 0),
      372,
    );
    const hokkaido = oneOf(groupDetailSchema).parse((await get('/api/v1/wide-area-groups/hokkaido-chosonkai')).json()).data;
    assert.equal(hokkaido.memberCount, 144);
    assert.equal(hokkaido.members.length, 144);
    assert.ok(hokkaido.members.every((m) => m.code.startsWith('01') && (m.kind === '町' || m.kind === '村')));
  });

  test('figures on a date and per 年度', async () => {
    await ensureGroups(current().database.handle.db);
    const figures = oneOf(figuresSchema).parse((await get('/api/v1/figures?asOf=2022-03-01')).json()).data;
    assert.equal(figures.asOf, '2022-03-01');
    assert.equal(figures.wideAreaMembers, 372);
    assert.equal(figures.wideAreaGroups, 13);
    assert.ok(figures.union >= figures.wideAreaMembers);
    const before2019 = oneOf(figuresSchema).parse((await get('/api/v1/figures?fy=2018')).json()).data;
    assert.equal(before2019.asOf, '2019-03-31');
    assert.equal(before2019.wideAreaMembers, 321, 'the 11 groups of May 2018');
    assert.equal((await get('/api/v1/figures?asOf=2022-02-30')).statusCode, 400);
    assert.equal((await get('/api/v1/figures?asOf=2022-03-01&fy=2021')).statusCode, 400);

    const trend = z.object({ data: z.array(trendSchema) }).parse((await get('/api/v1/figures/trend?from=2015&to=2021')).json()).data;
    assert.deepEqual(
      trend.map((y) => y.fiscalYear),
      [2015, 2016, 2017, 2018, 2019, 2020, 2021],
    );
    assert.equal(trend.at(-1)!.wideAreaMembers, 372);
    assert.equal((await get('/api/v1/figures/trend?from=2021&to=2015')).statusCode, 400);
  });

  test('the 23 wards', async () => {
    const wards = z.object({ data: z.array(wardSchema) }).parse((await get('/api/v1/wards')).json()).data;
    assert.equal(wards.length, 23);
    assert.deepEqual([...new Set(wards.map((w) => w.block))].sort(), [1, 2, 3, 4, 5]);
  });

  test('the OpenAPI 3.1 document describes exactly the routes served under /api', async () => {
    const res = await get('/api/openapi.json');
    assert.equal(res.statusCode, 200);
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
    assert.equal(doc.openapi, '3.1.0');
    const documented = Object.keys(doc.paths).sort();
    const served = [
      ...new Set(
        current()
          .app.routeTable.filter((r) => r.method === 'GET' && r.url.startsWith('/api/'))
          .map((r) => r.url.replace(/:([a-z]+)/g, '{$1}')),
      ),
    ].sort();
    assert.deepEqual(documented, served);
    assert.doesNotMatch(JSON.stringify(doc), /"\$ref"/, 'schemas are inlined, so no reference can dangle');
  });
});
