// A sync point of the search index is now the last change's time and id ("<updated_at>|<id>"), so
// that rows sharing one timestamp are neither read twice nor skipped: the column is widened.
// SQLite does not enforce varchar lengths. Frozen: imports nothing from the application.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`alter table search_sync alter column synced_to type varchar(120)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`alter table search_sync alter column synced_to type varchar(32)`.execute(db);
}
