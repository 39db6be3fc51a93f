import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  fiscalYearEra,
  fiscalYearOf,
  fiscalYearRange,
  formatFiscalYear,
  formatFiscalYearEnglish,
  parseFiscalYearLabel,
} from './fiscal-year.ts';

test('31 March belongs to the previous fiscal year', () => {
  assert.equal(fiscalYearOf('2024-03-31'), 2023);
  assert.equal(fiscalYearOf('2024-01-01'), 2023);
});

test('1 April starts a new fiscal year', () => {
  assert.equal(fiscalYearOf('2024-04-01'), 2024);
  assert.equal(fiscalYearOf('2024-12-31'), 2024);
});

test('the fiscal year is decided in Japan time, not UTC', () => {
  assert.equal(fiscalYearOf('2024-03-31T15:00:00Z'), 2024);
  assert.equal(fiscalYearOf('2024-03-31T14:59:59Z'), 2023);
  assert.equal(fiscalYearOf(new Date('2024-03-31T15:00:00Z')), 2024);
});

test('fiscalYearRange runs from 1 April to 31 March of the next year', () => {
  assert.deepEqual(fiscalYearRange(2024), { start: '2024-04-01', end: '2025-03-31' });
  assert.deepEqual(fiscalYearRange(2019), { start: '2019-04-01', end: '2020-03-31' });
  assert.equal(fiscalYearOf(fiscalYearRange(2024).start), 2024);
  assert.equal(fiscalYearOf(fiscalYearRange(2024).end), 2024);
});

test('the era of a fiscal year is the one in force on 31 December of its start year', () => {
  assert.deepEqual(fiscalYearEra(1988), { era: '昭和', year: 63 });
  assert.deepEqual(fiscalYearEra(1989), { era: '平成', year: 1 });
  assert.deepEqual(fiscalYearEra(2018), { era: '平成', year: 30 });
  assert.deepEqual(fiscalYearEra(2019), { era: '令和', year: 1 });
  assert.deepEqual(fiscalYearEra(2025), { era: '令和', year: 7 });
});

test('FY2019 is 令和元年度, not 平成31年度', () => {
  assert.equal(formatFiscalYear(2019), '2019年度(令和元年度)');
});

test('formatFiscalYear writes the Western and era years', () => {
  assert.equal(formatFiscalYear(1988), '1988年度(昭和63年度)');
  assert.equal(formatFiscalYear(1989), '1989年度(平成元年度)');
  assert.equal(formatFiscalYear(2024), '2024年度(令和6年度)');
});

test('formatFiscalYearEnglish names the months with an en dash', () => {
  assert.equal(formatFiscalYearEnglish(2024), 'FY2024 (April 2024 – March 2025)');
});

test('non-integer or out-of-range fiscal years throw RangeError', () => {
  assert.throws(() => fiscalYearRange(2024.5), RangeError);
  assert.throws(() => formatFiscalYear(1800), RangeError);
  assert.throws(() => formatFiscalYearEnglish(Number.NaN), RangeError);
});

test('parseFiscalYearLabel reads Western forms', () => {
  assert.equal(parseFiscalYearLabel('2019'), 2019);
  assert.equal(parseFiscalYearLabel('2019年度'), 2019);
  assert.equal(parseFiscalYearLabel('FY2024'), 2024);
  assert.equal(parseFiscalYearLabel('fy2024'), 2024);
  assert.equal(parseFiscalYearLabel(' FY 2024 '), 2024);
});

test('parseFiscalYearLabel reads era forms', () => {
  assert.equal(parseFiscalYearLabel('令和元年度'), 2019);
  assert.equal(parseFiscalYearLabel('令和6年度'), 2024);
  assert.equal(parseFiscalYearLabel('平成30年度'), 2018);
  assert.equal(parseFiscalYearLabel('平成元年度'), 1989);
  assert.equal(parseFiscalYearLabel('昭和63年度'), 1988);
});

test('平成31年度 is an alias of 2019', () => {
  assert.equal(parseFiscalYearLabel('平成31年度'), 2019);
});

test('parseFiscalYearLabel accepts full-width digits and letters', () => {
  assert.equal(parseFiscalYearLabel('２０１９年度'), 2019);
  assert.equal(parseFiscalYearLabel('令和６年度'), 2024);
  assert.equal(parseFiscalYearLabel('ＦＹ２０２４'), 2024);
});

test('parseFiscalYearLabel reads back what formatFiscalYear writes', () => {
  for (const fy of [1988, 1989, 2018, 2019, 2024]) {
    assert.equal(parseFiscalYearLabel(formatFiscalYear(fy)), fy);
  }
  assert.equal(parseFiscalYearLabel('2019年度（令和元年度）'), 2019);
  assert.equal(parseFiscalYearLabel('2020年度(令和元年度)'), null);
});

test('parseFiscalYearLabel returns null for unknown or impossible labels', () => {
  assert.equal(parseFiscalYearLabel(''), null);
  assert.equal(parseFiscalYearLabel('来年度'), null);
  assert.equal(parseFiscalYearLabel('令和0年度'), null);
  assert.equal(parseFiscalYearLabel('平成32年度'), null);
  assert.equal(parseFiscalYearLabel('昭和64年度'), null);
  assert.equal(parseFiscalYearLabel('20190'), null);
  assert.equal(parseFiscalYearLabel('219'), null);
  assert.equal(parseFiscalYearLabel('1500'), null);
  assert.equal(parseFiscalYearLabel('FY'), null);
});
