// The registry lists in a real browser: 連携事業一覧 and 協定一覧 with their record pages pass
// axe-core (WCAG 2.2 A/AA) and load only same-origin resources; the filter form works without
// JavaScript. The test inserts its own records (the seed may hold others beside them).
import assert from 'node:assert/strict';
import { agreementId as seedAgreementId } from '../../src/db/seed/registry/agreements.ts';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { insertAgreementFixtures, insertProjectFixtures } from '../registry-fixtures.ts';
import { axeViolations, browserSkipReason, collectForeignRequests, formatViolations, launchBrowser, saveScreenshot, startApp, type RunningApp } from './browser.ts';

describe('Registry lists in a real browser', { skip: browserSkipReason }, () => {
  let browser: Browser;
  let server: RunningApp;
  let projectIds: Awaited<ReturnType<typeof insertProjectFixtures>>;
  let agreementIds: Awaited<ReturnType<typeof insertAgreementFixtures>>;

  before(async () => {
    server = await startApp();
    projectIds = await insertProjectFixtures(server.database.handle.db);
    agreementIds = await insertAgreementFixtures(server.database.handle.db);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  describe('axe-core on every template', () => {
    let context: BrowserContext;
    before(async () => {
      context = await browser.newContext();
    });
    after(async () => {
      await context?.close();
    });

    const cases = () => [
      { path: '/projects', slug: 'projects', status: 200, heading: '連携事業一覧' },
      { path: `/projects?q=${encodeURIComponent('ZQX試験')}&fy=2024&status=${encodeURIComponent('中止')}`, slug: 'projects-filtered', status: 200, heading: '連携事業一覧' },
      { path: '/projects?fy=abc&ward=1', slug: 'projects-error', status: 400, heading: '連携事業一覧' },
      { path: `/projects/${projectIds.p1}`, slug: 'project', status: 200, heading: '名寄ひまわり物産展' },
      { path: '/agreements', slug: 'agreements', status: 200, heading: '協定一覧' },
      { path: `/agreements/${agreementIds.a1}`, slug: 'agreement', status: 200, heading: '杉並区と名寄市' },
      // A seeded agreement with its list of sources.
      { path: `/agreements/${seedAgreementId('taito/sumida/sister')}`, slug: 'agreement-sources', status: 200, heading: '姉妹区提携' },
    ];

    test('each page answers, passes axe-core and loads only same-origin resources', async () => {
      for (const c of cases()) {
        const page = await context.newPage();
        try {
          const foreign = collectForeignRequests(page, server.origin);
          const response = await page.goto(server.url(c.path), { waitUntil: 'load' });
          assert.equal(response?.status(), c.status, c.path);
          const h1 = await page.locator('h1').innerText();
          assert.ok(h1.includes(c.heading), `${c.path}: h1 "${h1}" should contain "${c.heading}"`);
          await saveScreenshot(page, c.slug);
          assert.deepEqual(foreign, [], `${c.path} made requests outside ${server.origin}`);
          const violations = await axeViolations(page);
          assert.equal(violations.length, 0, `axe-core found ${violations.length} violation(s) on ${c.path}:\n${formatViolations(violations)}`);
        } finally {
          await page.close();
        }
      }
    });
  });

  describe('The filter forms without JavaScript', () => {
    let context: BrowserContext;
    before(async () => {
      context = await browser.newContext({ javaScriptEnabled: false });
    });
    after(async () => {
      await context?.close();
    });

    test('projects: keyword, 年度 and 特別区 submitted by the button narrow the list', async () => {
      const page = await context.newPage();
      try {
        await page.goto(server.url('/projects'));
        await page.getByLabel('キーワード', { exact: true }).fill('ZQX試験');
        await page.getByLabel('年度', { exact: true }).selectOption('2024');
        await page.getByLabel('特別区', { exact: true }).selectOption({ label: '杉並区' });
        await page.getByRole('button', { name: 'この条件で表示' }).click();
        await page.waitForURL((url) => url.searchParams.get('ward') === '131156');
        const url = new URL(page.url());
        assert.equal(url.pathname, '/projects');
        assert.equal(url.searchParams.get('fy'), '2024');
        assert.match(await page.getByRole('status').innerText(), /^1件中/);
        const link = page.getByRole('table').getByRole('link', { name: 'ZQX試験 名寄ひまわり物産展' });
        assert.equal(await link.getAttribute('href'), `/projects/${projectIds.p1}`);
        const csv = page.getByRole('link', { name: 'CSV', exact: true });
        assert.equal(await csv.getAttribute('href'), `/projects.csv?fy=2024&ward=131156&q=${encodeURIComponent('ZQX試験')}`);
      } finally {
        await page.close();
      }
    });

    test('agreements: 分類 and 状態 submitted by the button narrow the list', async () => {
      const page = await context.newPage();
      try {
        await page.goto(server.url(`/agreements?q=${encodeURIComponent('AGZ試験')}`));
        await page.getByLabel('分類', { exact: true }).selectOption('disaster');
        await page.getByLabel('状態', { exact: true }).selectOption('ended');
        await page.getByRole('button', { name: 'この条件で表示' }).click();
        await page.waitForURL((url) => url.searchParams.get('state') === 'ended');
        assert.equal(new URL(page.url()).searchParams.get('q'), 'AGZ試験', 'the keyword is kept');
        assert.match(await page.getByRole('status').innerText(), /^1件中/);
        assert.equal(await page.getByRole('table').getByRole('link').count(), 1);
        assert.ok(await page.getByRole('link', { name: 'AGZ試験 終了した防災協定' }).isVisible());
      } finally {
        await page.close();
      }
    });
  });
});
