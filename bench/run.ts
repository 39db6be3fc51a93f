// `npm run bench`: throughput and latency of the app's pages on each database engine, against a raw
// node:http server that answers every request with the top page's bytes (the ceiling for this
// machine and Node version).
//
// For each engine (BENCH_ENGINES, default "sqlite,postgres"): a fresh database with the real seed
// plus a synthetic volume made for the benchmark only (bench/synthetic-registry.ts), the app started
// on it as a child process, then two kinds of targets:
//   - fixed: one URL per page, asked again and again (what the page cache and the read model give
//     a busy page);
//   - varied: a different filter, 年度, keyword or page on every request, from a list of thousands
//     of distinct URLs (what a page costs when nothing has been asked before).
// Requests carry `accept-encoding: gzip, deflate, br`, as every browser's do.
//
// The machine has 2 cores, shared by autocannon and the server under test (the raw server or the
// app): the figures are only meaningful relative to each other (ratio to raw), not as absolute capacity.
// autocannon runs in a worker thread (`workers: 1`) so that the raw server, which lives in this process,
// gets an event loop of its own like the app does; on the same thread the baseline loses about a third.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import type { DatabaseConfig } from '../src/config.ts';
import { openDatabase, type Engine } from '../src/db/index.ts';
import { prepareDatabase } from '../src/db/prepare.ts';
import { seedSyntheticEvents, syntheticEventId } from './synthetic-events.ts';
import { seedSyntheticNews, syntheticArticleCount } from './synthetic-news.ts';
import { seedSyntheticPrPages } from './synthetic-pr.ts';
import { boardSearchLatencyProbe, probeSearchLatency, printSearchLatency, searchLatencyProbe, type SearchLatency } from './search-latency.ts';
import { benchMemberCookie, longThreadId, longThreadPosts, seedSyntheticBoard } from './synthetic-board.ts';
import { keepSearchIndexCurrent } from '../src/features/search/sync.ts';
import { defaultVolume, seedSyntheticRegistry } from './synthetic-registry.ts';
import { variedTargets } from './varied-urls.ts';
import { instanceEnvironment, instanceNodeFlags } from '../src/instance-settings.ts';
import type { AddressInfo } from 'node:net';
import { adminQuery, envInt, freePort, isHealthy } from './process-helpers.ts';

/** Pages asked again and again, in order. Add new pages here. "synthetic" marks pages over generated volume. */
const FIXED_TARGETS: ReadonlyArray<{ name: string; path: string }> = [
  { name: 'top', path: '/' },
  { name: 'municipalities', path: '/municipalities' },
  { name: 'municipality page (synthetic ties)', path: '/municipalities/012025' },
  { name: 'collaboration (synthetic)', path: '/collaboration' },
  { name: 'wide-area groups', path: '/collaboration/wide-area' },
  { name: 'disaster support', path: '/collaboration/disaster-support' },
  { name: 'projects (synthetic)', path: '/projects' },
  { name: 'projects filtered (synthetic)', path: `/projects?fy=2024&field=1&status=${encodeURIComponent('実施')}` },
  { name: 'projects by prefecture (synthetic)', path: '/projects?pref=01' },
  { name: 'agreements (synthetic)', path: '/agreements' },
  { name: 'wards', path: '/wards' },
  { name: 'ward page (synthetic)', path: '/wards/131016' },
  { name: 'API projects (synthetic)', path: '/api/v1/projects?fy=2024' },
  { name: 'API agreements (synthetic)', path: '/api/v1/agreements?ward=131016' },
  { name: 'news (synthetic)', path: '/news' },
  { name: 'news archive of a 年度 (synthetic)', path: '/news/archive/2020?page=3' },
  { name: 'article (synthetic)', path: '/news/synthetic-5000' },
  { name: 'events (synthetic)', path: '/events' },
  { name: 'events calendar (synthetic)', path: '/events/calendar?month=2026-12' },
  { name: 'event page (synthetic)', path: `/events/${syntheticEventId(25_000)}` },
  { name: 'PR page (synthetic)', path: '/municipalities/012033' },
  { name: 'search 防災 (synthetic)', path: `/search?q=${encodeURIComponent('防災')}` },
];

