// News on both engines, through the real app: the seeded real articles on the public pages, the
// archive by 年度 and the feeds; the secretariat writing an article with a PDF and a photo (checked
// by content), preview, draft, publication, Markdown made safe, versions compared and restored,
// a conflicting save, scheduled publication happening once with two instances, and who may enter.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import Parser from 'rss-parser';
import { openDatabase } from '../../db/index.ts';
import { insertAccount, clientSignedInAs, signedInClient } from '../../../test/accounts.ts';
import type { TestClient } from '../../../test/client.ts';
import { describeEachEngine } from '../../../test/helper.ts';
import { publishDueArticles } from './commands.ts';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describeEachEngine('news', (current, engine) => {
  const db = () => current().database.handle.db;
  let secretariat: TestClient;

  before(async () => {
    secretariat = await signedInClient(current().app, db(), { role: 'secretariat', code: null, twoFactor: true });
  });

  /** Writes an article through the form; returns the response. */
  const write = async (fields: Array<[string, string]>, files: Parameters<TestClient['postMultipart']>[2] = []) => {
    await secretariat.get('/admin/news/new');
    return secretariat.postMultipart('/admin/news/new', [['category', 'notice'], ...fields], files);
  };
  const articleId = async (slug: string) => (await db().selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;

  test('the seeded real articles: list, page with posting date and source, archive by 年度, category filter', async () => {
    const { app } = current();
    const list = await app.inject({ url: '/news' });
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /2024年\(令和6年\)10月17日 掲載/);
    assert.match(list.body, /<link rel="alternate" type="application\/rss\+xml" href="\/news\/feed.rss"/);
    const page = await app.inject({ url: '/news/miryoku-2024' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /明治安田ヴィレッジ丸の内/);
    assert.match(page.body, /href="https:\/\/collabo\.tokyo-23city\.or\.jp\/renkei\/kucho-miryoku_2024\.html"/);
    assert.match(page.body, /href="\/municipalities\/\d{6}">千葉県匝瑳市<\/a>/);
    const fy2019 = await app.inject({ url: '/news/archive/2019' });
    assert.match(fy2019.body, /令和元年度 第1回 魅力発信イベントを開催しました/);
    assert.doesNotMatch(fy2019.body, /令和6年度 特別区全国連携プロジェクト 魅力発信イベントを開催します/);
    const events = await app.inject({ url: '/news?category=project' });
    assert.match(events.body, /令和元年度 第1回/);
    assert.doesNotMatch(events.body, /平成29年度 特別区全国連携プロジェクト/);
    assert.equal((await app.inject({ url: '/news/archive/abc' })).statusCode, 404);
    assert.equal((await app.inject({ url: '/news/no-such-article' })).statusCode, 404);
    assert.equal((await app.inject({ url: '/news?page=-1&category=<script>' })).statusCode, 200);
  });

  test('RSS and Atom parse with a feed parser and link to the articles', async () => {
    const parser = new Parser();
    const rss = await parser.parseString((await current().app.inject({ url: '/news/feed.rss' })).body);
    assert.ok(rss.items.some((i) => i.link?.endsWith('/news/miryoku-2024')));
    const atom = await parser.parseString((await current().app.inject({ url: '/news/feed.atom' })).body);
    assert.ok(atom.items.some((i) => i.title?.includes('令和元年度 第1回')));
  });

  test('an article with a PDF and a photo: preview, draft (not public), publication, files served safely', async () => {
    const fields: Array<[string, string]> = [
      ['title', '防災フェアのお知らせ'],
      ['slug', 'bousai-fair'],
      ['body', '## 概要\n\n防災の展示です。\n\n<script>alert(1)</script>\n\n[危険](javascript:alert(1))'],
      ['attachment.0.label', '開催案内チラシ'],
      ['photo.0.label', '会場の様子'],
      ['photo.0.caption', '昨年の展示'],
    ];
    const files = [
      { field: 'attachment.0.file', fileName: 'チラシ.pdf', content: pdf, contentType: 'application/pdf' },
      { field: 'photo.0.file', fileName: 'photo.png', content: png, contentType: 'image/png' },
    ];
    const preview = await write([...fields, ['intent', 'preview']], files);
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /プレビュー（まだ保存されていません）/);
    assert.equal(await db().selectFrom('articles').select('id').where('slug', '=', 'bousai-fair').executeTakeFirst(), undefined, 'a preview saves nothing');
    // The files stored for the preview come back as hidden fields: the form keeps them.
    const attachmentId = /name="attachment\.0\.fileId" value="([0-9a-f-]{36})"/.exec(preview.body)?.[1];
    const photoId = /name="photo\.0\.fileId" value="([0-9a-f-]{36})"/.exec(preview.body)?.[1];
    assert.ok(attachmentId && photoId);
    const kept: Array<[string, string]> = [...fields, ['attachment.0.fileId', attachmentId], ['attachment.0.fileName', 'チラシ.pdf'], ['photo.0.fileId', photoId], ['photo.0.fileName', 'photo.png']];
    const draft = await secretariat.postMultipart('/admin/news/new', [['category', 'notice'], ...kept, ['intent', 'draft']]);
    assert.equal(draft.statusCode, 303);
    assert.equal((await current().app.inject({ url: '/news/bousai-fair' })).statusCode, 404, 'a draft is not public');
    const id = await articleId('bousai-fair');
    const form = await secretariat.get(`/admin/news/${id}/edit`);
    const version = /name="version" value="(\d+)"/.exec(form.body)?.[1] ?? '';
    const published = await secretariat.postMultipart(`/admin/news/${id}/edit`, [['category', 'notice'], ['version', version], ...kept, ['intent', 'publish']]);
    assert.equal(published.statusCode, 303);
    const page = await current().app.inject({ url: '/news/bousai-fair' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h2>概要<\/h2>/);
    assert.doesNotMatch(page.body, /<script>alert/);
    assert.doesNotMatch(page.body, /href="javascript:/);
    assert.match(page.body, /開催案内チラシ<\/span><span class="rk-muted">（PDF \d+B）<\/span>/);
    assert.match(page.body, /<img src="\/files\/[0-9a-f-]{36}\/photo\.png" alt="会場の様子" loading="lazy"\/?>/);
    const file = await current().app.inject({ url: `/files/${attachmentId}/x.pdf` });
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.match(String(file.headers['content-disposition']), /^attachment; filename="___\.pdf"; filename\*=UTF-8''%E3%83%81%E3%83%A9%E3%82%B7\.pdf$/);
    assert.equal(file.headers['x-content-type-options'], 'nosniff');
    assert.deepEqual(file.rawPayload, pdf);
    assert.equal((await current().app.inject({ url: '/files/not-a-uuid/x' })).statusCode, 404);
    // The top page shows it among the latest news, beside the upcoming events.
    const top = await current().app.inject({ url: '/' });
    assert.match(top.body, /防災フェアのお知らせ/);
    assert.match(top.body, /開催予定のイベント/);
  });

  test('a file is judged by its content, a photo needs its alternative text; the input is kept', async () => {
    const disguised = await write([['title', '偽装ファイルの記事'], ['intent', 'draft']], [{ field: 'attachment.0.file', fileName: 'report.pdf', content: Buffer.from('<html><script>alert(1)</script></html>'), contentType: 'application/pdf' }]);
    assert.equal(disguised.statusCode, 400);
    assert.match(disguised.body, /「report\.pdf」は受け付けられない種類のファイルです/);
    assert.match(disguised.body, /value="偽装ファイルの記事"/);
    const noAlt = await write([['title', '写真の記事'], ['intent', 'draft']], [{ field: 'photo.0.file', fileName: 'p.png', content: png }]);
    assert.equal(noAlt.statusCode, 400);
    assert.match(noAlt.body, /写真の代替テキスト（写っている内容の説明）を入力してください。/);
    assert.match(noAlt.body, /name="photo\.0\.fileId" value="[0-9a-f-]{36}"/, 'the stored photo is kept for the next submit');
    const badCodes = await write([['title', 'コードの誤り'], ['municipalities', '012210 999999'], ['intent', 'draft']]);
    assert.equal(badCodes.statusCode, 400);
    assert.match(badCodes.body, /「012210」は団体コード/);
  });

  test('versions: an edit is kept, compared line by line and restored as a new version; a stale form gets 409', async () => {
    assert.equal((await write([['title', '版の記事'], ['slug', 'versioned'], ['body', '一行目\n二行目'], ['intent', 'publish']])).statusCode, 303);
    const id = await articleId('versioned');
    await secretariat.get(`/admin/news/${id}/edit`);
    assert.equal((await secretariat.postMultipart(`/admin/news/${id}/edit`, [['version', '1'], ['title', '版の記事（改）'], ['slug', 'moved'], ['category', 'notice'], ['body', '一行目\n三行目'], ['intent', 'publish']])).statusCode, 303);
    assert.equal((await current().app.inject({ url: '/news/versioned' })).statusCode, 200, 'a published address never moves');
    const stale = await secretariat.postMultipart(`/admin/news/${id}/edit`, [['version', '1'], ['title', '古いフォーム'], ['category', 'notice'], ['intent', 'draft']]);
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /別の人が保存しました/);
    const compare = await secretariat.get(`/admin/news/${id}/versions/1`);
    assert.equal(compare.statusCode, 200);
    assert.match(compare.body, /<del>二行目<\/del><ins>三行目<\/ins>/);
    assert.equal((await secretariat.post(`/admin/news/${id}/versions/1/restore`, { version: '2' })).statusCode, 303);
    const restored = await current().app.inject({ url: '/news/versioned' });
    assert.match(restored.body, /<h1 id="article-title" class="rk-heading-1">版の記事<\/h1>/);
    const versions = await secretariat.get(`/admin/news/${id}/versions`);
    assert.match(versions.body, /第3版（現在）/);
    assert.match(versions.body, /第1版から復元/);
  });

  test('scheduled publication happens once, even when two instances run it at the same moment', async () => {
    assert.equal((await write([['title', '予約の記事'], ['slug', 'scheduled-one'], ['publishDate', '2099-04-01'], ['publishTime', '09:00'], ['intent', 'publish']])).statusCode, 303);
    const id = await articleId('scheduled-one');
    assert.equal((await current().app.inject({ url: '/news/scheduled-one' })).statusCode, 404, 'not before its time');
    await db().updateTable('articles').set({ publish_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', id).execute();
    // Several instances share one PostgreSQL; on SQLite (one instance by design) a second
    // connection in this process would wait on the first's lock, so the two runs follow each other.
    const second = openDatabase(current().database.config);
    try {
      const runs = engine === 'postgres' ? await Promise.all([publishDueArticles(db()), publishDueArticles(second.db)]) : [await publishDueArticles(db()), await publishDueArticles(second.db)];
      assert.equal(runs.flat().filter((x) => x === id).length, 1);
    } finally {
      await second.close();
    }
    const audits = await db().selectFrom('audit_events').select('id').where('action', '=', 'news.published').where('target_id', '=', id).execute();
    assert.equal(audits.length, 1);
    assert.equal((await current().app.inject({ url: '/news/scheduled-one' })).statusCode, 200);
  });

  test('an article relates a published event, shown with its date; an unknown event is refused', async () => {
    const event = await db().selectFrom('events').select(['id', 'title']).where('status', '=', 'published').executeTakeFirstOrThrow();
    const refused = await write([['title', 'イベントの記事'], ['events', '00000000-0000-4000-8000-000000000000'], ['intent', 'draft']]);
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /公開中のイベント「00000000-0000-4000-8000-000000000000」は見つかりません/);
    assert.equal((await write([['title', 'イベントの記事'], ['slug', 'with-event'], ['events', `http://localhost:3000/events/${event.id}`], ['intent', 'publish']])).statusCode, 303);
    const page = await current().app.inject({ url: '/news/with-event' });
    assert.ok(page.body.includes(`<a href="/events/${event.id}">${event.title}</a>`));
  });

  test('withdrawing takes an article off the site', async () => {
    assert.equal((await write([['title', '取り下げる記事'], ['slug', 'to-withdraw'], ['intent', 'publish']])).statusCode, 303);
    const id = await articleId('to-withdraw');
    await secretariat.get(`/admin/news/${id}/edit`);
    assert.equal((await secretariat.post(`/admin/news/${id}/withdraw`, { version: '1' })).statusCode, 303);
    assert.equal((await current().app.inject({ url: '/news/to-withdraw' })).statusCode, 404);
  });

  test('only the secretariat enters the news back office', async () => {
    const { app } = current();
    assert.equal((await app.inject({ url: '/admin/news' })).statusCode, 303);
    const ward = await clientSignedInAs(app, db(), await insertAccount(db(), { role: 'ward_staff', code: '131016' }));
    assert.equal((await ward.get('/admin/news')).statusCode, 403);
    assert.equal((await ward.get('/admin/news/new')).statusCode, 403);
    const list = await secretariat.get('/admin/news');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /令和元年度 第1回 魅力発信イベントを開催しました/);
  });
});
