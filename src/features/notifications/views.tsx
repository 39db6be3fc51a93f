// The notification pages: the member's inbox (/member/notifications), their mail settings
// (/member/notifications/settings) and the unsubscribe pages reached from a mail without signing in.
import type { Children } from '@kitajs/html';
import type { PageContext } from '../../views/context.ts';
import { ErrorSummary, type FieldError } from '../../views/components/error-summary.tsx';
import { ChoiceField, CsrfField, SuccessNotice } from '../../views/components/form-fields.tsx';
import { Pagination } from '../../views/components/pagination.tsx';
import { formatCount, formatDateTime } from '../../views/format.ts';
import { Layout } from '../../views/layout.tsx';
import { settingsField, type SettingsInput } from './form.ts';
import { frequencies, frequencyLabel, kindLabel, notificationKinds } from './kinds.ts';
import type { InboxEntry } from './queries.ts';
import type { UnsubscribeScope } from './unsubscribe-token.ts';

function inboxTitle(ctx: PageContext) {
  return ctx.t('通知', 'Notifications');
}

function MemberPage({ ctx, title, parent, hasErrors = false, children }: { ctx: PageContext; title: string; parent?: { href: string; label: string }; hasErrors?: boolean; children?: Children }): JSX.Element {
  const crumbs = [{ href: '/', label: ctx.t('トップ', 'Home') }, { href: '/member', label: ctx.t('マイページ', 'My page') }, ...(parent ? [parent] : []), { label: title }];
  return (
    <Layout ctx={ctx} title={hasErrors ? ctx.tFormat(`エラー：${title}`, `Error: ${title}`) : title} section="none" breadcrumbs={crumbs}>
      {children}
    </Layout>
  );
}

export interface InboxPageProps {
  ctx: PageContext;
  entries: InboxEntry[];
  page: number;
  pages: number;
  total: number;
  unread: number;
  done?: 'read' | 'all-read';
  errors?: FieldError[];
}

