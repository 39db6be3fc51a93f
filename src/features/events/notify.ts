// The mail a submitter gets when the secretariat decides on their event: plain text (municipal
// mail gateways strip HTML and links), the event's title and date, the outcome and the reason.
//
// The mail goes through the database job queue (src/db/jobs.ts), like the board's notifications:
// the decision's transaction enqueues it (enqueueDecisionMail), so a request never waits for SMTP,
// a decision that rolls back mails nothing, and the worker retries with backoff when the mail
// server is down. The dedupe key names the decision (the event and the version the decision
// wrote), so one decision is mailed once however often it is enqueued or which instance runs it.
import type { Kysely, Transaction } from 'kysely';
import { enqueueJob, type JobHandlers } from '../../db/jobs.ts';
import type { Database } from '../../db/schema.ts';
import type { Mailer } from '../../mail/index.ts';
import { formatJapaneseDate } from '../../domain/japanese-date.ts';
import { eventById } from './queries.ts';
import type { Event } from './record.ts';

export type Decision = { kind: 'published' } | { kind: 'returned'; reason: string };

export const decisionMailJob = 'event.decision_mail';

interface DecisionMailPayload {
  eventId: string;
  submitterId: string;
  decision: Decision;
}

/**
 * Puts the decision's mail on the job queue, in the transaction that records the decision.
 * `version` is the event's updated_at written by that transaction.
 */
export async function enqueueDecisionMail(trx: Transaction<Database>, target: { eventId: string; submitterId: string; version: string }, decision: Decision): Promise<void> {
  const payload: DecisionMailPayload = { eventId: target.eventId, submitterId: target.submitterId, decision };
  await enqueueJob(trx, decisionMailJob, payload, { dedupeKey: `event-decision:${target.eventId}:${target.version}` });
}

/** The job handlers of event mail, for the worker. */
export function eventJobHandlers(db: Kysely<Database>, mailer: Mailer, publicUrl: string): JobHandlers {
  return {
    [decisionMailJob]: async (payload) => {
      const { eventId, submitterId, decision } = payload as DecisionMailPayload;
      const [event, account] = await Promise.all([
        eventById(db, eventId),
        db.selectFrom('accounts').select(['email', 'full_name']).where('id', '=', submitterId).where('status', '=', 'active').executeTakeFirst(),
      ]);
      // A disabled account or a deleted event gets no mail; the job is done, not retried.
      if (!event || !account) return;
      await mailer.send(decisionMail(publicUrl, account, event, decision));
    },
  };
}

export function decisionMail(publicUrl: string, to: { email: string; full_name: string }, event: Event, decision: Decision) {
  const lines = [
    `${to.full_name} 様`,
    '',
    decision.kind === 'published'
      ? 'ご投稿いただいたイベントを、特別区全国連携プロジェクトのウェブサイトに公開しました。'
      : 'ご投稿いただいたイベントを、事務局で確認した結果、差し戻しました。内容を直して、もう一度審査をご依頼ください。',
    '',
    `イベント名：${event.title}`,
    `開催日：${formatJapaneseDate(event.startsOn)}${event.endsOn !== event.startsOn ? `〜${formatJapaneseDate(event.endsOn)}` : ''}`,
    ...(decision.kind === 'returned' ? ['', '差し戻しの理由：', decision.reason] : []),
    '',
    decision.kind === 'published' ? `掲載ページ：${publicUrl}/events/${event.id}` : `会員ページ：${publicUrl}/member/events`,
    '',
    '特別区全国連携プロジェクト 事務局',
  ];
  return {
    to: to.email,
    subject: decision.kind === 'published' ? `【特別区全国連携プロジェクト】イベントを公開しました：${event.title}` : `【特別区全国連携プロジェクト】イベントを差し戻しました：${event.title}`,
    text: lines.join('\n'),
  };
}
