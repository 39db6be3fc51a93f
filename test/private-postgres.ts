// A PostgreSQL cluster of a test's own (initdb in a temporary folder, a free port, trust auth on
// loopback), for tests that stop and start the server: the shared one on 127.0.0.1:5432 serves
// every other test file at the same time and must never be stopped. The binaries refuse to run as
// root, so under root they run as the `postgres` OS user (runuser), which owns the folder.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './processes.ts';

function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

function postgresUser(): { uid: number; gid: number } | undefined {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return undefined;
  }
}

/** Why a private cluster cannot be made here, or undefined when it can. */
export function privatePostgresSkipReason(): string | undefined {
  if (!postgresBin()) return 'no PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb)';
  if (userInfo().uid === 0 && !postgresUser()) return 'running as root without a postgres OS user to run initdb as';
  return undefined;
}

export interface PrivatePostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  /** `pg_ctl stop -m immediate`: as if the server crashed (no checkpoint; recovery at the next start). */
  crash(): void;
  start(): void;
  /** Stops the server (if running) and removes its folder; safe to call more than once. */
  destroy(): void;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = postgresBin()!;
  const asRoot = userInfo().uid === 0;
  const owner = asRoot ? postgresUser()! : undefined;
  const dir = mkdtempSync(join(tmpdir(), 'renkei-private-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  const run = (tool: string, args: string[]) => {
    const [command, fullArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
    execFileSync(command, fullArgs, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  };
  let running = false;
  const cluster: PrivatePostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start() {
      // fsync off: a throwaway cluster; the socket in our folder, TCP on loopback only.
      run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=40`, 'start']);
      running = true;
    },
    crash() {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      running = false;
    },
    destroy() {
      if (running) {
        try {
          cluster.crash();
        } catch {
          // already gone
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
    cluster.start();
  } catch (error) {
    cluster.destroy();
    throw error;
  }
  return cluster;
}
