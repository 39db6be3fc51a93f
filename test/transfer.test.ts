// What every response gets on its way out (src/views/transfer.ts, src/views/assets.ts):
// compression as the client accepts, public revalidated caching with an ETag and 304 for anonymous
// pages (never for signed-in or form pages), and content-hashed assets cached as immutable.
// The engine plays no part in any of this: one SQLite app is enough.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { hashedAssetName, loadAssets } from '../src/views/assets.ts';
import { improvementsDone, keptEncoding, PUBLIC_REVALIDATE, type KeptEncodings } from '../src/views/transfer.ts';
import { signedInClient } from './accounts.ts';
import { buildApp } from '../src/app.ts';
import { buildTestApp, testConfig, type TestApp } from './helper.ts';

const NAYORO = '012211';

let testApp: TestApp;
before(async () => {
  testApp = await buildTestApp('sqlite');
});
after(async () => {
  await testApp?.app.close();
  await testApp?.database.drop();
});

const get = (url: string, headers: Record<string, string> = {}) => testApp.app.inject({ method: 'GET', url, headers });
const decoded = (res: LightMyRequestResponse): string => {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(res.rawPayload).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(res.rawPayload).toString('utf8');
  assert.equal(encoding, undefined);
  return res.body;
};

describe('compression', () => {
  test('/collaboration in br and gzip decodes to the same HTML, much smaller; identity without Accept-Encoding', async () => {
    // The first requests are made for each request (the page cache keeps a URL from its second on), the later ones are kept.
    for (let round = 0; round < 3; round++) {
      const plain = await get('/collaboration');
      assert.equal(plain.statusCode, 200);
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.ok(plain.rawPayload.length > 30_000, `the page is large (${plain.rawPayload.length} bytes)`);
      assert.match(String(plain.headers['vary']), /Accept-Encoding/);
      const br = await get('/collaboration', { 'accept-encoding': 'gzip, deflate, br' });
      assert.equal(br.headers['content-encoding'], 'br');
      assert.match(String(br.headers['vary']), /Accept-Encoding/);
      assert.equal(decoded(br), plain.body);
      assert.ok(br.rawPayload.length * 4 < plain.rawPayload.length, `br ${br.rawPayload.length} of ${plain.rawPayload.length}`);
      const gzip = await get('/collaboration', { 'accept-encoding': 'gzip' });
      assert.equal(gzip.headers['content-encoding'], 'gzip');
      assert.equal(decoded(gzip), plain.body);
      assert.ok(gzip.rawPayload.length * 4 < plain.rawPayload.length, `gzip ${gzip.rawPayload.length} of ${plain.rawPayload.length}`);
      assert.equal(br.headers['etag'], plain.headers['etag'], 'one validator for every encoding of the same bytes');
    }
  });

  test('a page not kept by the page cache, CSV and JSON are compressed too', async () => {
    for (const url of ['/terms', '/projects.csv', '/api/v1/projects?fy=2024']) {
      const plain = await get(url);
      assert.equal(plain.statusCode, 200, url);
      const br = await get(url, { 'accept-encoding': 'br' });
      assert.equal(br.headers['content-encoding'], 'br', url);
      assert.equal(decoded(br), plain.body, url);
      assert.ok(br.rawPayload.length < plain.rawPayload.length, url);
    }
  });

  test('a kept body is encoded once; a busy one gets a better brotli copy, accounted for', async () => {
    const body = (await get('/collaboration')).rawPayload;
    let bytes = 0;
    const encodings: KeptEncodings = { encoded: {}, added: (n) => (bytes += n) };
    const first = keptEncoding(body, encodings, 'br');
    assert.equal(bytes, first.length);
    for (let i = 0; i < 50; i++) assert.equal(keptEncoding(body, encodings, 'br'), first, 'the same bytes, not encoded again');
    await improvementsDone();
    const best = keptEncoding(body, encodings, 'br');
    assert.ok(best.length < first.length, `${best.length} < ${first.length}`);
    assert.equal(bytes, best.length);
    assert.equal(brotliDecompressSync(best).toString('utf8'), body.toString('utf8'));
    assert.equal(gunzipSync(keptEncoding(body, encodings, 'gzip')).toString('utf8'), body.toString('utf8'));
  });

  test('small bodies, already compressed types and refused encodings are sent as they are', async () => {
    const small = await get('/healthz', { 'accept-encoding': 'br, gzip' });
    assert.ok(small.rawPayload.length < 1024);
    assert.equal(small.headers['content-encoding'], undefined);
    const xlsx = await get('/projects.xlsx', { 'accept-encoding': 'br, gzip' });
    assert.equal(xlsx.statusCode, 200);
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
    assert.equal(xlsx.headers['content-encoding'], undefined);
    const refused = await get('/about', { 'accept-encoding': 'br;q=0, gzip;q=0' });
    assert.equal(refused.headers['content-encoding'], undefined);
    assert.match(refused.body, /<html/);
  });
});

