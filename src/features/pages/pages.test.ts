// Site pages on both engines, through the real app: the seeded texts on the public pages (with the
// accessibility test result), English falling back to Japanese with a note, the sitemap and the
// footer; the secretariat editing a page with a preview (public at once, even for a page kept in
// the page cache), Markdown made safe, a stale form (409) and a wrong one (400) keeping the input,
// versions compared and restored; the test results added, edited and removed; and who may enter.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { clientSignedInAs, insertAccount, signedInClient } from '../../../test/accounts.ts';
import { TestClient } from '../../../test/client.ts';
import { describeEachEngine } from '../../../test/helper.ts';
import { bumpRevision } from '../../db/revisions.ts';
import { seedSitePages } from '../../db/seed/site-pages.ts';

describeEachEngine('site pages', (current) => {
  const db = () => current().database.handle.db;
  let secretariat: TestClient;

  before(async () => {
    secretariat = await signedInClient(current().app, db(), { role: 'secretariat', code: null, twoFactor: true });
  });

  /** The form's fields as the edit page shows them now (version included). */
  const formOf = async (slug: string): Promise<{ version: string; titleJa: string; titleEn: string; bodyJa: string; bodyEn: string }> => {
    const page = await secretariat.get(`/admin/pages/${slug}/edit`);
    assert.equal(page.statusCode, 200);
    const stored = await db().selectFrom('site_pages').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
    return { version: String(stored.version), titleJa: stored.title_ja, titleEn: stored.title_en, bodyJa: stored.body_ja, bodyEn: stored.body_en };
  };

  test('the seeded pages: about, contact, site policy, privacy, accessibility with its test result', async () => {
    const { app } = current();
    const about = await app.inject({ url: '/about' });
    assert.equal(about.statusCode, 200);
    assert.match(about.body, /<h1 class="rk-heading-1">プロジェクトについて<\/h1>/);
    assert.match(about.body, /共存共栄による日本の元気創造/);
    assert.match(about.body, /2022年\(令和4年\)3月29日　明治安田生命保険相互会社と包括連携協定を締結/);
    assert.match(about.body, /href="https:\/\/collabo\.tokyo-23city\.or\.jp\/renkei\/kucho-miryoku_2024\.html"/);
    const contact = await app.inject({ url: '/contact' });
    assert.equal(contact.statusCode, 200);
    assert.match(contact.body, /<a href="tel:0352109747">03-5210-9747<\/a>/);
    assert.match(contact.body, /特別区長会事務局 調査第1課 全国連携プロジェクト担当/);
    assert.match(contact.body, /（事務局で記入してください）/, 'what is not known is a marked placeholder');
    const policy = await app.inject({ url: '/site-policy' });
    assert.match(policy.body, /<h2>著作権<\/h2>/);
    const privacy = await app.inject({ url: '/privacy' });
    assert.equal(privacy.statusCode, 200);
    for (const fact of ['renkei_session', 'renkei_csrf', '<td>lang</td>', 'IPアドレス', '操作記録（監査ログ）']) assert.ok(privacy.body.includes(fact), fact);
    assert.match(privacy.body, /<div class="rk-table-scroll" role="region" aria-label="表" tabindex="0"><table>/);
    const accessibility = await app.inject({ url: '/accessibility' });
    assert.equal(accessibility.statusCode, 200);
    assert.match(accessibility.body, /JIS X 8341-3:2016 の適合レベルAAに準拠すること/);
    assert.match(accessibility.body, /<h2 id="test-results-title" class="rk-heading-2">試験結果<\/h2>/);
    assert.match(accessibility.body, /<caption>試験結果1：\d{4}年\(令和\d+年\)\d{1,2}月\d{1,2}日実施<\/caption>/);
    assert.match(accessibility.body, /axe-core 4\.13/);
    assert.match(accessibility.body, /<th scope="row">目標とする適合レベル<\/th><td lang="ja"><span>AA<\/span><\/td>/);
    assert.match(accessibility.body, /人による試験は未実施です/);
  });

  test('in English: the translated pages, and a page without translation in Japanese with a note', async () => {
    const client = new TestClient(current().app);
    await client.get('/lang/en?next=/');
    const about = await client.get('/about');
    assert.match(about.body, /<h1 class="rk-heading-1">About the project<\/h1>/);
    assert.match(about.body, /Revitalising Japan/);
    const policy = await client.get('/site-policy');
    assert.match(policy.body, /<h1 class="rk-heading-1">Site policy<\/h1>/);
    assert.match(policy.body, /<h2>Copyright<\/h2>/);
    assert.doesNotMatch(policy.body, /not been translated into English/);
    const privacy = await client.get('/privacy');
    assert.match(privacy.body, /<h2>Cookies<\/h2>/);
    assert.match(privacy.body, /\(to be filled in by the secretariat\)/);
    assert.doesNotMatch(privacy.body, /not been translated into English|<div class="rk-prose" lang="ja">/);
    // A page whose English the secretariat emptied shows the Japanese text with a note.
    await db().updateTable('site_pages').set({ body_en: '' }).where('slug', '=', 'contact').execute();
    await bumpRevision(db(), 'site-pages');
    const contact = await client.get('/contact');
    assert.match(contact.body, /This page has not been translated into English yet/);
    assert.match(contact.body, /<div class="rk-prose" lang="ja">/);
    const accessibility = await client.get('/accessibility');
    assert.match(accessibility.body, /Test results are recorded in Japanese\./);
  });

  test('the sitemap and the footer link every site page', async () => {
    const { app } = current();
    const sitemap = await app.inject({ url: '/sitemap' });
    for (const path of ['/about', '/contact', '/site-policy', '/privacy', '/accessibility']) {
      assert.ok(sitemap.body.includes(`<li><a href="${path}">`), `the sitemap lists ${path}`);
    }
    assert.match(sitemap.body, /<a href="\/privacy">プライバシーポリシー（個人情報の取扱い）<\/a>/);
    const xml = await app.inject({ url: '/sitemap.xml' });
    assert.match(xml.body, /<loc>http:\/\/localhost:\d+\/contact<\/loc><lastmod>\d{4}-\d{2}-\d{2}<\/lastmod>/);
    const top = await app.inject({ url: '/' });
    for (const path of ['/about', '/contact', '/site-policy', '/privacy', '/accessibility', '/sitemap']) assert.ok(top.body.includes(`<a href="${path}">`), `the footer links ${path}`);
  });

  test('the secretariat edits a page: preview, save, public at once (page cache), Markdown made safe', async () => {
    const { app } = current();
    // Asked twice, so that the page cache keeps the page: the edit must still show at once.
    await app.inject({ url: '/site-policy' });
    const cached = await app.inject({ url: '/site-policy' });
    assert.equal((await app.inject({ url: '/site-policy' })).headers['x-page-cache'], 'hit', `cached (${cached.statusCode})`);
    const form = await formOf('site-policy');
    const body = `${form.bodyJa}\n\n## 更新のお知らせ\n\n<script>alert(1)</script>\n\n[危険](javascript:alert(1)) <img src=x onerror=alert(1)>`;
    const preview = await secretariat.post('/admin/pages/site-policy/edit', { ...form, bodyJa: body, bodyEn: 'English **text**.', intent: 'preview' });
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /プレビュー（まだ保存されていません）/);
    assert.match(preview.body, /<h2>更新のお知らせ<\/h2>/);
    assert.match(preview.body, /English <strong>text<\/strong>\./);
    assert.doesNotMatch(preview.body, /<script>alert/);
    assert.doesNotMatch((await app.inject({ url: '/site-policy' })).body, /更新のお知らせ/, 'a preview saves nothing');
    const saved = await secretariat.post('/admin/pages/site-policy/edit', { ...form, bodyJa: body, intent: 'save' });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, '/admin/pages?done=updated');
    const page = await app.inject({ url: '/site-policy' });
    assert.notEqual(page.headers['x-page-cache'], 'hit');
    assert.match(page.body, /<h2>更新のお知らせ<\/h2>/);
    assert.doesNotMatch(page.body, /<script>alert/);
    assert.doesNotMatch(page.body, /href="javascript:/);
    assert.doesNotMatch(page.body, /<img src=x/);
    assert.match(page.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    const audit = await db().selectFrom('audit_events').select(['action', 'target_id']).where('action', '=', 'site_page.updated').execute();
    assert.deepEqual(audit, [{ action: 'site_page.updated', target_id: 'site-policy' }]);
    const list = await secretariat.get('/admin/pages?done=updated');
    assert.match(list.body, /ページを保存し、公開しました。/);
  });

  test('a wrong form answers 400 in Japanese and keeps the input; a stale form answers 409 and keeps it', async () => {
    const form = await formOf('contact');
    const wrong = await secretariat.post('/admin/pages/contact/edit', { ...form, titleJa: '', bodyJa: '入力した本文', intent: 'save' });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /ページ名（日本語）を入力してください。/);
    assert.match(wrong.body, /入力した本文<\/textarea>/);
    assert.match(wrong.body, /<title>エラー：/);
    const tooLong = await secretariat.post('/admin/pages/contact/edit', { ...form, titleJa: 'あ'.repeat(121), intent: 'save' });
    assert.equal(tooLong.statusCode, 400);
    assert.match(tooLong.body, /120文字以内/);
    assert.equal((await secretariat.post('/admin/pages/contact/edit', { ...form, bodyJa: `${form.bodyJa}\n\n一人目の変更`, intent: 'save' })).statusCode, 303);
    const stale = await secretariat.post('/admin/pages/contact/edit', { ...form, bodyJa: '二人目の変更（古いフォーム）', intent: 'save' });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /別の人が保存しました/);
    assert.match(stale.body, /二人目の変更（古いフォーム）<\/textarea>/);
    assert.match((await current().app.inject({ url: '/contact' })).body, /一人目の変更/);
    // Neither a missing nor a garbled version saves anything.
    assert.equal((await secretariat.post('/admin/pages/contact/edit', { ...form, version: 'x', intent: 'save' })).statusCode, 409);
    assert.equal((await secretariat.get('/admin/pages/nowhere/edit')).statusCode, 404);
  });

  test('versions: compared line by line and restored as a new version, public at once', async () => {
    const form = await formOf('about');
    assert.equal((await secretariat.post('/admin/pages/about/edit', { ...form, bodyJa: form.bodyJa.replace('信頼関係・絆の強化', '信頼関係の強化（改）'), intent: 'save' })).statusCode, 303);
    assert.match((await current().app.inject({ url: '/about' })).body, /信頼関係の強化（改）/);
    const versions = await secretariat.get('/admin/pages/about/versions');
    assert.match(versions.body, /第2版（現在）/);
    assert.match(versions.body, /初期内容/);
    const compare = await secretariat.get('/admin/pages/about/versions/1');
    assert.equal(compare.statusCode, 200);
    assert.match(compare.body, /<del>- 信頼関係・絆の強化\n<\/del><ins>- 信頼関係の強化（改）\n<\/ins>/);
    assert.equal((await secretariat.get('/admin/pages/about/versions/99')).statusCode, 404);
    // A restore from a stale page (version 1) changes nothing.
    assert.equal((await secretariat.post('/admin/pages/about/versions/1/restore', { version: '1' })).headers.location, '/admin/pages/about/versions');
    const restored = await secretariat.post('/admin/pages/about/versions/1/restore', { version: '2' });
    assert.equal(restored.statusCode, 303);
    const about = await current().app.inject({ url: '/about' });
    assert.match(about.body, /信頼関係・絆の強化/);
    assert.doesNotMatch(about.body, /（改）/);
    const after = await secretariat.get('/admin/pages/about/versions');
    assert.match(after.body, /第3版（現在）/);
    assert.match(after.body, /第1版から復元/);
    const audit = await db().selectFrom('audit_events').select('id').where('action', '=', 'site_page.restored').where('target_id', '=', 'about').execute();
    assert.equal(audit.length, 1);
  });

  test('test results: added, edited (409 when stale), removed; wrong input answers 400 with the input kept', async () => {
    const { app } = current();
    const fields = { version: '', testedOn: '2027-01-15', standard: 'JIS X 8341-3:2016', targetLevel: 'AA', scope: 'トップページほか10ページ', method: '人による確認\nスクリーンリーダー', result: '一部不適合', notes: '<script>alert(1)</script>' };
    await secretariat.get('/admin/pages/test-results/new');
    const wrong = await secretariat.post('/admin/pages/test-results/new', { ...fields, testedOn: '2027-02-30', targetLevel: 'Z', result: '' });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /試験日は「2026-12-08」の形の正しい日付にしてください。/);
    assert.match(wrong.body, /目標とする適合レベルを選んでください。/);
    assert.match(wrong.body, /結果を入力してください。/);
    assert.match(wrong.body, /value="トップページほか10ページ"|トップページほか10ページ<\/textarea>/);
    assert.equal((await secretariat.post('/admin/pages/test-results/new', fields)).statusCode, 303);
    const page = await app.inject({ url: '/accessibility' });
    assert.match(page.body, /<caption>試験結果1：2027年\(令和9年\)1月15日実施<\/caption>/, 'the newest first');
    assert.match(page.body, /<span>人による確認<\/span><br\/?><span>スクリーンリーダー<\/span>/);
    assert.match(page.body, /&lt;script>alert\(1\)&lt;\/script>/);
    const row = await db().selectFrom('accessibility_test_results').select(['id', 'version']).where('tested_on', '=', '2027-01-15').executeTakeFirstOrThrow();
    await secretariat.get(`/admin/pages/test-results/${row.id}/edit`);
    assert.equal((await secretariat.post(`/admin/pages/test-results/${row.id}/edit`, { ...fields, version: '1', result: '適合' })).statusCode, 303);
    const stale = await secretariat.post(`/admin/pages/test-results/${row.id}/edit`, { ...fields, version: '1', result: '古いフォームの結果' });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /古いフォームの結果<\/textarea>/);
    assert.match((await app.inject({ url: '/accessibility' })).body, /<span>適合<\/span>/);
    assert.equal((await secretariat.post(`/admin/pages/test-results/${row.id}/delete`, { version: '2' })).statusCode, 303);
    assert.doesNotMatch((await app.inject({ url: '/accessibility' })).body, /2027年\(令和9年\)1月15日/);
    const actions = await db().selectFrom('audit_events').select('action').where('target_id', '=', row.id).orderBy('occurred_at').execute();
    assert.deepEqual(actions.map((a) => a.action).sort(), ['accessibility_test.added', 'accessibility_test.removed', 'accessibility_test.updated']);
  });

  test('a later start seeds nothing again: an edited page and a removed test result stay as the secretariat left them', async () => {
    const before = await db().selectFrom('site_pages').select(['slug', 'version', 'body_ja']).orderBy('slug').execute();
    const results = await db().selectFrom('accessibility_test_results').select('id').execute();
    assert.equal(await seedSitePages(db()), 0);
    assert.deepEqual(await db().selectFrom('site_pages').select(['slug', 'version', 'body_ja']).orderBy('slug').execute(), before);
    assert.equal((await db().selectFrom('accessibility_test_results').select('id').execute()).length, results.length);
  });

  test('only the secretariat enters: a member and a ward officer get 403, a visitor is sent to sign in', async () => {
    const { app } = current();
    const anonymous = await app.inject({ url: '/admin/pages' });
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/login\?next=%2Fadmin%2Fpages$/);
    const member = await clientSignedInAs(app, db(), await insertAccount(db(), { role: 'member', code: '012211' }));
    const ward = await clientSignedInAs(app, db(), await insertAccount(db(), { role: 'ward_staff', code: '131016' }));
    const before = await db().selectFrom('site_pages').select('version').where('slug', '=', 'privacy').executeTakeFirstOrThrow();
    for (const client of [member, ward]) {
      assert.equal((await client.get('/admin/pages')).statusCode, 403);
      assert.equal((await client.get('/admin/pages/privacy/edit')).statusCode, 403);
      await client.get('/');
      const post = await client.post('/admin/pages/privacy/edit', { version: String(before.version), titleJa: '乗っ取り', bodyJa: '乗っ取り', intent: 'save' });
      assert.equal(post.statusCode, 403);
      assert.match(post.body, /権限がありません/);
    }
    const after = await db().selectFrom('site_pages').select(['version', 'title_ja']).where('slug', '=', 'privacy').executeTakeFirstOrThrow();
    assert.deepEqual(after, { version: before.version, title_ja: 'プライバシーポリシー（個人情報の取扱い）' });
  });
});
