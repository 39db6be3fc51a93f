import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatYen, formatYenEnglish, latestStaffFigure, summariseSupport, type SupportLine } from './disaster-support.ts';

test('formatYen writes yen the way the pamphlet does', () => {
  // The pamphlet's own figures.
  assert.equal(formatYen(1_000_000_000), '10億円');
  assert.equal(formatYen(113_000_000), '1億1,300万円');
  assert.equal(formatYen(55_000_000), '5,500万円');
  assert.equal(formatYen(10_000_000), '1,000万円');
  assert.equal(formatYen(1_000_000), '100万円');
  assert.equal(formatYen(4_000_000), '400万円');
  // 東日本大震災 義援金 376,339万円 = 37億6,339万円.
  assert.equal(formatYen(3_763_390_000), '37億6,339万円');
});

test('formatYen: zero parts are left out, small amounts and 兆 are written in full', () => {
  assert.equal(formatYen(0), '0円');
  assert.equal(formatYen(1), '1円');
  assert.equal(formatYen(9_999), '9,999円');
  assert.equal(formatYen(10_000), '1万円');
  assert.equal(formatYen(12_345), '1万2,345円');
  assert.equal(formatYen(100_000_001), '1億1円');
  assert.equal(formatYen(1_200_000_000_000), '1兆2,000億円');
  assert.equal(formatYen(Number.MAX_SAFE_INTEGER), '9,007兆1,992億5,474万991円');
});

test('formatYen refuses fractions, negatives and non-numbers', () => {
  assert.throws(() => formatYen(-1), RangeError);
  assert.throws(() => formatYen(1.5), RangeError);
  assert.throws(() => formatYen(Number.NaN), RangeError);
  assert.throws(() => formatYen(Number.MAX_SAFE_INTEGER + 1), RangeError);
});

test('formatYenEnglish groups digits with commas', () => {
  assert.equal(formatYenEnglish(113_000_000), '¥113,000,000');
  assert.equal(formatYenEnglish(0), '¥0');
  assert.throws(() => formatYenEnglish(-5), RangeError);
});

test('latestStaffFigure takes the latest cumulative figure, never a sum', () => {
  const figure = latestStaffFigure([
    { staffCount: 7_174, asOf: '2021-10-01' },
    { staffCount: 7_201, asOf: '2023-10-01' },
    { staffCount: 6_900, asOf: '2020-04-01' },
  ]);
  assert.deepEqual(figure, { count: 7_201, asOf: '2023-10-01', setAside: 0 });
});

test('latestStaffFigure: a later, smaller figure is not a running total and is set aside', () => {
  // 熊本地震: 430 in total by 2021-04-01; 1 person on long-term dispatch in FY2022 is not a running total.
  assert.deepEqual(
    latestStaffFigure([
      { staffCount: 430, asOf: '2021-04-01' },
      { staffCount: 1, asOf: '2022-12-28' },
    ]),
    { count: 430, asOf: '2021-04-01', setAside: 1 },
  );
  // 東日本大震災: a headcount between two running totals does not hide the latest total.
  assert.deepEqual(
    latestStaffFigure([
      { staffCount: 16, asOf: '2022-12-28' },
      { staffCount: 7_201, asOf: '2023-10-01' },
      { staffCount: 7_174, asOf: '2021-10-01' },
    ]),
    { count: 7_201, asOf: '2023-10-01', setAside: 0 },
  );
});

test('latestStaffFigure ignores figures without a number, prefers dated ones, and breaks ties by the larger', () => {
  assert.equal(latestStaffFigure([]), null);
  assert.equal(latestStaffFigure([{ staffCount: null, asOf: '2021-10-01' }]), null);
  assert.deepEqual(latestStaffFigure([{ staffCount: 12, asOf: null }]), { count: 12, asOf: null, setAside: 0 });
  assert.deepEqual(
    latestStaffFigure([
      { staffCount: 500, asOf: null },
      { staffCount: 430, asOf: '2021-04-01' },
      { staffCount: null, asOf: '2022-04-01' },
    ]),
    { count: 430, asOf: '2021-04-01', setAside: 0 },
  );
  const a = { staffCount: 10, asOf: '2021-04-01' };
  const b = { staffCount: 11, asOf: '2021-04-01' };
  assert.deepEqual(latestStaffFigure([a, b]), latestStaffFigure([b, a]));
  assert.equal(latestStaffFigure([a, b])?.count, 11);
});

test('latestStaffFigure refuses bad figures', () => {
  assert.throws(() => latestStaffFigure([{ staffCount: -1, asOf: '2021-04-01' }]), RangeError);
  assert.throws(() => latestStaffFigure([{ staffCount: 1, asOf: '2021/04/01' }]), RangeError);
});

const line = (disasterId: string, kind: SupportLine['kind'], values: Partial<SupportLine> = {}): SupportLine => ({
  disasterId,
  kind,
  amountYen: null,
  staffCount: null,
  asOf: null,
  ...values,
});

test('summariseSupport: money adds up by kind, staff takes each disaster’s latest figure', () => {
  const summary = summariseSupport([
    line('tohoku', 'recovery_fund', { amountYen: 1_000_000_000 }),
    line('tohoku', 'staff', { staffCount: 7_174, asOf: '2021-10-01' }),
    line('tohoku', 'staff', { staffCount: 7_201, asOf: '2023-10-01' }),
    line('tohoku', 'donation', { amountYen: 3_763_390_000 }),
    line('tohoku', 'goods'),
    line('kumamoto', 'recovery_fund', { amountYen: 55_000_000 }),
    line('kumamoto', 'staff', { staffCount: 430, asOf: '2021-04-01' }),
    line('boso', 'sympathy_money', { amountYen: 1_000_000 }),
    line('boso', 'staff'),
    line('hagibis', 'recovery_fund', { amountYen: 113_000_000 }),
    line('hagibis', 'recovery_fund', { amountYen: null }),
  ]);
  assert.equal(summary.recoveryFundYen, 1_168_000_000);
  assert.equal(formatYen(summary.recoveryFundYen), '11億6,800万円');
  assert.equal(summary.sympathyMoneyYen, 1_000_000);
  assert.equal(summary.donationYen, 3_763_390_000);
  assert.deepEqual([...summary.staffByDisaster], [
    ['tohoku', { count: 7_201, asOf: '2023-10-01', setAside: 0 }],
    ['kumamoto', { count: 430, asOf: '2021-04-01', setAside: 0 }],
  ]);
  // 7,201 + 430, not 7,174 + 7,201 + 430.
  assert.equal(summary.staffTotal, 7_631);
  assert.deepEqual(summary.staffAsOfRange, { from: '2021-04-01', to: '2023-10-01' });
});

test('summariseSupport of nothing is zero, and bad amounts are refused', () => {
  const empty = summariseSupport([]);
  assert.equal(empty.recoveryFundYen + empty.sympathyMoneyYen + empty.donationYen + empty.staffTotal, 0);
  assert.equal(empty.staffByDisaster.size, 0);
  assert.equal(empty.staffAsOfRange, null);
  assert.throws(() => summariseSupport([line('x', 'recovery_fund', { amountYen: -100 })]), RangeError);
  assert.throws(() => summariseSupport([line('x', 'sympathy_money', { amountYen: 0.5 })]), RangeError);
});
