// The member area's pages (マイページ): pure functions of the data the routes load.
import type { Children } from '@kitajs/html';
import type { Role } from '../../db/schema.ts';
import type { PageContext } from '../../views/context.ts';
import { ErrorSummary, FieldErrorMessage, type FieldError } from '../../views/components/error-summary.tsx';
import { CsrfField, SuccessNotice, TextField } from '../../views/components/form-fields.tsx';
import { formatCount, formatDate, formatDateTime } from '../../views/format.ts';
import { Layout } from '../../views/layout.tsx';
import { profileLimits, type ProfileInput } from './form.ts';
import type { LiveSession, MemberProfile, MyMunicipality, SecurityAction, SecurityEvent } from './queries.ts';

// --- Shared pieces ---------------------------------------------------------------------------


function memberTitle(ctx: PageContext) {
  return ctx.t('マイページ', 'My page');
}

interface MemberLayoutProps {
  ctx: PageContext;
  /** The page's heading; omitted for the dashboard itself. */
  title?: string;
  errors?: FieldError[];
  children?: Children;
}

function MemberLayout({ ctx, title, errors = [], children }: MemberLayoutProps): JSX.Element {
  const home = { href: '/', label: ctx.t('トップ', 'Home') };
  const breadcrumbs = title ? [home, { href: '/member', label: memberTitle(ctx) }, { label: title }] : [home, { label: memberTitle(ctx) }];
  const pageTitle = title ?? memberTitle(ctx);
  return (
    <Layout ctx={ctx} title={errors.length > 0 ? ctx.tFormat(`エラー：${pageTitle}`, `Error: ${pageTitle}`) : pageTitle} section="none" breadcrumbs={breadcrumbs}>
      {children}
    </Layout>
  );
}

