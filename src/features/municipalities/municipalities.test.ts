import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withCheckDigit } from '../../domain/local-gov-code.ts';
import { describeEachEngine } from '../../../test/helper.ts';

/** Valid check digit, but no such municipality (東京都 has no 999). */
const unusedCode = withCheckDigit('13999');
const resultCount = (html: string) => /role="status">([^<]*)</.exec(html)?.[1] ?? '';

describeEachEngine('municipalities', (current) => {
  const get = (url: string, headers: Record<string, string> = {}) => current().app.inject({ method: 'GET', url, headers });

  test('the list shows all 1,741 municipalities, 100 per page, in Japanese order', async () => {
    const res = await get('/municipalities');
    assert.equal(res.statusCode, 200);
    assert.match(resultCount(res.body), /1,741件中 1〜100件を表示/);
    const names = [...res.body.matchAll(/<td><a href="\/municipalities\/\d{6}">([^<]+)<\/a><span class="rk-kana">（([^）]+)）/g)];
    assert.equal(names.length, 100);
    const kana = names.map((m) => m[2]!);
    const collator = new Intl.Collator('ja');
    assert.deepEqual(kana, [...kana].sort(collator.compare), 'rows are in 五十音 order of their reading');
    assert.equal(names[0]![1], '相生市', 'あいおいし comes first');
  });

  test('the last page holds the remainder', async () => {
    const res = await get('/municipalities?page=18');
    assert.match(resultCount(res.body), /1,741件中 1,701〜1,741件を表示/);
  });

  test('filtering by prefecture and kind: 東京都 has 23 special wards', async () => {
    const res = await get('/municipalities?pref=13&kind=' + encodeURIComponent('特別区'));
    assert.equal(res.statusCode, 200);
    assert.match(resultCount(res.body), /^23件中/);
    assert.match(res.body, /<option value="13" selected>東京都<\/option>/);
  });

  test('政令指定都市 lists the 20 designated cities', async () => {
    const res = await get('/municipalities?kind=' + encodeURIComponent('政令指定都市'));
    assert.match(resultCount(res.body), /^20件中/);
    assert.match(res.body, /札幌市/);
  });

  test('search matches name, reading in hiragana, katakana or half-width kana, and code', async () => {
    for (const q of ['千代田', 'ちよだ', 'チヨダ', 'ﾁﾖﾀﾞ', '131016', '13101']) {
      const res = await get('/municipalities?q=' + encodeURIComponent(q));
      assert.equal(res.statusCode, 200, q);
      assert.match(res.body, /href="\/municipalities\/131016"/, `query ${q} finds 千代田区`);
    }
    const both = await get('/municipalities?q=' + encodeURIComponent('ちよだ'));
    assert.match(resultCount(both.body), /^2件中/, '千代田区 and 千代田町');
    const narrowed = await get('/municipalities?q=' + encodeURIComponent('ちよだ 群馬'));
    assert.match(resultCount(narrowed.body), /^1件中/);
  });

  test('search input with LIKE wildcards is matched literally', async () => {
    const res = await get('/municipalities?q=' + encodeURIComponent('%_'));
    assert.equal(res.statusCode, 200);
    assert.match(resultCount(res.body), /条件に合う自治体はありません/);
  });

  test('sorting by code starts with 北海道の札幌市', async () => {
    const res = await get('/municipalities?sort=code');
    const first = /<td class="rk-table__code">(\d{6})<\/td>/.exec(res.body);
    assert.equal(first?.[1], '011002');
  });

  test('bad filter values come back as the same form with a Japanese error, input kept, status 400', async () => {
    const res = await get('/municipalities?q=' + encodeURIComponent('ちよだ') + '&pref=99&sort=zzz');
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /入力内容を確認してください/);
    assert.match(res.body, /<div class="rk-error-summary" role="region" tabindex="-1"[^>]*autofocus/, 'the summary takes focus on load');
    assert.match(res.body, /<a href="#filter-pref">都道府県は一覧から選んでください。<\/a>/);
    assert.match(res.body, /都道府県は一覧から選んでください。/);
    assert.match(res.body, /並び順は一覧から選んでください。/);
    assert.match(res.body, /<input id="filter-q"[^>]*value="ちよだ"/);
    assert.match(res.body, /id="filter-pref"[^>]*aria-invalid="true"/);
    const tooLong = await get('/municipalities?q=' + 'あ'.repeat(101));
    assert.equal(tooLong.statusCode, 400);
    assert.match(tooLong.body, /100文字以内/);
    const badPage = await get('/municipalities?page=0');
    assert.equal(badPage.statusCode, 400);
  });

  test('repeated parameters are a 400, not a 500', async () => {
    const res = await get('/municipalities?pref=13&pref=14');
    assert.equal(res.statusCode, 400);
  });

  test('user input cannot break out of the form field', async () => {
    const res = await get('/municipalities?q=' + encodeURIComponent('"><script>alert(1)</script>'));
    assert.equal(res.statusCode, 200);
    assert.ok(!res.body.includes('"><script>'), 'the quote is escaped inside the value attribute');
    assert.match(res.body, /value="&#34;><script>alert\(1\)<\/script>"/);
  });

  test('/municipalities/131016 shows 千代田区 with its reading', async () => {
    const res = await get('/municipalities/131016');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<span>千代田区<\/span><rp>（<\/rp><rt>ちよだく<\/rt>/);
    assert.match(res.body, /<dd>特別区<\/dd>|<span>特別区<\/span>/);
    assert.match(res.body, /href="\/municipalities\/130001"/);
  });

  test('a prefecture page counts its municipalities', async () => {
    const res = await get('/municipalities/130001');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /特別区 23/);
    assert.match(res.body, /市 26/);
  });

  test('a Northern Territories village resolves, with a note that it is not counted', async () => {
    const res = await get('/municipalities/016951');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /色丹村/);
    assert.match(res.body, /市町村数には数えません/);
  });

  test('the 5-digit code without check digit redirects to the 6-digit page', async () => {
    const res = await get('/municipalities/13101');
    assert.equal(res.statusCode, 301);
    assert.equal(res.headers.location, '/municipalities/131016');
  });

  test('an invalid or unknown code gives a Japanese 404 page', async () => {
    for (const [url, text] of [
      ['/municipalities/131017', '団体コードの形式が正しくありません'],
      ['/municipalities/abc', '団体コードの形式が正しくありません'],
      ['/municipalities/131016x', '団体コードの形式が正しくありません'],
      [`/municipalities/${unusedCode}`, `団体コード ${unusedCode} の自治体は登録されていません`],
    ] as const) {
      const res = await get(url);
      assert.equal(res.statusCode, 404, url);
      assert.match(res.headers['content-type'] as string, /text\/html/);
      assert.match(res.body, /ページが見つかりません/);
      assert.ok(res.body.includes(text), `${url}: ${text}`);
    }
  });

  test('the English interface keeps proper names and translates the rest', async () => {
    const res = await get('/municipalities/131016', { cookie: 'lang=en' });
    assert.match(res.body, /<html lang="en">/);
    assert.match(res.body, /Local government code/);
    assert.match(res.body, /Tokyo \(東京都\)/);
  });
});
