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

/** `detail` replaces the general advice with what went wrong and what to do (client errors). */
export function ErrorPage({ ctx, status, reason, detail }: { ctx: PageContext; status: number; reason?: 'csrf'; detail?: string }): JSX.Element {
  const clientError = status >= 400 && status < 500;
  if (reason === 'csrf') return <CsrfErrorPage ctx={ctx} />;
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
