// Reads for the registry edit pages: the vocabularies the forms choose from, the lists within the
// actor's scope (one ward, or all), partner lookups, and the names a history table shows.
import { sql, type Kysely } from 'kysely';
import type { Database, DatePrecision, ProjectStatus } from '../../../db/schema.ts';
import type { WritableEntity } from '../shared/writes.ts';
import type { PartnerLookup } from './form.ts';
import { isCodeKey } from './form.ts';

export const listPageSize = 50;

export interface WardOption {
  code: string;
  name: string;
}
export interface TypeOption {
  id: string;
  name: string;
  nameEn: string;
}
export interface GroupOption {
  id: string;
  name: string;
}

export async function wardOptions(db: Kysely<Database>): Promise<WardOption[]> {
  return db
    .selectFrom('wards as w')
    .innerJoin('local_governments as g', 'g.code', 'w.code')
    .select(['w.code', 'g.name'])
    .where('w.deleted_at', 'is', null)
    .orderBy('w.code')
    .execute();
}

export async function typeOptions(db: Kysely<Database>): Promise<TypeOption[]> {
  const rows = await db.selectFrom('agreement_types').select(['id', 'name', 'name_en']).where('deleted_at', 'is', null).orderBy('sort_order').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, nameEn: r.name_en }));
}

export async function groupOptions(db: Kysely<Database>): Promise<GroupOption[]> {
  return db.selectFrom('wide_area_groups').select(['id', 'name']).where('deleted_at', 'is', null).orderBy('sort_order').orderBy('id').execute();
}

/**
 * Resolves the partner lines: a code to itself when it exists; a name (「名寄市」, or with its
 * prefecture 「北海道名寄市」) to every current local government of that name.
 */
export async function lookupPartners(db: Kysely<Database>, keys: string[]): Promise<PartnerLookup> {
  const matches: PartnerLookup['matches'] = new Map();
  if (keys.length === 0) return { matches };
  const codes = keys.filter((k) => /^\d{6}$/.test(k));
  const names = keys.filter((k) => !isCodeKey(k));
  const prefectures = await db.selectFrom('local_governments').select(['prefecture_code', 'name']).where('level', '=', 'prefecture').execute();
  const prefName = new Map(prefectures.map((p) => [p.prefecture_code, p.name]));
  const rowOf = (r: { code: string; name: string; prefecture_code: string; level: string }) => ({
    code: r.code,
    name: r.name,
    prefectureName: r.level === 'prefecture' ? '' : (prefName.get(r.prefecture_code) ?? ''),
  });
  if (codes.length > 0) {
    const rows = await db.selectFrom('local_governments').select(['code', 'name', 'prefecture_code', 'level']).where('code', 'in', codes).execute();
    for (const c of codes) matches.set(c, rows.filter((r) => r.code === c).map(rowOf));
  }
  if (names.length > 0) {
    // A name may carry its prefecture in front: try the whole line, then the line without it.
    const candidates = new Set<string>(names);
    for (const n of names) for (const p of prefectures) if (n.startsWith(p.name) && n.length > p.name.length) candidates.add(n.slice(p.name.length));
    const rows = await db
      .selectFrom('local_governments')
      .select(['code', 'name', 'prefecture_code', 'level'])
      .where('name', 'in', [...candidates])
      .where('valid_to', 'is', null)
      .orderBy('code')
      .execute();
    for (const n of names) {
      let found = rows.filter((r) => r.name === n);
      if (found.length === 0) {
        found = rows.filter((r) => {
          const p = prefName.get(r.prefecture_code);
          return r.level === 'municipality' && p !== undefined && n === `${p}${r.name}`;
        });
      }
      matches.set(n, found.map(rowOf));
    }
  }
  return { matches };
}

/** Names of local governments by code (wards and partners), for lists and history tables. */
export async function namesOf(db: Kysely<Database>, codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('local_governments').select(['code', 'name', 'prefecture_code', 'level']).where('code', 'in', unique).execute();
  const prefs = await db.selectFrom('local_governments').select(['prefecture_code', 'name']).where('level', '=', 'prefecture').execute();
  const prefName = new Map(prefs.map((p) => [p.prefecture_code, p.name]));
  return new Map(
    rows.map((r) => [r.code, r.level === 'municipality' && r.prefecture_code !== '13' ? `${prefName.get(r.prefecture_code) ?? ''}${r.name}` : r.name]),
  );
}

