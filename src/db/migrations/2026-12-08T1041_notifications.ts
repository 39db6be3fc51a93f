// Notifications (issue 11): the members' inbox and each member's mail frequency per kind of
// notification. Frozen: imports nothing from the application.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('recipient_id', 'varchar(36)', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    /** watching | mentioned | replied | suggested. */
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('excerpt', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    /** Site-relative URL of what the notification is about. */
    .addColumn('path', 'varchar(500)', (c) => c.notNull())
    /** What it is about, e.g. 'board-post:34': withdrawn together when that is hidden. */
    .addColumn('subject_key', 'varchar(120)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(36)')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('read_at', 'timestamptz')
    /** When it went out by mail (alone or in a digest); null while not (yet) mailed. */
    .addColumn('mailed_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('notifications_once_idx').on('notifications').columns(['recipient_id', 'kind', 'subject_key']).unique().execute();
  await db.schema.createIndex('notifications_inbox_idx').on('notifications').columns(['recipient_id', 'created_at']).execute();
  await db.schema.createIndex('notifications_subject_idx').on('notifications').column('subject_key').execute();
  // The digest scan reads one period's notifications of every member.
  await db.schema.createIndex('notifications_created_idx').on('notifications').column('created_at').execute();

  await db.schema
    .createTable('notification_preferences')
    .addColumn('account_id', 'varchar(36)', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    /** immediate | daily | weekly | none. A kind without a row has its default. */
    .addColumn('frequency', 'varchar(16)', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preferences_pk', ['account_id', 'kind'])
    .execute();

  // The single setting that came before (accounts.notification_frequency): whoever chose to get
  // no notification mail at all keeps that choice for every kind. Other values meant nothing yet.
  const now = new Date().toISOString();
  const optedOut = await db.selectFrom('accounts').select('id').where('notification_frequency', '=', 'none').execute();
  for (const { id } of optedOut) {
    await db
      .insertInto('notification_preferences')
      .values(['watching', 'mentioned', 'replied', 'suggested'].map((kind) => ({ account_id: id, kind, frequency: 'none', updated_at: now })))
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_preferences').execute();
  await db.schema.dropTable('notifications').execute();
}
