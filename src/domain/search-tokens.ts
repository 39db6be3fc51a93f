// The site-wide search's tokens, the same on SQLite (FTS5) and PostgreSQL (GIN over
// to_tsvector('simple', …)) without extensions: text is normalised (normalizeForSearch: NFKC, lower
// case, katakana → hiragana, no spaces) and cut into overlapping two-character tokens, so that a
// two-character word such as 防災 or 観光 is found inside any longer word, plus every character
// alone, so that a one-character query is one exact token too. Each token is spelled in ASCII
// (each character as 4 base-36 digits after an `x`: a pair is x + 8, a character x + 4), so
// neither engine's word splitting nor locale can change it — the leading letter keeps
// PostgreSQL's parser from reading a token such as 001e001e as a number (1e001) and splitting it.
//
// A query is the AND of its tokens (every pair of a longer word), not a phrase: both engines then
// answer from the index alone — PostgreSQL's GIN never rechecks a row (a phrase made it read every
// candidate's tsvector, 50–80 µs a row, too slow when a broad word meets thousands of rows) and
// neither engine walks a prefix's many tokens. The price, chosen knowingly: a document holding
// every pair of a 3+ character word but not side by side (物産 … 産展 without 物産展) is found too.
// That is rare in real text, and such a hit simply shows no highlight (highlightRanges looks for
// the word itself).
import { normalizeForSearch } from './search-text.ts';

function charCode(c: string): string {
  return c.codePointAt(0)!.toString(36).padStart(4, '0');
}

/** The characters of a normalised text (code points, so a surrogate pair is one character). */
function characters(text: string): string[] {
  return Array.from(text);
}

const pairToken = (a: string, b: string) => `x${charCode(a)}${charCode(b)}`;
const charToken = (c: string) => `x${charCode(c)}`;

/** Tokens of a text to index: every overlapping pair of characters of each part, and every character alone. */
export function indexTokens(parts: ReadonlyArray<string | null | undefined>): string {
  const tokens: string[] = [];
  for (const part of parts) {
    if (!part) continue;
    const chars = characters(normalizeForSearch(part));
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(pairToken(chars[i]!, chars[i + 1]!));
    for (const c of new Set(chars)) tokens.push(charToken(c));
  }
  return tokens.join(' ');
}

/** One query term: its normalised text (for highlighting) and the tokens a document must all have. */
export interface QueryTerm {
  text: string;
  tokens: string[];
}

/**
 * The terms of a query (split on spaces, each normalised); empty terms are dropped. At most 8 terms
 * of at most 40 characters. A term's tokens: its pairs (two characters or more), or its one
 * character; each token once.
 */
export function queryTerms(query: string): QueryTerm[] {
  return query
    .split(/\s+/u)
    .map((term) => normalizeForSearch(term))
    .filter((term) => term !== '')
    .slice(0, 8)
    .map((text) => {
      const chars = characters(text).slice(0, 40);
      if (chars.length === 1) return { text, tokens: [charToken(chars[0]!)] };
      const tokens = new Set<string>();
      for (let i = 0; i + 1 < chars.length; i++) tokens.add(pairToken(chars[i]!, chars[i + 1]!));
      return { text, tokens: [...tokens] };
    });
}

/** Every token of every term, once. */
function allTokens(terms: ReadonlyArray<QueryTerm>): string[] {
  return [...new Set(terms.flatMap((t) => t.tokens))];
}

/** FTS5 MATCH expression: the AND of every token. */
export function ftsMatchExpression(terms: ReadonlyArray<QueryTerm>): string {
  return allTokens(terms).join(' AND ');
}

/** PostgreSQL tsquery text: the AND of every token (plain lexemes: GIN answers without a recheck). */
export function tsQueryExpression(terms: ReadonlyArray<QueryTerm>): string {
  return allTokens(terms).join(' & ');
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