/** What authorisation and concurrency need to know of a stored record. */
export interface RecordMeta {
  id: string;
  title: string;
  updatedAt: string;
  deletedAt: string | null;
  wardCodes: string[];
}

export async function recordMeta(db: Kysely<Database>, entity: WritableEntity, id: string): Promise<RecordMeta | undefined> {
  if (entity === 'agreement') {
    const row = await db.selectFrom('agreements').select(['id', 'title', 'updated_at', 'deleted_at']).where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const wards = await db.selectFrom('agreement_wards').select('ward_code').where('agreement_id', '=', id).execute();
    return { id: row.id, title: row.title, updatedAt: row.updated_at, deletedAt: row.deleted_at, wardCodes: wards.map((w) => w.ward_code) };
  }
  const row = await db.selectFrom('projects').select(['id', 'title', 'updated_at', 'deleted_at']).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const wards = await db.selectFrom('project_wards').select('ward_code').where('project_id', '=', id).execute();
  return { id: row.id, title: row.title, updatedAt: row.updated_at, deletedAt: row.deleted_at, wardCodes: wards.map((w) => w.ward_code) };
}

// ---------------------------------------------------------------------------------------------
// Lists

export interface AgreementListItem {
  id: string;
  title: string;
  typeName: string;
  typeNameEn: string;
  signedOn: string | null;
  signedOnPrecision: DatePrecision;
  wards: string[];
  partners: string[];
  deletedAt: string | null;
  provenance: string;
}

export interface ProjectListItem {
  id: string;
  fiscalYear: number;
  title: string;
  field: number;
  organiserKind: 'wards' | 'joint';
  status: ProjectStatus;
  wards: string[];
  partners: string[];
  deletedAt: string | null;
  provenance: string;
}

export interface ListScope {
  /** Only records of this ward; null = all. */
  wardCode: string | null;
  deleted: boolean;
}

function agreementsIn(db: Kysely<Database>, scope: ListScope) {
  let q = db.selectFrom('agreements as a').where('a.deleted_at', scope.deleted ? 'is not' : 'is', null);
  if (scope.wardCode) {
    const ward = scope.wardCode;
    q = q.where(({ exists, selectFrom }) =>
      exists(selectFrom('agreement_wards as aw').select('aw.agreement_id').whereRef('aw.agreement_id', '=', 'a.id').where('aw.ward_code', '=', ward)),
    );
  }
  return q;
}

function projectsIn(db: Kysely<Database>, scope: ListScope) {
  let q = db.selectFrom('projects as p').where('p.deleted_at', scope.deleted ? 'is not' : 'is', null);
  if (scope.wardCode) {
    const ward = scope.wardCode;
    q = q.where(({ exists, selectFrom }) =>
      exists(selectFrom('project_wards as pw').select('pw.project_id').whereRef('pw.project_id', '=', 'p.id').where('pw.ward_code', '=', ward)),
    );
  }
  return q;
}

export async function countRecords(db: Kysely<Database>, wardCode: string | null): Promise<{ agreements: number; projects: number; deleted: number }> {
  const n = sql<number>`count(*)`.as('n');
  const [agreements, projects, deletedA, deletedP] = await Promise.all([
    agreementsIn(db, { wardCode, deleted: false }).select(n).executeTakeFirstOrThrow(),
    projectsIn(db, { wardCode, deleted: false }).select(n).executeTakeFirstOrThrow(),
    agreementsIn(db, { wardCode, deleted: true }).select(n).executeTakeFirstOrThrow(),
    projectsIn(db, { wardCode, deleted: true }).select(n).executeTakeFirstOrThrow(),
  ]);
  return { agreements: Number(agreements.n), projects: Number(projects.n), deleted: Number(deletedA.n) + Number(deletedP.n) };
}

