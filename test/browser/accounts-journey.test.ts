// The whole journey of a municipal officer in a real browser, on both database engines:
// register → read the code from the mail → the secretariat (with two-factor) approves →
// sign in → member dashboard. axe runs on every page on the way.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hashPassword } from '../../src/security/passwords.ts';
import { currentTotp, newTotpSecret } from '../../src/security/totp.ts';
import { engines, postgresSkipReason } from '../helper.ts';
import { codeIn } from '../mail-catcher.ts';
import { axeViolations, browserSkipReason, collectForeignRequests, formatViolations, launchBrowser, saveScreenshot, startApp, type RunningApp } from './browser.ts';

const applicant = { email: 'kikaku@city.nayoro.example.lg.jp', password: 'snow-bear-river-2026' };
const secretariat = { email: 'jimukyoku@renkei.example.lg.jp', password: 'jimukyoku-approves-2026', totp: newTotpSecret() };

async function checkPage(page: Page, slug: string, foreign: string[]): Promise<void> {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `${slug}: ${formatViolations(violations)}`);
  assert.deepEqual(foreign, [], `${slug} made requests to another origin`);
  await saveScreenshot(page, `journey-${slug}`);
}

for (const engine of engines) {
  const skip = browserSkipReason ?? (engine === 'postgres' ? postgresSkipReason : undefined);
  describe(`a municipal officer registers, is approved and signs in [${engine}]`, { skip }, () => {
    let running: RunningApp;
    let browser: Browser;
    let officer: BrowserContext;
    let office: BrowserContext;

    before(async () => {
      running = await startApp({ engine, mail: true });
      browser = await launchBrowser();
      officer = await browser.newContext();
      office = await browser.newContext();
      const now = new Date().toISOString();
      await running.database.handle.db
        .insertInto('accounts')
        .values({
          id: randomUUID(),
          email: secretariat.email,
          password_hash: await hashPassword(secretariat.password),
          role: 'secretariat',
          status: 'active',
          local_government_code: null,
          department: '特別区長会事務局',
          phone: '03-5210-9747',
          full_name: '事務局 担当',
          full_name_kana: 'ジムキョク タントウ',
          display_name: '事務局',
          totp_secret: secretariat.totp,
          totp_enabled_at: now,
          password_changed_at: now,
          created_at: now,
          updated_at: now,
        })
        .execute();
    });

    after(async () => {
      await browser?.close();
      await running?.close();
    });

    test('the officer fills in the registration form and confirms the mailed code', async () => {
      const page = await officer.newPage();
      const foreign = collectForeignRequests(page, running.origin);
      await page.goto(running.url('/register'));
      await checkPage(page, `register-${engine}`, foreign);
      await page.getByLabel('所属自治体').fill('名寄市');
      await page.getByLabel('所属部署').fill('総合政策部 企画課');
      await page.getByLabel('氏名', { exact: true }).fill('名寄 花子');
      await page.getByLabel('フリガナ').fill('なよろ はなこ');
      await page.getByLabel('表示名').fill('名寄市 企画課');
      await page.getByLabel('メールアドレス（職場のもの）').fill(applicant.email);
      await page.getByLabel('電話番号（職場のもの）').fill('01654-3-2111');
      await page.getByLabel('パスワード', { exact: true }).fill(applicant.password);
      await page.getByLabel('パスワード（確認）').fill(applicant.password);
      await page.locator('input[name="terms"]').check();
      await page.locator('form[action="/register"] button[type="submit"]').click();
      await page.waitForURL(/\/register\/verify/);
      await checkPage(page, `register-verify-${engine}`, foreign);

      const mail = await running.mail!.waitFor(applicant.email, '確認コード');
      assert.equal(mail.html, false, 'plain-text mail only');
      await page.locator('input[name="code"]').fill(codeIn(mail));
      await page.locator('form[action="/register/verify"] input[name="password"]').fill(applicant.password);
      await page.locator('form[action="/register/verify"] button[type="submit"]').click();
      await page.waitForURL(/\/register\/done/);
      await checkPage(page, `register-done-${engine}`, foreign);
      await page.close();
    });

    test('the secretariat signs in with two-factor authentication and approves the application', async () => {
      const page = await office.newPage();
      const foreign = collectForeignRequests(page, running.origin);
      await page.goto(running.url('/login'));
      await checkPage(page, `login-${engine}`, foreign);
      await page.locator('input[name="email"]').fill(secretariat.email);
      await page.locator('input[name="password"]').fill(secretariat.password);
      await page.locator('form[action="/login"] button[type="submit"]').click();
      await page.waitForURL(/\/login\/two-factor/);
      await checkPage(page, `login-two-factor-${engine}`, foreign);
      await page.locator('input[name="code"]').fill(currentTotp(secretariat.totp));
      await page.locator('form[action="/login/two-factor"] button[type="submit"]').click();
      await page.waitForURL(/\/member/);

      await page.goto(running.url('/admin/approvals'));
      await checkPage(page, `admin-approvals-${engine}`, foreign);
      assert.match(await page.content(), /名寄 花子/);
      await page.getByRole('button', { name: /承認する/ }).first().click();
      await page.waitForLoadState('load');
      assert.doesNotMatch(await page.locator('main').innerText(), /名寄 花子/, 'the application left the queue');
      await page.close();
    });

    test('the approved officer is told by mail, signs in and sees the member dashboard', async () => {
      await running.mail!.waitFor(applicant.email, '承認');
      const page = await officer.newPage();
      const foreign = collectForeignRequests(page, running.origin);
      await page.goto(running.url('/login'));
      await page.locator('input[name="email"]').fill(applicant.email);
      await page.locator('input[name="password"]').fill(applicant.password);
      await page.locator('form[action="/login"] button[type="submit"]').click();
      await page.waitForURL(/\/member$/);
      await checkPage(page, `member-dashboard-${engine}`, foreign);
      const main = await page.locator('main').innerText();
      assert.match(main, /名寄市/);
      assert.match(await page.locator('header').innerText(), /名寄市 企画課/);
      const row = await running.database.handle.db.selectFrom('registered_members').selectAll().where('local_government_code', '=', '012211').executeTakeFirst();
      assert.ok(row, '名寄市 became a registered member municipality');
      await page.close();
    });
  });
}
