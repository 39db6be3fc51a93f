import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ftsMatchExpression, highlightRanges, indexTokens, queryTerms, tsQueryExpression } from './search-tokens.ts';

test('a two-character word is one token found inside a longer word; each character is a token too', () => {
  const indexed = indexTokens(['防災訓練を実施']).split(' ');
  const [term] = queryTerms('防災');
  assert.equal(term?.tokens.length, 1);
  assert.ok(indexed.includes(term!.tokens[0]!));
  assert.equal(indexed.length, 13, 'six pairs and seven characters');
  assert.ok(indexed.slice(0, 6).every((t) => /^x[0-9a-z]{8}$/.test(t)));
  assert.ok(indexed.slice(6).every((t) => /^x[0-9a-z]{4}$/.test(t)));
  const [one] = queryTerms('訓');
  assert.ok(indexed.includes(one!.tokens[0]!), 'one character is an exact token');
});

test('a longer word asks for each of its pairs once', () => {
  const [term] = queryTerms('ああああ');
  assert.equal(term?.tokens.length, 1);
  assert.equal(queryTerms('物産展')[0]?.tokens.length, 2);
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
  assert.match(ftsMatchExpression(terms), /^x[0-9a-z]{8} AND x[0-9a-z]{4}$/);
  assert.match(tsQueryExpression(terms), /^x[0-9a-z]{8} & x[0-9a-z]{4}$/);
});

test('highlight ranges point into the original text', () => {
  const text = '区の観光ＰＲと観光案内';
  const ranges = highlightRanges(text, queryTerms('観光 pr'));
  assert.deepEqual(ranges.map(([s, e]) => text.slice(s, e)), ['観光ＰＲ', '観光']);
});
