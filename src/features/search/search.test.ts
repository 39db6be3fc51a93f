// The site-wide search on both engines, with the same expected answers on each (so the engines
// agree): two-character words inside longer ones, width/kana/case normalised, grouped by type with
// counts, highlighted, paginated, a single character, hostile input; the site pages as their own
// kind; and the index following writes (an article published, then taken down; a site page edited),
// also when the results page was kept by the page cache.
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { before, test } from 'node:test';
import { signedInClient } from '../../../test/accounts.ts';
import type { TestClient } from '../../../test/client.ts';
import { upsertSearchDocuments } from '../../db/search-index.ts';
import { describeEachEngine } from '../../../test/helper.ts';

describeEachEngine('site search', (current, engine) => {
  let secretariat: TestClient;
  const search = async (q: string, extra = '') => current().app.inject({ url: `/search?q=${encodeURIComponent(q)}${extra}` });
  const hitTitles = (body: string) => [...body.matchAll(/class="rk-search-hit__title" href="([^"]+)"/g)].map((m) => m[1]);

  before(async () => {
    const { app, database } = current();
    secretariat = await signedInClient(app, database.handle.db, { role: 'secretariat', code: null, twoFactor: true });
    await secretariat.get('/admin/news/new');
    for (const [slug, title, body] of [
      ['bousai-kunren', '合同防災訓練のお知らせ', '区と市が合同で防災訓練を行います。'],
      ['kanko-fair', '観光ＰＲフェア', 'カンコウ案内とPR展示。'],
    ]) {
      const res = await secretariat.postMultipart('/admin/news/new', [['category', 'notice'], ['title', title!], ['slug', slug!], ['body', body!], ['intent', 'publish']]);
      assert.equal(res.statusCode, 303);
    }
  });

  test('a two-character word is found inside longer words, and marked', async () => {
    const res = await search('防災');
    assert.equal(res.statusCode, 200);
    assert.ok(hitTitles(res.body).includes('/news/bousai-kunren'));
    assert.match(res.body, /合同<\/span><mark>防災<\/mark><span>訓練のお知らせ/);
    assert.match(res.body, /<h2 id="results-news" class="rk-heading-2">お知らせ・連携事業（\d+件）<\/h2>/);
  });

  test('PostgreSQL: once the index is synced, no document waits in a GIN pending list (which every search would scan)', { skip: engine !== 'postgres' }, async () => {
    // (Before the tests that write documents to the index directly, not through a sync.)
    const db = current().database.handle.db;
    await search('防災');
    for (const kind of ['municipality', 'news', 'event', 'pr', 'sitepage']) {
      // The number of pending pages it had to merge: none left by the sync.
      const { rows } = await sql<{ merged: string }>`select gin_clean_pending_list(${`search_documents_${kind}_tsv_idx`}::regclass) as merged`.execute(db);
      assert.equal(Number(rows[0]!.merged), 0, kind);
    }
  });

  test('width, kana and case do not matter', async () => {
    for (const q of ['観光ｐｒ', 'かんこう', 'ｶﾝｺｳ', 'pr展示']) {
      assert.ok(hitTitles((await search(q)).body).includes('/news/kanko-fair'), q);
    }
  });

  test('municipalities by name, reading and code; grouped counts; one type paginated', async () => {
    // 群馬県千代田町 (105236) is a 千代田 too; its reading is ちよだまち.
    assert.deepEqual(hitTitles((await search('千代田')).body).filter((u) => u!.startsWith('/municipalities/')), ['/municipalities/105236', '/municipalities/131016']);
    assert.deepEqual(hitTitles((await search('ちよだく')).body).filter((u) => u!.startsWith('/municipalities/')), ['/municipalities/131016']);
    assert.ok(hitTitles((await search('012211')).body).includes('/municipalities/012211'));
    const many = await search('市', '&type=municipality');
    assert.equal(hitTitles(many.body).length, 20);
    assert.match(many.body, /rel="next"/);
    const second = await search('市', '&type=municipality&page=2');
    assert.equal(hitTitles(second.body).length, 20);
    assert.notDeepEqual(hitTitles(second.body), hitTitles(many.body));
    // Same order on both engines: municipalities have no date and come in id order.
    assert.deepEqual(hitTitles(many.body).slice(0, 3), ['/municipalities/011002', '/municipalities/012025', '/municipalities/012033']);
  });

  test('several words must all match; nothing found says so; hostile input is text', async () => {
    assert.deepEqual(hitTitles((await search('防災 合同')).body), ['/news/bousai-kunren']);
    assert.match((await search('存在しない言葉ですよ')).body, /該当するページはありません/);
    const hostile = await search('<script>alert(1)</script> " OR 1=1 --');
    assert.equal(hostile.statusCode, 200);
    assert.doesNotMatch(hostile.body.replace(/="[^"]*"/g, ''), /<script>alert/, 'only inside attribute values, where it is text');
    assert.equal((await search('a'.repeat(500))).statusCode, 200);
    assert.equal((await search('防災', '&type=nope&page=-3')).statusCode, 200);
  });

  test('a broad word: counts stop at 1,000 and say so; only the first 1,000 results are reachable; newest first', async () => {
    const { database } = current();
    // 1,001 documents with a word no other document has (written to the index directly: the count
    // and the order are the index's, whatever feature the documents come from).
    await upsertSearchDocuments(
      database.handle.db,
      Array.from({ length: 1_001 }, (_, i) => ({
        id: `news:capped-${String(i).padStart(4, '0')}`,
        kind: 'news' as const,
        title: `鏑矢テスト ${i}`,
        excerpt: '',
        url: `/news/capped-${i}`,
        dated: `2020-01-${String(1 + (i % 28)).padStart(2, '0')}T00:00:00.000Z`,
      })),
    );
    const all = await search('鏑矢');
    assert.match(all.body, /1,000件以上見つかりました。/);
    assert.match(all.body, /お知らせ・連携事業（1,000件以上）<\/h2>/);
    // Newest first, ties by id: the 28th of January holds i = 27, 55, …
    assert.deepEqual(hitTitles(all.body).slice(0, 2), ['/news/capped-27', '/news/capped-55']);
    const english = await current().app.inject({ url: `/search?q=${encodeURIComponent('鏑矢')}`, cookies: { lang: 'en' } });
    assert.match(english.body, /Over 1,000 found\./);
    // A later page in exactly the results' order (ties within a day by id), the same on both engines.
    const expected = Array.from({ length: 1_001 }, (_, i) => ({ i, id: `news:capped-${String(i).padStart(4, '0')}`, day: 1 + (i % 28) }))
      .sort((a, b) => b.day - a.day || (a.id < b.id ? -1 : 1))
      .map((d) => `/news/capped-${d.i}`);
    assert.deepEqual(hitTitles((await search('鏑矢', '&type=news&page=3')).body), expected.slice(40, 60));
    assert.deepEqual(hitTitles((await search('鏑矢', '&type=news&page=50')).body), expected.slice(980, 1_000));
    const beyond = await search('鏑矢', '&type=news&page=80');
    assert.equal(beyond.statusCode, 200);
    assert.equal(hitTitles(beyond.body).length, 20, 'a page past the reachable ones shows the last reachable page');
    assert.doesNotMatch(beyond.body, /rel="next"/);
  });

  test('a broad word over several months and undated documents: a later page is the same on both engines', async () => {
    const { database } = current();
    // 1,050 events with a word no other document has: 600 in March 2021, none in February, 350 in
    // January, 100 undated. On PostgreSQL a page past the first month is read in windows of months,
    // then among the undated (migration 2026-12-10T0900); on SQLite straight from FTS5.
    const docs = Array.from({ length: 1_050 }, (_, i) => {
      const dated = i < 600 ? `2021-03-${String(1 + (i % 28)).padStart(2, '0')}` : i < 950 ? `2021-01-${String(1 + (i % 28)).padStart(2, '0')}` : null;
      return { id: `event:windows-${String(i).padStart(4, '0')}`, kind: 'event' as const, title: `鵯越テスト ${i}`, excerpt: '', url: `/events/windows-${i}`, dated };
    });
    await upsertSearchDocuments(database.handle.db, docs);
    const expected = [...docs]
      .sort((a, b) => (a.dated === b.dated ? (a.id < b.id ? -1 : 1) : a.dated === null ? 1 : b.dated === null ? -1 : a.dated < b.dated ? 1 : -1))
      .map((d) => d.url);
    assert.deepEqual(hitTitles((await search('鵯越', '&type=event')).body), expected.slice(0, 20));
    assert.deepEqual(hitTitles((await search('鵯越', '&type=event&page=31')).body), expected.slice(600, 620), 'the first page in January');
    assert.deepEqual(hitTitles((await search('鵯越', '&type=event&page=48')).body), expected.slice(940, 960), 'the last of January, then the undated');
    assert.deepEqual(hitTitles((await search('鵯越')).body).slice(0, 5), expected.slice(0, 5), 'the first five in the grouped view');
  });

  test('the site pages are found as their own kind, labelled in Japanese and English, the same on both engines', async () => {
    // 毀損 is only in the privacy policy (its section on security).
    const privacy = await search('毀損');
    assert.deepEqual(hitTitles(privacy.body), ['/privacy']);
    assert.match(privacy.body, /<h2 id="results-sitepage" class="rk-heading-2">サイトのご案内（1件）<\/h2>/);
    assert.match(privacy.body, /<a class="rk-search-hit__title" href="\/privacy"><span>プライバシーポリシー（個人情報の取扱い）<\/span><\/a>/);
    assert.match(privacy.body, /漏えい・滅失・<\/span><mark>毀損<\/mark>/);
    const english = await current().app.inject({ url: `/search?q=${encodeURIComponent('毀損')}`, cookies: { lang: 'en' } });
    assert.match(english.body, /<h2 id="results-sitepage" class="rk-heading-2">About this site \(1\)<\/h2>/);
    // Found by their English text too; undated, so in id order.
    assert.deepEqual(hitTitles((await search('cookies', '&type=sitepage')).body), ['/privacy', '/site-policy']);
    assert.equal((await search('毀損', '&type=sitepage')).statusCode, 200);
  });

  test('a site page edited by the secretariat is indexed again: its new word found, its old one gone', async () => {
    const { database } = current();
    const db = database.handle.db;
    assert.deepEqual(hitTitles((await search('開庁時間')).body), ['/contact']);
    // Asked again (kept from its second request on), the page comes from the page cache; the edit below must end that.
    await search('開庁時間');
    const again = await search('開庁時間');
    assert.equal(again.headers['x-page-cache'], 'hit');
    assert.deepEqual(hitTitles(again.body), ['/contact']);
    const page = await db.selectFrom('site_pages').selectAll().where('slug', '=', 'contact').executeTakeFirstOrThrow();
    await secretariat.get('/admin/pages/contact/edit');
    const saved = await secretariat.post('/admin/pages/contact/edit', {
      version: String(page.version),
      titleJa: page.title_ja,
      titleEn: page.title_en,
      bodyJa: page.body_ja.replaceAll('開庁時間', '鶺鴒窓口の時間'),
      bodyEn: page.body_en,
      intent: 'save',
    });
    assert.equal(saved.statusCode, 303);
    assert.deepEqual(hitTitles((await search('鶺鴒')).body), ['/contact']);
    assert.deepEqual(hitTitles((await search('開庁時間')).body), []);
  });

  test('the index follows writes: an article taken down is no longer found', async () => {
    const { database } = current();
    const article = await database.handle.db.selectFrom('articles').select(['id', 'version']).where('slug', '=', 'kanko-fair').executeTakeFirstOrThrow();
    await search('観光');
    await search('観光');
    const cached = await search('観光');
    assert.equal(cached.headers['x-page-cache'], 'hit');
    assert.ok(hitTitles(cached.body).includes('/news/kanko-fair'));
    await secretariat.get(`/admin/news/${article.id}/edit`);
    assert.equal((await secretariat.post(`/admin/news/${article.id}/withdraw`, { version: String(article.version) })).statusCode, 303);
    assert.ok(!hitTitles((await search('観光')).body).includes('/news/kanko-fair'));
  });
});
