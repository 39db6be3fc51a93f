import assert from 'node:assert/strict';
import { test } from 'node:test';
import { digestWindow, latestDigestTime } from './digest-periods.ts';

test('the daily digest time is the latest 07:00 JST', () => {
  // 2026-12-08 06:59 JST → the day before at 07:00 JST; 07:00 JST → that very time.
  assert.equal(latestDigestTime('daily', new Date('2026-12-07T21:59:00Z')).toISOString(), '2026-12-06T22:00:00.000Z');
  assert.equal(latestDigestTime('daily', new Date('2026-12-07T22:00:00Z')).toISOString(), '2026-12-07T22:00:00.000Z');
  assert.equal(latestDigestTime('daily', new Date('2026-12-08T12:00:00Z')).toISOString(), '2026-12-07T22:00:00.000Z');
});

test('the weekly digest time is the latest Monday 07:00 JST', () => {
  // Monday 2026-12-07 07:00 JST = Sunday 2026-12-06 22:00 UTC.
  assert.equal(latestDigestTime('weekly', new Date('2026-12-06T22:00:00Z')).toISOString(), '2026-12-06T22:00:00.000Z');
  assert.equal(latestDigestTime('weekly', new Date('2026-12-13T21:59:59Z')).toISOString(), '2026-12-06T22:00:00.000Z');
  assert.equal(latestDigestTime('weekly', new Date('2026-12-06T21:59:59Z')).toISOString(), '2026-11-29T22:00:00.000Z');
  const { from, to } = digestWindow('weekly', new Date('2026-12-06T22:00:00Z'));
  assert.equal(from.toISOString(), '2026-11-29T22:00:00.000Z');
  assert.equal(to.toISOString(), '2026-12-06T22:00:00.000Z');
});
