// Number and date wording shared by every page, in the page's language.
import { formatEnglishDate, formatJapaneseDate, formatJapaneseDateTime } from '../domain/japanese-date.ts';
import type { PageContext } from './context.ts';

const integerFormat = new Intl.NumberFormat('ja-JP');

/** 1,234 — a thousands separator; plain integers without Intl (a page may print hundreds of them). */
export function formatCount(n: number): string {
  if (Number.isSafeInteger(n) && n >= 0) return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
  return integerFormat.format(n);
}

// Formatting a date asks ICU for the era and the day in Japan; a page of records repeats the same
// few thousand dates, so their text is remembered (per language), bounded.
const dateTexts = new Map<string, string>();
const MAX_REMEMBERED_DATES = 20_000;

export function formatDate(ctx: PageContext, date: string | Date): string {
  if (typeof date !== 'string') return ctx.lang === 'en' ? formatEnglishDate(date) : formatJapaneseDate(date);
  const key = ctx.lang + date;
  let text = dateTexts.get(key);
  if (text === undefined) {
    text = ctx.lang === 'en' ? formatEnglishDate(date) : formatJapaneseDate(date);
    if (dateTexts.size >= MAX_REMEMBERED_DATES) dateTexts.clear();
    dateTexts.set(key, text);
  }
  return text;
}

// A signed-in page (never page-cached) such as a board thread or category formats 20–30 timestamps on
// every request, each through ICU (about 2 ms of a board category page under the bench's load,
// node --cpu-prof): remembered as dates are, by the exact text asked, bounded.
const dateTimeTexts = new Map<string, string>();

/** Date and time in Japan: 「2026年(令和8年)4月1日 09:30」, or '1 April 2026, 09:30 JST'. */
export function formatDateTime(ctx: PageContext, iso: string): string {
  const key = ctx.lang + iso;
  let text = dateTimeTexts.get(key);
  if (text === undefined) {
    const ja = formatJapaneseDateTime(iso);
    text = ctx.lang === 'en' ? `${formatEnglishDate(iso)}, ${ja.slice(-5)} JST` : ja;
    if (dateTimeTexts.size >= MAX_REMEMBERED_DATES) dateTimeTexts.clear();
    dateTimeTexts.set(key, text);
  }
  return text;
}

/** How long to wait before a rate limit lets the next try through (Retry-After in words). */
export function formatWait(ctx: PageContext, seconds: number): string {
  if (seconds >= 3600) return ctx.tFormat(`約${Math.ceil(seconds / 3600)}時間`, `about ${Math.ceil(seconds / 3600)} hours`);
  if (seconds >= 60) return ctx.tFormat(`約${Math.ceil(seconds / 60)}分`, `about ${Math.ceil(seconds / 60)} minutes`);
  return ctx.tFormat(`${seconds}秒`, `${seconds} seconds`);
}
