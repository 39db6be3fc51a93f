// Every page template in a real browser: status, axe-core (WCAG 2.2 A/AA), no third-party requests,
// a full-page screenshot; plus the narrow layout, the filter form without JavaScript, the skip
// link and the language switch. One Chromium for the file, one context per group.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  axeViolations,
  browserSkipReason,
  collectForeignRequests,
  formatViolations,
  launchBrowser,
  saveScreenshot,
  signInAsSample,
  startApp,
  type RunningApp,
} from './browser.ts';

interface PageCase {
  name: string;
  path: string;
  slug: string;
  status: number;
  /** Text the page's h1 must contain, to be sure the right template was rendered. */
  heading: string;
}

const japanesePages: PageCase[] = [
  { name: 'the top page', path: '/', slug: 'top', status: 200, heading: '特別区全国連携プロジェクト' },
  { name: 'the about page', path: '/about', slug: 'about', status: 200, heading: 'プロジェクトについて' },
  { name: 'the accessibility policy', path: '/accessibility', slug: 'accessibility', status: 200, heading: 'ウェブアクセシビリティ方針' },
  { name: 'the contact page', path: '/contact', slug: 'contact', status: 200, heading: 'お問い合わせ' },
  { name: 'the site policy', path: '/site-policy', slug: 'site-policy', status: 200, heading: 'サイトポリシー' },
  { name: 'the privacy policy', path: '/privacy', slug: 'privacy', status: 200, heading: 'プライバシーポリシー' },
  { name: 'the sitemap page', path: '/sitemap', slug: 'sitemap', status: 200, heading: 'サイトマップ' },
  { name: 'the municipality list', path: '/municipalities', slug: 'municipalities', status: 200, heading: '全国の自治体' },
  { name: 'the search results for ちよだ', path: `/municipalities?q=${encodeURIComponent('ちよだ')}`, slug: 'municipalities-search', status: 200, heading: '全国の自治体' },
  { name: 'the filter form with a validation error', path: '/municipalities?pref=99', slug: 'municipalities-error', status: 400, heading: '全国の自治体' },
  { name: 'the page of 千代田区', path: '/municipalities/131016', slug: 'municipality-131016', status: 200, heading: '千代田区' },
  { name: 'the prefecture page of 東京都', path: '/municipalities/130001', slug: 'municipality-130001', status: 200, heading: '東京都' },
  { name: 'the page of a Northern Territories village', path: '/municipalities/016951', slug: 'municipality-016951', status: 200, heading: '色丹村' },
  { name: 'the not-found page', path: '/municipalities/999999', slug: 'not-found', status: 404, heading: 'ページが見つかりません' },
];

const englishPages: PageCase[] = [
  { name: 'the top page', path: '/', slug: 'en-top', status: 200, heading: 'Tokyo 23 City All Nippon Collaboration Project' },
  { name: 'the municipality list', path: '/municipalities', slug: 'en-municipalities', status: 200, heading: 'Local governments of Japan' },
  { name: 'the accessibility policy with its test results', path: '/accessibility', slug: 'en-accessibility', status: 200, heading: 'Accessibility policy' },
  { name: 'the site policy', path: '/site-policy', slug: 'en-site-policy', status: 200, heading: 'Site policy' },
];

