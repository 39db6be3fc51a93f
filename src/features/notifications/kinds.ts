// The kinds of notification, their wording and each kind's default mail frequency.
//
// Defaults (a member who never opened the settings): being addressed (mentioned) and being replied
// to come at once — someone is waiting for an answer; activity in watched threads and categories
// comes in one mail a day (07:00 JST), suggestions in one mail a week (Monday 07:00 JST), so that
// a busy board does not flood municipal mailboxes.
import type { NotificationFrequency, NotificationKindValue } from '../../db/schema.ts';
import type { PageContext } from '../../views/context.ts';

export type NotificationKind = NotificationKindValue;
export const notificationKinds = ['mentioned', 'replied', 'watching', 'suggested'] as const satisfies readonly NotificationKind[];
export const frequencies = ['immediate', 'daily', 'weekly', 'none'] as const satisfies readonly NotificationFrequency[];

export const defaultFrequency: Record<NotificationKind, NotificationFrequency> = {
  mentioned: 'immediate',
  replied: 'immediate',
  watching: 'daily',
  suggested: 'weekly',
};

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === 'string' && (notificationKinds as readonly string[]).includes(value);
}

/** The kind's name on pages. */
export function kindLabel(ctx: PageContext, kind: NotificationKind): string {
  switch (kind) {
    case 'mentioned':
      return ctx.t('あなた・あなたの自治体宛て', 'Addressed to you or your municipality');
    case 'replied':
      return ctx.t('あなたの投稿への返信', 'Replies to your posts');
    case 'watching':
      return ctx.t('ウォッチ中のスレッド・カテゴリ', 'Threads and categories you watch');
    case 'suggested':
      return ctx.t('おすすめ', 'Suggestions');
  }
}

/** The same names in mail, which is Japanese only. */
export const kindMailLabel: Record<NotificationKind, string> = {
  mentioned: 'あなた・あなたの自治体宛て',
  replied: 'あなたの投稿への返信',
  watching: 'ウォッチ中のスレッド・カテゴリ',
  suggested: 'おすすめ',
};

export function frequencyLabel(ctx: PageContext, frequency: NotificationFrequency): string {
  switch (frequency) {
    case 'immediate':
      return ctx.t('すぐに', 'Immediately');
    case 'daily':
      return ctx.t('1日1回まとめて（毎朝7時）', 'Once a day, in one mail (7:00 JST)');
    case 'weekly':
      return ctx.t('週1回まとめて（月曜の朝7時）', 'Once a week, in one mail (Monday 7:00 JST)');
    case 'none':
      return ctx.t('メールで受け取らない', 'No mail');
  }
}
