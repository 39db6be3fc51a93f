// PR pages on both engines, through the real app: a municipality's staff write their page (texts,
// fields, contact, links, a photo re-encoded without its EXIF/GPS), every save a version; bad input
// and stale forms answered with the input kept; staff of another municipality refused (GET and
// POST, crafted forms included); the secretariat compares, restores, hides (reason recorded) and
// shows again; a hidden page is gone from the municipality's page, the directory's badge, the
// search and the sitemap; the directory's filters; the top page; the rate limits on saves and photos.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import sharp from 'sharp';
import { clientSignedInAs, insertAccount, signedInClient } from '../../../test/accounts.ts';
import { TestClient } from '../../../test/client.ts';
import { describeEachEngine } from '../../../test/helper.ts';
import { hitRateLimit } from '../../db/rate-limit.ts';
import { prRateRules } from './rate-limits.ts';

const nayoro = '012211'; // 北海道名寄市: the member's own municipality
const hakodate = '012025'; // 北海道函館市: another member's
const asahikawa = '012041'; // 北海道旭川市: the rate-limit test's

/** A 2400×1800 JPEG carrying EXIF with a camera make and a GPS position. */
async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 2400, height: 1800, channels: 3, background: '#3366aa' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'RenkeiTestCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '44/1 21/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '142/1 27/1 0/1' } })
    .toBuffer();
}

const baseFields: Array<[string, string]> = [
  ['catchCopy', 'テスト用キャッチコピー ゆきあかりのまち'],
  ['introduction', '一段落目です。\n\n二段落目 <script>alert(1)</script>'],
  ['specialities', 'もち米（テスト）'],
  ['sightseeing', ''],
  ['relocation', '移住相談の窓口（テスト）'],
  ['fields', '4'],
  ['fields', '6'],
  ['contactDepartment', '総合政策部（テスト）'],
  ['contactPhone', '01654-00-0000'],
  ['contactEmail', 'test@city.example.lg.jp'],
  ['link.0.label', '市の公式サイト（テスト）'],
  ['link.0.url', 'https://www.example.lg.jp/'],
];

