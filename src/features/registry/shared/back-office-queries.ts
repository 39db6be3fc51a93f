// Reads for the registry edit pages: the choices the forms offer, the lists within the actor's
// scope (one ward, or all: live records from the registry model, deleted ones from the database),
// partner lookups, and the names a history table shows.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Agreement } from '../agreements/record.ts';
import { offeredTypes } from '../agreements/queries.ts';
import { registryModel } from '../model/index.ts';
import type { Project } from '../projects/record.ts';
import type { EditableEntity } from '../history/commands.ts';
import type { PartnerLookup } from './record-form.ts';
import { isCodeKey } from './record-form.ts';

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

/** The wards, types and groups a form offers (not deleted), from the registry model. */
export async function formOptions(db: Kysely<Database>): Promise<{ wards: WardOption[]; types: TypeOption[]; groups: GroupOption[] }> {
  const model = await registryModel(db);
  return {
    wards: model.wards.map((w) => ({ code: w.code, name: w.name })),
    types: offeredTypes(model).map((t) => ({ id: t.id, name: t.name, nameEn: t.nameEn })),
    groups: model.groups.map((g) => ({ id: g.id, name: g.name })),
  };
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

export async function recordMeta(db: Kysely<Database>, entity: EditableEntity, id: string): Promise<RecordMeta | undefined> {
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

/** Records the actor may edit (one ward's, or every one), most recently changed first. */
export async function editableAgreements(db: Kysely<Database>, wardCode: string | null): Promise<readonly Agreement[]> {
  const model = await registryModel(db);
  const records = wardCode ? (model.index.agreementsByWard.get(wardCode) ?? []) : model.agreements;
  return [...records].sort(byLatestChange);
}

export async function editableProjects(db: Kysely<Database>, wardCode: string | null): Promise<readonly Project[]> {
  const model = await registryModel(db);
  const records = wardCode ? (model.index.projectsByWard.get(wardCode) ?? []) : model.projects;
  return [...records].sort(byLatestChange);
}

function byLatestChange(a: { updatedAt: string; id: string }, b: { updatedAt: string; id: string }): number {
  return a.updatedAt === b.updatedAt ? (a.id < b.id ? -1 : 1) : a.updatedAt < b.updatedAt ? 1 : -1;
}

/** A deleted agreement or project as the deleted list shows it (read from the database: the model holds live records only). */
export interface DeletedRecord {
  id: string;
  title: string;
  deletedAt: string;
  organiserKind: 'wards' | 'joint';
  /** Ward names, in code order. */
  wards: string[];
}

export async function deletedRecords(db: Kysely<Database>, entity: EditableEntity, wardCode: string | null, limit = 500): Promise<DeletedRecord[]> {
  const names = (await registryModel(db)).names;
  if (entity === 'agreement') {
    let query = db.selectFrom('agreements').select(['id', 'title', 'deleted_at']).where('deleted_at', 'is not', null);
    if (wardCode) query = query.where('id', 'in', db.selectFrom('agreement_wards').select('agreement_id').where('ward_code', '=', wardCode));
    const rows = await query.orderBy('deleted_at', 'desc').orderBy('id').limit(limit).execute();
    const wards = rows.length ? await db.selectFrom('agreement_wards').select(['agreement_id as id', 'ward_code']).where('agreement_id', 'in', rows.map((r) => r.id)).orderBy('ward_code').execute() : [];
    return rows.map((r) => ({ id: r.id, title: r.title, deletedAt: r.deleted_at!, organiserKind: 'wards', wards: wards.filter((w) => w.id === r.id).map((w) => names.ward(w.ward_code).name) }));
  }
  let query = db.selectFrom('projects').select(['id', 'title', 'deleted_at', 'organiser_kind']).where('deleted_at', 'is not', null);
  if (wardCode) query = query.where('id', 'in', db.selectFrom('project_wards').select('project_id').where('ward_code', '=', wardCode));
  const rows = await query.orderBy('deleted_at', 'desc').orderBy('id').limit(limit).execute();
  const wards = rows.length ? await db.selectFrom('project_wards').select(['project_id as id', 'ward_code']).where('project_id', 'in', rows.map((r) => r.id)).orderBy('ward_code').execute() : [];
  return rows.map((r) => ({ id: r.id, title: r.title, deletedAt: r.deleted_at!, organiserKind: r.organiser_kind, wards: wards.filter((w) => w.id === r.id).map((w) => names.ward(w.ward_code).name) }));
}

/** How many records the overview shows: the actor's agreements and projects, and the deleted ones. */
export async function countRecords(db: Kysely<Database>, wardCode: string | null): Promise<{ agreements: number; projects: number; deleted: number; toCheck: number }> {
  const [agreements, projects, deletedAgreements, deletedProjects] = await Promise.all([
    editableAgreements(db, wardCode),
    editableProjects(db, wardCode),
    deletedRecords(db, 'agreement', wardCode, 100_000),
    deletedRecords(db, 'project', wardCode, 100_000),
  ]);
  return {
    agreements: agreements.length,
    projects: projects.length,
    deleted: deletedAgreements.length + deletedProjects.length,
    toCheck: agreements.filter((a) => a.reviewNote !== '').length,
  };
}
