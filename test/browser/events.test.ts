// Events in a real browser: axe (WCAG 2.2 A/AA) and no foreign requests on every event template —
// the public list, archive, calendar and an event's page, the member's submission form (also with
// its error summary), and the secretariat's list, review queue, import and feeds; the public filter
// form used with JavaScript off (the filters land in the URL and change the results); and the list,
// the calendar, an event's page and the member form at 320 px.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seedId } from '../../src/db/seed/registry/util.ts';
import { axeViolations, browserSkipReason, collectForeignRequests, formatViolations, launchBrowser, saveScreenshot, signInAsSample, startApp, type RunningApp } from './browser.ts';

/** The sample 物産展 of 名寄市 (2027-01-23/24), seeded with the demonstration data. */
const nayoroFair = `/events/${seedId('event', 'sample-nayoro-fair')}`;
const calendarMonth = '/events/calendar?month=2027-01';

describe('events in the browser', { skip: browserSkipReason }, () => {
  let running: RunningApp;
  let browser: Browser;
  let member: BrowserContext;

  before(async () => {
    running = await startApp();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await running?.close();
  });

  /** A page in a fresh context (optionally signed in) with its foreign requests recorded. */
  async function openPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page; foreign: string[] }> {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    return { context, page, foreign: collectForeignRequests(page, running.origin) };
  }

  async function check(page: Page, foreign: string[], slug: string): Promise<void> {
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, `${slug}: ${formatViolations(violations)}`);
    assert.deepEqual(foreign, [], `${slug} made requests to another origin`);
    await saveScreenshot(page, `events-${slug}`);
  }

  const signIn = (page: Page, email: string, totp: boolean) => signInAsSample(page, running, email, { totp });

  test('the list, the archive, a month of the calendar and an event page pass axe', async () => {
    const { context, page, foreign } = await openPage();
    try {
      for (const [path, slug, heading] of [
        ['/events', 'list', 'イベント情報'],
        ['/events/archive', 'archive', '過去のイベント'],
        [calendarMonth, 'calendar', '2027年1月'],
        [nayoroFair, 'event', '名寄市 ひまわりと冬の味覚 物産展'],
      ] as const) {
        const res = await page.goto(running.url(path));
        assert.equal(res?.status(), 200, path);
        assert.match(await page.locator('h1').innerText(), new RegExp(heading));
        await check(page, foreign, slug);
      }
      assert.match(await page.locator('main').innerText(), /名寄市/);
    } finally {
      await context.close();
    }
  });

  test('without JavaScript the filter form puts the filters in the URL and narrows the list', async () => {
    const { context, page, foreign } = await openPage({ javaScriptEnabled: false });
    try {
      await page.goto(running.url('/events'));
      const count = () => page.locator('.rk-event-list__item').count();
      const before = await count();
      assert.ok(before >= 3, `the sample events are listed (${before})`);

      await page.getByLabel('都道府県').selectOption('01');
      await page.getByRole('button', { name: 'この条件で表示' }).click();
      await page.waitForURL(/[?&]pref=01(&|$)/);
      const inHokkaido = await count();
      assert.ok(inHokkaido > 0 && inHokkaido < before, `北海道 narrows the list (${before} → ${inHokkaido})`);
      assert.equal(await page.getByLabel('都道府県').inputValue(), '01', 'the choice is kept');

      await page.getByLabel('種類').selectOption('物産展');
      await page.getByRole('button', { name: 'この条件で表示' }).click();
      await page.waitForURL((url) => url.searchParams.get('pref') === '01' && url.searchParams.get('kind') === '物産展');
      const titles = await page.locator('.rk-event-list__title').allInnerTexts();
      assert.deepEqual(titles, ['名寄市 ひまわりと冬の味覚 物産展']);
      assert.match(await page.locator('.rk-result-count').innerText(), /1件/);
      // axe cannot run without JavaScript; the same template passed it above.
      assert.deepEqual(foreign, [], 'the filtered list made requests to another origin');
      await saveScreenshot(page, 'events-list-filtered-nojs');

      await page.getByRole('link', { name: '条件をクリア' }).click();
      await page.waitForURL((url) => url.pathname === '/events' && url.search === '');
      assert.equal(await count(), before);
    } finally {
      await context.close();
    }
  });

  test('the member submits an event: the error summary first, then sent for review', async () => {
    const opened = await openPage();
    member = opened.context;
    const { page, foreign } = opened;
    await signIn(page, 'sample-member@renkei.example', false);

    await page.goto(running.url('/member/events/new'));
    assert.match(await page.locator('h1').innerText(), /イベントの投稿/);
    await check(page, foreign, 'member-form');

    await page.locator('#f-title').fill('サンプル ブラウザから投稿したイベント');
    await page.getByRole('button', { name: '事務局に審査を依頼する' }).click();
    await page.waitForLoadState('load');
    assert.match(await page.title(), /^エラー：/);
    assert.match(await page.locator('.rk-error-summary').innerText(), /種類|開始日/);
    assert.equal(await page.locator('#f-title').inputValue(), 'サンプル ブラウザから投稿したイベント', 'the input is kept');
    await check(page, foreign, 'member-form-error');

    await page.locator('#f-kind').selectOption('物産展');
    await page.locator('#f-startsOn').fill('2027-02-11');
    await page.locator('#f-venueName').fill('名寄市民文化センター（サンプル）');
    await page.getByRole('button', { name: '事務局に審査を依頼する' }).click();
    await page.waitForURL(/\/member\/events\?done=submitted$/);
    assert.match(await page.locator('main').innerText(), /審査待ち/);
  });

  test('the secretariat’s list, review queue, import and feeds pass axe', async () => {
    const { context, page, foreign } = await openPage();
    try {
      await signIn(page, 'sample-secretariat@renkei.example', true);
      for (const [path, slug] of [
        ['/admin/events', 'admin-list'],
        ['/admin/events/review', 'admin-review'],
        ['/admin/events/import', 'admin-import'],
        ['/admin/events/feeds', 'admin-feeds'],
      ] as const) {
        const res = await page.goto(running.url(path));
        assert.equal(res?.status(), 200, path);
        if (slug === 'admin-review') assert.match(await page.locator('main').innerText(), /サンプル ブラウザから投稿したイベント/, 'the member’s event waits for review');
        await check(page, foreign, slug);
      }
    } finally {
      await context.close();
    }
  });

  test('at 320 px the list, the calendar, an event page and the member form do not scroll sideways', async () => {
    const narrow = await browser.newContext({ viewport: { width: 320, height: 640 }, storageState: await member.storageState() });
    try {
      const small = await narrow.newPage();
      for (const path of ['/events', calendarMonth, nayoroFair, '/member/events/new']) {
        await small.goto(running.url(path));
        const width = await small.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 320, `${path}: scrollWidth ${width}`);
      }
      await saveScreenshot(small, 'events-member-form-320');
    } finally {
      await narrow.close();
      await member.close();
    }
  });
});
