import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isValidLocalGovCode } from '../../domain/local-gov-code.ts';
import { loadLocalGovernments, uncountedCodes } from './local-governments.ts';

const rows = loadLocalGovernments();
const counted = rows.filter((r) => r.level === 'municipality' && r.is_counted === 1);

test('the master data has the 47 prefectures', () => {
  const prefectures = rows.filter((r) => r.level === 'prefecture');
  assert.equal(prefectures.length, 47);
  assert.deepEqual(
    prefectures.filter((p) => p.kind !== '県').map((p) => `${p.name}:${p.kind}`),
    ['北海道:道', '東京都:都', '京都府:府', '大阪府:府'],
  );
});

test('1,741 municipalities are counted: 792 市, 743 町, 183 村, 23 特別区', () => {
  assert.equal(counted.length, 1741);
  const count = (kind: string) => counted.filter((r) => r.kind === kind).length;
  assert.deepEqual([count('市'), count('町'), count('村'), count('特別区')], [792, 743, 183, 23]);
});

test('the six Northern Territories villages are kept but not counted', () => {
  const uncounted = rows.filter((r) => r.is_counted === 0);
  assert.deepEqual(uncounted.map((r) => r.code).sort(), [...uncountedCodes.keys()].sort());
  assert.ok(uncounted.every((r) => r.prefecture_code === '01' && r.kind === '村' && r.note));
});

test('the 20 designated cities are marked', () => {
  const designated = rows.filter((r) => r.is_designated_city === 1).map((r) => r.name);
  assert.equal(designated.length, 20);
  assert.ok(designated.includes('札幌市') && designated.includes('熊本市') && designated.includes('相模原市'));
});

test('every code is valid and unique, every row has a hiragana reading', () => {
  assert.ok(rows.every((r) => isValidLocalGovCode(r.code)));
  assert.equal(new Set(rows.map((r) => r.code)).size, rows.length);
  assert.ok(rows.every((r) => /^[\u3041-\u309F\u30FC]+$/.test(r.kana)), 'readings are hiragana');
});

test('the 23 special wards carry their known codes', () => {
  const wards = rows.filter((r) => r.kind === '特別区');
  assert.equal(wards.find((w) => w.name === '千代田区')?.code, '131016');
  assert.equal(wards.find((w) => w.name === '新宿区')?.code, '131041');
  assert.equal(wards.find((w) => w.name === '渋谷区')?.code, '131130');
  assert.equal(wards.find((w) => w.name === '江戸川区')?.code, '131237');
});

test('kana ranks follow Intl.Collator("ja") order', () => {
  const byRank = [...rows].sort((a, b) => a.kana_rank! - b.kana_rank!);
  const collator = new Intl.Collator('ja');
  for (let i = 1; i < byRank.length; i++) assert.ok(collator.compare(byRank[i - 1]!.kana, byRank[i]!.kana) <= 0);
  assert.equal(new Set(rows.map((r) => r.kana_rank)).size, rows.length);
});
