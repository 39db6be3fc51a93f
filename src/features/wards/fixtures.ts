// Test support: registry records written straight into a test database (marked 'sample'), so that
// the ward and municipality pages can be checked against known data. Not used by the app.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DatePrecision, Database, ProjectStatus, Provenance } from '../../db/schema.ts';
import { wideAreaGroups } from '../../domain/wide-area-groups.ts';

export interface AgreementFixture {
  title: string;
  wards: string[];
  partners?: string[];
  groups?: string[];
  typeId?: string;
  signedOn?: string | null;
  precision?: DatePrecision;
  resignedDates?: string[];
  endedOn?: string | null;
  deleted?: boolean;
  provenance?: Provenance;
  sourceUrl?: string | null;
  formerNames?: Record<string, string>;
}

export async function insertAgreement(db: Kysely<Database>, f: AgreementFixture): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await db
    .insertInto('agreements')
    .values({
      id,
      type_id: f.typeId ?? 'exchange',
      title: f.title,
      signed_on: f.signedOn === undefined ? '2020-02-01' : f.signedOn,
      signed_on_precision: f.precision ?? 'day',
      resigned_dates: (f.resignedDates ?? []).join(';'),
      ended_on: f.endedOn ?? null,
      source_url: f.sourceUrl ?? null,
      provenance: f.provenance ?? 'sample',
      created_at: now,
      updated_at: now,
      deleted_at: f.deleted ? now : null,
    })
    .execute();
  await db.insertInto('agreement_wards').values(f.wards.map((w) => ({ agreement_id: id, ward_code: w }))).execute();
  const partners = [
    ...(f.partners ?? []).map((code) => ({ id: randomUUID(), agreement_id: id, local_government_code: code, group_id: null, former_name: f.formerNames?.[code] ?? '' })),
    ...(f.groups ?? []).map((g) => ({ id: randomUUID(), agreement_id: id, local_government_code: null, group_id: g, former_name: '' })),
  ];
  if (partners.length) await db.insertInto('agreement_partners').values(partners).execute();
  return id;
}

export interface ProjectFixture {
  title: string;
  fiscalYear: number;
  wards: string[];
  partners?: string[];
  field?: number;
  status?: ProjectStatus;
  joint?: boolean;
  startsOn?: string | null;
  deleted?: boolean;
  provenance?: Provenance;
}

export async function insertProject(db: Kysely<Database>, f: ProjectFixture): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await db
    .insertInto('projects')
    .values({
      id,
      fiscal_year: f.fiscalYear,
      title: f.title,
      field: f.field ?? 1,
      organiser_kind: f.joint ? 'joint' : 'wards',
      starts_on: f.startsOn ?? null,
      ends_on: null,
      status: f.status ?? '実施',
      news_url: null,
      source_url: null,
      provenance: f.provenance ?? 'sample',
      created_at: now,
      updated_at: now,
      deleted_at: f.deleted ? now : null,
    })
    .execute();
  if (f.wards.length) await db.insertInto('project_wards').values(f.wards.map((w) => ({ project_id: id, ward_code: w }))).execute();
  if (f.partners?.length) {
    await db
      .insertInto('project_partners')
      .values(f.partners.map((code) => ({ project_id: id, local_government_code: code, prefecture_code: code.slice(0, 2) })))
      .execute();
  }
  return id;
}

export interface ExchangeFixture {
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

export async function insertExchange(db: Kysely<Database>, f: ExchangeFixture): Promise<string> {
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
}

export async function insertRegisteredMember(db: Kysely<Database>, code: string, joinedOn: string): Promise<void> {
  await db
    .insertInto('registered_members')
    .values({ local_government_code: code, joined_on: joinedOn, source: 'manual', note: null })
    .onConflict((oc) => oc.column('local_government_code').doNothing())
    .execute();
}
