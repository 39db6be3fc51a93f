// Pages kept per member session (src/views/page-cache.ts, `keptPerSession`), through the board's
// reading pages on both engines: a member's page is served again only to the same session with the
// same CSRF cookie, its CSRF token still works, and every change it shows makes the next request
// fresh — a post by someone else, the member's own reads and watches (the account's view revision),
// an author's new display name (the 'accounts' topic), the end of the 30-minute board visit, and
// the same changes made through another app instance on the same database.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../src/db/index.ts';
import type { Database } from '../src/db/schema.ts';
import { replyToThread, startThread } from '../src/features/board/commands.ts';
import { clientSignedInAs, insertAccount } from './accounts.ts';
import { TestClient } from './client.ts';
import { describeEachEngine, otherInstance } from './helper.ts';

const cacheOf = (res: LightMyRequestResponse) => res.headers['x-page-cache'];
/** The 「未読」 link of a thread in a thread list. */
const unreadLink = (threadId: number) => new RegExp(`/board/t/${threadId}(\\?unread=1)?">未読`);

/** Asks the page until it comes from the member's kept pages; the answers on the way are fresh. */
async function untilKept(client: TestClient, url: string): Promise<LightMyRequestResponse> {
  for (let i = 0; i < 5; i++) {
    const res = await client.get(url);
    assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 300)}`);
    if (cacheOf(res) === 'hit') return res;
  }
  throw new Error(`${url} was never served from the kept pages`);
}

async function newThread(db: Kysely<Database>, authorId: string, title: string, replies = 0): Promise<number> {
  const category = await db.selectFrom('board_categories').select('id').where('slug', '=', 'calls').executeTakeFirstOrThrow();
  const who = { id: authorId, ip: '127.0.0.1' };
  const { threadId } = await startThread(db, who, { categoryId: category.id, title, body: `${title}の本文です。`, addresseeCode: null, fileIds: [] });
  for (let i = 1; i <= replies; i++) await replyToThread(db, who, threadId, { body: `${title}への返信${i}`, replyToPostId: null, fileIds: [] });
  return threadId;
}

describeEachEngine('pages kept per member session', (current) => {
  const db = () => current().database.handle.db;
  let readerId = '';
  let writerId = '';
  let reader: TestClient;
  let writer: TestClient;

  before(async () => {
    const { app } = current();
    readerId = await insertAccount(db(), { role: 'member', code: '012211', name: '名寄の控え読者' });
    writerId = await insertAccount(db(), { role: 'ward_staff', code: '131016', name: '千代田の書き手' });
    reader = await clientSignedInAs(app, db(), readerId);
    writer = await clientSignedInAs(app, db(), writerId);
  });

  test("a member's thread page is kept for that session only, and its CSRF token still works", async () => {
    const threadId = await newThread(db(), writerId, '控えの確認スレッド', 2);
    const url = `/board/t/${threadId}`;
    const kept = await untilKept(reader, url);
    assert.match(kept.body, /控えの確認スレッドへの返信2/);
    assert.equal(kept.headers['cache-control'], 'no-store', 'a member’s page is never stored by a browser or proxy');
    assert.match(String(kept.headers['content-security-policy']), /default-src 'self'/, 'security headers on a kept page too');

    // The same account in another browser (another session), and this session without its CSRF cookie.
    const otherSession = await clientSignedInAs(current().app, db(), readerId);
    for (let i = 0; i < 2; i++) assert.equal(cacheOf(await otherSession.get(url)), undefined);
    const withoutCsrf = new TestClient(current().app);
    withoutCsrf.cookies.set('renkei_session', reader.cookies.get('renkei_session')!);
    const fresh = await withoutCsrf.get(url);
    assert.equal(cacheOf(fresh), undefined);
    assert.ok(fresh.cookies.some((c) => c.name === 'renkei_csrf'), 'a page made without a CSRF cookie sets one');

    // The token of the kept page (the client takes it from the last page it saw) is accepted.
    const posted = await reader.post(`${url}/reply`, { body: '控えのページから返信します。', replyTo: '' });
    assert.equal(posted.statusCode, 303, posted.body.slice(0, 500));
    const after = await reader.get(url);
    assert.equal(cacheOf(after), undefined, 'the reply changed the board');
    assert.match(after.body, /控えのページから返信します。/);
  });

  test("someone else's reply, the member's own reads and watches: the next page is fresh", async () => {
    const threadId = await newThread(db(), writerId, '既読と新着の確認', 1);
    const otherThreadId = await newThread(db(), writerId, '別のスレッドで既読', 3);
    const url = `/board/t/${threadId}`;
    await untilKept(reader, url);

    await replyToThread(db(), { id: writerId, ip: '127.0.0.1' }, threadId, { body: '書き手からの新しい返信', replyToPostId: null, fileIds: [] });
    const afterReply = await reader.get(url);
    assert.equal(cacheOf(afterReply), undefined);
    assert.match(afterReply.body, /書き手からの新しい返信/);

    // /board counts the unread posts of the other thread; reading it changes that count.
    const index = await untilKept(reader, '/board');
    assert.match(index.body, unreadLink(otherThreadId));
    await reader.get(`/board/t/${otherThreadId}`);
    const afterRead = await reader.get('/board');
    assert.equal(cacheOf(afterRead), undefined, 'reading another thread changed what /board shows');
    assert.doesNotMatch(afterRead.body, unreadLink(otherThreadId));

    // Watching is the member's own state too.
    const kept = await untilKept(reader, url);
    assert.match(kept.body, /ウォッチする（新しい投稿を通知）/);
    const watched = await reader.post(`${url}/watch`, { watch: '1' });
    assert.equal(watched.statusCode, 303);
    const afterWatch = await reader.get(url);
    assert.equal(cacheOf(afterWatch), undefined);
    assert.match(afterWatch.body, /ウォッチをやめる/);
  });

  test("an author's new display name is on the next page", async () => {
    const threadId = await newThread(db(), writerId, '表示名の変更の確認');
    const url = `/board/t/${threadId}`;
    assert.match((await untilKept(reader, url)).body, /千代田の書き手/);
    await writer.get('/member/profile');
    const saved = await writer.post('/member/profile', { display_name: '千代田の新しい名前', department: '企画課', full_name: '試験 太郎', full_name_kana: 'シケン タロウ', phone: '03-0000-0000' });
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 500));
    const after = await reader.get(url);
    assert.equal(cacheOf(after), undefined);
    assert.match(after.body, /千代田の新しい名前/);
    assert.doesNotMatch(after.body, /千代田の書き手/);
  });

  test('the board front page is kept only until the 30-minute visit ends', async () => {
    const member = await clientSignedInAs(current().app, db(), await insertAccount(db(), { role: 'member', code: '012025', name: '旭川の訪問者' }));
    await member.get('/board');
    // The visit began 29 min 58.5 s ago: a page made now is right for 1.5 s more.
    const began = new Date(Date.now() - 30 * 60_000 + 1_500).toISOString();
    const visitor = await db().selectFrom('accounts').select('id').where('display_name', '=', '旭川の訪問者').executeTakeFirstOrThrow();
    await db().updateTable('board_visits').set({ last_visit_at: began, previous_visit_at: began }).where('account_id', '=', visitor.id).execute();
    await untilKept(member, '/board');
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    assert.equal(cacheOf(await member.get('/board')), undefined, 'a new visit is recorded, not the kept page served');
    const visit = await db().selectFrom('board_visits').selectAll().where('account_id', '=', visitor.id).executeTakeFirstOrThrow();
    assert.equal(visit.previous_visit_at, began, 'the visit that ended is now the previous one');
  });

  describeOtherInstance(current, () => ({ reader, readerId, writerId }));
});

/** A second app instance on the same database, as in a multi-instance deployment. */
function describeOtherInstance(
  current: () => { app: FastifyInstance; database: { config: Parameters<typeof openDatabase>[0]; handle: DatabaseHandle } },
  people: () => { reader: TestClient; readerId: string; writerId: string },
): void {
  const second = otherInstance(current);

  test("the member's reads through another instance make this instance's kept page fresh", async () => {
    const { reader, readerId, writerId } = people();
    const threadId = await newThread(current().database.handle.db, writerId, '別のインスタンスで既読', 2);
    const index = await untilKept(reader, '/board');
    assert.match(index.body, unreadLink(threadId));
    // The same session, served by the other instance.
    const elsewhere = await clientSignedInAs(second().app, second().handle.db, readerId);
    for (const [name, value] of reader.cookies) elsewhere.cookies.set(name, value);
    assert.equal((await elsewhere.get(`/board/t/${threadId}`)).statusCode, 200);
    const after = await reader.get('/board');
    assert.equal(cacheOf(after), undefined);
    assert.doesNotMatch(after.body, unreadLink(threadId));
  });
}
