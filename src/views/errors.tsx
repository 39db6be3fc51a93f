// Error pages in Japanese (and English on request). Never shows a stack trace.
import type { PageContext } from './context.ts';
import { Layout } from './layout.tsx';

export function NotFoundPage({ ctx, detail }: { ctx: PageContext; detail?: string }): JSX.Element {
  return (
    <Layout ctx={ctx} title={ctx.t('ページが見つかりません', 'Page not found')}>
      <h1 class="rk-heading-1">{ctx.t('ページが見つかりません', 'Page not found')}</h1>
      {detail ? (
        <p class="rk-lead" safe>
          {detail}
        </p>
      ) : (
        ''
      )}
      <p>
        {ctx.t(
          'お探しのページは移動または削除されたか、アドレスが間違っている可能性があります。',
          'The page may have moved or been removed, or the address may be mistyped.',
        )}
      </p>
      <ul>
        <li>
          <a href="/">{ctx.t('トップページへ戻る', 'Back to the home page')}</a>
        </li>
        <li>
          <a href="/municipalities">{ctx.t('全国の自治体をさがす', 'Find a municipality')}</a>
        </li>
      </ul>
    </Layout>
  );
}

/**
 * `detail` replaces the general advice with what went wrong and what to do (client errors).
 * `reason` 'unavailable' / 'storage-full': the database cannot serve right now (a 503, see
 * src/db/unavailable.ts).
 */
export function ErrorPage({ ctx, status, reason, detail }: { ctx: PageContext; status: number; reason?: 'csrf' | 'unavailable' | 'storage-full'; detail?: string }): JSX.Element {
  const clientError = status >= 400 && status < 500;
  if (reason === 'csrf') return <CsrfErrorPage ctx={ctx} />;
  if (reason === 'unavailable' || reason === 'storage-full') return <UnavailablePage ctx={ctx} storageFull={reason === 'storage-full'} />;
  if (status === 403) return <ForbiddenPage ctx={ctx} />;
  const title = clientError
    ? ctx.t('リクエストを処理できませんでした', 'The request could not be processed')
    : ctx.t('システムエラーが発生しました', 'A system error occurred');
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="rk-heading-1">
        {title}
      </h1>
      {clientError && detail ? (
        <p safe>{detail}</p>
      ) : (
        <p>
          {clientError
            ? ctx.t('入力内容やアドレスをご確認のうえ、もう一度お試しください。', 'Please check the address or your input and try again.')
            : ctx.t(
                'ご不便をおかけしています。時間をおいてもう一度お試しください。解決しない場合はページ下部のお問い合わせ先までご連絡ください。',
                'Sorry for the inconvenience. Please try again later, or contact us using the details at the bottom of the page.',
              )}
        </p>
      )}
      <p class="rk-muted">
        {ctx.t('エラーコード', 'Error code')}: <span safe>{String(status)}</span>
      </p>
      <p>
        <a href="/">{ctx.t('トップページへ戻る', 'Back to the home page')}</a>
      </p>
    </Layout>
  );
}

function ForbiddenPage({ ctx }: { ctx: PageContext }): JSX.Element {
  return (
    <Layout ctx={ctx} title={ctx.t('このページを利用する権限がありません', 'You do not have permission')}>
      <h1 class="rk-heading-1">{ctx.t('このページを利用する権限がありません', 'You do not have permission')}</h1>
      <p>
        {ctx.t(
          'ご利用のアカウントでは、この操作は行えません。必要な場合は事務局にお問い合わせください。',
          'Your account cannot do this. Please contact the secretariat if you need to.',
        )}
      </p>
      <p>
        <a href="/member">{ctx.t('マイページへ戻る', 'Back to my page')}</a>
      </p>
    </Layout>
  );
}

function CsrfErrorPage({ ctx }: { ctx: PageContext }): JSX.Element {
  return (
    <Layout ctx={ctx} title={ctx.t('送信を受け付けられませんでした', 'The form could not be accepted')}>
      <h1 class="rk-heading-1">{ctx.t('送信を受け付けられませんでした', 'The form could not be accepted')}</h1>
      <p>
        {ctx.t(
          'フォームの有効期限が切れたか、別の画面から送信された可能性があります。お手数ですが、前の画面に戻って再読み込みしてから、もう一度送信してください。',
          'The form may have expired or been sent from elsewhere. Please go back, reload the page and submit it again.',
        )}
      </p>
    </Layout>
  );
}

/** The database is down, restarting, locked or full: nothing was lost, try again shortly. */
function UnavailablePage({ ctx, storageFull }: { ctx: PageContext; storageFull: boolean }): JSX.Element {
  const title = ctx.t('ただいま一時的にご利用いただけません', 'Temporarily unavailable');
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="rk-heading-1">{title}</h1>
      <p>
        {storageFull
          ? ctx.t(
              'サーバーの保存領域が不足しているため、この操作を保存できませんでした。入力した内容は保存されていません。管理者が対応するまで、しばらくしてからもう一度お試しください。',
              'The server has run out of storage, so this could not be saved. Nothing you entered was saved. Please try again later, once the administrators have fixed it.',
            )
          : ctx.t(
              'データベースに一時的に接続できないため、ページを表示できませんでした。保存の操作だった場合、その内容は保存されていません。数十秒ほど待ってから、もう一度お試しください。',
              'The database cannot be reached for the moment, so the page could not be shown. If you were saving something, it was not saved. Please wait a few tens of seconds and try again.',
            )}
      </p>
      <p class="rk-muted">
        {ctx.t('エラーコード', 'Error code')}: <span>503</span>
      </p>
      <p>
        <a href="/">{ctx.t('トップページへ戻る', 'Back to the home page')}</a>
      </p>
    </Layout>
  );
}