function errorOf(errors: FieldError[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}

function PasswordField({ ctx, id, label, errors, autocomplete, hint }: { ctx: PageContext; id: string; label: string; errors: FieldError[]; autocomplete: string; hint?: string }): JSX.Element {
  return (
    <TextField
      ctx={ctx}
      id={id}
      name={fieldName(id)}
      label={label}
      type="password"
      autocomplete={autocomplete}
      maxlength={256}
      required
      requiredMark
      hint={hint}
      error={errorOf(errors, id)}
    />
  );
}

/** The form field name each field id stands for. */
function fieldName(id: string): string {
  const names: Record<string, string> = {
    'password-current': 'current_password',
    'password-new': 'new_password',
    'password-confirm': 'confirm_password',
    'two-factor-password': 'current_password',
    'backup-password': 'current_password',
    'disable-password': 'current_password',
  };
  return names[id] ?? id;
}

function TwoFactorRequiredNotice({ ctx, onSetupPage = false }: { ctx: PageContext; onSetupPage?: boolean }): JSX.Element {
  return (
    <div class="rk-notice" role="region" aria-labelledby="two-factor-required">
      <h2 id="two-factor-required" class="rk-heading-2">
        {ctx.t('事務局アカウントは2段階認証の設定が必須です', 'Two-factor authentication is mandatory for secretariat accounts')}
      </h2>
      <p>
        {ctx.t(
          '2段階認証を設定するまで、事務局の管理画面は利用できません。',
          'The secretariat’s pages stay closed until two-factor authentication is set up.',
        )}
      </p>
      {onSetupPage ? (
        ''
      ) : (
        <p>
          <a class="rk-link-arrow" href="/member/two-factor">
            {ctx.t('2段階認証を設定する', 'Set up two-factor authentication')}
          </a>
        </p>
      )}
    </div>
  );
}

// --- Dashboard -------------------------------------------------------------------------------

const actionLabels: Record<SecurityAction, { ja: string; en: string }> = {
  'auth.sign_in': { ja: 'ログインしました', en: 'Signed in' },
  'auth.sign_in_failed': { ja: 'ログインに失敗しました', en: 'Failed sign-in attempt' },
  'auth.sign_in_locked': { ja: 'ログインが一時的に制限されました', en: 'Sign-in temporarily blocked' },
  'auth.password_changed': { ja: 'パスワードを変更しました', en: 'Password changed' },
  'auth.password_reset': { ja: 'パスワードを再設定しました', en: 'Password reset' },
  'auth.two_factor_enabled': { ja: '2段階認証を有効にしました', en: 'Two-factor authentication turned on' },
  'auth.two_factor_disabled': { ja: '2段階認証を無効にしました', en: 'Two-factor authentication turned off' },
  'auth.backup_codes_regenerated': { ja: 'バックアップコードを再発行しました', en: 'Backup codes regenerated' },
  'auth.backup_code_used': { ja: 'バックアップコードでログインしました', en: 'Signed in with a backup code' },
  'session.revoked': { ja: '他の端末をログアウトさせました', en: 'Signed out another device' },
};

export interface DashboardProps {
  ctx: PageContext;
  displayName: string;
  role: Role;
  twoFactorEnabled: boolean;
  municipality: MyMunicipality | undefined;
  events: SecurityEvent[];
  /** Notifications not yet read (shown next to the link to them). */
  unreadNotifications: number;
}

export function DashboardPage({ ctx, displayName, role, twoFactorEnabled, municipality, events, unreadNotifications }: DashboardProps): JSX.Element {
  const isSecretariat = role === 'secretariat';
  return (
    <MemberLayout ctx={ctx}>
      <h1 class="rk-heading-1">{memberTitle(ctx)}</h1>
      <p class="rk-lead" safe>
        {ctx.tFormat(`ようこそ、${displayName}さん。`, `Welcome, ${displayName}.`)}
      </p>
      {isSecretariat && !twoFactorEnabled ? <TwoFactorRequiredNotice ctx={ctx} /> : ''}

      <section class="rk-section" aria-labelledby="my-municipality">
        <h2 id="my-municipality" class="rk-heading-2">
          {isSecretariat ? ctx.t('所属', 'Affiliation') : ctx.t('所属する自治体', 'My municipality')}
        </h2>
        {isSecretariat ? (
          <>
            <p>{ctx.t('事務局', 'Secretariat')}</p>
            <p>
              <a class="rk-link-arrow" href="/admin">
                {ctx.t('事務局の管理画面へ', 'Go to the secretariat’s pages')}
              </a>
            </p>
          </>
        ) : municipality ? (
          <MunicipalityFacts ctx={ctx} municipality={municipality} />
        ) : (
          <p>{ctx.t('所属する自治体が登録されていません。事務局にお問い合わせください。', 'No municipality is recorded for your account. Please contact the secretariat.')}</p>
        )}
      </section>

      <section class="rk-section" aria-labelledby="portal-card">
        <h2 id="portal-card" class="rk-heading-2">
          {ctx.t('自治体PRページ・イベント', 'Municipality PR page and events')}
        </h2>
        {isSecretariat ? (
          <p>
            <a class="rk-link-arrow" href="/admin/pr">
              {ctx.t('自治体PRページの管理', 'PR pages')}
            </a>
          </p>
        ) : (
          <ul class="rk-link-list">
            <li>
              <a class="rk-link-arrow" href="/member/pr">
                {ctx.t('自治体のPRページを編集する', 'Edit your municipality’s PR page')}
              </a>
            </li>
            <li>
              <a class="rk-link-arrow" href="/member/events">
                {ctx.t('イベントを投稿する', 'Submit an event')}
              </a>
            </li>
          </ul>
        )}
      </section>

      <section class="rk-section" aria-labelledby="board-card">
        <h2 id="board-card" class="rk-heading-2">
          {ctx.t('会員掲示板', 'Members’ board')}
        </h2>
        <p>{ctx.t('東京23区と全国の会員自治体が、連携事業について情報を交換する場です。', 'Where the 23 wards and member municipalities exchange information on joint projects.')}</p>
        <p>
          <a class="rk-link-arrow" href="/board">
            {ctx.t('掲示板を開く', 'Open the board')}
          </a>
        </p>
      </section>

      <section class="rk-section" aria-labelledby="matching-card">
        <h2 id="matching-card" class="rk-heading-2">
          {ctx.t('連携先のマッチング', 'Partner matching')}
        </h2>
        <p>{ctx.t('提供できることと探していることを掲載すると、補い合える連携先の候補が理由とともに示されます。', 'List what you offer and seek; partners that complement you are suggested, with the reason.')}</p>
        <ul>
          <li>
            <a href="/matching">{ctx.t('掲載の一覧', 'All entries')}</a>
          </li>
          <li>
            <a href="/member/matching">{ctx.t('自分の自治体の掲載と連携先の候補', 'Your entries and suggested partners')}</a>
          </li>
        </ul>
      </section>

      <section class="rk-section" aria-labelledby="security-events">
        <h2 id="security-events" class="rk-heading-2">
          {ctx.t('お知らせ', 'Notices')}
        </h2>
        <p class="rk-muted">
          {ctx.t(
            'このアカウントの最近のログインや設定の変更です（最新5件）。心当たりのない記録があれば、パスワードを変更し、事務局にご連絡ください。',
            'Recent sign-ins and security changes of this account (latest 5). If you do not recognise one, change your password and contact the secretariat.',
          )}
        </p>
        {events.length > 0 ? (
          <ul>
            {events.map((e) => (
              <li>
                <time datetime={e.occurredAt} safe>
                  {formatDateTime(ctx, e.occurredAt)}
                </time>
                {ctx.t('　', ' — ')}
                <span safe>{ctx.tFormat(actionLabels[e.action].ja, actionLabels[e.action].en)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{ctx.t('お知らせはありません。', 'Nothing to show.')}</p>
        )}
      </section>

      <section class="rk-section" aria-labelledby="account-settings">
        <h2 id="account-settings" class="rk-heading-2">
          {ctx.t('アカウントの設定', 'Account settings')}
        </h2>
        <ul>
          <li>
            <a href="/member/profile">{ctx.t('登録情報の変更', 'Edit your details')}</a>
          </li>
          <li>
            <a href="/member/password">{ctx.t('パスワードの変更', 'Change your password')}</a>
          </li>
          <li>
            <a href="/member/two-factor">{ctx.t('2段階認証', 'Two-factor authentication')}</a>
            {twoFactorEnabled ? (
              <span class="rk-badge">{ctx.t('設定済み', 'On')}</span>
            ) : (
              <span class="rk-badge">{ctx.t('未設定', 'Off')}</span>
            )}
          </li>
          <li>
            <a href="/member/sessions">{ctx.t('ログイン中の端末', 'Signed-in devices')}</a>
          </li>
          <li>
            <a href="/member/notifications">{ctx.t('通知', 'Notifications')}</a>
            {unreadNotifications > 0 ? <span class="rk-badge" safe>{ctx.tFormat(`未読 ${formatCount(unreadNotifications)}件`, `${formatCount(unreadNotifications)} unread`)}</span> : ''}
          </li>
          <li>
            <a href="/member/notifications/settings">{ctx.t('通知メールの設定', 'Notification mail settings')}</a>
          </li>
        </ul>
      </section>
    </MemberLayout>
  );
}

function MunicipalityFacts({ ctx, municipality: m }: { ctx: PageContext; municipality: MyMunicipality }): JSX.Element {
  return (
    <dl class="rk-facts">
      <div class="rk-facts__row">
        <dt>{ctx.t('自治体名', 'Name')}</dt>
        <dd>
          <a href={`/municipalities/${m.code}`}>
            <span safe>{m.prefectureName && m.prefectureName !== m.name ? `${m.prefectureName} ${m.name}` : m.name}</span>
          </a>
          <span class="rk-kana" safe>
            （{m.kana}）
          </span>
        </dd>
      </div>
      <div class="rk-facts__row">
        <dt>{ctx.t('全国地方公共団体コード', 'Local government code')}</dt>
        <dd class="rk-table__code" safe>
          {m.code}
        </dd>
      </div>
      <div class="rk-facts__row">
        <dt>{ctx.t('会員登録', 'Membership')}</dt>
        <dd>
          {m.memberSince ? (
            <span safe>{ctx.tFormat(`会員登録自治体（${formatDate(ctx, m.memberSince)}から）`, `Registered member (since ${formatDate(ctx, m.memberSince)})`)}</span>
          ) : (
            ctx.t('会員登録自治体としての登録はまだありません。', 'Not yet recorded as a registered member.')
          )}
        </dd>
      </div>
    </dl>
  );
}

// --- Profile ---------------------------------------------------------------------------------

export interface ProfilePageProps {
  ctx: PageContext;
  profile: MemberProfile;
  /** 「千代田区（131016）」, or 「事務局」. */
  affiliation: string;
  input: ProfileInput;
  errors: FieldError[];
  done: boolean;
}

export function ProfilePage({ ctx, profile, affiliation, input, errors, done }: ProfilePageProps): JSX.Element {
  const title = ctx.t('登録情報の変更', 'Edit your details');
  return (
    <MemberLayout ctx={ctx} title={title} errors={errors}>
      <h1 class="rk-heading-1">{title}</h1>
      <SuccessNotice message={done ? ctx.t('登録情報を更新しました。', 'Your details have been saved.') : undefined} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <dl class="rk-facts">
        <div class="rk-facts__row">
          <dt>{ctx.t('メールアドレス', 'Email address')}</dt>
          <dd safe>{profile.email}</dd>
        </div>
        <div class="rk-facts__row">
          <dt>{ctx.t('所属する自治体', 'Municipality')}</dt>
          <dd safe>{affiliation}</dd>
        </div>
      </dl>
      <p class="rk-note">{ctx.t('変更が必要な場合は事務局にお問い合わせください。', 'To change these, please contact the secretariat.')}</p>
      <form class="rk-form" action="/member/profile" method="post" novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          id="profile-display-name"
          name="display_name"
          label={ctx.t('表示名', 'Display name')}
          hint={ctx.t(
            '掲示板などで氏名の代わりに表示されます。30文字以内。',
            'Shown instead of your name, e.g. on the board. At most 30 characters.',
          )}
          value={input.displayName}
          maxlength={profileLimits.displayName * 2}
          autocomplete="nickname"
          required
          requiredMark
          error={errorOf(errors, 'profile-display-name')}
        />
        <TextField
          ctx={ctx}
          id="profile-department"
          name="department"
          label={ctx.t('所属部署', 'Department')}
          hint={ctx.t('例：企画政策部 企画課', 'e.g. Planning Division')}
          value={input.department}
          maxlength={profileLimits.department * 2}
          autocomplete="organization-title"
          error={errorOf(errors, 'profile-department')}
        />
        <TextField
          ctx={ctx}
          id="profile-full-name"
          name="full_name"
          label={ctx.t('氏名', 'Full name')}
          value={input.fullName}
          maxlength={profileLimits.fullName * 2}
          autocomplete="name"
          required
          requiredMark
          error={errorOf(errors, 'profile-full-name')}
        />
        <TextField
          ctx={ctx}
          id="profile-full-name-kana"
          name="full_name_kana"
          label={ctx.t('フリガナ', 'Name in katakana')}
          hint={ctx.t('全角カタカナで入力してください。ひらがなで入力するとカタカナに変換します。例：チヨダ タロウ', 'In full-width katakana; hiragana is converted. e.g. チヨダ タロウ')}
          value={input.fullNameKana}
          maxlength={profileLimits.fullNameKana * 2}
          required
          requiredMark
          error={errorOf(errors, 'profile-full-name-kana')}
        />
        <TextField
          ctx={ctx}
          id="profile-phone"
          name="phone"
          type="tel"
          label={ctx.t('電話番号', 'Phone number')}
          hint={ctx.t('日中に連絡のつく番号。数字10〜15桁、ハイフンは入れても入れなくても構いません。例：03-5210-9747', 'A daytime number: 10 to 15 digits, hyphens optional. e.g. 03-5210-9747')}
          value={input.phone}
          maxlength={30}
          autocomplete="tel"
          inputmode="tel"
          width="short"
          required
          requiredMark
          error={errorOf(errors, 'profile-phone')}
        />
        <div class="rk-actions">
          <button class="rk-button" type="submit">
            {ctx.t('変更を保存する', 'Save changes')}
          </button>
          <a href="/member">{ctx.t('マイページへ戻る', 'Back to my page')}</a>
        </div>
      </form>
    </MemberLayout>
  );
}

// --- Password --------------------------------------------------------------------------------

export function PasswordPage({ ctx, errors, done }: { ctx: PageContext; errors: FieldError[]; done: boolean }): JSX.Element {
  const title = ctx.t('パスワードの変更', 'Change your password');
  return (
    <MemberLayout ctx={ctx} title={title} errors={errors}>
      <h1 class="rk-heading-1">{title}</h1>
      <SuccessNotice
        message={
          done
            ? ctx.t(
                'パスワードを変更しました。ほかの端末やブラウザでは、新しいパスワードでログインし直してください。',
                'Your password has been changed. Other devices and browsers have been signed out.',
              )
            : undefined
        }
      />
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>
        {ctx.t(
          '変更すると、この端末以外でのログインはすべて終了します。パスワードは8文字以上128文字以内で、よく使われているものやメールアドレスの一部を含むものは使用できません。',
          'Changing it signs out every other device. Use 8 to 128 characters; common passwords and parts of your email address are not accepted.',
        )}
      </p>
      <form class="rk-form" action="/member/password" method="post" novalidate>
        <CsrfField ctx={ctx} />
        <PasswordField ctx={ctx} id="password-current" label={ctx.t('現在のパスワード', 'Current password')} autocomplete="current-password" errors={errors} />
        <PasswordField
          ctx={ctx}
          id="password-new"
          label={ctx.t('新しいパスワード', 'New password')}
          hint={ctx.t('8文字以上128文字以内。長いフレーズがおすすめです。', '8 to 128 characters. A long phrase works well.')}
          autocomplete="new-password"
          errors={errors}
        />
        <PasswordField ctx={ctx} id="password-confirm" label={ctx.t('新しいパスワード（確認）', 'New password again')} autocomplete="new-password" errors={errors} />
        <div class="rk-actions">
          <button class="rk-button" type="submit">
            {ctx.t('パスワードを変更する', 'Change password')}
          </button>
          <a href="/member">{ctx.t('マイページへ戻る', 'Back to my page')}</a>
        </div>
      </form>
    </MemberLayout>
  );
}

// --- Two-factor authentication ---------------------------------------------------------------

export interface TwoFactorSetup {
  secret: string;
  mac: string;
  uri: string;
  /** The QR code as SVG markup produced by the qrcode package from `uri` (no user text inside). */
  qrSvg: string;
}

export interface TwoFactorPageProps {
  ctx: PageContext;
  required: boolean;
  isSecretariat: boolean;
  errors: FieldError[];
  /** Set when two-factor authentication is off: what the setup form offers. */
  setup?: TwoFactorSetup;
  /** Set when it is on. */
  enabled?: { since: string; backupCodesLeft: number };
  done?: 'disabled';
}

export function TwoFactorPage(p: TwoFactorPageProps): JSX.Element {
  const { ctx } = p;
  const title = ctx.t('2段階認証', 'Two-factor authentication');
  return (
    <MemberLayout ctx={ctx} title={title} errors={p.errors}>
      <h1 class="rk-heading-1">{title}</h1>
      <SuccessNotice message={p.done === 'disabled' ? ctx.t('2段階認証を無効にしました。この端末以外では、すべてログアウトしました。', 'Two-factor authentication has been turned off. Every other device has been signed out.') : undefined} />
      {(p.isSecretariat || p.required) && !p.enabled ? <TwoFactorRequiredNotice ctx={ctx} onSetupPage /> : ''}
      <ErrorSummary ctx={ctx} errors={p.errors} />
      {p.enabled ? <TwoFactorEnabled {...p} enabled={p.enabled} /> : p.setup ? <TwoFactorSetupForm ctx={ctx} setup={p.setup} errors={p.errors} /> : ''}
    </MemberLayout>
  );
}

function TwoFactorSetupForm({ ctx, setup, errors }: { ctx: PageContext; setup: TwoFactorSetup; errors: FieldError[] }): JSX.Element {
  // The SVG comes from the qrcode package, built from our own otpauth URI: trusted markup.
  const safeQrSvg = setup.qrSvg;
  const grouped = setup.secret.match(/.{1,4}/g)?.join(' ') ?? setup.secret;
  return (
    <>
      <dl class="rk-facts">
        <div class="rk-facts__row">
          <dt>{ctx.t('状態', 'Status')}</dt>
          <dd>{ctx.t('未設定', 'Off')}</dd>
        </div>
      </dl>
      <p>
        {ctx.t(
          '2段階認証を設定すると、ログインのときにパスワードに加えて、スマートフォンなどの認証アプリに表示される6桁の確認コードの入力が必要になります。パスワードが漏れても、第三者がログインすることを防げます。',
          'With two-factor authentication, signing in needs a 6-digit code from an authenticator app on your phone as well as your password, so a leaked password alone is not enough.',
        )}
      </p>
      <p>
        {ctx.t(
          '認証アプリには、Google Authenticator、Microsoft Authenticator、IIJ SmartKey など、TOTP方式に対応したものを使えます。',
          'Any TOTP authenticator app works, such as Google Authenticator, Microsoft Authenticator or IIJ SmartKey.',
        )}
      </p>
      <section class="rk-section" aria-labelledby="two-factor-qr">
        <h2 id="two-factor-qr" class="rk-heading-2" tabindex="-1">
          {ctx.t('1. 認証アプリに登録する', '1. Add this site to your app')}
        </h2>
        <FieldErrorMessage ctx={ctx} id="two-factor-qr" message={errorOf(errors, 'two-factor-qr')} />
        <p>{ctx.t('認証アプリで次のQRコードを読み取ってください。', 'Scan this QR code with your authenticator app.')}</p>
        <div role="img" aria-label={ctx.t('2段階認証の設定用QRコード', 'QR code for setting up two-factor authentication')}>
          {safeQrSvg}
        </div>
        <p>{ctx.t('読み取れない場合は、次の設定キーを手入力してください。', 'If you cannot scan it, type in this setup key instead.')}</p>
        <dl class="rk-facts">
          <div class="rk-facts__row">
            <dt>{ctx.t('設定キー', 'Setup key')}</dt>
            <dd>
              <code class="rk-table__code" safe>
                {grouped}
              </code>
            </dd>
          </div>
          <div class="rk-facts__row">
            <dt>{ctx.t('方式', 'Type')}</dt>
            <dd>{ctx.t('時間ベース（TOTP）・6桁・30秒', 'Time-based (TOTP), 6 digits, 30 seconds')}</dd>
          </div>
        </dl>
        <details>
          <summary>{ctx.t('設定用URI（otpauth）を表示', 'Show the setup URI (otpauth)')}</summary>
          <p>
            <code class="rk-table__code" safe>
              {setup.uri}
            </code>
          </p>
        </details>
      </section>
      <section class="rk-section" aria-labelledby="two-factor-confirm">
        <h2 id="two-factor-confirm" class="rk-heading-2">
          {ctx.t('2. 確認コードを入力する', '2. Enter a code to confirm')}
        </h2>
        <form class="rk-form" action="/member/two-factor/enable" method="post" novalidate>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="secret" value={setup.secret} />
          <input type="hidden" name="secret_mac" value={setup.mac} />
          <TextField
            ctx={ctx}
            id="two-factor-code"
            name="code"
            label={ctx.t('確認コード（6桁）', 'Code (6 digits)')}
            hint={ctx.t('認証アプリに表示されている6桁の数字', 'The 6 digits shown in your app')}
            autocomplete="one-time-code"
            inputmode="numeric"
            maxlength={10}
            width="short"
            required
            requiredMark
            error={errorOf(errors, 'two-factor-code')}
          />
          <PasswordField ctx={ctx} id="two-factor-password" label={ctx.t('現在のパスワード', 'Current password')} autocomplete="current-password" errors={errors} />
          <div class="rk-actions">
            <button class="rk-button" type="submit">
              {ctx.t('2段階認証を有効にする', 'Turn on two-factor authentication')}
            </button>
            <a href="/member">{ctx.t('マイページへ戻る', 'Back to my page')}</a>
          </div>
        </form>
      </section>
    </>
  );
}

function TwoFactorEnabled({ ctx, isSecretariat, errors, enabled }: TwoFactorPageProps & { enabled: { since: string; backupCodesLeft: number } }): JSX.Element {
  return (
    <>
      <dl class="rk-facts">
        <div class="rk-facts__row">
          <dt>{ctx.t('状態', 'Status')}</dt>
          <dd>{ctx.t('設定済み', 'On')}</dd>
        </div>
        <div class="rk-facts__row">
          <dt>{ctx.t('設定日時', 'Turned on')}</dt>
          <dd>
            <time datetime={enabled.since} safe>
              {formatDateTime(ctx, enabled.since)}
            </time>
          </dd>
        </div>
        <div class="rk-facts__row">
          <dt>{ctx.t('未使用のバックアップコード', 'Unused backup codes')}</dt>
          <dd>
            <span safe>{ctx.tFormat(`残り${formatCount(enabled.backupCodesLeft)}個`, `${formatCount(enabled.backupCodesLeft)} left`)}</span>
            {enabled.backupCodesLeft <= 2 ? (
              <strong>{ctx.t('（残りが少なくなっています。下のボタンから再発行してください）', ' (running low: generate new ones below)')}</strong>
            ) : (
              ''
            )}
          </dd>
        </div>
      </dl>

      <section class="rk-section" aria-labelledby="backup-codes">
        <h2 id="backup-codes" class="rk-heading-2">
          {ctx.t('バックアップコードの再発行', 'New backup codes')}
        </h2>
        <p>
          {ctx.t(
            'スマートフォンをなくしたときは、バックアップコードでログインできます（1つにつき1回限り）。再発行すると、これまでのコードは使えなくなります。',
            'If you lose your phone, sign in with a backup code (each works once). New codes replace the old ones.',
          )}
        </p>
        <form class="rk-form" action="/member/two-factor/backup-codes" method="post" novalidate>
          <CsrfField ctx={ctx} />
          <PasswordField ctx={ctx} id="backup-password" label={ctx.t('現在のパスワード', 'Current password')} autocomplete="current-password" errors={errors} />
          <div class="rk-actions">
            <button class="rk-button rk-button--secondary" type="submit">
              {ctx.t('バックアップコードを再発行する', 'Generate new backup codes')}
            </button>
          </div>
        </form>
      </section>

      <section class="rk-section" aria-labelledby="disable-two-factor">
        <h2 id="disable-two-factor" class="rk-heading-2" tabindex="-1">
          {ctx.t('2段階認証を無効にする', 'Turn off two-factor authentication')}
        </h2>
        <FieldErrorMessage ctx={ctx} id="disable-two-factor" message={errorOf(errors, 'disable-two-factor')} />
        {isSecretariat ? (
          <p>{ctx.t('事務局アカウントは2段階認証の設定が必須のため、無効にできません。', 'Secretariat accounts must keep two-factor authentication on.')}</p>
        ) : (
          <>
            <p>
              {ctx.t(
                '無効にすると、パスワードだけでログインできるようになります。認証アプリを変えるときは、いったん無効にしてから設定し直してください。',
                'Without it, your password alone signs you in. To move to another app, turn it off and set it up again.',
              )}
            </p>
            <form class="rk-form" action="/member/two-factor/disable" method="post" novalidate>
              <CsrfField ctx={ctx} />
              <TextField
                ctx={ctx}
                id="disable-code"
                name="code"
                label={ctx.t('確認コード（6桁）', 'Code (6 digits)')}
                hint={ctx.t('認証アプリに表示されている6桁の数字', 'The 6 digits shown in your app')}
                autocomplete="one-time-code"
                inputmode="numeric"
                maxlength={10}
                width="short"
                required
                requiredMark
                error={errorOf(errors, 'disable-code')}
              />
              <PasswordField ctx={ctx} id="disable-password" label={ctx.t('現在のパスワード', 'Current password')} autocomplete="current-password" errors={errors} />
              <div class="rk-actions">
                <button class="rk-button rk-button--danger" type="submit">
                  {ctx.t('2段階認証を無効にする', 'Turn off two-factor authentication')}
                </button>
              </div>
            </form>
          </>
        )}
      </section>
      <p>
        <a href="/member">{ctx.t('マイページへ戻る', 'Back to my page')}</a>
      </p>
    </>
  );
}

/** Backup codes, shown once right after they are made. */
export function BackupCodesPage({ ctx, codes, reason }: { ctx: PageContext; codes: string[]; reason: 'enabled' | 'regenerated' }): JSX.Element {
  const title = ctx.t('バックアップコード', 'Backup codes');
  return (
    <MemberLayout ctx={ctx} title={title}>
      <h1 class="rk-heading-1">{title}</h1>
      <SuccessNotice
        message={
          reason === 'enabled'
            ? ctx.t('2段階認証を有効にしました。', 'Two-factor authentication is now on.')
            : ctx.t('バックアップコードを再発行しました。これまでのコードは使えません。', 'New backup codes have been made; the old ones no longer work.')
        }
      />
      <div class="rk-notice">
        <p>
          <strong>{ctx.t('この画面を閉じると二度と表示されません。印刷するか安全な場所に保管してください。', 'These codes will not be shown again. Print them or keep them somewhere safe.')}</strong>
        </p>
      </div>
      <p>
        {ctx.t(
          '認証アプリを使えないときは、確認コードの代わりに次のコードを1つ入力してログインできます。各コードは1回だけ使えます。',
          'When you cannot use your app, enter one of these codes instead of the 6-digit code. Each works once.',
        )}
      </p>
      <ol>
        {codes.map((code) => (
          <li>
            <code class="rk-table__code" safe>
              {code}
            </code>
          </li>
        ))}
      </ol>
      <p>
        <a class="rk-link-arrow" href="/member/two-factor">
          {ctx.t('保管しました（2段階認証の画面へ）', 'I have kept them (back to two-factor authentication)')}
        </a>
      </p>
    </MemberLayout>
  );
}

// --- Sessions --------------------------------------------------------------------------------

export interface SessionsPageProps {
  ctx: PageContext;
  sessions: LiveSession[];
  errors: FieldError[];
  done?: 'one' | 'others';
}

export function SessionsPage({ ctx, sessions, errors, done }: SessionsPageProps): JSX.Element {
  const title = ctx.t('ログイン中の端末', 'Signed-in devices');
  const others = sessions.filter((s) => !s.isCurrent).length;
  return (
    <MemberLayout ctx={ctx} title={title} errors={errors}>
      <h1 class="rk-heading-1">{title}</h1>
      <SuccessNotice
        message={
          done === 'one'
            ? ctx.t('選択した端末をログアウトさせました。', 'That device has been signed out.')
            : done === 'others'
              ? ctx.t('この端末以外をすべてログアウトさせました。', 'Every other device has been signed out.')
              : undefined
        }
      />
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>
        {ctx.t(
          'このアカウントでログインしている端末とブラウザの一覧です。心当たりのないものはログアウトさせ、パスワードを変更してください。',
          'The devices and browsers signed in to this account. Sign out any you do not recognise and change your password.',
        )}
      </p>
      <div id="sessions-list" tabindex="-1">
        <FieldErrorMessage ctx={ctx} id="sessions-list" message={errorOf(errors, 'sessions-list')} />
      </div>
      <div class="rk-table-wrap">
        <table class="rk-table">
          <caption class="rk-visually-hidden">{ctx.t('ログイン中の端末の一覧', 'Signed-in devices')}</caption>
          <thead>
            <tr>
              <th scope="col">{ctx.t('ブラウザ・端末', 'Browser and system')}</th>
              <th scope="col">{ctx.t('ログイン日時', 'Signed in')}</th>
              <th scope="col">{ctx.t('最終利用', 'Last active')}</th>
              <th scope="col">{ctx.t('IPアドレス', 'IP address')}</th>
              <th scope="col">{ctx.t('操作', 'Action')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr>
                <td>
                  <span safe>{describeDevice(ctx, s)}</span>
                  {s.isCurrent ? <span class="rk-badge">{ctx.t('この端末', 'This device')}</span> : ''}
                </td>
                <td>
                  <time datetime={s.createdAt} safe>
                    {formatDateTime(ctx, s.createdAt)}
                  </time>
                </td>
                <td>
                  <time datetime={s.lastSeenAt} safe>
                    {formatDateTime(ctx, s.lastSeenAt)}
                  </time>
                </td>
                <td class="rk-table__code" safe>
                  {s.ip || '—'}
                </td>
                <td>
                  {s.isCurrent ? (
                    <span class="rk-muted">{ctx.t('（ログアウトは画面上部から）', '(use Sign out at the top)')}</span>
                  ) : (
                    <form action="/member/sessions/revoke" method="post">
                      <CsrfField ctx={ctx} />
                      <input type="hidden" name="session" value={s.ref} />
                      <button class="rk-button rk-button--secondary" type="submit" aria-label={ctx.tFormat(`${describeDevice(ctx, s)}（${formatDateTime(ctx, s.createdAt)}ログイン）をログアウトさせる`, `Sign out ${describeDevice(ctx, s)} (signed in ${formatDateTime(ctx, s.createdAt)})`)}>
                        {ctx.t('ログアウトさせる', 'Sign out')}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {others > 0 ? (
        <form action="/member/sessions/revoke-others" method="post">
          <CsrfField ctx={ctx} />
          <div class="rk-actions">
            <button class="rk-button rk-button--danger" type="submit">
              {ctx.t('この端末以外をすべてログアウトさせる', 'Sign out every other device')}
            </button>
          </div>
        </form>
      ) : (
        <p class="rk-muted">{ctx.t('ほかにログイン中の端末はありません。', 'No other device is signed in.')}</p>
      )}
      <p>
        <a href="/member">{ctx.t('マイページへ戻る', 'Back to my page')}</a>
      </p>
    </MemberLayout>
  );
}

function describeDevice(ctx: PageContext, s: LiveSession): string {
  const browser = s.browser ?? ctx.t('不明なブラウザ', 'Unknown browser');
  return s.os ? `${browser} / ${s.os}` : browser;
}

// --- Too many attempts -----------------------------------------------------------------------

export function TooManyAttemptsPage({ ctx, retryAfterSeconds, backHref }: { ctx: PageContext; retryAfterSeconds: number; backHref: string }): JSX.Element {
  const title = ctx.t('しばらくしてからお試しください', 'Please wait before trying again');
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return (
    <MemberLayout ctx={ctx} title={title}>
      <h1 class="rk-heading-1">{title}</h1>
      <p safe>
        {ctx.tFormat(
          `パスワードまたは確認コードの誤りが続いたため、安全のため入力を一時的に受け付けていません。約${minutes}分後にもう一度お試しください。`,
          `Too many wrong passwords or codes. For your safety, please try again in about ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        )}
      </p>
      <p>
        <a href={backHref}>{ctx.t('前の画面へ戻る', 'Back')}</a>
      </p>
    </MemberLayout>
  );
}
