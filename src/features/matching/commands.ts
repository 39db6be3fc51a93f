// What staff do with their matching entries, each in one transaction with an audit entry. Rights
// have been checked by the route against the stored entry (its owner); versions are checked here.
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../../db/audit.ts';
import type { Database, MatchingEntriesTable } from '../../db/schema.ts';
import type { EntryInput } from './form.ts';

export interface Who {
  id: string | null;
  ip: string;
}

export type Outcome = { ok: true; id: string } | { ok: false; reason: 'conflict' };

async function writeFields(trx: Transaction<Database>, id: string, fields: readonly number[]): Promise<void> {
  await trx.deleteFrom('matching_entry_fields').where('entry_id', '=', id).execute();
  if (fields.length > 0) await trx.insertInto('matching_entry_fields').values(fields.map((field) => ({ entry_id: id, field }))).execute();
}

/** A new entry of `owner` (the account's own municipality or ward, never one from the form). */
export async function publishEntry(
  db: Kysely<Database>,
  who: Who,
  owner: { code: string; prefectureCode: string },
  input: EntryInput,
  provenance: MatchingEntriesTable['provenance'] = 'member',
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const id = randomUUID();
    const now = new Date().toISOString();
    await trx
      .insertInto('matching_entries')
      .values({
        id,
        local_government_code: owner.code,
        prefecture_code: owner.prefectureCode,
        direction: input.direction,
        kind: input.kind,
        title: input.title,
        description: input.description,
        period_start: input.periodStart,
        period_end: input.periodEnd,
        status: input.status,
        provenance,
        created_by: who.id,
        updated_by: who.id,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await writeFields(trx, id, input.fields);
    await recordAudit(trx, { actorAccountId: who.id, action: 'matching.created', targetType: 'matching_entry', targetId: id, ip: who.ip, detail: { owner: owner.code, title: input.title } });
    return { ok: true, id } as const;
  });
}

/** Saves an edit of the version the form was made from; a conflict when someone saved since. */
export async function reviseEntry(db: Kysely<Database>, who: Who, target: { id: string; expectedUpdatedAt: string }, input: EntryInput): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const result = await trx
      .updateTable('matching_entries')
      .set({
        direction: input.direction,
        kind: input.kind,
        title: input.title,
        description: input.description,
        period_start: input.periodStart,
        period_end: input.periodEnd,
        status: input.status,
        updated_by: who.id,
        updated_at: now,
      })
      .where('id', '=', target.id)
      .where('updated_at', '=', target.expectedUpdatedAt)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return { ok: false, reason: 'conflict' } as const;
    await writeFields(trx, target.id, input.fields);
    await recordAudit(trx, { actorAccountId: who.id, action: 'matching.updated', targetType: 'matching_entry', targetId: target.id, ip: who.ip, detail: { title: input.title, status: input.status } });
    return { ok: true, id: target.id } as const;
  });
}
