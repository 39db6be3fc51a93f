// The mail a submitter gets when the secretariat decides on their event: plain text (municipal
// mail gateways strip HTML and links), the event's title and date, the outcome and the reason.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Mailer } from '../../mail/index.ts';
import { formatJapaneseDate } from '../../domain/japanese-date.ts';
import type { Event } from './record.ts';

export async function mailDecision(
  db: Kysely<Database>,
  mailer: Mailer,
  publicUrl: string,
  event: Event,
  decision: { kind: 'published' } | { kind: 'returned'; reason: string },
): Promise<void> {
  if (!event.submittedBy) return;
  const account = await db.selectFrom('accounts').select(['email', 'full_name']).where('id', '=', event.submittedBy).where('status', '=', 'active').executeTakeFirst();
  if (!account) return;
  const lines = [
    `${account.full_name} 様`,
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
  await mailer.send({
    to: account.email,
    subject: decision.kind === 'published' ? `【特別区全国連携プロジェクト】イベントを公開しました：${event.title}` : `【特別区全国連携プロジェクト】イベントを差し戻しました：${event.title}`,
    text: lines.join('\n'),
  });
}
