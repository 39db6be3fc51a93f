// Test-only: registry records written straight into the tables, so that the tests depend neither on
// the seed nor on the write commands of any feature. Not used by the app.
//
// - insertProject / insertAgreement / insertExchange / insertGroup / ensureGroup / insertRegisteredMember:
//   single records, with the defaults of the record tables (provenance 'entry' unless told otherwise;
//   insertExchange defaults to 'sample').
// - insertProjectFixtures / insertAgreementFixtures: the list fixtures of the project and agreement
//   tests. Titles carry a token (ZQX試験, AGZ試験 …) so that a keyword filter isolates them from
//   whatever else the database holds.
// - ensureWideAreaGroups, insertTest*: the ledger rows (ids start with 'ledgers-test-'); when the
//   seed is there as well, its rows simply come in addition.
//
// Every helper raises the registry revision when it is done, as the app's writes do, so that the
// registry read model sees what a test inserted.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, DatePrecision, OrganiserKind, ProjectFormat, ProjectStatus, Provenance } from '../src/db/schema.ts';
import { wideAreaGroups } from '../src/domain/wide-area-groups.ts';
import { bumpRevision } from '../src/db/revisions.ts';

const isoNow = () => new Date().toISOString();

export interface TestProject {
  fiscalYear: number;
  title: string;
  summary?: string;
  field: number;
  organiserKind?: OrganiserKind;
  wardCodes?: string[];
  partnerCodes?: string[];
  startsOn?: string | null;
  endsOn?: string | null;
  format?: ProjectFormat;
  status?: ProjectStatus;
  provenance?: Provenance;
  newsUrl?: string | null;
  sourceUrl?: string | null;
  notes?: string;
  deleted?: boolean;
}

/** A project; unless told otherwise: provenance 'entry', organised by the wards, 実施, offline. */
export async function insertProject(db: Kysely<Database>, p: TestProject): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await db
    .insertInto('projects')
    .values({
      id,
      fiscal_year: p.fiscalYear,
      title: p.title,
      summary: p.summary ?? '',
      field: p.field,
      organiser_kind: p.organiserKind ?? 'wards',
      starts_on: p.startsOn ?? null,
      ends_on: p.endsOn ?? null,
      format: p.format ?? 'offline',
      status: p.status ?? '実施',
      news_url: p.newsUrl ?? null,
      source_url: p.sourceUrl ?? null,
      notes: p.notes ?? '',
      provenance: p.provenance ?? 'entry',
      created_at: now,
      updated_at: now,
      deleted_at: p.deleted ? now : null,
    })
    .execute();
  if (p.wardCodes?.length) await db.insertInto('project_wards').values(p.wardCodes.map((ward_code) => ({ project_id: id, ward_code }))).execute();
  if (p.partnerCodes?.length) {
    await db
      .insertInto('project_partners')
      .values(p.partnerCodes.map((code) => ({ project_id: id, local_government_code: code, prefecture_code: code.slice(0, 2) })))
      .execute();
  }
  await bumpRevision(db, 'registry');
  return id;
}

export interface TestAgreement {
  typeId: string;
  title: string;
  wardCodes: string[];
  partners: Array<{ code: string; formerName?: string } | { groupId: string }>;
  signedOn?: string | null;
  signedOnPrecision?: DatePrecision;
  resignedDates?: string; // ';'-separated
  endedOn?: string | null;
  background?: string;
  sourceUrl?: string | null;
  notes?: string;
  provenance?: Provenance;
  deleted?: boolean;
}

/** An agreement; unless told otherwise: provenance 'entry', signed on an unknown date (null). */
export async function insertAgreement(db: Kysely<Database>, a: TestAgreement): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await db
    .insertInto('agreements')
    .values({
      id,
      type_id: a.typeId,
      title: a.title,
      signed_on: a.signedOn ?? null,
      signed_on_precision: a.signedOnPrecision ?? 'day',
      resigned_dates: a.resignedDates ?? '',
      ended_on: a.endedOn ?? null,
      background: a.background ?? '',
      source_url: a.sourceUrl ?? null,
      notes: a.notes ?? '',
      provenance: a.provenance ?? 'entry',
      created_at: now,
      updated_at: now,
      deleted_at: a.deleted ? now : null,
    })
    .execute();
  await db.insertInto('agreement_wards').values(a.wardCodes.map((ward_code) => ({ agreement_id: id, ward_code }))).execute();
  if (!a.partners.length) return id;
  await db
    .insertInto('agreement_partners')
    .values(
      a.partners.map((p) => ({
        id: randomUUID(),
        agreement_id: id,
        local_government_code: 'code' in p ? p.code : null,
        group_id: 'groupId' in p ? p.groupId : null,
        former_name: 'formerName' in p ? (p.formerName ?? '') : '',
      })),
    )
    .execute();
  await bumpRevision(db, 'registry');
  return id;
}