/**
 * The members' board (members only: asked with the session cookie of the synthetic member the bench
 * signs in as), over 100,000 synthetic posts (bench/synthetic-board.ts). The thread's id is read
 * from the database, so these are made once the app runs. Names contain "board" (BENCH_ONLY=board).
 */
function boardTargets(threadId: number): Array<{ name: string; path: string }> {
  const lastPage = Math.ceil(longThreadPosts / 20);
  return [
    { name: 'board index (synthetic)', path: '/board' },
    { name: 'board category (synthetic)', path: '/board/c/challenges' },
    { name: 'board category page 5 (synthetic)', path: '/board/c/challenges?page=5' },
    { name: `board thread of ${longThreadPosts} posts (synthetic)`, path: `/board/t/${threadId}` },
    { name: `board thread of ${longThreadPosts} posts, middle page (synthetic)`, path: `/board/t/${threadId}?page=${Math.ceil(lastPage / 2)}` },
    { name: `board thread of ${longThreadPosts} posts, last page (synthetic)`, path: `/board/t/${threadId}?page=${lastPage}` },
  ];
}
const boardSelected = () => boardTargets(0).some(selected) || selected(boardSearchLatencyProbe);

/** Documents in the search index the bench measures search over (the issue's goal: 100,000). */
const SEARCH_VOLUME = 100_000;

/** The goals of the registry issue, per kind of target. */
const GOALS = {
  fixed: { minRatio: 0.1, maxP99Ms: 100 },
  varied: { minRatio: 0.05, maxP99Ms: 200 },
} as const;

const HOST = '127.0.0.1';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_FILE = path.join(ROOT, 'bench', 'results', 'latest.json');
const VARIED_REQUEST = path.join(ROOT, 'bench', 'varied-request.cjs');
const STARTUP_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br' };

const settings = {
  connections: envInt('BENCH_CONNECTIONS', 50, 1),
  duration: envInt('BENCH_DURATION', 10, 1),
  warmup: envInt('BENCH_WARMUP', 2, 0),
  engines: envEngines(),
  postgresUrl: process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  /**
   * BENCH_REUSE_DB=<folder>: keep the seeded databases (SQLite file in the folder, PostgreSQL database
   * renkei_bench_reuse) and use them again on the next run instead of seeding again (minutes), for
   * profiling one page again and again. The app's start applies any newer migration to them.
   */
  reuseDir: process.env.BENCH_REUSE_DB ?? '',
  /** BENCH_ONLY=news: only the targets whose name contains this text (the raw figure is always measured). */
  only: process.env.BENCH_ONLY ?? '',
  /** BENCH_PG_INSTANCES: PostgreSQL is measured again with this many instances on one database (1 = not). */
  postgresInstances: envInt('BENCH_PG_INSTANCES', 2, 1),
};
const selected = (target: { name: string }) => target.name.includes(settings.only);

interface Measurement {
  engine: Engine | 'raw';
  /** App instances the load was spread over (one autocannon run, its connections dealt out in turn). */
  instances: number;
  kind: 'raw' | 'fixed' | 'varied';
  name: string;
  path: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  ratioToRaw: number;
  /** Distinct URLs asked during the measurement (1 for a fixed target). */
  distinctUrls: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  meetsGoal: boolean | null;
}

interface AppProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** The goal of the several-instances issue: one instance with the bench volume stays under this. */
const RSS_GOAL_MB = 250;
/** How long the instances are left without requests before the memory reading at rest. */
const REST_AFTER_LOAD_MS = envInt('BENCH_REST_SECONDS', 60, 0) * 1000;

interface MemoryReading {
  engine: Engine;
  instances: number;
  instance: number;
  /** VmRSS at rest after the targets, VmRSS the moment they ended, and VmHWM (the peak during the run), from /proc/<pid>/status. */
  rssMb: number;
  rssAfterLoadMb: number;
  peakRssMb: number;
  meetsGoal: boolean;
}

interface BenchDatabase {
  config: DatabaseConfig;
  drop(): Promise<void>;
}

