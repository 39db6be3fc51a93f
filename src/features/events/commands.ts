// What people do with events, each in one transaction with an audit entry and the 'events'
// revision raised last (so every instance's cached pages see the change on their next request).
// Rights have been checked by the route against the stored event; versions are checked here.
import type { Kysely, Transaction } from 'kysely';
import { recordAudit, type AuditAction } from '../../db/audit.ts';
import { bumpRevision } from '../../db/revisions.ts';
import type { Database, EventProvenance, EventStatus } from '../../db/schema.ts';
import { enqueueDecisionMail, type Decision } from './notify.ts';
import type { EventInput } from './record.ts';
import { insertEvent, setEventStatus, updateEvent } from './store.ts';

export interface Who {
  id: string;
  ip: string;
}

export type Outcome = { ok: true; id: string } | { ok: false; reason: 'conflict' | 'gone' };

export async function writeEvents<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const result = await work(trx);
    await bumpRevision(trx, 'events');
    return result;
  });
}

const audit = (trx: Transaction<Database>, who: Who, action: AuditAction, id: string, detail: Record<string, unknown>) =>
  recordAudit(trx, { actorAccountId: who.id, action, targetType: 'event', targetId: id, ip: who.ip, detail });

/** Who sent the event for review, when it is waiting for the secretariat's decision (whose mail goes to them). */
async function pendingSubmitter(trx: Transaction<Database>, id: string): Promise<string | null> {
  const row = await trx.selectFrom('events').select(['status', 'submitted_by']).where('id', '=', id).executeTakeFirst();
  return row?.status === 'pending' ? row.submitted_by : null;
}

