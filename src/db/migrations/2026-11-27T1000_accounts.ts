// Accounts, sessions, one-time codes, rate limits, audit events, mail-domain allowlist and
// registered member municipalities. Frozen: imports nothing from the application.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('status', 'varchar(24)', (c) => c.notNull())
    .addColumn('local_government_code', 'varchar(6)', (c) => c.references('local_governments.code'))
    .addColumn('department', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('full_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('full_name_kana', 'varchar(100)', (c) => c.notNull())
    .addColumn('display_name', 'varchar(50)', (c) => c.notNull())
    .addColumn('phone', 'varchar(20)', (c) => c.notNull().defaultTo(''))
    .addColumn('terms_accepted_at', 'timestamptz')
    .addColumn('email_verified_at', 'timestamptz')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'varchar(36)')
    .addColumn('decision_reason', 'text')
    .addColumn('disabled_at', 'timestamptz')
    .addColumn('totp_secret', 'varchar(64)')
    .addColumn('totp_enabled_at', 'timestamptz')
    .addColumn('password_changed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('notification_frequency', 'varchar(16)', (c) => c.notNull().defaultTo('weekly'))
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('accounts_status_idx').on('accounts').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('accounts_local_government_idx').on('accounts').column('local_government_code').execute();

  await db.schema
    .createTable('account_backup_codes')
    .addColumn('account_id', 'varchar(36)', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('code_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addPrimaryKeyConstraint('account_backup_codes_pk', ['account_id', 'code_hash'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('account_id', 'varchar(36)', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('stage', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ip', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addColumn('user_agent', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('sessions_account_idx').on('sessions').column('account_id').execute();

  await db.schema
    .createTable('one_time_codes')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('account_id', 'varchar(36)', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('purpose', 'varchar(24)', (c) => c.notNull())
    .addColumn('code_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('consumed_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('one_time_codes_account_idx').on('one_time_codes').columns(['account_id', 'purpose']).execute();

  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'varchar(200)', (c) => c.primaryKey())
    .addColumn('window_start_ms', 'bigint', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_account_id', 'varchar(36)')
    .addColumn('action', 'varchar(48)', (c) => c.notNull())
    .addColumn('target_type', 'varchar(32)')
    .addColumn('target_id', 'varchar(64)')
    .addColumn('ip', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('audit_events_occurred_idx').on('audit_events').column('occurred_at').execute();
  await db.schema.createIndex('audit_events_action_idx').on('audit_events').columns(['action', 'occurred_at']).execute();

  await db.schema
    .createTable('mail_domains')
    .addColumn('local_government_code', 'varchar(6)', (c) => c.notNull().references('local_governments.code'))
    .addColumn('domain', 'varchar(253)', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addPrimaryKeyConstraint('mail_domains_pk', ['local_government_code', 'domain'])
    .execute();
  await db.schema.createIndex('mail_domains_domain_idx').on('mail_domains').column('domain').execute();

  await db.schema
    .createTable('registered_members')
    .addColumn('local_government_code', 'varchar(6)', (c) => c.primaryKey().references('local_governments.code'))
    .addColumn('joined_on', 'date', (c) => c.notNull())
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['registered_members', 'mail_domains', 'audit_events', 'rate_limits', 'one_time_codes', 'sessions', 'account_backup_codes', 'accounts']) {
    await db.schema.dropTable(table).execute();
  }
}
