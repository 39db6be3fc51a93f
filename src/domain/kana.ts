// Kana conversions for names and readings (フリガナ is stored in full-width katakana).

/** Hiragana (and ゝゞ) to katakana: they sit exactly 0x60 below their katakana counterparts. */
export function hiraganaToKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096\u309D\u309E]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}
