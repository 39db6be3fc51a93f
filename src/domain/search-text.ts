// Search normalisation for Japanese text, so that a query matches regardless of full/half width,
// case, katakana vs hiragana, or spacing (e.g. 'ﾁﾖﾀﾞ', 'チヨダ' and 'ちよだ' are the same).

const KATAKANA = /[\u30A1-\u30F6\u30FD\u30FE]/g;
const WHITESPACE = /\s+/gu;

/** ァ–ヶ and ヽヾ sit exactly 0x60 above their hiragana counterparts. */
function katakanaToHiragana(s: string): string {
  return s.replace(KATAKANA, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/**
 * NFKC (full-width → ASCII, half-width kana → full-width, ﾀﾞ → ダ), lower-case, katakana → hiragana,
 * and all whitespace removed (JS \s includes U+3000), so spacing never affects a match.
 */
export function normalizeForSearch(s: string): string {
  return katakanaToHiragana(s.normalize('NFKC').toLowerCase()).replace(WHITESPACE, '').trim();
}

/** Normalises each part on its own and joins with ' ', so a query cannot match across two parts. */
export function buildSearchText(parts: Array<string | null | undefined>): string {
  const normalized: string[] = [];
  for (const part of parts) {
    if (part == null) continue;
    const n = normalizeForSearch(part);
    if (n !== '') normalized.push(n);
  }
  return normalized.join(' ');
}

/**
 * True when every whitespace-separated term of the query occurs in searchText (built by
 * buildSearchText). The query is split before normalising, since normalising removes the spaces.
 */
export function matchesSearch(searchText: string, query: string): boolean {
  for (const term of query.split(WHITESPACE)) {
    const n = normalizeForSearch(term);
    if (n !== '' && !searchText.includes(n)) return false;
  }
  return true;
}
