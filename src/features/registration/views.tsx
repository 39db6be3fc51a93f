// Registration pages: the application form, email confirmation, the "received" page and the terms
// of use (a draft). Every page works without JavaScript: the municipality is typed as text and
// resolved on the server, with a list of candidates to choose from when the name is ambiguous.
import type { Children } from '@kitajs/html';
import type { PageContext } from '../../views/context.ts';
import { ErrorSummary, FieldErrorMessage, type FieldError } from '../../views/components/error-summary.tsx';
import { ChoiceField, CsrfField, SuccessNotice, TextField } from '../../views/components/form-fields.tsx';
import { Layout } from '../../views/layout.tsx';
import { registerIds, verifyIds, type RegisterInput, type VerifyInput } from './form.ts';
import type { GovernmentChoice } from './queries.ts';

const focusOnLoad: Record<string, unknown> = { autofocus: true };

/** A problem that is not about one field, e.g. too many attempts. */
export interface PageAlert {
  title: string;
  message: string;
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
      </div>
    </div>
  );
}

function errorFor(errors: FieldError[], id: string): string | undefined {
  return errors.find((e) => e.field === id)?.message;
}

function PageFrame(props: { ctx: PageContext; title: string; failed?: boolean; parent?: { href: string; label: string }; children?: Children }): JSX.Element {
  const { ctx, title } = props;
  const crumbs: Array<{ href?: string; label: string }> = [{ href: '/', label: ctx.t('トップ', 'Home') }];
  if (props.parent) crumbs.push(props.parent);
  crumbs.push({ label: title });
  return (
    <Layout ctx={ctx} title={props.failed ? ctx.tFormat(`エラー：${title}`, `Error: ${title}`) : title} breadcrumbs={crumbs}>
      <h1 class="rk-heading-1" safe>
        {title}
      </h1>
      {props.children}
    </Layout>
  );
}

/** 「東京都府中市（132063）」: the name with its prefecture and code, as candidates are listed. */
export function governmentLabel(ctx: PageContext, g: GovernmentChoice): string {
  return ctx.tFormat(`${g.fullName}（${g.code}）`, `${g.fullName} (${g.code})`);
}

// ---- /register -------------------------------------------------------------------------------

export type MunicipalityState =
  | { kind: 'resolved'; choice: GovernmentChoice }
  | { kind: 'ambiguous'; candidates: GovernmentChoice[]; chosen: string }
  | { kind: 'open' };

export interface RegisterPageProps {
  ctx: PageContext;
  input: RegisterInput;
  municipality: MunicipalityState;
  errors?: FieldError[];
  alert?: PageAlert;
}

