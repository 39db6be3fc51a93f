import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSearchText, matchesSearch, normalizeForSearch } from './search-text.ts';

test('katakana, hiragana and half-width katakana normalise alike', () => {
  assert.equal(normalizeForSearch('チヨダ'), 'ちよだ');
  assert.equal(normalizeForSearch('ちよだ'), 'ちよだ');
  assert.equal(normalizeForSearch('ﾁﾖﾀﾞ'), 'ちよだ');
});

test('small katakana, ヵヶ and the iteration marks become hiragana', () => {
  assert.equal(normalizeForSearch('ァィゥェォッャュョヮ'), 'ぁぃぅぇぉっゃゅょゎ');
  assert.equal(normalizeForSearch('ヵヶ'), 'ゕゖ');
  assert.equal(normalizeForSearch('ヽヾ'), 'ゝゞ');
});

test('the long-vowel mark and kanji are left alone', () => {
  assert.equal(normalizeForSearch('センター'), 'せんたー');
  assert.equal(normalizeForSearch('千代田区'), '千代田区');
});

test('all whitespace, including the ideographic space, is removed', () => {
  assert.equal(normalizeForSearch('　千代田 区'), '千代田区');
  assert.equal(normalizeForSearch(' 千\t代\n田\u3000区 '), '千代田区');
  assert.equal(normalizeForSearch('   '), '');
});

test('full-width Latin letters become lower-case ASCII', () => {
  assert.equal(normalizeForSearch('ＡＢＣ'), 'abc');
  assert.equal(normalizeForSearch('ABC'), 'abc');
  assert.equal(normalizeForSearch('１２３'), '123');
});

test('buildSearchText keeps a single space between normalised parts', () => {
  assert.equal(buildSearchText(['千代田区', 'チヨダク', 'Chiyoda']), '千代田区 ちよだく chiyoda');
});

test('buildSearchText skips null, undefined and empty parts', () => {
  assert.equal(buildSearchText([null, '千代田区', undefined, '', '　', 'ﾁﾖﾀﾞｸ']), '千代田区 ちよだく');
  assert.equal(buildSearchText([]), '');
});

test('spaces inside a part are removed but the separator between parts survives', () => {
  assert.equal(buildSearchText(['東京都 千代田区', '防災 協定']), '東京都千代田区 防災協定');
});

test('an empty or blank query matches everything', () => {
  assert.equal(matchesSearch('千代田区', ''), true);
  assert.equal(matchesSearch('千代田区', '　 '), true);
  assert.equal(matchesSearch('', ''), true);
});

test('a two-character query such as 防災 matches', () => {
  const text = buildSearchText(['災害時相互応援協定', '防災']);
  assert.equal(matchesSearch(text, '防災'), true);
  assert.equal(matchesSearch(text, '応援'), true);
  assert.equal(matchesSearch(text, '観光'), false);
});

test('a query matches across kana forms and widths', () => {
  const text = buildSearchText(['千代田区', 'チヨダク']);
  assert.equal(matchesSearch(text, 'ちよだ'), true);
  assert.equal(matchesSearch(text, 'ﾁﾖﾀﾞ'), true);
  assert.equal(matchesSearch(text, 'チヨダ'), true);
});

test('every term of the query must match', () => {
  const text = buildSearchText(['千代田区', '防災協定', 'Disaster relief']);
  assert.equal(matchesSearch(text, '千代田 防災'), true);
  assert.equal(matchesSearch(text, '千代田　防災'), true);
  assert.equal(matchesSearch(text, 'DISASTER ＲＥＬＩＥＦ'), true);
  assert.equal(matchesSearch(text, '千代田 観光'), false);
});

test('a term does not match across the boundary between two parts', () => {
  const text = buildSearchText(['千代田', '区役所']);
  assert.equal(matchesSearch(text, '千代田区'), false);
  assert.equal(matchesSearch(text, '千代田 区役所'), true);
});

test('hiraganaToKatakana turns a typed reading into katakana and leaves the rest', async () => {
  const { hiraganaToKatakana } = await import('./kana.ts');
  assert.equal(hiraganaToKatakana('とくべつ たろう'), 'トクベツ タロウ');
  assert.equal(hiraganaToKatakana('カナ漢字abc'), 'カナ漢字abc');
});
