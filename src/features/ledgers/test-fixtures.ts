// Rows the ledger tests insert for themselves (ids start with 'ledgers-test-'), so that the tests do
// not depend on the registry seed; when the seed is there as well, its rows simply come in addition.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { wideAreaGroups } from '../../domain/wide-area-groups.ts';

const now = () => new Date().toISOString();

/** The 13 wide-area groups, inserted from the domain module when the table has none. */
export async function ensureWideAreaGroups(db: Kysely<Database>): Promise<void> {
  const { n } = await db.selectFrom('wide_area_groups').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(n) > 0) return;
  const at = now();
  await db
    .insertInto('wide_area_groups')
    .values(
      wideAreaGroups.map((g, i) => ({
        id: g.id,
        name: g.nameJa,
        prefecture_code: g.prefectureCode,
        kind: g.kind,
        signed_on: g.signedOn,
        signed_on_precision: 'day' as const,
        auto_renewal: 1,
        published_member_count: g.publishedMemberCount,
        sort_order: i + 1,
        source_url: g.sourceUrl ?? null,
        notes: g.signedOnNote ?? '',
        provenance: 'seed' as const,
        created_at: at,
        updated_at: at,
        deleted_at: null,
      })),
    )
    .execute();
}

/** A sample group (沖縄県の市) with one exception each way; its name tests escaping. */
export const testGroupId = 'ledgers-test-okinawa';

export async function insertTestGroup(db: Kysely<Database>, name = 'テスト<script>alert(1)</script>市長会'): Promise<void> {
  const at = now();
  await db
    .insertInto('wide_area_groups')
    .values({
      id: testGroupId,
      name,
      prefecture_code: '47',
      kind: 'city_mayors',
      signed_on: '2020-02-01',
      signed_on_precision: 'month',
      auto_renewal: 1,
      published_member_count: 11,
      sort_order: 999,
      source_url: 'javascript:alert(1)',
      notes: '',
      provenance: 'sample',
      created_at: at,
      updated_at: at,
      deleted_at: null,
    })
    .execute();
  await db
    .insertInto('wide_area_group_exceptions')
    .values([
      { id: 'ledgers-test-exc-add', group_id: testGroupId, local_government_code: '473821', change: 'add', note: '<i>規則外</i>で加入（テスト）', created_at: at },
      { id: 'ledgers-test-exc-remove', group_id: testGroupId, local_government_code: '472018', change: 'remove', note: '不参加（テスト）', created_at: at },
    ])
    .execute();
}

export async function insertTestRegion(db: Kysely<Database>): Promise<void> {
  const at = now();
  await db
    .insertInto('regional_exchanges')
    .values({
      id: 'ledgers-test-region',
      region_name: '<b>テスト地域</b>',
      prefecture_code: '01',
      ward_code: '131181',
      started_fiscal_year: 2015,
      ended_on: null,
      council_name: 'テスト交流推進協議会',
      activities: 'ふれあい祭り\n子ども向けツアー',
      source_url: 'https://example.jp/regions/kushiro',
      notes: '',
      provenance: 'sample',
      created_at: at,
      updated_at: at,
      deleted_at: null,
    })
    .execute();
  await db
    .insertInto('regional_exchange_members')
    .values([
      { exchange_id: 'ledgers-test-region', local_government_code: '016624' },
      { exchange_id: 'ledgers-test-region', local_government_code: '012068' },
    ])
    .execute();
}

export async function insertTestCompanies(db: Kysely<Database>): Promise<void> {
  const at = now();
  const base = { notes: '', created_at: at, updated_at: at, deleted_at: null };
  await db
    .insertInto('company_agreements')
    .values([
      {
        ...base,
        id: 'ledgers-test-company-b',
        company_name: 'テスト損害保険株式会社',
        former_name: 'テスト旧社名株式会社',
        signed_on: '2019-05-01',
        signed_on_precision: 'month',
        activities: 'ドローンを活用した防災\n美術館を活用した<em>芸術教育</em>',
        source_url: null,
        provenance: 'sample',
      },
      {
        ...base,
        id: 'ledgers-test-company-a',
        company_name: 'テスト生命保険株式会社',
        former_name: '',
        signed_on: '2018-08-23',
        signed_on_precision: 'day',
        activities: 'ビジネス交流会の開催',
        source_url: 'https://example.jp/company',
        provenance: 'sample',
        notes: 'テスト備考\n二行目',
      },
    ])
    .execute();
}