export function RegisterPage({ ctx, input, municipality, errors = [], alert }: RegisterPageProps): JSX.Element {
  const title = ctx.t('会員登録', 'Register');
  const termsError = errorFor(errors, registerIds.terms);
  return (
    <PageFrame ctx={ctx} title={title} failed={errors.length > 0 || alert !== undefined}>
      <Alert alert={alert} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="rk-lead">
        {ctx.t(
          '特別区・市町村・都道府県の職員の方は、無料で会員登録できます。登録後、メールアドレスの確認と事務局の承認を経て、会員専用ページを利用できるようになります。',
          'Staff of the special wards, municipalities and prefectures can register free of charge. After you confirm your email address and the secretariat approves the application, you can use the members’ pages.',
        )}
      </p>
      <p>
        {ctx.t('すでに登録済みの方は', 'Already registered? ')}
        <a href="/login">{ctx.t('ログイン', 'Sign in')}</a>
        {ctx.t('してください。パスワードをお忘れの方は', '. Forgotten your password? ')}
        <a href="/password/forgot">{ctx.t('パスワードの再設定', 'Reset it')}</a>
        {ctx.t('へ。', '.')}
      </p>
      <p class="rk-muted">{ctx.t('すべての項目が必須です。', 'Every field is required.')}</p>
      <form class="rk-form" action="/register" method="post" novalidate>
        <CsrfField ctx={ctx} />
        <h2 class="rk-heading-2">{ctx.t('所属', 'Your organisation')}</h2>
        <TextField
          ctx={ctx}
          id={registerIds.municipality}
          name="municipality"
          label={ctx.t('所属自治体', 'Local government')}
          hint={ctx.t(
            '自治体名（例：千代田区、府中市）、都道府県名からの名称（例：東京都府中市）、または全国地方公共団体コード（例：131016）を入力してください。都道府県の職員の方は都道府県名（例：東京都）を入力してください。',
            'Type the name (e.g. 千代田区, 府中市), the prefecture and name (e.g. 東京都府中市) or the local government code (e.g. 131016). Prefectural staff type the prefecture (e.g. 東京都).',
          )}
          value={municipality.kind === 'resolved' ? municipality.choice.fullName : input.municipality}
          autocomplete="organization"
          maxlength={50}
          error={errorFor(errors, registerIds.municipality)}
        />
        <MunicipalityChoice ctx={ctx} state={municipality} error={errorFor(errors, registerIds.municipalityCode)} />
        <TextField
          ctx={ctx}
          id={registerIds.department}
          name="department"
          label={ctx.t('所属部署', 'Department')}
          hint={ctx.t('例：企画部 企画課', 'e.g. 企画部 企画課 (Planning Division)')}
          value={input.department}
          maxlength={100}
          error={errorFor(errors, registerIds.department)}
        />
        <h2 class="rk-heading-2">{ctx.t('お名前', 'Your name')}</h2>
        <TextField
          ctx={ctx}
          id={registerIds.fullName}
          name="fullName"
          label={ctx.t('氏名', 'Full name')}
          hint={ctx.t('例：特別 太郎', 'As in your organisation, e.g. 特別 太郎')}
          value={input.fullName}
          autocomplete="name"
          maxlength={50}
          error={errorFor(errors, registerIds.fullName)}
        />
        <TextField
          ctx={ctx}
          id={registerIds.fullNameKana}
          name="fullNameKana"
          label={ctx.t('フリガナ', 'Reading (katakana)')}
          hint={ctx.t('全角カタカナで入力してください（ひらがなで入力した場合はカタカナに変換します）。例：トクベツ　タロウ', 'In katakana (hiragana is converted), e.g. トクベツ タロウ')}
          value={input.fullNameKana}
          maxlength={50}
          error={errorFor(errors, registerIds.fullNameKana)}
        />
        <TextField
          ctx={ctx}
          id={registerIds.displayName}
          name="displayName"
          label={ctx.t('表示名', 'Display name')}
          hint={ctx.t(
            '掲示板などで他の会員に表示される名前です（30文字以内）。他の会員に表示されるのは、表示名と所属自治体名だけです。例：千代田区 企画課 特別',
            'The name other members see on the board (up to 30 characters). Other members see only this name and your local government.',
          )}
          value={input.displayName}
          autocomplete="nickname"
          maxlength={30}
          error={errorFor(errors, registerIds.displayName)}
        />
        <h2 class="rk-heading-2">{ctx.t('連絡先', 'Contact details')}</h2>
        <TextField
          ctx={ctx}
          id={registerIds.email}
          name="email"
          type="email"
          label={ctx.t('メールアドレス（職場のもの）', 'Work email address')}
          hint={ctx.t('ログインに使います。確認コードをこのアドレスにお送りします。', 'Used to sign in. We will send a confirmation code to this address.')}
          value={input.email}
          autocomplete="email"
          maxlength={254}
          error={errorFor(errors, registerIds.email)}
        />
        <TextField
          ctx={ctx}
          id={registerIds.phone}
          name="phone"
          type="tel"
          label={ctx.t('電話番号（職場のもの）', 'Work phone number')}
          hint={ctx.t('例：03-5210-9067（ハイフンは省略できます）', 'e.g. 03-5210-9067 (hyphens optional)')}
          value={input.phone}
          autocomplete="tel"
          maxlength={20}
          error={errorFor(errors, registerIds.phone)}
        />
        <h2 class="rk-heading-2">{ctx.t('パスワード', 'Password')}</h2>
        <TextField
          ctx={ctx}
          id={registerIds.password}
          name="password"
          type="password"
          label={ctx.t('パスワード', 'Password')}
          hint={ctx.t(
            '8文字以上128文字以内。英字・数字・記号の組合せの決まりはありません。長めの文章のようなパスワードがおすすめです。よく使われているパスワードや、メールアドレスの一部を含むパスワードは使用できません。',
            '8 to 128 characters, no rules about letters, digits or symbols. A long passphrase is best. Common passwords and passwords containing your email address are refused.',
          )}
          autocomplete="new-password"
          maxlength={128}
          error={errorFor(errors, registerIds.password)}
        />
        <TextField
          ctx={ctx}
          id={registerIds.passwordConfirm}
          name="passwordConfirm"
          type="password"
          label={ctx.t('パスワード（確認）', 'Password again')}
          autocomplete="new-password"
          maxlength={128}
          error={errorFor(errors, registerIds.passwordConfirm)}
        />
        <h2 class="rk-heading-2">{ctx.t('利用規約', 'Terms of use')}</h2>
        <p id={`${registerIds.terms}-hint`} class="rk-hint">
          <a href="/terms">{ctx.t('利用規約', 'The terms of use')}</a>
          {ctx.t('をお読みのうえ、同意いただける場合はチェックを入れてください。', ' describe how the service works and how your personal data is handled.')}
        </p>
        <FieldErrorMessage ctx={ctx} id={registerIds.terms} message={termsError} />
        <div class="rk-choice">
          <input
            class="rk-choice__input"
            type="checkbox"
            id={registerIds.terms}
            name="terms"
            value="1"
            checked={input.terms}
            aria-describedby={termsError ? `${registerIds.terms}-hint ${registerIds.terms}-error` : `${registerIds.terms}-hint`}
            aria-invalid={termsError ? 'true' : undefined}
          />
          <label class="rk-choice__label" for={registerIds.terms}>
            {ctx.t('利用規約に同意する', 'I accept the terms of use')}
          </label>
        </div>
        <div class="rk-actions">
          <button class="rk-button" type="submit">
            {ctx.t('登録を申し込む（無料）', 'Apply (free)')}
          </button>
        </div>
      </form>
    </PageFrame>
  );
}