/** Claims the stored version: false when someone saved since `expectedUpdatedAt` (or it is gone). */
async function claimVersion(trx: Transaction<Database>, id: string, expectedUpdatedAt: string, now: string): Promise<boolean> {
  const result = await trx.updateTable('events').set({ updated_at: now }).where('id', '=', id).where('updated_at', '=', expectedUpdatedAt).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A new event: the secretariat's (draft or published) or a member's (draft or sent for review). */
export async function recordEvent(
  db: Kysely<Database>,
  who: Who,
  input: EventInput,
  meta: { status: Extract<EventStatus, 'draft' | 'pending' | 'published'>; provenance: EventProvenance; ownerCode: string | null },
): Promise<Outcome> {
  return writeEvents(db, async (trx) => {
    const id = await insertEvent(trx, input, { ...meta, actorId: who.id });
    await audit(trx, who, 'event.created', id, { title: input.title, status: meta.status });
    if (meta.status === 'pending') await audit(trx, who, 'event.submitted', id, { title: input.title });
    if (meta.status === 'published') await audit(trx, who, 'event.published', id, { title: input.title });
    return { ok: true, id } as const;
  });
}

/** Saves an edit of the version the form was made from; optionally moves it to a new status. */
export async function reviseEvent(
  db: Kysely<Database>,
  who: Who,
  target: { id: string; expectedUpdatedAt: string },
  input: EventInput,
  nextStatus?: Extract<EventStatus, 'draft' | 'pending' | 'published'>,
): Promise<Outcome> {
  return writeEvents(db, async (trx) => {
    const now = new Date().toISOString();
    if (!(await claimVersion(trx, target.id, target.expectedUpdatedAt, now))) return { ok: false, reason: 'conflict' } as const;
    const submitter = await pendingSubmitter(trx, target.id);
    await updateEvent(trx, target.id, input, { actorId: who.id, now });
    await audit(trx, who, 'event.updated', target.id, { title: input.title });
    // The secretariat publishing a submitted event from its form: the submitter is mailed.
    if (nextStatus === 'published' && submitter) await enqueueDecisionMail(trx, { eventId: target.id, submitterId: submitter, version: now }, { kind: 'published' });
    if (nextStatus) {
      await setEventStatus(trx, target.id, nextStatus, { actorId: who.id, now, ...(nextStatus === 'pending' ? { submittedBy: who.id, reason: '' } : {}) });
      if (nextStatus === 'pending') await audit(trx, who, 'event.submitted', target.id, { title: input.title });
      if (nextStatus === 'published') await audit(trx, who, 'event.published', target.id, { title: input.title });
    }
    return { ok: true, id: target.id } as const;
  });
}

/** The secretariat's decision on an event: publish it, return it with a reason, or withdraw it. */
export async function decideEvent(
  db: Kysely<Database>,
  who: Who,
  target: { id: string; expectedUpdatedAt: string },
  decision: { kind: 'publish' } | { kind: 'return'; reason: string } | { kind: 'withdraw'; reason?: string },
): Promise<Outcome> {
  return writeEvents(db, async (trx) => {
    const now = new Date().toISOString();
    if (!(await claimVersion(trx, target.id, target.expectedUpdatedAt, now))) return { ok: false, reason: 'conflict' } as const;
    // Publishing or returning a submitted event is mailed to its submitter (withdrawing is not).
    const mailed: Decision | null = decision.kind === 'publish' ? { kind: 'published' } : decision.kind === 'return' ? { kind: 'returned', reason: decision.reason } : null;
    const submitter = mailed ? await pendingSubmitter(trx, target.id) : null;
    if (mailed && submitter) await enqueueDecisionMail(trx, { eventId: target.id, submitterId: submitter, version: now }, mailed);
    if (decision.kind === 'publish') {
      await setEventStatus(trx, target.id, 'published', { actorId: who.id, now });
      await audit(trx, who, 'event.published', target.id, {});
    } else if (decision.kind === 'return') {
      await setEventStatus(trx, target.id, 'rejected', { actorId: who.id, now, reason: decision.reason });
      await audit(trx, who, 'event.returned', target.id, { reason: decision.reason });
    } else {
      await setEventStatus(trx, target.id, 'withdrawn', { actorId: who.id, now, ...(decision.reason ? { reason: decision.reason } : {}) });
      await audit(trx, who, 'event.withdrawn', target.id, {});
    }
    return { ok: true, id: target.id } as const;
  });
}

export interface ImportRow {
  key: string | null;
  input: EventInput;
}

/**
 * Applies the rows of a checked file, all or nothing: a row whose NO/ID is an event's id updates
 * that event; one whose key an earlier import gave updates that one; any other row adds an event.
 */
export async function importEvents(db: Kysely<Database>, who: Who, rows: readonly ImportRow[], meta: { ownerCode: string | null; provenance: EventProvenance; fileName: string }): Promise<{ added: number; updated: number }> {
  return writeEvents(db, async (trx) => {
    let added = 0;
    let updated = 0;
    const now = new Date().toISOString();
    for (const row of rows) {
      const existing = row.key
        ? await trx
            .selectFrom('events')
            .select(['id', 'owner_code'])
            .where((eb) => eb.or([eb('id', '=', row.key!), eb.and([eb('external_uid', '=', row.key!), eb('feed_id', 'is', null), eb('provenance', '=', 'import')])]))
            .executeTakeFirst()
        : undefined;
      // A member's file never reaches another municipality's event.
      if (existing && (meta.ownerCode === null || existing.owner_code === meta.ownerCode)) {
        await updateEvent(trx, existing.id, row.input, { actorId: who.id, now });
        updated++;
      } else {
        await insertEvent(trx, row.input, {
          status: meta.ownerCode === null ? 'published' : 'pending',
          provenance: meta.provenance,
          ownerCode: meta.ownerCode ?? row.input.municipalityCodes[0] ?? null,
          actorId: who.id,
          externalUid: row.key,
          now,
        });
        added++;
      }
    }
    await recordAudit(trx, { actorAccountId: who.id, action: 'event.imported', targetType: 'event', ip: who.ip, detail: { file: meta.fileName, added, updated } });
    return { added, updated };
  });
}
