// `npm run cluster`: several instances of the app on one PostgreSQL, one process each on
// consecutive ports (PORT, PORT+1, …), for a reverse proxy to spread the load over (docs/deploy.md).
// CLUSTER_SIZE (default 2) sets how many. SQLite is for one instance only, so DATABASE_URL is
// required. A process that stops unexpectedly is started again (at most once every 5 s);
// SIGTERM/SIGINT stop them all gracefully.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { instanceEnvironment, instanceNodeFlags } from './instance-settings.ts';

const size = Number(process.env.CLUSTER_SIZE ?? '2');
const basePort = Number(process.env.PORT ?? '3000');
if (!process.env.DATABASE_URL) {
  process.stderr.write('設定エラー / configuration error: DATABASE_URL is required for several instances (SQLite serves one instance only)\n');
  process.exit(1);
}
if (!Number.isInteger(size) || size < 1 || size > 32) {
  process.stderr.write('設定エラー / configuration error: CLUSTER_SIZE must be a whole number from 1 to 32\n');
  process.exit(1);
}

// The server module beside this one: dist/server.js when built (`npm run cluster`), src/server.ts
// when run through tsx, whose loader the children inherit with process.execArgv.
const serverEntry = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? './server.ts' : './server.js', import.meta.url));

let stopping = false;
const children = new Map<number, ChildProcess>();

function start(port: number): void {
  const child = spawn(process.execPath, [...instanceNodeFlags, ...process.execArgv, serverEntry], { env: { ...instanceEnvironment, ...process.env, PORT: String(port) }, stdio: 'inherit' });
  const startedAt = Date.now();
  children.set(port, child);
  child.once('exit', (code, signal) => {
    children.delete(port);
    if (stopping) return;
    process.stderr.write(`instance on port ${port} stopped (${signal ?? code}); starting it again\n`);
    setTimeout(() => start(port), Math.max(0, 5_000 - (Date.now() - startedAt)));
  });
}

for (let i = 0; i < size; i++) start(basePort + i);
process.stdout.write(`${size} instance(s) on ports ${basePort}–${basePort + size - 1}\n`);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    stopping = true;
    for (const child of children.values()) child.kill('SIGTERM');
  });
}
