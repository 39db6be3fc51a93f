// Synthetic benchmark volume for the members' board: 100,000 posts in about 4,000 threads over the
// board's categories, written by 300 synthetic members from municipalities and wards all over Japan,
// with one thread of exactly 200 posts (10 pages) that is still active, so the front page shows it.
// Every thread is titled 「【合成データ】…」 and every post begins with 【合成データ】; the accounts are
// named 「合成データ…」 under the reserved domain bench.invalid. Generated with a fixed seed so every
// run measures the same data. For `npm run bench` only: never loaded by `npm start`, never real.
//
// Written as the app would leave it, in bulk: posts with their positions, replies to earlier posts,
// a few hidden or deleted; the board's own search index filled with the board's own token function
// (boardPostTokens, as indexPost does; hidden and deleted posts are not indexed, as the app removes
// them); each author's read position in the threads they posted in (the app marks a post read by its
// author), the author watching their own thread; and, for the member the bench signs in as, read
// positions in part of the threads and a previous visit, so 未読 and 新着 marks are computed.
import { randomUUID } from 'node:crypto';
import { PostgresAdapter, sql, type Insertable, type Kysely } from 'kysely';
import type { Database, Role } from '../src/db/schema.ts';
import { createSession, sessionCookieName } from '../src/db/sessions.ts';
import { boardPostTokens } from '../src/features/board/search.ts';
import { hashPassword } from '../src/security/passwords.ts';
import { prng } from './prng.ts';

export const syntheticBoardPostCount = 100_000;
/** The one thread of exactly this many posts (the bench's 「200-post thread」 target). */
export const longThreadPosts = 200;
export const longThreadTitle = '【合成データ】区民まつりでの物産展の共同出店について（200件のスレッド）';
/** The account the bench signs in as (a member, not the secretariat: no second factor needed). */
export const benchMemberEmail = 'synthetic-bench-member@bench.invalid';

const AUTHORS = 300;
/** Rows per INSERT: posts have 13 columns, under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;
const DAY = 86_400_000;

// What members write about. Topics are picked with falling weight (the first often, the last
// seldom), so a search word may match tens of thousands of posts (防災, 観光, 連携), hundreds (給食)
// or a handful (木育).
const TOPICS = [
  '防災訓練', '観光PR', '物産展', '連携協定', '移住相談', '子育て支援', '環境学習', 'ふるさと納税', '職員派遣', '交流事業',
  '農業体験', '学校給食', 'スポーツ交流', '伝統工芸', '廃校活用', '棚田保全', 'ジビエ料理', '星空観察', '木育',
];
const PRODUCTS = ['りんご', '日本酒', '海産物', '木工品', '新米', '緑茶', '和紙', '陶器', 'はちみつ', '干し椎茸'];
const VENUES = ['区役所ロビー', '区民ホール', '駅前広場', 'アンテナショップ', '地区センター', '区立公園'];
const EVENTS = ['区民まつり', '産業フェア', '観光物産展', '環境フェスタ', '防災フェア', 'ふるさと祭り'];
const DEPARTMENTS = ['企画課', '観光課', '危機管理課', '産業振興課', '子育て支援課', '環境課', '文化振興課'];
const WEEKDAYS = ['月曜日', '火曜日', '水曜日', '木曜日', '金曜日'];

type Random = () => number;
const pickFrom = (random: Random) => <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
/** An index weighted towards the start of the list (about 1/(i+1)). */
const zipf = (random: Random, n: number) => Math.min(n - 1, Math.floor(Math.exp(random() * Math.log(n + 1)) - 1));

function sentence(random: Random, place: string, topic: string): string {
  const pick = pickFrom(random);
  const month = 1 + Math.floor(random() * 12);
  const count = (1 + Math.floor(random() * 30)) * 10;
  const templates = [
    () => `${place}と${topic}の連携を検討しています。`,
    () => `${month}月に${pick(VENUES)}で${topic}を開催する予定です。`,
    () => `昨年度の${topic}では、${count}名の参加がありました。`,
    () => `${topic}の進め方について、経験のある自治体からご助言をいただけると助かります。`,
    () => `当方では${topic}の担当は${pick(DEPARTMENTS)}です。`,
    () => `ご提案ありがとうございます。庁内で調整のうえ、${pick(WEEKDAYS)}までにご連絡します。`,
    () => `${place}の${pick(PRODUCTS)}を${pick(EVENTS)}で紹介できないでしょうか。`,
    () => `参加費は無料、定員は${count}名を想定しています。`,
    () => `日程の候補は${month}月${1 + Math.floor(random() * 28)}日と${1 + (month % 12)}月${1 + Math.floor(random() * 28)}日です。`,
    () => `予算の関係で、${topic}は来年度からの実施になりそうです。`,
    () => `出店者の募集は${month}月末までです。搬入は前日の午後を予定しています。`,
    () => `詳しい要綱は[こちら](https://example.jp/synthetic/board/${count})をご覧ください。`,
  ];
  return pick(templates)();
}

