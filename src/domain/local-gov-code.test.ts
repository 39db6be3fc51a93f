import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  computeCheckDigit,
  isPrefectureCode,
  isValidLocalGovCode,
  prefectureCodeOf,
  prefectureLocalGovCode,
  withCheckDigit,
} from './local-gov-code.ts';

const wards: Array<[string, string]> = [
  ['千代田区', '131016'],
  ['中央区', '131024'],
  ['港区', '131032'],
  ['新宿区', '131041'],
  ['文京区', '131059'],
  ['台東区', '131067'],
  ['墨田区', '131075'],
  ['江東区', '131083'],
  ['品川区', '131091'],
  ['目黒区', '131105'],
  ['大田区', '131113'],
  ['世田谷区', '131121'],
  ['渋谷区', '131130'],
  ['中野区', '131148'],
  ['杉並区', '131156'],
  ['豊島区', '131164'],
  ['北区', '131172'],
  ['荒川区', '131181'],
  ['板橋区', '131199'],
  ['練馬区', '131202'],
  ['足立区', '131211'],
  ['葛飾区', '131229'],
  ['江戸川区', '131237'],
];

test('千代田区 131016 has check digit 6', () => {
  assert.equal(computeCheckDigit('13101'), 6);
  assert.equal(isValidLocalGovCode('131016'), true);
});

test('新宿区 131041 covers the r = 0 case (check digit 1)', () => {
  assert.equal(computeCheckDigit('13104'), 1);
  assert.equal(withCheckDigit('13104'), '131041');
});

test('渋谷区 131130 covers the r = 1 case (check digit 0)', () => {
  assert.equal(computeCheckDigit('13113'), 0);
  assert.equal(withCheckDigit('13113'), '131130');
});

test('all 23 special wards have valid codes', () => {
  assert.equal(wards.length, 23);
  for (const [name, code] of wards) {
    assert.equal(isValidLocalGovCode(code), true, `${name} ${code}`);
    assert.equal(withCheckDigit(code.slice(0, 5)), code, `${name} ${code}`);
    assert.equal(prefectureCodeOf(code), '13', name);
    assert.equal(isPrefectureCode(code), false, name);
  }
});

test('prefectures and designated cities validate', () => {
  for (const code of ['010006', '130001', '011002', '271004']) {
    assert.equal(isValidLocalGovCode(code), true, code);
  }
});

test('prefectureLocalGovCode builds the prefecture code with its check digit', () => {
  assert.equal(prefectureLocalGovCode('13'), '130001');
  assert.equal(prefectureLocalGovCode('01'), '010006');
  assert.throws(() => prefectureLocalGovCode('48'), RangeError);
  assert.throws(() => prefectureLocalGovCode('00'), RangeError);
  assert.throws(() => prefectureLocalGovCode('1'), RangeError);
});

test('isPrefectureCode is true only when the municipality part is 000', () => {
  assert.equal(isPrefectureCode('130001'), true);
  assert.equal(isPrefectureCode('010006'), true);
  assert.equal(isPrefectureCode('011002'), false);
  assert.equal(isPrefectureCode('271004'), false);
  assert.equal(isPrefectureCode('130002'), false);
});

test('prefectureCodeOf returns the first two digits of a valid code', () => {
  assert.equal(prefectureCodeOf('271004'), '27');
  assert.equal(prefectureCodeOf('010006'), '01');
  assert.throws(() => prefectureCodeOf('131017'), RangeError);
});

test('a wrong check digit is rejected', () => {
  assert.equal(isValidLocalGovCode('131017'), false);
});

test('5- and 7-digit codes are rejected', () => {
  assert.equal(isValidLocalGovCode('13101'), false);
  assert.equal(isValidLocalGovCode('1310160'), false);
  assert.equal(isValidLocalGovCode(''), false);
});

test('full-width digits are rejected', () => {
  assert.equal(isValidLocalGovCode('１３１０１６'), false);
  assert.throws(() => computeCheckDigit('１３１０１'), RangeError);
});

test('prefecture parts 48 and 00 are rejected even with a correct check digit', () => {
  const p48 = withCheckDigit('48000');
  const p00 = withCheckDigit('00000');
  assert.equal(isValidLocalGovCode(p48), false);
  assert.equal(isValidLocalGovCode(p00), false);
});

test('non-digits are rejected', () => {
  assert.equal(isValidLocalGovCode('13101a'), false);
  assert.equal(isValidLocalGovCode('abcdef'), false);
  assert.equal(isValidLocalGovCode(' 131016'), false);
  assert.equal(isValidLocalGovCode('131016\n'), false);
  assert.equal(isValidLocalGovCode('-13101'), false);
});

test('computeCheckDigit throws RangeError on anything but 5 ASCII digits', () => {
  assert.throws(() => computeCheckDigit('1310'), RangeError);
  assert.throws(() => computeCheckDigit('131016'), RangeError);
  assert.throws(() => computeCheckDigit('1310a'), RangeError);
  assert.throws(() => withCheckDigit('131'), RangeError);
});
