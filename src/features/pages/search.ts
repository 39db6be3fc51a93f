// What the site-wide search indexes of the site pages (/about, /contact, /site-policy, /privacy,
// /accessibility): each page's Japanese title and text as plain words, changed since a point. A
// page is always public, so nothing is ever removed. The whole Japanese text is also given as
// keywords (the shown excerpt keeps only its first 2,000 characters), so a word near the end of a
// long page (the privacy policy) finds it; the English title and text too, so an English word does.
// Undated: a site page is no news, and undated documents come after dated ones, in id order.
import type { Kysely } from 'kysely';
import type { SearchChanges, SearchDocument, SyncPoint } from '../../db/search-index.ts';
import type { Database } from '../../db/schema.ts';
import { markdownToText } from '../../views/markdown.ts';
import { isSitePageSlug, sitePagePath } from './catalogue.ts';

export async function sitePageSearchChanges(db: Kysely<Database>, after: SyncPoint): Promise<SearchChanges> {
  const rows = await db
    .selectFrom('site_pages')
    .select(['slug', 'title_ja', 'title_en', 'body_ja', 'body_en', 'updated_at'])
    .where((eb) => eb.or([eb('updated_at', '>', after.at), eb.and([eb('updated_at', '=', after.at), eb('slug', '>', after.id)])]))
    .orderBy('updated_at')
    .orderBy('slug')
    .execute();
  const upserts: SearchDocument[] = [];
  for (const r of rows) {
    if (!isSitePageSlug(r.slug)) continue;
    const text = markdownToText(r.body_ja);
    upserts.push({
      id: `sitepage:${r.slug}`,
      kind: 'sitepage',
      title: r.title_ja,
      excerpt: text,
      url: sitePagePath(r.slug),
      dated: null,
      keywords: [text, r.title_en, markdownToText(r.body_en)].filter(Boolean).join(' '),
    });
  }
  return {
    upserts,
    removals: [],
    through: rows.length > 0 ? { at: rows.at(-1)!.updated_at, id: rows.at(-1)!.slug } : after,
  };
}
