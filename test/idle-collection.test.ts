// src/idle-collection.ts: one collection after a busy spell, once no request has come for a while.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import Fastify from 'fastify';
import { collectGarbageWhenIdle } from '../src/idle-collection.ts';

test('collects once after a spell of enough responses falls quiet, never during it, never after a few', async () => {
  const app = Fastify();
  let collections = 0;
  collectGarbageWhenIdle(app, { quietMs: 80, minResponses: 3, collect: () => collections++ });
  app.get('/', async () => 'ok');
  try {
    for (let i = 0; i < 2; i++) await app.inject({ url: '/' });
    await sleep(200);
    assert.equal(collections, 0, 'two responses are not a busy spell');
    // A spell: responses closer together than the quiet time keep putting the collection off.
    for (let i = 0; i < 6; i++) {
      await app.inject({ url: '/' });
      await sleep(20);
    }
    assert.equal(collections, 0, 'not while requests keep coming');
    await sleep(200);
    assert.equal(collections, 1, 'once the spell is over');
    await sleep(200);
    assert.equal(collections, 1, 'and only once');
  } finally {
    await app.close();
  }
});
