// The board's shared page data (shared-data.ts), kept per board revision, on both engines through
// the real app: a change shows at once on the next page (also one made by another instance, which
// tells this one nothing but the database's revision), one member's marks, hidden posts and hidden
// threads never reach another member, and the copy stays within its bounds.
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { openDatabase, type DatabaseHandle } from '../../db/index.ts';
import { bumpRevision, readRevision } from '../../db/revisions.ts';
import { clientSignedInAs, insertAccount } from '../../../test/accounts.ts';
import type { TestClient } from '../../../test/client.ts';
import { describeEachEngine, testConfig } from '../../../test/helper.ts';
import { editPost, moderatePost, moderateThread, replyToThread, startThread } from './commands.ts';
import { BoardSharedData } from './shared-data.ts';

describeEachEngine('board shared data', (current) => {
  const db = () => current().database.handle.db;
  let alice: TestClient;
  let bob: TestClient;
  let aliceId = '';
  let bobId = '';
  let staffId = '';
  let categoryId = '';
  // A second instance on the same database: its own connection, its own copy of the shared data.
  let secondHandle: DatabaseHandle;
  let second: FastifyInstance;

  before(async () => {
    const { app, database } = current();
    aliceId = await insertAccount(db(), { role: 'member', code: '012211', name: '名寄のアリス' });
    bobId = await insertAccount(db(), { role: 'member', code: '012025', name: '旭川のボブ' });
    staffId = await insertAccount(db(), { role: 'secretariat', code: null, twoFactor: true, name: '事務局の係' });
    alice = await clientSignedInAs(app, db(), aliceId);
    bob = await clientSignedInAs(app, db(), bobId);
    categoryId = (await db().selectFrom('board_categories').select('id').where('slug', '=', 'questions').executeTakeFirstOrThrow()).id;
    secondHandle = openDatabase(database.config);
    second = await buildApp({ config: testConfig(database.config), database: secondHandle });
    await second.ready();
  });

  after(async () => {
    await second?.close();
    await secondHandle?.close();
  });

  const who = (id: string) => ({ id, ip: '127.0.0.1' });
  const newThread = (authorId: string, title: string, body: string) => startThread(db(), who(authorId), { categoryId, title, body, addresseeCode: null, fileIds: [] });

  test('an edit, a hidden post and a new reply show on the next page, however warm the copy', async () => {
    const { threadId, postId } = await newThread(aliceId, '共有データの試験', '最初の本文です');
    for (let i = 0; i < 2; i++) assert.match((await bob.get(`/board/t/${threadId}`)).body, /最初の本文です/);
    const stored = await db().selectFrom('board_posts').select('updated_at').where('id', '=', postId).executeTakeFirstOrThrow();
    assert.deepEqual(await editPost(db(), who(aliceId), { postId, expectedUpdatedAt: stored.updated_at }, { body: '直した本文です' }), { ok: true });
    const edited = await bob.get(`/board/t/${threadId}`);
    assert.match(edited.body, /直した本文です/);
    assert.doesNotMatch(edited.body, /最初の本文です/);

    await moderatePost(db(), who(staffId), postId, { kind: 'hide', reason: '試験のため非表示' });
    const hiddenForBob = await bob.get(`/board/t/${threadId}`);
    assert.doesNotMatch(hiddenForBob.body, /直した本文です/);
    assert.match(hiddenForBob.body, /事務局により非表示/);
    // The same kept page, shown to its author: the body and the reason.
    const forAlice = await alice.get(`/board/t/${threadId}`);
    assert.match(forAlice.body, /直した本文です/);
    assert.match(forAlice.body, /試験のため非表示/);
    // And to Bob again after Alice's view: nothing of hers carried over.
    assert.doesNotMatch((await bob.get(`/board/t/${threadId}`)).body, /直した本文です/);

    // An author's new display name (no board revision; the 'accounts' one, raised as the profile form
    // does) shows on the kept lists and posts.
    await db().updateTable('accounts').set({ display_name: '名寄のアリス（改名）' }).where('id', '=', aliceId).execute();
    await bumpRevision(db(), 'accounts');
    assert.match((await bob.get('/board/c/questions')).body, /名寄のアリス（改名）/);
    assert.match((await bob.get(`/board/t/${threadId}`)).body, /名寄のアリス（改名）/);
    await db().updateTable('accounts').set({ display_name: '名寄のアリス' }).where('id', '=', aliceId).execute();
    await bumpRevision(db(), 'accounts');

    await replyToThread(db(), who(bobId), threadId, { body: 'ボブの返信です', replyToPostId: null, fileIds: [] });
    assert.match((await alice.get(`/board/t/${threadId}`)).body, /ボブの返信です/);
    assert.match((await alice.get('/board/c/questions')).body, /投稿 2件/);
  });

  test('unread marks are each member’s own, on the same kept lists and pages', async () => {
    const { threadId } = await newThread(aliceId, '既読の区別の試験スレッド', '未読の試験です');
    await replyToThread(db(), who(aliceId), threadId, { body: '二番目の投稿', replyToPostId: null, fileIds: [] });
    // Bob has read the first post only; Alice wrote both.
    await db().insertInto('board_reads').values({ account_id: bobId, thread_id: threadId, read_position: 1, updated_at: new Date().toISOString() }).execute();
    const bobsList = await bob.get('/board/c/questions');
    const alicesList = await alice.get('/board/c/questions');
    const item = (body: string) => body.slice(body.indexOf('既読の区別の試験スレッド'), body.indexOf('</li>', body.indexOf('既読の区別の試験スレッド')));
    assert.match(item(bobsList.body), /未読 1件/);
    assert.doesNotMatch(item(alicesList.body), /未読/);
    const bobsPage = await bob.get(`/board/t/${threadId}`);
    assert.equal((bobsPage.body.match(/rk-board-post--unread/g) ?? []).length, 1);
    assert.equal(((await alice.get(`/board/t/${threadId}`)).body.match(/rk-board-post--unread/g) ?? []).length, 0);
    // Carol, who wrote none of the posts either, has read it all: the posts Bob was shown unread are read for her.
    const carolId = await insertAccount(db(), { role: 'member', code: '012220', name: '北見のキャロル' });
    await db().insertInto('board_reads').values({ account_id: carolId, thread_id: threadId, read_position: 2, updated_at: new Date().toISOString() }).execute();
    const carolsPage = await (await clientSignedInAs(current().app, db(), carolId)).get(`/board/t/${threadId}`);
    assert.match(carolsPage.body, /二番目の投稿/);
    assert.equal((carolsPage.body.match(/rk-board-post--unread/g) ?? []).length, 0);
    // Bob's visit marked it read for him, not for anyone else.
    assert.doesNotMatch(item((await bob.get('/board/c/questions')).body), /未読/);
  });

  test('a hidden thread is listed for its author and the secretariat only, though the others’ list is kept', async () => {
    const { threadId } = await newThread(aliceId, '非表示にされるスレッド', '非表示の試験です');
    assert.match((await bob.get('/board/c/questions')).body, /非表示にされるスレッド/);
    await moderateThread(db(), who(staffId), threadId, { kind: 'hide', reason: '重複のため' });
    for (let i = 0; i < 2; i++) {
      assert.doesNotMatch((await bob.get('/board/c/questions')).body, /非表示にされるスレッド/);
      assert.doesNotMatch((await bob.get('/board')).body, /非表示にされるスレッド/);
      assert.match((await alice.get('/board/c/questions')).body, /非表示にされるスレッド/);
      assert.match((await alice.get('/board')).body, /非表示にされるスレッド/);
      assert.equal((await bob.get(`/board/t/${threadId}`)).statusCode, 404);
    }
    await moderateThread(db(), who(staffId), threadId, { kind: 'unhide' });
    assert.match((await bob.get('/board/c/questions')).body, /非表示にされるスレッド/);
  });

  test('a change made through another instance shows here at once (the revision is the database’s)', async () => {
    const { threadId } = await newThread(aliceId, '別のインスタンスの試験', '別インスタンスの本文');
    assert.match((await bob.get(`/board/t/${threadId}`)).body, /別インスタンスの本文/);
    const before = await readRevision(db(), 'board');
    const staffOnSecond = await clientSignedInAs(second, secondHandle.db, staffId);
    await staffOnSecond.get(`/board/t/${threadId}`);
    const postId = (await db().selectFrom('board_posts').select('id').where('thread_id', '=', threadId).executeTakeFirstOrThrow()).id;
    assert.equal((await staffOnSecond.post(`/admin/board/posts/${postId}/hide`, { reason: '別インスタンスで非表示' })).statusCode, 303);
    assert.ok((await readRevision(db(), 'board')) > before);
    const page = await bob.get(`/board/t/${threadId}`);
    assert.doesNotMatch(page.body, /別インスタンスの本文/);
    assert.match(page.body, /事務局により非表示/);
  });

  test('board pages made with kept pieces are compressed and decode to the same page', async () => {
    const { app } = current();
    const session = [...alice.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const plain = await app.inject({ url: '/board/c/questions', headers: { cookie: session } });
    const br = await app.inject({ url: '/board/c/questions', headers: { cookie: session, 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(br.headers['content-encoding'], 'br');
    const decoded = brotliDecompressSync(br.rawPayload).toString('utf8');
    assert.match(decoded, /相談・質問/);
    // The CSRF tokens differ per response; the rest is the same page.
    const tokenless = (html: string) => html.replace(/name="_csrf" value="[^"]*"/g, '');
    assert.equal(tokenless(decoded), tokenless(plain.body));
    assert.ok(br.rawPayload.length < plain.rawPayload.length / 2);
    const gz = await app.inject({ url: '/board/c/questions', headers: { cookie: session, 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(tokenless(gunzipSync(gz.rawPayload).toString('utf8')), tokenless(plain.body));
  });

  test('the copy keeps to its bounds: entries and bytes, least recently used out first', async () => {
    const shared = new BoardSharedData(db(), { maxEntries: 3, maxBytes: 1024 * 1024 });
    const threads = (await db().selectFrom('board_threads').select('id').limit(5).execute()).map((t) => Number(t.id));
    assert.equal(threads.length, 5);
    const snapshot = await shared.current();
    for (const id of threads) await snapshot.thread(id);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(shared.size.entries, 3);
    const tiny = new BoardSharedData(db(), { maxEntries: 100, maxBytes: 2_000 });
    const small = await tiny.current();
    for (const id of threads) await small.postRecords(id, 1);
    await new Promise((resolve) => setImmediate(resolve));
    assert.ok(tiny.size.bytes <= 2_000, `${tiny.size.bytes} bytes kept`);
    assert.ok(tiny.size.entries < threads.length);
    // A kept value is the same object until the revision moves; then it is read again.
    const kept = await (await shared.current()).thread(threads.at(-1)!);
    assert.equal(await (await shared.current()).thread(threads.at(-1)!), kept);
    await moderateThread(db(), who(staffId), threads.at(-1)!, { kind: 'pin' });
    const fresh = await (await shared.current()).thread(threads.at(-1)!);
    assert.notEqual(fresh, kept);
    assert.equal(fresh?.pinned, true);
  });
});
