// A PostgreSQL connection that dies while the app holds it between two statements must cost that
// request a 503, not the process: pg reports the loss as an 'error' event on the client, and an
// event without a listener is an uncaught exception (the instance stopped when PostgreSQL was
// killed under load). Deterministic here: the server ends the held connection on purpose.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { sql } from 'kysely';
import { createTestDatabase, postgresAdminUrl, postgresSkipReason } from '../../test/helper.ts';
import { databaseTrouble } from './unavailable.ts';

test('a held connection the server ends fails its next statement as unavailable; the process and the pool go on', { skip: postgresSkipReason }, async () => {
  const database = await createTestDatabase('postgres', { demoData: false });
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  try {
    let failure: unknown;
    await database.handle.db.connection().execute(async (held) => {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(held);
      await admin.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
      // Let the socket's end arrive while no statement is running: the moment pg emits 'error'.
      await new Promise((resolve) => setTimeout(resolve, 300));
      failure = await sql`select 1`.execute(held).then(
        () => undefined,
        (error: unknown) => error,
      );
    });
    assert.ok(failure, 'the statement on the dead connection failed');
    assert.equal(databaseTrouble(failure), 'unavailable', String(failure));
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(database.handle.db);
    assert.equal(rows[0]!.one, 1, 'the pool dropped the dead connection and serves from a new one');
  } finally {
    await admin.end();
    await database.drop();
  }
});
