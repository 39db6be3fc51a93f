// Notification mail, sent by the job queue's worker (src/db/jobs.ts): one mail per notification
// for kinds a member wants at once, and daily/weekly digests. Plain text only, in Japanese:
// municipal mail gateways (メール無害化) strip HTML and rewrite links, so a mail carries the text
// and exactly one plain address to open, plus the unsubscribe address (also in the RFC 8058
// List-Unsubscribe headers, for the mail client's own button).
import type { Kysely } from 'kysely';
import { enqueueJob, type JobHandlers } from '../../db/jobs.ts';
import type { Database } from '../../db/schema.ts';
import { digestWindow, latestDigestTime, type DigestFrequency } from '../../domain/digest-periods.ts';
import { formatJapaneseDateTime } from '../../domain/japanese-date.ts';
import type { Mailer, OutgoingMail } from '../../mail/index.ts';
import { digestMailJob, immediateMailJob } from './commands.ts';
import { kindMailLabel, type NotificationKind } from './kinds.ts';
import { effectiveFrequencySql } from './queries.ts';
import { unsubscribeToken, type UnsubscribeScope } from './unsubscribe-token.ts';

const subjectPrefix = '【特別区全国連携プロジェクト】';

export interface MailSettings {
  /** PUBLIC_URL, no trailing slash. */
  publicUrl: string;
  /** The secret the unsubscribe links are signed with (SESSION_SECRET). */
  secret: string;
}

/**
 * Text written by members goes into mail sent by the project: an address in it would be a second
 * link (and a tempting phishing vehicle under our sender name). Its scheme is broken so that mail
 * clients do not make it a link; a reader can still see and copy it.
 */
export function defang(text: string): string {
  return text.replace(/\b(https?|ftp)(:\/\/)/gi, (_m, scheme: string) => `${scheme}[:]//`).replace(/\bwww\./gi, 'www[.]');
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

export function unsubscribeUrl(settings: MailSettings, accountId: string, scope: UnsubscribeScope): string {
  return `${settings.publicUrl}/unsubscribe/${unsubscribeToken(settings.secret, { accountId, scope })}`;
}

function footer(unsubscribe: string, what: string): string[] {
  return [
    '',
    '――――――――――――――――――――',
    'このメールは、特別区全国連携プロジェクト会員ページの通知の設定にもとづいて送信しています。',
    '通知メールの頻度（すぐに・1日1回・週1回・受け取らない）は、ログイン後、マイページの「通知の設定」で変えられます。',
    `${what}の配信を停止する（ログインは不要です）：`,
    unsubscribe,
    '',
    '※このメールは送信専用のアドレスから自動で送信しています。',
    '特別区全国連携プロジェクト',
  ];
}

function withUnsubscribeHeaders(mail: OutgoingMail, unsubscribe: string): OutgoingMail {
  return { ...mail, headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } };
}

const leadOf: Record<NotificationKind, (actor: string | null) => string> = {
  mentioned: (actor) => `${actor ? `${actor}さんが、` : ''}あなた（またはあなたの自治体）宛てに掲示板へ書き込みました。`,
  replied: (actor) => `${actor ? `${actor}さんが、` : ''}あなたの投稿に返信しました。`,
  watching: (actor) => `ウォッチ中のスレッド・カテゴリに${actor ? `${actor}さんの` : ''}新しい投稿があります。`,
  suggested: () => 'あなたへのおすすめの投稿があります。',
};

interface NotificationForMail {
  id: string;
  kind: NotificationKind;
  title: string;
  excerpt: string;
  path: string;
  createdAt: string;
  actorName: string | null;
}

export function immediateMail(settings: MailSettings, to: { id: string; email: string; name: string }, n: NotificationForMail): OutgoingMail {
  const unsubscribe = unsubscribeUrl(settings, to.id, n.kind);
  const text = [
    `${to.name} 様`,
    '',
    leadOf[n.kind](n.actorName ? oneLine(defang(n.actorName)) : null),
    '',
    `件名：${oneLine(defang(n.title))}`,
    ...(n.excerpt ? [defang(n.excerpt)] : []),
    '',
    '次のページでご覧ください（ログインが必要です）。',
    `${settings.publicUrl}${n.path}`,
    ...footer(unsubscribe, `「${kindMailLabel[n.kind]}」の通知メール`),
  ].join('\n');
  return withUnsubscribeHeaders({ to: to.email, subject: `${subjectPrefix}${kindMailLabel[n.kind]}：${oneLine(n.title)}`.slice(0, 150), text }, unsubscribe);
}

export function digestMail(settings: MailSettings, to: { id: string; email: string; name: string }, frequency: DigestFrequency, items: NotificationForMail[]): OutgoingMail {
  const unsubscribe = unsubscribeUrl(settings, to.id, 'all');
  const label = frequency === 'daily' ? '1日' : '1週間';
  const lines = [`${to.name} 様`, '', `この${label}の新しい通知は${items.length}件です。`, ''];
  for (const [i, n] of items.entries()) {
    lines.push(`${i + 1}. 【${kindMailLabel[n.kind]}】${oneLine(defang(n.title))}`);
    lines.push(`   ${formatJapaneseDateTime(n.createdAt)}${n.actorName ? `　${oneLine(defang(n.actorName))}さん` : ''}`);
    if (n.excerpt) lines.push(`   ${defang(n.excerpt)}`);
    lines.push('');
  }
  lines.push('それぞれの通知は、マイページの「通知」でご覧ください（ログインが必要です）。', `${settings.publicUrl}/member/notifications`);
  lines.push(...footer(unsubscribe, 'すべての通知メール'));
  const subject = `${subjectPrefix}${frequency === 'daily' ? '本日' : '今週'}の通知のまとめ（${items.length}件）`;
  return withUnsubscribeHeaders({ to: to.email, subject, text: lines.join('\n') }, unsubscribe);
}

