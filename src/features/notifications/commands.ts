// What changes notifications: the board's notify/withdraw (which only write rows: mail goes out
// later through the job queue, never inside the caller's request or transaction), a member's read
// marks and mail settings, and unsubscribing from a mail link.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../db/audit.ts';
import { cancelQueuedJobs, enqueueJob } from '../../db/jobs.ts';
import type { Database, NotificationFrequency } from '../../db/schema.ts';
import { notificationKinds, type NotificationKind } from './kinds.ts';
import { frequenciesOf } from './queries.ts';
import type { UnsubscribeScope } from './unsubscribe-token.ts';

export interface NotificationInput {
  kind: NotificationKind;
  /** Account ids; the actor and accounts that are not active are dropped. */
  recipientIds: string[];
  actorId: string | null;
  /** E.g. the thread title. */
  title: string;
  /** Plain text, at most 200 characters (longer text is cut). */
  excerpt: string;
  /** Site-relative URL, e.g. /board/t/12#post-34. */
  path: string;
  /** E.g. 'board-post:34'; one notification per (recipient, kind, subjectKey). */
  subjectKey: string;
}

export const immediateMailJob = 'notification-mail';
export const digestMailJob = 'notification-digest';

/** The dedupe key of a notification's own mail job: also how withdrawNotifications finds it. */
export function immediateMailKey(notificationId: string): string {
  return `notification-mail:${notificationId}`;
}

/** Control characters out, whitespace runs folded, cut to `max` characters (by code point). */
function plain(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  const chars = [...cleaned];
  return chars.length <= max ? cleaned : `${chars.slice(0, max - 1).join('')}…`;
}

function checkInput(input: NotificationInput): void {
  // The board computes these; a wrong value is a programming error, not a user's input.
  if (!notificationKinds.includes(input.kind)) throw new TypeError(`unknown notification kind: ${String(input.kind)}`);
  if (!/^\/(?![/\\])[^\s]*$/.test(input.path) || input.path.length > 500) throw new TypeError(`notification path must be site-relative: ${input.path}`);
  if (input.subjectKey.length === 0 || input.subjectKey.length > 120) throw new TypeError('notification subjectKey must be 1–120 characters');
}

/**
 * Writes one inbox entry per recipient (none twice for the same kind and subject) and, for members
 * who want this kind at once, a mail job. Only INSERTs: `db` may be the caller's transaction, and
 * nothing is sent before it commits.
 */
export async function notify(db: Kysely<Database>, input: NotificationInput): Promise<void> {
  checkInput(input);
  const wanted = [...new Set(input.recipientIds)].filter((id) => id !== input.actorId);
  if (wanted.length === 0) return;
  const recipients: string[] = [];
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await db.selectFrom('accounts').select('id').where('id', 'in', wanted.slice(i, i + 500)).where('status', '=', 'active').execute();
    recipients.push(...rows.map((r) => r.id));
  }
  if (recipients.length === 0) return;
  const now = new Date().toISOString();
  const title = plain(input.title, 200);
  const excerpt = plain(input.excerpt, 200);
  const created: Array<{ id: string; recipient_id: string }> = [];
  for (let i = 0; i < recipients.length; i += 200) {
    const rows = await db
      .insertInto('notifications')
      .values(
        recipients.slice(i, i + 200).map((recipientId) => ({
          id: randomUUID(),
          recipient_id: recipientId,
          kind: input.kind,
          title,
          excerpt,
          path: input.path,
          subject_key: input.subjectKey,
          actor_id: input.actorId,
          created_at: now,
          read_at: null,
          mailed_at: null,
        })),
      )
      .onConflict((oc) => oc.columns(['recipient_id', 'kind', 'subject_key']).doNothing())
      .returning(['id', 'recipient_id'])
      .execute();
    created.push(...rows);
  }
  if (created.length === 0) return;
  const frequency = await frequenciesOf(db, created.map((c) => c.recipient_id), input.kind);
  for (const row of created) {
    if (frequency.get(row.recipient_id) !== 'immediate') continue;
    await enqueueJob(db, immediateMailJob, { notificationId: row.id }, { dedupeKey: immediateMailKey(row.id) });
  }
}

/**
 * A hidden or deleted post: its notifications leave every inbox, their unsent mail jobs are
 * cancelled, and (being gone) they are in no later digest. A mail job already running checks that
 * its notification still exists just before sending.
 */
export async function withdrawNotifications(db: Kysely<Database>, subjectKey: string): Promise<void> {
  const rows = await db.selectFrom('notifications').select('id').where('subject_key', '=', subjectKey).execute();
  if (rows.length === 0) return;
  await cancelQueuedJobs(db, rows.map((r) => immediateMailKey(r.id)));
  await db.deleteFrom('notifications').where('subject_key', '=', subjectKey).execute();
}

/** Marks one of the member's own notifications read; false when it is not theirs (or gone). */
export async function markRead(db: Kysely<Database>, accountId: string, notificationId: string): Promise<boolean> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: new Date().toISOString() })
    .where('id', '=', notificationId)
    .where('recipient_id', '=', accountId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return true;
  const exists = await db.selectFrom('notifications').select('id').where('id', '=', notificationId).where('recipient_id', '=', accountId).executeTakeFirst();
  return exists !== undefined;
}

export async function markAllRead(db: Kysely<Database>, accountId: string): Promise<void> {
  await db.updateTable('notifications').set({ read_at: new Date().toISOString() }).where('recipient_id', '=', accountId).where('read_at', 'is', null).execute();
}

async function writeFrequencies(db: Kysely<Database>, accountId: string, values: Partial<Record<NotificationKind, NotificationFrequency>>): Promise<void> {
  const now = new Date().toISOString();
  const rows = Object.entries(values).map(([kind, frequency]) => ({ account_id: accountId, kind: kind as NotificationKind, frequency: frequency!, updated_at: now }));
  if (rows.length === 0) return;
  await db
    .insertInto('notification_preferences')
    .values(rows)
    .onConflict((oc) => oc.columns(['account_id', 'kind']).doUpdateSet((eb) => ({ frequency: eb.ref('excluded.frequency'), updated_at: eb.ref('excluded.updated_at') })))
    .execute();
}

export async function savePreferences(db: Kysely<Database>, accountId: string, values: Record<NotificationKind, NotificationFrequency>, ip: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await writeFrequencies(trx, accountId, values);
    await recordAudit(trx, { actorAccountId: accountId, action: 'notifications.preferences_changed', targetType: 'account', targetId: accountId, ip, detail: values });
  });
}

/** From a mail's link: no more mail of that kind (or none at all). False for an unknown or inactive account. */
export async function unsubscribe(db: Kysely<Database>, accountId: string, scope: UnsubscribeScope, ip: string): Promise<boolean> {
  const account = await db.selectFrom('accounts').select('id').where('id', '=', accountId).where('status', '=', 'active').executeTakeFirst();
  if (!account) return false;
  const kinds = scope === 'all' ? notificationKinds : [scope];
  await db.transaction().execute(async (trx) => {
    await writeFrequencies(trx, accountId, Object.fromEntries(kinds.map((k) => [k, 'none'])));
    await recordAudit(trx, { actorAccountId: accountId, action: 'notifications.unsubscribed', targetType: 'account', targetId: accountId, ip, detail: { scope } });
  });
  return true;
}
