import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  eraOf,
  eraYearLabel,
  formatEnglishDate,
  formatIsoDate,
  formatJapaneseDate,
  formatJapaneseDateTime,
  toInstant,
  toJstParts,
} from './japanese-date.ts';

test('a calendar date string is that day in Japan', () => {
  assert.deepEqual(toJstParts('2024-10-30'), { year: 2024, month: 10, day: 30 });
  assert.equal(toInstant('2024-10-30').toISOString(), '2024-10-29T15:00:00.000Z');
});

test('a UTC timestamp late in the day is already the next day in Japan', () => {
  assert.deepEqual(toJstParts('2019-04-30T15:30:00Z'), { year: 2019, month: 5, day: 1 });
  assert.equal(formatIsoDate('2019-04-30T15:30:00Z'), '2019-05-01');
  assert.deepEqual(eraOf('2019-04-30T15:30:00Z'), { era: '令和', year: 1 });
  assert.equal(formatJapaneseDate('2019-04-30T15:30:00Z'), '2019年(令和元年)5月1日');
});

test('a UTC timestamp just before 15:00 is still the same day in Japan', () => {
  assert.equal(formatIsoDate('2019-04-30T14:59:59Z'), '2019-04-30');
  assert.deepEqual(eraOf('2019-04-30T14:59:59Z'), { era: '平成', year: 31 });
});

test('Date objects are read in Japan time', () => {
  assert.equal(formatIsoDate(new Date('2024-12-31T15:00:00Z')), '2025-01-01');
  assert.equal(formatIsoDate(new Date('2024-12-31T14:59:59Z')), '2024-12-31');
});

test('2019-04-30 is still 平成31年', () => {
  assert.deepEqual(eraOf('2019-04-30'), { era: '平成', year: 31 });
  assert.equal(formatJapaneseDate('2019-04-30'), '2019年(平成31年)4月30日');
});

test('2019-05-01 is 令和元年', () => {
  assert.deepEqual(eraOf('2019-05-01'), { era: '令和', year: 1 });
  assert.equal(formatJapaneseDate('2019-05-01'), '2019年(令和元年)5月1日');
});

test('era boundaries of 昭和, 平成, 大正 and 明治 follow the official dates', () => {
  assert.deepEqual(eraOf('1989-01-07'), { era: '昭和', year: 64 });
  assert.deepEqual(eraOf('1989-01-08'), { era: '平成', year: 1 });
  assert.deepEqual(eraOf('1926-12-24'), { era: '大正', year: 15 });
  assert.deepEqual(eraOf('1926-12-25'), { era: '昭和', year: 1 });
  assert.deepEqual(eraOf('1912-07-29'), { era: '明治', year: 45 });
  assert.deepEqual(eraOf('1912-07-30'), { era: '大正', year: 1 });
  assert.deepEqual(eraOf('1900-01-01'), { era: '明治', year: 33 });
});

test('eraYearLabel writes 元 for the first year', () => {
  assert.equal(eraYearLabel('令和', 1), '令和元年');
  assert.equal(eraYearLabel('令和', 6), '令和6年');
  assert.equal(eraYearLabel('平成', 31), '平成31年');
});

test('formatJapaneseDate uses half-width parentheses and no zero padding', () => {
  assert.equal(formatJapaneseDate('2024-10-30'), '2024年(令和6年)10月30日');
  assert.equal(formatJapaneseDate('2024-01-05'), '2024年(令和6年)1月5日');
});

test('formatJapaneseDateTime shows 24-hour Japan time', () => {
  assert.equal(formatJapaneseDateTime('2024-10-30T05:05:00Z'), '2024年(令和6年)10月30日 14:05');
  assert.equal(formatJapaneseDateTime('2024-10-30T14:05:00+09:00'), '2024年(令和6年)10月30日 14:05');
  assert.equal(formatJapaneseDateTime('2024-10-29T15:00:00Z'), '2024年(令和6年)10月30日 00:00');
  assert.equal(formatJapaneseDateTime('2024-10-30T14:59:00Z'), '2024年(令和6年)10月30日 23:59');
});

test('formatIsoDate pads month and day', () => {
  assert.equal(formatIsoDate('2024-01-05'), '2024-01-05');
  assert.equal(formatIsoDate('2024-01-05T00:00:00+09:00'), '2024-01-05');
});

test('formatEnglishDate writes day, month name and year', () => {
  assert.equal(formatEnglishDate('2024-10-30'), '30 October 2024');
  assert.equal(formatEnglishDate('2019-04-30T15:30:00Z'), '1 May 2019');
});

test('results do not depend on the machine time zone', () => {
  const saved = process.env['TZ'];
  try {
    for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
      process.env['TZ'] = tz;
      assert.equal(formatIsoDate('2024-10-30'), '2024-10-30', tz);
      assert.equal(formatIsoDate('2019-04-30T15:30:00Z'), '2019-05-01', tz);
      assert.equal(formatJapaneseDateTime('2024-10-30T05:05:00Z'), '2024年(令和6年)10月30日 14:05', tz);
    }
  } finally {
    if (saved === undefined) delete process.env['TZ'];
    else process.env['TZ'] = saved;
  }
});

test('impossible dates and unparseable strings throw RangeError', () => {
  assert.throws(() => toJstParts('2024-02-30'), RangeError);
  assert.throws(() => toJstParts('2023-02-29'), RangeError);
  assert.throws(() => toJstParts('2024-13-01'), RangeError);
  assert.throws(() => toJstParts('2024/10/30'), RangeError);
  assert.throws(() => toJstParts('not a date'), RangeError);
  assert.throws(() => toJstParts(new Date(NaN)), RangeError);
  assert.deepEqual(toJstParts('2024-02-29'), { year: 2024, month: 2, day: 29 });
});

test('a timestamp without an offset is refused rather than read in the machine zone', () => {
  assert.throws(() => toJstParts('2024-10-30T14:05:00'), RangeError);
});

test('dates before 明治 have no supported era', () => {
  assert.throws(() => eraOf('1860-01-01'), RangeError);
});
