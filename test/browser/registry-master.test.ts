// The secretariat's registry pages in a real browser: the sample secretariat signs in with
// two-factor authentication, then axe runs on a list, a form with an error, an edit page with
// its extra section, and a history page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { demoPassword, demoTotpSecret } from '../../src/db/seed/demo-accounts.ts';
import { currentTotp } from '../../src/security/totp.ts';
import { axeViolations, browserSkipReason, collectForeignRequests, formatViolations, launchBrowser, saveScreenshot, startApp, type RunningApp } from './browser.ts';

async function checkPage(page: Page, slug: string, foreign: string[]): Promise<void> {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `${slug}: ${formatViolations(violations)}`);
  assert.deepEqual(foreign, [], `${slug} made requests to another origin`);
  await saveScreenshot(page, `registry-master-${slug}`);
}

describe('the secretariat edits the registry records', { skip: browserSkipReason }, () => {
  let running: RunningApp;
  let browser: Browser;
  let page: Page;
  let foreign: string[];

  before(async () => {
    running = await startApp();
    browser = await launchBrowser();
    const context = await browser.newContext();
    page = await context.newPage();
    foreign = collectForeignRequests(page, running.origin);
    await page.goto(running.url('/login'));
    await page.locator('input[name="email"]').fill('sample-secretariat@renkei.example');
    await page.locator('input[name="password"]').fill(demoPassword);
    await page.locator('form[action="/login"] button[type="submit"]').click();
    await page.waitForURL(/\/login\/two-factor/);
    await page.locator('input[name="code"]').fill(currentTotp(demoTotpSecret));
    await page.locator('form[action="/login/two-factor"] button[type="submit"]').click();
    await page.waitForURL(/\/member/);
  });

  after(async () => {
    await browser?.close();
    await running?.close();
  });

  test('the list of agreement types', async () => {
    await page.goto(running.url('/registry/types'));
    assert.match(await page.locator('h1').innerText(), /協定の種別/);
    await checkPage(page, 'types', foreign);
  });

  test('the plan/progress table, one column per 年度', async () => {
    await page.goto(running.url('/registry/plan'));
    await checkPage(page, 'plan', foreign);
  });

  test('a new type sent empty: the error summary, the fields marked, nothing saved', async () => {
    await page.goto(running.url('/registry/types/new'));
    await page.locator('select[name="category"]').selectOption('');
    await page.getByRole('button', { name: '登録する' }).click();
    await page.waitForLoadState('load');
    assert.match(await page.locator('.rk-error-summary').innerText(), /名称を入力してください/);
    assert.equal(await page.locator('#f-name').getAttribute('aria-invalid'), 'true');
    await checkPage(page, 'types-error', foreign);
  });

  test('a group with its member counts and exceptions', async () => {
    const group = await running.database.handle.db.selectFrom('wide_area_groups').select('id').orderBy('sort_order').executeTakeFirst();
    await page.goto(running.url(group ? `/registry/groups/${group.id}` : '/registry/groups'));
    await checkPage(page, 'group', foreign);
  });

  test('a ward’s mayor is changed, and the history shows before → after', async () => {
    await page.goto(running.url('/registry/wards/131016'));
    await checkPage(page, 'ward-edit', foreign);
    await page.getByLabel('区長名', { exact: true }).fill('試験 区長');
    await page.getByLabel('区長名の時点').fill('2026/11/30');
    await page.getByRole('button', { name: '変更を保存する' }).click();
    await page.waitForURL(/done=updated/);
    await page.goto(running.url('/registry/wards/131016/history'));
    assert.match(await page.locator('main').innerText(), /試験 区長/);
    await checkPage(page, 'ward-history', foreign);
  });

  test('a disaster form in English', async () => {
    await page.goto(running.url('/lang/en?next=%2Fregistry%2Fdisasters%2Fnew'));
    assert.match(await page.locator('h1').innerText(), /New disaster/);
    await checkPage(page, 'disaster-new-en', foreign);
  });
});
