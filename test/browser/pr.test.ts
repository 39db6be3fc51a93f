// PR pages in a real browser: the sample member of 名寄市 writes the municipality's PR page through
// the form with a real file input — first without the photo's alternative text (error summary,
// input kept), then saved — and reads it on the municipality's page; the sample secretariat opens
// the back office, compares versions and hides the page. axe (WCAG 2.2 A/AA) and no foreign
// requests on every PR template; the section, the form and the back office at 320 px.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { browserSkipReason, collectForeignRequests, expectCleanPage, signInAsSample, useAppAndBrowser } from './browser.ts';

const nayoro = '012211'; // the sample member's municipality
const hirosakiSample = '022021'; // a 「サンプル」 PR page of the demo data

describe('PR pages in the browser', { skip: browserSkipReason }, () => {
  const suite = useAppAndBrowser();
  let context: BrowserContext;
  let page: Page;
  let foreign: string[];

  before(async () => {
    ({ context, page, foreign } = await suite.openPage());
  });

  const check = (slug: string) => expectCleanPage(page, foreign, `pr-${slug}`);

  test('a sample PR section and the directory with its PR filters pass axe', async () => {
    await page.goto(suite.running.url(`/municipalities/${hirosakiSample}`));
    assert.match(await page.locator('#pr').innerText(), /サンプル/);
    await check('section-sample');
    await page.goto(suite.running.url('/municipalities?pr=1&field=1'));
    assert.match(await page.locator('main').innerText(), /PRページあり/);
    await check('directory');
  });

  test('the member writes the PR page with a photo: a missing alternative text, then saved and shown', async () => {
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#88aa44' } }).jpeg().toBuffer();
    await signInAsSample(page, suite.running, 'sample-member@renkei.example', { totp: false });
    await page.goto(suite.running.url('/member/pr'));
    await page.waitForURL(new RegExp(`/member/pr/${nayoro}$`));
    await check('form');
    await page.getByLabel('キャッチコピー').fill('サンプル ブラウザで書いたPR');
    await page.getByLabel('紹介').fill('ブラウザから書きました（サンプル）。');
    await page.getByLabel('観光振興').check();
    await page.locator('input[name="photo.0.file"]').setInputFiles({ name: 'machi.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByRole('button', { name: '保存して公開する' }).click();
    await page.waitForLoadState('load');
    assert.match(await page.title(), /^エラー：/);
    assert.match(await page.locator('.rk-error-summary').innerText(), /写真の代替テキスト/);
    assert.equal(await page.getByLabel('キャッチコピー').inputValue(), 'サンプル ブラウザで書いたPR', 'the input is kept');
    await check('form-error');
    await page.locator('input[name="photo.0.alt"]').fill('街並み（サンプル）');
    await page.getByRole('button', { name: '保存して公開する' }).click();
    await page.waitForURL(/done=saved$/);
    await page.getByLabel('キャッチコピー').fill('サンプル ブラウザで書いたPR（改）');
    await page.getByRole('button', { name: '保存して公開する' }).click();
    await page.waitForURL(/done=saved$/);

    await page.goto(suite.running.url(`/municipalities/${nayoro}`));
    assert.equal(await page.locator('#pr img').getAttribute('alt'), '街並み（サンプル）');
    const loaded = await page.locator('#pr img').evaluate((img) => (img as HTMLImageElement).naturalWidth);
    assert.equal(loaded, 480, 'the small version (480 px) is served and decodes');
    await check('section');
  });

  test('the secretariat: list, page with versions, comparison, hiding', async () => {
    const secretariat = await suite.browser.newContext();
    const own = await secretariat.newPage();
    const previous = page;
    page = own;
    foreign = collectForeignRequests(page, suite.running.origin);
    try {
      await signInAsSample(page, suite.running, 'sample-secretariat@renkei.example', { totp: true });
      await page.goto(suite.running.url('/admin/pr'));
      await check('admin-list');
      await page.goto(suite.running.url(`/admin/pr/${nayoro}`));
      await check('admin-page');
      await page.getByRole('link', { name: '現在の版と比較' }).first().click();
      await page.waitForURL(/\/versions\/1$/);
      await check('compare');
      await page.goto(suite.running.url(`/admin/pr/${nayoro}`));
      await page.getByRole('button', { name: '非公開にする' }).click();
      await page.waitForLoadState('load');
      assert.match(await page.locator('.rk-error-summary').innerText(), /理由を入力してください/);
      await check('hide-error');
      await page.getByLabel('理由（記録されます）').fill('ブラウザの試験（サンプル）');
      await page.getByRole('button', { name: '非公開にする' }).click();
      await page.waitForURL(/done=hidden$/);
      await page.goto(suite.running.url(`/municipalities/${nayoro}`));
      assert.equal(await page.locator('#pr').count(), 0);
    } finally {
      page = previous;
      await secretariat.close();
    }
  });

  test('at 320 px the PR section, the form and the back office do not scroll sideways', async () => {
    const narrow = await suite.browser.newContext({ viewport: { width: 320, height: 640 }, storageState: await context.storageState() });
    try {
      const small = await narrow.newPage();
      for (const path of [`/municipalities/${hirosakiSample}`, `/member/pr/${nayoro}`]) {
        await small.goto(suite.running.url(path));
        const width = await small.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 320, `${path}: scrollWidth ${width}`);
      }
    } finally {
      await narrow.close();
    }
  });
});
