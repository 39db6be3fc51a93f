// Builds the real app on a fresh, migrated and seeded database of either engine, copied from a
// fixture made once (see "Fixtures" below). SQLite: a temporary file. PostgreSQL: a new database
// created on TEST_DATABASE_URL's server and dropped afterwards. Without a reachable PostgreSQL the PostgreSQL suites are skipped, except
// under CI, where a missing PostgreSQL fails the run.
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/**
 * A fresh database of the given engine, migrated and seeded: a copy of a fixture made once
 * (see fixtureDatabase), which takes a few milliseconds instead of migrating and seeding again.
 */
export async function createTestDatabase(engine: Engine, { demoData = true } = {}): Promise<TestDatabase> {
  const name = `renkei_test_${process.pid}_${Date.now().toString(36)}_${++counter}`;
  let config: DatabaseConfig;
  let cleanup: () => Promise<void>;
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'renkei-test-'));
    config = { engine, file: join(dir, `${name}.sqlite`) };
    copyFileSync(await sqliteFixture(demoData), config.file);
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    await createFromPostgresFixture(name, demoData);
    const url = new URL(postgresAdminUrl);
    url.pathname = `/${name}`;
    config = { engine, url: url.toString() };
    cleanup = async () => {
      await waitForNoSessions(name);
      await adminQuery(`drop database if exists ${name} with (force)`);
    };
  }
  const handle = openDatabase(config);
  return {
    config,
    handle,
    drop: async () => {
      await handle.close();
      await cleanup();
    },
  };
}

// ---- Fixtures: migrated and seeded once, then copied -------------------------------------------
//
// A fixture is named by a hash of everything that decides its content (the migrations, the seed and
// what they import, the locked package versions: fixtureKey) and by the day, so that seeded
// timestamps are never older than yesterday. SQLite: a file in the temporary folder, copied with
// copyFileSync. PostgreSQL: a database used as the template of `create database … template …`.
// Both are shared by every test process (node --test runs one per file) and every run until the
// code or the day changes; a builder works on a private name and renames when done, so a fixture
// that exists is complete. Fixtures older than yesterday are removed by the next builder.

const FIXTURE_SOURCES = ['src/db', 'src/domain', 'src/security', 'src/config.ts', 'package-lock.json'];
const ROOT = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(path: string): string[] {
  const full = join(ROOT, path);
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? sourceFiles(join(path, entry.name)) : /\.test\.tsx?$/.test(entry.name) ? [] : [join(path, entry.name)]))
    .sort();
}

let fixtureKeyValue: string | undefined;
/** 12 hex digits of SHA-256 over the files that make a fixture, and the day (UTC) as YYYYMMDD. */
export function fixtureKey(): string {
  if (!fixtureKeyValue) {
    const hash = createHash('sha256');
    for (const file of FIXTURE_SOURCES.flatMap(sourceFiles)) hash.update(`${file}\0`).update(readFileSync(join(ROOT, file))).update('\0');
    fixtureKeyValue = `${hash.digest('hex').slice(0, 12)}_${dayStamp(0)}`;
  }
  return fixtureKeyValue;
}

function dayStamp(daysAgo: number): string {
  return new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
}

const variant = (demoData: boolean) => (demoData ? 'demo' : 'plain');
const sqliteFixtures = new Map<boolean, Promise<string>>();

/** The path of the migrated and seeded SQLite file to copy, made if missing. */
function sqliteFixture(demoData: boolean): Promise<string> {
  let made = sqliteFixtures.get(demoData);
  if (!made) sqliteFixtures.set(demoData, (made = makeSqliteFixture(demoData)));
  return made;
}

