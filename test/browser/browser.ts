// Shared pieces for browser tests: Debian's Chromium driven by playwright-core, the real app on a
// fresh SQLite database listening on a local port, and small checks every page test repeats
// (axe-core, same-origin requests, screenshots).
//
// Without Chromium the browser suites are skipped, except under CI, where a missing browser fails
// the run (same rule as PostgreSQL in ../helper.ts).
import assert from 'node:assert/strict';
import { accessSync, constants, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { AppConfig } from '../../src/config.ts';
import type { Engine } from '../../src/db/index.ts';
import { demoPassword, demoTotpSecret } from '../../src/db/seed/demo-accounts.ts';
import { currentTotp } from '../../src/security/totp.ts';
import { buildTestApp, buildTestAppWithMail, type TestApp } from '../helper.ts';
import type { MailCatcher } from '../mail-catcher.ts';

export const chromiumPath = '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function probeChromium(): string | undefined {
  try {
    accessSync(chromiumPath, constants.X_OK);
    return undefined;
  } catch {
    const reason = `Chromium is not installed at ${chromiumPath}`;
    if (process.env.CI) throw new Error(`${reason}: under CI the browser tests must run`);
    return `${reason}; install the Debian package "chromium" to run the browser tests`;
  }
}

/** Why the browser suites are skipped, or undefined when they run. Pass as describe's `skip`. */
export const browserSkipReason = probeChromium();

/** One headless Chromium; share it across a test file and close it in `after`. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

export interface RunningApp extends TestApp {
  /** The SMTP catcher, when started with `mail: true`. */
  mail?: MailCatcher;
  /** e.g. http://127.0.0.1:40123 (no trailing slash). */
  origin: string;
  /** Absolute URL of a path on the app. */
  url(path: string): string;
  close(): Promise<void>;
}

/** The real app on a fresh seeded database (SQLite unless told), listening on a free local port. */
export async function startApp(options: { engine?: Engine; mail?: boolean; config?: Partial<AppConfig> } = {}): Promise<RunningApp> {
  const engine = options.engine ?? 'sqlite';
  const { app, database, mail } = options.mail ? await buildTestAppWithMail(engine, options.config) : { ...(await buildTestApp(engine, options.config)), mail: undefined };
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (error) {
    await app.close();
    await database.drop();
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    app,
    database,
    mail,
    origin,
    url: (path) => new URL(path, origin).toString(),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/**
 * Records every request the page makes that does not go to `origin` (data: URLs are allowed).
 * Call before navigating; read the returned array after the page has loaded.
 */
export function collectForeignRequests(page: Page, origin: string): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:')) return;
    if (new URL(url).origin !== origin) foreign.push(`${request.method()} ${url}`);
  });
  return foreign;
}

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export type AxeViolation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/** axe-core's WCAG 2.2 A/AA violations on the page as it is now. The page must come from browser.newContext(). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  return results.violations;
}

/** One line per violation (rule id, impact, help, first targets) for assertion messages. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const targets = v.nodes
        .slice(0, 3)
        .map((n) => JSON.stringify(n.target))
        .join(', ');
      const more = v.nodes.length > 3 ? ` (+${v.nodes.length - 3} more)` : '';
      return `- ${v.id} [${v.impact ?? 'n/a'}]: ${v.help} — ${targets}${more}\n  ${v.helpUrl}`;
    })
    .join('\n');
}

export const screenshotDir = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

/** Saves a full-page PNG to test-results/screenshots/<slug>.png (git-ignored) and returns its path. */
export async function saveScreenshot(page: Page, slug: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = `${screenshotDir}${slug}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Signs a sample account in through the real forms (src/db/seed/demo-accounts.ts): password, then
 * the TOTP code when the account has two-factor authentication (the sample secretariat).
 */
export async function signInAsSample(page: Page, origin: RunningApp, email: string, { totp }: { totp: boolean }): Promise<void> {
  await page.goto(origin.url('/login'));
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(demoPassword);
  await page.locator('form[action="/login"] button[type="submit"]').click();
  if (totp) {
    await page.waitForURL(/\/login\/two-factor/);
    await page.locator('input[name="code"]').fill(currentTotp(demoTotpSecret));
    await page.locator('form[action="/login/two-factor"] button[type="submit"]').click();
  }
  await page.waitForURL(/\/member/);
}

/** A page in its own browser context, with the requests it makes to other origins recorded. */
export interface OpenPage {
  context: BrowserContext;
  page: Page;
  foreign: string[];
}

/** The app and the browser a test file shares; read the fields inside tests (they are set in `before`). */
export interface BrowserSuite {
  readonly running: RunningApp;
  readonly browser: Browser;
  /** A page in a fresh context (options as for browser.newContext), foreign requests recorded. */
  openPage(options?: Parameters<Browser['newContext']>[0]): Promise<OpenPage>;
}

/**
 * Starts the app (options as for startApp) and Chromium in `before` and closes both in `after`.
 * Call it at the top of a describe block, before any `before` hook that needs the app or the browser.
 */
export function useAppAndBrowser(options: Parameters<typeof startApp>[0] = {}): BrowserSuite {
  let running: RunningApp | undefined;
  let browser: Browser | undefined;
  const suite: BrowserSuite = {
    get running() {
      if (!running) throw new Error('the app is not started yet: read suite.running inside a test or a later hook');
      return running;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not launched yet: read suite.browser inside a test or a later hook');
      return browser;
    },
    async openPage(contextOptions = {}) {
      const context = await suite.browser.newContext(contextOptions);
      const page = await context.newPage();
      return { context, page, foreign: collectForeignRequests(page, suite.running.origin) };
    },
  };
  before(async () => {
    running = await startApp(options);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await running?.close();
  });
  return suite;
}

/**
 * The checks every page of a browser test passes: no axe WCAG 2.2 A/AA violation, no request to
 * another origin; then a screenshot named `slug` for the reviewer.
 */
export async function expectCleanPage(page: Page, foreign: string[], slug: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `${slug}: ${formatViolations(violations)}`);
  assert.deepEqual(foreign, [], `${slug} made requests to another origin`);
  await saveScreenshot(page, slug);
}