function MunicipalityChoice({ ctx, state, error }: { ctx: PageContext; state: MunicipalityState; error?: string }): JSX.Element {
  if (state.kind === 'resolved') {
    return (
      <div class="rk-note">
        <input type="hidden" name="municipalityCode" value={state.choice.code} />
        <span>{ctx.t('選択中の自治体：', 'Selected: ')}</span>
        <strong safe>{governmentLabel(ctx, state.choice)}</strong>
        <span>{ctx.t('（変更する場合は、上の欄を入力し直してください）', ' (to change it, edit the field above)')}</span>
      </div>
    );
  }
  if (state.kind === 'ambiguous') {
    return (
      <ChoiceField
        ctx={ctx}
        id={registerIds.municipalityCode}
        name="municipalityCode"
        legend={ctx.t('該当する自治体を選んでください', 'Choose your local government')}
        hint={ctx.t('同じ名称の自治体が複数あります。括弧内は全国地方公共団体コードです。', 'Several local governments have this name. The number is the local government code.')}
        options={state.candidates.map((g) => ({ value: g.code, label: governmentLabel(ctx, g) }))}
        value={state.chosen}
        error={error}
      />
    );
  }
  return '';
}

// ---- /register/verify ------------------------------------------------------------------------

export interface VerifyPageProps {
  ctx: PageContext;
  input: VerifyInput;
  resendEmail: string;
  errors?: FieldError[];
  alert?: PageAlert;
  notice?: string;
}

