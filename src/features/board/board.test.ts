// The members' board on both engines, through the real app: members only (the public sees none of
// it, and never in /search), threads and replies with Markdown made safe, the secretariat-only
// category, status with the registry link, unread marks and position pagination at 1,000 replies,
// rate limits (429, Japanese, input kept), moderation (hide, lock, reports), search, attachments,
// edit history and deletion, and the sample content.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { insertAccount, clientSignedInAs, signedInClient } from '../../../test/accounts.ts';
import type { TestClient } from '../../../test/client.ts';
import { describeEachEngine } from '../../../test/helper.ts';
import { replyToThread, startThread } from './commands.ts';
import { indexPost, searchBoard } from './search.ts';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const xss = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '<a href="javascript:alert(1)">y</a>', '"><svg onload=alert(1)>'];

describeEachEngine('board', (current) => {
  const db = () => current().database.handle.db;
  let ward: TestClient;
  let member: TestClient;
  let other: TestClient;
  let secretariat: TestClient;
  let memberId = '';
  let wardId = '';

  before(async () => {
    const { app } = current();
    wardId = await insertAccount(db(), { role: 'ward_staff', code: '131016', name: '千代田の佐藤' });
    ward = await clientSignedInAs(app, db(), wardId);
    memberId = await insertAccount(db(), { role: 'member', code: '012211', name: '名寄の鈴木' });
    member = await clientSignedInAs(app, db(), memberId);
    other = await signedInClient(app, db(), { role: 'member', code: '012025', name: '旭川の田中' });
    secretariat = await signedInClient(app, db(), { role: 'secretariat', code: null, twoFactor: true, name: '事務局の山田' });
  });

  const newThread = async (client: TestClient, fields: Record<string, string>) => {
    await client.get('/board/new');
    return client.post('/board/new', { category: 'calls', intent: 'post', ...fields });
  };
  const threadIdOf = (location: unknown) => Number(/\/board\/t\/(\d+)/.exec(String(location))?.[1]);

  test('the public sees none of the board: sign-in for every page, nothing in /search', async () => {
    const { app } = current();
    for (const url of ['/board', '/board/c/calls', '/board/t/1', '/board/new', '/board/search?q=物産展', '/admin/board']) {
      const res = await app.inject({ url });
      assert.equal(res.statusCode, 303, url);
      assert.match(String(res.headers.location), /^\/login\?next=/);
    }
    const search = await app.inject({ url: '/search?q=' + encodeURIComponent('物産展に一緒に出店') });
    assert.doesNotMatch(search.body, /サンプル】物産展に一緒に出店/);
  });

  test('sample content: categories with threads and replies between the sample accounts, marked サンプル', async () => {
    const page = await member.get('/board');
    assert.equal(page.statusCode, 200);
    for (const name of ['産業振興', '観光振興', '文化芸術振興', '相互の地域課題への挑戦', '新しい住民交流スタイルの模索', '連携の呼びかけ', '相談・質問', '事務局からのお知らせ']) assert.ok(page.body.includes(name), name);
    assert.match(page.body, /物産展に一緒に出店する自治体を探しています/);
    assert.match(page.body, /サンプル/);
    const threadId = (await db().selectFrom('board_threads').select('id').where('title', 'like', '%物産展%').executeTakeFirstOrThrow()).id;
    const thread = await member.get(`/board/t/${threadId}`);
    assert.match(thread.body, /サンプル千代田区職員（千代田区）/);
    assert.match(thread.body, /サンプル名寄市職員（名寄市）/);
  });

  test('two members converse: thread, preview, reply, author shown with the municipality, Markdown made safe', async () => {
    const body = `## 呼びかけ\n\n観光PRを一緒にしませんか。\n\n${xss.join('\n\n')}`;
    await ward.get('/board/new');
    const preview = await ward.post('/board/new', { category: 'calls', title: '観光PRの相手募集', body, intent: 'preview' });
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /プレビュー（まだ投稿されていません）/);
    assert.match(preview.body, /<h2>呼びかけ<\/h2>/);
    const created = await ward.post('/board/new', { category: 'calls', title: '観光PRの相手募集', body, intent: 'post' });
    assert.equal(created.statusCode, 303);
    const id = threadIdOf(created.headers.location);
    const page = await member.get(`/board/t/${id}`);
    assert.match(page.body, /千代田の佐藤（千代田区）/);
    for (const bad of [/<script>alert/, /<img src=x onerror/, /href="javascript:/i, /<svg onload/]) assert.doesNotMatch(page.body, bad);
    await member.get(`/board/t/${id}`);
    const replied = await member.post(`/board/t/${id}/reply`, { body: '@千代田の佐藤 さん、ぜひ参加します。', intent: 'post' });
    assert.equal(replied.statusCode, 303);
    assert.match(String(replied.headers.location), new RegExp(`/board/t/${id}\\?page=1#post-\\d+`));
    const after = await ward.get(`/board/t/${id}`);
    assert.match(after.body, /名寄の鈴木（名寄市）/);
    assert.match(after.body, /ぜひ参加します/);
  });

  test('the secretariat-only category refuses everyone else', async () => {
    const res = await newThread(member, { category: 'notices', title: 'お知らせ', body: '本文' });
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /このカテゴリには投稿できません/);
    assert.equal((await db().selectFrom('board_threads').select('id').where('title', '=', 'お知らせ').execute()).length, 0);
    const ok = await newThread(secretariat, { category: 'notices', title: '事務局のお知らせ', body: '本文' });
    assert.equal(ok.statusCode, 303);
  });

  test('the matching prefill: 宛先 shown, stored, and the new thread addresses that government', async () => {
    const form = await ward.get('/board/new?category=calls&to=012211&title=' + encodeURIComponent('名寄市さんへ') + '&body=' + encodeURIComponent('ご相談です'));
    assert.match(form.body, /宛先: 名寄市/);
    assert.match(form.body, /value="名寄市さんへ"/);
    await new Promise((r) => setTimeout(r, 15_100)); // the 15-second thread limit of the earlier test
    const res = await ward.post('/board/new', { category: 'calls', to: '012211', title: '名寄市さんへ', body: 'ご相談です', intent: 'post' });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const thread = await db().selectFrom('board_threads').select(['addressee_code']).where('id', '=', threadIdOf(res.headers.location)).executeTakeFirstOrThrow();
    assert.equal(thread.addressee_code, '012211');
  });

  test('rate limits: a second thread within 15 s and a second reply within 5 s get 429 in Japanese, input kept', async () => {
    const first = await newThread(other, { title: '一つ目', body: '本文' });
    assert.equal(first.statusCode, 303);
    const second = await newThread(other, { title: '二つ目のタイトル', body: '二つ目の本文' });
    assert.equal(second.statusCode, 429);
    assert.match(second.body, /新しいスレッドは15秒に1件まで/);
    assert.match(second.body, /value="二つ目のタイトル"/);
    assert.match(second.body, /二つ目の本文/);
    const id = threadIdOf(first.headers.location);
    await other.get(`/board/t/${id}`);
    assert.equal((await other.post(`/board/t/${id}/reply`, { body: '返信1', intent: 'post' })).statusCode, 303);
    await other.get(`/board/t/${id}`);
    const again = await other.post(`/board/t/${id}/reply`, { body: '返信2の本文', intent: 'post' });
    assert.equal(again.statusCode, 429);
    assert.match(again.body, /返信は5秒に1件まで/);
    assert.match(again.body, /返信2の本文/);
  });

  test('1,000 replies: pages are position ranges, unread mark and the first-unread link', async () => {
    const first = await db().selectFrom('board_threads').select('id').where('title', '=', '一つ目').executeTakeFirstOrThrow();
    const id = Number(first.id);
    await member.get(`/board/t/${id}`); // read up to the current end
    for (let i = 0; i < 1000; i++) await replyToThread(db(), { id: wardId, ip: '' }, id, { body: `返信 ${i}`, replyToPostId: null, fileIds: [] });
    const index = await member.get('/board/c/calls');
    assert.match(index.body, /未読 1000件（最初の未読へ）/);
    const page = await member.get(`/board/t/${id}?page=40`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /#781/);
    assert.match(page.body, /#800/);
    assert.doesNotMatch(page.body, /#801</);
    const toUnread = await member.get(`/board/t/${id}?unread=1`);
    assert.equal(toUnread.statusCode, 303);
    assert.match(String(toUnread.headers.location), /page=41#post-/);
    const last = await member.get(`/board/t/${id}?page=51`);
    assert.equal(last.statusCode, 200);
    assert.equal((await member.get(`/board/t/${id}?page=99`)).statusCode, 404);
    const keyset = await member.get(`/board/t/${id}?after=990`);
    assert.match(keyset.body, /#991/);
  });

  test('status 成立 links a registry project; the secretariat drafts one when none is given', async () => {
    const t = await db().selectFrom('board_threads').select('id').where('title', '=', '観光PRの相手募集').executeTakeFirstOrThrow();
    await member.get(`/board/t/${t.id}`);
    assert.equal((await member.post(`/board/t/${t.id}/status`, { status: 'agreed' })).statusCode, 403, 'only the author or the secretariat');
    await ward.get(`/board/t/${t.id}`);
    assert.equal((await ward.post(`/board/t/${t.id}/status`, { status: 'agreed', project: 'no-such' })).statusCode, 400);
    assert.equal((await ward.post(`/board/t/${t.id}/status`, { status: 'agreed' })).statusCode, 303);
    const queue = await secretariat.get('/admin/board');
    assert.match(queue.body, /観光PRの相手募集/);
    const drafted = await secretariat.post(`/admin/board/t/${t.id}/draft-project`, {});
    assert.equal(drafted.statusCode, 303);
    const projectId = /\/registry\/projects\/([0-9a-f-]{36})\/edit/.exec(String(drafted.headers.location))?.[1];
    assert.ok(projectId);
    const project = await db().selectFrom('projects').select(['title', 'notes']).where('id', '=', projectId!).executeTakeFirstOrThrow();
    assert.equal(project.title, '観光PRの相手募集');
    assert.match(project.notes, /下書き/);
    const thread = await member.get(`/board/t/${t.id}`);
    assert.match(thread.body, new RegExp(`href="/projects/${projectId}"`));
  });

  test('moderation: a hidden post is gone for others, kept for its author with the reason, out of search; reports queue; audit', async () => {
    const t = await db().selectFrom('board_threads').select('id').where('title', '=', '観光PRの相手募集').executeTakeFirstOrThrow();
    const post = await db().selectFrom('board_posts').select('id').where('thread_id', '=', t.id).where('author_id', '=', memberId).executeTakeFirstOrThrow();
    assert.match((await ward.get('/board/search?q=' + encodeURIComponent('参加'))).body, /観光PRの相手募集/);
    await ward.get(`/board/posts/${post.id}/report`);
    assert.equal((await ward.post(`/board/posts/${post.id}/report`, { reason: '' })).statusCode, 400);
    assert.equal((await ward.post(`/board/posts/${post.id}/report`, { reason: '個人情報が含まれています' })).statusCode, 303);
    const queue = await secretariat.get('/admin/board');
    assert.match(queue.body, /個人情報が含まれています/);
    const hidden = await secretariat.post(`/admin/board/posts/${post.id}/hide`, { reason: '個人情報のため' });
    assert.equal(hidden.statusCode, 303);
    const seenByOther = await ward.get(`/board/t/${t.id}`);
    assert.doesNotMatch(seenByOther.body, /ぜひ参加します/);
    assert.match(seenByOther.body, /事務局により非表示/);
    assert.equal((await ward.get(`/board/posts/${post.id}/history`)).statusCode, 404);
    const seenByAuthor = await member.get(`/board/t/${t.id}`);
    assert.match(seenByAuthor.body, /ぜひ参加します/);
    assert.match(seenByAuthor.body, /個人情報のため/);
    assert.doesNotMatch((await ward.get('/board/search?q=' + encodeURIComponent('ぜひ参加'))).body, /観光PRの相手募集 #/);
    assert.equal((await member.get(`/board/posts/${post.id}/edit`)).statusCode, 403, 'a hidden post is not the author’s to change');
    const audit = await db().selectFrom('audit_events').select('action').where('action', 'in', ['board.moderated', 'board.reported']).execute();
    assert.ok(audit.some((a) => a.action === 'board.moderated') && audit.some((a) => a.action === 'board.reported'));
    // Lock: replies refused.
    await secretariat.get(`/board/t/${t.id}`);
    await secretariat.post(`/admin/board/t/${t.id}/moderate`, { action: 'lock' });
    await member.get(`/board/t/${t.id}`);
    const locked = await member.post(`/board/t/${t.id}/reply`, { body: 'まだ話せますか', intent: 'post' });
    assert.equal(locked.statusCode, 409);
    // Hide the thread: others get 404.
    await secretariat.post(`/admin/board/t/${t.id}/moderate`, { action: 'hide', reason: '重複' });
    assert.equal((await other.get(`/board/t/${t.id}`)).statusCode, 404);
    assert.equal((await ward.get(`/board/t/${t.id}`)).statusCode, 200, 'its author still sees it, with the reason');
  });

  test('edit keeps history, delete own post, others may not edit; a moderator edit needs a reason', async () => {
    const res = await newThread(member, { category: 'questions', title: '質問です', body: '最初の本文' });
    assert.equal(res.statusCode, 303);
    const id = threadIdOf(res.headers.location);
    const post = await db().selectFrom('board_posts').select(['id', 'updated_at']).where('thread_id', '=', id).executeTakeFirstOrThrow();
    assert.equal((await other.get(`/board/posts/${post.id}/edit`)).statusCode, 403);
    await member.get(`/board/posts/${post.id}/edit`);
    assert.equal((await member.post(`/board/posts/${post.id}/edit`, { title: '質問です（改）', body: '直した本文', updatedAt: post.updated_at, intent: 'save' })).statusCode, 303);
    const history = await other.get(`/board/posts/${post.id}/history`);
    assert.match(history.body, /最初の本文/);
    assert.match(history.body, /直した本文/);
    await secretariat.get(`/board/posts/${post.id}/edit`);
    const fresh = await db().selectFrom('board_posts').select('updated_at').where('id', '=', post.id).executeTakeFirstOrThrow();
    assert.equal((await secretariat.post(`/board/posts/${post.id}/edit`, { title: 'x', body: '事務局の修正', updatedAt: fresh.updated_at, intent: 'save' })).statusCode, 400);
    await member.get(`/board/posts/${post.id}/edit`);
    assert.equal((await member.post(`/board/posts/${post.id}/delete`, {})).statusCode, 303);
    assert.match((await other.get(`/board/t/${id}`)).body, /投稿者により削除されました/);
    assert.doesNotMatch((await other.get(`/board/t/${id}`)).body, /直した本文/);
  });

  test('attachments: checked by content, served as downloads to members only, names escaped', async () => {
    const t = await db().selectFrom('board_threads').select('id').where('title', '=', '事務局のお知らせ').executeTakeFirstOrThrow();
    await ward.get(`/board/t/${t.id}`);
    const bad = await ward.postMultipart(`/board/t/${t.id}/reply`, [['body', '資料です'], ['intent', 'post']], [{ field: 'files', fileName: 'x.pdf', content: Buffer.from('<html><script>alert(1)</script>'), contentType: 'application/pdf' }]);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /受け付けられない種類のファイル/);
    assert.match(bad.body, /資料です/);
    await ward.get(`/board/t/${t.id}`);
    const good = await ward.postMultipart(`/board/t/${t.id}/reply`, [['body', '資料です'], ['intent', 'post']], [{ field: 'files', fileName: '"><img src=x onerror=alert(1)>.pdf', content: pdf, contentType: 'application/pdf' }]);
    assert.equal(good.statusCode, 303, good.body.slice(0, 500));
    const page = await member.get(`/board/t/${t.id}`);
    assert.doesNotMatch(page.body, /<img src=x onerror/);
    const href = /href="(\/board\/files\/\d+\/[0-9a-f-]{36})"/.exec(page.body)?.[1];
    assert.ok(href);
    const file = await member.get(href!);
    assert.equal(file.statusCode, 200);
    assert.match(String(file.headers['content-disposition']), /^attachment;/);
    assert.equal((await current().app.inject({ url: href! })).statusCode, 303);
  });
  test('search: newest first, a page taken from the index newest first, older batches read when the newest are not visible', async () => {
    const calls = await db().selectFrom('board_categories').select('id').where('slug', '=', 'calls').executeTakeFirstOrThrow();
    const { threadId: id } = await startThread(db(), { id: memberId, ip: '' }, { categoryId: calls.id, title: '検索順の確認', body: '木育の相談です 0', addresseeCode: null, fileIds: [] });
    for (let i = 1; i <= 14; i++) await replyToThread(db(), { id: wardId, ip: '' }, id, { body: `木育の相談です ${i}`, replyToPostId: null, fileIds: [] });
    const all = await searchBoard(db(), '木育');
    assert.equal(all.length, 15);
    assert.deepEqual(all.map((h) => h.position), Array.from({ length: 15 }, (_, i) => 15 - i), 'newest first');
    // Hidden behind the index's back (as if it lagged): the first batch (limit + 10 = 11 candidates)
    // holds no visible post, so the search goes on to older ones.
    await db().updateTable('board_posts').set({ hidden: 1 }).where('thread_id', '=', id).where('position', '>', 4).execute();
    const visible = await searchBoard(db(), '木育', 1);
    assert.deepEqual(visible.map((h) => h.position), [4]);
    assert.deepEqual((await searchBoard(db(), '木育', 3)).map((h) => h.position), [4, 3, 2]);
    const page = await member.get('/board/search?q=' + encodeURIComponent('木育'));
    assert.match(page.body, /検索順の確認/);
    assert.doesNotMatch(page.body, /木育の相談です 14/);
  });
  test('search: matches far apart in post ids (PostgreSQL asks windows of ids, newest first) come back all, newest first, none twice', async () => {
    const calls = await db().selectFrom('board_categories').select('id').where('slug', '=', 'calls').executeTakeFirstOrThrow();
    const { threadId } = await startThread(db(), { id: memberId, ip: '' }, { categoryId: calls.id, title: '窓の確認', body: '離れた番号の投稿', addresseeCode: null, fileIds: [] });
    // Posts numbered so that they fall into different windows (the first spans 2,000 ids, then 8,000, 32,000…).
    const ids = [3_000, 9_500, 26_000, 61_000, 61_001, 150_000];
    const now = new Date().toISOString();
    for (const [i, id] of ids.entries()) {
      const body = `遠隔の鳩笛 ${i}`;
      await db().insertInto('board_posts').values({ id, thread_id: threadId, position: 2 + i, author_id: memberId, body, hidden: 0, is_sample: 0, created_at: now, updated_at: now }).execute();
      await indexPost(db(), { id, threadId, threadTitle: '窓の確認', body, isOpening: false });
    }
    const all = await searchBoard(db(), '鳩笛');
    assert.deepEqual(all.map((h) => h.postId), [...ids].reverse());
    // A page of 2 in batches (limit + 10 candidates): the same order, read again below the last id.
    assert.deepEqual((await searchBoard(db(), '鳩笛', 2)).map((h) => h.postId), [150_000, 61_001]);
    await db().updateTable('board_posts').set({ hidden: 1 }).where('id', 'in', [150_000, 61_001, 61_000]).execute();
    assert.deepEqual((await searchBoard(db(), '鳩笛', 2)).map((h) => h.postId), [26_000, 9_500], 'hidden posts skipped, older windows read');
  });
});
