// Which errors mean "the database cannot serve us right now" rather than "this request is wrong":
// PostgreSQL down, restarting or unreachable (or a statement that ran past its timeout), the SQLite
// file locked by another process beyond busy_timeout, or no room left to write. Those are answered
// with a 503 page and Retry-After (app.ts's error handler), never a 500: the request may succeed
// as it is once the database is back, and the visitor should be told so.

export type DatabaseTrouble = 'unavailable' | 'storage-full';

/** Node's socket errors when the server is down, restarting or unreachable. */
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * PostgreSQL SQLSTATEs: class 08 (connection exception), 57P01–57P03 (admin/crash shutdown, cannot
 * connect now: starting up or shutting down), 57014 (statement_timeout), 53300 (too many connections),
 * 53100 (disk full on the server).
 */
function postgresTrouble(code: string): DatabaseTrouble | undefined {
  if (code === '53100') return 'storage-full';
  if (code.startsWith('08') || ['57P01', '57P02', '57P03', '57014', '53300'].includes(code)) return 'unavailable';
  return undefined;
}

/** pg and pg-pool report a lost or never-made connection by message only. */
const postgresMessages = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'Query read timeout',
];

export function databaseTrouble(error: unknown): DatabaseTrouble | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    // better-sqlite3: SQLITE_BUSY(_…) and SQLITE_LOCKED(_…) after busy_timeout; SQLITE_FULL when the
    // disk (or max_page_count) is full; SQLITE_IOERR(_…) when the file cannot be written at all.
    if (code === 'SQLITE_FULL') return 'storage-full';
    if (/^SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN|READONLY)/.test(code)) return 'unavailable';
    if (socketCodes.has(code)) return 'unavailable';
    if (/^[0-9A-Z]{5}$/.test(code)) {
      const trouble = postgresTrouble(code);
      if (trouble) return trouble;
    }
  }
  if (typeof message === 'string' && postgresMessages.some((m) => message.includes(m))) return 'unavailable';
  // AggregateError (a connection to every address of a host name failed).
  const nested = (error as { errors?: unknown }).errors;
  if (Array.isArray(nested) && nested.length > 0) return databaseTrouble(nested[0]);
  return undefined;
}

/** Seconds a visitor (or a proxy) should wait before trying again. */
export const retryAfterSeconds = 10;