export function VerifyPage({ ctx, input, resendEmail, errors = [], alert, notice }: VerifyPageProps): JSX.Element {
  const title = ctx.t('メールアドレスの確認', 'Confirm your email address');
  return (
    <PageFrame ctx={ctx} title={title} failed={errors.length > 0 || alert !== undefined} parent={{ href: '/register', label: ctx.t('会員登録', 'Register') }}>
      <SuccessNotice message={notice} />
      <Alert alert={alert} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="rk-lead">
        {ctx.t(
          '登録のお申込みを受け付け、入力されたメールアドレスにメールを送信しました。メールに記載された6桁の確認コードを入力してください。確認コードの有効期限は送信から10分です。',
          'We have received your application and sent an email to the address you entered. Enter the 6-digit code from the email. The code is valid for 10 minutes.',
        )}
      </p>
      <form class="rk-form" action="/register/verify" method="post" novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          id={verifyIds.email}
          name="email"
          type="email"
          label={ctx.t('メールアドレス', 'Email address')}
          value={input.email}
          autocomplete="email"
          maxlength={254}
          error={errorFor(errors, verifyIds.email)}
        />
        <TextField
          ctx={ctx}
          id={verifyIds.code}
          name="code"
          label={ctx.t('確認コード（6桁の数字）', 'Code (6 digits)')}
          value={input.code}
          autocomplete="one-time-code"
          inputmode="numeric"
          maxlength={7}
          width="short"
          error={errorFor(errors, verifyIds.code)}
        />
        <TextField
          ctx={ctx}
          id={verifyIds.password}
          name="password"
          type="password"
          label={ctx.t('パスワード（お申込みのときに設定したもの）', 'Password (the one you chose when applying)')}
          hint={ctx.t(
            'ご本人のお申込みであることを確かめるために入力していただきます。同じメールアドレスで後から別の申込みがあった場合は、以前の申込みは無効になります。確認が済んでいないお申込みは24時間で取り消されます。',
            'This makes sure the application is yours. A later application with the same address replaces an earlier one; applications not confirmed within 24 hours are cancelled.',
          )}
          autocomplete="current-password"
          maxlength={128}
          error={errorFor(errors, verifyIds.password)}
        />
        <div class="rk-actions">
          <button class="rk-button" type="submit">
            {ctx.t('確認する', 'Confirm')}
          </button>
        </div>
      </form>
      <section class="rk-section" aria-labelledby="resend-title">
        <h2 id="resend-title" class="rk-heading-2">
          {ctx.t('確認コードが届かない場合', 'No code?')}
        </h2>
        <p>
          {ctx.t(
            '迷惑メールのフォルダもご確認ください。確認コードの期限が切れた場合や届かない場合は、新しい確認コードを送信できます（以前の確認コードは使えなくなります）。',
            'Please check your spam folder. If the code has expired or did not arrive, you can ask for a new one (the old code stops working).',
          )}
        </p>
        <form class="rk-form" action="/register/resend" method="post" novalidate>
          <CsrfField ctx={ctx} />
          <TextField
            ctx={ctx}
            id={verifyIds.resendEmail}
            name="email"
            type="email"
            label={ctx.t('メールアドレス', 'Email address')}
            value={resendEmail}
            autocomplete="email"
            maxlength={254}
            error={errorFor(errors, verifyIds.resendEmail)}
          />
          <div class="rk-actions">
            <button class="rk-button rk-button--secondary" type="submit">
              {ctx.t('確認コードを再送信', 'Send a new code')}
            </button>
          </div>
        </form>
      </section>
    </PageFrame>
  );
}

// ---- /register/done --------------------------------------------------------------------------

export function DonePage({ ctx }: { ctx: PageContext }): JSX.Element {
  return (
    <PageFrame ctx={ctx} title={ctx.t('申請を受け付けました', 'Application received')} parent={{ href: '/register', label: ctx.t('会員登録', 'Register') }}>
      <div class="rk-notice rk-notice--success" role="status">
        {ctx.t('申請を受け付けました。事務局の承認をお待ちください。', 'Your application has been received. Please wait for the secretariat’s approval.')}
      </div>
      <p>
        {ctx.t(
          'メールアドレスの確認が完了しました。事務局が申請内容を確認し、承認または不承認の結果をメールでお知らせします。承認後は、登録したメールアドレスとパスワードでログインできます。',
          'Your email address is confirmed. The secretariat will review your application and email you the result. Once approved, you can sign in with your email address and password.',
        )}
      </p>
      <p>
        <a href="/">{ctx.t('トップページへ戻る', 'Back to the home page')}</a>
      </p>
    </PageFrame>
  );
}

