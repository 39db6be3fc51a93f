// News in a real browser: the sample secretariat (password + TOTP) writes an article through the
// form with a real file input — first without the photo's alternative text (error summary, input
// kept), then published — and reads it on the public pages. axe (WCAG 2.2 A/AA) and no foreign
// requests on every news template; the public list, an article and the form at 320 px.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { browserSkipReason, expectCleanPage, signInAsSample, useAppAndBrowser } from './browser.ts';

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('news in the browser', { skip: browserSkipReason }, () => {
  const suite = useAppAndBrowser();
  let context: BrowserContext;
  let page: Page;
  let foreign: string[];

  before(async () => {
    ({ context, page, foreign } = await suite.openPage());
  });

  const check = (slug: string) => expectCleanPage(page, foreign, `news-${slug}`);

  test('the public list, the archive of a 年度 and a real article pass axe', async () => {
    for (const [path, slug, heading] of [
      ['/news', 'list', 'お知らせ・連携事業'],
      ['/news/archive/2019', 'archive-2019', '2019年度'],
      ['/news/miryoku-2024', 'article', '令和6年度 特別区全国連携プロジェクト 魅力発信イベント'],
    ] as const) {
      const res = await page.goto(suite.running.url(path));
      assert.equal(res?.status(), 200, path);
      assert.match(await page.locator('h1').innerText(), new RegExp(heading));
      await check(slug);
    }
  });

  test('the secretariat writes an article with a photo: a missing alternative text, then published', async () => {
    await signInAsSample(page, suite.running, 'sample-secretariat@renkei.example', { totp: true });

    await page.goto(suite.running.url('/admin/news'));
    await check('admin-list');
    await page.goto(suite.running.url('/admin/news/new'));
    await page.getByLabel('タイトル').fill('サンプル ブラウザで書いた記事');
    await page.getByLabel('URL名').fill('sample-browser');
    await page.getByLabel('本文').fill('## 概要\n\nブラウザから書きました（サンプル）。');
    await page.locator('input[name="photo.0.file"]').setInputFiles({ name: 'kaijo.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: '公開する（日時が未来なら予約）' }).click();
    await page.waitForLoadState('load');
    assert.match(await page.title(), /^エラー：/);
    assert.match(await page.locator('.rk-error-summary').innerText(), /写真の代替テキスト/);
    assert.equal(await page.getByLabel('タイトル').inputValue(), 'サンプル ブラウザで書いた記事', 'the input is kept');
    await check('form-error');

    await page.locator('input[name="photo.0.label"]').fill('会場の様子（サンプル）');
    await page.getByRole('button', { name: 'プレビュー' }).click();
    await page.waitForLoadState('load');
    assert.match(await page.locator('.rk-preview').innerText(), /ブラウザから書きました/);
    await check('form-preview');
    await page.getByRole('button', { name: '公開する（日時が未来なら予約）' }).click();
    await page.waitForURL(/\/admin\/news\?done=created$/);

    await page.goto(suite.running.url('/news/sample-browser'));
    assert.equal(await page.locator('main img').getAttribute('alt'), '会場の様子（サンプル）');
    const loaded = await page.locator('main img').evaluate((img) => (img as HTMLImageElement).naturalWidth);
    assert.equal(loaded, 1, 'the photo is served and decodes');

    const id = (await suite.running.database.handle.db.selectFrom('articles').select('id').where('slug', '=', 'sample-browser').executeTakeFirstOrThrow()).id;
    await page.goto(suite.running.url(`/admin/news/${id}/edit`));
    await page.getByLabel('タイトル').fill('サンプル ブラウザで書いた記事（改）');
    await page.getByRole('button', { name: '公開する（日時が未来なら予約）' }).click();
    await page.waitForURL(/done=updated/);
    await page.goto(suite.running.url(`/admin/news/${id}/versions`));
    await check('versions');
    await page.getByRole('link', { name: '現在の版と比較' }).first().click();
    await page.waitForURL(/\/versions\/1$/);
    await check('compare');
  });

  test('at 320 px the news pages and the form do not scroll sideways', async () => {
    const narrow = await context.browser()!.newContext({ viewport: { width: 320, height: 640 }, storageState: await context.storageState() });
    try {
      const small = await narrow.newPage();
      for (const path of ['/news', '/news/miryoku-2024', '/admin/news', '/admin/news/new']) {
        await small.goto(suite.running.url(path));
        const width = await small.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 320, `${path}: scrollWidth ${width}`);
      }
    } finally {
      await narrow.close();
    }
  });
});
