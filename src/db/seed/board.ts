// The members' board: its categories (always: the pamphlet 「連携事業の分野」's six fields, then
// 連携の呼びかけ, 相談・質問 and 事務局からのお知らせ, where only the secretariat posts), and, with demo
// data only, a few threads and replies between the sample accounts, each marked 「サンプル」.
// Idempotent: categories by slug, samples once.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { indexTokens } from '../../domain/search-tokens.ts';
import type { Database } from '../schema.ts';

interface CategorySpec {
  slug: string;
  name: string;
  nameEn: string;
  description: string;
  field: number | null;
  secretariatOnly?: boolean;
}

/** Names of fields 1–6 as printed in the pamphlet (/work/shared/seed/000_e3719b8c6bd7736b.txt, 「連携事業の分野」). */
export const boardCategorySpecs: readonly CategorySpec[] = [
  { slug: 'industry', name: '産業振興', nameEn: 'Industry', description: '各地域の特産品の販売促進、技術・技能紹介等の取組み', field: 1 },
  { slug: 'tourism', name: '観光振興', nameEn: 'Tourism', description: '観光PR、伝統文化等の紹介等に資する取組み', field: 2 },
  { slug: 'culture', name: '文化芸術振興', nameEn: 'Culture and the arts', description: '各地域と連携した文化イベントの実施等の取組み', field: 3 },
  { slug: 'sport', name: '東京2020オリンピック・パラリンピックを契機とした活性化', nameEn: 'Sport and the Tokyo 2020 Games', description: 'スポーツを通じた交流、文化プログラムに関する取組み', field: 4 },
  { slug: 'challenges', name: '相互の地域課題への挑戦', nameEn: 'Shared local challenges', description: '防災対策、少子高齢化対策、環境対策等に資する取組み', field: 5 },
  { slug: 'exchange', name: '新しい住民交流スタイルの模索', nameEn: 'New ways for residents to meet', description: '二地域居住等の交流の模索、交流事業の紹介等の取組み', field: 6 },
  { slug: 'calls', name: '連携の呼びかけ', nameEn: 'Calls for partners', description: '一緒に取り組む自治体を探す呼びかけ', field: null },
  { slug: 'questions', name: '相談・質問', nameEn: 'Questions', description: '事業の進め方や手続きの相談', field: null },
  { slug: 'notices', name: '事務局からのお知らせ', nameEn: 'From the secretariat', description: '事務局からのお知らせ（事務局のみ投稿）', field: null, secretariatOnly: true },
];

