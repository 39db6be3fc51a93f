// Test records for the registry lists, written straight into the tables (the tests must not depend
// on the seed, nor on the write commands of another feature). Titles carry a token (ZQX試験,
// AGZ試験 …) so that a keyword filter isolates them from whatever else the database holds.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, DatePrecision, OrganiserKind, ProjectFormat, ProjectStatus, Provenance } from '../../db/schema.ts';

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
  return id;
}

export interface TestAgreement {
  typeId: string;
  title: string;
  wardCodes: string[];
  partners: Array<{ code: string; formerName?: string } | { groupId: string }>;
  signedOn?: string | null;
  signedOnPrecision?: DatePrecision;
  resignedDates?: string;
  endedOn?: string | null;
  background?: string;
  sourceUrl?: string | null;
  notes?: string;
  provenance?: Provenance;
  deleted?: boolean;
}

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
}

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
  return ids;
}
