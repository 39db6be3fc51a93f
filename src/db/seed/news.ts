// Articles every start makes sure exist: real articles of the project's own site, re-told in our
// words from the pages named in each `source` (their posting dates as printed there), and — only
// with demo data — a few articles marked 「サンプル」 so that a fresh site's news is not empty.
// Inserted once (by address); an edited seed article is never overwritten.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { bumpRevision } from '../revisions.ts';
import type { ArticleLinkKind, Database, Provenance } from '../schema.ts';

interface SeedArticle {
  slug: string;
  title: string;
  category: string;
  summary: string;
  body: string;
  /** 掲載日 as printed on the source page (JST). */
  postedOn: string;
  source: string | null;
  /** Related municipalities by prefecture and name (looked up, so no code is typed by hand). */
  municipalities?: Array<[prefecture: string, name: string]>;
  provenance: Provenance;
}

const realArticles: SeedArticle[] = [
  {
    slug: 'miryoku-2024',
    title: '令和6年度 特別区全国連携プロジェクト 魅力発信イベントを開催します',
    category: 'event',
    postedOn: '2024-10-17',
    summary: '広域連携協定を結ぶ13地域372自治体の写真パネル展示、賛同自治体を含むパンフレットの配布、物産展を、明治安田ヴィレッジ丸の内で2日間行います。',
    body: [
      '特別区長会は、特別区全国連携プロジェクトの一環として、各地域の自治体の魅力や特色を広く発信する「魅力発信イベント」を開きます。',
      '',
      '## 開催概要',
      '',
      '- **日時**：令和6年10月30日(水)・31日(木) 11時〜19時30分',
      '- **会場**：明治安田ヴィレッジ丸の内（東京都千代田区丸の内2丁目1-1）',
      '- **主催**：特別区長会／公益財団法人特別区協議会',
      '- **共催**：明治安田生命保険相互会社（特別区長会とは令和4年3月29日から包括連携協定を結んでいます）',
      '- **連携協力**：北海道町村会、京都府市長会、京都府町村会、青森県市長会、青森県町村会、千葉県市長会、千葉県町村会、広島県町村会、奈良県町村会、群馬県市長会、群馬県町村会、埼玉県町村会、山梨県町村会',
      '- **後援**：東京都',
      '',
      '## ステージ',
      '',
      '30日(水)11時〜12時にオープニングセレモニーを行います。PRステージには千葉県匝瑳市（ご当地ヒーロー）と京都府舞鶴市（自治体PR）が出演します。',
      '',
      '## 問い合わせ',
      '',
      '- イベント事務局 03-3479-7421',
      '- 公益財団法人特別区協議会 事業部 事業推進課 03-5210-9080',
    ].join('\n'),
    source: 'https://collabo.tokyo-23city.or.jp/renkei/kucho-miryoku_2024.html',
    municipalities: [
      ['千葉県', '匝瑳市'],
      ['京都府', '舞鶴市'],
    ],
    provenance: 'seed',
  },
  {
    slug: 'miryoku-2019-report',
    title: '令和元年度 第1回 魅力発信イベントを開催しました',
    category: 'project',
    postedOn: '2019-12-03',
    summary: '東京駅丸の内のKITTEで2日間開催し、のべ358自治体が参加、来場者は5万7千人を超えました。',
    body: [
      '特別区長会と公益財団法人特別区協議会は、令和元年10月26日(土)・27日(日)の2日間、東京駅丸の内のKITTEで、連携協定を結んだ各地域の自治体の魅力や特色を発信する「魅力発信イベント」を開催しました。',
      '',
      '26日には開催記念セレモニーを行い、特別区長会と連携協定締結自治体の首長、内閣府地方創生推進事務局の審議官があいさつしました。',
      '',
      '展示会場では、北海道・京都・青森・千葉・広島・奈良・群馬・埼玉と東京23区の観光案内やパンフレットを並べ、参加した全自治体の写真を組み合わせたパネルを展示しました。物産展会場では各地域の特産品の試食・試飲と販売を行いました。',
      '',
      '参加した自治体はのべ358、来場者数は2日間で5万7千人を超えました。',
    ].join('\n'),
    source: 'https://collabo.tokyo-23city.or.jp/renkei/archive/2019/kucho_miryoku_2019_2.html',
    provenance: 'seed',
  },
  {
    slug: 'miryoku-2017',
    title: '平成29年度 特別区全国連携プロジェクト 魅力発信イベント「東京23区から全国の魅力を再発見」',
    category: 'event',
    postedOn: '2017-08-14',
    summary: '連携協力協定を結ぶ7団体とともに、浅草の「まるごとにっぽん」で平成29年9月9日・10日に開催。丼フェスティバルと地酒ストリートを行いました。',
    body: [
      '特別区長会は、連携協力協定を結ぶ北海道町村会、京都府市長会、京都府町村会、青森県市長会、青森県町村会、千葉県町村会、広島県町村会とともに、まるごとにっぽん（台東区浅草2-6-7）で平成29年9月9日(土)・10日(日)の2日間、魅力発信イベントを開きました。',
      '',
      '- **丼フェスティバル**：北海道・青森・千葉・京都・広島の名産品を使った6種類の丼（各日300食限定）',
      '- **地酒ストリート**：5地域25市町村の日本酒・焼酎・ワインなどとおつまみ',
      '',
      '初日には開催記念セレモニーを行いました。',
    ].join('\n'),
    source: 'http://collabo.tokyo-23city.or.jp/renkei/kucho_miryoku_2017.html',
    provenance: 'seed',
  },
];