async function recipient(db: Kysely<Database>, accountId: string): Promise<{ id: string; email: string; name: string } | undefined> {
  const row = await db.selectFrom('accounts').select(['id', 'email', 'display_name', 'full_name']).where('id', '=', accountId).where('status', '=', 'active').executeTakeFirst();
  return row ? { id: row.id, email: row.email, name: row.display_name || row.full_name } : undefined;
}

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('notifications as n')
    .leftJoin('notification_preferences as p', (j) => j.onRef('p.account_id', '=', 'n.recipient_id').onRef('p.kind', '=', 'n.kind'))
    .leftJoin('accounts as actor', 'actor.id', 'n.actor_id');
}

const mailColumns = ['n.id', 'n.kind', 'n.title', 'n.excerpt', 'n.path', 'n.created_at', 'n.recipient_id', 'actor.display_name as actor_name'] as const;

function toMailItem(r: { id: string; kind: NotificationKind; title: string; excerpt: string; path: string; created_at: string; actor_name: string | null }): NotificationForMail {
  return { id: r.id, kind: r.kind, title: r.title, excerpt: r.excerpt, path: r.path, createdAt: r.created_at, actorName: r.actor_name };
}

/** The job handlers of notification mail, for the worker. */
export function notificationJobHandlers(db: Kysely<Database>, mailer: Mailer, settings: MailSettings): JobHandlers {
  return {
    /** One notification's own mail; nothing when it was withdrawn, already mailed, or the member no longer wants it at once. */
    [immediateMailJob]: async (payload) => {
      const { notificationId } = payload as { notificationId: string };
      const row = await baseQuery(db)
        .select([...mailColumns, effectiveFrequencySql().as('frequency'), 'n.mailed_at'])
        .where('n.id', '=', notificationId)
        .executeTakeFirst();
      if (!row || row.mailed_at !== null || row.frequency !== 'immediate') return;
      const to = await recipient(db, row.recipient_id);
      if (!to) return;
      await mailer.send(immediateMail(settings, to, toMailItem(row)));
      await db.updateTable('notifications').set({ mailed_at: new Date().toISOString() }).where('id', '=', row.id).execute();
    },
    /** A member's digest: the period's notifications of kinds set to this frequency, not yet mailed. */
    [digestMailJob]: async (payload) => {
      const { accountId, frequency, time } = payload as { accountId: string; frequency: DigestFrequency; time: string };
      const to = await recipient(db, accountId);
      if (!to) return;
      const { from, to: until } = digestWindow(frequency, new Date(time));
      const rows = await baseQuery(db)
        .select([...mailColumns])
        .where('n.recipient_id', '=', accountId)
        .where('n.mailed_at', 'is', null)
        .where('n.created_at', '>=', from.toISOString())
        .where('n.created_at', '<', until.toISOString())
        .where(effectiveFrequencySql(), '=', frequency)
        .orderBy('n.created_at')
        .limit(200)
        .execute();
      if (rows.length === 0) return;
      await mailer.send(digestMail(settings, to, frequency, rows.map(toMailItem)));
      const ids = rows.map((r) => r.id);
      await db.updateTable('notifications').set({ mailed_at: new Date().toISOString() }).where('id', 'in', ids).execute();
    },
  };
}

/**
 * Enqueues the digests of the latest daily and weekly digest time for every member who has
 * something to receive in them. Any instance may do this at any moment: the dedupe key
 * digest:<frequency>:<account>:<time> makes each digest one job, sent once.
 */
export async function enqueueDueDigests(db: Kysely<Database>, now = new Date()): Promise<number> {
  let enqueued = 0;
  for (const frequency of ['daily', 'weekly'] as const) {
    const time = latestDigestTime(frequency, now);
    const { from, to } = digestWindow(frequency, time);
    const rows = await db
      .selectFrom('notifications as n')
      .leftJoin('notification_preferences as p', (j) => j.onRef('p.account_id', '=', 'n.recipient_id').onRef('p.kind', '=', 'n.kind'))
      .select('n.recipient_id')
      .distinct()
      .where('n.mailed_at', 'is', null)
      .where('n.created_at', '>=', from.toISOString())
      .where('n.created_at', '<', to.toISOString())
      .where(effectiveFrequencySql(), '=', frequency)
      .execute();
    for (const { recipient_id } of rows) {
      const added = await enqueueJob(db, digestMailJob, { accountId: recipient_id, frequency, time: time.toISOString() }, { dedupeKey: `digest:${frequency}:${recipient_id}:${time.toISOString()}` });
      if (added) enqueued++;
    }
  }
  return enqueued;
}
