// Cross-cutting behaviour of every response: security headers, error pages, assets.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachEngine } from './helper.ts';

describeEachEngine('every response', (current) => {
  test('carries the security headers: CSP self only, nosniff, no framing, referrer policy', async () => {
    for (const url of ['/', '/municipalities', '/no-such-page', '/assets/site.css']) {
      const res = await current().app.inject(url);
      const csp = String(res.headers['content-security-policy']);
      assert.match(csp, /default-src 'self'/, url);
      assert.match(csp, /script-src 'self'(;|$)/, url);
      assert.match(csp, /frame-ancestors 'none'/, url);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/, url);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
      assert.equal(res.headers['x-frame-options'], 'DENY', url);
      assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin', url);
    }
  });

  test('HTML pages reference nothing on another origin', async () => {
    for (const url of ['/', '/about', '/accessibility', '/municipalities', '/municipalities/131016']) {
      const res = await current().app.inject(url);
      // The canonical address names the page itself and is never fetched by a browser.
      const loaded = [...res.body.matchAll(/<(?:script|link|img|iframe|source)\b(?![^>]*rel="canonical")[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
      assert.ok(loaded.length > 0, url);
      for (const ref of loaded) assert.ok(ref.startsWith('/') && !ref.startsWith('//'), `${url} loads ${ref}`);
      assert.doesNotMatch(res.body, /<script(?![^>]*\bsrc=)[^>]*>/, `${url} has no inline script`);
      assert.doesNotMatch(res.body, /\sstyle="/, `${url} has no inline style`);
    }
  });

  test('an unknown page is a Japanese 404 page, not JSON', async () => {
    const res = await current().app.inject('/no-such-page');
    assert.equal(res.statusCode, 404);
    assert.match(res.headers['content-type'] as string, /text\/html/);
    assert.match(res.body, /ページが見つかりません/);
  });

  test('a malformed request body is a 4xx HTML page without internals', async () => {
    const res = await current().app.inject({
      method: 'POST',
      url: '/lang/en',
      headers: { 'content-type': 'application/json' },
      payload: '{"broken',
    });
    assert.ok(res.statusCode >= 400 && res.statusCode < 500, String(res.statusCode));
    assert.doesNotMatch(res.body, /at \w+ \(|node_modules|stack/i);
  });

  test('the design tokens and stylesheet are served from this origin with caching', async () => {
    const tokens = await current().app.inject('/assets/tokens.css');
    assert.equal(tokens.statusCode, 200);
    assert.match(tokens.headers['content-type'] as string, /text\/css/);
    assert.match(tokens.body, /--color-primitive-blue-900/);
    const site = await current().app.inject('/assets/site.css');
    assert.equal(site.statusCode, 200);
    assert.match(String(site.headers['cache-control']), /^public, max-age=\d+/);
    // Pages link the content-hashed names (test/transfer.test.ts), kept for a year.
    const hashed = /href="(\/assets\/site\.[0-9a-f]{8}\.css)"/.exec((await current().app.inject('/')).body)?.[1];
    assert.ok(hashed);
    assert.equal((await current().app.inject(hashed)).headers['cache-control'], 'public, max-age=31536000, immutable');
  });
});
