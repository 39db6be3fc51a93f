// Sharing on both engines: robots.txt keeps crawlers out of the back office and names the
// sitemap; sitemap.xml lists the public pages, the published articles and every municipality;
// every page carries its canonical address and Open Graph metadata, and the footer links the
// official X account (a plain link, no script).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachEngine } from '../../../test/helper.ts';

describeEachEngine('sharing', (current) => {
  test('robots.txt and sitemap.xml', async () => {
    const { app } = current();
    const robots = await app.inject({ url: '/robots.txt' });
    assert.equal(robots.statusCode, 200);
    assert.match(robots.body, /^Disallow: \/admin$/m);
    assert.match(robots.body, /^Sitemap: http:\/\/localhost:\d+\/sitemap\.xml$/m);
    const sitemap = await app.inject({ url: '/sitemap.xml' });
    assert.equal(sitemap.statusCode, 200);
    assert.match(String(sitemap.headers['content-type']), /^application\/xml/);
    assert.match(sitemap.body, /<loc>http:\/\/localhost:\d+\/news\/miryoku-2024<\/loc><lastmod>\d{4}-\d{2}-\d{2}<\/lastmod>/);
    assert.match(sitemap.body, /<loc>http:\/\/localhost:\d+\/municipalities\/012211<\/loc>/);
    assert.match(sitemap.body, /<loc>http:\/\/localhost:\d+\/wards\/131016<\/loc>/);
    assert.doesNotMatch(sitemap.body, /\/admin/);
    const urls = sitemap.body.match(/<url>/g)?.length ?? 0;
    assert.ok(urls > 1700 && urls < 50_000, `${urls} addresses`);
    assert.equal((await app.inject({ url: '/sitemap' })).statusCode, 200);
  });

  test('canonical address and Open Graph metadata on a page and an article; the X account in the footer', async () => {
    const { app } = current();
    const list = await app.inject({ url: '/news?category=event&done=x' });
    assert.match(list.body, /<link rel="canonical" href="http:\/\/localhost:\d+\/news\?category=event"\/>/);
    assert.match(list.body, /<meta property="og:type" content="website"\/>/);
    assert.match(list.body, /<a href="https:\/\/x\.com\/Zenkoku_Renkei" rel="noopener noreferrer">/);
    const article = await app.inject({ url: '/news/miryoku-2019-report' });
    assert.match(article.body, /<meta property="og:type" content="article"\/>/);
    assert.match(article.body, /<meta property="og:title" content="令和元年度 第1回 魅力発信イベントを開催しました"\/>/);
    assert.match(article.body, /<meta name="description" content="東京駅丸の内のKITTEで2日間開催し/);
    const image = await app.inject({ url: '/assets/og-image.png' });
    assert.equal(image.statusCode, 200);
    assert.equal(image.headers['content-type'], 'image/png');
  });
});