describe('conditional requests', () => {
  test('an anonymous public page has a shared-cacheable Cache-Control and an ETag, and answers 304 to it', async () => {
    for (const url of ['/about', '/collaboration', '/collaboration', '/collaboration', '/api/v1/wards']) {
      const first = await get(url);
      assert.equal(first.statusCode, 200, url);
      const etag = String(first.headers['etag']);
      assert.match(etag, /^W\/"[\w-]+"$/, url);
      if (!url.startsWith('/api/')) {
        assert.equal(first.headers['cache-control'], PUBLIC_REVALIDATE, url);
        assert.match(String(first.headers['vary']), /Cookie/, url);
      }
      const again = await get(url, { 'if-none-match': etag, 'accept-encoding': 'br' });
      assert.equal(again.statusCode, 304, url);
      assert.equal(again.rawPayload.length, 0, url);
      assert.equal(again.headers['etag'], etag, url);
      assert.equal(again.headers['content-encoding'], undefined, url);
      const other = await get(url, { 'if-none-match': 'W/"something-else"' });
      assert.equal(other.statusCode, 200, url);
      assert.equal(other.body, first.body, url);
    }
  });

  test('the ETag follows the bytes: English has its own', async () => {
    const ja = await get('/about');
    const en = await get('/about', { cookie: 'lang=en' });
    assert.match(en.body, /<html lang="en"/);
    assert.notEqual(en.headers['etag'], ja.headers['etag']);
    const stale = await get('/about', { cookie: 'lang=en', 'if-none-match': String(ja.headers['etag']) });
    assert.equal(stale.statusCode, 200);
  });

  test('signed-in pages stay no-store, have no ETag and never answer 304, even to the anonymous ETag', async () => {
    const { app, database } = testApp;
    const member = await signedInClient(app, database.handle.db, { role: 'member', code: NAYORO });
    for (const url of ['/collaboration', '/about', '/member']) {
      const anonymous = await get(url);
      const headers: Record<string, string> = { cookie: member.cookieHeader() };
      if (anonymous.headers['etag']) headers['if-none-match'] = String(anonymous.headers['etag']);
      const mine = await get(url, headers);
      assert.equal(mine.statusCode, 200, url);
      assert.equal(mine.headers['cache-control'], 'no-store', url);
      assert.equal(mine.headers['etag'], undefined, url);
      assert.match(mine.body, /試験member/, url);
    }
  });

  test('pages with a form (a CSRF token), errors and redirects are no-store without an ETag', async () => {
    for (const [url, status] of [['/login', 200], ['/register', 200], ['/no-such-page', 404], ['/member', 302]] as const) {
      const res = await get(url);
      assert.equal(res.statusCode === 303 ? 302 : res.statusCode, status, url);
      assert.equal(res.headers['cache-control'], 'no-store', url);
      assert.equal(res.headers['etag'], undefined, url);
    }
    // Still no-store when the CSRF secret cookie is already there (no Set-Cookie this time).
    const first = await get('/login');
    const cookie = (first.cookies as Array<{ name: string; value: string }>).map((c) => `${c.name}=${c.value}`).join('; ');
    const second = await get('/login', { cookie });
    assert.equal(second.headers['set-cookie'], undefined);
    assert.match(second.body, /name="_csrf"/);
    assert.equal(second.headers['cache-control'], 'no-store');
    assert.equal(second.headers['etag'], undefined);
  });
});