const sampleArticles: SeedArticle[] = [
  {
    slug: 'sample-news-site',
    title: '【サンプル】お知らせ機能の試験掲載',
    category: 'notice',
    postedOn: '2026-11-20',
    summary: 'これは表示確認用のサンプル記事です。実際のお知らせではありません。',
    body: 'これは**表示確認用のサンプル記事**です。本番環境では表示されません。\n\n- 本文は Markdown で書けます\n- 資料や写真を添付できます',
    source: null,
    provenance: 'sample',
  },
  {
    slug: 'sample-call-partners',
    title: '【サンプル】連携事業のパートナー募集（表示例）',
    category: 'call',
    postedOn: '2026-12-01',
    summary: '募集記事の表示例です（サンプル）。',
    body: '会員自治体の皆さまに、特別区との連携事業への参加を呼びかける記事の**表示例**です（サンプル）。',
    source: null,
    provenance: 'sample',
  },
];

async function municipalityCode(db: Kysely<Database>, prefecture: string, name: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('local_governments as m')
    .innerJoin('local_governments as p', (join) => join.onRef('p.prefecture_code', '=', 'm.prefecture_code').on('p.level', '=', 'prefecture'))
    .select('m.code')
    .where('m.name', '=', name)
    .where('p.name', '=', prefecture)
    .where('m.level', '=', 'municipality')
    .executeTakeFirst();
  return row?.code;
}

/** Inserts the articles not there yet; returns how many were inserted. */
export async function seedNews(db: Kysely<Database>, { samples }: { samples: boolean }): Promise<number> {
  const wanted = samples ? [...realArticles, ...sampleArticles] : realArticles;
  const existing = new Set((await db.selectFrom('articles').select('slug').where('slug', 'in', wanted.map((a) => a.slug)).execute()).map((r) => r.slug));
  let inserted = 0;
  for (const article of wanted) {
    if (existing.has(article.slug)) continue;
    const links: Array<{ kind: ArticleLinkKind; target: string }> = [];
    for (const [prefecture, name] of article.municipalities ?? []) {
      const code = await municipalityCode(db, prefecture, name);
      if (code) links.push({ kind: 'municipality', target: code });
    }
    const id = randomUUID();
    const publishAt = new Date(`${article.postedOn}T09:00:00+09:00`).toISOString();
    const now = new Date().toISOString();
    const snapshot = {
      slug: article.slug,
      title: article.title,
      category: article.category,
      summary: article.summary,
      body: article.body,
      sourceUrl: article.source,
      attachments: [],
      photos: [],
      links,
      status: 'published',
      publishAt,
    };
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('articles')
        .values({
          id,
          slug: article.slug,
          title: article.title,
          category: article.category,
          summary: article.summary,
          body: article.body,
          status: 'published',
          publish_at: publishAt,
          published_at: publishAt,
          source_url: article.source,
          provenance: article.provenance,
          version: 1,
          created_by: null,
          updated_by: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      if (links.length > 0) await trx.insertInto('article_links').values(links.map((l, position) => ({ article_id: id, ...l, position }))).execute();
      await trx.insertInto('article_versions').values({ article_id: id, version: 1, snapshot: JSON.stringify(snapshot), note: '初期データ', saved_by: null, saved_at: now }).execute();
      await bumpRevision(trx, 'news');
    });
    inserted++;
  }
  return inserted;
}
