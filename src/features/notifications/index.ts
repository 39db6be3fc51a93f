// Stub replaced by the notifications branch: the contract the board calls (kinds, input, notify,
// withdrawNotifications). The bodies do nothing here.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export type NotificationKind = 'watching' | 'mentioned' | 'replied' | 'suggested';
export interface NotificationInput {
  kind: NotificationKind;
  recipientIds: string[]; // account ids; the notifier drops the actor and inactive accounts
  actorId: string | null;
  title: string; // e.g. the thread title
  excerpt: string; // plain text, ≤ 200 chars
  path: string; // site-relative URL, e.g. /board/t/12#post-34
  subjectKey: string; // e.g. 'board-post:34'; one notification per (recipient, kind, subjectKey)
}
export async function notify(_db: Kysely<Database>, _input: NotificationInput): Promise<void> {}
export async function withdrawNotifications(_db: Kysely<Database>, _subjectKey: string): Promise<void> {}
