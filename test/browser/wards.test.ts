// The ward pages and a municipality page with ties, in a real browser: status, heading, axe-core
// (WCAG 2.2 A/AA, zero violations), same-origin requests only, a screenshot each.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { ensureGroup, insertAgreement, insertExchange, insertProject, insertRegisteredMember } from '../registry-fixtures.ts';
import { axeViolations, browserSkipReason, collectForeignRequests, formatViolations, launchBrowser, saveScreenshot, startApp, type RunningApp } from './browser.ts';

const SUGINAMI = '131156';
const NERIMA = '131202';
const NAKASHIBETSU = '016926';
const NAYORO = '012211';

const pages = [
  { name: 'the ward list', path: '/wards', slug: 'wards', heading: '特別区', lang: 'ja' },
  { name: 'the page of 杉並区', path: `/wards/${SUGINAMI}`, slug: `ward-${SUGINAMI}`, heading: '杉並区', lang: 'ja' },
  { name: 'the page of 千代田区', path: '/wards/131016', slug: 'ward-131016', heading: '千代田区', lang: 'ja' },
  { name: 'a town with every kind of tie', path: `/municipalities/${NAKASHIBETSU}`, slug: `municipality-ties-${NAKASHIBETSU}`, heading: '中標津町', lang: 'ja' },
  { name: 'a prefecture with its summary', path: '/municipalities/010006', slug: 'municipality-ties-010006', heading: '北海道', lang: 'ja' },
] as const;

describe('Ward pages in a real browser', { skip: browserSkipReason }, () => {
  let browser: Browser;
  let server: RunningApp;
  let context: BrowserContext;

  before(async () => {
    server = await startApp();
    browser = await launchBrowser();
    context = await browser.newContext();
    const db = server.database.handle.db;
    await ensureGroup(db, 'hokkaido-chosonkai');
    await insertAgreement(db, { title: '【サンプル】杉並区と中標津町の交流協定', wardCodes: [SUGINAMI, NERIMA], partners: [{ code: NAKASHIBETSU }], typeId: 'exchange', signedOn: '2020-02-01', signedOnPrecision: 'month', sourceUrl: 'https://example.jp/a', provenance: 'sample' });
    await insertAgreement(db, { title: '【サンプル】終了した協定', wardCodes: [SUGINAMI], partners: [{ code: NAYORO }, { code: NAKASHIBETSU }], typeId: 'exchange', signedOn: '2020-02-01', endedOn: '2012-03-31', provenance: 'sample' });
    await insertExchange(db, { regionName: '【サンプル】根室地域', prefectureCode: '01', wardCode: NERIMA, members: [NAKASHIBETSU], startedFiscalYear: 2019, councilName: '【サンプル】協議会' });
    await insertProject(db, { title: '【サンプル】物産展', fiscalYear: 2024, wardCodes: [SUGINAMI], partnerCodes: [NAKASHIBETSU], field: 1, provenance: 'sample' });
    await insertProject(db, { title: '【サンプル】23区共同の事業', fiscalYear: 2023, field: 1, organiserKind: 'joint', wardCodes: [], partnerCodes: [NAKASHIBETSU], status: '中止', provenance: 'sample' });
    await insertRegisteredMember(db, NAKASHIBETSU, '2017-02-01');
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  for (const c of pages) {
    test(`${c.name} (${c.path}) answers 200, passes axe-core and loads only same-origin resources`, async () => {
      const page = await context.newPage();
      try {
        const foreign = collectForeignRequests(page, server.origin);
        const response = await page.goto(server.url(c.path), { waitUntil: 'load' });
        assert.equal(response?.status(), 200);
        assert.equal(await page.getAttribute('html', 'lang'), c.lang);
        const h1 = await page.locator('h1').innerText();
        assert.ok(h1.includes(c.heading), `h1 "${h1}" should contain "${c.heading}"`);
        await saveScreenshot(page, c.slug);
        assert.deepEqual(foreign, [], `${c.path} made requests outside ${server.origin}`);
        const violations = await axeViolations(page);
        assert.equal(violations.length, 0, `axe-core found ${violations.length} violation(s) on ${c.path}:\n${formatViolations(violations)}`);
      } finally {
        await page.close();
      }
    });
  }

  test('the municipality page shows each kind of tie', async () => {
    const page = await context.newPage();
    try {
      await page.goto(server.url(`/municipalities/${NAKASHIBETSU}`));
      const text = await page.locator('main').innerText();
      for (const expected of ['【サンプル】杉並区と中標津町の交流協定', '終了した協定', '北海道町村会の構成団体として', '【サンプル】根室地域', '会員登録自治体です', '【サンプル】物産展', '23区共同']) {
        assert.ok(text.includes(expected), `the page shows ${expected}`);
      }
    } finally {
      await page.close();
    }
  });
});