test('a CSRF token made straight with reply.generateCsrf() makes the response no-store too', async () => {
  const app = await buildApp({ config: testConfig(testApp.database.config), database: testApp.database.handle });
  app.get('/token-for-test', async (_request, reply) => reply.type('text/html; charset=utf-8').send(`<p>${reply.generateCsrf()}</p>`));
  app.get('/plain-for-test', async (_request, reply) => reply.type('text/html; charset=utf-8').send('<p>the same for everyone</p>'));
  await app.ready();
  try {
    const first = await app.inject('/token-for-test');
    const cookie = (first.cookies as Array<{ name: string; value: string }>).map((c) => `${c.name}=${c.value}`).join('; ');
    const second = await app.inject({ url: '/token-for-test', headers: { cookie } });
    assert.equal(second.headers['set-cookie'], undefined);
    assert.equal(second.headers['cache-control'], 'no-store');
    assert.equal(second.headers['etag'], undefined);
    const plain = await app.inject({ url: '/plain-for-test', headers: { cookie } });
    assert.equal(plain.headers['cache-control'], PUBLIC_REVALIDATE);
  } finally {
    await app.close();
  }
});

describe('assets', () => {
  test('the layout links assets by content-hashed names, served immutable, compressed, the same bytes as the plain names', async () => {
    const page = await get('/');
    const links = [...page.body.matchAll(/<link\b[^>]*\bhref="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    assert.equal(links.length, 3, links.join(' '));
    for (const href of links) {
      assert.match(href, /^\/assets\/[\w-]+\.[0-9a-f]{8}\.(css|svg)$/, href);
      assert.doesNotMatch(href, /\?v=/);
      const res = await get(href);
      assert.equal(res.statusCode, 200, href);
      assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable', href);
      assert.match(String(res.headers['content-type']), /^(text\/css|image\/svg\+xml)/, href);
      const plainName = href.replace(/\.[0-9a-f]{8}(\.\w+)$/, '$1');
      const plain = await get(plainName);
      assert.equal(plain.statusCode, 200, plainName);
      assert.equal(plain.body, res.body, plainName);
      assert.match(String(plain.headers['cache-control']), /max-age=300\b/, plainName);
      assert.doesNotMatch(String(plain.headers['cache-control']), /immutable/, plainName);
      const revalidated = await get(plainName, { 'if-none-match': String(plain.headers['etag']) });
      assert.equal(revalidated.statusCode, 304, plainName);
      if (href.endsWith('.css')) {
        const br = await get(href, { 'accept-encoding': 'gzip, br' });
        assert.equal(br.headers['content-encoding'], 'br');
        assert.equal(decoded(br), res.body);
        assert.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable');
      }
    }
    assert.equal((await get('/assets/site.00000000.css')).statusCode, 404);
    assert.equal((await get('/assets/../app.ts')).statusCode, 404);
  });

  test('a change of a byte changes the name; the same bytes keep it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'renkei-assets-'));
    try {
      writeFileSync(join(dir, 'app.css'), 'body { color: black; }\n');
      mkdirSync(join(dir, 'images'));
      writeFileSync(join(dir, 'images', 'mark.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
      assert.match(loadAssets(dir).get('images/mark.svg')!.hashedName, /^images\/mark\.[0-9a-f]{8}\.svg$/);
      const before = loadAssets(dir).get('app.css')!.hashedName;
      assert.match(before, /^app\.[0-9a-f]{8}\.css$/);
      assert.equal(loadAssets(dir).get('app.css')!.hashedName, before);
      writeFileSync(join(dir, 'app.css'), 'body { color: black;}\n');
      const after = loadAssets(dir).get('app.css')!.hashedName;
      assert.notEqual(after, before);
      assert.equal(hashedAssetName('app.css', Buffer.from('body { color: black;}\n')), after);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('kept encodings hold only their own bytes', () => {
  test('a small page compressed for the page cache does not keep zlib\'s work buffer alive', () => {
    const body = Buffer.from('<p>防災訓練のお知らせ</p>\n'.repeat(400));
    const encodings: KeptEncodings = { encoded: {}, added: () => {} };
    for (const encoding of ['br', 'gzip'] as const) {
      const kept = keptEncoding(body, encodings, encoding);
      assert.ok(kept.length < 2_000, `${encoding}: ${kept.length} bytes`);
      // zlib's own output is a view of a 16 KB buffer; what is kept must be a buffer of its size.
      assert.ok(kept.buffer.byteLength <= kept.length + 1024, `${encoding}: ${kept.length} bytes hold ${kept.buffer.byteLength}`);
    }
  });
});
