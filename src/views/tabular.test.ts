import assert from 'node:assert/strict';
import { test } from 'node:test';
import { protectFormulaText, unprotectFormulaText } from './tabular.ts';

test('a text a spreadsheet would read as a formula gets a quote; nothing else does', () => {
  for (const text of ['=HYPERLINK("http://evil","x")', '+1', '-2', '@SUM(A1)', '\tタブ', '\r改行', "'=1", "''+1"]) {
    assert.equal(protectFormulaText(text), `'${text}`, JSON.stringify(text));
  }
  for (const text of ['', 'サンプル', ' =1', '1-2', 'a=b', "'", "'abc", '２０２４', '＝全角は式にならない']) {
    assert.equal(protectFormulaText(text), text, JSON.stringify(text));
  }
});

test('the import takes exactly that quote off again, so that every text comes back as it was', () => {
  const texts = ['=1+1', '+1', '-2', '@A1', '\tx', '\rx', "'=1", "''=1", "'", "'x", "'-", 'plain', '', "x'=1"];
  for (const text of texts) assert.equal(unprotectFormulaText(protectFormulaText(text)), text, JSON.stringify(text));
  assert.equal(unprotectFormulaText("'=1"), '=1');
  assert.equal(unprotectFormulaText("'abc"), "'abc", 'a quote before other text is the text');
});
