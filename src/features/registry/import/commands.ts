// Writes of the import: a checked file becomes a job (validated or invalid); applying a validated
// job saves every row in ONE transaction (all or nothing), in chunks that report progress.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { writeRegistry } from '../shared/history.ts';
import { recordAudit } from '../../../db/audit.ts';
import type { DatabaseHandle } from '../../../db/index.ts';
import { saveAgreement } from '../agreements/store.ts';
import { saveProject } from '../projects/store.ts';
import type { WriteResult } from '../shared/history.ts';
import type { Database } from '../../../db/schema.ts';
import type { FileResult, ImportEntity, ImportError } from './rows.ts';
import type { AgreementInput } from '../agreements/record.ts';
import type { ProjectInput } from '../projects/record.ts';
import { findJob, type StoredRow } from './queries.ts';

/** Rows saved between two progress reports. */
export const applyChunkSize = 200;

export async function createJob(
  db: Kysely<Database>,
  job: { accountId: string; entity: ImportEntity; fileName: string; result: FileResult<unknown> },
): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  const valid = job.result.errors.length === 0;
  // A valid file keeps its inputs until applied; an invalid one only each row's id, for the counts.
  const rows: StoredRow[] = valid ? job.result.rows.map((r) => ({ row: r.row, id: r.id, input: r.input })) : job.result.entries;
  await db
    .insertInto('import_jobs')
    .values({
      id,
      account_id: job.accountId,
      entity_type: job.entity,
      file_name: job.fileName.slice(0, 255),
      status: valid ? 'validated' : 'invalid',
      total_rows: job.result.totalRows,
      processed_rows: 0,
      rows_json: JSON.stringify(rows),
      errors_json: JSON.stringify(job.result.errors),
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** validated → applying, once: false when the job is in any other state (or someone else won). */
export async function claimJob(db: Kysely<Database>, jobId: string): Promise<boolean> {
  const result = await db
    .updateTable('import_jobs')
    .set({ status: 'applying', processed_rows: 0, updated_at: new Date().toISOString() })
    .where('id', '=', jobId)
    .where('status', '=', 'validated')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** validated or invalid → cancelled (the stored rows are dropped). */
export async function cancelJob(db: Kysely<Database>, jobId: string): Promise<boolean> {
  const result = await db
    .updateTable('import_jobs')
    .set({ status: 'cancelled', rows_json: '[]', updated_at: new Date().toISOString() })
    .where('id', '=', jobId)
    .where('status', 'in', ['validated', 'invalid'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface ApplyOutcome {
  ok: boolean;
  created: number;
  updated: number;
}

/**
 * Saves a claimed job's rows. Every row is written in one transaction, so the records commit all
 * together or not at all; the job becomes 'applied' in that same transaction. On PostgreSQL the
 * progress (processed_rows) is written between chunks through another pooled connection, where
 * it commits at once and the job page sees it; on SQLite the transaction holds the only
 * connection, so the job page shows the count before and after. Any failure rolls everything
 * back and marks the job 'failed' with the reason.
 */
export async function applyJob(database: DatabaseHandle, jobId: string, actor: { accountId: string; ip: string }): Promise<ApplyOutcome> {
  const { db } = database;
  const job = await findJob(db, jobId);
  if (!job || job.status !== 'applying') return { ok: false, created: 0, updated: 0 };
  const batchId = randomUUID();
  const ctx = { actorAccountId: actor.accountId, provenance: 'import' as const, batchId };
  let currentRow = 0;
  try {
    const outcome = await writeRegistry(db, async (trx) => {
      const done: StoredRow[] = [];
      for (let start = 0; start < job.rows.length; start += applyChunkSize) {
        for (const r of job.rows.slice(start, start + applyChunkSize)) {
          currentRow = r.row;
          const result: WriteResult =
            job.entity === 'agreements'
              ? await saveAgreement(trx, r.input as AgreementInput, ctx)
              : await saveProject(trx, r.input as ProjectInput, ctx);
          done.push({ row: r.row, id: r.id, result: { id: result.id, action: result.action } });
        }
        if (database.engine === 'postgres' && done.length < job.rows.length) {
          await db
            .updateTable('import_jobs')
            .set({ processed_rows: done.length, updated_at: new Date().toISOString() })
            .where('id', '=', jobId)
            .where('status', '=', 'applying')
            .execute();
        }
      }
      currentRow = 0;
      const created = done.filter((d) => d.result?.action === 'create').length;
      const updated = done.length - created;
      await trx
        .updateTable('import_jobs')
        .set({ status: 'applied', processed_rows: done.length, rows_json: JSON.stringify(done), errors_json: '[]', updated_at: new Date().toISOString() })
        .where('id', '=', jobId)
        .execute();
      await recordAudit(trx, {
        actorAccountId: actor.accountId,
        action: 'registry.imported',
        targetType: 'import_job',
        targetId: jobId,
        ip: actor.ip,
        detail: { entity: job.entity, fileName: job.fileName, rows: done.length, created, updated, batchId },
      });
      return { created, updated };
    });
    return { ok: true, ...outcome };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const where = currentRow > 0 ? `${currentRow}行目を保存できなかったため、` : '';
    const failure: ImportError = {
      row: currentRow,
      column: '',
      message: `${where}取り込みを中止しました。記録は1件も保存されていません。（${reason.slice(0, 300)}）`,
    };
    await db
      .updateTable('import_jobs')
      .set({ status: 'failed', processed_rows: 0, errors_json: JSON.stringify([failure]), updated_at: new Date().toISOString() })
      .where('id', '=', jobId)
      .execute();
    return { ok: false, created: 0, updated: 0 };
  }
}