/** A wide-area group of the test's own (the real 13 are seeded by another feature). */
export async function insertGroup(db: Kysely<Database>, id: string, name: string, prefectureCode: string): Promise<void> {
  const now = new Date().toISOString();
  await db
    .insertInto('wide_area_groups')
    .values({ id, name, prefecture_code: prefectureCode, kind: 'city_mayors', signed_on: null, published_member_count: null, source_url: null, provenance: 'sample', created_at: now, updated_at: now, deleted_at: null })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await bumpRevision(db, 'registry');
}

export interface TestExchange {
  regionName: string;
  prefectureCode: string;
  wardCode: string;
  members: string[];
  startedFiscalYear?: number | null;
  endedOn?: string | null;
  councilName?: string;
  deleted?: boolean;
  provenance?: Provenance;
}

export async function insertExchange(db: Kysely<Database>, f: TestExchange): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await db
    .insertInto('regional_exchanges')
    .values({
      id,
      region_name: f.regionName,
      prefecture_code: f.prefectureCode,
      ward_code: f.wardCode,
      started_fiscal_year: f.startedFiscalYear ?? null,
      ended_on: f.endedOn ?? null,
      council_name: f.councilName ?? '',
      source_url: null,
      provenance: f.provenance ?? 'sample',
      created_at: now,
      updated_at: now,
      deleted_at: f.deleted ? now : null,
    })
    .execute();
  if (f.members.length) {
    await db.insertInto('regional_exchange_members').values(f.members.map((code) => ({ exchange_id: id, local_government_code: code }))).execute();
  }
  await bumpRevision(db, 'registry');
  return id;
}

