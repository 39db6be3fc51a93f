// The kinds of article, one wording for lists, filters, forms and feeds.
import type { PageContext } from '../../views/context.ts';

export const articleCategories = [
  { id: 'project', ja: '連携事業', en: 'Collaboration projects' },
  { id: 'event', ja: 'イベント', en: 'Events' },
  { id: 'notice', ja: 'お知らせ', en: 'Notices' },
  { id: 'disaster', ja: '災害支援', en: 'Disaster support' },
  { id: 'call', ja: '募集', en: 'Calls for participation' },
] as const;

export type ArticleCategory = (typeof articleCategories)[number]['id'];

export const categoryIds = articleCategories.map((c) => c.id) as [ArticleCategory, ...ArticleCategory[]];

export function categoryLabel(ctx: PageContext, id: string): string {
  const found = articleCategories.find((c) => c.id === id);
  return found ? ctx.tFormat(found.ja, found.en) : id;
}
