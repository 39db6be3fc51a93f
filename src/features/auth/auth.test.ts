import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, beforeEach, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp } from '../../app.ts';
import type { AccountStatus, Database } from '../../db/schema.ts';
import { hashToken } from '../../db/sessions.ts';
import { hashCode } from '../../security/one-time-codes.ts';
import { hashPassword, verifyPassword } from '../../security/passwords.ts';
import { currentTotp, newTotpSecret } from '../../security/totp.ts';
import { TestClient } from '../../../test/client.ts';
import { describeEachEngine, testConfig } from '../../../test/helper.ts';
import { codeIn } from '../../../test/mail-catcher.ts';

const password = 'sakura-bridge-over-kanda-42';
const cookieName = 'renkei_session';
const wrongCredentials = 'メールアドレスまたはパスワードが正しくありません。';
let passwordHash: string;

interface NewAccount {
  status?: AccountStatus;
  totpSecret?: string;
}

async function createAccount(db: Kysely<Database>, options: NewAccount = {}): Promise<{ id: string; email: string }> {
  const id = randomUUID();
  const email = `auth-${id.slice(0, 8)}@city.example.lg.jp`;
  const now = new Date().toISOString();
  await db
    .insertInto('accounts')
    .values({
      id,
      email,
      password_hash: passwordHash,
      role: 'member',
      status: options.status ?? 'active',
      local_government_code: '012211',
      department: '企画課',
      full_name: '認証 花子',
      full_name_kana: 'ニンショウ ハナコ',
      display_name: '名寄市 認証',
      phone: '01654-3-2111',
      terms_accepted_at: now,
      email_verified_at: now,
      totp_secret: options.totpSecret ?? null,
      totp_enabled_at: options.totpSecret ? now : null,
      password_changed_at: now,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, email };
}

/** The header shows a sign-out form only to a signed-in person. */
async function isSignedIn(client: TestClient): Promise<boolean> {
  const res = await client.get('/');
  return res.body.includes('action="/logout"');
}

/** A 6-digit code that is certainly not the current TOTP code (nor its neighbours). */
function wrongTotp(secret: string): string {
  const now = Date.now();
  const valid = new Set([currentTotp(secret, now - 30_000), currentTotp(secret, now), currentTotp(secret, now + 30_000)]);
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, '0');
    if (!valid.has(candidate)) return candidate;
  }
}

