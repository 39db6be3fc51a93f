// Notifications in a real browser: axe (WCAG 2.2 A/AA) and no foreign requests on the member's
// inbox (with unread and read entries), the mail settings (also with the error summary), and the
// unsubscribe pages a visitor reaches from a mail (the confirmation, the result, a forged link).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { notify } from '../../src/features/notifications/index.ts';
import { unsubscribeToken } from '../../src/features/notifications/unsubscribe-token.ts';
import { axeViolations, browserSkipReason, collectForeignRequests, formatViolations, launchBrowser, saveScreenshot, signInAsSample, startApp, type RunningApp } from './browser.ts';

const secret = 'browser-test-session-secret-0123456789abcdef';

describe('notifications in the browser', { skip: browserSkipReason }, () => {
  let running: RunningApp;
  let browser: Browser;
  let memberId = '';

  before(async () => {
    running = await startApp({ config: { sessionSecret: secret } });
    browser = await launchBrowser();
    const db = running.database.handle.db;
    memberId = (await db.selectFrom('accounts').select('id').where('email', '=', 'sample-member@renkei.example').executeTakeFirstOrThrow()).id;
    const actorId = (await db.selectFrom('accounts').select('id').where('email', '=', 'sample-secretariat@renkei.example').executeTakeFirstOrThrow()).id;
    for (const [i, kind] of (['mentioned', 'replied', 'watching', 'suggested'] as const).entries()) {
      await notify(db, { kind, recipientIds: [memberId], actorId, title: `サンプル 掲示板のスレッド${i + 1}`, excerpt: 'サンプルの書き込みの抜粋です。'.repeat(3), path: `/board/t/${i + 1}#post-${i + 1}`, subjectKey: `sample-post:${i + 1}` });
    }
  });

  after(async () => {
    await browser?.close();
    await running?.close();
  });

  async function check(page: Page, foreign: string[], slug: string): Promise<void> {
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, `${slug}: ${formatViolations(violations)}`);
    assert.deepEqual(foreign, [], `${slug} made requests to another origin`);
    await saveScreenshot(page, `notifications-${slug}`);
  }

  // The forms are plain HTML forms (no script on these pages); axe itself needs JavaScript to run.
  test('the inbox and the settings pass axe; marking read and saving work through the forms', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const foreign = collectForeignRequests(page, running.origin);
    try {
      await signInAsSample(page, running, 'sample-member@renkei.example', { totp: false });
      await page.goto(running.url('/member/notifications'));
      assert.match(await page.locator('main').innerText(), /未読 4件/);
      await check(page, foreign, 'inbox');
      await page.getByRole('button', { name: '「サンプル 掲示板のスレッド1」を既読にする' }).click();
      await page.waitForURL(/done=read/);
      assert.match(await page.locator('main').innerText(), /未読 3件/);
      await check(page, foreign, 'inbox-read');
      await page.goto(running.url('/member/notifications/settings'));
      await check(page, foreign, 'settings');
      await page.locator('label[for="frequency-watching-3"]').click();
      await page.getByRole('button', { name: '保存する' }).click();
      await page.waitForURL(/settings\?done=1/);
      assert.ok(await page.locator('#frequency-watching-3').isChecked());
    } finally {
      await context.close();
    }
  });

  test('the settings page with its error summary passes axe', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const foreign = collectForeignRequests(page, running.origin);
    try {
      await signInAsSample(page, running, 'sample-member@renkei.example', { totp: false });
      await page.goto(running.url('/member/notifications/settings'));
      await page.locator('#frequency-mentioned').evaluate((el) => el.setAttribute('value', 'hourly'));
      await page.locator('label[for="frequency-mentioned"]').click();
      await page.getByRole('button', { name: '保存する' }).click();
      await page.waitForLoadState('load');
      assert.match(await page.title(), /^エラー：/);
      assert.match(await page.locator('.rk-error-summary').innerText(), /頻度を選んでください/);
      await check(page, foreign, 'settings-error');
    } finally {
      await context.close();
    }
  });

  test('a visitor unsubscribes from a mail link; a forged link is refused; both pass axe', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const foreign = collectForeignRequests(page, running.origin);
    try {
      const token = unsubscribeToken(secret, { accountId: memberId, scope: 'replied' });
      await page.goto(running.url(`/unsubscribe/${token}`));
      assert.match(await page.locator('main').innerText(), /配信を停止します/);
      await check(page, foreign, 'unsubscribe-confirm');
      await page.getByRole('button', { name: '配信を停止する' }).click();
      await page.waitForLoadState('load');
      assert.match(await page.locator('h1').innerText(), /配信を停止しました/);
      await check(page, foreign, 'unsubscribe-done');
      const res = await page.goto(running.url(`/unsubscribe/${memberId}.all.${token.split('.')[2]}`));
      assert.equal(res?.status(), 400);
      await check(page, foreign, 'unsubscribe-invalid');
    } finally {
      await context.close();
    }
  });
});
