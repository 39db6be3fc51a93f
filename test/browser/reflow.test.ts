// Every page template of the site at 320 CSS px (WCAG 1.4.10 Reflow): the page never scrolls
// sideways — wide tables stack or scroll inside their own labelled region, form controls fit.
// Public pages as a visitor, then the member area and the back office as the sample secretariat.
// The narrow navigation opens and closes without JavaScript.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seedId } from '../../src/db/seed/registry/util.ts';
import { browserSkipReason, launchBrowser, saveScreenshot, signInAsSample, startApp, type RunningApp } from './browser.ts';

const publicPages = [
  '/', '/about', '/accessibility', '/sitemap', '/search?q=%E9%98%B2%E7%81%BD',
  '/news', '/news/archive/2019', '/news/miryoku-2024',
  '/events', '/events/archive', '/events/calendar?month=2024-10',
  '/collaboration', '/collaboration/wide-area', '/collaboration/disaster-support', '/collaboration/companies', '/collaboration/regions', '/collaboration/plan',
  '/projects', '/agreements', '/wards', '/wards/131016', '/municipalities', '/municipalities?pr=1&region=tohoku', '/municipalities/131016', '/municipalities/012211', '/municipalities/022021',
  '/login', '/register', '/password/forgot', '/terms', '/contact', '/site-policy', '/privacy', '/unsubscribe/not-a-valid-link',
];

const secretariatPages = [
  '/member', '/member/profile', '/member/sessions', '/member/password', '/member/events', '/member/events/new',
  '/member/notifications', '/member/notifications/settings',
  '/admin', '/admin/approvals', '/admin/accounts', '/admin/audit', '/admin/mail-domains', '/admin/jobs',
  '/admin/news', '/admin/news/new', '/admin/pr', '/admin/pr/022021', '/member/pr/022021', '/admin/events', '/admin/events/new', '/admin/events/review', '/admin/events/import', '/admin/events/feeds',
  '/registry', '/registry/agreements', '/registry/agreements/new', '/registry/projects', '/registry/projects/new', '/registry/review', '/registry/sources', '/registry/deleted',
  '/admin/registry/import',
  '/matching', `/matching/${seedId('matching', 'nayoro-venue')}`, '/member/matching', `/member/matching/${seedId('matching', 'nayoro-venue')}/edit`,
  '/admin/pages', '/admin/pages/about/edit', '/admin/pages/privacy/edit', '/admin/pages/about/versions', '/admin/pages/about/versions/1',
  '/admin/pages/test-results', '/admin/pages/test-results/new', '/admin/pages/test-results/9d3c1a52-6f0e-4c4b-9a51-2a7e8e4d0001/edit',
  '/board', '/board/c/calls', '/board/t/2', '/board/new', '/board/search?q=%E7%89%A9%E7%94%A3', '/admin/board', '/admin/board/categories/new',
];

/** The page's width and the elements that stick out past 320 px, so a failure says what to fix. */
async function overflowOf(page: Page): Promise<{ width: number; wide: string[] }> {
  return page.evaluate(() => {
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > 320.5 && !el.closest('[role="region"]'))
      .slice(0, 4)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(' ').join('.')} (${Math.round(el.getBoundingClientRect().right)} px)`);
    return { width: document.documentElement.scrollWidth, wide };
  });
}

describe('every page at 320 px', { skip: browserSkipReason }, () => {
  let running: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    running = await startApp();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
    await running?.close();
  });

  async function check(path: string): Promise<string | null> {
    const res = await page.goto(running.url(path));
    if ((res?.status() ?? 500) >= 500) return `${path}: status ${res?.status()}`;
    const { width, wide } = await overflowOf(page);
    if (width <= 320) return null;
    await saveScreenshot(page, `reflow-${path.replace(/[^a-z0-9]+/gi, '-')}`);
    return `${path}: ${width} px wide; ${wide.join(', ')}`;
  }

  test('public pages', async () => {
    const failures = [];
    for (const path of publicPages) failures.push(await check(path));
    assert.deepEqual(failures.filter(Boolean), []);
  });

  test('the member area and the back office', async () => {
    await signInAsSample(page, running, 'sample-secretariat@renkei.example', { totp: true });
    const failures = [];
    for (const path of secretariatPages) failures.push(await check(path));
    assert.deepEqual(failures.filter(Boolean), []);
  });

  test('the narrow menu opens and closes without JavaScript', async () => {
    const noScript = await browser.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    try {
      const p = await noScript.newPage();
      await p.goto(running.url('/'));
      const firstLink = p.locator('#site-menu a[href="/news"]');
      assert.equal(await firstLink.isVisible(), false, 'the menu starts closed on a phone');
      await p.getByRole('link', { name: 'メニュー' }).click();
      assert.equal(await firstLink.isVisible(), true, 'the menu opens');
      await p.locator('#site-menu').getByRole('link', { name: 'メニューを閉じる' }).click();
      assert.equal(await firstLink.isVisible(), false, 'and closes');
    } finally {
      await noScript.close();
    }
  });
});
