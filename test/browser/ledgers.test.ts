// The ledger pages of 連携の状況 in a real browser: each of the six templates (広域連携, a group's
// members, 地域別の交流, 企業との連携, 被災地支援, 事業計画と進捗) with axe-core (WCAG 2.2 A/AA, zero
// violations), no request to another origin, and a screenshot; sample records are inserted so that
// the 「サンプル」 badge and the exception list are on the pages too.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import {
  ensureWideAreaGroups,
  insertTestCompanies,
  insertTestDisasters,
  insertTestGroup,
  insertTestPlan,
  insertTestRegion,
  testGroupId,
} from '../registry-fixtures.ts';
import {
  axeViolations,
  browserSkipReason,
  collectForeignRequests,
  formatViolations,
  launchBrowser,
  saveScreenshot,
  startApp,
  type RunningApp,
} from './browser.ts';

const pages = [
  { path: '/collaboration/wide-area', slug: 'ledgers-wide-area', heading: '広域連携' },
  { path: `/collaboration/wide-area/${testGroupId}`, slug: 'ledgers-wide-area-sample-group', heading: 'テスト' },
  { path: '/collaboration/regions', slug: 'ledgers-regions', heading: '地域別の交流' },
  { path: '/collaboration/companies', slug: 'ledgers-companies', heading: '企業との連携' },
  { path: '/collaboration/disaster-support', slug: 'ledgers-disaster-support', heading: '被災地支援' },
  { path: '/collaboration/plan', slug: 'ledgers-plan', heading: '事業計画と進捗' },
];

describe('Ledger pages in a real browser', { skip: browserSkipReason }, () => {
  let browser: Browser;
  let server: RunningApp;
  let context: BrowserContext;

  before(async () => {
    server = await startApp();
    const db = server.database.handle.db;
    await ensureWideAreaGroups(db);
    await insertTestGroup(db, 'テスト市長会');
    await insertTestRegion(db);
    await insertTestCompanies(db);
    await insertTestDisasters(db);
    await insertTestPlan(db);
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'ja-JP' });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  for (const c of pages) {
    test(`${c.path}: axe finds nothing, no foreign request`, async () => {
      const page = await context.newPage();
      try {
        const foreign = collectForeignRequests(page, server.origin);
        const response = await page.goto(server.url(c.path), { waitUntil: 'load' });
        assert.equal(response?.status(), 200);
        assert.equal(await page.getAttribute('html', 'lang'), 'ja');
        const h1 = await page.locator('h1').innerText();
        assert.ok(h1.includes(c.heading), `h1 "${h1}" should contain "${c.heading}"`);
        await saveScreenshot(page, c.slug);
        assert.deepEqual(foreign, []);
        const violations = await axeViolations(page);
        assert.equal(violations.length, 0, `axe-core found ${violations.length} violation(s) on ${c.path}:\n${formatViolations(violations)}`);
      } finally {
        await page.close();
      }
    });
  }

  test('at 320 px the page itself does not scroll sideways (wide tables scroll in their own region)', async () => {
    const narrow = await browser.newContext({ locale: 'ja-JP', viewport: { width: 320, height: 800 } });
    try {
      const page = await narrow.newPage();
      for (const path of ['/collaboration/wide-area', '/collaboration/plan', '/collaboration/disaster-support']) {
        await page.goto(server.url(path), { waitUntil: 'load' });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${path} is ${overflow}px wider than the screen`);
      }
      await saveScreenshot(page, 'ledgers-disaster-support-320');
    } finally {
      await narrow.close();
    }
  });
});
