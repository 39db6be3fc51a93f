// SQL whose spelling differs between SQLite and PostgreSQL, or that both engines need written the
// same careful way. Features call these instead of writing engine-specific SQL.
import { PostgresAdapter, sql, type Expression, type Kysely, type SqlBool } from 'kysely';

/** Escapes LIKE wildcards so user input is matched literally. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `column` contains `needle` literally. Both engines honour ESCAPE; callers pass normalised text. */
export function contains(column: Expression<string>, needle: string): Expression<SqlBool> {
  return sql<SqlBool>`${column} like ${`%${likeLiteral(needle)}%`} escape '\\'`;
}

/**
 * A transaction whose reads all see one moment: REPEATABLE READ on PostgreSQL (one snapshot for the
 * whole transaction); SQLite's single connection gives the same within any transaction.
 */
export function snapshotTransaction<DB>(db: Kysely<DB>) {
  const transaction = db.transaction();
  return db.getExecutor().adapter instanceof PostgresAdapter ? transaction.setIsolationLevel('repeatable read') : transaction;
}

/** True on PostgreSQL: for the few places where the engines need different SQL (e.g. the search index's queries). */
export function isPostgres<DB>(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
