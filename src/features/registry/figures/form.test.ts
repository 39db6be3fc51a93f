import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPageContext } from '../../../views/context.ts';
import { parseAsOf } from './form.ts';

const ja = createPageContext('ja', '/collaboration');
const en = createPageContext('en', '/collaboration');
const today = '2026-11-30';

test('without a choice the figures are as of today', () => {
  assert.deepEqual(parseAsOf(ja, {}, today), { ok: true, selection: { kind: 'today', asOf: today }, input: { asOf: '', fy: '' } });
  assert.deepEqual(parseAsOf(ja, { asOf: '', fy: '' }, today).ok, true);
});

test('a date is read as people type it (full width, slashes, no leading zeros)', () => {
  for (const typed of ['2022-03-01', '２０２２－０３－０１', '2022/3/1', ' 2022.3.1 ']) {
    const r = parseAsOf(ja, { asOf: typed }, today);
    assert.ok(r.ok, typed);
    assert.deepEqual(r.selection, { kind: 'date', asOf: '2022-03-01' });
    assert.equal(r.input.asOf, typed, 'the input is kept as typed');
  }
});

test('a fiscal year selects its end, or today while it runs', () => {
  const r = parseAsOf(ja, { fy: '令和3年度' }, today);
  assert.ok(r.ok);
  assert.deepEqual(r.selection, { kind: 'fy', fy: 2021, asOf: '2022-03-31' });
  const running = parseAsOf(ja, { fy: '2026' }, today);
  assert.ok(running.ok);
  assert.deepEqual(running.selection, { kind: 'fy', fy: 2026, asOf: today });
});

test('bad input gives one Japanese (or English) message per field', () => {
  const cases: Array<[Record<string, string>, string, RegExp]> = [
    [{ asOf: '2022-02-30' }, 'asof-date', /存在しません/],
    [{ asOf: 'きのう' }, 'asof-date', /年-月-日/],
    [{ asOf: '2026-12-01' }, 'asof-date', /今日より後/],
    [{ asOf: '1949-12-31' }, 'asof-date', /1950年1月1日以降/],
    [{ fy: '2013' }, 'asof-fy', /2014年度から2026年度まで/],
    [{ fy: '2027' }, 'asof-fy', /2014年度から2026年度まで/],
    [{ fy: '昭和64年度' }, 'asof-fy', /年度は/],
    [{ asOf: '2022-03-01', fy: '2021' }, 'asof-date', /どちらか一方/],
  ];
  for (const [query, field, message] of cases) {
    const r = parseAsOf(ja, query, today);
    assert.equal(r.ok, false, JSON.stringify(query));
    if (r.ok) continue;
    assert.equal(r.errors.length, 1, JSON.stringify(query));
    assert.equal(r.errors[0]!.field, field);
    assert.match(r.errors[0]!.message, message);
  }
  const r = parseAsOf(en, { asOf: '2022-02-30' }, today);
  assert.ok(!r.ok && /does not exist/.test(r.errors[0]!.message));
  // Arrays or very long values are not trusted.
  assert.equal(parseAsOf(ja, { asOf: ['2022-03-01', 'x'] }, today).ok, true);
  assert.equal(parseAsOf(ja, { asOf: '2'.repeat(1000) }, today).ok, false);
});
