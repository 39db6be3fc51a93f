// 全国地方公共団体コード: 6 ASCII digits = 2-digit prefecture (JIS X 0401) + 3-digit municipality
// + 1 check digit. Prefectures themselves use municipality part 000 (e.g. 130001 東京都).

const FIVE_DIGITS = /^[0-9]{5}$/;
const SIX_DIGITS = /^[0-9]{6}$/;
const WEIGHTS = [6, 5, 4, 3, 2] as const;

/** Check digit per the 総務省 rule: weights 6..2, r = sum mod 11, check = (11 − r) mod 10. */
export function computeCheckDigit(fiveDigits: string): number {
  if (!FIVE_DIGITS.test(fiveDigits)) {
    throw new RangeError(`expected 5 ASCII digits, got ${JSON.stringify(fiveDigits)}`);
  }
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) {
    sum += Number(fiveDigits[i]) * WEIGHTS[i]!;
  }
  return (11 - (sum % 11)) % 10;
}

/** True when the 2-digit string names one of the 47 prefectures (01–47). */
function isPrefectureNumber(pref2: string): boolean {
  if (!/^[0-9]{2}$/.test(pref2)) return false;
  const n = Number(pref2);
  return n >= 1 && n <= 47;
}

/** Exactly 6 ASCII digits (full-width digits are rejected), prefecture 01–47, correct check digit. */
export function isValidLocalGovCode(code: string): boolean {
  if (!SIX_DIGITS.test(code)) return false;
  if (!isPrefectureNumber(code.slice(0, 2))) return false;
  return computeCheckDigit(code.slice(0, 5)) === Number(code[5]);
}

export function withCheckDigit(fiveDigits: string): string {
  return `${fiveDigits}${computeCheckDigit(fiveDigits)}`;
}

/** The 2-digit prefecture part; throws RangeError on an invalid code so bad data is not silently bucketed. */
export function prefectureCodeOf(code: string): string {
  if (!isValidLocalGovCode(code)) {
    throw new RangeError(`invalid 全国地方公共団体コード: ${JSON.stringify(code)}`);
  }
  return code.slice(0, 2);
}

/** The prefecture's own code, e.g. '13' → '130001'. */
export function prefectureLocalGovCode(pref2: string): string {
  if (!isPrefectureNumber(pref2)) {
    throw new RangeError(`expected a prefecture code 01–47, got ${JSON.stringify(pref2)}`);
  }
  return withCheckDigit(`${pref2}000`);
}

/** True for a valid code whose municipality part is 000, i.e. the prefecture itself. */
export function isPrefectureCode(code: string): boolean {
  return isValidLocalGovCode(code) && code.slice(2, 5) === '000';
}