async function makeSqliteFixture(demoData: boolean): Promise<string> {
  const file = join(tmpdir(), `renkei-fixture-${fixtureKey()}-${variant(demoData)}.sqlite`);
  if (existsSync(file)) return file;
  // Built under a name of this process, then renamed (atomic): a reader never sees half a file.
  // Two processes may build at once; both results are the same and the last rename wins.
  const building = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = openDatabase({ engine: 'sqlite', file: building });
  try {
    await prepareDatabase(handle.db, { demoData, env: 'test' });
  } finally {
    await handle.close(); // the last connection's close checkpoints the WAL into the file
  }
  renameSync(building, file);
  for (const extra of ['-wal', '-shm']) rmSync(`${building}${extra}`, { force: true });
  // Yesterday's fixtures may still be in use by a run that started before midnight; older ones go.
  const keep = new Set([dayStamp(0), dayStamp(1)]);
  for (const name of readdirSync(tmpdir())) {
    const m = /^renkei-fixture-[0-9a-f]{12}_(\d{8})-/.exec(name);
    if (m && !keep.has(m[1]!)) rmSync(join(tmpdir(), name), { force: true });
  }
  return file;
}

const postgresFixtures = new Map<boolean, Promise<string>>();

/** Creates the database as a copy of the PostgreSQL fixture (made first if missing). */
async function createFromPostgresFixture(name: string, demoData: boolean): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    let template = postgresFixtures.get(demoData);
    if (!template) postgresFixtures.set(demoData, (template = makePostgresFixture(demoData)));
    try {
      await adminQuery(`create database ${name} template ${await template}`);
      return;
    } catch (error) {
      // Removed meanwhile (by a builder of another day): make it again, once.
      if (attempt > 0 || (error as { code?: string }).code !== '3D000') throw error;
      postgresFixtures.delete(demoData);
    }
  }
}

/** The fixture database's name; built under an advisory lock, so one process builds and the others wait. */
async function makePostgresFixture(demoData: boolean): Promise<string> {
  const name = `renkei_fixture_${fixtureKey()}_${variant(demoData)}`;
  const exists = async (client: pg.Client) => (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    if (await exists(client)) return name;
    await client.query('select pg_advisory_lock($1)', [FIXTURE_LOCK]);
    try {
      if (await exists(client)) return name;
      const building = `${name}_build`;
      await client.query(`drop database if exists ${building} with (force)`); // a builder that died
      await client.query(`create database ${building}`);
      const url = new URL(postgresAdminUrl);
      url.pathname = `/${building}`;
      const handle = openDatabase({ engine: 'postgres', url: url.toString() });
      try {
        await prepareDatabase(handle.db, { demoData, env: 'test' });
      } finally {
        await handle.close();
      }
      await waitForNoSessions(building);
      // No connection to a fixture from now on (a connected session would make every copy fail).
      await client.query(`alter database ${building} with allow_connections false`);
      await client.query(`alter database ${building} rename to ${name}`);
      const keep = [dayStamp(0), dayStamp(1)];
      const { rows } = await client.query<{ datname: string }>(
        "select datname from pg_database where datname ~ '^renkei_fixture_[0-9a-f]{12}_[0-9]{8}_' and substring(datname from 29 for 8) <> all($1)",
        [keep],
      );
      // Without force: a fixture being copied right now is left for the next builder.
      for (const row of rows) await client.query(`drop database if exists ${row.datname}`).catch(() => {});
      return name;
    } finally {
      await client.query('select pg_advisory_unlock($1)', [FIXTURE_LOCK]);
    }
  } finally {
    await client.end();
  }
}

/** The advisory lock of fixture builders (any number, the same in every process). */
const FIXTURE_LOCK = 0x52454e4b; // "RENK"

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
/**
 * A second app instance on the same database as `current()`, as in a multi-instance deployment:
 * started before the enclosing suite's tests, closed after them.
 */
export function otherInstance(current: () => { database: { config: DatabaseConfig } }): () => { app: FastifyInstance; handle: DatabaseHandle } {
  let app: FastifyInstance;
  let handle: DatabaseHandle;
  before(async () => {
    handle = openDatabase(current().database.config);
    app = await buildApp({ config: testConfig(current().database.config), database: handle });
    await app.ready();
  });
  after(async () => {
    await app?.close();
    await handle?.close();
  });
  return () => ({ app, handle });
}

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
