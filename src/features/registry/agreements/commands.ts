// What ward staff and the secretariat do with agreements on the edit pages, each in one
// registry transaction with its change history and its audit event. Authorisation has been checked
// by the route against the stored record; the version is checked here, atomically.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { auditRecordChange, claimVersion, writeRegistry } from '../shared/history.ts';
import type { AccountActor } from '../shared/scope.ts';
import type { AgreementInput } from './record.ts';
import { saveAgreement } from './store.ts';

export type SaveOutcome = { ok: true; id: string } | { ok: false; reason: 'conflict' };

/** Records a new agreement. */
export async function recordAgreement(db: Kysely<Database>, actor: AccountActor, input: Omit<AgreementInput, 'id'>, ip: string): Promise<SaveOutcome> {
  return writeRegistry(db, async (trx) => {
    const result = await saveAgreement(trx, input, { actorAccountId: actor.id, provenance: 'entry' });
    await auditRecordChange(trx, { actorAccountId: actor.id, action: 'registry.created', entity: 'agreement', id: result.id, title: input.title, ip });
    return { ok: true, id: result.id } as const;
  });
}

/** Saves an edit of the version `expectedUpdatedAt`; a conflict when someone saved in between. */
export async function editAgreement(
  db: Kysely<Database>,
  actor: AccountActor,
  target: { id: string; expectedUpdatedAt: string },
  input: Omit<AgreementInput, 'id'>,
  ip: string,
): Promise<SaveOutcome> {
  return writeRegistry(db, async (trx) => {
    if (!(await claimVersion(trx, 'agreements', target.id, target.expectedUpdatedAt))) return { ok: false, reason: 'conflict' } as const;
    await saveAgreement(trx, { ...input, id: target.id }, { actorAccountId: actor.id, provenance: 'entry' });
    await auditRecordChange(trx, { actorAccountId: actor.id, action: 'registry.updated', entity: 'agreement', id: target.id, title: input.title, ip });
    return { ok: true, id: target.id } as const;
  });
}
