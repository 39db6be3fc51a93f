// The members' board in a real browser: two sample members converse in a thread with JavaScript
// off (forms, preview, reply, the first-unread link) and the thread's watcher gets the mail of the
// reply from the job worker over real SMTP on loopback, and every board page — the front page, a
// category, a thread, the new-thread form (also with its error summary), the search, and the
// secretariat's moderation page — passes axe (WCAG 2.2 A/AA) with no request to another origin.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runDueJobs } from '../../src/db/jobs.ts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, browserSkipReason, collectForeignRequests, formatViolations, launchBrowser, saveScreenshot, signInAsSample, startApp, type RunningApp } from './browser.ts';

describe('the board in the browser', { skip: browserSkipReason }, () => {
  let running: RunningApp;
  let browser: Browser;

  before(async () => {
    running = await startApp({ mail: true });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await running?.close();
  });

  async function signedIn(email: string, totp = false): Promise<{ context: BrowserContext; page: Page; foreign: string[] }> {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const foreign = collectForeignRequests(page, running.origin);
    await signInAsSample(page, running, email, { totp });
    return { context, page, foreign };
  }

  // axe cannot finish in a page whose scripts are off (its queue waits on timers that never run), so
  // each check opens the same address, signed in as the same person, in a context with scripts on.
  // `redo` repeats in that page what led to the state being checked (e.g. sending an empty form).
  async function check(page: Page, foreign: string[], slug: string, redo?: (checked: Page) => Promise<void>): Promise<void> {
    assert.deepEqual(foreign, [], `${slug} made requests to another origin`);
    const context = await browser.newContext({ storageState: await page.context().storageState() });
    try {
      const checked = await context.newPage();
      const checkedForeign = collectForeignRequests(checked, running.origin);
      await checked.goto(redo ? page.url() : page.url().replace(/#.*$/, ''));
      if (redo) await redo(checked);
      const violations = await axeViolations(checked);
      assert.equal(violations.length, 0, `${slug}: ${formatViolations(violations)}`);
      assert.deepEqual(checkedForeign, [], `${slug} made requests to another origin`);
      await saveScreenshot(checked, `board-${slug}`);
    } finally {
      await context.close();
    }
  }

  test('two members converse in a thread without JavaScript', async () => {
    const ward = await signedIn('sample-ward@renkei.example');
    const member = await signedIn('sample-member@renkei.example');
    try {
      // The ward officer starts a thread addressed to 名寄市 (the matching's prefill), previews, posts.
      await ward.page.goto(running.url('/board/new?category=calls&to=012211&title=' + encodeURIComponent('雪まつりの共同出展')));
      assert.match(await ward.page.locator('main').innerText(), /宛先: 名寄市/);
      await ward.page.getByLabel('本文').fill('## ご提案\n\n雪まつりに**一緒に**出展しませんか。');
      await ward.page.getByRole('button', { name: 'プレビュー' }).click();
      assert.match(await ward.page.locator('.rk-preview').innerText(), /一緒に/);
      await ward.page.getByRole('button', { name: '投稿する' }).click();
      await ward.page.waitForURL(/\/board\/t\/\d+/);
      const threadUrl = ward.page.url();
      await check(ward.page, ward.foreign, 'thread');
      // The author watches the thread; they ask for such mail at once (the default is a daily digest).
      await ward.page.goto(running.url('/member/notifications/settings'));
      await ward.page.getByRole('group', { name: 'ウォッチ中のスレッド・カテゴリ' }).getByLabel('すぐに').check();
      await ward.page.getByRole('button', { name: '保存する' }).click();
      await ward.page.waitForURL(/settings\?done=1/);

      // The member finds it on the front page, opens it and replies.
      await member.page.goto(running.url('/board'));
      await check(member.page, member.foreign, 'index');
      await member.page.getByRole('link', { name: '雪まつりの共同出展' }).first().click();
      await member.page.getByLabel('本文').fill('ぜひ参加させてください。');
      await member.page.getByRole('button', { name: '返信する' }).click();
      await member.page.waitForURL(/#post-\d+/);
      assert.match(await member.page.locator('main').innerText(), /ぜひ参加させてください。/);

      // The reply only queued the watcher's mail; a pass of the job worker sends it over SMTP, as
      // plain text whose one address to open is the thread's (no link markup, no HTML part).
      const threadPath = new URL(threadUrl).pathname;
      await runDueJobs(running.database.handle.db, running.app.jobHandlers, { workerId: 'browser-test' });
      const watched = await running.mail!.waitFor('sample-ward@renkei.example', '雪まつりの共同出展');
      assert.match(watched.subject, /ウォッチ中のスレッド・カテゴリ/);
      assert.match(watched.text, /ぜひ参加させてください。/);
      assert.ok(watched.text.split('\n').some((line) => line.startsWith(`${running.app.siteUrl}${threadPath}?`) || line.startsWith(`${running.app.siteUrl}${threadPath}#`)), watched.text);
      assert.equal(watched.html, false);

      // The ward officer sees the reply, marked unread, and answers with a quote.
      await ward.page.goto(running.url('/board/c/calls'));
      await check(ward.page, ward.foreign, 'category');
      await ward.page.goto(threadUrl);
      const text = await ward.page.locator('main').innerText();
      assert.match(text, /サンプル名寄市職員（名寄市）/);
      assert.match(text, /ぜひ参加させてください。/);
      await ward.page.getByRole('link', { name: '引用して返信' }).last().click();
      assert.match(await ward.page.getByLabel('本文').inputValue(), /> ぜひ参加させてください。/);
      await ward.page.getByLabel('本文').press('End');
      await ward.page.getByLabel('本文').fill((await ward.page.getByLabel('本文').inputValue()) + 'ありがとうございます。');
      await ward.page.getByRole('button', { name: '返信する' }).click();
      await ward.page.waitForURL(/#post-\d+/);
      assert.match(await ward.page.locator('main').innerText(), /ありがとうございます。/);
    } finally {
      await ward.context.close();
      await member.context.close();
    }
  });

  test('the form with its error summary, the search and the moderation page pass axe', async () => {
    const member = await signedIn('sample-member@renkei.example');
    try {
      await member.page.goto(running.url('/board/new'));
      await check(member.page, member.foreign, 'new');
      await member.page.getByRole('button', { name: '投稿する' }).click();
      assert.match(await member.page.locator('.rk-error-summary').innerText(), /タイトルを入力してください/);
      await check(member.page, member.foreign, 'new-errors', async (checked) => {
        await checked.goto(running.url('/board/new'));
        await checked.getByRole('button', { name: '投稿する' }).click();
        await checked.locator('.rk-error-summary').waitFor();
      });
      await member.page.goto(running.url('/board/search?q=' + encodeURIComponent('物産展')));
      assert.match(await member.page.locator('main').innerText(), /物産展に一緒に出店/);
      await check(member.page, member.foreign, 'search');
    } finally {
      await member.context.close();
    }
    const secretariat = await signedIn('sample-secretariat@renkei.example', true);
    try {
      await secretariat.page.goto(running.url('/admin/board'));
      await check(secretariat.page, secretariat.foreign, 'admin');
      await secretariat.page.goto(running.url('/board/t/2'));
      await check(secretariat.page, secretariat.foreign, 'thread-moderator');
    } finally {
      await secretariat.context.close();
    }
  });
});
