// What the site-wide search indexes of news: published articles (title, summary and text as
// plain words), changed since a point; articles no longer public are removed.
import type { Kysely } from 'kysely';
import type { SearchChanges, SyncPoint } from '../../db/search-index.ts';
import type { Database } from '../../db/schema.ts';
import { markdownToText } from '../../views/markdown.ts';

export async function newsSearchChanges(db: Kysely<Database>, after: SyncPoint): Promise<SearchChanges> {
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'slug', 'title', 'summary', 'body', 'status', 'publish_at', 'updated_at'])
    .where((eb) => eb.or([eb('updated_at', '>', after.at), eb.and([eb('updated_at', '=', after.at), eb('id', '>', after.id)])]))
    .orderBy('updated_at')
    .orderBy('id')
    .execute();
  const published = rows.filter((r) => r.status === 'published');
  return {
    upserts: published.map((r) => ({
      id: `news:${r.id}`,
      kind: 'news',
      title: r.title,
      excerpt: [r.summary, markdownToText(r.body)].filter(Boolean).join(' '),
      url: `/news/${r.slug}`,
      dated: r.publish_at,
    })),
    removals: rows.filter((r) => r.status !== 'published').map((r) => `news:${r.id}`),
    through: rows.length > 0 ? { at: rows.at(-1)!.updated_at, id: rows.at(-1)!.id } : after,
  };
}
