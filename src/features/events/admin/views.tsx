// The secretariat's event pages: the list of every event (by status), the review queue with its
// publish / return forms, and the links to import and harvested feeds.
import type { EventStatus } from '../../../db/schema.ts';
import { ErrorSummary, type FieldError } from '../../../views/components/error-summary.tsx';
import { CsrfField, SuccessNotice } from '../../../views/components/form-fields.tsx';
import { pageCount, Pagination, resultRangeText } from '../../../views/components/pagination.tsx';
import type { PageContext } from '../../../views/context.ts';
import { formatDateTime } from '../../../views/format.ts';
import { Layout } from '../../../views/layout.tsx';
import { EventMarks, eventDateText } from '../labels.tsx';
import type { Event } from '../record.ts';
import { eventStatuses, provenanceLabel, statusLabel } from '../vocabulary.ts';

export const adminCrumbs = (ctx: PageContext) => [
  { href: '/admin', label: ctx.t('事務局', 'Secretariat') },
  { href: '/admin/events', label: ctx.t('イベントの管理', 'Events') },
];

export function AdminNav({ ctx, current }: { ctx: PageContext; current: 'list' | 'review' | 'import' | 'feeds' }): JSX.Element {
  const items = [
    { id: 'list', href: '/admin/events', label: ctx.t('イベント一覧', 'All events') },
    { id: 'review', href: '/admin/events/review', label: ctx.t('審査待ち', 'Review queue') },
    { id: 'import', href: '/admin/events/import', label: ctx.t('ファイルの取り込み', 'Import a file') },
    { id: 'feeds', href: '/admin/events/feeds', label: ctx.t('自治体データの収集', 'Harvested feeds') },
  ] as const;
  return (
    <nav class="rk-tabs" aria-label={ctx.t('イベントの管理', 'Event administration')}>
      <ul class="rk-tabs__list">
        {items.map((i) => (
          <li>
            <a class="rk-tabs__link" href={i.href} aria-current={i.id === current ? 'page' : undefined}>
              {i.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function AdminListPage(p: { ctx: PageContext; status: EventStatus | ''; page: number; pageSize: number; total: number; rows: Event[]; notice?: string; pendingCount: number }): JSX.Element {
  const { ctx } = p;
  const title = ctx.t('イベントの管理', 'Events');
  const href = (page: number) => `/admin/events?${new URLSearchParams({ ...(p.status ? { status: p.status } : {}), ...(page > 1 ? { page: String(page) } : {}) }).toString()}`;
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={[{ href: '/admin', label: ctx.t('事務局', 'Secretariat') }, { label: title }]}>
      <h1 class="rk-heading-1">{title}</h1>
      <AdminNav ctx={ctx} current="list" />
      <SuccessNotice message={p.notice} />
      <p class="rk-actions">
        <a class="rk-button" href="/admin/events/new">
          {ctx.t('イベントを登録する', 'Add an event')}
        </a>
        {p.pendingCount > 0 ? (
          <a class="rk-button rk-button--secondary" href="/admin/events/review" safe>
            {ctx.tFormat(`審査待ち ${p.pendingCount}件`, `${p.pendingCount} awaiting review`)}
          </a>
        ) : (
          ''
        )}
      </p>
      <form class="rk-filter" action="/admin/events" method="get" aria-label={ctx.t('状態で絞り込み', 'Filter by status')}>
        <div class="rk-field">
          <label class="rk-label" for="filter-status">
            {ctx.t('状態', 'Status')}
          </label>
          <select id="filter-status" class="rk-select" name="status">
            <option value="">{ctx.t('すべて', 'All')}</option>
            {eventStatuses.map((s) => (
              <option value={s} selected={s === p.status} safe>
                {statusLabel(ctx, s)}
              </option>
            ))}
          </select>
        </div>
        <div class="rk-filter__actions">
          <button class="rk-button" type="submit">
            {ctx.t('この条件で表示', 'Apply')}
          </button>
        </div>
      </form>
      <p class="rk-result-count" role="status" safe>
        {resultRangeText(ctx, p.total, p.page, p.pageSize, ctx.t('該当するイベントはありません。', 'No events.'))}
      </p>
      {p.rows.length > 0 ? (
        <div class="rk-table-wrap">
          <table class="rk-table">
            <caption class="rk-visually-hidden">{ctx.t('イベントの一覧', 'List of events')}</caption>
            <thead>
              <tr>
                <th scope="col">{ctx.t('日時', 'When')}</th>
                <th scope="col">{ctx.t('イベント名', 'Title')}</th>
                <th scope="col">{ctx.t('状態', 'Status')}</th>
                <th scope="col">{ctx.t('出所', 'Source')}</th>
                <th scope="col">{ctx.t('操作', 'Actions')}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((e) => (
                <tr>
                  <td safe>{eventDateText(ctx, e)}</td>
                  <td>
                    <span safe>{e.title}</span>
                    <EventMarks ctx={ctx} provenance={e.provenance} />
                  </td>
                  <td safe>{statusLabel(ctx, e.status)}</td>
                  <td safe>{provenanceLabel(ctx, e.provenance)}</td>
                  <td>
                    <ul class="rk-row-actions">
                      <li>
                        <a href={`/admin/events/${e.id}/edit`}>
                          {ctx.t('編集', 'Edit')}
                          <span class="rk-visually-hidden" safe>{`：${e.title}`}</span>
                        </a>
                      </li>
                      <li>
                        <a href={`/admin/events/${e.id}/preview`}>
                          {ctx.t('確認', 'Preview')}
                          <span class="rk-visually-hidden" safe>{`：${e.title}`}</span>
                        </a>
                      </li>
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        ''
      )}
      <Pagination ctx={ctx} page={p.page} pages={pageCount(p.total, p.pageSize)} hrefFor={href} />
    </Layout>
  );
}

export function DecisionForms({ ctx, event: e, errors = [], reason = '' }: { ctx: PageContext; event: Event; errors?: FieldError[]; reason?: string }): JSX.Element {
  const reasonId = `reason-${e.id}`;
  const error = errors.find((x) => x.field === reasonId)?.message;
  return (
    <div class="rk-decision">
      <form action={`/admin/events/${e.id}/publish`} method="post">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="updatedAt" value={e.updatedAt} />
        <button class="rk-button" type="submit">
          {ctx.t('公開する', 'Publish')}
          <span class="rk-visually-hidden" safe>{`：${e.title}`}</span>
        </button>
      </form>
      <form action={`/admin/events/${e.id}/return`} method="post">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="updatedAt" value={e.updatedAt} />
        <div class="rk-field">
          <label class="rk-label" for={reasonId}>
            {ctx.t('差し戻す理由（投稿者にメールで伝えます）', 'Reason for returning it (mailed to the submitter)')}
          </label>
          {error ? (
            <p id={`${reasonId}-error`} class="rk-field-error">
              <span class="rk-visually-hidden">{ctx.t('エラー：', 'Error: ')}</span>
              <span safe>{error}</span>
            </p>
          ) : (
            ''
          )}
          <textarea id={reasonId} class="rk-input" name="reason" rows="3" aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${reasonId}-error` : undefined} safe>
            {reason}
          </textarea>
        </div>
        <button class="rk-button rk-button--secondary" type="submit">
          {ctx.t('差し戻す', 'Return')}
          <span class="rk-visually-hidden" safe>{`：${e.title}`}</span>
        </button>
      </form>
    </div>
  );
}

export function ReviewPage(p: { ctx: PageContext; rows: Event[]; notice?: string; errors?: FieldError[]; failedId?: string; reason?: string; conflict?: string }): JSX.Element {
  const { ctx } = p;
  const title = ctx.t('審査待ちのイベント', 'Events awaiting review');
  return (
    <Layout ctx={ctx} title={(p.errors ?? []).length > 0 ? ctx.tFormat(`エラー：${title}`, `Error: ${title}`) : title} breadcrumbs={[...adminCrumbs(ctx), { label: title }]}>
      <h1 class="rk-heading-1">{title}</h1>
      <AdminNav ctx={ctx} current="review" />
      <SuccessNotice message={p.notice} />
      <ErrorSummary ctx={ctx} errors={p.errors ?? []} />
      {p.conflict ? (
        <div class="rk-notice rk-notice--warning" role="alert" safe>
          {p.conflict}
        </div>
      ) : (
        ''
      )}
      {p.rows.length === 0 ? <p>{ctx.t('審査待ちのイベントはありません。', 'Nothing awaits review.')}</p> : ''}
      <ul class="rk-record-list">
        {p.rows.map((e) => (
          <li class="rk-record-list__item">
            <h2 class="rk-heading-3" safe>
              {e.title}
            </h2>
            <p safe>{eventDateText(ctx, e)}</p>
            <p safe>{ctx.tFormat(`自治体：${e.municipalities.map((m) => m.name).join('、') || '—'}　送信：${formatDateTime(ctx, e.updatedAt)}`, `Municipalities: ${e.municipalities.map((m) => m.name).join(', ') || '—'}; sent ${formatDateTime(ctx, e.updatedAt)}`)}</p>
            <p>
              <a href={`/admin/events/${e.id}/preview`}>
                {ctx.t('内容を確認する', 'Preview')}
                <span class="rk-visually-hidden" safe>{`：${e.title}`}</span>
              </a>
              {' ・ '}
              <a href={`/admin/events/${e.id}/edit`}>
                {ctx.t('編集する', 'Edit')}
                <span class="rk-visually-hidden" safe>{`：${e.title}`}</span>
              </a>
            </p>
            <DecisionForms ctx={ctx} event={e} errors={p.failedId === e.id ? p.errors : []} reason={p.failedId === e.id ? p.reason : ''} />
          </li>
        ))}
      </ul>
    </Layout>
  );
}
