// Writing a project with its organising wards and partners, and its snapshot (as agreements/store.ts
// does for agreements). Used by the edit form's commands and the CSV/XLSX import.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database, OrganiserKind, ProjectFormat, ProjectStatus, Provenance } from '../../../db/schema.ts';
import { recordChange, sortedUnique, unique, type RegistryDb, type WriteContext, type WriteResult } from '../shared/history.ts';
import type { ProjectInput } from './record.ts';

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

/** The project with its organising wards and partners, deleted or not; undefined when there is no such id. */
export async function projectSnapshot(db: RegistryDb, id: string): Promise<ProjectSnapshot | undefined> {
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
    wardCodes: sortedUnique(wards.map((w) => w.ward_code)),
    partnerCodes: sortedUnique(partners.map((p) => p.local_government_code)),
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