// ---- /terms ----------------------------------------------------------------------------------

/** The draft terms: Japanese only (the binding text), with an English summary on the English side. */
const articles: Array<{ title: string; paragraphs: string[]; items?: string[] }> = [
  {
    title: '第1条（目的）',
    paragraphs: [
      'この規約は、特別区全国連携プロジェクト（以下「本プロジェクト」といいます。）のウェブサイトにおける会員専用ページその他の会員向けの機能（以下「本サービス」といいます。）の利用条件を定めるものです。',
      '本サービスは、東京23区（特別区）と全国の市町村・都道府県の職員が情報を交換し、地域間の連携・交流を進めることを目的とします。',
    ],
  },
  {
    title: '第2条（運営者）',
    paragraphs: ['本サービスは、特別区長会及び公益財団法人特別区協議会（以下「事務局」といいます。）が運営します。'],
  },
  {
    title: '第3条（利用料金）',
    paragraphs: ['本サービスの利用は無料です。ただし、本サービスの利用に必要な通信機器及び通信に要する費用は、会員の負担とします。'],
  },
  {
    title: '第4条（会員登録）',
    paragraphs: [
      '会員登録を申請できるのは、特別区、市町村及び都道府県に勤務する職員です。',
      '会員登録は1人につき1アカウントとし、本人が申請するものとします。アカウントを他人と共有し、又は他人に譲渡・貸与してはなりません。',
      '事務局は、申請の内容を確認のうえ、登録の承認又は不承認を決定し、その結果をメールで通知します。事務局は、不承認の理由を開示しないことがあります。',
      '会員は、登録内容に変更があった場合（人事異動及び退職を含みます。）は、速やかに登録内容の変更又は退会の手続を行うものとします。',
    ],
  },
  {
    title: '第5条（アカウントの管理）',
    paragraphs: [
      '会員は、自己の責任においてパスワード等を管理するものとします。',
      'アカウントが第三者に不正に利用されたおそれがある場合は、直ちにパスワードを変更し、事務局に連絡してください。',
    ],
  },
  {
    title: '第6条（掲示板等への投稿）',
    paragraphs: ['会員は、掲示板その他本サービスへの投稿にあたり、次に掲げる内容を投稿してはなりません。'],
    items: [
      '法令又は公序良俗に反する内容',
      '他者を誹謗中傷し、又は他者の名誉・信用を傷つける内容',
      '他者の著作権、肖像権、プライバシーその他の権利を侵害する内容',
      '住民等の個人情報、及び所属する組織において公表が認められていない情報',
      '営利を目的とする宣伝・勧誘、政治活動又は宗教活動に関する内容',
      '本サービスの目的に関係のない内容、その他事務局が不適切と認める内容',
    ],
  },
  {
    title: '第7条（投稿の取扱い）',
    paragraphs: [
      '会員は、所属する組織の規程等に従って投稿するものとします。',
      '事務局は、前条に反する投稿その他不適切と認める投稿を、予告なく非公開とし、又は削除することができます。',
    ],
  },
  {
    title: '第8条（アカウントの停止等）',
    paragraphs: [
      '事務局は、会員が次のいずれかに該当する場合は、予告なくアカウントを停止し、又は登録を取り消すことができます。',
    ],
    items: [
      'この規約に違反したとき',
      '登録内容に虚偽があったとき',
      '特別区、市町村又は都道府県の職員でなくなったことが判明したとき',
      'その他事務局が必要と認めたとき',
    ],
  },
  {
    title: '第9条（個人情報の取扱い）',
    paragraphs: [
      '事務局は、会員登録により取得した氏名、フリガナ、所属自治体、所属部署、メールアドレス、電話番号その他の個人情報を、本サービスの運営（本人及び所属の確認、登録の承認、会員への連絡、不正利用の防止）のためにのみ利用します。',
      '他の会員及び利用者に表示されるのは、会員の表示名及び所属自治体名のみです。',
      '事務局は、法令に基づく場合を除き、本人の同意なく個人情報を第三者に提供しません。',
      '事務局は、安全な運営のため、ログイン等の操作の記録（日時、IPアドレス等）を保存します。',
      '退会又は登録の取消しをした会員の個人情報は、事務局が定める期間の経過後に消去します。',
    ],
  },
  {
    title: '第10条（本サービスの変更・停止）',
    paragraphs: ['事務局は、保守、障害その他やむを得ない事由があるときは、本サービスの全部又は一部を変更し、又は停止することがあります。'],
  },
  {
    title: '第11条（免責）',
    paragraphs: [
      '事務局は、本サービスに掲載された情報の正確性、完全性及び有用性を保証しません。',
      '事務局は、本サービスの利用により会員に生じた損害について、事務局の故意又は重大な過失による場合を除き、責任を負いません。',
    ],
  },
  {
    title: '第12条（規約の変更）',
    paragraphs: ['事務局は、必要があると認めるときは、この規約を変更することができます。重要な変更を行う場合は、本サービス上であらかじめお知らせします。'],
  },
  {
    title: '第13条（お問い合わせ）',
    paragraphs: [
      'この規約及び本サービスに関するお問い合わせは、各ページ下部に記載のお問い合わせ先（会員専用ホームページ・会員登録について：公益財団法人特別区協議会 事業部事業推進課）までご連絡ください。',
    ],
  },
];

