// Lookups by partner that the ward and municipality pages make (a municipality's exchanges and
// joint plans, a group's agreements) and the projects list's order (年度, start date, title), which
// otherwise sorts the whole filtered set for a deep page. Frozen: imports nothing from the application.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('agreement_partners_group_idx').on('agreement_partners').column('group_id').execute();
  await db.schema.createIndex('regional_exchange_members_code_idx').on('regional_exchange_members').column('local_government_code').execute();
  await db.schema.createIndex('joint_plan_partners_code_idx').on('joint_plan_partners').column('local_government_code').execute();
  await db.schema.createIndex('projects_order_idx').on('projects').columns(['deleted_at', 'fiscal_year', 'starts_on', 'title']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ['projects_order_idx', 'joint_plan_partners_code_idx', 'regional_exchange_members_code_idx', 'agreement_partners_group_idx']) {
    await db.schema.dropIndex(index).execute();
  }
}
