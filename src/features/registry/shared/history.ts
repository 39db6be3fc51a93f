// The baseline every registry write follows: one transaction (writeRegistry) that raises the
// registry's revision last; the record's change history (who changed what, when, before → after:
// JSON of the whole record with its parties) written in that same transaction (recordChange), so
// the history cannot miss a change; an edit saved only against the version the form was made from
// (claimVersion); and the audit event of a change made on a page (auditRecordChange).
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { recordAudit, type AuditAction } from '../../../db/audit.ts';
import { bumpRevision } from '../../../db/revisions.ts';
import type { Database, Provenance, RecordChangeAction, RegistryEntity } from '../../../db/schema.ts';

/** A database or a transaction: reads that serve both a page and a write. */
export type RegistryDb = Kysely<Database> | Transaction<Database>;

/** Who writes, and how (a page's edit, or an import whose history rows share a batch). */
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

export const unique = (values: readonly string[]): string[] => [...new Set(values)];
/** Sorted without repeats: a snapshot's party lists, so that an unchanged set never shows as a change. */
export const sortedUnique = (values: readonly string[]): string[] => unique(values).sort();

/**
 * The one way to write registry records: a transaction that runs `write`, then raises the
 * registry's revision as its last statement, so every instance's read model reloads on its next
 * request. (Last, because on PostgreSQL raising the number locks its row until the commit; a long
 * import holding it from its first row would keep every other edit waiting.)
 */
export function writeRegistry<T>(db: Kysely<Database>, write: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const result = await write(trx);
    await bumpRevision(trx, 'registry');
    return result;
  });
}

export interface RecordChange {
  entityType: RegistryEntity;
  entityId: string;
  action: RecordChangeAction;
  /** The record before the change (null for create/import of a new record). */
  before: unknown;
  /** The record after the change (null for delete). */
  after: unknown;
  actorAccountId: string | null;
  /** Groups the rows of one import. */
  batchId?: string | null;
}

export async function recordChange(db: Kysely<Database> | Transaction<Database>, change: RecordChange): Promise<void> {
  await db
    .insertInto('record_changes')
    .values({
      id: randomUUID(),
      occurred_at: new Date().toISOString(),
      actor_account_id: change.actorAccountId,
      entity_type: change.entityType,
      entity_id: change.entityId,
      action: change.action,
      before_json: change.before === null || change.before === undefined ? null : JSON.stringify(change.before),
      after_json: change.after === null || change.after === undefined ? null : JSON.stringify(change.after),
      batch_id: change.batchId ?? null,
    })
    .execute();
}

export interface RecordChangeView {
  id: string;
  occurredAt: string;
  actorAccountId: string | null;
  actorName: string | null;
  action: RecordChangeAction;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** A record's history, newest first, with the actor's display name. */
export async function historyOf(db: Kysely<Database>, entityType: RegistryEntity, entityId: string): Promise<RecordChangeView[]> {
  const rows = await db
    .selectFrom('record_changes as c')
    .leftJoin('accounts as a', 'a.id', 'c.actor_account_id')
    .select(['c.id', 'c.occurred_at', 'c.actor_account_id', 'a.display_name', 'c.action', 'c.before_json', 'c.after_json'])
    .where('c.entity_type', '=', entityType)
    .where('c.entity_id', '=', entityId)
    .orderBy('c.occurred_at', 'desc')
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    occurredAt: r.occurred_at,
    actorAccountId: r.actor_account_id,
    actorName: r.display_name ?? null,
    action: r.action,
    before: r.before_json ? (JSON.parse(r.before_json) as Record<string, unknown>) : null,
    after: r.after_json ? (JSON.parse(r.after_json) as Record<string, unknown>) : null,
  }));
}

/** The keys whose values differ between two snapshots, for a before → after table. */
export function changedKeys(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((k) => JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k])).sort();
}

/**
 * Takes a record (agreements or projects) for this transaction if it is still the version the form
 * was made from and is not deleted: the conditional update locks the row on PostgreSQL until the
 * commit, so two saves of the same version cannot both pass.
 */
export async function claimVersion(trx: Transaction<Database>, table: 'agreements' | 'projects', id: string, expectedUpdatedAt: string): Promise<boolean> {
  const result = await trx
    .updateTable(table)
    .set({ updated_at: expectedUpdatedAt })
    .where('id', '=', id)
    .where('updated_at', '=', expectedUpdatedAt)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The audit event of a change to an agreement or a project made on an edit page. */
export async function auditRecordChange(
  trx: Transaction<Database>,
  change: { actorAccountId: string; action: AuditAction; entity: 'agreement' | 'project'; id: string; title: string; ip: string },
): Promise<void> {
  await recordAudit(trx, { actorAccountId: change.actorAccountId, action: change.action, targetType: 'registry_record', targetId: change.id, ip: change.ip, detail: { entity: change.entity, title: change.title } });
}
