// The page cache for anonymous visitors (src/views/page-cache.ts) on both engines: kept from a
// URL's second request, compressed for clients that accept it, never for signed-in people, per
// language, never an error page — and a write committed through another app instance on the same
// database is on the very next page (the registry revision, src/db/revisions.ts).
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { openDatabase } from '../src/db/index.ts';
import { signedInClient } from './accounts.ts';
import { TestClient } from './client.ts';
import { describeEachEngine, otherInstance } from './helper.ts';

const CHIYODA = '131016';
const NAYORO = '012211';

describeEachEngine('page cache', (current) => {
  const get = (url: string, headers: Record<string, string> = {}) => current().app.inject({ method: 'GET', url, headers });
  const cacheOf = (res: { headers: Record<string, unknown> }) => res.headers['x-page-cache'];

  test('an anonymous page is kept from its second request and then served as it was made', async () => {
    const url = '/projects?fy=2024';
    const first = await get(url);
    const second = await get(url);
    const third = await get(url);
    assert.equal(first.statusCode, 200);
    assert.equal(cacheOf(first), undefined);
    assert.equal(cacheOf(second), undefined, 'a URL asked once is not kept');
    assert.equal(cacheOf(third), 'hit');
    assert.equal(third.body, first.body);
    assert.equal(third.headers['content-type'], first.headers['content-type']);
    assert.match(String(third.headers['content-security-policy']), /default-src 'self'/, 'security headers on a cached page too');
  });

  test('a cached page is compressed once for clients that accept br or gzip', async () => {
    const url = '/agreements';
    const plain = await get(url);
    await get(url);
    const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(cacheOf(br), 'hit');
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(String(br.headers['vary']), /Accept-Encoding/);
    assert.equal(brotliDecompressSync(br.rawPayload).toString('utf8'), plain.body);
    const gzip = await get(url, { 'accept-encoding': 'br;q=0, gzip' });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gzip.rawPayload).toString('utf8'), plain.body);
    const identity = await get(url, { 'accept-encoding': 'identity' });
    assert.equal(identity.headers['content-encoding'], undefined);
    assert.equal(identity.body, plain.body);
  });

  test('signed-in people always get a page made for them; English has its own entry', async () => {
    const { app, database } = current();
    const member = await signedInClient(app, database.handle.db, { role: 'member', code: NAYORO });
    const url = '/collaboration';
    for (let i = 0; i < 3; i++) await get(url);
    assert.equal(cacheOf(await get(url)), 'hit');
    for (let i = 0; i < 3; i++) {
      const page = await member.get(url);
      assert.equal(page.statusCode, 200);
      assert.equal(cacheOf(page), undefined);
      assert.match(page.body, /試験member/, 'the header names the signed-in person');
    }
    const english = new TestClient(app);
    english.cookies.set('lang', 'en');
    for (let i = 0; i < 3; i++) await english.get(url);
    const cachedEnglish = await english.get(url);
    assert.equal(cacheOf(cachedEnglish), 'hit');
    assert.match(cachedEnglish.body, /<html lang="en"/);
    assert.match((await get(url)).body, /<html lang="ja"/);
  });

  test('error pages are not kept', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await get('/projects?fy=not-a-year');
      assert.equal(res.statusCode, 400);
      assert.equal(cacheOf(res), undefined);
    }
    for (let i = 0; i < 3; i++) assert.equal(cacheOf(await get('/projects/no-such-project')), undefined);
  });

  describeOtherInstance(current);
});

/** A second app instance on the same database, as in a multi-instance deployment. */
function describeOtherInstance(current: () => { app: FastifyInstance; database: { config: Parameters<typeof openDatabase>[0] } }): void {
  const second = otherInstance(current);

  test('a project recorded on another instance is on the next page of this one', async () => {
    const title = 'キャッシュ確認 サンプル 連携事業';
    const url = `/projects?q=${encodeURIComponent('キャッシュ確認')}`;
    const get = () => current().app.inject({ method: 'GET', url });
    await get();
    await get();
    const before = await get();
    assert.equal(before.headers['x-page-cache'], 'hit');
    assert.doesNotMatch(before.body, new RegExp(title));

    const ward = await signedInClient(second().app, second().handle.db, { role: 'ward_staff', code: CHIYODA });
    await ward.get('/registry/projects/new');
    const saved = await ward.post('/registry/projects/new', {
      fiscalYear: '2024',
      title,
      summary: 'ページの控えが古くならないことの確認です。',
      field: '1',
      organiserKind: 'wards',
      wards: [CHIYODA],
      partners: NAYORO,
      startsOn: '2024-10-30',
      endsOn: '',
      format: 'offline',
      status: '実施',
      newsUrl: '',
      sourceUrl: '',
      notes: '',
    });
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 500));

    const after = await get();
    assert.equal(after.headers['x-page-cache'], undefined, 'the kept page is older than the write');
    assert.match(after.body, new RegExp(title));
    await get();
    const again = await get();
    assert.equal(again.headers['x-page-cache'], 'hit');
    assert.match(again.body, new RegExp(title));
  });
}