async function partiesOfAgreements(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return { wards: new Map<string, string[]>(), partners: new Map<string, string[]>() };
  const [wardRows, partnerRows] = await Promise.all([
    db.selectFrom('agreement_wards as aw').innerJoin('local_governments as g', 'g.code', 'aw.ward_code').select(['aw.agreement_id as id', 'g.name']).where('aw.agreement_id', 'in', ids).orderBy('aw.ward_code').execute(),
    db
      .selectFrom('agreement_partners as ap')
      .leftJoin('local_governments as g', 'g.code', 'ap.local_government_code')
      .leftJoin('wide_area_groups as w', 'w.id', 'ap.group_id')
      .select(['ap.agreement_id as id', 'g.name as govName', 'w.name as groupName', 'ap.local_government_code as code'])
      .where('ap.agreement_id', 'in', ids)
      .orderBy('ap.local_government_code')
      .execute(),
  ]);
  const wards = new Map<string, string[]>();
  for (const r of wardRows) wards.set(r.id, [...(wards.get(r.id) ?? []), r.name]);
  const partners = new Map<string, string[]>();
  for (const r of partnerRows) partners.set(r.id, [...(partners.get(r.id) ?? []), r.govName ?? r.groupName ?? r.code ?? '']);
  return { wards, partners };
}

async function partiesOfProjects(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return { wards: new Map<string, string[]>(), partners: new Map<string, string[]>() };
  const [wardRows, partnerRows] = await Promise.all([
    db.selectFrom('project_wards as pw').innerJoin('local_governments as g', 'g.code', 'pw.ward_code').select(['pw.project_id as id', 'g.name']).where('pw.project_id', 'in', ids).orderBy('pw.ward_code').execute(),
    db
      .selectFrom('project_partners as pp')
      .innerJoin('local_governments as g', 'g.code', 'pp.local_government_code')
      .select(['pp.project_id as id', 'g.name'])
      .where('pp.project_id', 'in', ids)
      .orderBy('pp.local_government_code')
      .execute(),
  ]);
  const wards = new Map<string, string[]>();
  for (const r of wardRows) wards.set(r.id, [...(wards.get(r.id) ?? []), r.name]);
  const partners = new Map<string, string[]>();
  for (const r of partnerRows) partners.set(r.id, [...(partners.get(r.id) ?? []), r.name]);
  return { wards, partners };
}

export async function listAgreements(db: Kysely<Database>, scope: ListScope, page: number, pageSize = listPageSize): Promise<{ total: number; items: AgreementListItem[] }> {
  const totalRow = await agreementsIn(db, scope).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const rows = await agreementsIn(db, scope)
    .innerJoin('agreement_types as t', 't.id', 'a.type_id')
    .select(['a.id', 'a.title', 'a.signed_on', 'a.signed_on_precision', 'a.deleted_at', 'a.provenance', 't.name as typeName', 't.name_en as typeNameEn'])
    .orderBy(scope.deleted ? 'a.deleted_at' : 'a.updated_at', 'desc')
    .orderBy('a.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const { wards, partners } = await partiesOfAgreements(db, rows.map((r) => r.id));
  return {
    total: Number(totalRow.n),
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      typeName: r.typeName,
      typeNameEn: r.typeNameEn,
      signedOn: r.signed_on,
      signedOnPrecision: r.signed_on_precision,
      wards: wards.get(r.id) ?? [],
      partners: partners.get(r.id) ?? [],
      deletedAt: r.deleted_at,
      provenance: r.provenance,
    })),
  };
}

export async function listProjects(db: Kysely<Database>, scope: ListScope, page: number, pageSize = listPageSize): Promise<{ total: number; items: ProjectListItem[] }> {
  const totalRow = await projectsIn(db, scope).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const rows = await projectsIn(db, scope)
    .select(['p.id', 'p.fiscal_year', 'p.title', 'p.field', 'p.organiser_kind', 'p.status', 'p.deleted_at', 'p.provenance'])
    .orderBy(scope.deleted ? 'p.deleted_at' : 'p.updated_at', 'desc')
    .orderBy('p.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const { wards, partners } = await partiesOfProjects(db, rows.map((r) => r.id));
  return {
    total: Number(totalRow.n),
    items: rows.map((r) => ({
      id: r.id,
      fiscalYear: r.fiscal_year,
      title: r.title,
      field: r.field,
      organiserKind: r.organiser_kind,
      status: r.status,
      wards: wards.get(r.id) ?? [],
      partners: partners.get(r.id) ?? [],
      deletedAt: r.deleted_at,
      provenance: r.provenance,
    })),
  };
}
