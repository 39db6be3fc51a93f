// The collaboration registry: wards, agreements and their parties, the wide-area groups, regional
// exchanges, projects, company agreements, disaster support, joint plans (広域共同計画), the
// plan/progress table, published figures, and the change history of all of them.
// Frozen: imports nothing from the application.
//
// Conventions shared by every registry record table:
// - id varchar(36) (a UUID made by the application; vocabularies and groups use short slugs);
// - provenance: 'seed' (real fact loaded at start, with source_url), 'entry' (typed in a form),
//   'import' (CSV/XLSX), 'sample' (demo 「サンプル」) or 'synthetic' (benchmark volume only);
// - deleted_at: a deleted record is hidden, never removed, so that it can be restored;
// - a date known only to the month or year carries *_precision 'day' | 'month' | 'year' and is
//   stored as the first day of that period.
import type { Kysely } from 'kysely';

type TableBuilder = ReturnType<Kysely<any>['schema']['createTable']>;

function recordColumns(t: TableBuilder): TableBuilder {
  return t
    .addColumn('source_url', 'varchar(500)')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('provenance', 'varchar(16)', (c) => c.notNull().defaultTo('entry'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('deleted_at', 'timestamptz');
}

export async function up(db: Kysely<any>): Promise<void> {
  await recordColumns(
    db.schema
      .createTable('wards')
      .addColumn('code', 'varchar(6)', (c) => c.primaryKey().references('local_governments.code'))
      .addColumn('block', 'integer', (c) => c.notNull())
      .addColumn('mayor_name', 'varchar(100)', (c) => c.notNull().defaultTo(''))
      .addColumn('mayor_as_of', 'date')
      .addColumn('website_url', 'varchar(500)'),
  ).execute();

  await db.schema
    .createTable('agreement_types')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('name_en', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    /** friendship | disaster | other: lets the figures and filters group the vocabulary. */
    .addColumn('category', 'varchar(16)', (c) => c.notNull().defaultTo('other'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('deleted_at', 'timestamptz')
    .execute();

  await recordColumns(
    db.schema
      .createTable('wide_area_groups')
      .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
      .addColumn('name', 'varchar(100)', (c) => c.notNull())
      .addColumn('prefecture_code', 'varchar(2)', (c) => c.notNull())
      /** city_mayors (市長会) | town_village_mayors (町村会) */
      .addColumn('kind', 'varchar(24)', (c) => c.notNull())
      .addColumn('signed_on', 'date')
      .addColumn('signed_on_precision', 'varchar(8)', (c) => c.notNull().defaultTo('day'))
      .addColumn('auto_renewal', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('published_member_count', 'integer')
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0)),
  ).execute();

  await db.schema
    .createTable('wide_area_group_exceptions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('group_id', 'varchar(40)', (c) => c.notNull().references('wide_area_groups.id'))
    .addColumn('local_government_code', 'varchar(6)', (c) => c.notNull().references('local_governments.code'))
    /** add | remove */
    .addColumn('change', 'varchar(8)', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await recordColumns(
    db.schema
      .createTable('agreements')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('type_id', 'varchar(40)', (c) => c.notNull().references('agreement_types.id'))
      .addColumn('title', 'varchar(300)', (c) => c.notNull())
      .addColumn('signed_on', 'date')
      .addColumn('signed_on_precision', 'varchar(8)', (c) => c.notNull().defaultTo('day'))
      /** Re-signed or revised dates, ISO, joined with ';' (e.g. after a merger). */
      .addColumn('resigned_dates', 'varchar(200)', (c) => c.notNull().defaultTo(''))
      .addColumn('ended_on', 'date')
      /** きっかけ: how the tie began. */
      .addColumn('background', 'text', (c) => c.notNull().defaultTo('')),
  ).execute();
  await db.schema.createIndex('agreements_signed_idx').on('agreements').columns(['deleted_at', 'signed_on']).execute();

  await db.schema
    .createTable('agreement_wards')
    .addColumn('agreement_id', 'varchar(36)', (c) => c.notNull().references('agreements.id'))
    .addColumn('ward_code', 'varchar(6)', (c) => c.notNull().references('wards.code'))
    .addPrimaryKeyConstraint('agreement_wards_pk', ['agreement_id', 'ward_code'])
    .execute();
  await db.schema.createIndex('agreement_wards_ward_idx').on('agreement_wards').column('ward_code').execute();

  // A partner is a municipality or prefecture (local_government_code) or a group (group_id).
  await db.schema
    .createTable('agreement_partners')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('agreement_id', 'varchar(36)', (c) => c.notNull().references('agreements.id'))
    .addColumn('local_government_code', 'varchar(6)', (c) => c.references('local_governments.code'))
    .addColumn('group_id', 'varchar(40)', (c) => c.references('wide_area_groups.id'))
    /** The partner's name when signed, if it has since merged (e.g. 旧風連町 → 名寄市). */
    .addColumn('former_name', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('agreement_partners_agreement_idx').on('agreement_partners').column('agreement_id').execute();
  await db.schema.createIndex('agreement_partners_code_idx').on('agreement_partners').column('local_government_code').execute();

  await recordColumns(
    db.schema
      .createTable('regional_exchanges')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('region_name', 'varchar(100)', (c) => c.notNull())
      .addColumn('prefecture_code', 'varchar(2)', (c) => c.notNull())
      .addColumn('ward_code', 'varchar(6)', (c) => c.notNull().references('wards.code'))
      .addColumn('started_fiscal_year', 'integer')
      .addColumn('ended_on', 'date')
      .addColumn('council_name', 'varchar(200)', (c) => c.notNull().defaultTo(''))
      .addColumn('activities', 'text', (c) => c.notNull().defaultTo('')),
  ).execute();

  await db.schema
    .createTable('regional_exchange_members')
    .addColumn('exchange_id', 'varchar(36)', (c) => c.notNull().references('regional_exchanges.id'))
    .addColumn('local_government_code', 'varchar(6)', (c) => c.notNull().references('local_governments.code'))
    .addPrimaryKeyConstraint('regional_exchange_members_pk', ['exchange_id', 'local_government_code'])
    .execute();

  await recordColumns(
    db.schema
      .createTable('projects')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('fiscal_year', 'integer', (c) => c.notNull())
      .addColumn('title', 'varchar(300)', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
      /** 1–6, the pamphlet's fields (src/domain/project-fields.ts). */
      .addColumn('field', 'integer', (c) => c.notNull())
      /** wards (one or more wards) | joint (23区共同) */
      .addColumn('organiser_kind', 'varchar(8)', (c) => c.notNull())
      .addColumn('starts_on', 'date')
      .addColumn('ends_on', 'date')
      /** offline | online | hybrid */
      .addColumn('format', 'varchar(8)', (c) => c.notNull().defaultTo('offline'))
      /** 実施 | 予定 | 中止 | 延期 */
      .addColumn('status', 'varchar(8)', (c) => c.notNull())
      .addColumn('news_url', 'varchar(500)'),
  ).execute();
  await db.schema.createIndex('projects_listing_idx').on('projects').columns(['deleted_at', 'fiscal_year', 'field', 'status']).execute();

  await db.schema
    .createTable('project_wards')
    .addColumn('project_id', 'varchar(36)', (c) => c.notNull().references('projects.id'))
    .addColumn('ward_code', 'varchar(6)', (c) => c.notNull().references('wards.code'))
    .addPrimaryKeyConstraint('project_wards_pk', ['project_id', 'ward_code'])
    .execute();
  await db.schema.createIndex('project_wards_ward_idx').on('project_wards').column('ward_code').execute();

  await db.schema
    .createTable('project_partners')
    .addColumn('project_id', 'varchar(36)', (c) => c.notNull().references('projects.id'))
    .addColumn('local_government_code', 'varchar(6)', (c) => c.notNull().references('local_governments.code'))
    /** Two digits, denormalised so that the prefecture filter needs no join through local_governments. */
    .addColumn('prefecture_code', 'varchar(2)', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_partners_pk', ['project_id', 'local_government_code'])
    .execute();
  await db.schema.createIndex('project_partners_code_idx').on('project_partners').column('local_government_code').execute();
  await db.schema.createIndex('project_partners_pref_idx').on('project_partners').columns(['prefecture_code', 'project_id']).execute();

  await recordColumns(
    db.schema
      .createTable('company_agreements')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('company_name', 'varchar(200)', (c) => c.notNull())
      .addColumn('former_name', 'varchar(200)', (c) => c.notNull().defaultTo(''))
      .addColumn('signed_on', 'date')
      .addColumn('signed_on_precision', 'varchar(8)', (c) => c.notNull().defaultTo('day'))
      /** Main activities, one per line. */
      .addColumn('activities', 'text', (c) => c.notNull().defaultTo('')),
  ).execute();

  await recordColumns(
    db.schema
      .createTable('disasters')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('name', 'varchar(200)', (c) => c.notNull())
      .addColumn('occurred_on', 'date')
      .addColumn('occurred_on_precision', 'varchar(8)', (c) => c.notNull().defaultTo('day'))
      /** As printed, e.g. 「4月14日~16日」, when a single date would say less than the source. */
      .addColumn('occurred_label', 'varchar(100)', (c) => c.notNull().defaultTo(''))
      .addColumn('support_summary', 'text', (c) => c.notNull().defaultTo('')),
  ).execute();

  // One line of support: money (kind recovery_fund 復興支援金 | sympathy_money 見舞金 | donation 義援金,
  // amount_yen), staff (kind staff, staff_count cumulative as of as_of), goods (kind goods, goods text).
  // recipients: names as printed (prefectures, 市長会 …), joined with ';'.
  await recordColumns(
    db.schema
      .createTable('disaster_support')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('disaster_id', 'varchar(36)', (c) => c.notNull().references('disasters.id'))
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('recipients', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('amount_yen', 'bigint')
      .addColumn('staff_count', 'integer')
      .addColumn('as_of', 'date')
      .addColumn('goods', 'text', (c) => c.notNull().defaultTo(''))
      /** 1 when all 23 wards gave it together (23区共同). */
      .addColumn('is_joint', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();
  await db.schema.createIndex('disaster_support_disaster_idx').on('disaster_support').column('disaster_id').execute();

  await recordColumns(
    db.schema
      .createTable('joint_plans')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('title', 'varchar(300)', (c) => c.notNull())
      .addColumn('region_label', 'varchar(100)', (c) => c.notNull().defaultTo(''))
      .addColumn('approved_on', 'date')
      .addColumn('approved_on_precision', 'varchar(8)', (c) => c.notNull().defaultTo('day'))
      .addColumn('grant_name', 'varchar(200)', (c) => c.notNull().defaultTo('')),
  ).execute();

  await db.schema
    .createTable('joint_plan_wards')
    .addColumn('plan_id', 'varchar(36)', (c) => c.notNull().references('joint_plans.id'))
    .addColumn('ward_code', 'varchar(6)', (c) => c.notNull().references('wards.code'))
    .addPrimaryKeyConstraint('joint_plan_wards_pk', ['plan_id', 'ward_code'])
    .execute();

  await db.schema
    .createTable('joint_plan_partners')
    .addColumn('plan_id', 'varchar(36)', (c) => c.notNull().references('joint_plans.id'))
    .addColumn('local_government_code', 'varchar(6)', (c) => c.notNull().references('local_governments.code'))
    .addPrimaryKeyConstraint('joint_plan_partners_pk', ['plan_id', 'local_government_code'])
    .execute();

  await recordColumns(
    db.schema
      .createTable('plan_items')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('title', 'varchar(200)', (c) => c.notNull())
      /** The plan period the table belongs to, e.g. 2019–2022 (令和元年度～令和4年度). */
      .addColumn('period_from_fy', 'integer', (c) => c.notNull())
      .addColumn('period_to_fy', 'integer', (c) => c.notNull()),
  ).execute();

  await db.schema
    .createTable('plan_progress')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('item_id', 'varchar(36)', (c) => c.notNull().references('plan_items.id'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    /** planned 予定 | in_progress 実施中 | done 完了 | not_started 未着手 */
    .addColumn('status', 'varchar(16)', (c) => c.notNull().defaultTo('planned'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_progress_item_fy_idx').on('plan_progress').columns(['item_id', 'fiscal_year']).unique().execute();

  await recordColumns(
    db.schema
      .createTable('published_figures')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      /** ward_partners | registered_members | wide_area_members | wide_area_groups | union | staff_dispatched | other */
      .addColumn('metric', 'varchar(40)', (c) => c.notNull())
      .addColumn('label', 'varchar(200)', (c) => c.notNull())
      .addColumn('value', 'integer', (c) => c.notNull())
      /** 1 when the source says 「〜を超す」「以上」: a lower bound, not an exact count. */
      .addColumn('is_lower_bound', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('as_of', 'date', (c) => c.notNull())
      .addColumn('as_of_precision', 'varchar(8)', (c) => c.notNull().defaultTo('day'))
      .addColumn('source_title', 'varchar(300)', (c) => c.notNull().defaultTo('')),
  ).execute();

  // Before → after of every change to a registry record, as JSON of the whole record with its
  // parties. Restoring a deleted record writes a new row (action restore).
  await db.schema
    .createTable('record_changes')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_account_id', 'varchar(36)')
    .addColumn('entity_type', 'varchar(32)', (c) => c.notNull())
    .addColumn('entity_id', 'varchar(40)', (c) => c.notNull())
    /** create | update | delete | restore | import */
    .addColumn('action', 'varchar(16)', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    /** Groups the rows written by one import. */
    .addColumn('batch_id', 'varchar(36)')
    .execute();
  await db.schema.createIndex('record_changes_entity_idx').on('record_changes').columns(['entity_type', 'entity_id', 'occurred_at']).execute();
  await db.schema.createIndex('record_changes_occurred_idx').on('record_changes').column('occurred_at').execute();

  // Imports run as jobs so that a large file shows progress; any app instance may pick up or
  // report on a job, so its state lives here rather than in memory.
  await db.schema
    .createTable('import_jobs')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('account_id', 'varchar(36)', (c) => c.notNull())
    /** agreements | projects */
    .addColumn('entity_type', 'varchar(16)', (c) => c.notNull())
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    /** uploaded | validated | invalid | applying | applied | failed | cancelled */
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('total_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
    /** The parsed rows, JSON, kept until applied or cancelled. */
    .addColumn('rows_json', 'text', (c) => c.notNull().defaultTo('[]'))
    /** Row errors, JSON [{ row, column, message }]. */
    .addColumn('errors_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'import_jobs',
    'record_changes',
    'published_figures',
    'plan_progress',
    'plan_items',
    'joint_plan_partners',
    'joint_plan_wards',
    'joint_plans',
    'disaster_support',
    'disasters',
    'company_agreements',
    'project_partners',
    'project_wards',
    'projects',
    'regional_exchange_members',
    'regional_exchanges',
    'agreement_partners',
    'agreement_wards',
    'agreements',
    'wide_area_group_exceptions',
    'wide_area_groups',
    'agreement_types',
    'wards',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
