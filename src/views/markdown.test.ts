// The Markdown renderer against an XSS corpus: nothing the author types becomes markup or a script.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markdownToText, renderMarkdown } from './markdown.ts';

const hostile = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '[click](JAVASCRIPT:alert(1))',
  '[click]( javascript:alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](vbscript:msgbox(1))',
  '[click](//evil.example/x)',
  '![x](https://evil.example/track.png)',
  '![x](javascript:alert(1))',
  '<a href="javascript:alert(1)">x</a>',
  '<iframe src="https://evil.example"></iframe>',
  '[x](https://example.jp/" onmouseover="alert(1))',
];

test('hostile Markdown never yields a tag, handler or script link', () => {
  for (const source of hostile) {
    const html = renderMarkdown(source);
    assert.doesNotMatch(html, /<(script|iframe|img[^>]*onerror)/i, source);
    assert.doesNotMatch(html, /href="(javascript|data|vbscript):/i, source);
    assert.doesNotMatch(html, /href="\/\//, source);
    assert.doesNotMatch(html, /src="https?:/i, source);
    assert.doesNotMatch(html, /\son\w+="/i, source);
  }
});

test('ordinary Markdown renders: headings from h2, links, lists, tables in a scroll region, site images', () => {
  const html = renderMarkdown('# 開催概要\n\n- 日時\n- 会場\n\n[詳細](https://collabo.tokyo-23city.or.jp/)\n\n|a|b|\n|-|-|\n|1|2|\n\n![会場の様子](/files/0b0e0f7a-1c2d-4e5f-8a9b-0c1d2e3f4a5b/photo.jpg)');
  assert.match(html, /<h2>開催概要<\/h2>/);
  assert.match(html, /<li>日時<\/li>/);
  assert.match(html, /<a href="https:\/\/collabo\.tokyo-23city\.or\.jp\/">詳細<\/a>/);
  assert.match(html, /role="region"[^>]*><table>/);
  assert.match(html, /<img src="\/files\/0b0e0f7a-1c2d-4e5f-8a9b-0c1d2e3f4a5b\/photo\.jpg" alt="会場の様子" loading="lazy">/);
});

test('markdownToText gives the words only', () => {
  assert.equal(markdownToText('## 見出し\n\n**太字**と<b>タグ</b>'), '見出し 太字と<b>タグ</b>');
});
