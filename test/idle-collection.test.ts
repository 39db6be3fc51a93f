// src/idle-collection.ts: one collection after a busy spell, once no request has come for a while,
// then one trim of the allocator.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import Fastify from 'fastify';
import { collectGarbageWhenIdle, loadMallocTrim } from '../src/idle-collection.ts';

test('collects once after a spell of enough responses falls quiet, never during it, never after a few; trims after collecting', async () => {
  const app = Fastify();
  const calls: string[] = [];
  collectGarbageWhenIdle(app, { quietMs: 80, minResponses: 3, collect: () => calls.push('collect'), release: () => calls.push('release') });
  app.get('/', async () => 'ok');
  try {
    for (let i = 0; i < 2; i++) await app.inject({ url: '/' });
    await sleep(200);
    assert.deepEqual(calls, [], 'two responses are not a busy spell');
    // A spell: responses closer together than the quiet time keep putting the collection off.
    for (let i = 0; i < 6; i++) {
      await app.inject({ url: '/' });
      await sleep(20);
    }
    assert.deepEqual(calls, [], 'not while requests keep coming');
    await sleep(200);
    assert.deepEqual(calls, ['collect', 'release'], 'once the spell is over: the collection, then the trim');
    await sleep(200);
    assert.deepEqual(calls, ['collect', 'release'], 'and only once');
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
