// PostgreSQL keeps a search document's id, kind, url and date in its row again. Migration
// 2026-12-08T1130 made the rows small (toast_tuple_target 128) so that a search visits few pages,
// but the toaster then moved every long enough value out of line, the ids and dates of news and
// events too (about 40 bytes each): reading a candidate's id and date cost four extra buffer reads
// each (measured on the bench's 100,000 documents: a month window of 1,156 events, 8.4 ms with
// their ids against 1.7 ms with their dates of the same rows kept in line). `main` storage keeps
// these short columns in the row; the long ones (title, excerpt, tokens, tsv) stay out of line.
// Existing rows are rewritten so that they move back (CLUSTER re-stores every value by the new
// rules and rebuilds the indexes in bulk), in the order of the recency index: a kind's documents,
// newest first, so a window of months meets neighbouring pages.
// Frozen: imports nothing from the application.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

const shortColumns = ['id', 'kind', 'url', 'dated'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`set local statement_timeout = 0`.execute(db);
  for (const column of shortColumns) await sql`alter table search_documents alter column ${sql.id(column)} set storage main`.execute(db);
  await sql`cluster search_documents using search_documents_recency_idx`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const column of shortColumns) await sql`alter table search_documents alter column ${sql.id(column)} set storage extended`.execute(db);
}
