// SQLite under two faults, with no corruption afterwards (PRAGMA integrity_check):
// - the file locked by another process: a real instance (the compiled server) while this process holds
//   the write lock (BEGIN EXCLUSIVE) beyond busy_timeout. A write is answered with the Japanese
//   503 page and Retry-After (not a 500, no stack); reading goes on (WAL); once the lock is
//   released the same write succeeds.
// - the disk full: simulated with PRAGMA max_page_count on the app's own connection, which makes
//   SQLite fail exactly as on a full disk (SQLITE_FULL) at the point where the file would have to
//   grow. A small tmpfs would be more literal, but mounting one needs privileges this container
//   (and CI) does not have; the pragma needs the connection, so this part builds the real app in
//   this process on a connection it opened itself.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { buildApp } from '../src/app.ts';
import { sqliteDatabase } from '../src/db/index.ts';
import type { Database } from '../src/db/schema.ts';
import { clientSignedInAs, insertAccount } from './accounts.ts';
import { createTestDatabase, testConfig, type TestDatabase } from './helper.ts';
import { startServer, Visitor, type ServerProcess } from './processes.ts';

const unavailableTitle = 'ただいま一時的にご利用いただけません';
const password = 'locked-file correct horse battery';

function integrity(file: string): string {
  const connection = new SQLite(file);
  try {
    return (connection.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('; ');
  } finally {
    connection.close();
  }
}

function assertUnavailablePage(res: { status: number; body: string; retryAfter: string | null | undefined }, wording: RegExp): void {
  assert.equal(res.status, 503);
  assert.ok(res.body.includes(unavailableTitle), 'the Japanese 503 page');
  assert.match(res.body, wording);
  assert.ok(Number(res.retryAfter) > 0, 'Retry-After');
  assert.doesNotMatch(res.body, /\n\s+at |SQLITE_|Error: /, 'no stack trace, no error text');
}

describe('SQLite: the file locked by another process', () => {
  let database: TestDatabase;
  let server: ServerProcess | undefined;
  const mailDir = mkdtempSync(join(tmpdir(), 'renkei-lock-mail-'));

  before(async () => {
    database = await createTestDatabase('sqlite');
    await database.handle.close();
  });
  after(async () => {
    await server?.crash().catch(() => {});
    await database?.drop();
    rmSync(mailDir, { recursive: true, force: true });
  });

  test('a write waits busy_timeout, then gets the Japanese 503; reading goes on; after the lock the write succeeds', async () => {
    const file = database.config.engine === 'sqlite' ? database.config.file : '';
    server = await startServer({ SQLITE_FILE: file, MAIL_DIR: mailDir, SESSION_SECRET: 'l'.repeat(40) });
    const email = `locked-${randomUUID().slice(0, 8)}@city.example.lg.jp`;
    const application = { municipality: '名寄市', department: '総合政策室', fullName: '連携 次郎', fullNameKana: 'レンケイ ジロウ', displayName: '名寄市 連携', email, phone: '01654-3-2111', password, passwordConfirm: password, terms: '1' };
    const visitor = new Visitor();

    const holder = new SQLite(file);
    let released = false;
    try {
      holder.exec('BEGIN EXCLUSIVE');
      const refused = await visitor.postForm(server.base, '/register', application);
      assertUnavailablePage({ status: refused.status, body: refused.body, retryAfter: refused.headers.get('retry-after') }, /保存されていません/);
      assert.equal((await visitor.fetch(`${server.base}/projects`)).status, 200, 'pages are still read while the write lock is held');
      holder.exec('ROLLBACK');
      released = true;
    } finally {
      if (!released) holder.exec('ROLLBACK');
      holder.close();
    }
    assert.equal(holder.open, false);

    const accepted = await visitor.postForm(server.base, '/register', application);
    assert.equal(accepted.status, 303, 'the same application goes through once the lock is released');
    await server.stop();
    server = undefined;
    assert.equal(integrity(file), 'ok');
  });
});

describe('SQLite: the disk full (max_page_count)', () => {
  let database: TestDatabase;
  let connection: SQLite.Database;
  let db: Kysely<Database>;

  before(async () => {
    database = await createTestDatabase('sqlite');
    await database.handle.close();
    const file = database.config.engine === 'sqlite' ? database.config.file : '';
    // The app's own settings (src/db/index.ts), on a connection this test can limit.
    connection = new SQLite(file);
    db = sqliteDatabase(connection);
  });
  after(async () => {
    await db?.destroy();
    await database?.drop();
  });

  test('a write that needs room answers the Japanese 503 (nothing half-saved); the file stays sound and takes writes once there is room', async () => {
    const config = testConfig(database.config, { logLevel: process.env.DEBUG_LOG ?? 'silent', mail: { from: 'test <test@localhost>', dir: join(tmpdir(), 'renkei-test-mail') } });
    const app = await buildApp({ config, database: { db, engine: 'sqlite', close: () => db.destroy() } });
    try {
      await app.ready();
      const staff = await clientSignedInAs(app, db, await insertAccount(db, { role: 'secretariat', code: null, twoFactor: true }));
      const project = (title: string) => ({
        fiscalYear: '2024',
        title,
        summary: `サンプル ${'容量試験の事業概要。'.repeat(150)}`,
        field: '1',
        organiserKind: 'wards',
        wards: ['131016'],
        partners: '012211',
        startsOn: '2024-10-30',
        endsOn: '2024-11-01',
        format: 'offline',
        status: '実施',
        newsUrl: '',
        sourceUrl: '',
        notes: '',
      });
      const first = await staff.post('/registry/projects/new', project('容量試験 満杯前'), { from: '/registry/projects/new' });
      assert.equal(first.statusCode, 303, first.body.slice(0, 500));

      // No room beyond the pages the file has now: the next writes that need a new page fail.
      const pages = Number(connection.pragma('page_count', { simple: true }));
      connection.pragma(`max_page_count = ${pages}`);
      let full: { title: string; status: number; body: string; retryAfter: string | undefined } | undefined;
      const saved: string[] = [];
      for (let i = 0; i < 200 && !full; i++) {
        const title = `容量試験 ${i}`;
        const res = await staff.post('/registry/projects/new', project(title), { from: '/registry/projects/new' });
        if (res.statusCode === 303) saved.push(title);
        else full = { title, status: res.statusCode, body: res.body, retryAfter: res.headers['retry-after'] as string | undefined };
      }
      assert.ok(full, 'a write ran out of room');
      assertUnavailablePage(full, /保存領域が不足/);
      const titles = (await db.selectFrom('projects').select('title').where('title', 'like', '容量試験 %').execute()).map((r) => r.title);
      assert.ok(!titles.includes(full.title), 'the refused project is not there, not even in part');
      for (const title of ['容量試験 満杯前', ...saved]) assert.ok(titles.includes(title), `${title} is still there`);
      assert.equal(String(connection.pragma('integrity_check', { simple: true })), 'ok');

      // Room again (an operator freed space): the same write goes through.
      connection.pragma('max_page_count = 1073741823');
      const again = await staff.post('/registry/projects/new', project(full.title), { from: '/registry/projects/new' });
      assert.equal(again.statusCode, 303);
      assert.equal(String(connection.pragma('integrity_check', { simple: true })), 'ok');
    } finally {
      await app.close();
    }
  });
});
