// Deleting and restoring agreements and projects: deleting is soft (deleted_at is set; the record
// and its parties stay, leave every public page and can be restored), and each is one registry
// transaction with its change history and, from a page, its audit event.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { agreementSnapshot, type AgreementSnapshot } from '../agreements/store.ts';
import { projectSnapshot, type ProjectSnapshot } from '../projects/store.ts';
import { auditRecordChange, recordChange, writeRegistry, type RegistryDb, type WriteContext } from '../shared/history.ts';
import type { AccountActor } from '../shared/scope.ts';

/** The records the edit pages write with their own forms; the others go through the master pages. */
export type EditableEntity = 'agreement' | 'project';

async function snapshotOf(db: RegistryDb, entity: EditableEntity, id: string): Promise<AgreementSnapshot | ProjectSnapshot | undefined> {
  return entity === 'agreement' ? agreementSnapshot(db, id) : projectSnapshot(db, id);
}

const tableOf = { agreement: 'agreements', project: 'projects' } as const;

/**
 * Soft-deletes an agreement or project (sets deleted_at; its parties stay for a restore) and
 * records a 'delete' change (before = the record, after = null). False when there is no such
 * record or it is already deleted.
 */
export async function deleteRecord(trx: Transaction<Database>, entity: EditableEntity, id: string, ctx: WriteContext): Promise<boolean> {
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
export async function restoreRecord(trx: Transaction<Database>, entity: EditableEntity, id: string, ctx: WriteContext): Promise<boolean> {
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

/** Moves a record to the deleted list (it can be restored); false when it was already deleted. */
export async function deleteFromPage(db: Kysely<Database>, actor: AccountActor, entity: EditableEntity, id: string, title: string, ip: string): Promise<boolean> {
  return writeRegistry(db, async (trx) => {
    if (!(await deleteRecord(trx, entity, id, { actorAccountId: actor.id, provenance: 'entry' }))) return false;
    await auditRecordChange(trx, { actorAccountId: actor.id, action: 'registry.deleted', entity, id, title, ip });
    return true;
  });
}

/** Brings a deleted record back to the public pages; false when it was not deleted. */
export async function restoreFromPage(db: Kysely<Database>, actor: AccountActor, entity: EditableEntity, id: string, title: string, ip: string): Promise<boolean> {
  return writeRegistry(db, async (trx) => {
    if (!(await restoreRecord(trx, entity, id, { actorAccountId: actor.id, provenance: 'entry' }))) return false;
    await auditRecordChange(trx, { actorAccountId: actor.id, action: 'registry.restored', entity, id, title, ip });
    return true;
  });
}
