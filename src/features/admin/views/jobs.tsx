// The job queue seen by the secretariat (/admin/jobs): how many jobs wait, run or failed for good,
// and each dead job's last error, with a button to run it again once the cause is fixed (e.g. the
// mail server was down for hours).
import type { JobStatus } from '../../../db/schema.ts';
import type { PageContext } from '../../../views/context.ts';
import { CsrfField, SuccessNotice } from '../../../views/components/form-fields.tsx';
import { formatCount, formatDateTime } from '../../../views/format.ts';
import { AdminLayout } from './shared.tsx';

export interface JobsPageProps {
  ctx: PageContext;
  counts: Array<{ kind: string; status: JobStatus; count: number }>;
  dead: Array<{ id: string; kind: string; attempts: number; lastError: string; finishedAt: string | null; createdAt: string }>;
  done?: 'retried';
}

function kindText(ctx: PageContext, kind: string): string {
  if (kind === 'notification-mail') return ctx.t('通知メール（すぐに）', 'Notification mail (immediate)');
  if (kind === 'notification-digest') return ctx.t('通知メール（まとめ）', 'Notification mail (digest)');
  return kind;
}

function statusText(ctx: PageContext, status: JobStatus): string {
  const labels: Record<JobStatus, { ja: string; en: string }> = {
    queued: { ja: '待機中', en: 'Waiting' },
    running: { ja: '処理中', en: 'Running' },
    done: { ja: '完了', en: 'Done' },
    dead: { ja: '失敗（再試行終了）', en: 'Failed (no more retries)' },
    cancelled: { ja: '取り消し', en: 'Cancelled' },
  };
  return ctx.tFormat(labels[status].ja, labels[status].en);
}

export function JobsPage({ ctx, counts, dead, done }: JobsPageProps): JSX.Element {
  const title = ctx.t('メール送信などの処理状況', 'Background jobs');
  return (
    <AdminLayout ctx={ctx} title={title} current="jobs">
      <h1 class="rk-heading-1">{title}</h1>
      <SuccessNotice message={done === 'retried' ? ctx.t('処理をもう一度実行するよう登録しました。', 'The job was queued again.') : undefined} />
      <p>
        {ctx.t(
          '通知メールなどは、画面の操作とは別に順番に処理します。失敗した処理は間隔をあけて自動で再試行し、それでも失敗したものを下に表示します。',
          'Notification mail and similar work runs apart from page requests. Failed jobs are retried automatically with growing intervals; those that still failed are listed below.',
        )}
      </p>
      <section class="rk-section" aria-labelledby="jobs-counts">
        <h2 id="jobs-counts" class="rk-heading-2">
          {ctx.t('件数', 'Counts')}
        </h2>
        {counts.length === 0 ? (
          <p>{ctx.t('待機中・処理中・失敗の処理はありません。', 'No waiting, running or failed jobs.')}</p>
        ) : (
          <div class="rk-table-wrap" role="region" aria-labelledby="jobs-counts" tabindex="0">
            <table class="rk-table">
              <thead>
                <tr>
                  <th scope="col">{ctx.t('処理の種類', 'Kind')}</th>
                  <th scope="col">{ctx.t('状態', 'Status')}</th>
                  <th scope="col">{ctx.t('件数', 'Count')}</th>
                </tr>
              </thead>
              <tbody>
                {counts.map((c) => (
                  <tr>
                    <td safe>{kindText(ctx, c.kind)}</td>
                    <td safe>{statusText(ctx, c.status)}</td>
                    <td class="rk-number" safe>
                      {formatCount(c.count)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section class="rk-section" aria-labelledby="jobs-dead">
        <h2 id="jobs-dead" class="rk-heading-2">
          {ctx.t('失敗した処理（新しい順に50件まで）', 'Failed jobs (latest 50)')}
        </h2>
        {dead.length === 0 ? (
          <p>{ctx.t('失敗した処理はありません。', 'No failed jobs.')}</p>
        ) : (
          <ul class="rk-news-list">
            {dead.map((j) => (
              <li class="rk-news-item">
                <p class="rk-news-item__meta">
                  <span safe>{kindText(ctx, j.kind)}</span>
                  <span safe>{ctx.tFormat(`試行 ${j.attempts}回`, `${j.attempts} attempts`)}</span>
                  <span safe>{ctx.tFormat(`登録 ${formatDateTime(ctx, j.createdAt)}`, `Queued ${formatDateTime(ctx, j.createdAt)}`)}</span>
                  {j.finishedAt ? <span safe>{ctx.tFormat(`最終 ${formatDateTime(ctx, j.finishedAt)}`, `Last ${formatDateTime(ctx, j.finishedAt)}`)}</span> : ''}
                </p>
                <p class="rk-break" safe>
                  {j.lastError || '—'}
                </p>
                <form action={`/admin/jobs/${j.id}/retry`} method="post">
                  <CsrfField ctx={ctx} />
                  <button class="rk-button rk-button--secondary" type="submit">
                    {ctx.t('もう一度実行する', 'Run again')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </AdminLayout>
  );
}
