import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classLowerBound, classOf, prefectureCodeByName, prefectureTile, prefectureTiles, sequentialBreaks, tileGridSize } from './prefecture-tiles.ts';
import { prefectureNamesEn } from './regions.ts';

test('the grid has the 47 prefectures once each, in JIS order, each on its own tile', () => {
  assert.equal(prefectureTiles.length, 47);
  assert.deepEqual(
    prefectureTiles.map((t) => t.code),
    Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0')),
  );
  assert.deepEqual(Object.keys(prefectureNamesEn).sort(), prefectureTiles.map((t) => t.code));
  const places = new Set(prefectureTiles.map((t) => `${t.col},${t.row}`));
  assert.equal(places.size, 47, 'two prefectures on one tile');
  for (const t of prefectureTiles) {
    assert.ok(t.col >= 0 && t.col < tileGridSize.cols && t.row >= 0 && t.row < tileGridSize.rows, t.name);
    assert.ok(t.name.startsWith(t.shortName), `${t.shortName} is a short form of ${t.name}`);
  }
});

test('land neighbours touch (side or corner), so the grid still reads as Japan', () => {
  const borders: Array<[string, string]> = [
    ['02', '03'], ['02', '05'], ['03', '04'], ['04', '07'], ['06', '15'], ['07', '09'], ['08', '12'],
    ['10', '15'], ['11', '13'], ['13', '14'], ['12', '13'], ['13', '19'], ['14', '22'], ['16', '17'],
    ['18', '21'], ['18', '26'], ['21', '23'], ['22', '23'], ['24', '29'], ['26', '27'], ['27', '28'],
    ['27', '30'], ['28', '31'], ['32', '35'], ['34', '35'], ['36', '39'], ['38', '39'], ['40', '41'],
    ['40', '43'], ['40', '44'], ['41', '42'], ['43', '46'], ['45', '46'],
  ];
  for (const [a, b] of borders) {
    const ta = prefectureTile(a)!;
    const tb = prefectureTile(b)!;
    assert.ok(Math.max(Math.abs(ta.col - tb.col), Math.abs(ta.row - tb.row)) === 1, `${ta.name} and ${tb.name} should touch`);
  }
  // North is up: Hokkaido is on the top row, Okinawa on the bottom one, Kyushu west of Kanto.
  assert.equal(prefectureTile('01')!.row, 0);
  assert.equal(prefectureTile('47')!.row, tileGridSize.rows - 1);
  assert.ok(prefectureTile('40')!.col < prefectureTile('13')!.col);
});

test('prefecture codes are found by the official name (as in the boundary file), not by a short one', () => {
  assert.equal(prefectureCodeByName('東京都'), '13');
  assert.equal(prefectureCodeByName('北海道'), '01');
  assert.equal(prefectureCodeByName('京都府'), '26');
  assert.equal(prefectureCodeByName('東京'), undefined);
});

test('sequential breaks: whole, ascending, ending at the maximum; fewer classes when the maximum is small', () => {
  assert.deepEqual(sequentialBreaks(100), [20, 40, 60, 80, 100]);
  assert.deepEqual(sequentialBreaks(144), [29, 58, 87, 116, 144]);
  assert.deepEqual(sequentialBreaks(3), [1, 2, 3]);
  assert.deepEqual(sequentialBreaks(1), [1]);
  assert.deepEqual(sequentialBreaks(0), []);
  assert.throws(() => sequentialBreaks(-1), RangeError);
  assert.throws(() => sequentialBreaks(10, 0), RangeError);
});

test('a count falls in the first class whose bound it does not exceed; 0 is its own class', () => {
  const b = sequentialBreaks(100);
  assert.equal(classOf(0, b), -1);
  assert.equal(classOf(1, b), 0);
  assert.equal(classOf(20, b), 0);
  assert.equal(classOf(21, b), 1);
  assert.equal(classOf(100, b), 4);
  assert.equal(classLowerBound(0, b), 1);
  assert.equal(classLowerBound(1, b), 21);
  // Every value from 1 to max is in exactly one class, and classes cover [lower, bound].
  for (let v = 1; v <= 100; v++) {
    const c = classOf(v, b);
    assert.ok(v >= classLowerBound(c, b) && v <= b[c]!, `value ${v} in class ${c}`);
  }
});
