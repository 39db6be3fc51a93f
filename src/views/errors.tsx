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

export function ErrorPage({ ctx, status }: { ctx: PageContext; status: number }): JSX.Element {
  const clientError = status >= 400 && status < 500;
  const title = clientError
    ? ctx.t('リクエストを処理できませんでした', 'The request could not be processed')
    : ctx.t('システムエラーが発生しました', 'A system error occurred');
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="rk-heading-1">
        {title}
      </h1>
      <p>
        {clientError
          ? ctx.t('入力内容やアドレスをご確認のうえ、もう一度お試しください。', 'Please check the address or your input and try again.')
          : ctx.t(
              'ご不便をおかけしています。時間をおいてもう一度お試しください。解決しない場合はページ下部のお問い合わせ先までご連絡ください。',
              'Sorry for the inconvenience. Please try again later, or contact us using the details at the bottom of the page.',
            )}
      </p>
      <p class="rk-muted">
        {ctx.t('エラーコード', 'Error code')}: <span safe>{String(status)}</span>
      </p>
      <p>
        <a href="/">{ctx.t('トップページへ戻る', 'Back to the home page')}</a>
      </p>
    </Layout>
  );
}
