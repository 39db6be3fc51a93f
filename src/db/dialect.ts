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

/**
 * The search index's rows whose tokens match (src/db/search-index.ts): FTS5 on SQLite (a MATCH
 * expression), the GIN-indexed to_tsvector('simple', tokens) on PostgreSQL (a tsquery). Both
 * expressions are built from the same terms by src/domain/search-tokens.ts.
 */
export function searchTokensMatch<DB>(db: Kysely<DB>, expressions: { fts: string; tsquery: string }): Expression<SqlBool> {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? sql<SqlBool>`search_documents.tsv @@ to_tsquery('simple', ${expressions.tsquery})`
    : sql<SqlBool>`search_documents.rowid in (select rowid from search_fts where search_fts match ${expressions.fts})`;
}
