import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prefectureNamesEn, regionOfPrefecture, regions } from './regions.ts';

const allCodes = Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0'));

test('there are 8 regions in north-to-south order', () => {
  assert.deepEqual(
    regions.map((r) => r.id),
    ['hokkaido', 'tohoku', 'kanto', 'chubu', 'kinki', 'chugoku', 'shikoku', 'kyushu'],
  );
  assert.deepEqual(
    regions.map((r) => r.nameJa),
    ['北海道地方', '東北地方', '関東地方', '中部地方', '近畿地方', '中国地方', '四国地方', '九州・沖縄地方'],
  );
  assert.deepEqual(
    regions.map((r) => r.nameEn),
    ['Hokkaido', 'Tohoku', 'Kanto', 'Chubu', 'Kinki', 'Chugoku', 'Shikoku', 'Kyushu and Okinawa'],
  );
});

test('北海道 01 is in hokkaido', () => {
  assert.equal(regionOfPrefecture('01').id, 'hokkaido');
});

test('東京都 13 is in kanto', () => {
  assert.equal(regionOfPrefecture('13').id, 'kanto');
});

test('新潟県 15 is in chubu', () => {
  assert.equal(regionOfPrefecture('15').id, 'chubu');
});

test('三重県 24 is in kinki', () => {
  assert.equal(regionOfPrefecture('24').id, 'kinki');
});

test('沖縄県 47 is in kyushu', () => {
  assert.equal(regionOfPrefecture('47').id, 'kyushu');
  assert.equal(regionOfPrefecture('47').nameJa, '九州・沖縄地方');
});

test('range edges fall in the right region', () => {
  const expected: Record<string, string> = {
    '02': 'tohoku', '07': 'tohoku', '08': 'kanto', '14': 'kanto', '23': 'chubu', '30': 'kinki',
    '31': 'chugoku', '35': 'chugoku', '36': 'shikoku', '39': 'shikoku', '40': 'kyushu',
  };
  for (const [code, id] of Object.entries(expected)) {
    assert.equal(regionOfPrefecture(code).id, id, code);
  }
});

test('region counts sum to 47 and every prefecture has exactly one region', () => {
  const counts = new Map<string, number>();
  for (const code of allCodes) {
    const id = regionOfPrefecture(code).id;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  assert.deepEqual(Object.fromEntries(counts), {
    hokkaido: 1, tohoku: 6, kanto: 7, chubu: 9, kinki: 7, chugoku: 5, shikoku: 4, kyushu: 8,
  });
  assert.equal([...counts.values()].reduce((a, b) => a + b, 0), 47);
});

test('unknown prefecture codes throw RangeError', () => {
  for (const bad of ['00', '48', '1', '013', 'ab', '１３', '']) {
    assert.throws(() => regionOfPrefecture(bad), RangeError, bad);
  }
});

test('every prefecture code 01–47 has an English name and there are no others', () => {
  assert.deepEqual(Object.keys(prefectureNamesEn).sort(), allCodes);
  assert.equal(prefectureNamesEn['01'], 'Hokkaido');
  assert.equal(prefectureNamesEn['13'], 'Tokyo');
  assert.equal(prefectureNamesEn['28'], 'Hyogo');
  assert.equal(prefectureNamesEn['47'], 'Okinawa');
  for (const name of Object.values(prefectureNamesEn)) {
    assert.match(name, /^[A-Z][a-z]+$/, name);
  }
});
