// The sample ward officer of 千代田区 records a project through the registry form in Chromium:
// a first try with a mistake (error summary), then the project, an edit and its history.
// axe runs on each new page template (overview, form with an error, list, history, 要確認, 出典の一覧).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSkipReason, expectCleanPage, signInAsSample, useAppAndBrowser } from './browser.ts';

const checkPage = (page: Page, slug: string, foreign: string[]) => expectCleanPage(page, foreign, `registry-admin-${slug}`);

describe('a ward officer records a project in the browser', { skip: browserSkipReason }, () => {
  const suite = useAppAndBrowser();

  test('sign in, fix a mistake, create, edit, read the history', async () => {
    const { context, page, foreign } = await suite.openPage();
    await signInAsSample(page, suite.running, 'sample-ward@renkei.example', { totp: false });

    await page.goto(suite.running.url('/registry'));
    assert.match(await page.locator('main').innerText(), /千代田区の記録/);
    await checkPage(page, 'overview', foreign);

    // First try: no title and a wrong fiscal year.
    await page.goto(suite.running.url('/registry/projects/new'));
    await page.getByLabel('年度').fill('1999');
    await page.getByLabel('連携自治体').fill('名寄市');
    await page.locator('form.rk-form button[type="submit"]').click();
    await page.waitForLoadState('load');
    assert.match(await page.title(), /^エラー：/);
    const summary = await page.locator('.rk-error-summary').innerText();
    assert.match(summary, /事業名を入力してください/);
    assert.match(summary, /年度は2000から2100まで/);
    assert.equal(await page.getByLabel('連携自治体').inputValue(), '名寄市', 'the input is kept');
    await checkPage(page, 'project-form-error', foreign);

    await page.getByLabel('年度').fill('2024');
    await page.getByLabel('事業名').fill('サンプル 名寄市の特産品フェア');
    await page.getByLabel('概要').fill('サンプルの事業です。');
    await page.getByLabel('産業振興').check();
    await page.getByLabel('開始日').fill('2024/10/30');
    await page.getByLabel('終了日').fill('2024/11/01');
    await page.getByLabel('実施', { exact: true }).check();
    await page.locator('form.rk-form button[type="submit"]').click();
    await page.waitForURL(/\/registry\/projects\?done=created$/);
    assert.match(await page.locator('main').innerText(), /サンプル 名寄市の特産品フェア/);
    await checkPage(page, 'project-list', foreign);

    const db = suite.running.database.handle.db;
    const project = await db.selectFrom('projects').selectAll().where('title', '=', 'サンプル 名寄市の特産品フェア').executeTakeFirstOrThrow();
    assert.equal(project.starts_on, '2024-10-30');
    assert.equal(project.status, '実施');
    const wards = await db.selectFrom('project_wards').select('ward_code').where('project_id', '=', project.id).execute();
    assert.deepEqual(wards, [{ ward_code: '131016' }], 'the officer’s own ward, fixed in the form');
    const partners = await db.selectFrom('project_partners').select('local_government_code').where('project_id', '=', project.id).execute();
    assert.deepEqual(partners, [{ local_government_code: '012211' }], 'the name was resolved to the code');

    await page.goto(suite.running.url(`/registry/projects/${project.id}/edit`));
    await page.getByLabel('中止').check();
    await page.locator('form.rk-form button[type="submit"]').click();
    await page.waitForURL(/done=updated/);

    await page.goto(suite.running.url(`/registry/projects/${project.id}/history`));
    const status = page.locator('tr[data-key="status"]').first();
    assert.equal(await status.locator('.rk-change__before').innerText(), '実施');
    assert.equal(await status.locator('.rk-change__after').innerText(), '中止');
    await checkPage(page, 'project-history', foreign);

    // The ward's open questions and its sources: read-only lists, checked as templates, at 320 px too.
    await page.goto(suite.running.url('/registry/review'));
    assert.match(await page.locator('h1').innerText(), /要確認の協定/);
    await checkPage(page, 'review', foreign);
    await page.goto(suite.running.url('/registry/sources'));
    assert.match(await page.locator('main').innerText(), /この出典による協定/);
    await checkPage(page, 'sources', foreign);
    await page.setViewportSize({ width: 320, height: 800 });
    for (const path of ['/registry/review', '/registry/sources']) {
      await page.goto(suite.running.url(path));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${path} scrolls sideways at 320 px (${overflow} px)`);
    }
    await context.close();
  });
});
