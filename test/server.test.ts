// `npm start` as a user runs it: the real entry point in a child process.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { postgresAdminUrl, postgresSkipReason } from './helper.ts';
import { baseEnv, serverEntry, startServer } from './processes.ts';


/** Runs the entry point to its end (asynchronously, so that several runs may overlap). */
function runToExit(env: Record<string, string | undefined>): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, serverEntry, { env: { ...baseEnv, ...env }, stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stderr }));
  });
}

// Each case is a process that starts and stops at once: they run side by side.
describe('configuration errors', { concurrency: 3 }, () => {
  for (const [env, variable] of [
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/x' }, 'DATABASE_URL'],
    [{ DEMO_DATA: 'maybe' }, 'DEMO_DATA'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL'],
    [{ APP_ENV: 'production' }, 'SESSION_SECRET'],
  ] as const) {
    test(`a bad ${variable} exits 1 with one clear line naming it`, async () => {
      const result = await runToExit(env);
      assert.equal(result.status, 1, result.stderr);
      const lines = result.stderr.trim().split('\n');
      assert.equal(lines.length, 1, result.stderr);
      assert.match(lines[0]!, new RegExp(`^設定エラー / configuration error: ${variable} `));
      assert.doesNotMatch(result.stderr, /\n\s+at /);
    });
  }
});

describe('starting on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'renkei-server-'));
  const file = join(dir, 'renkei.sqlite');
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('creates, migrates and seeds the file, serves pages, and stops gracefully on SIGTERM', async () => {
    const server = await startServer({ SQLITE_FILE: file });
    const page = await fetch(`${server.base}/municipalities/131016`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /千代田区/);
    // A request already in flight when SIGTERM arrives still gets its answer.
    const inFlight = fetch(`${server.base}/municipalities?q=${encodeURIComponent('ちよだ')}`);
    await new Promise((r) => setTimeout(r, 5));
    const code = await server.stop();
    assert.equal((await inFlight).status, 200);
    assert.equal(code, 0, server.output());
  });

  test('a restart keeps what was changed and seeds nothing twice', async () => {
    const direct = new SQLite(file);
    direct.prepare("update local_governments set note = '記録された変更' where code = '131016'").run();
    direct.close();
    const server = await startServer({ SQLITE_FILE: file });
    const page = await (await fetch(`${server.base}/municipalities/131016`)).text();
    assert.match(page, /記録された変更/);
    assert.equal(await server.stop(), 0);
    const check = new SQLite(file, { readonly: true });
    const { n } = check.prepare('select count(*) as n from local_governments').get() as { n: number };
    check.close();
    assert.equal(n, 47 + 1747);
  });
});

describe('starting on PostgreSQL', { skip: postgresSkipReason }, () => {
  const name = `renkei_server_${process.pid}`;
  const admin = () => new pg.Client({ connectionString: postgresAdminUrl });
  after(async () => {
    const client = admin();
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  });

  test('migrates an empty database itself and serves the same site', async () => {
    const client = admin();
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
    await client.end();
    const url = new URL(postgresAdminUrl);
    url.pathname = `/${name}`;
    const server = await startServer({ DATABASE_URL: url.toString() });
    const health = await (await fetch(`${server.base}/healthz`)).json();
    assert.equal(health.database.engine, 'postgres');
    const list = await (await fetch(`${server.base}/municipalities?pref=13`)).text();
    assert.match(list, /62件中/);
    assert.equal(await server.stop(), 0);
  });
});
