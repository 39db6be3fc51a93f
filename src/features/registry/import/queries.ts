// Reads for the import: what the row checks need from the database, and the jobs.
import type { Kysely } from 'kysely';
import type { ImportEntity, ImportError, ReferenceData } from './rows.ts';
import type { Database, ImportJobStatus } from '../../../db/schema.ts';

const idChunk = 500;

/** Everything validateTable needs; `ids` are the ids the file names, checked in chunks. */
export async function loadReferenceData(db: Kysely<Database>, entity: ImportEntity, ids: readonly string[]): Promise<ReferenceData> {
  const [governments, wards, types, groups] = await Promise.all([
    db.selectFrom('local_governments').select('code').execute(),
    db.selectFrom('wards').select('code').where('deleted_at', 'is', null).execute(),
    db.selectFrom('agreement_types').select(['id', 'name']).where('deleted_at', 'is', null).execute(),
    db.selectFrom('wide_area_groups').select('id').where('deleted_at', 'is', null).execute(),
  ]);
  const agreementTypes = new Map<string, string>();
  for (const t of types) {
    agreementTypes.set(t.id, t.id);
    agreementTypes.set(t.name.normalize('NFKC').trim(), t.id);
  }
  const existingIds = new Set<string>();
  const wanted = [...new Set(ids.filter((id) => id !== '' && id.length <= 36))];
  for (let i = 0; i < wanted.length; i += idChunk) {
    const chunk = wanted.slice(i, i + idChunk);
    const found =
      entity === 'agreements'
        ? await db.selectFrom('agreements').select('id').where('id', 'in', chunk).where('deleted_at', 'is', null).execute()
        : await db.selectFrom('projects').select('id').where('id', 'in', chunk).where('deleted_at', 'is', null).execute();
    for (const r of found) existingIds.add(r.id);
  }
  return {
    localGovernmentCodes: new Set(governments.map((g) => g.code)),
    wardCodes: new Set(wards.map((w) => w.code)),
    agreementTypes,
    groupIds: new Set(groups.map((g) => g.id)),
    existingIds,
  };
}

/** A row as stored in rows_json while the job waits (input) and after it is applied (result). */
export interface StoredRow {
  row: number;
  id: string | null;
  input?: unknown;
  /** Set once applied: the record id and what happened to it. */
  result?: { id: string; action: 'create' | 'update' };
}

export interface ImportJob {
  id: string;
  accountId: string;
  entity: ImportEntity;
  fileName: string;
  status: ImportJobStatus;
  totalRows: number;
  processedRows: number;
  rows: StoredRow[];
  errors: ImportError[];
  createdAt: string;
  updatedAt: string;
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export async function findJob(db: Kysely<Database>, id: string): Promise<ImportJob | undefined> {
  const r = await db.selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    accountId: r.account_id,
    entity: r.entity_type,
    fileName: r.file_name,
    status: r.status,
    totalRows: r.total_rows,
    processedRows: r.processed_rows,
    rows: parseJson<StoredRow[]>(r.rows_json, []),
    errors: parseJson<ImportError[]>(r.errors_json, []),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface JobSummary {
  id: string;
  entity: ImportEntity;
  fileName: string;
  status: ImportJobStatus;
  totalRows: number;
  createdAt: string;
}

/** The latest jobs, for the upload page. */
export async function recentJobs(db: Kysely<Database>, limit = 10): Promise<JobSummary[]> {
  const rows = await db
    .selectFrom('import_jobs')
    .select(['id', 'entity_type', 'file_name', 'status', 'total_rows', 'created_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, entity: r.entity_type, fileName: r.file_name, status: r.status, totalRows: r.total_rows, createdAt: r.created_at }));
}

export interface PreviewNames {
  agreementTypes: Map<string, string>;
  governments: Map<string, string>;
}

/** Names for the preview table: agreement types, and the wards and partners the rows name. */
export async function previewNames(db: Kysely<Database>, codes: readonly string[]): Promise<PreviewNames> {
  const types = await db.selectFrom('agreement_types').select(['id', 'name']).execute();
  const governments = new Map<string, string>();
  const wanted = [...new Set(codes)];
  for (let i = 0; i < wanted.length; i += idChunk) {
    const rows = await db.selectFrom('local_governments').select(['code', 'name']).where('code', 'in', wanted.slice(i, i + idChunk)).execute();
    for (const r of rows) governments.set(r.code, r.name);
  }
  return { agreementTypes: new Map(types.map((t) => [t.id, t.name])), governments };
}
