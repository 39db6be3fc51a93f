// PostgreSQL crashing and coming back under load, with real processes: two instances on a private
// cluster (test/private-postgres.ts — never the shared server other tests use), visitors asking
// pages and posting a form all along. While the database is down every request is answered at
// once with the Japanese 503 page and Retry-After (never a hang, a 500 or a stack trace) and
// /healthz says 503; once it is back both instances serve again by themselves, without a restart.
// Bounded loops on loopback; the only clock is each request's own limit (a hang fails the test).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { privatePostgresSkipReason, startPrivatePostgres, type PrivatePostgres } from './private-postgres.ts';
import { startServer, Visitor, type ServerProcess } from './processes.ts';

type Phase = 'up' | 'down' | 'recovering' | 'back';
interface Answer {
  phase: Phase;
  url: string;
  status: number;
  ms: number;
  problem?: string;
}

const requestLimitMs = 15_000;
const unavailableTitle = 'ただいま一時的にご利用いただけません';

describe('PostgreSQL restarted under load', { skip: privatePostgresSkipReason() }, () => {
  let cluster: PrivatePostgres | undefined;
  const servers: ServerProcess[] = [];

  before(async () => {
    cluster = await startPrivatePostgres();
    const env = { DATABASE_URL: cluster.url, DEMO_DATA: 'false', SESSION_SECRET: 'r'.repeat(40) };
    // One after the other: the first migrates and seeds the empty database.
    servers.push(await startServer(env));
    servers.push(await startServer(env));
  });
  after(async () => {
    await Promise.allSettled(servers.map((s) => s.crash()));
    cluster?.destroy();
  });

  test('requests fail fast with the Japanese 503 page while it is down; the instances recover by themselves', async () => {
    let phase: Phase = 'up';
    let running = true;
    const answers: Answer[] = [];
    const paths = ['/projects', '/municipalities/012025', '/agreements', '/news', '/healthz'];

    /** One request; its answer checked for what may never happen (500, a stack, an English-only error, a hang). */
    const ask = async (base: string, path: string, visitor: Visitor, post?: Record<string, string>): Promise<void> => {
      const sentIn = phase;
      const started = Date.now();
      let answer: Answer;
      try {
        const signal = AbortSignal.timeout(requestLimitMs);
        const res = post ? await visitor.postForm(base, path, post) : await visitor.fetch(`${base}${path}`, { signal });
        answer = { phase: sentIn, url: path, status: res.status, ms: Date.now() - started };
        if (res.status >= 500 && res.status !== 503) answer.problem = `answered ${res.status}`;
        else if (res.status === 503 && path === '/healthz') {
          if (!/"status":"unavailable"/.test(res.body)) answer.problem = `healthz 503 body ${res.body}`;
        } else if (res.status === 503) {
          if (!res.body.includes(unavailableTitle) || !/<html lang="ja"/.test(res.body)) answer.problem = 'a 503 without the Japanese page';
          else if (!(Number(res.headers.get('retry-after')) > 0)) answer.problem = 'a 503 without Retry-After';
        }
        if (/\n\s+at |node_modules|Error: /.test(res.body)) answer.problem = `a stack trace or error text in the page: ${res.body.slice(0, 300)}`;
      } catch (error) {
        answer = { phase: sentIn, url: path, status: 0, ms: Date.now() - started, problem: `no answer: ${error instanceof Error ? error.message : String(error)}` };
      }
      answers.push(answer);
    };

    // Four visitors asking pages, one posting the sign-in form (its rate limit writes), each on both instances in turn.
    const workers = [0, 1, 2, 3, 4].map(async (w) => {
      const visitor = new Visitor();
      for (let i = 0; i < 5000 && running; i++) {
        const base = servers[(w + i) % servers.length]!.base;
        if (w === 4) await ask(base, '/login', visitor, { email: 'nobody@example.lg.jp', password: `wrong-${i}` });
        else await ask(base, paths[(w + i) % paths.length]!, visitor);
      }
    });
    const inPhase = (p: Phase) => answers.filter((a) => a.phase === p);
    const waitFor = async (what: string, done: () => boolean | Promise<boolean>) => {
      for (let i = 0; i < 600; i++) {
        if (await done()) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.fail(`${what}: not reached in 600 rounds`);
    };
    const health = async (server: ServerProcess) => {
      const res = await fetch(`${server.base}/healthz`, { signal: AbortSignal.timeout(requestLimitMs) }).catch(() => undefined);
      await res?.body?.cancel();
      return res?.status;
    };

    try {
      await waitFor('pages served while the database is up', () => inPhase('up').filter((a) => a.status === 200).length >= 20);

      phase = 'down';
      cluster!.crash();
      await waitFor('answers while the database is down', () => inPhase('down').filter((a) => a.status === 503 && a.url !== '/healthz').length >= 30);
      for (const server of servers) assert.equal(await health(server), 503, '/healthz says 503 while the database is down');

      phase = 'recovering';
      cluster!.start();
      await waitFor('both instances healthy again', async () => (await Promise.all(servers.map(health))).every((s) => s === 200));

      phase = 'back';
      await waitFor('pages served again', () => inPhase('back').filter((a) => a.status === 200).length >= 20);
    } finally {
      running = false;
      await Promise.all(workers);
    }

    const problems = answers.filter((a) => a.problem);
    assert.deepEqual(problems.slice(0, 5), [], `${problems.length} bad answers`);
    const down = inPhase('down');
    const slowest = Math.max(...down.map((a) => a.ms));
    assert.ok(slowest < 10_000, `every request answered within 10 s while the database was down (slowest ${slowest} ms)`);
    const notServed = inPhase('back').filter((a) => a.status >= 500);
    assert.deepEqual(notServed, [], 'after the recovery every request is served');
    // The same processes recovered: neither stopped (pid still there).
    for (const server of servers) assert.doesNotThrow(() => process.kill(server.pid, 0));
    const count = (p: Phase, status: number) => inPhase(p).filter((a) => a.status === status).length;
    console.log(
      `PostgreSQL restart: up ${count('up', 200)}×200; down ${down.length} answers (${count('down', 503)}×503), slowest ${slowest} ms; recovering ${inPhase('recovering').length} answers; back ${count('back', 200)}×200`,
    );
  });
});
