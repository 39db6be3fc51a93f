// The writes of the registry edit pages, each in one transaction with its change history
// (record_changes, via src/db/registry-writes.ts) and its audit event. Authorisation has been
// checked by the route against the stored record; concurrency is checked here, atomically.
import type { Kysely, Transaction } from 'kysely';
import { recordAudit, type AuditAction } from '../../../db/audit.ts';
import { writeRegistry } from '../shared/history.ts';
import { deleteRecord, restoreRecord, saveAgreement, saveProject, type WritableEntity } from '../shared/writes.ts';
import type { Database } from '../../../db/schema.ts';
import type { AgreementInput, ProjectInput } from '../shared/records.ts';
import type { AccountActor } from './permissions.ts';

export type SaveOutcome = { ok: true; id: string } | { ok: false; reason: 'conflict' };

const tables = { agreement: 'agreements', project: 'projects' } as const;

/**
 * Takes the record for this transaction if it is still the version the form was made from (and
 * not deleted): the conditional update locks the row on PostgreSQL until commit, so two saves of
 * the same version cannot both pass.
 */
async function claim(trx: Transaction<Database>, entity: WritableEntity, id: string, expectedUpdatedAt: string): Promise<boolean> {
  const result = await trx
    .updateTable(tables[entity])
    .set({ updated_at: expectedUpdatedAt })
    .where('id', '=', id)
    .where('updated_at', '=', expectedUpdatedAt)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

async function audit(trx: Transaction<Database>, actor: AccountActor, action: AuditAction, entity: WritableEntity, id: string, title: string, ip: string): Promise<void> {
  await recordAudit(trx, { actorAccountId: actor.id, action, targetType: 'registry_record', targetId: id, ip, detail: { entity, title } });
}

/** Records a new agreement, or saves an edit of the version `expectedUpdatedAt`. */
export async function saveAgreementFromForm(
  db: Kysely<Database>,
  actor: AccountActor,
  input: Omit<AgreementInput, 'id'>,
  target: { id: string; expectedUpdatedAt: string } | null,
  ip: string,
): Promise<SaveOutcome> {
  return writeRegistry(db, async (trx) => {
    if (target && !(await claim(trx, 'agreement', target.id, target.expectedUpdatedAt))) return { ok: false, reason: 'conflict' } as const;
    const result = await saveAgreement(trx, { ...input, ...(target ? { id: target.id } : {}) }, { actorAccountId: actor.id, provenance: 'entry' });
    await audit(trx, actor, target ? 'registry.updated' : 'registry.created', 'agreement', result.id, input.title, ip);
    return { ok: true, id: result.id } as const;
  });
}

/** Records a new project, or saves an edit of the version `expectedUpdatedAt`. */
export async function saveProjectFromForm(
  db: Kysely<Database>,
  actor: AccountActor,
  input: Omit<ProjectInput, 'id'>,
  target: { id: string; expectedUpdatedAt: string } | null,
  ip: string,
): Promise<SaveOutcome> {
  return writeRegistry(db, async (trx) => {
    if (target && !(await claim(trx, 'project', target.id, target.expectedUpdatedAt))) return { ok: false, reason: 'conflict' } as const;
    const result = await saveProject(trx, { ...input, ...(target ? { id: target.id } : {}) }, { actorAccountId: actor.id, provenance: 'entry' });
    await audit(trx, actor, target ? 'registry.updated' : 'registry.created', 'project', result.id, input.title, ip);
    return { ok: true, id: result.id } as const;
  });
}

/** Moves a record to the deleted list (it can be restored); false when it was already deleted. */
export async function deleteFromForm(db: Kysely<Database>, actor: AccountActor, entity: WritableEntity, id: string, title: string, ip: string): Promise<boolean> {
  return writeRegistry(db, async (trx) => {
    if (!(await deleteRecord(trx, entity, id, { actorAccountId: actor.id, provenance: 'entry' }))) return false;
    await audit(trx, actor, 'registry.deleted', entity, id, title, ip);
    return true;
  });
}

/** Brings a deleted record back to the public pages; false when it was not deleted. */
export async function restoreFromForm(db: Kysely<Database>, actor: AccountActor, entity: WritableEntity, id: string, title: string, ip: string): Promise<boolean> {
  return writeRegistry(db, async (trx) => {
    if (!(await restoreRecord(trx, entity, id, { actorAccountId: actor.id, provenance: 'entry' }))) return false;
    await audit(trx, actor, 'registry.restored', entity, id, title, ip);
    return true;
  });
}
