// 連携の状況 (/collaboration) in a real browser: axe-core on the page with the tile-grid map, with a
// validation error, in English, and with the geographic map drawn from a boundary file; no request
// leaves the origin; a map tile is a keyboard-reachable link to its prefecture's list.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { buildTestApp, type TestApp } from '../helper.ts';
import { axeViolations, browserSkipReason, collectForeignRequests, formatViolations, launchBrowser, saveScreenshot, startApp, type RunningApp } from './browser.ts';
import { geoFile } from '../geo-fixtures.ts';

const boundaryFile = geoFile('prefectures.topo.json');

describe('連携の状況 in a real browser', { skip: browserSkipReason }, () => {
  let browser: Browser;
  let server: RunningApp;
  let geo: TestApp | undefined;
  let geoOrigin = '';
  let context: BrowserContext;

  before(async () => {
    server = await startApp();
    geo = await buildTestApp('sqlite', { boundaryFile: { path: boundaryFile } });
    await geo.app.listen({ port: 0, host: '127.0.0.1' });
    geoOrigin = `http://127.0.0.1:${(geo.app.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
    context = await browser.newContext();
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    await geo?.app.close();
    await geo?.database.drop();
  });

  async function check(origin: string, path: string, status: number, slug: string, heading: RegExp): Promise<void> {
    const page = await context.newPage();
    try {
      const foreign = collectForeignRequests(page, origin);
      const response = await page.goto(`${origin}${path}`, { waitUntil: 'load' });
      assert.equal(response?.status(), status, path);
      assert.match(await page.locator('h1').innerText(), heading);
      await saveScreenshot(page, slug);
      assert.deepEqual(foreign, [], `${path} made requests outside ${origin}`);
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `axe-core found ${violations.length} violation(s) on ${path}:\n${formatViolations(violations)}`);
    } finally {
      await page.close();
    }
  }

  test('the page with the tile-grid map passes axe-core and loads only same-origin resources', async () => {
    await check(server.origin, '/collaboration', 200, 'collaboration', /連携の状況/);
  });

  test('the page with an as-of error passes axe-core', async () => {
    await check(server.origin, '/collaboration?asOf=2022-02-30', 400, 'collaboration-error', /連携の状況/);
  });

  test('the page with the geographic map (BOUNDARY_FILE) passes axe-core and shows the credit', async () => {
    await check(geoOrigin, '/collaboration', 200, 'collaboration-geo', /連携の状況/);
    const page = await context.newPage();
    try {
      await page.goto(`${geoOrigin}/collaboration`);
      assert.equal(await page.locator('svg.rk-map__svg--geo a.rk-map__link').count(), 47);
      assert.ok(await page.getByText('出典：国土交通省 国土数値情報（行政区域データ）を加工して作成').isVisible());
    } finally {
      await page.close();
    }
  });

  test('in English, the page passes axe-core', async () => {
    const english = await browser.newContext();
    const page = await english.newPage();
    try {
      await page.goto(server.url('/lang/en?next=/collaboration'));
      assert.match(await page.locator('h1').innerText(), /Collaboration at a glance/);
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, formatViolations(violations));
    } finally {
      await english.close();
    }
  });

  test('a map tile is a link reached with the keyboard that lists its prefecture’s municipalities', async () => {
    const page = await context.newPage();
    try {
      await page.goto(server.url('/collaboration'));
      const tokyo = page.locator('a.rk-map__link[href="/municipalities?pref=13"]');
      await tokyo.focus();
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '/municipalities?pref=13');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/municipalities\?pref=13$/);
      assert.equal(await page.locator('#filter-pref').inputValue(), '13');
    } finally {
      await page.close();
    }
  });
});
