// Small helpers shared by the bench drivers (run.ts, board-load.ts): ports, health checks, settings
// from the environment, one-off statements on the PostgreSQL server.
import { once } from 'node:events';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import pg from 'pg';

/** A port that was free a moment ago: listen on port 0, note the port, close. */
export async function freePort(host: string): Promise<number> {
  const server = createNetServer();
  server.listen(0, host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Whether the URL answers 200 within 2 s. */
export async function isHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** A whole-number setting from the environment; a bad value ends the bench with a clear line. */
export function envInt(name: string, fallback: number, min: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    console.error(`${name} must be a whole number ≥ ${min} (got ${JSON.stringify(value)})`);
    process.exit(2);
  }
  return n;
}

/** One statement (CREATE/DROP DATABASE …) on its own connection to the server. */
export async function adminQuery(connectionString: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
