import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ftsMatchExpression, highlightRanges, indexTokens, queryTerms, tsQueryExpression } from './search-tokens.ts';

test('a two-character word is a phrase of one token found inside a longer word', () => {
  const indexed = indexTokens(['防災訓練を実施']).split(' ');
  const [term] = queryTerms('防災');
  assert.equal(term?.query.kind, 'phrase');
  assert.ok(term?.query.kind === 'phrase' && indexed.includes(term.query.tokens[0]!));
  assert.equal(indexed.length, 7, 'six pairs and the last character');
  assert.ok(indexed.slice(0, 6).every((t) => /^[0-9a-z]{8}$/.test(t)));
  assert.match(indexed[6]!, /^[0-9a-z]{4}$/);
});

test('width, case and kana are normalised the same way in text and query', () => {
  assert.equal(indexTokens(['ｶﾝｺｳ ABC']), indexTokens(['かんこうabc']));
  const [a] = queryTerms('ＫＡＮ');
  const [b] = queryTerms('kan');
  assert.deepEqual(a, b);
});

test('query expressions for both engines', () => {
  const terms = queryTerms('観光 区');
  assert.equal(terms.length, 2);
  assert.match(ftsMatchExpression(terms), /^"[0-9a-z]{8}" AND [0-9a-z]{4}\*$/);
  assert.match(tsQueryExpression(terms), /^\([0-9a-z]{8}\) & [0-9a-z]{4}:\*$/);
});

test('highlight ranges point into the original text', () => {
  const text = '区の観光ＰＲと観光案内';
  const ranges = highlightRanges(text, queryTerms('観光 pr'));
  assert.deepEqual(ranges.map(([s, e]) => text.slice(s, e)), ['観光ＰＲ', '観光']);
});