export function InboxPage({ ctx, entries, page, pages, total, unread, done, errors = [] }: InboxPageProps): JSX.Element {
  const title = inboxTitle(ctx);
  const notice = done === 'read' ? ctx.t('既読にしました。', 'Marked as read.') : done === 'all-read' ? ctx.t('すべて既読にしました。', 'All marked as read.') : undefined;
  return (
    <MemberPage ctx={ctx} title={page > 1 ? ctx.tFormat(`${title}（${page}ページ目）`, `${title} (page ${page})`) : title} hasErrors={errors.length > 0}>
      <h1 class="rk-heading-1">{title}</h1>
      <SuccessNotice message={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="rk-result-count" safe>
        {ctx.tFormat(`全${formatCount(total)}件（未読 ${formatCount(unread)}件）`, `${formatCount(total)} in all (${formatCount(unread)} unread)`)}
      </p>
      <div class="rk-actions">
        {unread > 0 ? (
          <form action="/member/notifications/read-all" method="post">
            <CsrfField ctx={ctx} />
            <button class="rk-button rk-button--secondary" type="submit">
              {ctx.t('すべて既読にする', 'Mark all as read')}
            </button>
          </form>
        ) : (
          ''
        )}
        <a href="/member/notifications/settings">{ctx.t('通知メールの設定', 'Notification mail settings')}</a>
      </div>
      {entries.length === 0 ? (
        <p id="notifications-list">{ctx.t('通知はまだありません。掲示板で返信や宛先の指定があると、ここに表示されます。', 'No notifications yet. Replies and posts addressed to you on the board appear here.')}</p>
      ) : (
        <ul class="rk-news-list" id="notifications-list">
          {entries.map((n) => (
            <InboxItem ctx={ctx} entry={n} />
          ))}
        </ul>
      )}
      <Pagination ctx={ctx} page={page} pages={pages} hrefFor={(p) => (p === 1 ? '/member/notifications' : `/member/notifications?page=${p}`)} />
    </MemberPage>
  );
}

function InboxItem({ ctx, entry: n }: { ctx: PageContext; entry: InboxEntry }): JSX.Element {
  const unread = n.readAt === null;
  return (
    <li class="rk-news-item">
      <p class="rk-news-item__meta">
        {unread ? <span class="rk-badge">{ctx.t('未読', 'Unread')}</span> : ''}
        <span class="rk-badge rk-badge--plain" safe>
          {kindLabel(ctx, n.kind)}
        </span>
        <time datetime={n.createdAt} safe>
          {formatDateTime(ctx, n.createdAt)}
        </time>
        {n.actorName ? <span safe>{ctx.tFormat(`${n.actorName}さん`, n.actorName)}</span> : ''}
      </p>
      <h2 class="rk-news-item__title rk-heading-3">
        <a href={n.path} safe>
          {n.title}
        </a>
      </h2>
      {n.excerpt ? (
        <p class="rk-news-item__summary" safe>
          {n.excerpt}
        </p>
      ) : (
        ''
      )}
      {unread ? (
        <form action="/member/notifications/read" method="post">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="id" value={n.id} />
          <button class="rk-button rk-button--secondary" type="submit" aria-label={ctx.tFormat(`「${n.title}」を既読にする`, `Mark “${n.title}” as read`)}>
            {ctx.t('既読にする', 'Mark as read')}
          </button>
        </form>
      ) : (
        ''
      )}
    </li>
  );
}

export function SettingsPage({ ctx, values, errors, done }: { ctx: PageContext; values: SettingsInput; errors: FieldError[]; done: boolean }): JSX.Element {
  const title = ctx.t('通知メールの設定', 'Notification mail settings');
  return (
    <MemberPage ctx={ctx} title={title} parent={{ href: '/member/notifications', label: inboxTitle(ctx) }} hasErrors={errors.length > 0}>
      <h1 class="rk-heading-1">{title}</h1>
      <SuccessNotice message={done ? ctx.t('通知メールの設定を保存しました。', 'Your notification settings have been saved.') : undefined} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>
        {ctx.t(
          '通知の種類ごとに、メールで受け取る頻度を選べます。どの設定でも、通知はこのサイトの「通知」に表示されます。まとめて送るメールは、毎朝7時（週1回は月曜の朝7時）に届きます。ログインやパスワード変更など、安全のためのお知らせはこの設定にかかわらず送ります。',
          'Choose, for each kind of notification, how often it comes by mail. Every notification also appears under Notifications on this site. Digests arrive at 7:00 JST (weekly: Monday 7:00 JST). Security notices (sign-in, password changes) are always sent.',
        )}
      </p>
      <form class="rk-form" action="/member/notifications/settings" method="post" novalidate>
        <CsrfField ctx={ctx} />
        {notificationKinds.map((kind) => (
          <ChoiceField
            ctx={ctx}
            id={settingsField(kind)}
            name={settingsField(kind)}
            legend={kindLabel(ctx, kind)}
            options={frequencies.map((f) => ({ value: f, label: frequencyLabel(ctx, f) }))}
            value={values[kind]}
            error={errors.find((e) => e.field === settingsField(kind))?.message}
          />
        ))}
        <div class="rk-actions">
          <button class="rk-button" type="submit">
            {ctx.t('保存する', 'Save')}
          </button>
          <a href="/member/notifications">{ctx.t('通知の一覧へ戻る', 'Back to notifications')}</a>
        </div>
      </form>
    </MemberPage>
  );
}

function scopeText(ctx: PageContext, scope: UnsubscribeScope): string {
  return scope === 'all' ? ctx.t('すべての通知メール', 'all notification mail') : ctx.tFormat(`「${kindLabel(ctx, scope)}」の通知メール`, `notification mail for “${kindLabel(ctx, scope)}”`);
}

function unsubscribeTitle(ctx: PageContext) {
  return ctx.t('通知メールの配信停止', 'Stop notification mail');
}

/** GET: what the link would do, and a button to do it (a GET never changes anything: mail scanners open links). */
export function UnsubscribeConfirmPage({ ctx, token, scope }: { ctx: PageContext; token: string; scope: UnsubscribeScope }): JSX.Element {
  const title = unsubscribeTitle(ctx);
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="rk-heading-1">{title}</h1>
      <p safe>{ctx.tFormat(`${scopeText(ctx, scope)}の配信を停止します。よろしければ、下のボタンを押してください。`, `This stops ${scopeText(ctx, scope)}. Press the button below to confirm.`)}</p>
      <p>{ctx.t('通知はこれまでどおり、ログイン後の「通知」でご覧になれます。', 'Notifications still appear under Notifications when you sign in.')}</p>
      <form class="rk-form" action={`/unsubscribe/${encodeURIComponent(token)}`} method="post">
        <div class="rk-actions">
          <button class="rk-button" type="submit">
            {ctx.t('配信を停止する', 'Stop the mail')}
          </button>
        </div>
      </form>
    </Layout>
  );
}

export function UnsubscribeDonePage({ ctx, scope }: { ctx: PageContext; scope: UnsubscribeScope }): JSX.Element {
  const title = ctx.t('通知メールの配信を停止しました', 'Notification mail stopped');
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="rk-heading-1">{title}</h1>
      <p safe>{ctx.tFormat(`${scopeText(ctx, scope)}を今後お送りしません。`, `You will no longer receive ${scopeText(ctx, scope)}.`)}</p>
      <p>
        {ctx.t('再開するときは、ログインしてマイページの「通知メールの設定」で頻度を選び直してください。', 'To receive it again, sign in and choose a frequency under Notification mail settings on your page.')}{' '}
        <a href="/member/notifications/settings">{ctx.t('通知メールの設定', 'Notification mail settings')}</a>
      </p>
    </Layout>
  );
}

/** A forged, altered or outdated link (400). */
export function UnsubscribeInvalidPage({ ctx }: { ctx: PageContext }): JSX.Element {
  const title = ctx.t('配信停止のリンクが正しくありません', 'This unsubscribe link is not valid');
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="rk-heading-1">{title}</h1>
      <p>
        {ctx.t(
          'リンクが途中で切れているか、書き換えられている可能性があります。メールに記載されたアドレスを、改行を含めずにそのまま開いてください。解決しない場合は、ログインしてマイページの「通知メールの設定」から変更できます。',
          'The link may have been cut off or altered. Open the address in the mail exactly as written, without line breaks. Otherwise, sign in and change Notification mail settings on your page.',
        )}
      </p>
      <p>
        <a href="/member/notifications/settings">{ctx.t('通知メールの設定', 'Notification mail settings')}</a>
      </p>
    </Layout>
  );
}

