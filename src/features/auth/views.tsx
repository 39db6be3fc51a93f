// Sign-in pages: login, the second factor, forgotten password and the reset form. Every page works
// without JavaScript; errors follow the house pattern (summary first, message beside the field).
import type { Children } from '@kitajs/html';
import type { PageContext } from '../../views/context.ts';
import { ErrorSummary, type FieldError } from '../../views/components/error-summary.tsx';
import { CsrfField, SuccessNotice, TextField } from '../../views/components/form-fields.tsx';
import { Layout } from '../../views/layout.tsx';
import { forgotIds, loginIds, resetIds, twoFactorIds, type LoginInput, type ResetInput } from './form.ts';

// `autofocus` works on any focusable element without JavaScript; the JSX types only allow it on
// form controls, hence the spread (as in ErrorSummary).
const focusOnLoad: Record<string, unknown> = { autofocus: true };

/** A problem that is not about one field (wrong password, too many attempts, account state). */
export interface PageAlert {
  title: string;
  message: string;
  /** An optional way forward, e.g. to the email confirmation page. */
  link?: { href: string; label: string };
}

function Alert({ alert }: { alert?: PageAlert }): JSX.Element {
  if (!alert) return '';
  return (
    <div class="rk-error-summary" role="region" tabindex="-1" aria-labelledby="alert-title" {...focusOnLoad}>
      <div role="alert">
        <h2 id="alert-title" class="rk-error-summary__title" safe>
          {alert.title}
        </h2>
        <p safe>{alert.message}</p>
        {alert.link ? (
          <p>
            <a href={alert.link.href} safe>
              {alert.link.label}
            </a>
          </p>
        ) : (
          ''
        )}
      </div>
    </div>
  );
}

function errorFor(errors: FieldError[], id: string): string | undefined {
  return errors.find((e) => e.field === id)?.message;
}

function AuthLayout(props: { ctx: PageContext; title: string; failed: boolean; children?: Children }): JSX.Element {
  const { ctx, title } = props;
  return (
    <Layout
      ctx={ctx}
      title={props.failed ? ctx.tFormat(`エラー：${title}`, `Error: ${title}`) : title}
      breadcrumbs={[{ href: '/', label: ctx.t('トップ', 'Home') }, { label: title }]}
    >
      <h1 class="rk-heading-1" safe>
        {title}
      </h1>
      {props.children}
    </Layout>
  );
}

// ---- /login -------------------------------------------------------------------------------

export interface LoginPageProps {
  ctx: PageContext;
  input: LoginInput;
  errors?: FieldError[];
  alert?: PageAlert;
  notice?: string;
}

export function LoginPage({ ctx, input, errors = [], alert, notice }: LoginPageProps): JSX.Element {
  return (
    <AuthLayout ctx={ctx} title={ctx.t('ログイン', 'Sign in')} failed={errors.length > 0 || alert !== undefined}>
      <SuccessNotice message={notice} />
      <Alert alert={alert} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="rk-lead">
        {ctx.t(
          '会員専用ページを利用するには、登録したメールアドレスとパスワードでログインしてください。',
          'Sign in with the email address and password you registered to use the members’ pages.',
        )}
      </p>
      <form class="rk-form" action="/login" method="post" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="next" value={input.next} />
        <TextField
          ctx={ctx}
          id={loginIds.email}
          name="email"
          type="email"
          label={ctx.t('メールアドレス', 'Email address')}
          value={input.email}
          autocomplete="username"
          maxlength={254}
          error={errorFor(errors, loginIds.email)}
        />
        <TextField
          ctx={ctx}
          id={loginIds.password}
          name="password"
          type="password"
          label={ctx.t('パスワード', 'Password')}
          autocomplete="current-password"
          error={errorFor(errors, loginIds.password)}
        />
        <div class="rk-actions">
          <button class="rk-button" type="submit">
            {ctx.t('ログイン', 'Sign in')}
          </button>
        </div>
      </form>
      <section class="rk-section" aria-labelledby="login-help">
        <h2 id="login-help" class="rk-heading-2">
          {ctx.t('ログインできない方', 'Cannot sign in?')}
        </h2>
        <ul>
          <li>
            <a href="/password/forgot">{ctx.t('パスワードをお忘れの方（パスワードの再設定）', 'Forgotten your password? Reset it')}</a>
          </li>
          <li>
            <a href="/register">{ctx.t('会員登録がお済みでない方（会員登録・無料）', 'Not a member yet? Register (free)')}</a>
          </li>
        </ul>
        <p class="rk-note">
          {ctx.t(
            '不正なログインを防ぐため、同じネットワーク（IPアドレス）からのログインの失敗は、同じアカウントについて15分間に10回まで、全体で15分間に30回までとしています。上限に達しても、ほかの場所からのご本人のログインは制限されません。失敗が続いているアカウントでは、応答が少し遅くなることがあります。',
            'To stop password guessing, failed sign-ins from one network (IP address) are limited to 10 per account and 30 in all every 15 minutes. Reaching the limit never blocks the account’s owner signing in from elsewhere; an account with many failures may answer a little more slowly.',
          )}
        </p>
      </section>
    </AuthLayout>
  );
}

