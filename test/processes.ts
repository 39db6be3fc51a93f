// The real entry point in child processes, as `npm start` runs it (dist/server.js, compiled from
// src/ by scripts/build.mjs), for tests of what only real processes show: configuration errors,
// shutdown, several instances on one database. `npm test` builds once before the test files run
// (RENKEI_BUILT=1); a test file run on its own builds here (incremental: seconds when up to date).
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

if (process.env.RENKEI_BUILT !== '1') {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('scripts/build.mjs failed: the compiled server cannot be tested');
}

export const serverEntry = ['dist/server.js'];
export const baseEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', APP_ENV: 'test' };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export async function startServer(env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, serverEntry, { env: { ...baseEnv, HOST: '127.0.0.1', PORT: String(port), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early: ${output}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    pid: child.pid!,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill('SIGTERM');
      return exited;
    },
    /** `kill -9`: no shutdown at all, as in a crash or the OOM killer. */
    crash: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

export type ServerProcess = Awaited<ReturnType<typeof startServer>>;

/** A cookie jar over fetch, for one person across instances. */
export class Visitor {
  readonly cookies = new Map<string, string>();
  constructor(private readonly headers: Record<string, string> = {}) {}
  async fetch(url: string, init: RequestInit = {}): Promise<{ status: number; body: string; location: string | null; headers: Headers }> {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...this.headers, ...(init.headers as Record<string, string>), cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return { status: res.status, body: await res.text(), location: res.headers.get('location'), headers: res.headers };
  }
  /** The form's page first (for its CSRF token), then the form posted. */
  async postForm(base: string, path: string, fields: Record<string, string | string[]>) {
    const page = await this.fetch(`${base}${path}`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const body = new URLSearchParams({ _csrf: csrf });
    for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
    return this.fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() });
  }
}

