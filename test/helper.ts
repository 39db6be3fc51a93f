// Builds the real app on a fresh, migrated and seeded database of either engine.
// SQLite: a temporary file. PostgreSQL: a new database created on TEST_DATABASE_URL's server and
// dropped afterwards. Without a reachable PostgreSQL the PostgreSQL suites are skipped, except
// under CI, where a missing PostgreSQL fails the run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig, type AppConfig, type DatabaseConfig } from '../src/config.ts';
import { openDatabase, type DatabaseHandle, type Engine } from '../src/db/index.ts';
import { prepareDatabase } from '../src/db/prepare.ts';
import { startMailCatcher, type MailCatcher } from './mail-catcher.ts';

export const postgresAdminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function probePostgres(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 15000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    const reason = `PostgreSQL is not reachable at ${postgresAdminUrl} (${error instanceof Error ? error.message : String(error)})`;
    if (process.env.CI) throw new Error(`${reason}: under CI the PostgreSQL tests must run`);
    return `${reason}; set TEST_DATABASE_URL to run the PostgreSQL tests`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Why the PostgreSQL suites are skipped, or undefined when they run. */
export const postgresSkipReason = await probePostgres();
export const engines: Engine[] = ['sqlite', 'postgres'];

export interface TestDatabase {
  config: DatabaseConfig;
  handle: DatabaseHandle;
  drop(): Promise<void>;
}

let counter = 0;

/** A fresh database of the given engine, migrated and seeded. */
export async function createTestDatabase(engine: Engine, { demoData = true } = {}): Promise<TestDatabase> {
  const name = `renkei_test_${process.pid}_${Date.now().toString(36)}_${++counter}`;
  let config: DatabaseConfig;
  let cleanup: () => Promise<void>;
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'renkei-test-'));
    config = { engine, file: join(dir, `${name}.sqlite`) };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    await adminQuery(`create database ${name}`);
    const url = new URL(postgresAdminUrl);
    url.pathname = `/${name}`;
    config = { engine, url: url.toString() };
    cleanup = async () => {
      await waitForNoSessions(name);
      await adminQuery(`drop database if exists ${name} with (force)`);
    };
  }
  const handle = openDatabase(config);
  await prepareDatabase(handle.db, { demoData, env: 'test' });
  return {
    config,
    handle,
    drop: async () => {
      await handle.close();
      await cleanup();
    },
  };
}

/**
 * Waits (up to 5 s) until no session is connected to the database any more. The app's pool has
 * been ended by then, but pg-pool's end() resolves once it has *asked* its idle connections to
 * close, not once PostgreSQL has let them go. A forced drop that comes first terminates those
 * sessions, and the server's "terminating connection due to administrator command" reaches a
 * pooled client that still listens: pg-pool re-emits it as an 'error' event nobody handles, an
 * uncaught exception that node:test pins on whichever test opened that connection ("generated
 * asynchronous activity after the test ended"). Reproduced in isolation: with a persistent admin
 * connection dropping right after end(), most runs; with this wait, none.
 */
async function waitForNoSessions(database: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    for (let i = 0; i < 250; i++) {
      const { rows } = await client.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [database]);
      if (rows[0]?.n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await client.end();
  }
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export function testConfig(database: DatabaseConfig, overrides: Partial<AppConfig> = {}): AppConfig {
  return { ...loadConfig({ APP_ENV: 'test', LOG_LEVEL: 'silent' }), database, ...overrides };
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
}

/** The real app on a fresh database; closed and dropped by the caller (or by eachEngine). */
export async function buildTestApp(engine: Engine, overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const database = await createTestDatabase(engine);
  // No mail server given: mails go to files in a temporary folder, never to data/mail.
  overrides = { mail: { from: 'test <test@localhost>', dir: join(tmpdir(), 'renkei-test-mail') }, ...overrides };
  const app = await buildApp({ config: testConfig(database.config, overrides), database: database.handle });
  await app.ready();
  return { app, database };
}

/** Test app whose mail goes to a real SMTP server on loopback. */
export async function buildTestAppWithMail(engine: Engine, overrides: Partial<AppConfig> = {}): Promise<TestApp & { mail: MailCatcher }> {
  const mail = await startMailCatcher();
  const base = testConfig({ engine: 'sqlite', file: ':memory:' });
  const testApp = await buildTestApp(engine, { mail: { ...base.mail, smtpUrl: mail.url }, ...overrides });
  // Whoever drops the database (describeEachEngine, the browser tests) also stops the SMTP server.
  const drop = testApp.database.drop;
  testApp.database.drop = async () => {
    await drop();
    await mail.close();
  };
  return { ...testApp, mail };
}

/**
 * Runs the same suite once per engine against one app per engine. The suite reads the app
 * through the getter, which is set before its tests run.
 */
export function describeEachEngine(name: string, suite: (current: () => TestApp & { mail?: MailCatcher }, engine: Engine) => void, options: { mail?: boolean } = {}): void {
  for (const engine of engines) {
    const skip = engine === 'postgres' ? postgresSkipReason : undefined;
    describe(`${name} [${engine}]`, { skip }, () => {
      let testApp: (TestApp & { mail?: MailCatcher }) | undefined;
      before(async () => {
        testApp = options.mail ? await buildTestAppWithMail(engine) : await buildTestApp(engine);
      });
      after(async () => {
        if (!testApp) return;
        await testApp.app.close();
        await testApp.database.drop();
      });
      suite(() => {
        if (!testApp) throw new Error('test app not built yet');
        return testApp;
      }, engine);
    });
  }
}
