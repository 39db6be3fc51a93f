// Configuration comes only from the environment and is validated once, at start.
// A bad value stops the process with one line naming the variable (see server.ts).
import { createHash, randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { isIP } from 'node:net';
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
  TRUST_PROXY: z.string().optional(),
  TOTP_ENCRYPTION_KEY: z.string().optional(),
  TOTP_ENCRYPTION_KEY_PREVIOUS: z.string().optional(),
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
  /**
   * Which X-Forwarded-For entries to believe (for rate limits and the audit log): false = none (the
   * socket's address is the client), a number = that many proxies in front of the app, a list =
   * the proxies' own addresses or CIDR ranges. Never "every hop": a client could then name its IP.
   */
  trustProxy: false | number | string[];
  /** The 32-byte AES-256-GCM key that seals TOTP secrets at rest (src/security/secret-box.ts). */
  totpEncryptionKey: Buffer;
  /**
   * Keys TOTP secrets were sealed with before a rotation (TOTP_ENCRYPTION_KEY_PREVIOUS, comma-separated):
   * still accepted for opening, and every secret sealed with one is sealed again with the current
   * key when the app starts. Remove them once every instance has started with the new key.
   */
  totpPreviousKeys: Buffer[];
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
  const trustProxy = trustProxyOf(e.TRUST_PROXY);
  const totpEncryptionKey = totpKeyOf(e.TOTP_ENCRYPTION_KEY, e.APP_ENV);
  const totpPreviousKeys = (e.TOTP_ENCRYPTION_KEY_PREVIOUS ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '')
    .map((v) => parseTotpKey(v, 'TOTP_ENCRYPTION_KEY_PREVIOUS'))
    .filter((previous) => !previous.equals(totpEncryptionKey));
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
    trustProxy,
    totpEncryptionKey,
    totpPreviousKeys,
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

/**
 * TRUST_PROXY: unset or false/0/no/off = trust no proxy; a whole number 1–10 = the number of
 * proxies in front of the app (the client is the address the outermost one saw); otherwise a
 * comma-separated list of the proxies' addresses or CIDR ranges (10.0.0.0/8, 127.0.0.1, ::1,
 * fd00::/8). `true` (every hop) is refused: with it any client picks its own IP by sending
 * X-Forwarded-For, escaping the rate limits and forging the audit log.
 */
function trustProxyOf(raw: string | undefined): false | number | string[] {
  const value = raw?.trim().toLowerCase();
  if (value === undefined || ['', 'false', '0', 'no', 'off'].includes(value)) return false;
  if (['true', 'yes', 'on', 'all', '*'].includes(value)) {
    throw new ConfigError('TRUST_PROXY', `must not trust every hop (a client could set its own IP); give the number of proxies in front of the app (e.g. 1) or their addresses (e.g. 10.0.0.0/8,127.0.0.1) (got ${JSON.stringify(raw)})`);
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops < 1 || hops > 10) throw new ConfigError('TRUST_PROXY', `must be a number of proxies between 1 and 10 (got ${JSON.stringify(raw)})`);
    return hops;
  }
  const entries = value.split(',').map((v) => v.trim()).filter((v) => v !== '');
  for (const entry of entries) {
    const [address = '', prefix, extra] = entry.split('/');
    const family = isIP(address);
    const maxPrefix = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix);
    if (family === 0 || !prefixOk || extra !== undefined) {
      throw new ConfigError('TRUST_PROXY', `must be false, a number of proxies (1–10) or a comma-separated list of IP addresses or CIDR ranges (bad entry ${JSON.stringify(entry)})`);
    }
  }
  if (entries.length === 0) throw new ConfigError('TRUST_PROXY', `must list at least one address (got ${JSON.stringify(raw)})`);
  return entries;
}

/**
 * TOTP_ENCRYPTION_KEY: 32 bytes, as 64 hex digits or base64 (44 characters). Required in
 * production. Elsewhere a fixed development key is derived, so `npm start` needs nothing and
 * secrets survive a restart; it protects nothing and must never be used for real accounts.
 */
function totpKeyOf(raw: string | undefined, env: AppConfig['env']): Buffer {
  if (raw === undefined) {
    if (env === 'production') throw new ConfigError('TOTP_ENCRYPTION_KEY', 'is required when APP_ENV=production (32 bytes as 64 hex digits or base64, e.g. `openssl rand -base64 32`)');
    return createHash('sha256').update('renkei development TOTP key: not for production').digest();
  }
  return parseTotpKey(raw, 'TOTP_ENCRYPTION_KEY');
}

function parseTotpKey(raw: string, variable: string): Buffer {
  const value = raw.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : /^[A-Za-z0-9+/_-]{43}=?$/.test(value) ? Buffer.from(value, 'base64') : undefined;
  const each = variable === 'TOTP_ENCRYPTION_KEY' ? '' : ' each (comma-separated)';
  if (!key || key.length !== 32) throw new ConfigError(variable, `must be${each} 32 bytes as 64 hex digits or base64 (e.g. \`openssl rand -base64 32\`)`);
  return key;
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