export async function seedBoardCategories(db: Kysely<Database>): Promise<void> {
  const now = new Date().toISOString();
  const existing = new Set((await db.selectFrom('board_categories').select('slug').execute()).map((r) => r.slug));
  const missing = boardCategorySpecs.filter((c) => !existing.has(c.slug));
  if (missing.length === 0) return;
  await db
    .insertInto('board_categories')
    .values(
      missing.map((c) => ({
        id: randomUUID(),
        slug: c.slug,
        name: c.name,
        name_en: c.nameEn,
        description: c.description,
        position: (boardCategorySpecs.indexOf(c) + 1) * 10,
        secretariat_only: c.secretariatOnly ? 1 : 0,
        field: c.field,
        archived: 0,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}

interface SampleThread {
  category: string;
  title: string;
  status: 'open' | 'agreed' | 'closed';
  /** Posts in order: [sample account email, body]. */
  posts: Array<[string, string]>;
}

const secretariat = 'sample-secretariat@renkei.example';
const ward = 'sample-ward@renkei.example';
const member = 'sample-member@renkei.example';

const sampleThreads: SampleThread[] = [
  {
    category: 'notices',
    title: '【サンプル】掲示板の使い方',
    status: 'open',
    posts: [[secretariat, '【サンプル】会員の皆さまが情報交換するための掲示板です。\n\n- 返信は「返信する」から\n- 新しい投稿を知りたいスレッドは「ウォッチする」\n- 気になる投稿は「事務局に通報」\n\nこの投稿はサンプルです。']],
  },
  {
    category: 'calls',
    title: '【サンプル】物産展に一緒に出店する自治体を探しています',
    status: 'open',
    posts: [
      [ward, '【サンプル】区の物産展（秋ごろ）に一緒に出店していただける自治体を探しています。特産品の販売と観光PRのブースを予定しています。'],
      [member, '【サンプル】関心があります。出店料と搬入の方法を教えてください。'],
      [ward, '【サンプル】ありがとうございます。出店料はかかりません。搬入は前日の午後を予定しています。詳細は追ってご連絡します。'],
    ],
  },
  {
    category: 'challenges',
    title: '【サンプル】防災備蓄品の相互融通について',
    status: 'agreed',
    posts: [
      [member, '【サンプル】災害時の備蓄品の相互融通について、他の自治体の取り組みを伺いたいです。'],
      [ward, '【サンプル】当区では協定先と年1回、備蓄品の情報を交換しています。様式を共有できます。'],
      [secretariat, '【サンプル】成立おめでとうございます。連携事業としての登録は事務局で行います。'],
    ],
  },
  {
    category: 'questions',
    title: '【サンプル】連携事業の報告書の様式はありますか',
    status: 'closed',
    posts: [
      [member, '【サンプル】連携事業の実施報告の様式があれば教えてください。'],
      [secretariat, '【サンプル】決まった様式はありません。事業名・実施日・参加自治体・概要をお知らせください。'],
    ],
  },
];

export async function seedBoardSamples(db: Kysely<Database>): Promise<void> {
  const already = await db.selectFrom('board_threads').select('id').where('is_sample', '=', 1).executeTakeFirst();
  if (already) return;
  const accounts = new Map((await db.selectFrom('accounts').select(['id', 'email']).where('email', 'in', [secretariat, ward, member]).execute()).map((a) => [a.email, a.id]));
  const categories = new Map((await db.selectFrom('board_categories').select(['id', 'slug']).execute()).map((c) => [c.slug, c.id]));
  if (accounts.size < 3) return;
  // Spread over the last days, oldest first, so that the front page shows a lived-in order.
  let minutesAgo = sampleThreads.length * 600;
  await db.transaction().execute(async (trx) => {
    for (const t of sampleThreads) {
      const at = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
      const started = at(minutesAgo);
      const lastAt = at(minutesAgo - (t.posts.length - 1) * 45);
      const thread = await trx
        .insertInto('board_threads')
        .values({
          category_id: categories.get(t.category)!,
          title: t.title,
          author_id: accounts.get(t.posts[0]![0])!,
          addressee_code: null,
          status: t.status,
          project_id: null,
          pinned: t.category === 'notices' ? 1 : 0,
          locked: 0,
          hidden: 0,
          moderation_reason: null,
          last_position: t.posts.length,
          last_posted_at: lastAt,
          is_sample: 1,
          created_at: started,
          updated_at: lastAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [i, [email, body]] of t.posts.entries()) {
        const postAt = at(minutesAgo - i * 45);
        const post = await trx
          .insertInto('board_posts')
          .values({ thread_id: Number(thread.id), position: i + 1, author_id: accounts.get(email)!, body, reply_to_post_id: null, hidden: 0, moderation_reason: null, deleted_at: null, edited_at: null, is_sample: 1, created_at: postAt, updated_at: postAt })
          .returning('id')
          .executeTakeFirstOrThrow();
        // The board's own search index (src/features/board/search.ts), never the public one.
        await trx.insertInto('board_search').values({ post_id: Number(post.id), thread_id: Number(thread.id), tokens: indexTokens([i === 0 ? t.title : '', body]) }).execute();
      }
      await trx.insertInto('board_watches').values({ account_id: accounts.get(t.posts[0]![0])!, target_type: 'thread', target_id: String(thread.id), created_at: started }).execute();
      minutesAgo -= 600;
    }
  });
}
