// Synthetic benchmark volume for news: published articles over 12 年度 (10,000 at least; the bench
// asks for as many as bring the search index to 100,000 documents), each marked provenance
// 'synthetic' and titled 「【合成データ】…」 with one of a few topics (防災訓練, 観光PR, …: as on a real
// site, a word people search for matches some articles and not others), with a body of realistic
// length (headings, lists, a link) and related municipalities. For `npm run bench` only: never
// loaded by `npm start`.
import { createHash } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { bumpRevision } from '../src/db/revisions.ts';
import type { Database } from '../src/db/schema.ts';

export const syntheticArticleCount = 10_000;
const CHUNK = 500;
const CATEGORIES = ['project', 'event', 'notice', 'disaster', 'call'];
/** What an article is about; a prime count, so topic and category vary independently. */
const TOPICS = ['防災訓練', '観光PR', '物産展', '移住相談', '交流事業', '連携協定', '子育て支援', '環境学習', '講演会', '地域おこし', '職員派遣'];

function syntheticId(key: string): string {
  const h = createHash('sha1').update(`synthetic-news:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function body(i: number): string {
  const paragraph = `【合成データ】記事 ${i} の本文です。特別区と全国の自治体が連携して行う事業の報告を想定した長さの文章で、ベンチマークのためだけに生成しています。`;
  return [
    paragraph,
    '',
    '## 開催概要',
    '',
    `- 日時：${2015 + (i % 12)}年${1 + (i % 12)}月${1 + (i % 28)}日`,
    '- 会場：東京区政会館（合成データ）',
    '- 主催：特別区長会（合成データ）',
    '',
    '## 内容',
    '',
    paragraph.repeat(3),
    '',
    `詳しくは[関連ページ](https://example.jp/synthetic/${i})をご覧ください。`,
  ].join('\n');
}

/** Inserts the articles (in chunks); returns how many. */
export async function seedSyntheticNews(db: Kysely<Database>, count = syntheticArticleCount): Promise<number> {
  const municipalities = (await db.selectFrom('local_governments').select('code').where('level', '=', 'municipality').where('kind', '!=', '特別区').execute()).map((m) => m.code);
  const seededAt = Date.now();
  const start = Date.UTC(2015, 3, 1);
  const span = Date.UTC(2026, 11, 1) - start;
  const articles: Array<Insertable<Database['articles']>> = [];
  const links: Array<Insertable<Database['article_links']>> = [];
  for (let i = 0; i < count; i++) {
    const id = syntheticId(String(i));
    const publishAt = new Date(start + Math.floor((span * i) / count)).toISOString();
    articles.push({
      id,
      slug: `synthetic-${i}`,
      title: `【合成データ】${TOPICS[i % TOPICS.length]}のお知らせ ${i}`,
      category: CATEGORIES[i % CATEGORIES.length]!,
      summary: `【合成データ】記事 ${i} の概要です。`,
      body: body(i),
      status: 'published',
      publish_at: publishAt,
      published_at: publishAt,
      source_url: null,
      provenance: 'synthetic',
      version: 1,
      created_by: null,
      updated_by: null,
      created_at: publishAt,
      // One millisecond apart in the order published, from the moment of seeding (so after the
      // search index's sync point): the index's sync follows updated_at, so it receives them in that
      // order, as a live site's index receives articles written over the years. All stamped with one
      // moment, they reached it in id order, i.e. at random, a layout no live database holds.
      updated_at: new Date(seededAt + i).toISOString(),
    });
    for (let k = 0; k < 2; k++) links.push({ article_id: id, kind: 'municipality', target: municipalities[(i * 7 + k * 13) % municipalities.length]!, position: k });
  }
  for (let i = 0; i < articles.length; i += CHUNK) await db.insertInto('articles').values(articles.slice(i, i + CHUNK)).execute();
  for (let i = 0; i < links.length; i += CHUNK) await db.insertInto('article_links').values(links.slice(i, i + CHUNK)).execute();
  // As a write through the app would: pages and the search index made from news see the change.
  await bumpRevision(db, 'news');
  return count;
}