describeEachEngine(
  'signing in and out',
  (current) => {
    const db = () => current().database.handle.db;
    const client = () => new TestClient(current().app);
    const signIn = (c: TestClient, email: string, pw = password, extra: Record<string, string> = {}) => c.post('/login', { email, password: pw, ...extra }, { from: '/login' });
    const audits = async (action: string, accountId?: string) => {
      let q = db().selectFrom('audit_events').selectAll().where('action', '=', action);
      if (accountId) q = q.where('target_id', '=', accountId);
      return q.execute();
    };

    before(async () => {
      passwordHash ??= await hashPassword(password);
    });
    // Every request comes from the same test IP: each story starts with fresh counters.
    beforeEach(async () => {
      await db().deleteFrom('rate_limits').execute();
    });

    test('signing in goes to /member and gives a new session id every time', async () => {
      const { id, email } = await createAccount(db());
      const browser = client();
      const first = await signIn(browser, email);
      assert.equal(first.statusCode, 303);
      assert.equal(first.headers.location, '/member');
      const firstToken = browser.cookies.get(cookieName);
      assert.ok(firstToken, 'a session cookie is set');
      const setCookie = String(first.headers['set-cookie']);
      assert.match(setCookie, /HttpOnly/i);
      assert.match(setCookie, /SameSite=Lax/i);
      assert.ok(await isSignedIn(browser));

      const second = await signIn(browser, email);
      assert.equal(second.statusCode, 303);
      const secondToken = browser.cookies.get(cookieName);
      assert.ok(secondToken && secondToken !== firstToken, 'the session id changes at sign-in');
      const old = await db().selectFrom('sessions').select('id_hash').where('id_hash', '=', hashToken(firstToken)).execute();
      assert.equal(old.length, 0, 'the previous session ended');
      assert.ok(await isSignedIn(browser));
      assert.equal((await audits('auth.sign_in', id)).length, 2);
    });

    test('a wrong password and an unknown email get the same answer, with the email kept', async () => {
      const { id, email } = await createAccount(db());
      const wrong = await signIn(client(), email, 'not-the-password-at-all');
      const unknown = await signIn(client(), 'nobody-here@city.example.lg.jp', 'not-the-password-at-all');
      for (const res of [wrong, unknown]) {
        assert.equal(res.statusCode, 422);
        assert.ok(res.body.includes(wrongCredentials));
        assert.equal(res.cookies.filter((c) => c.name === cookieName).length, 0, 'no session');
        assert.doesNotMatch(res.body, /not-the-password-at-all/, 'the password is not echoed');
      }
      assert.match(wrong.body, new RegExp(`id="login-email"[^>]*value="${email}"`));
      assert.match(unknown.body, /id="login-email"[^>]*value="nobody-here@city.example.lg.jp"/);
      const strip = (html: string) => html.replace(/value="[^"]*"/g, '');
      assert.equal(strip(wrong.body), strip(unknown.body), 'the two pages are identical but for the typed email and the CSRF token');
      const failed = await audits('auth.sign_in_failed');
      assert.ok(failed.some((a) => a.target_id === id && JSON.parse(a.detail).email === email));
      assert.ok(failed.some((a) => JSON.parse(a.detail).email === 'nobody-here@city.example.lg.jp'));
    });

    test('accounts not yet active are told their state only after the right password', async () => {
      const cases: Array<[AccountStatus, string]> = [
        ['pending_email', 'メールアドレスの確認が終わっていません'],
        ['pending_approval', '事務局の承認待ちです'],
        ['rejected', 'このアカウントは現在利用できません。事務局にお問い合わせください。'],
        ['disabled', 'このアカウントは現在利用できません。事務局にお問い合わせください。'],
      ];
      for (const [status, text] of cases) {
        const { email } = await createAccount(db(), { status });
        const wrong = await signIn(client(), email, 'not-the-password-at-all');
        assert.equal(wrong.statusCode, 422, status);
        assert.ok(wrong.body.includes(wrongCredentials), status);
        assert.ok(!wrong.body.includes(text), `${status}: nothing told before the password is right`);

        const browser = client();
        const right = await signIn(browser, email);
        assert.equal(right.statusCode, 403, status);
        assert.ok(right.body.includes(text), status);
        assert.ok(!browser.cookies.has(cookieName), `${status}: no session`);
        if (status === 'pending_email') assert.match(right.body, /href="\/register\/verify\?email=/);
      }
    });

    test('ten attempts on one account from one network: the eleventh from there answers 429, the same for an unknown email', async () => {
      const { email } = await createAccount(db());
      const lockMessage = /ログインの試行回数が上限に達しました。しばらく（約15分）待ってからもう一度お試しください。/;
      for (const target of [email, 'unknown-person@city.example.lg.jp']) {
        for (let i = 1; i <= 10; i++) {
          const res = await signIn(client(), target, `wrong-password-${i}`);
          assert.equal(res.statusCode, 422, `${target} attempt ${i}`);
        }
        const locked = await signIn(client(), target, target === email ? password : 'anything-else');
        assert.equal(locked.statusCode, 429, target);
        assert.match(locked.body, lockMessage);
        assert.ok(Number(locked.headers['retry-after']) > 0);
      }
      assert.ok((await audits('auth.sign_in_locked')).length >= 2);
    });

    test('with two-factor enabled, the password leads to a code: a wrong code is refused, the right one signs in', async () => {
      const secret = newTotpSecret();
      const { id, email } = await createAccount(db(), { totpSecret: secret });
      const browser = client();
      const res = await signIn(browser, email);
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/login/two-factor');
      const pendingToken = browser.cookies.get(cookieName)!;
      assert.equal(await isSignedIn(browser), false, 'not signed in before the second factor');

      const page = await browser.get('/login/two-factor');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /autocomplete="one-time-code"/);
      const wrong = await browser.post('/login/two-factor', { code: wrongTotp(secret), next: '/member' });
      assert.equal(wrong.statusCode, 422);
      assert.ok(wrong.body.includes('確認コードが正しくありません。'));
      assert.equal((await audits('auth.second_factor_failed', id)).length, 1);

      const right = await browser.post('/login/two-factor', { code: currentTotp(secret), next: '/member' });
      assert.equal(right.statusCode, 303);
      assert.equal(right.headers.location, '/member');
      assert.notEqual(browser.cookies.get(cookieName), pendingToken, 'a new session id after the second factor');
      assert.ok(await isSignedIn(browser));
      const signIns = await audits('auth.sign_in', id);
      assert.equal(signIns.length, 1);
      assert.equal(JSON.parse(signIns[0]!.detail).twoFactor, true);
    });

    test('the second-factor page without a pending sign-in sends back to /login', async () => {
      const res = await client().get('/login/two-factor');
      assert.equal(res.statusCode, 303);
      assert.match(String(res.headers.location), /^\/login\?/);
    });

    test('a backup code works once only', async (t) => {
      // Backup codes are keyed with the app's secret: this story uses an app with a known one,
      // on the same database.
      const secret = 'backup-code-test-secret-0123456789abcdef';
      const app: FastifyInstance = await buildApp({
        config: testConfig(current().database.config, { sessionSecret: secret, mail: { from: 'test <test@localhost>', dir: '/tmp/renkei-test-mail' } }),
        database: current().database.handle,
      });
      await app.ready();
      t.after(() => app.close());
      const totpSecret = newTotpSecret();
      const { id, email } = await createAccount(db(), { totpSecret });
      await db().insertInto('account_backup_codes').values([
        { account_id: id, code_hash: hashCode(secret, 'abcde-fghjk'), used_at: null },
        { account_id: id, code_hash: hashCode(secret, 'mnpqr-stuvw'), used_at: null },
      ]).execute();

      const first = new TestClient(app);
      await signIn(first, email);
      const used = await first.post('/login/two-factor', { code: 'ABCDE FGHJK', next: '/member' });
      assert.equal(used.statusCode, 303, 'case and spacing do not matter');
      assert.equal(used.headers.location, '/member');
      assert.equal((await audits('auth.backup_code_used', id)).length, 1);

      const second = new TestClient(app);
      await signIn(second, email);
      const again = await second.post('/login/two-factor', { code: 'abcde-fghjk', next: '/member' });
      assert.equal(again.statusCode, 422, 'a used backup code is refused');
      assert.ok(again.body.includes('確認コードが正しくありません。'));
      const rows = await db().selectFrom('account_backup_codes').select(['used_at']).where('account_id', '=', id).execute();
      assert.equal(rows.filter((r) => r.used_at !== null).length, 1);
    });

    test('signing out ends the session: the old cookie no longer reaches /member', async () => {
      const { id, email } = await createAccount(db());
      const browser = client();
      await signIn(browser, email);
      const token = browser.cookies.get(cookieName)!;
      assert.ok(await isSignedIn(browser));
      const out = await browser.post('/logout', {});
      assert.equal(out.statusCode, 303);
      assert.equal(out.headers.location, '/login?signedOut=1');
      const page = await browser.follow(out);
      assert.ok(page.body.includes('ログアウトしました。'));
      assert.equal(await isSignedIn(browser), false);

      const thief = client();
      thief.cookies.set(cookieName, token);
      const member = await thief.get('/member');
      assert.equal(member.statusCode, 303);
      assert.match(String(member.headers.location), /^\/login/);
      assert.equal(await isSignedIn(thief), false);
      assert.equal((await audits('auth.sign_out', undefined)).filter((a) => a.actor_account_id === id).length, 1);
    });

    test('a password reset by mailed code: the new password works, the old does not, every session ends', async () => {
      const { id, email } = await createAccount(db());
      const elsewhere = client();
      await signIn(elsewhere, email);
      const another = client();
      await signIn(another, email);
      assert.ok(await isSignedIn(elsewhere));

      const browser = client();
      const forgot = await browser.post('/password/forgot', { email: email.toUpperCase() }, { from: '/password/forgot' });
      assert.equal(forgot.statusCode, 303);
      assert.equal(forgot.headers.location, `/password/reset?email=${encodeURIComponent(email)}&sent=1`);
      const resetPage = await browser.follow(forgot);
      assert.ok(resetPage.body.includes('入力されたメールアドレスが登録されている場合、確認コードを送信しました。'));
      assert.ok(resetPage.body.includes('2段階認証を設定している方のみ'));
      const mail = await current().mail!.waitFor(email, 'パスワード再設定');
      assert.equal(mail.html, false, 'plain text only');
      const code = codeIn(mail);

      const newPassword = 'a-new-passphrase-for-the-ward-2026';
      const weak = await browser.post('/password/reset', { email, code, password: 'password123', passwordConfirm: 'password123' });
      assert.equal(weak.statusCode, 422);
      assert.ok(weak.body.includes('よく使われているパスワードのため使用できません。'));
      const mismatch = await browser.post('/password/reset', { email, code, password: newPassword, passwordConfirm: `${newPassword}x` });
      assert.equal(mismatch.statusCode, 422);
      const wrong = await browser.post('/password/reset', { email, code: code === '000000' ? '111111' : '000000', password: newPassword, passwordConfirm: newPassword });
      assert.equal(wrong.statusCode, 422);
      assert.ok(wrong.body.includes('確認コードが正しくないか、有効期限が切れています。'));

      const done = await browser.post('/password/reset', { email, code, password: newPassword, passwordConfirm: newPassword });
      assert.equal(done.statusCode, 303);
      assert.equal(done.headers.location, '/login?reset=1');
      assert.ok((await browser.follow(done)).body.includes('パスワードを再設定しました。新しいパスワードでログインしてください。'));
      await current().mail!.waitFor(email, 'パスワードが変更されました');

      assert.equal(await isSignedIn(elsewhere), false, 'other sessions ended');
      assert.equal(await isSignedIn(another), false, 'other sessions ended');
      const sessions = await db().selectFrom('sessions').select('id_hash').where('account_id', '=', id).execute();
      assert.equal(sessions.length, 0);
      assert.equal((await signIn(client(), email, password)).statusCode, 422, 'the old password no longer works');
      const fresh = client();
      const ok = await signIn(fresh, email, newPassword);
      assert.equal(ok.statusCode, 303);
      assert.equal(ok.headers.location, '/member');
      assert.equal((await audits('auth.password_reset', id)).length, 1);

      const reused = await browser.post('/password/reset', { email, code, password: 'yet-another-passphrase-2026', passwordConfirm: 'yet-another-passphrase-2026' }, { from: '/password/reset' });
      assert.equal(reused.statusCode, 422, 'the code works once');
      assert.ok(reused.body.includes('確認コードが正しくないか、有効期限が切れています。'), 'the same answer as any other failure');
    });

    test('an unknown email asking for a reset gets the same answer and no mail', async () => {
      const browser = client();
      const res = await browser.post('/password/forgot', { email: 'nobody-at-all@city.example.lg.jp' }, { from: '/password/forgot' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `/password/reset?email=${encodeURIComponent('nobody-at-all@city.example.lg.jp')}&sent=1`);
      await new Promise((r) => setTimeout(r, 200));
      assert.ok(!current().mail!.messages.some((m) => m.to.includes('nobody-at-all@')));
    });

    test('resetting the password of a two-factor account needs its code: the reset never bypasses it', async () => {
      const totpSecret = newTotpSecret();
      const { id, email } = await createAccount(db(), { totpSecret });
      const browser = client();
      await browser.post('/password/forgot', { email }, { from: '/password/forgot' });
      const code = codeIn(await current().mail!.waitFor(email, 'パスワード再設定'));
      const newPassword = 'two-factor-stays-on-2026';
      const refused = await browser.post('/password/reset', { email, code, password: newPassword, passwordConfirm: newPassword }, { from: '/password/reset' });
      assert.equal(refused.statusCode, 422);
      assert.ok(refused.body.includes('確認コードが正しくないか、有効期限が切れています。'), 'the same answer as a wrong code: nothing tells that the account uses two-factor');
      const wrong = await browser.post('/password/reset', { email, code, password: newPassword, passwordConfirm: newPassword, secondFactor: wrongTotp(totpSecret) });
      assert.equal(wrong.statusCode, 422);
      const row = await db().selectFrom('accounts').select(['password_hash', 'totp_enabled_at']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.ok(await verifyPassword(row.password_hash, password), 'the password is unchanged');

      const ok = await browser.post('/password/reset', { email, code, password: newPassword, passwordConfirm: newPassword, secondFactor: currentTotp(totpSecret) });
      assert.equal(ok.statusCode, 303, 'with the code, the same mailed code still works');
      const after = await db().selectFrom('accounts').select(['password_hash', 'totp_enabled_at']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.ok(await verifyPassword(after.password_hash, newPassword));
      assert.ok(after.totp_enabled_at, 'two-factor stays on');
      const next = await signIn(client(), email, newPassword);
      assert.equal(next.headers.location, '/login/two-factor');
    });

    test('a POST without a CSRF token is refused with 403 and changes nothing', async () => {
      const { id, email } = await createAccount(db());
      const browser = client();
      await browser.get('/login');
      const res = await browser.post('/login', { email, password }, { csrf: false });
      assert.equal(res.statusCode, 403);
      assert.ok(res.body.includes('送信を受け付けられませんでした'));
      assert.ok(!browser.cookies.has(cookieName));
      const sessions = await db().selectFrom('sessions').select('id_hash').where('account_id', '=', id).execute();
      assert.equal(sessions.length, 0);

      await browser.get('/password/forgot');
      const forgot = await browser.post('/password/forgot', { email }, { csrf: false });
      assert.equal(forgot.statusCode, 403);
      const codes = await db().selectFrom('one_time_codes').select('id').where('account_id', '=', id).execute();
      assert.equal(codes.length, 0);
    });

    test('an open redirect is refused: next=https://evil.example lands on /member', async () => {
      const { email } = await createAccount(db());
      for (const next of ['https://evil.example', '//evil.example', '/\\evil.example', '/\t/evil.example']) {
        const browser = client();
        const page = await browser.get(`/login?next=${encodeURIComponent(next)}`);
        assert.match(page.body, /name="next" value="\/member"/, next);
        const res = await signIn(browser, email, password, { next });
        assert.equal(res.statusCode, 303, next);
        assert.equal(res.headers.location, '/member', next);
      }
      const local = await signIn(client(), email, password, { next: '/municipalities/131016' });
      assert.equal(local.headers.location, '/municipalities/131016', 'a local path is kept');
    });

    test('the forms carry labels, autocomplete and links between each other', async () => {
      const login = await client().get('/login');
      assert.match(login.body, /<input id="login-email"[^>]*autocomplete="username"/);
      assert.match(login.body, /<input id="login-password"[^>]*type="password"[^>]*autocomplete="current-password"/);
      assert.match(login.body, /href="\/password\/forgot"/);
      assert.match(login.body, /href="\/register"/);
      const forgot = await client().get('/password/forgot');
      assert.match(forgot.body, /href="\/login"/);
      assert.match(forgot.body, /href="\/register"/);
      const reset = await client().get('/password/reset?email=a%40b.example');
      assert.match(reset.body, /<input id="reset-code"[^>]*autocomplete="one-time-code"[^>]*inputmode="numeric"/);
      assert.match(reset.body, /<input id="reset-password"[^>]*autocomplete="new-password"/);
      assert.match(reset.body, /value="a@b.example"/);
      const en = await current().app.inject({ url: '/login', headers: { cookie: 'lang=en' } });
      assert.match(en.body, /<h1 class="rk-heading-1">Sign in<\/h1>/);
    });

    test('bad input never causes a 500: repeated fields and JSON bodies get the form back', async () => {
      const browser = client();
      await browser.get('/login');
      const repeated = await browser.post('/login', { email: ['a@b.example', 'c@d.example'], password: 'x' });
      assert.equal(repeated.statusCode, 422);
      const empty = await browser.post('/password/reset', {}, { from: '/password/reset' });
      assert.equal(empty.statusCode, 422);
      assert.ok(empty.body.includes('メールアドレスを入力してください。'));
      assert.ok(empty.body.includes('新しいパスワードを入力してください。'));
    });
  },
  { mail: true },
);
