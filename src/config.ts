// Configuration comes only from the environment and is validated once, at start.
// A bad value stops the process with one line naming the variable (see server.ts).
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], {
    error: 'must be one of true/false/1/0/yes/no/on/off',
  })
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const environmentSchema = z.object({
  APP_ENV: z.enum(['development', 'production', 'test'], { error: 'must be development, production or test' }).default('development'),
  PORT: z.coerce
    .number({ error: 'must be a port number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(3000),
  HOST: z.string().min(1, 'must not be empty').default('localhost'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// URL (leave it unset for SQLite)')
    .optional(),
  SQLITE_FILE: z.string().min(1, 'must not be empty').default('data/renkei.sqlite'),
  PUBLIC_URL: z.url({ error: 'must be an absolute http(s) URL' }).optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  DEMO_DATA: booleanFlag.default(true),
  TRUST_PROXY: booleanFlag.default(false),
  SMTP_URL: z.string().regex(/^smtps?:\/\/.+/, 'must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().min(3, 'must be a sender address').default('特別区全国連携プロジェクト <no-reply@localhost>'),
  MAIL_DIR: z.string().min(1, 'must not be empty').default('data/mail'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be a pino log level' })
    .default('info'),
  BOUNDARY_FILE: z.string().min(1, 'must not be empty').optional(),
  SCHEDULED_JOBS: booleanFlag.optional(),
  BOUNDARY_OBJECT: z.string().min(1, 'must not be empty').optional(),
  HARVEST_ALLOW_HOSTS: z
    .string()
    .regex(/^[A-Za-z0-9.:\-\[\]]+(,[A-Za-z0-9.:\-\[\]]+)*$/, 'must be a comma-separated list of host names or IP addresses')
    .optional(),
});

export type DatabaseConfig =
  | { engine: 'sqlite'; file: string }
  | { engine: 'postgres'; url: string };

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  secureCookies: boolean;
  database: DatabaseConfig;
  sessionSecret: string;
  demoData: boolean;
  /** Behind a reverse proxy: take the client's IP from X-Forwarded-For (for rate limits, audit). */
  trustProxy: boolean;
  logLevel: string;
  /** Without an SMTP server, mails are written as files to `dir` (and logged). */
  mail: { smtpUrl?: string; from: string; dir: string };
  /**
   * A prefectures TopoJSON (国土数値情報 行政区域, e.g. ../shared/data/geo/prefectures.topo.json) for the
   * geographic map on /collaboration; without it the page shows its tile-grid map. `object` names
   * the TopoJSON object to read (default: the file's first object).
   */
  boundaryFile?: { path: string; object?: string };
  /**
   * Whether this instance runs the scheduled work (publishing scheduled articles, fetching event
   * feeds). Safe on every instance of a cluster: each item is claimed by one instance only. Off in
   * tests, which drive the work themselves.
   */
  scheduledJobs: boolean;
  /**
   * Harvesting municipalities' event feeds. `allowHosts`: hosts (names or IPs) fetched even though
   * they resolve to a private or loopback address (tests, an intranet mirror); empty in production.
   * `scheduler`: fetch due feeds in the background (SCHEDULED_JOBS; off by default under APP_ENV=test).
   */
  harvest: { allowHosts: string[]; scheduler: boolean };
}

export class ConfigError extends Error {
  constructor(readonly variable: string, detail: string) {
    super(`${variable} ${detail}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = environmentSchema.safeParse(pickDefined(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const got = env[variable];
    throw new ConfigError(variable, `${issue.message}${got === undefined ? '' : ` (got ${JSON.stringify(got)})`}`);
  }
  const e = parsed.data;
  if (e.APP_ENV === 'production' && !e.SESSION_SECRET) {
    throw new ConfigError('SESSION_SECRET', 'is required when APP_ENV=production (at least 32 characters)');
  }
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    env: e.APP_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    database: e.DATABASE_URL ? { engine: 'postgres', url: e.DATABASE_URL } : { engine: 'sqlite', file: e.SQLITE_FILE },
    // Outside production a per-process secret is acceptable: sessions simply end on restart.
    sessionSecret: e.SESSION_SECRET ?? randomBytes(32).toString('hex'),
    demoData: e.DEMO_DATA,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, dir: e.MAIL_DIR },
    scheduledJobs: e.SCHEDULED_JOBS ?? e.APP_ENV !== 'test',
    harvest: {
      allowHosts: (e.HARVEST_ALLOW_HOSTS ?? '')
        .split(',')
        .map((h) => h.trim().toLowerCase().replace(/^\[|\]$/g, ''))
        .filter(Boolean),
      scheduler: e.SCHEDULED_JOBS ?? e.APP_ENV !== 'test',
    },
    ...(e.BOUNDARY_FILE ? { boundaryFile: boundaryFileOf(e.BOUNDARY_FILE, e.BOUNDARY_OBJECT) } : {}),
  };
}

/** The boundary file must exist at start: a map that silently falls back would hide a typo. */
function boundaryFileOf(path: string, object: string | undefined): { path: string; object?: string } {
  const absolute = resolve(path);
  let isFile = false;
  try {
    isFile = statSync(absolute).isFile();
  } catch {
    throw new ConfigError('BOUNDARY_FILE', `must be the path of a readable TopoJSON file (not found: ${JSON.stringify(path)})`);
  }
  if (!isFile) throw new ConfigError('BOUNDARY_FILE', `must be a file, not a directory (got ${JSON.stringify(path)})`);
  return object ? { path: absolute, object } : { path: absolute };
}

/** Empty strings count as unset, as shells and .env files commonly produce them. */
function pickDefined(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(environmentSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out;
}
