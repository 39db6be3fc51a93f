// Number and date wording shared by every page, in the page's language.
import { formatEnglishDate, formatJapaneseDate } from '../domain/japanese-date.ts';
import type { PageContext } from './context.ts';

const integerFormat = new Intl.NumberFormat('ja-JP');

export function formatCount(n: number): string {
  return integerFormat.format(n);
}

export function formatDate(ctx: PageContext, date: string | Date): string {
  return ctx.lang === 'en' ? formatEnglishDate(date) : formatJapaneseDate(date);
}