describeEachEngine('PR pages', (current) => {
  const db = () => current().database.handle.db;
  let member: TestClient;
  let other: TestClient;
  let secretariat: TestClient;
  const version = (body: string) => /name="version" value="(\d+)"/.exec(body)?.[1] ?? '';
  const publicPage = () => current().app.inject({ url: `/municipalities/${nayoro}` });
  /** Saves a few seconds apart are the members' normal pace; these tests save faster, so they start a new window. */
  const forgetSaveLimit = () => db().deleteFrom('rate_limits').where('key', 'like', `${prRateRules.save.name}:%`).execute();

  before(async () => {
    const { app } = current();
    member = await signedInClient(app, db(), { role: 'member', code: nayoro });
    other = await signedInClient(app, db(), { role: 'member', code: hakodate });
    secretariat = await signedInClient(app, db(), { role: 'secretariat', code: null, twoFactor: true });
  });

  test('anonymous visitors are sent to sign in; /member/pr leads staff to their own page', async () => {
    const anonymous = new TestClient(current().app);
    const get = await anonymous.get(`/member/pr/${nayoro}`);
    assert.equal(get.statusCode, 303);
    assert.match(String(get.headers.location), /^\/login\?next=/);
    await anonymous.get('/login');
    const post = await anonymous.post(`/member/pr/${nayoro}`, { catchCopy: 'x' });
    assert.equal(post.statusCode, 303);
    assert.match(String(post.headers.location), /^\/login\?next=/);
    const own = await member.get('/member/pr');
    assert.equal(own.headers.location, `/member/pr/${nayoro}`);
    assert.equal((await secretariat.get('/member/pr')).headers.location, '/admin/pr');
  });

  test('bad input: 400 with Japanese errors and the input kept; nothing saved', async () => {
    await member.get(`/member/pr/${nayoro}`);
    const res = await member.postMultipart(`/member/pr/${nayoro}`, [
      ['version', '0'],
      ['catchCopy', ''],
      ['introduction', '残したい紹介文'],
      ['contactEmail', 'not-an-address'],
      ['link.0.label', ''],
      ['link.0.url', 'javascript:alert(1)'],
      ['fields', '9'],
    ]);
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /キャッチコピーを入力してください。/);
    assert.match(res.body, /メールアドレスの形式が正しくありません/);
    assert.match(res.body, /リンク先は http:\/\/ または https:\/\/ で始まるアドレスにしてください。/);
    assert.match(res.body, /連携したい分野は一覧から選んでください。/);
    assert.match(res.body, /残したい紹介文/);
    assert.match(res.body, /<title>エラー：/);
    assert.equal(await db().selectFrom('pr_pages').select('code').where('code', '=', nayoro).executeTakeFirst(), undefined);
  });

  test('a photo: refused without alt text (kept for the next submit), refused when not an image; stored resized without EXIF/GPS', async () => {
    const photo = await jpegWithGps();
    assert.ok((await sharp(photo).metadata()).exif, 'the test photo carries EXIF');
    await member.get(`/member/pr/${nayoro}`);
    const disguised = await member.postMultipart(`/member/pr/${nayoro}`, [['version', '0'], ...baseFields], [{ field: 'photo.0.file', fileName: 'photo.jpg', content: Buffer.from('<html><script>alert(1)</script></html>'), contentType: 'image/jpeg' }]);
    assert.equal(disguised.statusCode, 400);
    assert.match(disguised.body, /「photo\.jpg」は受け付けられない種類のファイルです/);
    const noAlt = await member.postMultipart(`/member/pr/${nayoro}`, [['version', '0'], ...baseFields], [{ field: 'photo.0.file', fileName: 'ひまわり.jpg', content: photo, contentType: 'image/jpeg' }]);
    assert.equal(noAlt.statusCode, 400);
    assert.match(noAlt.body, /写真の代替テキスト（写っている内容の説明）を入力してください。/);
    assert.match(noAlt.body, /value="テスト用キャッチコピー ゆきあかりのまち"/);
    const fileId = /name="photo\.0\.fileId" value="([0-9a-f-]{36})"/.exec(noAlt.body)?.[1];
    const thumbId = /name="photo\.0\.thumbId" value="([0-9a-f-]{36})"/.exec(noAlt.body)?.[1];
    assert.ok(fileId && thumbId, 'the stored photo comes back in the form');
    const saved = await member.postMultipart(`/member/pr/${nayoro}`, [
      ['version', '0'],
      ...baseFields,
      ['photo.0.fileId', fileId],
      ['photo.0.thumbId', thumbId],
      ['photo.0.fileName', 'ひまわり.jpg'],
      ['photo.0.alt', '雪の中の街並み（テスト画像）'],
      ['photo.0.caption', 'テストのキャプション'],
    ]);
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `/member/pr/${nayoro}?done=saved`);
    for (const [id, longSide] of [
      [fileId, 1600],
      [thumbId, 480],
    ] as const) {
      const file = await current().app.inject({ url: `/files/${id}/x` });
      assert.equal(file.statusCode, 200);
      const meta = await sharp(file.rawPayload).metadata();
      assert.equal(meta.exif, undefined, 'no EXIF (and so no GPS) in the stored photo');
      assert.equal(meta.xmp, undefined);
      assert.equal(file.rawPayload.indexOf(Buffer.from('RenkeiTestCam')), -1);
      assert.equal(Math.max(meta.width ?? 0, meta.height ?? 0), longSide);
    }
    const page = await publicPage();
    assert.match(page.body, /<section id="pr"/);
    assert.match(page.body, /テスト用キャッチコピー ゆきあかりのまち/);
    assert.match(page.body, new RegExp(`<img src="/files/${thumbId}/photo-small\\.webp" alt="雪の中の街並み（テスト画像）" loading="lazy"`));
    assert.match(page.body, /<p><span>一段落目です。<\/span><\/p>/);
    assert.doesNotMatch(page.body, /<script>alert/);
    assert.match(page.body, /相互の地域課題への挑戦|新しい住民交流スタイルの模索/);
    assert.match(page.body, /開催予定のイベント/, 'the municipality page shows its upcoming events');
    const audit = await db().selectFrom('audit_events').select('action').where('target_id', '=', nayoro).execute();
    assert.ok(audit.some((a) => a.action === 'pr.created'));
  });

  test('each save is a version; a stale form is 409 with the input kept', async () => {
    const form = await member.get(`/member/pr/${nayoro}`);
    const v = version(form.body);
    assert.equal(v, '1');
    const fileId = /name="photo\.0\.fileId" value="([0-9a-f-]{36})"/.exec(form.body)![1]!;
    const thumbId = /name="photo\.0\.thumbId" value="([0-9a-f-]{36})"/.exec(form.body)![1]!;
    const photoRow: Array<[string, string]> = [
      ['photo.0.fileId', fileId],
      ['photo.0.thumbId', thumbId],
      ['photo.0.alt', '雪の中の街並み（テスト画像）'],
    ];
    await forgetSaveLimit();
    const second = await member.postMultipart(`/member/pr/${nayoro}`, [['version', v], ...baseFields.map(([k, val]): [string, string] => [k, k === 'catchCopy' ? '改訂したキャッチコピー' : val]), ...photoRow]);
    assert.equal(second.statusCode, 303);
    await forgetSaveLimit();
    const stale = await member.postMultipart(`/member/pr/${nayoro}`, [['version', v], ...baseFields.map(([k, val]): [string, string] => [k, k === 'catchCopy' ? '古いフォームからの入力' : val])]);
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /別の人が保存しました/);
    assert.match(stale.body, /value="古いフォームからの入力"/);
    const versions = await db().selectFrom('pr_page_versions').select('version').where('code', '=', nayoro).orderBy('version').execute();
    assert.deepEqual(versions.map((r) => Number(r.version)), [1, 2]);
  });

  test('staff of another municipality: 403 on GET and POST of its page; a crafted form changes nothing of it', async () => {
    const before = await db().selectFrom('pr_pages').select(['catch_copy', 'version']).where('code', '=', nayoro).executeTakeFirstOrThrow();
    const get = await other.get(`/member/pr/${nayoro}`);
    assert.equal(get.statusCode, 403);
    assert.match(get.body, /権限がありません/);
    await other.get(`/member/pr/${hakodate}`);
    const post = await other.postMultipart(`/member/pr/${nayoro}`, [['version', String(before.version)], ['catchCopy', '乗っ取り']]);
    assert.equal(post.statusCode, 403);
    // Their own URL, with 名寄市's code and photo slipped into the form: only 函館市's page could change, and the photo is refused.
    const nayoroPhoto = await db().selectFrom('pr_page_photos').select(['file_id', 'thumb_file_id']).where('code', '=', nayoro).executeTakeFirstOrThrow();
    const crafted = await other.postMultipart(`/member/pr/${hakodate}`, [
      ['version', '0'],
      ['code', nayoro],
      ['catchCopy', '乗っ取り'],
      ['photo.0.fileId', nayoroPhoto.file_id],
      ['photo.0.thumbId', nayoroPhoto.thumb_file_id],
      ['photo.0.alt', '借りた写真'],
    ]);
    assert.equal(crafted.statusCode, 400);
    assert.match(crafted.body, /写真をもう一度選んでください。/);
    const plain = await other.postMultipart(`/member/pr/${hakodate}`, [['version', '0'], ['code', nayoro], ['catchCopy', '函館市のテストPR']]);
    assert.equal(plain.statusCode, 303);
    const after = await db().selectFrom('pr_pages').select(['catch_copy', 'version']).where('code', '=', nayoro).executeTakeFirstOrThrow();
    assert.deepEqual(after, before);
    assert.equal((await db().selectFrom('pr_pages').select('catch_copy').where('code', '=', hakodate).executeTakeFirstOrThrow()).catch_copy, '函館市のテストPR');
    assert.equal((await other.get('/admin/pr')).statusCode, 403);
  });

  test('the directory: badge, 「PRページあり」, region and field filters in the URL', async () => {
    const { app } = current();
    const row = (body: string, code: string) => new RegExp(`href="/municipalities/${code}">[\\s\\S]*?</td>`).exec(body)?.[0] ?? '';
    const withPr = await app.inject({ url: '/municipalities?pr=1&region=hokkaido' });
    assert.equal(withPr.statusCode, 200);
    assert.match(row(withPr.body, nayoro), /PRページあり/);
    assert.match(withPr.body, /2件/);
    const byField = await app.inject({ url: '/municipalities?field=4' });
    assert.ok(row(byField.body, nayoro));
    assert.equal(row(byField.body, hakodate), '', '函館市 named no field');
    const all = await app.inject({ url: `/municipalities?q=${encodeURIComponent('名寄')}` });
    assert.match(row(all.body, nayoro), /PRページあり/);
    const otaru = await app.inject({ url: `/municipalities?q=${encodeURIComponent('小樽')}` });
    assert.ok(row(otaru.body, '012033'));
    assert.doesNotMatch(row(otaru.body, '012033'), /PRページあり/);
    assert.equal((await app.inject({ url: '/municipalities?region=atlantis&field=99' })).statusCode, 400);
    assert.match((await app.inject({ url: '/municipalities?region=atlantis' })).body, /地方は一覧から選んでください。/);
  });

  test('the secretariat: versions, comparison, restore', async () => {
    const page = await secretariat.get(`/admin/pr/${nayoro}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /第2版（現在）/);
    const compare = await secretariat.get(`/admin/pr/${nayoro}/versions/1`);
    assert.equal(compare.statusCode, 200);
    assert.match(compare.body, /<del>改訂したキャッチコピー\n?<\/del>|<ins>改訂したキャッチコピー/);
    const restored = await secretariat.post(`/admin/pr/${nayoro}/versions/1/restore`, { version: '2' });
    assert.equal(restored.statusCode, 303);
    const row = await db().selectFrom('pr_pages').select(['catch_copy', 'version']).where('code', '=', nayoro).executeTakeFirstOrThrow();
    assert.deepEqual({ ...row, version: Number(row.version) }, { catch_copy: 'テスト用キャッチコピー ゆきあかりのまち', version: 3 });
    const stale = await secretariat.post(`/admin/pr/${nayoro}/versions/1/restore`, { version: '2' });
    assert.equal(stale.statusCode, 303);
    assert.equal(Number((await db().selectFrom('pr_pages').select('version').where('code', '=', nayoro).executeTakeFirstOrThrow()).version), 3, 'a stale restore does nothing');
    assert.equal((await secretariat.get('/admin/pr/999999')).statusCode, 404);
  });

  test('search, sitemap and the top page show the page; hidden (reason required and audited) it is gone from all of them and shown again', async () => {
    const { app } = current();
    const search = async () => (await app.inject({ url: `/search?q=${encodeURIComponent('ゆきあかり')}` })).body;
    const sitemapEntry = async () => /<url><loc>[^<]*\/municipalities\/012211<\/loc>(<lastmod>[^<]*<\/lastmod>)?<\/url>/.exec((await app.inject({ url: '/sitemap.xml' })).body)?.[1];
    assert.match(await search(), new RegExp(`href="/municipalities/${nayoro}#pr"`));
    assert.ok(await sitemapEntry(), 'the sitemap gives the PR page’s last change');
    assert.match((await app.inject({ url: '/' })).body, /ゆきあかりのまち/);

    const noReason = await secretariat.post(`/admin/pr/${nayoro}/hide`, { reason: '  ' });
    assert.equal(noReason.statusCode, 400);
    assert.match(noReason.body, /非公開にする理由を入力してください。/);
    const hidden = await secretariat.post(`/admin/pr/${nayoro}/hide`, { reason: '連絡先の確認のため' });
    assert.equal(hidden.statusCode, 303);
    const audit = await db().selectFrom('audit_events').select('detail').where('action', '=', 'pr.hidden').where('target_id', '=', nayoro).executeTakeFirstOrThrow();
    assert.match(String(audit.detail), /連絡先の確認のため/);
    const page = await publicPage();
    assert.equal(page.statusCode, 200, 'the municipality page itself stays');
    assert.doesNotMatch(page.body, /<section id="pr"/);
    assert.doesNotMatch(page.body, /ゆきあかり/);
    const listed = new RegExp(`href="/municipalities/${nayoro}">[\\s\\S]*?</td>`).exec((await app.inject({ url: `/municipalities?q=${encodeURIComponent('名寄')}` })).body)?.[0] ?? '';
    assert.ok(listed);
    assert.doesNotMatch(listed, /PRページあり/);
    assert.doesNotMatch((await app.inject({ url: '/municipalities?pr=1' })).body, new RegExp(`/municipalities/${nayoro}"`));
    assert.doesNotMatch(await search(), new RegExp(`/municipalities/${nayoro}#pr`));
    assert.equal(await sitemapEntry(), undefined);
    assert.doesNotMatch((await app.inject({ url: '/' })).body, /ゆきあかりのまち/);
    // Staff see why, and may still edit.
    const form = await member.get(`/member/pr/${nayoro}`);
    assert.match(form.body, /事務局が非公開にしています。理由：連絡先の確認のため/);
    assert.match((await secretariat.get('/admin/pr?state=hidden')).body, /名寄市/);

    assert.equal((await secretariat.post(`/admin/pr/${nayoro}/unhide`, {})).statusCode, 303);
    assert.match((await publicPage()).body, /<section id="pr"/);
    assert.match(await search(), new RegExp(`/municipalities/${nayoro}#pr`));
  });

  test('rate limits: the 21st save within 10 minutes and the 31st photo within an hour get 429 in Japanese with Retry-After, input kept, nothing lost', async () => {
    const { app } = current();
    const accountId = await insertAccount(db(), { role: 'member', code: asahikawa });
    const staff = await clientSignedInAs(app, db(), accountId);
    await staff.get(`/member/pr/${asahikawa}`);
    const form = (catchCopy: string, v: string): Array<[string, string]> => [['version', v], ['catchCopy', catchCopy], ['introduction', '旭川市の紹介（テスト）']];
    // 19 saves already in these 10 minutes (counted as the route counts them): the 20th is stored, the 21st refused.
    for (let i = 0; i < prRateRules.save.limit - 1; i++) await hitRateLimit(db(), prRateRules.save, accountId);
    assert.equal((await staff.postMultipart(`/member/pr/${asahikawa}`, form('最初に保存したキャッチコピー', '0'))).statusCode, 303);
    const soon = await staff.postMultipart(`/member/pr/${asahikawa}`, form('すぐ後のキャッチコピー', '1'));
    assert.equal(soon.statusCode, 429);
    const wait = Number(soon.headers['retry-after']);
    assert.ok(wait >= 1 && wait <= 600, `Retry-After ${wait}`);
    assert.match(soon.body, /PRページの保存は10分間に20回までです。[^。]+後にもう一度「保存して公開する」を押してください。入力した内容はそのまま残っています。/);
    assert.match(soon.body, /href="#f-save"/);
    assert.match(soon.body, /value="すぐ後のキャッチコピー"/);
    assert.match(soon.body, /旭川市の紹介（テスト）<\/textarea>/);
    const stored = async () => db().selectFrom('pr_pages').select(['catch_copy', 'version']).where('code', '=', asahikawa).executeTakeFirstOrThrow();
    assert.deepEqual({ ...(await stored()), version: Number((await stored()).version) }, { catch_copy: '最初に保存したキャッチコピー', version: 1 });

    // 29 photos already this hour (counted as the route counts them): the 30th is stored, the 31st refused before it is read.
    await forgetSaveLimit();
    for (let i = 0; i < prRateRules.photoHourly.limit - 1; i++) await hitRateLimit(db(), prRateRules.photoHourly, accountId);
    const small = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#aa6633' } }).jpeg().toBuffer();
    const filesBefore = (await db().selectFrom('files').select('id').execute()).length;
    const photos = await staff.postMultipart(
      `/member/pr/${asahikawa}`,
      [...form('写真付きのキャッチコピー', '1'), ['photo.0.alt', '一枚目の説明'], ['photo.1.alt', '二枚目の説明']],
      [
        { field: 'photo.0.file', fileName: '一枚目.jpg', content: small, contentType: 'image/jpeg' },
        { field: 'photo.1.file', fileName: '二枚目.jpg', content: small, contentType: 'image/jpeg' },
      ],
    );
    assert.equal(photos.statusCode, 429);
    assert.ok(Number(photos.headers['retry-after']) > 3000, 'the hour’s window');
    assert.match(photos.body, /写真のアップロードは1時間に30枚までです。約\d+(分|時間)後に写真を選び直して保存してください。/);
    assert.match(photos.body, /name="photo\.0\.fileId" value="[0-9a-f-]{36}"/, 'the photo accepted before the limit is kept in the form');
    assert.match(photos.body, /保存済みの写真：一枚目\.jpg/);
    assert.match(photos.body, /value="写真付きのキャッチコピー"/);
    assert.equal((await db().selectFrom('files').select('id').execute()).length, filesBefore + 2, 'one photo (with its small version) stored, the refused one not');
    assert.equal((await stored()).catch_copy, '最初に保存したキャッチコピー', 'the page is not saved');

    // The secretariat is exempt: two saves in a row.
    await secretariat.get(`/member/pr/${asahikawa}`);
    assert.equal((await secretariat.postMultipart(`/member/pr/${asahikawa}`, form('事務局の修正1', '1'))).statusCode, 303);
    assert.equal((await secretariat.postMultipart(`/member/pr/${asahikawa}`, form('事務局の修正2', '2'))).statusCode, 303);
  });

  test('sample pages are marked 「サンプル」', async () => {
    const sample = await db().selectFrom('pr_pages').select('code').where('provenance', '=', 'sample').executeTakeFirst();
    assert.ok(sample, 'demo data has sample pages');
    const page = await current().app.inject({ url: `/municipalities/${sample.code}` });
    assert.match(page.body, /サンプル：表示の確認用に作った架空の内容です/);
  });
});