// Everything started is stopped in reverse order, whether the run ends normally, fails or is interrupted.
const cleanups: Array<() => Promise<unknown>> = [];
let cleaning: Promise<void> | undefined;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (let task = cleanups.pop(); task; task = cleanups.pop()) {
      await task().catch((error: unknown) => console.error(`cleanup: ${message(error)}`));
    }
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping`);
    void cleanUp().finally(() => process.exit(128 + os.constants.signals[signal]));
  });
}

async function main(): Promise<number> {
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'renkei-bench-'));
  cleanups.push(() => rm(tempDir, { recursive: true, force: true }));
  const results: Measurement[] = [];
  const latencies: SearchLatency[] = [];
  let topPageBytes = 0;
  const memory: MemoryReading[] = [];
  for (const engine of settings.engines) {
    console.log(`\n── ${engine} ──`);
    const database = await prepareSyntheticDatabase(engine, tempDir);
    cleanups.push(() => database.drop());
    // PostgreSQL is measured with one instance, then with several on the same database.
    const instanceCounts = engine === 'postgres' && settings.postgresInstances > 1 ? [1, settings.postgresInstances] : [1];
    let rawResult: Measurement | undefined;
    let board: { cookie: string; threadId: number } | undefined;
    for (const instances of instanceCounts) {
      console.log(`starting ${instances === 1 ? 'the app' : `${instances} instances of the app`}…`);
      const apps: AppProcess[] = [];
      for (let i = 0; i < instances; i++) apps.push(await startApp(database));
      const stopApps = () => Promise.all(apps.map((app) => app.stop()));
      cleanups.push(stopApps);
      const urls = apps.map((app) => app.url);

      // The board's targets: the member's cookie and the long thread's id, once per engine.
      if (boardSelected() && !board) board = await signInForBoard(database, urls[0]!);

      if (!rawResult) {
        const top = await fetch(`${urls[0]}/`);
        if (!top.ok) throw new Error(`GET / answered ${top.status}`);
        const topBytes = Buffer.from(await top.arrayBuffer());
        topPageBytes = topBytes.length;
        const raw = await startRawServer(topBytes);
        console.log(`measuring: ${settings.connections} connections, ${settings.warmup} s warm-up, ${settings.duration} s per target (top page: ${topBytes.length} bytes)\n`);
        rawResult = await measure({ engine: 'raw', instances: 1, kind: 'raw', name: 'raw node:http', path: '/' }, [raw.url], 0);
        await closeServer(raw.server);
        results.push(rawResult);
        // Sequential search latency over a fixed list of queries, before the load targets: a quiet
        // server (a broad search under load may outlive its request and hold the database after it).
        if (selected(searchLatencyProbe)) latencies.push(await probeSearchLatency(engine, urls[0]!, BROWSER_HEADERS));
        if (board && selected(boardSearchLatencyProbe)) {
          latencies.push(await probeSearchLatency(engine, urls[0]!, { ...BROWSER_HEADERS, cookie: board.cookie }, boardSearchLatencyProbe));
        }
      } else {
        console.log(`measuring over ${instances} instances: one autocannon run, its ${settings.connections} connections dealt out in turn (${urls.join(', ')})\n`);
      }
      const rawRps = rawResult.requestsPerSecond;
      for (const target of FIXED_TARGETS.filter(selected)) {
        results.push(await measure({ engine, instances, kind: 'fixed', ...target }, urls.map((url) => url + target.path), rawRps));
      }
      for (const target of board ? boardTargets(board.threadId).filter(selected) : []) {
        results.push(await measure({ engine, instances, kind: 'fixed', ...target }, urls.map((url) => url + target.path), rawRps, undefined, { cookie: board!.cookie }));
      }
      for (const target of variedTargets().filter(selected)) {
        const file = path.join(tempDir, `varied-${results.length}.json`);
        await writeFile(file, JSON.stringify(target.paths));
        results.push(await measure({ engine, instances, kind: 'varied', name: target.name, path: target.pattern }, urls, rawRps, { file, count: target.paths.length }));
      }
      // Resident memory twice: the moment the load stops, and at rest REST_AFTER_LOAD_MS later (no
      // requests in between), when V8 and the allocator have given back what the burst needed. The
      // goal is judged at rest: it is what an instance holds between busy moments.
      const afterLoad = await Promise.all(apps.map((app) => readMemory(app.pid)));
      await new Promise((resolve) => setTimeout(resolve, REST_AFTER_LOAD_MS));
      for (const [i, app] of apps.entries()) {
        const reading = await readMemory(app.pid);
        memory.push({ engine, instances, instance: i + 1, ...reading, rssAfterLoadMb: afterLoad[i]!.rssMb, meetsGoal: reading.rssMb < RSS_GOAL_MB });
      }
      await stopApps();
      cleanups.splice(cleanups.indexOf(stopApps), 1);
      printTable(results.filter((r) => (r.engine === engine && r.instances === instances) || r === rawResult));
      printMemory(memory.filter((m) => m.engine === engine && m.instances === instances));
      if (instances === 1) for (const latency of latencies.filter((l) => l.engine === engine)) printSearchLatency(latency);
    }
  }

  await mkdir(path.dirname(RESULTS_FILE), { recursive: true });
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: { model: os.cpus()[0]?.model ?? 'unknown', cores: os.availableParallelism() },
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    connections: settings.connections,
    durationSeconds: settings.duration,
    warmupSeconds: settings.warmup,
    topPageBytes,
    goals: GOALS,
    results,
    searchLatency: latencies,
    memory: { goalMb: RSS_GOAL_MB, readings: memory },
  };
  await writeFile(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nresults written to ${path.relative(process.cwd(), RESULTS_FILE)}`);

  const missed = results.filter((r) => r.meetsGoal === false);
  for (const r of missed) console.log(`goal missed: ${r.engine} ${r.kind} ${r.name} (${percent(r.ratioToRaw)} of raw, p99 ${r.p99Ms} ms)`);
  for (const l of latencies.filter((l) => !l.meetsGoal)) console.log(`goal missed: ${l.engine} ${l.probe} p95 ${l.p95Ms} ms > ${l.goalP95Ms} ms`);
  if (missed.length === 0 && latencies.every((l) => l.meetsGoal)) console.log('every page meets its goal');
  for (const m of memory.filter((r) => !r.meetsGoal)) console.log(`memory goal missed: ${m.engine} instance ${m.instance}/${m.instances}: ${m.rssMb} MB resident (goal < ${RSS_GOAL_MB} MB)`);
  const failed = results.filter((r) => r.non2xx > 0 || r.errors > 0);
  for (const r of failed) {
    console.error(`${r.engine} ${r.name} (${r.path}): ${r.non2xx} non-2xx responses, ${r.errors} errors (${r.timeouts} timeouts)`);
  }
  return failed.length > 0 ? 1 : 0;
}

