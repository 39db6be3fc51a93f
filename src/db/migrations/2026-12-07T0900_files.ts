// Uploaded files (attachments, photos, flyers) kept in the database itself, so that several app
// instances sharing one PostgreSQL serve the same files with no shared volume to set up, and a
// backup of the database is a backup of everything. Files are small (a 10 MB limit).
// Frozen: imports nothing from the application.
import { PostgresAdapter, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('files')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    /** The name the uploader's file had, cleaned: shown and offered as the download's name only. */
    .addColumn('name', 'varchar(255)', (c) => c.notNull())
    /** What the content is, found from its bytes (never from the name or the browser's claim). */
    .addColumn('media_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('content', binary as 'blob', (c) => c.notNull())
    .addColumn('uploaded_by', 'varchar(36)')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('files').execute();
}
