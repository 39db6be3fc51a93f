// src/idle-collection.ts: one collection after a busy spell, once no request has come for a while,
// then one trim of the allocator.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import Fastify from 'fastify';
import { collectGarbageWhenIdle, loadMallocTrim } from '../src/idle-collection.ts';

test('collects when quiet after memory has grown, never while requests keep coming, never without growth; trims after collecting', async () => {
  const app = Fastify();
  const calls: string[] = [];
  let resident = 100;
  collectGarbageWhenIdle(app, {
    quietMs: 80,
    minGrowthBytes: 10,
    residentBytes: () => resident,
    collect: () => calls.push('collect'),
    release: () => {
      calls.push('release');
      resident = 105;
    },
  });
  app.get('/', async () => 'ok');
  try {
    for (let i = 0; i < 3; i++) await app.inject({ url: '/' });
    resident = 109;
    await sleep(200);
    assert.deepEqual(calls, [], 'quiet, but memory grew less than the threshold');
    // Memory grows while requests keep coming (closer together than the quiet time): no collection yet.
    resident = 150;
    for (let i = 0; i < 6; i++) {
      await app.inject({ url: '/' });
      await sleep(20);
    }
    assert.deepEqual(calls, [], 'not while requests keep coming');
    await sleep(200);
    assert.deepEqual(calls, ['collect', 'release'], 'once quiet: the collection, then the trim');
    await sleep(200);
    assert.deepEqual(calls, ['collect', 'release'], 'and only once: the trim set the new baseline (105)');
    resident = 120;
    await sleep(200);
    assert.deepEqual(calls, ['collect', 'release', 'collect', 'release'], 'growth past the new baseline, even without requests (background work), collects again');
  } finally {
    await app.close();
  }
});

const report = process.report.getReport() as { header?: { glibcVersionRuntime?: string } };
const onGlibc = process.platform === 'linux' && Boolean(report.header?.glibcVersionRuntime);

test('the allocator trim is built and callable where the allocator is glibc', { skip: onGlibc ? undefined : 'not glibc' }, () => {
  // npm install builds native/malloc-trim; a build that failed silently (it is optional) would
  // leave instances holding freed memory, so on glibc its absence is a failure here.
  const trim = loadMallocTrim();
  assert.ok(trim, 'renkei-malloc-trim is installed and loads');
  assert.equal(typeof trim(), 'boolean');
});
