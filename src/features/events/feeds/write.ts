// RSS 2.0 and Atom of events (the `feed` package): the newest published or updated events first,
// each linking to its page, with its dates and place in the summary.
import { Feed } from 'feed';
import { createPageContext } from '../../../views/context.ts';
import { markdownToText } from '../../../views/markdown.ts';
import { eventDateText, placeText } from '../labels.tsx';
import type { Event } from '../record.ts';
import { kindLabel } from '../vocabulary.ts';

export function eventsFeed(events: readonly Event[], publicUrl: string): Feed {
  const ctx = createPageContext('ja', '/events');
  const updated = events.reduce((latest, e) => (e.updatedAt > latest ? e.updatedAt : latest), '1970-01-01T00:00:00.000Z');
  const feed = new Feed({
    id: `${publicUrl}/events`,
    title: '特別区全国連携プロジェクト イベント情報',
    description: '特別区全国連携プロジェクトと全国の自治体のイベント情報',
    link: `${publicUrl}/events`,
    language: 'ja',
    updated: new Date(updated),
    generator: 'Renkei',
    feedLinks: { rss: `${publicUrl}/events/feed.rss`, atom: `${publicUrl}/events/feed.atom` },
    copyright: '特別区長会・公益財団法人特別区協議会',
  });
  for (const e of events) {
    const link = `${publicUrl}/events/${e.id}`;
    const lines = [`日時：${eventDateText(ctx, e)}`, placeText(ctx, e) ? `会場：${placeText(ctx, e)}` : '', e.municipalities.length > 0 ? `参加自治体：${e.municipalities.map((m) => m.name).join('、')}` : ''];
    const summary = [...lines.filter(Boolean), e.description ? markdownToText(e.description).slice(0, 300) : ''].filter(Boolean).join('\n');
    feed.addItem({
      title: e.title,
      id: link,
      link,
      date: new Date(e.updatedAt),
      published: new Date(e.publishedAt ?? e.createdAt),
      description: summary,
      category: [{ name: kindLabel(ctx, e.kind) }],
    });
  }
  return feed;
}
