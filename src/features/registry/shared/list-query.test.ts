import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agreementFilterQuery, emptyAgreementFilter, parseAgreementFilter } from '../agreements/filter.ts';
import { emptyProjectFilter, parseProjectFilter, projectFilterKeys, projectFilterQuery } from '../projects/filter.ts';
import { isWardCode, keywordTerms, rawFilterInput } from './list-query.ts';

test('no parameters: the empty filter, page 1', () => {
  assert.deepEqual(parseProjectFilter({}), { ok: true, filter: emptyProjectFilter, page: 1 });
  assert.deepEqual(parseProjectFilter(undefined), { ok: true, filter: emptyProjectFilter, page: 1 });
  assert.deepEqual(parseAgreementFilter({}), { ok: true, filter: emptyAgreementFilter, page: 1 });
  // Empty strings (a submitted form with nothing chosen) are no condition either.
  const blank = Object.fromEntries(projectFilterKeys.map((k) => [k, '']));
  assert.deepEqual(parseProjectFilter(blank), { ok: true, filter: emptyProjectFilter, page: 1 });
});

test('every project parameter is read and typed', () => {
  const parsed = parseProjectFilter({ fy: '2024', ward: '131156', pref: '01', field: '3', status: '中止', organiser: 'joint', q: '  物産展　 フェア ', page: '2' });
  assert.deepEqual(parsed, {
    ok: true,
    filter: { fy: 2024, ward: '131156', pref: '01', field: 3, status: '中止', organiser: 'joint', q: '物産展 フェア' },
    page: 2,
  });
});

test('年度 accepts the ways people write it, full-width digits included', () => {
  for (const fy of ['2019', '２０１９', '令和元年度', '2019年度', 'FY2019']) {
    const parsed = parseProjectFilter({ fy });
    assert.ok(parsed.ok, fy);
    assert.equal(parsed.filter.fy, 2019, fy);
  }
  for (const fy of ['abc', '20245', '1800', '昭和64年度', '2024.5']) {
    const parsed = parseProjectFilter({ fy });
    assert.ok(!parsed.ok, fy);
    assert.deepEqual(parsed.errors.map((e) => e.param), ['fy'], fy);
  }
});

test('ward codes: only the 23 wards with a correct check digit', () => {
  assert.ok(isWardCode('131016'), '千代田区');
  assert.ok(isWardCode('131237'), '江戸川区');
  assert.ok(!isWardCode('131245'), 'no 24th ward');
  assert.ok(!isWardCode('131017'), 'wrong check digit');
  assert.ok(!isWardCode('132012'), '八王子市 is not a ward');
  assert.ok(!isWardCode('13101'), 'five digits');
  assert.ok(parseProjectFilter({ ward: '131016' }).ok);
  assert.ok(!parseProjectFilter({ ward: '132012' }).ok);
  assert.ok(!parseAgreementFilter({ ward: 'x' }).ok);
});

test('bad values give Japanese messages, one per parameter, in the order of the form', () => {
  const parsed = parseProjectFilter({ q: 'あ'.repeat(101), status: '終了', fy: 'x', field: '7', pref: '48', organiser: 'ward', page: '0' });
  assert.ok(!parsed.ok);
  assert.deepEqual(
    parsed.errors.map((e) => e.param),
    ['fy', 'pref', 'field', 'status', 'organiser', 'q', 'page'],
  );
  assert.equal(parsed.errors.find((e) => e.param === 'status')?.ja, '状況は一覧から選んでください。');
  assert.equal(parsed.errors.find((e) => e.param === 'q')?.ja, 'キーワードは100文字以内で入力してください。');
  assert.match(parsed.errors[0]!.en, /fiscal year/);
});

test('a repeated parameter is an error, not a silent pick', () => {
  const parsed = parseProjectFilter({ ward: ['131016', '131024'] });
  assert.ok(!parsed.ok);
  assert.deepEqual(parsed.errors.map((e) => e.param), ['ward']);
  assert.deepEqual(rawFilterInput({ ward: ['131016', '131024'], q: 5 }, ['ward', 'q'] as const), { ward: '131016', q: '' });
});

test('agreement parameters', () => {
  assert.deepEqual(parseAgreementFilter({ ward: '131156', pref: '47', type: 'sister-city', category: 'disaster', state: 'ended', q: '名寄', page: '3' }), {
    ok: true,
    filter: { ward: '131156', pref: '47', type: 'sister-city', category: 'disaster', state: 'ended', q: '名寄' },
    page: 3,
  });
  const bad = parseAgreementFilter({ type: 'Sister City!', category: 'love', state: 'alive' });
  assert.ok(!bad.ok);
  assert.deepEqual(bad.errors.map((e) => e.param), ['type', 'category', 'state']);
});

test('query strings drop empty values and page 1, and parse back to the same filter', () => {
  assert.equal(projectFilterQuery(emptyProjectFilter), '');
  assert.equal(agreementFilterQuery(emptyAgreementFilter, 1), '');
  const filter = { fy: 2024, ward: '131016', pref: '', field: 2, status: '延期' as const, organiser: '' as const, q: '観光 PR' };
  const qs = projectFilterQuery(filter, 3);
  assert.equal(qs, 'fy=2024&ward=131016&field=2&status=%E5%BB%B6%E6%9C%9F&q=%E8%A6%B3%E5%85%89+PR&page=3');
  assert.deepEqual(parseProjectFilter(Object.fromEntries(new URLSearchParams(qs))), { ok: true, filter, page: 3 });
  const agreement = { ward: '', pref: '01', type: 'exchange', category: 'friendship' as const, state: 'live' as const, q: '' };
  assert.deepEqual(parseAgreementFilter(Object.fromEntries(new URLSearchParams(agreementFilterQuery(agreement)))), { ok: true, filter: agreement, page: 1 });
});

test('keyword terms', () => {
  assert.deepEqual(keywordTerms(' 物産展　ＰＲ  '), ['物産展', 'PR']);
  assert.deepEqual(keywordTerms(''), []);
});
