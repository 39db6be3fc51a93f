// The site-wide search's tokens, the same on SQLite (FTS5) and PostgreSQL (GIN over
// to_tsvector('simple', …)) without extensions: text is normalised (normalizeForSearch: NFKC, lower
// case, katakana → hiragana, no spaces) and cut into overlapping two-character tokens, so that a
// two-character word such as 防災 or 観光 is found inside any longer word. Each token is spelled in
// ASCII (each character as 4 base-36 digits), so neither engine's word splitting nor locale can
// change it; a query is a phrase of its tokens, so their order must match too.
import { normalizeForSearch } from './search-text.ts';

function charCode(c: string): string {
  return c.codePointAt(0)!.toString(36).padStart(4, '0');
}

/** The characters of a normalised text (code points, so a surrogate pair is one character). */
function characters(text: string): string[] {
  return Array.from(text);
}

/**
 * Tokens of a text to index: every overlapping pair of characters of each part, in order, then
 * the part's last character alone — so that a one-character query (a prefix) finds every place
 * the character occurs: before another character (a pair starting with it) or at the end.
 */
export function indexTokens(parts: ReadonlyArray<string | null | undefined>): string {
  const tokens: string[] = [];
  for (const part of parts) {
    if (!part) continue;
    const chars = characters(normalizeForSearch(part));
    if (chars.length === 0) continue;
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(charCode(chars[i]!) + charCode(chars[i + 1]!));
    tokens.push(charCode(chars[chars.length - 1]!));
  }
  return tokens.join(' ');
}

/**
 * One query term: the phrase of its pairs (two characters or more), or, for a single character,
 * the prefix every pair starting with it shares.
 */
export type TermQuery = { kind: 'phrase'; tokens: string[] } | { kind: 'prefix'; prefix: string };

/** The terms of a query (split on spaces, each normalised); empty terms are dropped. At most 8. */
export function queryTerms(query: string): Array<{ text: string; query: TermQuery }> {
  return query
    .split(/\s+/u)
    .map((term) => normalizeForSearch(term))
    .filter((term) => term !== '')
    .slice(0, 8)
    .map((text) => {
      const chars = characters(text).slice(0, 40);
      if (chars.length === 1) return { text, query: { kind: 'prefix', prefix: charCode(chars[0]!) } as const };
      const tokens: string[] = [];
      for (let i = 0; i + 1 < chars.length; i++) tokens.push(charCode(chars[i]!) + charCode(chars[i + 1]!));
      return { text, query: { kind: 'phrase', tokens } as const };
    });
}

/** FTS5 MATCH expression: every term, each a phrase ("a b c") or a prefix (a*). */
export function ftsMatchExpression(terms: ReadonlyArray<{ query: TermQuery }>): string {
  return terms.map(({ query }) => (query.kind === 'phrase' ? `"${query.tokens.join(' ')}"` : `${query.prefix}*`)).join(' AND ');
}

/** PostgreSQL tsquery text: every term, each a phrase (a <-> b) or a prefix (a:*). */
export function tsQueryExpression(terms: ReadonlyArray<{ query: TermQuery }>): string {
  return terms.map(({ query }) => (query.kind === 'phrase' ? `(${query.tokens.join(' <-> ')})` : `${query.prefix}:*`)).join(' & ');
}

/** Each character's normalised form, remembered: a page highlights thousands of characters, mostly the same few hundred. */
const normalisedChars = new Map<string, string>();
function normaliseChar(c: string): string {
  let n = normalisedChars.get(c);
  if (n === undefined) {
    n = normalizeForSearch(c);
    if (normalisedChars.size < 20_000) normalisedChars.set(c, n);
  }
  return n;
}

/**
 * Where the terms occur in an original (not normalised) text, as [start, end) ranges of it, for
 * highlighting. Each character is normalised on its own, which keeps positions; a match that
 * spans a character NFKC would merge (half-width ﾀﾞ) is simply not highlighted.
 */
export function highlightRanges(text: string, terms: ReadonlyArray<{ text: string }>): Array<[number, number]> {
  // The normalised text, and for each of its UTF-16 units the offset in `text` of the character it came from.
  let haystack = '';
  const offsets: number[] = [];
  let offset = 0;
  for (const c of text) {
    const n = normaliseChar(c);
    haystack += n;
    for (let k = 0; k < n.length; k++) offsets.push(offset);
    offset += c.length;
  }
  offsets.push(offset);
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    if (term.text === '') continue;
    for (let at = haystack.indexOf(term.text); at >= 0; at = haystack.indexOf(term.text, at + 1)) {
      const end = at + term.text.length;
      // The end: the offset of the character after the match (the next distinct origin).
      let to = end;
      while (to < haystack.length && offsets[to] === offsets[end - 1]) to++;
      ranges.push([offsets[at]!, to < haystack.length ? offsets[to]! : offset]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}
