// Number and date wording shared by every page, in the page's language.
import { formatEnglishDate, formatJapaneseDate, formatJapaneseDateTime } from '../domain/japanese-date.ts';
import type { PageContext } from './context.ts';

const integerFormat = new Intl.NumberFormat('ja-JP');

export function formatCount(n: number): string {
  return integerFormat.format(n);
}

export function formatDate(ctx: PageContext, date: string | Date): string {
  return ctx.lang === 'en' ? formatEnglishDate(date) : formatJapaneseDate(date);
}

/** Date and time in Japan: 「2026年(令和8年)4月1日 09:30」, or '1 April 2026, 09:30 JST'. */
export function formatDateTime(ctx: PageContext, iso: string): string {
  const ja = formatJapaneseDateTime(iso);
  return ctx.lang === 'en' ? `${formatEnglishDate(iso)}, ${ja.slice(-5)} JST` : ja;
}
