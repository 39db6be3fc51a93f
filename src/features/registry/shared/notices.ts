// The notices the registry's back office shows after a successful action: a form posts, the route
// redirects with ?done=<key>, the next page shows the notice. One wording for every subject and
// for the master data pages.
import type { FastifyRequest } from 'fastify';
import type { PageContext } from '../../../views/context.ts';
import { formValue } from './record-form.ts';

export const notices = {
  created: { ja: '記録を登録しました。', en: 'The record was created.' },
  updated: { ja: '変更を保存しました。', en: 'The changes were saved.' },
  unchanged: { ja: '変更はありませんでした（同じ内容が送信されました）。', en: 'Nothing changed (the same values were sent).' },
  deleted: { ja: '記録を削除しました。「削除した記録」から元に戻せます。', en: 'The record was deleted. It can be restored from “Deleted records”.' },
  restored: { ja: '記録を元に戻しました。公開ページに再び表示されます。', en: 'The record was restored and is shown on the public pages again.' },
  exceptionAdded: { ja: '例外を追加しました。', en: 'The exception was added.' },
  exceptionRemoved: { ja: '例外を取り消しました。', en: 'The exception was removed.' },
  progressSaved: { ja: '年度ごとの進捗を保存しました。', en: 'The progress was saved.' },
} as const;

export type NoticeKey = keyof typeof notices;

export function isNoticeKey(value: unknown): value is NoticeKey {
  return typeof value === 'string' && Object.hasOwn(notices, value);
}

export function noticeText(ctx: PageContext, key: NoticeKey | undefined): string | undefined {
  return key ? ctx.t(notices[key].ja, notices[key].en) : undefined;
}

/** The notice a redirect asked for (?done=…), if it is one. */
export function noticeOf(request: FastifyRequest): NoticeKey | undefined {
  const done = formValue(request.query, 'done');
  return isNoticeKey(done) ? done : undefined;
}
