// Opens the database for the configured engine. This file and dialect.ts are the only places that
// know which engine is running.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, SqliteDriver, type DatabaseConnection } from 'kysely';
import type { DatabaseConfig } from '../config.ts';
import type { Database } from './schema.ts';

export type Engine = DatabaseConfig['engine'];

export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: Engine;
  close(): Promise<void>;
}

// Read dates, timestamps and bigint counts back as the same JS values SQLite gives.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (v) => new Date(v).toISOString());
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export function openDatabase(config: DatabaseConfig): DatabaseHandle {
  if (config.engine === 'postgres') {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: 10,
      // Fail fast when the database is down or unreachable (answered with a 503 page, see
      // src/db/unavailable.ts) instead of keeping the visitor waiting: a connection, or a free slot
      // in the pool, within 5 s; a statement within 30 s (server side) — no page needs a tenth of
      // that — and the answer to it within 35 s (client side: a server that vanished without
      // closing the socket). An abandoned transaction is ended by the server after a minute.
      connectionTimeoutMillis: 5_000,
      statement_timeout: 30_000,
      query_timeout: 35_000,
      idle_in_transaction_session_timeout: 60_000,
      keepAlive: true,
    });
    // An idle connection the server closes (a restart, a dropped test database) is reported here;
    // the pool replaces it on the next checkout. Without a listener pg rethrows it as an
    // uncaught exception and the whole process stops.
    pool.on('error', () => {});
    // The same for a connection that dies while checked out between two statements (Kysely holds
    // one for a whole transaction or request): pg emits 'error' on the client, which the pool only
    // listens to while the client is idle, so the process stopped — seen when PostgreSQL was
    // killed under load (test/faults-postgres-restart.test.ts). The client is unqueryable from
    // then on: its next statement fails as "not queryable" (a 503 page), and the pool drops it
    // when it is released.
    pool.on('connect', (client) => client.on('error', () => {}));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  if (config.file !== ':memory:') mkdirSync(dirname(config.file), { recursive: true });
  const db = sqliteDatabase(new SQLite(config.file));
  return { db, engine: 'sqlite', close: () => db.destroy() };
}

/**
 * Kysely over an open better-sqlite3 connection, with the app's settings. Exported for tests that
 * need the connection itself (e.g. to limit its size with PRAGMA max_page_count).
 */
export function sqliteDatabase(sqlite: SQLite.Database): Kysely<Database> {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // Another process holding the file's write lock is waited for 5 s, then the request gets a 503
  // page (src/db/unavailable.ts). better-sqlite3 waits synchronously, so this is also the longest
  // the instance stalls on a lock it cannot get.
  sqlite.pragma('busy_timeout = 5000');
  // SQLite's own page cache: 8 MB instead of better-sqlite3's 16 MB default. It lives in the
  // process's memory (the 250 MB budget of an instance); the operating system's file cache serves
  // the pages beyond it. Measured with the bench volume after a load: 17 MB less resident, no
  // loss of requests/s visible beyond the noise (4 MB cost a quarter of the varied pages' speed).
  sqlite.pragma('cache_size = -8000');
  // Give the query planner statistics (ANALYZE) for tables that have none or have grown a lot since:
  // without them SQLite drives list filters from the deleted_at index, which matches every row.
  // Cheap on a small or unchanged file; PostgreSQL's autovacuum does the same job there.
  sqlite.pragma('optimize = 0x10002');
  return new Kysely<Database>({ dialect: new RollbackTolerantSqliteDialect(sqlite) });
}

/**
 * SQLite itself rolls a transaction back on some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM…).
 * Kysely's ROLLBACK afterwards then fails with "cannot rollback - no transaction is active", and
 * that error replaces the real one: a full disk would be reported as a 500 instead of a 503.
 * Rolling back only when a transaction is still open keeps the real error.
 */
class RollbackTolerantSqliteDialect extends SqliteDialect {
  private readonly database: ReturnType<typeof withStatementCache>;
  constructor(private readonly sqlite: SQLite.Database) {
    const database = withStatementCache(sqlite);
    super({ database });
    this.database = database;
  }
  override createDriver(): SqliteDriver {
    const sqlite = this.sqlite;
    return new (class extends SqliteDriver {
      override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
        if (sqlite.inTransaction) await super.rollbackTransaction(connection);
      }
    })({ database: this.database });
  }
}

/**
 * Statements kept per SQLite connection: a page asks a few dozen distinct queries. Not more: each
 * prepared statement holds its compiled program in native memory, and a thousand of them (the
 * filter lists make many distinct texts) held about 30 MB more of an instance's memory after the bench.
 */
const STATEMENT_CACHE_SIZE = 100;

/**
 * Kysely prepares every query afresh; compiling the SQL cost about a tenth of an uncached page's
 * time (a municipality page asks about ten small queries). Prepared statements are kept by their
 * text and reused: SQLite re-prepares one by itself when the schema changes under it
 * (sqlite3_prepare_v2). A statement still being iterated (a stream) is busy: a fresh one is made.
 */
function withStatementCache(sqlite: SQLite.Database): { prepare(sql: string): SQLite.Statement; close(): void } {
  const statements = new Map<string, SQLite.Statement>();
  return {
    prepare(sql: string) {
      const kept = statements.get(sql);
      if (kept && !kept.busy) return kept;
      const statement = sqlite.prepare(sql);
      if (!kept) {
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement;
    },
    close: () => sqlite.close(),
  };
}
