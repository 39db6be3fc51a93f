// Writing agreements and projects with their parties and their change history. Used by the edit
// forms (features/registry-admin) and the CSV/XLSX import (features/registry-import); each call
// runs inside the caller's transaction so that an import is all-or-nothing.
//
// Every write records a record_changes row whose before/after are snapshots: a plain JSON object
// of the record with its parties, keyed like AgreementInput / ProjectInput (so that a history
// table can label the keys and compare them with changedKeys), with party lists sorted so that an
// unchanged set never shows as a change. Timestamps are left out of snapshots for the same reason.
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { AgreementInput, DatePrecision, OrganiserKind, ProjectFormat, ProjectInput, ProjectStatus } from './records.ts';
import { recordChange } from './history.ts';
import type { Database, Provenance } from '../../../db/schema.ts';

export interface WriteContext {
  actorAccountId: string | null;
  provenance: Provenance;
  /** Set by an import: the history rows of one file share it, and their action is 'import'. */
  batchId?: string;
}

export interface WriteResult {
  id: string;
  action: 'create' | 'update';
}

type Db = Kysely<Database> | Transaction<Database>;

/** An agreement as its history stores it: AgreementInput's fields plus id and provenance. */
export interface AgreementSnapshot {
  id: string;
  typeId: string;
  title: string;
  wardCodes: string[];
  partnerCodes: string[];
  partnerGroupIds: string[];
  formerNames: Record<string, string>;
  signedOn: string | null;
  signedOnPrecision: DatePrecision;
  resignedDates: string[];
  endedOn: string | null;
  background: string;
  sourceUrl: string | null;
  notes: string;
  provenance: Provenance;
}

/** A project as its history stores it: ProjectInput's fields plus id and provenance. */
export interface ProjectSnapshot {
  id: string;
  fiscalYear: number;
  title: string;
  summary: string;
  field: number;
  organiserKind: OrganiserKind;
  wardCodes: string[];
  partnerCodes: string[];
  startsOn: string | null;
  endsOn: string | null;
  format: ProjectFormat;
  status: ProjectStatus;
  newsUrl: string | null;
  sourceUrl: string | null;
  notes: string;
  provenance: Provenance;
}

export type WritableEntity = 'agreement' | 'project';

const unique = (values: readonly string[]): string[] => [...new Set(values)];
const sorted = (values: readonly string[]): string[] => unique(values).sort();

/** The agreement with its parties, deleted or not; undefined when there is no such id. */
export async function agreementSnapshot(db: Db, id: string): Promise<AgreementSnapshot | undefined> {
  const row = await db.selectFrom('agreements').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [wards, partners] = await Promise.all([
    db.selectFrom('agreement_wards').select('ward_code').where('agreement_id', '=', id).execute(),
    db.selectFrom('agreement_partners').select(['local_government_code', 'group_id', 'former_name']).where('agreement_id', '=', id).execute(),
  ]);
  const formerNames: Record<string, string> = {};
  for (const p of [...partners].sort((a, b) => (a.local_government_code ?? '').localeCompare(b.local_government_code ?? ''))) {
    if (p.local_government_code && p.former_name) formerNames[p.local_government_code] = p.former_name;
  }
  return {
    id: row.id,
    typeId: row.type_id,
    title: row.title,
    wardCodes: sorted(wards.map((w) => w.ward_code)),
    partnerCodes: sorted(partners.flatMap((p) => (p.local_government_code ? [p.local_government_code] : []))),
    partnerGroupIds: sorted(partners.flatMap((p) => (p.group_id ? [p.group_id] : []))),
    formerNames,
    signedOn: row.signed_on,
    signedOnPrecision: row.signed_on_precision,
    resignedDates: row.resigned_dates ? row.resigned_dates.split(';').filter(Boolean) : [],
    endedOn: row.ended_on,
    background: row.background,
    sourceUrl: row.source_url,
    notes: row.notes,
    provenance: row.provenance,
  };
}

/** The project with its organising wards and partners, deleted or not; undefined when there is no such id. */
export async function projectSnapshot(db: Db, id: string): Promise<ProjectSnapshot | undefined> {
  const row = await db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [wards, partners] = await Promise.all([
    db.selectFrom('project_wards').select('ward_code').where('project_id', '=', id).execute(),
    db.selectFrom('project_partners').select('local_government_code').where('project_id', '=', id).execute(),
  ]);
  return {
    id: row.id,
    fiscalYear: row.fiscal_year,
    title: row.title,
    summary: row.summary,
    field: row.field,
    organiserKind: row.organiser_kind,
    wardCodes: sorted(wards.map((w) => w.ward_code)),
    partnerCodes: sorted(partners.map((p) => p.local_government_code)),
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    format: row.format,
    status: row.status,
    newsUrl: row.news_url,
    sourceUrl: row.source_url,
    notes: row.notes,
    provenance: row.provenance,
  };
}

/**
 * Creates (input.id absent, or an id that does not exist yet) or replaces (existing id) an
 * agreement with its wards and partners; records the change. Inputs are already validated.
 * A replaced record keeps its provenance and its deleted_at (a deleted record stays deleted
 * until restored); a new one takes ctx.provenance.
 */
