// Partner matching in a real browser, as the sample member of 名寄市: axe (WCAG 2.2 A/AA) and no
// foreign requests on the listing, an entry with its suggestions, the member's own page and the
// form (also with its error summary); the filters used with JavaScript off; every page at 320 px.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { seedId } from '../../src/db/seed/registry/util.ts';
import { browserSkipReason, expectCleanPage, saveScreenshot, signInAsSample, useAppAndBrowser, type OpenPage } from './browser.ts';

/** The sample need of 名寄市 (a venue for a fair), whose best partner is 杉並区. */
const nayoroVenue = `/matching/${seedId('matching', 'nayoro-venue')}`;

describe('partner matching in the browser', { skip: browserSkipReason }, () => {
  const suite = useAppAndBrowser();

  async function signedInPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<OpenPage> {
    const opened = await suite.openPage(options);
    await signInAsSample(opened.page, suite.running, 'sample-member@renkei.example', { totp: false });
    return opened;
  }

  const check = (page: Page, foreign: string[], slug: string) => expectCleanPage(page, foreign, `matching-${slug}`);

  test('the listing, an entry with its suggestions, the own page and the form pass axe', async () => {
    const { context, page, foreign } = await signedInPage();
    try {
      for (const [path, slug, heading] of [
        ['/matching', 'list', '連携先のマッチング'],
        ['/matching?direction=offer&region=kanto', 'list-filtered', '連携先のマッチング'],
        [nayoroVenue, 'entry', '物産展の会場を探しています'],
        ['/member/matching', 'own', '連携マッチングの掲載'],
        ['/member/matching/new', 'form', '新しく掲載する'],
      ] as const) {
        const res = await page.goto(suite.running.url(path));
        assert.equal(res?.status(), 200, path);
        assert.match(await page.locator('h1').innerText(), new RegExp(heading));
        await check(page, foreign, slug);
      }
      await page.goto(suite.running.url(nayoroVenue));
      assert.match(await page.locator('main').innerText(), /両者は1989年から交流自治体協定で結ばれています。/);
      const call = page.getByRole('link', { name: /この相手に連携を呼びかける/ }).first();
      assert.match(String(await call.getAttribute('href')), /^\/board\/new\?category=calls&to=131156&/);

      await page.goto(suite.running.url('/member/matching/new'));
      await page.locator('#f-description').fill('ブラウザからの試験（サンプル）');
      await page.getByRole('button', { name: '掲載する' }).click();
      await page.waitForLoadState('load');
      assert.match(await page.title(), /^エラー：/);
      assert.match(await page.locator('.rk-error-summary').innerText(), /見出しを入力してください/);
      assert.equal(await page.locator('#f-description').inputValue(), 'ブラウザからの試験（サンプル）', 'the input is kept');
      await check(page, foreign, 'form-error');
    } finally {
      await context.close();
    }
  });

  test('without JavaScript the filter form puts the filters in the URL and narrows the list', async () => {
    const { context, page } = await signedInPage({ javaScriptEnabled: false });
    try {
      await page.goto(suite.running.url('/matching'));
      const count = () => page.locator('.rk-news-item').count();
      const all = await count();
      assert.ok(all >= 5, `the sample entries are listed (${all})`);
      await page.getByLabel('区分').selectOption('offer');
      await page.getByLabel('種類').selectOption('venue');
      await page.getByRole('button', { name: 'この条件で表示' }).click();
      await page.waitForURL((url) => url.searchParams.get('direction') === 'offer' && url.searchParams.get('kind') === 'venue');
      const venues = await count();
      assert.ok(venues > 0 && venues < all, `offers of a venue narrow the list (${all} → ${venues})`);
      assert.equal(await page.getByLabel('種類').inputValue(), 'venue', 'the choice is kept');
      await page.getByRole('link', { name: '条件をクリア' }).click();
      await page.waitForURL((url) => url.pathname === '/matching' && url.search === '');
      assert.equal(await count(), all);
    } finally {
      await context.close();
    }
  });

  test('every matching page reflows at 320 px', async () => {
    const { context, page } = await signedInPage({ viewport: { width: 320, height: 640 } });
    try {
      const failures: string[] = [];
      for (const path of ['/matching', nayoroVenue, '/member/matching', '/member/matching/new']) {
        await page.goto(suite.running.url(path));
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 320) {
          await saveScreenshot(page, `matching-reflow-${path.replace(/[^a-z0-9]+/gi, '-')}`);
          failures.push(`${path}: ${width} px`);
        }
      }
      assert.deepEqual(failures, []);
    } finally {
      await context.close();
    }
  });
});