// ---- /login/two-factor ----------------------------------------------------------------------

export interface TwoFactorPageProps {
  ctx: PageContext;
  next: string;
  errors?: FieldError[];
  alert?: PageAlert;
}

export function TwoFactorPage({ ctx, next, errors = [], alert }: TwoFactorPageProps): JSX.Element {
  return (
    <AuthLayout ctx={ctx} title={ctx.t('2段階認証', 'Two-step verification')} failed={errors.length > 0 || alert !== undefined}>
      <Alert alert={alert} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="rk-lead">
        {ctx.t(
          'パスワードを確認しました。認証アプリに表示されている6桁の確認コードを入力してください。',
          'Your password is correct. Enter the 6-digit code shown in your authenticator app.',
        )}
      </p>
      <form class="rk-form" action="/login/two-factor" method="post" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="next" value={next} />
        <TextField
          ctx={ctx}
          id={twoFactorIds.code}
          name="code"
          label={ctx.t('確認コード', 'Code')}
          hint={ctx.t(
            '認証アプリを使えないときは、2段階認証の設定時に控えたバックアップコード（例：abcde-fghjk）を入力できます。バックアップコードは1回ずつしか使えません。',
            'If you cannot use the app, enter one of the backup codes you saved (e.g. abcde-fghjk). Each backup code works once.',
          )}
          autocomplete="one-time-code"
          maxlength={20}
          width="short"
          error={errorFor(errors, twoFactorIds.code)}
        />
        <div class="rk-actions">
          <button class="rk-button" type="submit">
            {ctx.t('確認してログイン', 'Verify and sign in')}
          </button>
          <a href="/login">{ctx.t('最初からやり直す', 'Start again')}</a>
        </div>
      </form>
      <p class="rk-note">
        {ctx.t(
          '認証アプリもバックアップコードも使えなくなった場合は、ページ下部の会員登録のお問い合わせ先にご連絡ください。',
          'If you can use neither the app nor a backup code, contact us using the members’ site details at the bottom of the page.',
        )}
      </p>
    </AuthLayout>
  );
}

// ---- /password/forgot -----------------------------------------------------------------------

export interface ForgotPageProps {
  ctx: PageContext;
  email: string;
  errors?: FieldError[];
  alert?: PageAlert;
}

export function ForgotPasswordPage({ ctx, email, errors = [], alert }: ForgotPageProps): JSX.Element {
  return (
    <AuthLayout ctx={ctx} title={ctx.t('パスワードの再設定', 'Reset your password')} failed={errors.length > 0 || alert !== undefined}>
      <Alert alert={alert} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="rk-lead">
        {ctx.t(
          '登録したメールアドレスを入力してください。パスワードを再設定するための6桁の確認コードをメールでお送りします。',
          'Enter the email address you registered. We will email you a 6-digit code to reset your password.',
        )}
      </p>
      <form class="rk-form" action="/password/forgot" method="post" novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          id={forgotIds.email}
          name="email"
          type="email"
          label={ctx.t('メールアドレス', 'Email address')}
          value={email}
          autocomplete="email"
          maxlength={254}
          error={errorFor(errors, forgotIds.email)}
        />
        <div class="rk-actions">
          <button class="rk-button" type="submit">
            {ctx.t('確認コードを送信', 'Send the code')}
          </button>
        </div>
      </form>
      <p class="rk-note">
        {ctx.t(
          '確認コードの送信は、同じネットワーク（IPアドレス）から同じメールアドレスへは1時間に5回まで、全体で1時間に10回までです。同じメールアドレスへお送りするメールは1時間に5通までで、それを超えた場合は最後にお送りした確認コードをお使いください。',
          'Codes can be requested from one network (IP address) 5 times an hour per address and 10 times in all. At most 5 mails an hour go to one address; beyond that, use the last code we sent.',
        )}
      </p>
      <ul>
        <li>
          <a href="/password/reset">{ctx.t('確認コードを受け取った方（新しいパスワードの設定）', 'Already have a code? Set a new password')}</a>
        </li>
        <li>
          <a href="/login">{ctx.t('ログイン画面へ戻る', 'Back to sign in')}</a>
        </li>
        <li>
          <a href="/register">{ctx.t('会員登録がお済みでない方（会員登録・無料）', 'Not a member yet? Register (free)')}</a>
        </li>
      </ul>
    </AuthLayout>
  );
}

