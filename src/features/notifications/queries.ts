// Reading notifications and mail settings.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, NotificationFrequency } from '../../db/schema.ts';
import { defaultFrequency, notificationKinds, type NotificationKind } from './kinds.ts';

/** Each kind's frequency for one member: their choice, or the kind's default. */
export async function preferencesOf(db: Kysely<Database>, accountId: string): Promise<Record<NotificationKind, NotificationFrequency>> {
  const rows = await db.selectFrom('notification_preferences').select(['kind', 'frequency']).where('account_id', '=', accountId).execute();
  const chosen = new Map(rows.map((r) => [r.kind, r.frequency]));
  return Object.fromEntries(notificationKinds.map((k) => [k, chosen.get(k) ?? defaultFrequency[k]])) as Record<NotificationKind, NotificationFrequency>;
}

/** One kind's frequency for several members. */
export async function frequenciesOf(db: Kysely<Database>, accountIds: readonly string[], kind: NotificationKind): Promise<Map<string, NotificationFrequency>> {
  const out = new Map<string, NotificationFrequency>(accountIds.map((id) => [id, defaultFrequency[kind]]));
  for (let i = 0; i < accountIds.length; i += 500) {
    const rows = await db
      .selectFrom('notification_preferences')
      .select(['account_id', 'frequency'])
      .where('kind', '=', kind)
      .where('account_id', 'in', accountIds.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.account_id, r.frequency);
  }
  return out;
}

/**
 * SQL for the frequency in effect for a notification row (alias n) of its recipient: the
 * member's row in notification_preferences (alias p, left-joined), else the kind's default.
 */
export function effectiveFrequencySql(): RawBuilder<NotificationFrequency> {
  const cases = notificationKinds.map((k) => sql`when ${k} then ${defaultFrequency[k]}`);
  return sql<NotificationFrequency>`coalesce(p.frequency, case n.kind ${sql.join(cases, sql` `)} end)`;
}

export interface InboxEntry {
  id: string;
  kind: NotificationKind;
  title: string;
  excerpt: string;
  path: string;
  actorName: string | null;
  createdAt: string;
  readAt: string | null;
}

export const inboxPageSize = 20;

export async function inboxPage(db: Kysely<Database>, accountId: string, page: number): Promise<{ entries: InboxEntry[]; total: number; unread: number; pages: number }> {
  const [counts, rows] = await Promise.all([
    db
      .selectFrom('notifications')
      .select([(eb) => eb.fn.countAll<number>().as('total'), (eb) => eb.fn.sum<number>(eb.case().when('read_at', 'is', null).then(1).else(0).end()).as('unread')])
      .where('recipient_id', '=', accountId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('notifications')
      .leftJoin('accounts as actor', 'actor.id', 'notifications.actor_id')
      .select([
        'notifications.id',
        'notifications.kind',
        'notifications.title',
        'notifications.excerpt',
        'notifications.path',
        'notifications.created_at',
        'notifications.read_at',
        'actor.display_name as actor_name',
      ])
      .where('notifications.recipient_id', '=', accountId)
      .orderBy('notifications.created_at', 'desc')
      .orderBy('notifications.id', 'desc')
      .limit(inboxPageSize)
      .offset((page - 1) * inboxPageSize)
      .execute(),
  ]);
  const total = Number(counts.total);
  return {
    total,
    unread: Number(counts.unread ?? 0),
    pages: Math.max(1, Math.ceil(total / inboxPageSize)),
    entries: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      excerpt: r.excerpt,
      path: r.path,
      actorName: r.actor_name ?? null,
      createdAt: r.created_at,
      readAt: r.read_at,
    })),
  };
}

/** For the member area's link: how many notifications the member has not read. */
export async function unreadCount(db: Kysely<Database>, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('recipient_id', '=', accountId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
