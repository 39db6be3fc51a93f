// What the site-wide search indexes of events: published events (title, reading, venue, address,
// organisers and description as plain words), changed since a point; others are removed.
import type { Kysely } from 'kysely';
import type { SearchChanges, SyncPoint } from '../../db/search-index.ts';
import type { Database } from '../../db/schema.ts';
import { markdownToText } from '../../views/markdown.ts';

export async function eventSearchChanges(db: Kysely<Database>, after: SyncPoint): Promise<SearchChanges> {
  const rows = await db
    .selectFrom('events')
    .select(['id', 'title', 'title_kana', 'venue_name', 'address', 'organisers', 'description', 'status', 'starts_on', 'updated_at'])
    .where((eb) => eb.or([eb('updated_at', '>', after.at), eb.and([eb('updated_at', '=', after.at), eb('id', '>', after.id)])]))
    .orderBy('updated_at')
    .orderBy('id')
    .execute();
  return {
    upserts: rows
      .filter((r) => r.status === 'published')
      .map((r) => ({
        id: `event:${r.id}`,
        kind: 'event',
        title: r.title,
        excerpt: [r.venue_name, r.address, markdownToText(r.description)].filter(Boolean).join(' '),
        url: `/events/${r.id}`,
        dated: r.starts_on,
        keywords: [r.title_kana, r.organisers].join(' '),
      })),
    removals: rows.filter((r) => r.status !== 'published').map((r) => `event:${r.id}`),
    through: rows.length > 0 ? { at: rows.at(-1)!.updated_at, id: rows.at(-1)!.id } : after,
  };
}
