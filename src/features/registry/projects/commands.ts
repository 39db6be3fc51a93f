// What ward staff and the secretariat do with projects on the edit pages, each in one registry
// transaction with its change history and its audit event (as agreements/commands.ts).
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { auditRecordChange, claimVersion, writeRegistry } from '../shared/history.ts';
import type { AccountActor } from '../shared/scope.ts';
import type { ProjectInput } from './record.ts';
import { saveProject } from './store.ts';

export type SaveOutcome = { ok: true; id: string } | { ok: false; reason: 'conflict' };

/** Records a new project. */
export async function recordProject(db: Kysely<Database>, actor: AccountActor, input: Omit<ProjectInput, 'id'>, ip: string): Promise<SaveOutcome> {
  return writeRegistry(db, async (trx) => {
    const result = await saveProject(trx, input, { actorAccountId: actor.id, provenance: 'entry' });
    await auditRecordChange(trx, { actorAccountId: actor.id, action: 'registry.created', entity: 'project', id: result.id, title: input.title, ip });
    return { ok: true, id: result.id } as const;
  });
}

/** Saves an edit of the version `expectedUpdatedAt`; a conflict when someone saved in between. */
export async function editProject(
  db: Kysely<Database>,
  actor: AccountActor,
  target: { id: string; expectedUpdatedAt: string },
  input: Omit<ProjectInput, 'id'>,
  ip: string,
): Promise<SaveOutcome> {
  return writeRegistry(db, async (trx) => {
    if (!(await claimVersion(trx, 'projects', target.id, target.expectedUpdatedAt))) return { ok: false, reason: 'conflict' } as const;
    await saveProject(trx, { ...input, id: target.id }, { actorAccountId: actor.id, provenance: 'entry' });
    await auditRecordChange(trx, { actorAccountId: actor.id, action: 'registry.updated', entity: 'project', id: target.id, title: input.title, ip });
    return { ok: true, id: target.id } as const;
  });
}