describe('Pages in a real browser', { skip: browserSkipReason }, () => {
  let browser: Browser;
  let server: RunningApp;

  before(async () => {
    // One after the other, so that `after` can close whichever of the two did start.
    server = await startApp();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens the page, checks status, lang, heading, axe and requests, and saves a screenshot. */
  async function checkPage(context: BrowserContext, c: PageCase, lang: 'ja' | 'en'): Promise<void> {
    const page = await context.newPage();
    try {
      const foreign = collectForeignRequests(page, server.origin);
      const response = await page.goto(server.url(c.path), { waitUntil: 'load' });
      assert.equal(response?.status(), c.status, `${c.path} should answer ${c.status}`);
      assert.equal(await page.getAttribute('html', 'lang'), lang, `${c.path} should have <html lang="${lang}">`);
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

  describe('Japanese pages', () => {
    let context: BrowserContext;
    before(async () => {
      context = await browser.newContext();
    });
    after(async () => {
      await context?.close();
    });

    for (const c of japanesePages) {
      test(`${c.name} (${c.path}) answers ${c.status}, passes axe-core and loads only same-origin resources`, async () => {
        await checkPage(context, c, 'ja');
      });
    }

    test('the Northern Territories village page explains why it is not counted', async () => {
      const page = await context.newPage();
      try {
        await page.goto(server.url('/municipalities/016951'));
        const note = page.locator('main .rk-note');
        assert.ok(await note.isVisible(), 'the note should be visible');
        assert.match(await note.innerText(), /北方領土/);
      } finally {
        await page.close();
      }
    });
  });

  describe('English pages', () => {
    let context: BrowserContext;
    before(async () => {
      context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(server.url('/lang/en?next=/'));
      await page.close();
    });
    after(async () => {
      await context?.close();
    });

    for (const c of englishPages) {
      test(`in English, ${c.name} (${c.path}) has lang="en", passes axe-core and loads only same-origin resources`, async () => {
        await checkPage(context, c, 'en');
      });
    }
  });

  describe('A 320 px wide screen', () => {
    let context: BrowserContext;
    before(async () => {
      context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    });
    after(async () => {
      await context?.close();
    });

    for (const c of japanesePages.filter((p) => ['top', 'municipalities', 'privacy'].includes(p.slug))) {
      test(`${c.name} (${c.path}) does not scroll sideways at 320 px`, async () => {
        const page = await context.newPage();
        try {
          const response = await page.goto(server.url(c.path));
          assert.equal(response?.status(), 200);
          await saveScreenshot(page, `${c.slug}-320`);
          const overflow = await page.evaluate(() => {
            const width = document.documentElement.scrollWidth;
            // The widest offenders, so a failure says what to fix.
            const wide = [...document.querySelectorAll('body *')]
              .filter((el) => el.getBoundingClientRect().right > 320.5)
              .slice(0, 5)
              .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} (right ${Math.round(el.getBoundingClientRect().right)})`);
            return { width, wide };
          });
          assert.ok(overflow.width <= 320, `scrollWidth is ${overflow.width} px; elements past 320 px: ${overflow.wide.join(', ')}`);
        } finally {
          await page.close();
        }
      });
    }
  });

  describe('The filter form without JavaScript', () => {
    let context: BrowserContext;
    let page: Page;
    before(async () => {
      context = await browser.newContext({ javaScriptEnabled: false });
      page = await context.newPage();
    });
    after(async () => {
      await context?.close();
    });

    test('choosing 東京都 and 特別区 and submitting lists the 23 special wards', async () => {
      await page.goto(server.url('/municipalities'));
      await page.getByLabel('都道府県', { exact: true }).selectOption('13');
      await page.getByLabel('区分', { exact: true }).selectOption({ label: '特別区' });
      await page.getByRole('button', { name: 'この条件で表示' }).click();
      await page.waitForURL((url) => url.searchParams.get('pref') === '13');

      const url = new URL(page.url());
      assert.equal(url.pathname, '/municipalities');
      assert.equal(url.searchParams.get('pref'), '13');
      assert.equal(url.searchParams.get('kind'), '特別区');
      const status = await page.getByRole('status').innerText();
      assert.ok(status.includes('23件中'), `the result count should say 23件中, got "${status}"`);
    });

    test('searching しぶや within those results finds 渋谷区, whose link opens its own page', async () => {
      // Opens the list the previous test reached directly, so that this test also runs on its own.
      await page.goto(server.url(`/municipalities?pref=13&kind=${encodeURIComponent('特別区')}`));
      await page.getByLabel(/^名称/).fill('しぶや');
      await page.getByRole('button', { name: 'この条件で表示' }).click();
      await page.waitForURL((url) => url.searchParams.get('q') === 'しぶや');
      assert.equal(new URL(page.url()).searchParams.get('pref'), '13', 'the form should keep the chosen prefecture');

      const link = page.getByRole('table').getByRole('link', { name: '渋谷区', exact: true });
      assert.equal(await link.getAttribute('href'), '/municipalities/131130');
      await link.click();
      await page.waitForURL((url) => url.pathname === '/municipalities/131130');
      const heading = await page.getByRole('heading', { level: 1 }).innerText();
      assert.ok(heading.includes('渋谷区'), `the heading should contain 渋谷区, got "${heading}"`);
    });
  });

  describe('Keyboard use and the language switch', () => {
    let context: BrowserContext;
    before(async () => {
      context = await browser.newContext();
    });
    after(async () => {
      await context?.close();
    });

    test('the first Tab on the top page focuses a visible skip link that moves focus to the main content', async () => {
      const page = await context.newPage();
      try {
        await page.goto(server.url('/'));
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const el = document.activeElement;
          return { tag: el?.tagName.toLowerCase(), text: el?.textContent?.trim(), href: el?.getAttribute('href') };
        });
        assert.deepEqual(focused, { tag: 'a', text: '本文へ移動', href: '#main' });

        const box = await page.locator('a:focus').boundingBox();
        const viewport = page.viewportSize();
        assert.ok(box && viewport, 'the focused skip link should have a box');
        assert.ok(
          box.x >= 0 && box.y >= 0 && box.width > 0 && box.height > 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height,
          `the focused skip link should be inside the ${viewport.width}×${viewport.height} viewport, box ${JSON.stringify(box)}`,
        );

        await page.keyboard.press('Enter');
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
      } finally {
        await page.close();
      }
    });

    test('the English link switches a municipality page to English and 日本語 switches it back', async () => {
      const page = await context.newPage();
      try {
        const path = '/municipalities/131016';
        await page.goto(server.url(path));
        assert.equal(await page.getAttribute('html', 'lang'), 'ja');

        await page.getByRole('link', { name: 'English', exact: true }).click();
        await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
        assert.equal(new URL(page.url()).pathname, path);
        assert.equal(await page.getAttribute('html', 'lang'), 'en');

        await page.getByRole('link', { name: '日本語', exact: true }).click();
        await page.locator('html[lang="ja"]').waitFor({ state: 'attached' });
        assert.equal(new URL(page.url()).pathname, path);
        assert.equal(await page.getAttribute('html', 'lang'), 'ja');
      } finally {
        await page.close();
      }
    });
  });
  describe('The site pages back office (/admin/pages) as the sample secretariat', () => {
    let context: BrowserContext;
    let page: Page;
    before(async () => {
      context = await browser.newContext();
      page = await context.newPage();
      await signInAsSample(page, server, 'sample-secretariat@renkei.example', { totp: true });
    });
    after(async () => {
      await context?.close();
    });

    async function checkAdmin(slug: string, heading: RegExp): Promise<void> {
      const foreign = collectForeignRequests(page, server.origin);
      assert.match(await page.locator('h1').innerText(), heading, slug);
      await saveScreenshot(page, `admin-pages-${slug}`);
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `axe-core found ${violations.length} violation(s) on ${slug}:\n${formatViolations(violations)}`);
      assert.deepEqual(foreign, [], `${slug} made requests outside ${server.origin}`);
    }

    test('the list, a page with an error, its preview, the saved page, versions and the comparison pass axe-core', async () => {
      await page.goto(server.url('/admin/pages'));
      await checkAdmin('list', /サイトのページの管理/);
      await page.locator('main').getByRole('link', { name: 'サイトポリシー', exact: true }).click();
      await page.waitForURL(/\/admin\/pages\/site-policy\/edit$/);
      await checkAdmin('edit', /ページを編集する/);
      const original = await page.getByLabel('本文（日本語）').inputValue();
      await page.getByLabel('ページ名（日本語）').fill('');
      await page.getByRole('button', { name: '保存して公開する' }).click();
      await page.waitForLoadState('load');
      assert.match(await page.title(), /^エラー：/);
      assert.match(await page.locator('.rk-error-summary').innerText(), /ページ名（日本語）を入力してください/);
      await checkAdmin('edit-error', /ページを編集する/);
      await page.getByLabel('ページ名（日本語）').fill('サイトポリシー');
      await page.getByLabel('本文（日本語）').fill(`${original}\n\n## ブラウザからの追記（サンプル）\n\n- 項目`);
      await page.getByRole('button', { name: 'プレビュー' }).click();
      await page.waitForLoadState('load');
      assert.match(await page.locator('.rk-preview').first().innerText(), /ブラウザからの追記/);
      await checkAdmin('edit-preview', /ページを編集する/);
      await page.getByRole('button', { name: '保存して公開する' }).click();
      await page.waitForURL(/\/admin\/pages\?done=updated$/);
      await page.goto(server.url('/site-policy'));
      assert.match(await page.locator('main').innerText(), /ブラウザからの追記（サンプル）/);
      await page.goto(server.url('/admin/pages/site-policy/versions'));
      await checkAdmin('versions', /版の履歴/);
      await page.getByRole('link', { name: '現在の版と比較' }).first().click();
      await page.waitForURL(/\/versions\/1$/);
      await checkAdmin('compare', /比較/);
    });

    test('the test results: list, a refused form and an edit form pass axe-core', async () => {
      await page.goto(server.url('/admin/pages/test-results'));
      await checkAdmin('test-results', /アクセシビリティ試験結果の管理/);
      await page.getByRole('link', { name: '試験結果を追加する' }).click();
      await page.waitForURL(/\/test-results\/new$/);
      await checkAdmin('test-result-new', /試験結果を追加する/);
      await page.getByRole('button', { name: '保存して公開する' }).click();
      await page.waitForLoadState('load');
      assert.match(await page.locator('.rk-error-summary').innerText(), /試験日を入力してください/);
      await checkAdmin('test-result-error', /試験結果を追加する/);
      await page.goto(server.url('/admin/pages/test-results'));
      await page.getByRole('link', { name: /実施の試験結果を編集する$/ }).first().click();
      await page.waitForURL(/\/test-results\/[0-9a-f-]{36}\/edit$/);
      await checkAdmin('test-result-edit', /試験結果を編集する/);
    });
  });
});