/**
 * Two disasters: one with a fund and two cumulative staff figures (7,174 then 7,201: the page must
 * show 7,201, never 14,375); one with sympathy money, a fund, and a running total of 30 followed by
 * a later, smaller 1 that cannot be a running total.
 */
export async function insertTestDisasters(db: Kysely<Database>): Promise<void> {
  const at = now();
  const base = { notes: '', created_at: at, updated_at: at, deleted_at: null, provenance: 'sample' as const };
  await db
    .insertInto('disasters')
    .values([
      {
        ...base,
        id: 'ledgers-test-disaster-2',
        name: 'テスト台風',
        occurred_on: '2019-09-01',
        occurred_on_precision: 'month',
        occurred_label: '9月',
        support_summary: '見舞金の提供(東京都島しょ部)',
        source_url: null,
      },
      {
        ...base,
        id: 'ledgers-test-disaster-1',
        name: 'テスト大震災<script>',
        occurred_on: '2011-03-11',
        occurred_on_precision: 'day',
        occurred_label: '',
        support_summary: '復興支援金の提供、職員派遣',
        source_url: 'https://example.jp/shien',
      },
    ])
    .execute();
  const line = { ...base, source_url: null, recipients: '', amount_yen: null, staff_count: null, as_of: null, goods: '', is_joint: 1 };
  await db
    .insertInto('disaster_support')
    .values([
      { ...line, id: 'ledgers-test-line-1', disaster_id: 'ledgers-test-disaster-1', kind: 'recovery_fund', recipients: '岩手県;宮城県;福島県', amount_yen: 1_000_000_000 },
      { ...line, id: 'ledgers-test-line-2', disaster_id: 'ledgers-test-disaster-1', kind: 'staff', staff_count: 7_174, as_of: '2021-10-01' },
      { ...line, id: 'ledgers-test-line-3', disaster_id: 'ledgers-test-disaster-1', kind: 'staff', staff_count: 7_201, as_of: '2023-10-01' },
      { ...line, id: 'ledgers-test-line-4', disaster_id: 'ledgers-test-disaster-1', kind: 'goods', goods: '主食類 289,164食\n飲料水 104,451ℓ' },
      { ...line, id: 'ledgers-test-line-5', disaster_id: 'ledgers-test-disaster-2', kind: 'sympathy_money', recipients: '東京都島しょ部', amount_yen: 1_000_000 },
      { ...line, id: 'ledgers-test-line-6', disaster_id: 'ledgers-test-disaster-2', kind: 'recovery_fund', amount_yen: 113_000_000 },
      { ...line, id: 'ledgers-test-line-7', disaster_id: 'ledgers-test-disaster-2', kind: 'staff' },
      { ...line, id: 'ledgers-test-line-8', disaster_id: 'ledgers-test-disaster-2', kind: 'staff', staff_count: 1, as_of: '2022-12-28' },
      { ...line, id: 'ledgers-test-line-9', disaster_id: 'ledgers-test-disaster-2', kind: 'staff', staff_count: 30, as_of: '2020-04-01' },
    ])
    .execute();
}

export async function insertTestPlan(db: Kysely<Database>): Promise<void> {
  const at = now();
  const base = { notes: '', created_at: at, updated_at: at, deleted_at: null, provenance: 'sample' as const, source_url: null, period_from_fy: 2019, period_to_fy: 2022 };
  await db
    .insertInto('plan_items')
    .values([
      { ...base, id: 'ledgers-test-plan-2', number: 92, title: 'テスト項目<乙>' },
      { ...base, id: 'ledgers-test-plan-1', number: 91, title: 'テスト項目甲' },
    ])
    .execute();
  await db
    .insertInto('plan_progress')
    .values([
      { id: 'ledgers-test-progress-1', item_id: 'ledgers-test-plan-1', fiscal_year: 2019, description: '十勝・山城地域計画', status: 'done', updated_at: at },
      { id: 'ledgers-test-progress-2', item_id: 'ledgers-test-plan-1', fiscal_year: 2020, description: '共同計画を希望する地域との策定', status: 'in_progress', updated_at: at },
      { id: 'ledgers-test-progress-3', item_id: 'ledgers-test-plan-2', fiscal_year: 2022, description: '', status: 'not_started', updated_at: at },
    ])
    .execute();
}
