// RSS 2.0 and Atom for the latest articles, made with the `feed` package. Links are absolute
// (PUBLIC_URL), as feed readers need.
import { Feed } from 'feed';
import type { ArticleSummary } from './queries.ts';
import { categoryLabel } from './categories.ts';
import { createPageContext } from '../../views/context.ts';

export function newsFeed(publicUrl: string, rows: ArticleSummary[]): Feed {
  const ctx = createPageContext('ja', '/news');
  const feed = new Feed({
    id: `${publicUrl}/news`,
    title: '特別区全国連携プロジェクト お知らせ',
    description: '特別区全国連携プロジェクトの連携事業の報告、イベントの案内、事務局からのお知らせ',
    link: `${publicUrl}/news`,
    language: 'ja',
    copyright: '特別区長会・公益財団法人特別区協議会',
    updated: rows[0] ? new Date(rows[0].publishAt) : new Date(0),
    feedLinks: { rss: `${publicUrl}/news/feed.rss`, atom: `${publicUrl}/news/feed.atom` },
  });
  for (const row of rows) {
    const link = `${publicUrl}/news/${row.slug}`;
    feed.addItem({
      id: link,
      link,
      title: row.title,
      description: row.summary,
      date: new Date(row.publishAt),
      category: [{ name: categoryLabel(ctx, row.category) }],
    });
  }
  return feed;
}
