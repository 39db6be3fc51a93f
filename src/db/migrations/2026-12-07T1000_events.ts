// Events (イベント情報): events of the project and of municipalities all over Japan, the
// municipalities taking part in each, the municipalities' own event feeds that Renkei harvests
// (イベント一覧 CSV or iCalendar), the pending open-data imports, and the 'events' revision topic
// that the public pages are cached by. Frozen: imports nothing from the application.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('event_feeds')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('url', 'varchar(500)', (c) => c.notNull())
    /** 'csv' (イベント一覧) or 'ical'. */
    .addColumn('format', 'varchar(8)', (c) => c.notNull())
    /** The municipality whose list it is; its events are that municipality's. */
    .addColumn('local_government_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('label', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('interval_minutes', 'integer', (c) => c.notNull().defaultTo(360))
    .addColumn('next_fetch_at', 'timestamptz', (c) => c.notNull())
    /** Claimed by one instance until then (a conditional UPDATE decides which). */
    .addColumn('lease_until', 'timestamptz')
    .addColumn('last_fetched_at', 'timestamptz')
    /** 'ok' or 'error'; null before the first fetch. */
    .addColumn('last_status', 'varchar(8)')
    .addColumn('last_error', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('last_added', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_feeds_due_idx').on('event_feeds').columns(['active', 'next_fetch_at']).execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('title_kana', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('title_en', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    /** 'HH:MM' in Japan; null for an all-day event. */
    .addColumn('start_time', 'varchar(5)')
    .addColumn('end_time', 'varchar(5)')
    /** 開始日時特記事項, e.g. 「雨天中止」「毎週土曜日」. */
    .addColumn('date_note', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('venue_name', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('address', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    /** 方書 (building, floor). */
    .addColumn('address_extra', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('access', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('parking', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('online', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('online_url', 'varchar(500)')
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    /** Lines per role (主催 / 共催 / 連携協力 / 後援), one organisation a line. */
    .addColumn('organisers', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('co_organisers', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('partners', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('supporters', 'text', (c) => c.notNull().defaultTo(''))
    /** 1–6, the registry's fields of collaboration. */
    .addColumn('field', 'integer')
    .addColumn('fee_basic', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('fee_detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('capacity', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('apply_method', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('apply_deadline', 'date')
    .addColumn('apply_deadline_time', 'varchar(5)')
    /** JSON array of { name, phone, extension }. */
    .addColumn('contacts', 'text', (c) => c.notNull().defaultTo('[]'))
    /** The organiser's own page about the event. */
    .addColumn('url', 'varchar(500)')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('project_id', 'varchar(36)')
    .addColumn('flyer_file_id', 'varchar(36)')
    /** draft | pending | published | rejected | withdrawn. */
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    /** Why the secretariat returned it (shown to the submitter). */
    .addColumn('review_reason', 'text', (c) => c.notNull().defaultTo(''))
    /** The municipality whose event it is (a member edits only its own); null for the secretariat's. */
    .addColumn('owner_code', 'varchar(6)')
    /** seed | entry | member | import | harvest | sample | synthetic. */
    .addColumn('provenance', 'varchar(12)', (c) => c.notNull())
    .addColumn('source_url', 'varchar(500)')
    .addColumn('feed_id', 'varchar(36)', (c) => c.references('event_feeds.id'))
    /** The feed's or file's own key of the event (UID, NO, ID, or a stable hash). */
    .addColumn('external_uid', 'varchar(200)')
    .addColumn('content_hash', 'varchar(64)')
    .addColumn('fetched_at', 'timestamptz')
    .addColumn('submitted_by', 'varchar(36)')
    .addColumn('created_by', 'varchar(36)')
    .addColumn('updated_by', 'varchar(36)')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz')
    .execute();
  // The public lists: upcoming (ends_on ≥ today, by start) and the archive (by start, newest first).
  await db.schema.createIndex('events_public_idx').on('events').columns(['status', 'ends_on', 'starts_on']).execute();
  await db.schema.createIndex('events_start_idx').on('events').columns(['status', 'starts_on']).execute();
  await db.schema.createIndex('events_owner_idx').on('events').columns(['owner_code', 'status']).execute();
  await db.schema.createIndex('events_feed_uid_idx').on('events').columns(['feed_id', 'external_uid']).unique().execute();
  await db.schema.createIndex('events_external_uid_idx').on('events').column('external_uid').execute();

  await db.schema
    .createTable('event_municipalities')
    .addColumn('event_id', 'varchar(36)', (c) => c.notNull().references('events.id'))
    .addColumn('local_government_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('prefecture_code', 'varchar(2)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_municipalities_pk', ['event_id', 'local_government_code'])
    .execute();
  await db.schema.createIndex('event_municipalities_code_idx').on('event_municipalities').columns(['local_government_code', 'event_id']).execute();
  await db.schema.createIndex('event_municipalities_pref_idx').on('event_municipalities').columns(['prefecture_code', 'event_id']).execute();

  await db.schema
    .createTable('event_imports')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('account_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('file_name', 'varchar(200)', (c) => c.notNull())
    /** The validated rows (JSON), applied in one transaction when confirmed. */
    .addColumn('rows_json', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.insertInto('data_revisions').values({ topic: 'events', revision: 1 }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('data_revisions').where('topic', '=', 'events').execute();
  await db.schema.dropTable('event_imports').execute();
  await db.schema.dropTable('event_municipalities').execute();
  await db.schema.dropTable('events').execute();
  await db.schema.dropTable('event_feeds').execute();
}
