// TOTP secrets are now stored sealed (AES-256-GCM, `v1:` + base64url, about 83 characters), which
// no longer fits varchar(64). PostgreSQL gets a wider column; SQLite does not enforce varchar
// lengths, so it needs nothing.
//
// Why the existing secrets are not encrypted here: a migration is frozen and runs before the app
// (and on every instance's start) without the configuration, so it cannot reach the key
// (TOTP_ENCRYPTION_KEY), and it must not import the application. The app seals every plaintext
// secret when it starts (sealStoredTotpSecrets in src/db/two-factor.ts, idempotent and safe on
// several instances at once), and reading still accepts a plaintext secret until then (also what
// an instance of the previous release writes during a rolling deploy). Expand, then contract.
// Frozen: imports nothing from the application.
import { PostgresAdapter, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await db.schema.alterTable('accounts').alterColumn('totp_secret', (c) => c.setDataType('varchar(255)')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await db.schema.alterTable('accounts').alterColumn('totp_secret', (c) => c.setDataType('varchar(64)')).execute();
}
