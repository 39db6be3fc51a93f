import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachEngine } from '../../../test/helper.ts';

describeEachEngine('top page', (current) => {
  test('shows the project, the figures computed from the records beside the published ones, and live master-data counts', async () => {
    const res = await current().app.inject('/');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^text\/html; charset=utf-8/);
    assert.match(res.body, /<html lang="ja">/);
    // Computed: the 13 groups' members derived from the master data.
    assert.match(res.body, /<span>372<\/span><span class="rk-figures__unit">自治体（13団体）<\/span>/);
    // Published, with its date and source, beside the computed figure.
    assert.match(res.body, /公表値 1,096（2022年\(令和4年\)3月1日現在・[^）]*パンフレット/);
    assert.match(res.body, /href="\/collaboration"/);
    assert.match(res.body, /47都道府県・1,741市区町村（市792・町743・村183・特別区23）/);
    assert.match(res.body, /<form class="rk-search" action="\/municipalities" method="get"/);
  });

  test('is available in English through the language switch', async () => {
    const { app } = current();
    const switched = await app.inject('/lang/en?next=/');
    assert.equal(switched.statusCode, 303);
    assert.equal(switched.headers.location, '/');
    const cookie = String(switched.headers['set-cookie']);
    assert.match(cookie, /^lang=en;/);
    assert.match(cookie, /HttpOnly/);
    const res = await app.inject({ url: '/', headers: { cookie: 'lang=en' } });
    assert.match(res.body, /<html lang="en">/);
    assert.match(res.body, /Tokyo 23 City All Nippon Collaboration Project/);
    assert.match(res.body, /1 March 2022/);
  });

  test('the language switch never redirects to another site', async () => {
    const { app } = current();
    for (const next of ['https://evil.example/', '//evil.example/', '/\\evil.example']) {
      const res = await app.inject(`/lang/en?next=${encodeURIComponent(next)}`);
      assert.equal(res.headers.location, '/', next);
    }
    assert.equal((await app.inject('/lang/fr')).statusCode, 404);
  });

  test('the about and accessibility pages render', async () => {
    const { app } = current();
    const about = await app.inject('/about');
    assert.equal(about.statusCode, 200);
    assert.match(about.body, /2014年\(平成26年\)9月16日/);
    const a11y = await app.inject('/accessibility');
    assert.equal(a11y.statusCode, 200);
    assert.match(a11y.body, /JIS X 8341-3:2016/);
  });
});
