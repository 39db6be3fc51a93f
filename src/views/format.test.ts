// formatDateTime remembers its texts: the remembered text must be the one for the page's language.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PageContext } from './context.ts';
import { formatDateTime } from './format.ts';

const ja = { lang: 'ja' } as PageContext;
const en = { lang: 'en' } as PageContext;

test('formatDateTime: the time in Japan, per language, the same when asked again', () => {
  const at = '2026-04-01T00:30:00.000Z';
  assert.equal(formatDateTime(ja, at), '2026年(令和8年)4月1日 09:30');
  assert.equal(formatDateTime(en, at), '1 April 2026, 09:30 JST');
  assert.equal(formatDateTime(ja, at), '2026年(令和8年)4月1日 09:30');
  assert.equal(formatDateTime(en, at), '1 April 2026, 09:30 JST');
});
