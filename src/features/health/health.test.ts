import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachEngine } from '../../../test/helper.ts';

describeEachEngine('health', (current, engine) => {
  test('/healthz reports a reachable, fully migrated database', async () => {
    const res = await current().app.inject('/healthz');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.status, 'ok');
    assert.equal(body.database.engine, engine);
    assert.equal(body.database.reachable, true);
    assert.equal(body.database.migrations.applied, body.database.migrations.known);
    assert.equal(res.headers['cache-control'], 'no-store');
  });
});