/**
 * A fresh database of the engine with the master data and real seed, as on any start, plus the
 * synthetic volume (5,000 agreements, 20,000 projects over 10 年度, 50,000 events, a PR page per municipality, articles enough for 100,000 search documents), all marked provenance
 * 'synthetic'. SQLite: a file in the run's folder; PostgreSQL: a new database, dropped at the end.
 */
async function prepareSyntheticDatabase(engine: Engine, dir: string): Promise<BenchDatabase> {
  const started = Date.now();
  let database: BenchDatabase;
  if (settings.reuseDir) {
    const reused = await reusableDatabase(engine, settings.reuseDir);
    if (reused.seeded) {
      console.log('reusing the seeded database (BENCH_REUSE_DB)');
      return reused.database;
    }
    database = reused.database;
  } else if (engine === 'sqlite') {
    database = { config: { engine, file: path.join(dir, 'bench.sqlite') }, drop: async () => {} };
  } else {
    const name = `renkei_bench_${process.pid}_${Date.now().toString(36)}`;
    await adminQuery(settings.postgresUrl, `create database ${name}`);
    const url = new URL(settings.postgresUrl);
    url.pathname = `/${name}`;
    database = { config: { engine, url: url.toString() }, drop: () => adminQuery(settings.postgresUrl, `drop database if exists ${name} with (force)`) };
  }
  const handle = openDatabase(database.config);
  try {
    await prepareDatabase(handle.db, { demoData: false, env: 'production' });
    const counts = await seedSyntheticRegistry(handle.db, defaultVolume);
    const events = await seedSyntheticEvents(handle.db);
    const prPages = await seedSyntheticPrPages(handle.db);
    const board = await seedSyntheticBoard(handle.db);
    // The search index is brought up to date as the app would on its first search, before timing;
    // then as many articles as bring it to SEARCH_VOLUME documents (10,000 at least).
    const indexedCount = async () => {
      await keepSearchIndexCurrent(handle.db);
      return Number((await handle.db.selectFrom('search_documents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    };
    const articles = await seedSyntheticNews(handle.db, Math.max(syntheticArticleCount, SEARCH_VOLUME - (await indexedCount())));
    const indexed = await indexedCount();
    // The volume just written as a live database holds it: autovacuum (on by default; off on this
    // machine's PostgreSQL) would have vacuumed and analysed it. Without statistics PostgreSQL
    // hash-joins all 7,000 upcoming events to find a municipality's five (~200 ms instead of ~1 ms);
    // without a vacuum no page is marked all-visible, so every index-only count reads the table too
    // (a search count of 防災: 4 ms before the vacuum, 2 ms after).
    await sql`${sql.raw(engine === 'postgres' ? 'vacuum analyze' : 'analyze')}`.execute(handle.db);
    console.log(
      `synthetic volume (benchmark only): ${counts.agreements} agreements, ${counts.projects} projects over ${defaultVolume.fiscalYears} 年度, ${articles} articles, ${events} events, ${prPages} PR pages, ${board.posts} board posts in ${board.threads} threads; ${indexed} documents in the search index (${Date.now() - started} ms)`,
    );
    if (settings.reuseDir) await writeFile(seededMarker(engine, settings.reuseDir), new Date().toISOString());
  } finally {
    await handle.close();
  }
  return database;
}

const REUSED_POSTGRES_DATABASE = 'renkei_bench_reuse';
const seededMarker = (engine: Engine, dir: string) => path.join(dir, `${engine}.seeded`);

/** The kept database of BENCH_REUSE_DB, and whether a previous run finished seeding it (else it is made afresh). */
async function reusableDatabase(engine: Engine, dir: string): Promise<{ database: BenchDatabase; seeded: boolean }> {
  await mkdir(dir, { recursive: true });
  const seeded = await stat(seededMarker(engine, dir)).then(() => true, () => false);
  const keep = async () => {};
  if (engine === 'sqlite') {
    const file = path.join(dir, 'bench.sqlite');
    if (!seeded) await rm(file, { force: true });
    return { database: { config: { engine, file }, drop: keep }, seeded };
  }
  if (!seeded) {
    await adminQuery(settings.postgresUrl, `drop database if exists ${REUSED_POSTGRES_DATABASE} with (force)`);
    await adminQuery(settings.postgresUrl, `create database ${REUSED_POSTGRES_DATABASE}`);
  }
  const url = new URL(settings.postgresUrl);
  url.pathname = `/${REUSED_POSTGRES_DATABASE}`;
  return { database: { config: { engine, url: url.toString() }, drop: keep }, seeded };
}

/**
 * Signs the synthetic member in (a session made with the app's own session module in the bench
 * database) and checks that the board answers it with 200, not the way to /login. The cookie then
 * holds what a browser holds after that first page: the session and the CSRF cookie the page set
 * (without it, every page would make a new CSRF secret and set it, as for a first visit).
 */
async function signInForBoard(database: BenchDatabase, url: string): Promise<{ cookie: string; threadId: number }> {
  const handle = openDatabase(database.config);
  try {
    // The app names its cookie as its config does: __Host- only behind an https PUBLIC_URL.
    const session = await benchMemberCookie(handle.db, (process.env.PUBLIC_URL ?? '').startsWith('https://'));
    const threadId = await longThreadId(handle.db);
    const response = await fetch(`${url}/board`, { headers: { cookie: session }, redirect: 'manual' });
    await response.body?.cancel();
    if (response.status !== 200) throw new Error(`the board answered the signed-in synthetic member with ${response.status}`);
    const csrf = response.headers.getSetCookie().find((c) => /^(__Host-)?renkei_csrf=/.test(c));
    if (!csrf) throw new Error('the board set no CSRF cookie on the first page');
    return { cookie: `${session}; ${csrf.split(';')[0]}`, threadId };
  } finally {
    await handle.close();
  }
}

/**
 * The secrets of the deployment the bench runs: made once, shared by all its instances, as a
 * multi-instance deployment must (with a secret each, the CSRF cookie set by one instance was
 * refused by the other, which then made a new one on every request).
 */
const deploymentSecrets = { SESSION_SECRET: randomBytes(32).toString('hex'), TOTP_ENCRYPTION_KEY: randomBytes(32).toString('hex') };

/** Starts the app on a free port on the prepared database; resolves once /healthz answers 200. */
async function startApp(database: BenchDatabase): Promise<AppProcess> {
  const port = await freePort(HOST);
  const url = `http://${HOST}:${port}`;
  // The compiled server (`npm run bench` builds dist/ first), as `npm start` runs it: memory and
  // speed are measured on what a deployment runs, without tsx's loader.
  const child = spawn(process.execPath, [...instanceNodeFlags, 'dist/server.js'], {
    cwd: ROOT,
    env: {
      // As `npm start` runs it (src/instance-settings.ts).
      ...instanceEnvironment,
      ...process.env,
      PORT: String(port),
      HOST,
      APP_ENV: 'production',
      // One deployment's secrets, the same on every instance: a cookie one signs, the other reads.
      ...deploymentSecrets,
      LOG_LEVEL: 'warn',
      // Always the database prepared for this run, never a developer's own.
      SQLITE_FILE: database.config.engine === 'sqlite' ? database.config.file : undefined,
      DATABASE_URL: database.config.engine === 'postgres' ? database.config.url : undefined,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: tail(child, 'stdout'), stderr: tail(child, 'stderr') };
  // Resolves with a reason once the child has exited, or could not be spawned at all.
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(`the app exited during start-up (${signal ?? `code ${code}`})`));
    child.once('error', (error) => resolve(`the app could not be started: ${error.message}`));
  });
  const app: AppProcess = { url, pid: child.pid ?? 0, stop: () => stopChild(child, exited) };

  const startFailure = Promise.race([
    exited,
    delay(STARTUP_TIMEOUT_MS).then(() => `the app did not answer ${url}/healthz within ${STARTUP_TIMEOUT_MS / 1000} s`),
  ]);
  let failure: string | undefined;
  void startFailure.then((reason) => (failure = reason));
  while (failure === undefined) {
    if (await isHealthy(`${url}/healthz`)) return app;
    await Promise.race([delay(250), startFailure]);
  }
  await app.stop();
  throw new Error(`${failure}\n--- app stderr ---\n${output.stderr() || '(empty)'}\n--- app stdout (end) ---\n${output.stdout() || '(empty)'}`);
}

/** Serves `body` to every request: the ceiling the app's pages are compared with. */
async function startRawServer(body: Buffer): Promise<{ server: Server; url: string }> {
  const server = createHttpServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
    response.end(body);
  });
  server.listen(await freePort(HOST), HOST);
  await once(server, 'listening');
  return { server, url: `http://${HOST}:${(server.address() as AddressInfo).port}/` };
}

/** Warms up, then measures one target; the warm-up figures are discarded. */
async function measure(
  target: Pick<Measurement, 'engine' | 'instances' | 'kind' | 'name' | 'path'>,
  /** One URL per instance: autocannon deals its connections out over them in turn. */
  urls: string[],
  rawRequestsPerSecond: number,
  varied?: { file: string; count: number },
  /** Headers beyond the browser's: the board's session cookie. */
  extraHeaders: Record<string, string> = {},
): Promise<Measurement> {
  // A varied target's worker reads its list from the file named by this variable (bench/varied-request.cjs).
  if (varied) process.env.BENCH_VARIED_FILE = varied.file;
  const options = {
    // autocannon takes a list of URLs (README: "More than one URL is allowed"); its types say string only.
    url: (urls.length === 1 ? urls[0]! : urls) as string,
    connections: settings.connections,
    workers: 1,
    headers: target.kind === 'raw' ? {} : { ...BROWSER_HEADERS, ...extraHeaders },
    ...(varied ? { requests: [{ setupRequest: VARIED_REQUEST }] } : {}),
  };
  if (settings.warmup > 0 && !varied) await autocannon({ ...options, duration: settings.warmup });
  const result = await autocannon({ ...options, duration: settings.duration });
  const requestsPerSecond = result.requests.average;
  const ratioToRaw = rawRequestsPerSecond > 0 ? requestsPerSecond / rawRequestsPerSecond : 1;
  const goal = target.kind === 'raw' ? undefined : GOALS[target.kind];
  return {
    ...target,
    requestsPerSecond,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    ratioToRaw,
    // Every request of a varied target asks a URL of its own (see varied-request.cjs).
    distinctUrls: varied ? result.requests.total : 1,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    meetsGoal: goal ? ratioToRaw >= goal.minRatio && result.latency.p99 <= goal.maxP99Ms && result.non2xx === 0 && result.errors === 0 : null,
  };
}

function printTable(results: readonly Measurement[]): void {
  const header = ['engine', 'kind', 'page', 'path', 'req/s', 'p50 ms', 'p99 ms', 'vs raw', 'URLs', 'non-2xx', 'errors', 'goal'];
  const rows = results.map((r) => [
    r.instances > 1 ? `${r.engine} ×${r.instances}` : r.engine,
    r.kind,
    r.name,
    r.path.length > 60 ? `${r.path.slice(0, 57)}...` : r.path,
    r.requestsPerSecond.toFixed(0),
    String(r.p50Ms),
    String(r.p99Ms),
    percent(r.ratioToRaw),
    String(r.distinctUrls),
    String(r.non2xx),
    String(r.errors),
    r.meetsGoal === null ? '' : r.meetsGoal ? 'met' : 'MISSED',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i < 4 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd();
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
}

function printMemory(readings: readonly MemoryReading[]): void {
  for (const m of readings) {
    const who = m.instances > 1 ? `${m.engine} instance ${m.instance} of ${m.instances}` : m.engine;
    console.log(
      `memory (${who}): ${m.rssMb} MB resident at rest ${REST_AFTER_LOAD_MS / 1000} s after the targets (${m.rssAfterLoadMb} MB the moment they ended, peak ${m.peakRssMb} MB); goal < ${RSS_GOAL_MB} MB at rest ${m.meetsGoal ? 'met' : 'MISSED'}`,
    );
  }
}

/** The server process's resident memory, from /proc (Linux): what the operating system counts, heap and native alike. */
async function readMemory(pid: number): Promise<{ rssMb: number; peakRssMb: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakRssMb: Math.round(kb('VmHWM') / 1024) };
}

async function stopChild(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

async function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
}

/** Drains a child's output (a full pipe would block it) and keeps the last 64 KiB for error reports. */
function tail(child: ChildProcess, stream: 'stdout' | 'stderr'): () => string {
  let text = '';
  child[stream]?.setEncoding('utf8').on('data', (chunk: string) => {
    text = (text + chunk).slice(-65_536);
  });
  return () => text.trimEnd();
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
const percent = (ratio: number) => `${(ratio * 100).toFixed(0)}%`;
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function envEngines(): Engine[] {
  const value = process.env.BENCH_ENGINES ?? 'sqlite,postgres';
  const engines = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (engines.length === 0 || engines.some((e) => e !== 'sqlite' && e !== 'postgres')) {
    console.error(`BENCH_ENGINES must list sqlite and/or postgres (got ${JSON.stringify(value)})`);
    process.exit(2);
  }
  return engines as Engine[];
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(`bench failed: ${message(error)}`);
} finally {
  await cleanUp();
}
process.exit(exitCode);