function postBody(random: Random, place: string, topic: string, quote: string | null): string {
  const lines = ['【合成データ】'];
  if (quote) lines.push(`> ${quote}`, '');
  const sentences = 2 + Math.floor(random() * 4);
  const text: string[] = [];
  for (let i = 0; i < sentences; i++) text.push(sentence(random, place, random() < 0.8 ? topic : TOPICS[zipf(random, TOPICS.length)]!));
  lines.push(text.join(''));
  if (random() < 0.15) lines.push('', `- 日時：${1 + Math.floor(random() * 12)}月の土曜日（合成データ）`, `- 会場：${pickFrom(random)(VENUES)}（合成データ）`);
  return lines.join('\n');
}

interface Author {
  id: string;
  place: string;
  code: string;
}

/** Inserts the board volume (one transaction, in chunks); returns how many threads and posts. */
export async function seedSyntheticBoard(db: Kysely<Database>, total = syntheticBoardPostCount): Promise<{ threads: number; posts: number }> {
  const random = prng(20261209);
  const pick = pickFrom(random);
  const governments = await db.selectFrom('local_governments').select(['code', 'name', 'kind']).where('level', '=', 'municipality').where('is_counted', '=', 1).orderBy('code').execute();
  const categories = await db.selectFrom('board_categories').select(['id', 'slug', 'secretariat_only']).where('archived', '=', 0).orderBy('position').execute();
  if (categories.length === 0) throw new Error('synthetic board: no board categories (the seed makes them on any start)');
  const now = Date.now();
  const nowIso = new Date(now).toISOString();
  // A real hash of a random password nobody knows: the accounts are whole, but nobody signs in with them.
  const passwordHash = await hashPassword(randomUUID());

  const account = (i: number, role: Role, government: { code: string; name: string } | null, email: string, displayName: string): Insertable<Database['accounts']> => ({
    id: randomUUID(),
    email,
    password_hash: passwordHash,
    role,
    status: 'active',
    local_government_code: government?.code ?? null,
    department: `${DEPARTMENTS[i % DEPARTMENTS.length]}（合成データ）`,
    full_name: `合成データ 会員${i}`,
    full_name_kana: `ゴウセイデータ カイイン${i}`,
    display_name: displayName,
    phone: '',
    terms_accepted_at: nowIso,
    email_verified_at: nowIso,
    decided_at: nowIso,
    totp_secret: null,
    totp_enabled_at: null,
    password_changed_at: nowIso,
    created_at: nowIso,
    updated_at: nowIso,
  });
  const accounts: Array<Insertable<Database['accounts']>> = [];
  const authors: Author[] = [];
  for (let i = 0; i < AUTHORS; i++) {
    const government = pick(governments);
    const row = account(i, government.kind === '特別区' ? 'ward_staff' : 'member', government, `synthetic-board-${i}@bench.invalid`, `合成データ${government.name}${i}`);
    accounts.push(row);
    authors.push({ id: row.id, place: government.name, code: government.code });
  }
  // The secretariat writes the notices (secretariat-only category); it is never signed in as.
  const secretariat = account(AUTHORS, 'secretariat', null, 'synthetic-board-secretariat@bench.invalid', '合成データ事務局');
  accounts.push(secretariat);
  const benchGovernment = governments.find((g) => g.kind !== '特別区')!;
  const benchMember = account(AUTHORS + 1, 'member', benchGovernment, benchMemberEmail, '合成データ計測用会員');
  accounts.push(benchMember);

  const threadBase = Number((await db.selectFrom('board_threads').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst())?.m ?? 0) + 1;
  const postBase = Number((await db.selectFrom('board_posts').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst())?.m ?? 0) + 1;

  // Thread sizes: mostly short, some long (mean about 24), then the 200-post thread, to exactly `total`.
  const sizes: number[] = [];
  let remaining = total - longThreadPosts;
  while (remaining > 0) {
    const size = Math.min(remaining, 1 + Math.floor(80 * random() ** 2.5));
    sizes.push(size);
    remaining -= size;
  }
  const longIndex = sizes.length;
  sizes.push(longThreadPosts);

  const threads: Array<Insertable<Database['board_threads']>> = [];
  const watches: Array<Insertable<Database['board_watches']>> = [];
  const reads = new Map<string, Insertable<Database['board_reads']>>();
  const benchReads: Array<Insertable<Database['board_reads']>> = [];
  /** Posts before their ids: the app numbers posts in the order they are written, so ids follow created_at. */
  const drafts: Array<Omit<Insertable<Database['board_posts']>, 'id' | 'reply_to_post_id'> & { replyToPosition: number | null; title: string }> = [];
  const span = 730 * DAY;

  for (const [t, size] of sizes.entries()) {
    const threadId = threadBase + t;
    const isLong = t === longIndex;
    const category = isLong ? categories.find((c) => c.slug === 'industry') ?? categories[0]! : categories[zipf(random, categories.length)]!;
    const byStaff = Number(category.secretariat_only) === 1;
    const opener = byStaff ? { id: secretariat.id, place: '事務局', code: '' } : pick(authors);
    const topic = isLong ? '物産展' : TOPICS[zipf(random, TOPICS.length)]!;
    // Threads start over the last two years in order; the long one began a month ago and is still going.
    const startedAt = isLong ? now - 30 * DAY : now - span + Math.floor((span * t) / sizes.length) - Math.floor(random() * DAY);
    const gap = isLong ? Math.floor((30 * DAY - 3_600_000) / size) : Math.floor((1 + random() * 12) * 3_600_000);
    const title = isLong ? longThreadTitle : `【合成データ】${opener.place}の${topic}について ${t + 1}`;
    const addressee = !isLong && !byStaff && random() < 0.15 ? pick(governments).code : null;
    let lastAt = startedAt;
    const bodies: string[] = [];
    for (let position = 1; position <= size; position++) {
      const author = position === 1 ? opener : byStaff ? (random() < 0.5 ? { id: secretariat.id, place: '事務局', code: '' } : pick(authors)) : random() < 0.2 ? opener : pick(authors);
      // Strictly after the previous post of the thread, never in the future.
      const at = Math.max(lastAt + (position > 1 ? 1_000 : 0), Math.min(now - 60_000 - (size - position) * 1_000, startedAt + (position - 1) * gap + Math.floor(random() * gap * 0.5)));
      lastAt = at;
      const iso = new Date(at).toISOString();
      const repliesTo = position > 2 && random() < 0.25 ? 1 + Math.floor(random() * (position - 1)) : null;
      const quote = repliesTo && random() < 0.5 ? bodies[repliesTo - 1]!.split('\n').at(-1)!.slice(0, 40) : null;
      const body = postBody(random, author.place === '事務局' ? opener.place : author.place, topic, quote);
      bodies.push(body);
      const hidden = position > 1 && random() < 0.004;
      const deleted = !hidden && position > 1 && random() < 0.003;
      drafts.push({
        thread_id: threadId,
        position,
        author_id: author.id,
        body,
        replyToPosition: repliesTo,
        title,
        hidden: hidden ? 1 : 0,
        moderation_reason: hidden ? '【合成データ】個人情報が含まれていたため非表示にしました。' : null,
        deleted_at: deleted ? iso : null,
        edited_at: null,
        is_sample: 0,
        created_at: iso,
        updated_at: iso,
      });
      // Posting marks the thread read up to one's own post (replyToThread → markRead).
      reads.set(`${author.id}|${threadId}`, { account_id: author.id, thread_id: threadId, read_position: position, updated_at: iso });
    }
    const lastIso = new Date(lastAt).toISOString();
    threads.push({
      id: threadId,
      category_id: category.id,
      title,
      author_id: opener.id,
      addressee_code: addressee,
      status: isLong || lastAt > now - 90 * DAY ? 'open' : pick(['open', 'agreed', 'closed'] as const),
      project_id: null,
      pinned: byStaff && t % 97 === 0 ? 1 : 0,
      locked: 0,
      hidden: 0,
      moderation_reason: null,
      last_position: size,
      last_posted_at: lastIso,
      is_sample: 0,
      created_at: new Date(startedAt).toISOString(),
      updated_at: lastIso,
    });
    watches.push({ account_id: opener.id, target_type: 'thread', target_id: String(threadId), created_at: new Date(startedAt).toISOString() });
    // The bench's member has read a third of the threads through, another third partly; the long one up to post 120.
    const seen = isLong ? 120 : random() < 1 / 3 ? size : random() < 0.5 ? Math.max(1, Math.floor(size * random())) : 0;
    if (seen > 0) benchReads.push({ account_id: benchMember.id, thread_id: threadId, read_position: seen, updated_at: lastIso });
  }

  // Ids in the order of writing (created_at; ISO strings of one length sort as times).
  drafts.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.thread_id - b.thread_id || a.position - b.position));
  const idAt = new Map<string, number>(drafts.map((d, i) => [`${d.thread_id}|${d.position}`, postBase + i]));

  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < accounts.length; i += CHUNK) await trx.insertInto('accounts').values(accounts.slice(i, i + CHUNK)).execute();
    for (let i = 0; i < threads.length; i += CHUNK) await trx.insertInto('board_threads').values(threads.slice(i, i + CHUNK)).execute();
    for (let i = 0; i < drafts.length; i += CHUNK) {
      const chunk = drafts.slice(i, i + CHUNK).map(({ replyToPosition, title, ...post }, k) => ({
        post: { ...post, id: postBase + i + k, reply_to_post_id: replyToPosition ? idAt.get(`${post.thread_id}|${replyToPosition}`)! : null },
        title,
      }));
      await trx.insertInto('board_posts').values(chunk.map((c) => c.post)).execute();
      // Only what the app keeps in the index: visible posts (hiding and deleting unindex at once).
      const indexed = chunk.filter((c) => c.post.hidden === 0 && c.post.deleted_at === null);
      if (indexed.length) {
        await trx
          .insertInto('board_search')
          .values(indexed.map((c) => ({ post_id: c.post.id, thread_id: c.post.thread_id, tokens: boardPostTokens({ threadTitle: c.title, body: c.post.body, isOpening: c.post.position === 1 }) })))
          .execute();
      }
    }
    const readRows = [...reads.values(), ...benchReads];
    for (let i = 0; i < readRows.length; i += CHUNK) await trx.insertInto('board_reads').values(readRows.slice(i, i + CHUNK)).execute();
    for (let i = 0; i < watches.length; i += CHUNK) await trx.insertInto('board_watches').values(watches.slice(i, i + CHUNK)).execute();
    // The member's previous visit was three days ago, the last one two hours ago: threads active since are 「新着」.
    await trx
      .insertInto('board_visits')
      .values({ account_id: benchMember.id, previous_visit_at: new Date(now - 3 * DAY).toISOString(), last_visit_at: new Date(now - 2 * 3_600_000).toISOString() })
      .execute();
    // Ids were given explicitly (to link posts, replies and index rows without reading them back):
    // PostgreSQL's sequences must move past them, as SQLite's AUTOINCREMENT does by itself.
    if (trx.getExecutor().adapter instanceof PostgresAdapter) {
      for (const table of ['board_threads', 'board_posts'] as const) {
        await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(trx);
      }
    }
  });
  return { threads: sizes.length, posts: total };
}

/** The id of the 200-post thread (found by its title, so a kept database works too). */
export async function longThreadId(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('board_threads').select('id').where('title', '=', longThreadTitle).executeTakeFirstOrThrow();
  return Number(row.id);
}

/**
 * Signs the bench's member in, as /login does once the password is right (a session row made by the
 * app's own session module), and returns the Cookie header for the board targets. `secureCookies`
 * decides the cookie's name as the app's config does (PUBLIC_URL https → __Host-).
 */
export async function benchMemberCookie(db: Kysely<Database>, secureCookies: boolean): Promise<string> {
  const member = await db.selectFrom('accounts').select('id').where('email', '=', benchMemberEmail).executeTakeFirstOrThrow();
  const { token } = await createSession(db, { accountId: member.id, stage: 'authenticated', ip: '127.0.0.1', userAgent: 'renkei-bench (synthetic member)' });
  return `${sessionCookieName(secureCookies)}=${token}`;
}