export function TermsPage({ ctx }: { ctx: PageContext }): JSX.Element {
  const title = ctx.t('利用規約（案）', 'Terms of use (draft)');
  return (
    <PageFrame ctx={ctx} title={title}>
      <p class="rk-note">
        {ctx.t(
          'この利用規約は案です。内容は事務局が確認のうえ確定します。確定までの間、文言が変更されることがあります。',
          'These terms are a draft: the secretariat will confirm them, and the wording may change until then.',
        )}
      </p>
      {ctx.lang === 'en' ? (
        <section class="rk-section" aria-labelledby="terms-summary">
          <h2 id="terms-summary" class="rk-heading-2">
            Summary in English
          </h2>
          <p>The Japanese text below is the one that applies. In short:</p>
          <ul>
            <li>The members’ service is free. It is for staff of the special wards, municipalities and prefectures to exchange information and work together.</li>
            <li>One account per person, applied for by that person and never shared. The secretariat approves applications and may suspend or remove accounts.</li>
            <li>Posts must be lawful, respectful, relevant, free of residents’ personal data and of advertising, political or religious content; the secretariat may hide or remove posts.</li>
            <li>Your personal data is used only to run the service. Other members see only your display name and your local government.</li>
            <li>Questions: the members’ site contact at the bottom of each page.</li>
          </ul>
        </section>
      ) : (
        ''
      )}
      <div lang="ja">
        {articles.map((article) => (
          <section class="rk-section">
            <h2 class="rk-heading-2" safe>
              {article.title}
            </h2>
            {article.paragraphs.length > 1 ? (
              <ol>
                {article.paragraphs.map((p) => (
                  <li safe>{p}</li>
                ))}
              </ol>
            ) : (
              <p safe>{article.paragraphs[0]}</p>
            )}
            {article.items ? (
              <ol>
                {article.items.map((item) => (
                  <li safe>{item}</li>
                ))}
              </ol>
            ) : (
              ''
            )}
          </section>
        ))}
        <p class="rk-muted">附則　この規約は、令和　年　月　日から施行する。（案：施行日は事務局が定めます）</p>
      </div>
      <p>
        <a href="/register">{ctx.t('会員登録へ戻る', 'Back to registration')}</a>
      </p>
    </PageFrame>
  );
}