// ---- /password/reset ------------------------------------------------------------------------

export interface ResetPageProps {
  ctx: PageContext;
  input: ResetInput;
  errors?: FieldError[];
  alert?: PageAlert;
  notice?: string;
  /** The code is used up or expired: offer to send a new one. */
  offerNewCode?: boolean;
}

export function ResetPasswordPage({ ctx, input, errors = [], alert, notice, offerNewCode }: ResetPageProps): JSX.Element {
  return (
    <AuthLayout ctx={ctx} title={ctx.t('新しいパスワードの設定', 'Set a new password')} failed={errors.length > 0 || alert !== undefined}>
      <SuccessNotice message={notice} />
      <Alert alert={alert} />
      <ErrorSummary ctx={ctx} errors={errors} />
      {offerNewCode ? (
        <p>
          <a href="/password/forgot">{ctx.t('確認コードをもう一度送信する', 'Send a new code')}</a>
        </p>
      ) : (
        ''
      )}
      <p class="rk-lead">
        {ctx.t(
          'メールでお送りした6桁の確認コードと、新しいパスワードを入力してください。確認コードの有効期限は送信から10分です。',
          'Enter the 6-digit code we emailed you and your new password. The code is valid for 10 minutes.',
        )}
      </p>
      <form class="rk-form" action="/password/reset" method="post" novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          id={resetIds.email}
          name="email"
          type="email"
          label={ctx.t('メールアドレス', 'Email address')}
          value={input.email}
          autocomplete="username"
          maxlength={254}
          error={errorFor(errors, resetIds.email)}
        />
        <TextField
          ctx={ctx}
          id={resetIds.code}
          name="code"
          label={ctx.t('確認コード（6桁の数字）', 'Code (6 digits)')}
          value={input.code}
          autocomplete="one-time-code"
          inputmode="numeric"
          maxlength={7}
          width="short"
          error={errorFor(errors, resetIds.code)}
        />
        <TextField
          ctx={ctx}
          id={resetIds.password}
          name="password"
          type="password"
          label={ctx.t('新しいパスワード', 'New password')}
          hint={ctx.t(
            '8文字以上128文字以内。英字・数字・記号の組合せの決まりはありません。長めの文章のようなパスワードがおすすめです。よく使われているパスワードは使用できません。',
            '8 to 128 characters, no rules about letters, digits or symbols. A long passphrase is best. Common passwords are refused.',
          )}
          autocomplete="new-password"
          maxlength={128}
          error={errorFor(errors, resetIds.password)}
        />
        <TextField
          ctx={ctx}
          id={resetIds.passwordConfirm}
          name="passwordConfirm"
          type="password"
          label={ctx.t('新しいパスワード（確認）', 'New password again')}
          autocomplete="new-password"
          maxlength={128}
          error={errorFor(errors, resetIds.passwordConfirm)}
        />
        <TextField
          ctx={ctx}
          id={resetIds.secondFactor}
          name="secondFactor"
          label={ctx.t('2段階認証の確認コード', 'Two-step verification code')}
          hint={ctx.t(
            '2段階認証を設定している方のみ入力してください。認証アプリの6桁の確認コード、またはバックアップコードを入力します。パスワードを再設定しても2段階認証は解除されません。',
            'Only if you use two-step verification: the 6 digits from your authenticator app, or a backup code. Resetting the password does not turn two-step verification off.',
          )}
          autocomplete="off"
          maxlength={20}
          width="short"
          error={errorFor(errors, resetIds.secondFactor)}
        />
        <div class="rk-actions">
          <button class="rk-button" type="submit">
            {ctx.t('パスワードを再設定する', 'Reset the password')}
          </button>
        </div>
      </form>
      <p class="rk-note">
        {ctx.t(
          '確認コードは5回まで入力できます（2段階認証のコードの誤りも数えます）。5回間違えた場合や有効期限が切れた場合は、確認コードをもう一度送信してください。同じネットワーク（IPアドレス）からの入力は、同じメールアドレスについて15分間に10回まで、全体で15分間に30回までです。この制限はログインの制限とは別で、ご本人のログインには影響しません。',
          'A code can be entered 5 times (wrong two-step verification codes count too); after that, or when it has expired, request a new one. From one network (IP address), codes can be entered 10 times per address and 30 times in all every 15 minutes. These limits are separate from the sign-in limits and never block the owner signing in.',
        )}
      </p>
      <ul>
        <li>
          <a href="/password/forgot">{ctx.t('確認コードが届かない・期限が切れた方（確認コードの再送信）', 'No code, or code expired? Send a new one')}</a>
        </li>
        <li>
          <a href="/login">{ctx.t('ログイン画面へ戻る', 'Back to sign in')}</a>
        </li>
      </ul>
    </AuthLayout>
  );
}
