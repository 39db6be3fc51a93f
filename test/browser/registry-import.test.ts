// The import in a real browser, as the sample secretariat (password + TOTP): the upload form with
// a real file input (multipart, CSRF), a file with an error (every error listed, no apply
// button), then a good file → preview → 取り込む → the job page refreshes itself until the
// result. axe (WCAG 2.2 A/AA) on the upload, preview-with-errors, preview and result pages.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { demoPassword, demoTotpSecret } from '../../src/db/seed/demo-accounts.ts';
import { projectColumns } from '../../src/features/registry/projects/exchange.ts';
import { currentTotp } from '../../src/security/totp.ts';
import { toCsv } from '../../src/views/tabular.ts';
// browser.ts first: Chromium's driver loads before helper.ts starts its PostgreSQL probe, whose
// 3-second timer a busy module load could otherwise starve.
import { axeViolations, browserSkipReason, collectForeignRequests, formatViolations, launchBrowser, saveScreenshot, startApp, type RunningApp } from './browser.ts';
import { engines, postgresSkipReason } from '../helper.ts';

const importPath = '/admin/registry/import';

function projectsCsv(rows: Array<Record<string, string | number>>): Buffer {
  const base = { fiscalYear: 2024, summary: 'サンプル', field: 2, organiserKind: '各区', wardCodes: '131016', partnerCodes: '012211', startsOn: '2024-10-30', format: '対面', status: '実施', notes: 'サンプル' };
  return Buffer.from(toCsv(projectColumns, rows.map((r) => ({ ...base, ...r }))), 'utf8');
}

async function checkPage(page: Page, slug: string, foreign: string[]): Promise<void> {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `${slug}: ${formatViolations(violations)}`);
  assert.deepEqual(foreign, [], `${slug} made requests to another origin`);
  await saveScreenshot(page, `registry-import-${slug}`);
}

for (const engine of engines) {
  const skip = browserSkipReason ?? (engine === 'postgres' ? postgresSkipReason : undefined);
  describe(`the secretariat imports projects from a CSV file [${engine}]`, { skip }, () => {
    let running: RunningApp;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let foreign: string[];

    before(async () => {
      running = await startApp({ engine });
      browser = await launchBrowser();
      context = await browser.newContext();
      page = await context.newPage();
      foreign = collectForeignRequests(page, running.origin);
    });

    after(async () => {
      await browser?.close();
      await running?.close();
    });

    const upload = async (name: string, buffer: Buffer) => {
      await page.goto(running.url(importPath));
      await page.locator('input[name="entity"][value="projects"]').check();
      await page.locator('input[type="file"][name="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer });
      await page.getByRole('button', { name: '確認する' }).click();
      await page.waitForURL(new RegExp(`${importPath}/[0-9a-f-]{36}$`));
    };

    test('signs in with two-factor authentication and opens the upload page', async () => {
      await page.goto(running.url('/login'));
      await page.locator('input[name="email"]').fill('sample-secretariat@renkei.example');
      await page.locator('input[name="password"]').fill(demoPassword);
      await page.locator('form[action="/login"] button[type="submit"]').click();
      await page.waitForURL(/\/login\/two-factor/);
      await page.locator('input[name="code"]').fill(currentTotp(demoTotpSecret));
      await page.locator('form[action="/login/two-factor"] button[type="submit"]').click();
      await page.waitForURL(/\/member/);

      const res = await page.goto(running.url(importPath));
      assert.equal(res?.status(), 200);
      assert.match(await page.locator('h1').innerText(), /協定・連携事業の取り込み/);
      await checkPage(page, `upload-${engine}`, foreign);
    });

    test('a file with a bad row: every error is listed and there is no apply button', async () => {
      const before = await running.database.handle.db.selectFrom('projects').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      await upload('bad.csv', projectsCsv([{ title: 'サンプル ブラウザのよい行' }, { title: '', status: '終了' }]));
      const table = page.locator('#import-errors');
      assert.match(await table.innerText(), /行\s+列\s+理由/);
      const rows = await table.locator('tbody tr').allInnerTexts();
      assert.deepEqual(
        rows.map((r) => r.split('\t').slice(0, 2)),
        [
          ['3', '事業名'],
          ['3', '状況'],
        ],
      );
      assert.equal(await page.getByRole('button', { name: '取り込む' }).count(), 0);
      await checkPage(page, `preview-errors-${engine}`, foreign);
      const after = await running.database.handle.db.selectFrom('projects').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(after.n), Number(before.n));
    });

    test('a good file: preview, 取り込む, the page follows the progress to the result', async () => {
      await upload('連携事業.csv', projectsCsv([{ title: 'サンプル ブラウザから取り込んだ事業1' }, { title: 'サンプル ブラウザから取り込んだ事業2', organiserKind: '23区共同', wardCodes: '' }]));
      const preview = await page.locator('#import-preview').innerText();
      assert.match(preview, /サンプル ブラウザから取り込んだ事業1/);
      assert.match(preview, /23区共同/);
      await checkPage(page, `preview-${engine}`, foreign);
      await page.getByRole('button', { name: '取り込む' }).click();
      // While the job runs, the page reloads itself (Refresh: 2) until the result shows.
      await page.getByText('2 件を取り込みました(新規 2 件、更新 0 件)').waitFor({ timeout: 60_000 });
      await checkPage(page, `result-${engine}`, foreign);
      await page.getByRole('link', { name: '連携事業の一覧' }).click();
      await page.waitForURL(/\/projects$/);
      const saved = await running.database.handle.db.selectFrom('projects').select(['title', 'provenance']).where('title', 'like', 'サンプル ブラウザから%').orderBy('title').execute();
      assert.deepEqual(saved, [
        { title: 'サンプル ブラウザから取り込んだ事業1', provenance: 'import' },
        { title: 'サンプル ブラウザから取り込んだ事業2', provenance: 'import' },
      ]);
    });
  });
}
