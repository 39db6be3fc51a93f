// Search fast at 100,000 documents (issue 10).
// PostgreSQL: the tokens' tsvector is stored (a generated column) and indexed, instead of an index
// over the expression to_tsvector('simple', tokens): a phrase query (three characters or more) is
// rechecked on every candidate row, and with the expression index each recheck parsed the whole
// token text again (measured: 物産展 over 100,000 documents took 22 s; a broad count 2.7 s). The
// column is kept inline (storage main) where it fits, so a recheck does not read TOAST.
// Both: an index in the results' order (kind, newest first, then id), so that the first page of a
// broad word is read off the index, stopping after a few rows, instead of sorting every match.
// Frozen: imports nothing from the application.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // SQLite puts NULLs first in ascending order, so last in descending order, and accepts no NULLS LAST here.
  if (postgres) await sql`create index search_documents_recency_idx on search_documents (kind, dated desc nulls last, id)`.execute(db);
  else await sql`create index search_documents_recency_idx on search_documents (kind, dated desc, id)`.execute(db);
  if (!postgres) return;
  await sql`alter table search_documents add column tsv tsvector generated always as (to_tsvector('simple', tokens)) stored`.execute(db);
  await sql`alter table search_documents alter column tsv set storage main`.execute(db);
  await sql`drop index if exists search_documents_tokens_idx`.execute(db);
  await sql`create index search_documents_tsv_idx on search_documents using gin (tsv)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists search_documents_recency_idx`.execute(db);
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop index if exists search_documents_tsv_idx`.execute(db);
  await sql`alter table search_documents drop column tsv`.execute(db);
  await sql`create index search_documents_tokens_idx on search_documents using gin (to_tsvector('simple', tokens))`.execute(db);
}