export async function saveAgreement(trx: Transaction<Database>, input: AgreementInput, ctx: WriteContext): Promise<WriteResult> {
  const now = new Date().toISOString();
  const id = input.id ?? randomUUID();
  const before = input.id ? await agreementSnapshot(trx, id) : undefined;
  const values = {
    type_id: input.typeId,
    title: input.title,
    signed_on: input.signedOn,
    signed_on_precision: input.signedOnPrecision,
    resigned_dates: unique(input.resignedDates).join(';'),
    ended_on: input.endedOn,
    background: input.background,
    source_url: input.sourceUrl,
    notes: input.notes,
    updated_at: now,
  };
  if (before) {
    await trx.updateTable('agreements').set(values).where('id', '=', id).execute();
    await trx.deleteFrom('agreement_wards').where('agreement_id', '=', id).execute();
    await trx.deleteFrom('agreement_partners').where('agreement_id', '=', id).execute();
  } else {
    await trx
      .insertInto('agreements')
      .values({ id, ...values, provenance: ctx.provenance, created_at: now, deleted_at: null })
      .execute();
  }
  const wardCodes = unique(input.wardCodes);
  if (wardCodes.length > 0) {
    await trx
      .insertInto('agreement_wards')
      .values(wardCodes.map((ward_code) => ({ agreement_id: id, ward_code })))
      .execute();
  }
  const partners = [
    ...unique(input.partnerCodes).map((code) => ({
      id: randomUUID(),
      agreement_id: id,
      local_government_code: code,
      group_id: null,
      former_name: input.formerNames[code] ?? '',
    })),
    ...unique(input.partnerGroupIds).map((groupId) => ({
      id: randomUUID(),
      agreement_id: id,
      local_government_code: null,
      group_id: groupId,
      former_name: '',
    })),
  ];
  if (partners.length > 0) await trx.insertInto('agreement_partners').values(partners).execute();
  const after = await agreementSnapshot(trx, id);
  await recordChange(trx, {
    entityType: 'agreement',
    entityId: id,
    action: ctx.batchId ? 'import' : before ? 'update' : 'create',
    before: before ?? null,
    after,
    actorAccountId: ctx.actorAccountId,
    batchId: ctx.batchId ?? null,
  });
  return { id, action: before ? 'update' : 'create' };
}

/** As saveAgreement, for a project with its organising wards and partner municipalities. */
export async function saveProject(trx: Transaction<Database>, input: ProjectInput, ctx: WriteContext): Promise<WriteResult> {
  const now = new Date().toISOString();
  const id = input.id ?? randomUUID();
  const before = input.id ? await projectSnapshot(trx, id) : undefined;
  const values = {
    fiscal_year: input.fiscalYear,
    title: input.title,
    summary: input.summary,
    field: input.field,
    organiser_kind: input.organiserKind,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    format: input.format,
    status: input.status,
    news_url: input.newsUrl,
    source_url: input.sourceUrl,
    notes: input.notes,
    updated_at: now,
  };
  if (before) {
    await trx.updateTable('projects').set(values).where('id', '=', id).execute();
    await trx.deleteFrom('project_wards').where('project_id', '=', id).execute();
    await trx.deleteFrom('project_partners').where('project_id', '=', id).execute();
  } else {
    await trx
      .insertInto('projects')
      .values({ id, ...values, provenance: ctx.provenance, created_at: now, deleted_at: null })
      .execute();
  }
  const wardCodes = input.organiserKind === 'joint' ? [] : unique(input.wardCodes);
  if (wardCodes.length > 0) {
    await trx
      .insertInto('project_wards')
      .values(wardCodes.map((ward_code) => ({ project_id: id, ward_code })))
      .execute();
  }
  const partnerCodes = unique(input.partnerCodes);
  if (partnerCodes.length > 0) {
    await trx
      .insertInto('project_partners')
      .values(partnerCodes.map((code) => ({ project_id: id, local_government_code: code, prefecture_code: code.slice(0, 2) })))
      .execute();
  }
  const after = await projectSnapshot(trx, id);
  await recordChange(trx, {
    entityType: 'project',
    entityId: id,
    action: ctx.batchId ? 'import' : before ? 'update' : 'create',
    before: before ?? null,
    after,
    actorAccountId: ctx.actorAccountId,
    batchId: ctx.batchId ?? null,
  });
  return { id, action: before ? 'update' : 'create' };
}

async function snapshotOf(db: Db, entity: WritableEntity, id: string): Promise<AgreementSnapshot | ProjectSnapshot | undefined> {
  return entity === 'agreement' ? agreementSnapshot(db, id) : projectSnapshot(db, id);
}

const tableOf = { agreement: 'agreements', project: 'projects' } as const;

/**
 * Soft-deletes an agreement or project (sets deleted_at; its parties stay for a restore) and
 * records a 'delete' change (before = the record, after = null). False when there is no such
 * record or it is already deleted.
 */
export async function deleteRecord(trx: Transaction<Database>, entity: WritableEntity, id: string, ctx: WriteContext): Promise<boolean> {
  const now = new Date().toISOString();
  const result = await trx
    .updateTable(tableOf[entity])
    .set({ deleted_at: now, updated_at: now })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;
  const before = await snapshotOf(trx, entity, id);
  await recordChange(trx, { entityType: entity, entityId: id, action: 'delete', before, after: null, actorAccountId: ctx.actorAccountId, batchId: ctx.batchId ?? null });
  return true;
}

/**
 * Brings a deleted agreement or project back (clears deleted_at) and records a 'restore' change
 * (before = null, after = the record). False when there is no such record or it is not deleted.
 */
export async function restoreRecord(trx: Transaction<Database>, entity: WritableEntity, id: string, ctx: WriteContext): Promise<boolean> {
  const now = new Date().toISOString();
  const result = await trx
    .updateTable(tableOf[entity])
    .set({ deleted_at: null, updated_at: now })
    .where('id', '=', id)
    .where('deleted_at', 'is not', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;
  const after = await snapshotOf(trx, entity, id);
  await recordChange(trx, { entityType: entity, entityId: id, action: 'restore', before: null, after, actorAccountId: ctx.actorAccountId, batchId: ctx.batchId ?? null });
  return true;
}