/** The wide-area group row (from the domain's list of 13) when the seed has not written it yet. */
export async function ensureGroup(db: Kysely<Database>, groupId: string): Promise<void> {
  const g = wideAreaGroups.find((x) => x.id === groupId);
  if (!g) throw new Error(`unknown group ${groupId}`);
  const now = new Date().toISOString();
  await db
    .insertInto('wide_area_groups')
    .values({
      id: g.id,
      name: g.nameJa,
      prefecture_code: g.prefectureCode,
      kind: g.kind,
      signed_on: g.signedOn,
      published_member_count: g.publishedMemberCount,
      source_url: g.sourceUrl ?? null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await bumpRevision(db, 'registry');
}

/** A 会員登録 of a municipality (kept if it is already there). */
export async function insertRegisteredMember(db: Kysely<Database>, code: string, joinedOn: string): Promise<void> {
  await db
    .insertInto('registered_members')
    .values({ local_government_code: code, joined_on: joinedOn, source: 'manual', note: null })
    .onConflict((oc) => oc.column('local_government_code').doNothing())
    .execute();
  await bumpRevision(db, 'registry');
}

/**
 * Texts a spreadsheet reads as formulas when it opens a CSV (= + - @ and tab first): the CSV export
 * writes them with a leading ' and the import takes it off again.
 */
export const formulaTexts = ['=HYPERLINK("http://evil","x")', '+1', '-2', '@SUM(A1)', '\tタブで始まる名称'] as const;

/** Well-known codes used by the tests. */
export const codes = {
  chiyoda: '131016',
  shinjuku: '131041',
  setagaya: '131121',
  suginami: '131156',
  nayoro: '012211',
  sakata: '062049',
  kawaba: '104442',
  kochiPref: '390003',
} as const;

/** The project fixtures of the list tests and the browser test. */
export async function insertProjectFixtures(db: Kysely<Database>) {
  const { chiyoda, setagaya, suginami, nayoro, sakata, kawaba, kochiPref } = codes;
  const ids = {
    p1: await insertProject(db, {
      fiscalYear: 2024,
      title: 'ZQX試験 名寄ひまわり物産展',
      summary: '杉並区で名寄市の特産品を販売します。',
      field: 1,
      wardCodes: [suginami],
      partnerCodes: [nayoro],
      startsOn: '2024-10-30',
      endsOn: '2024-11-02',
      format: 'offline',
      status: '実施',
      provenance: 'sample',
      newsUrl: 'https://example.jp/news/1',
    }),
    p2: await insertProject(db, {
      fiscalYear: 2024,
      title: 'ZQX試験 川場村オンライン交流会',
      field: 6,
      wardCodes: [setagaya],
      partnerCodes: [kawaba],
      startsOn: '2024-06-01',
      format: 'online',
      status: '中止',
    }),
    p3: await insertProject(db, {
      fiscalYear: 2023,
      title: 'ZQX試験 全国連携パネル展',
      field: 2,
      organiserKind: 'joint',
      partnerCodes: [nayoro, sakata],
      startsOn: '2023-12-01',
      format: 'hybrid',
      status: '延期',
    }),
    p4: await insertProject(db, {
      fiscalYear: 2023,
      title: 'ZQX試験 高知県フェア',
      field: 1,
      wardCodes: [chiyoda, suginami],
      partnerCodes: [kochiPref],
      status: '予定',
      provenance: 'synthetic',
    }),
    deleted: await insertProject(db, {
      fiscalYear: 2024,
      title: 'ZQX試験 削除済みの事業',
      field: 1,
      wardCodes: [suginami],
      partnerCodes: [nayoro],
      startsOn: '2024-12-01',
      deleted: true,
    }),
  };
  await bumpRevision(db, 'registry');
  return ids;
}

export async function insertAgreementFixtures(db: Kysely<Database>) {
  const { chiyoda, shinjuku, setagaya, suginami, nayoro, kawaba, kochiPref } = codes;
  await insertGroup(db, 'test-aomori-group', '試験用青森県市長会', '02');
  const ids = {
    a1: await insertAgreement(db, {
      typeId: 'exchange',
      title: 'AGZ試験 杉並区と名寄市の交流自治体協定',
      wardCodes: [suginami],
      partners: [{ code: nayoro, formerName: '風連町' }],
      signedOn: '1989-04-01',
      signedOnPrecision: 'month',
      resignedDates: '2006-03-27',
      background: '少年野球の交流がきっかけです。',
      sourceUrl: 'https://example.jp/suginami',
      provenance: 'sample',
    }),
    a2: await insertAgreement(db, {
      typeId: 'disaster-mutual-aid',
      title: 'AGZ試験 世田谷区と川場村の災害時相互援助協定',
      wardCodes: [setagaya],
      partners: [{ code: kawaba }],
      signedOn: '1995-07-01',
    }),
    a3: await insertAgreement(db, {
      typeId: 'other',
      title: 'AGZ試験 広域連携の協定',
      wardCodes: [chiyoda, shinjuku],
      partners: [{ groupId: 'test-aomori-group' }],
      signedOn: null,
      provenance: 'synthetic',
    }),
    a4: await insertAgreement(db, {
      typeId: 'disaster-prevention',
      title: 'AGZ試験 終了した防災協定',
      wardCodes: [chiyoda],
      partners: [{ code: kochiPref }],
      signedOn: '2000-01-15',
      endedOn: '2010-03-31',
    }),
    a5: await insertAgreement(db, {
      typeId: 'exchange',
      title: 'AGZ試験 期限付きの協定',
      wardCodes: [suginami],
      partners: [{ code: kawaba }],
      signedOn: '2020-05-01',
      endedOn: '2999-03-31',
    }),
    deleted: await insertAgreement(db, {
      typeId: 'exchange',
      title: 'AGZ試験 削除済みの協定',
      wardCodes: [suginami],
      partners: [{ code: nayoro }],
      signedOn: '2021-01-01',
      deleted: true,
    }),
  };
  await bumpRevision(db, 'registry');
  return ids;
}

// The ledgers.

/** The 13 wide-area groups, inserted from the domain module when the table has none. */
export async function ensureWideAreaGroups(db: Kysely<Database>): Promise<void> {
  const { n } = await db.selectFrom('wide_area_groups').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(n) > 0) return;
  const at = isoNow();
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
  await bumpRevision(db, 'registry');
}

/** A sample group (沖縄県の市) with one exception each way; its name tests escaping. */
export const testGroupId = 'ledgers-test-okinawa';

export async function insertTestGroup(db: Kysely<Database>, name = 'テスト<script>alert(1)</script>市長会'): Promise<void> {
  const at = isoNow();
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
  await bumpRevision(db, 'registry');
}

export async function insertTestRegion(db: Kysely<Database>): Promise<void> {
  const at = isoNow();
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
  await bumpRevision(db, 'registry');
}

export async function insertTestCompanies(db: Kysely<Database>): Promise<void> {
  const at = isoNow();
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
  await bumpRevision(db, 'registry');
}

/**
 * Two disasters: one with a fund and two cumulative staff figures (7,174 then 7,201: the page must
 * show 7,201, never 14,375); one with sympathy money, a fund, and a running total of 30 followed by
 * a later, smaller 1 that cannot be a running total.
 */
export async function insertTestDisasters(db: Kysely<Database>): Promise<void> {
  const at = isoNow();
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
  await bumpRevision(db, 'registry');
}

export async function insertTestPlan(db: Kysely<Database>): Promise<void> {
  const at = isoNow();
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
  await bumpRevision(db, 'registry');
}
