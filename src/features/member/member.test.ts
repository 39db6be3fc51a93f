import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { loadConfig } from '../../config.ts';
import { recordAudit } from '../../db/audit.ts';
import { openTotpSecret } from '../../db/two-factor.ts';
import type { NewAccount } from '../../db/schema.ts';
import { createSession, hashToken } from '../../db/sessions.ts';
import { hashPassword } from '../../security/passwords.ts';
import { currentTotp, newTotpSecret } from '../../security/totp.ts';
import { TestClient } from '../../../test/client.ts';
import { describeEachEngine } from '../../../test/helper.ts';

const password = 'kamogawa-no-nagare-2026';
let passwordHash: Promise<string> | undefined;
const sapporo = '011002';

const memberPages = ['/member', '/member/profile', '/member/password', '/member/two-factor', '/member/sessions', '/member/notifications', '/member/notifications/settings'];

describeEachEngine(
  'member area',
  (current) => {
    const db = () => current().database.handle.db;
    let counter = 0;

    async function createAccount(overrides: Partial<NewAccount> = {}): Promise<{ id: string; email: string }> {
      passwordHash ??= hashPassword(password);
      const id = randomUUID();
      const now = new Date().toISOString();
      const email = overrides.email ?? `staff${++counter}.${id.slice(0, 6)}@city.sapporo.example.jp`;
      await db()
        .insertInto('accounts')
        .values({
          id,
          email,
          password_hash: await passwordHash,
          role: 'member',
          status: 'active',
          local_government_code: sapporo,
          department: '企画課',
          full_name: '札幌 花子',
          full_name_kana: 'サッポロ ハナコ',
          display_name: 'はなこ',
          phone: '011-211-2111',
          password_changed_at: now,
          notification_frequency: 'weekly',
          created_at: now,
          updated_at: now,
          ...overrides,
        })
        .execute();
      return { id, email };
    }

    async function signIn(accountId: string): Promise<{ client: TestClient; token: string }> {
      const client = new TestClient(current().app);
      const { token } = await createSession(db(), { accountId, stage: 'authenticated', ip: '', userAgent: 'test' });
      client.cookies.set('renkei_session', token);
      return { client, token };
    }

    async function account(id: string) {
      return db().selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    }

    /** The secret and its signature from the setup form, as a browser would send them back. */
    function setupFieldsIn(html: string): { secret: string; mac: string } {
      const secret = /name="secret" value="([A-Z2-7]+)"/.exec(html)?.[1];
      const mac = /name="secret_mac" value="([0-9a-f]+)"/.exec(html)?.[1];
      assert.ok(secret && mac, 'the setup form carries the secret and its signature');
      return { secret, mac };
    }

    /** A 6-digit code the app is not showing now (nor 30 seconds either side). */
    function notTheCode(secret: string): string {
      const valid = new Set([-30_000, 0, 30_000].map((d) => currentTotp(secret, Date.now() + d)));
      for (let n = 0; ; n++) {
        const code = String((Number(currentTotp(secret)) + 500_000 + n) % 1_000_000).padStart(6, '0');
        if (!valid.has(code)) return code;
      }
    }

    async function enableTwoFactor(client: TestClient): Promise<{ secret: string; res: Awaited<ReturnType<TestClient['post']>> }> {
      const page = await client.get('/member/two-factor');
      const { secret, mac } = setupFieldsIn(page.body);
      const res = await client.post('/member/two-factor/enable', { secret, secret_mac: mac, code: currentTotp(secret), current_password: password });
      return { secret, res };
    }

    test('an anonymous visitor is sent to sign in from every member page, and comes back afterwards', async () => {
      const client = new TestClient(current().app);
      for (const url of [...memberPages, '/member/two-factor?required=1']) {
        const res = await client.get(url);
        assert.equal(res.statusCode, 303, url);
        assert.equal(res.headers.location, `/login?next=${encodeURIComponent(url)}`, url);
      }
    });

    test('a pending_approval or disabled account’s session does not reach the member area', async () => {
      for (const status of ['pending_approval', 'disabled'] as const) {
        const { id } = await createAccount({ status });
        const { client } = await signIn(id);
        const res = await client.get('/member');
        assert.equal(res.statusCode, 303, status);
        assert.equal(res.headers.location, '/login?next=%2Fmember', status);
      }
    });

    test('the dashboard greets the member and shows their municipality, its membership and their own recent security events', async () => {
      await db()
        .insertInto('registered_members')
        .values({ local_government_code: sapporo, joined_on: '2026-11-27', source: 'account', note: null })
        .onConflict((oc) => oc.column('local_government_code').doNothing())
        .execute();
      const { id } = await createAccount({ display_name: '札幌の花子' });
      const other = await createAccount();
      await recordAudit(db(), { actorAccountId: id, action: 'auth.sign_in', targetType: 'account', targetId: id, ip: '192.0.2.1' });
      await recordAudit(db(), { actorAccountId: other.id, action: 'auth.two_factor_disabled', targetType: 'account', targetId: other.id });
      const { client } = await signIn(id);
      const res = await client.get('/member');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /ようこそ、札幌の花子さん。/);
      assert.match(res.body, /<a href="\/municipalities\/011002"><span>北海道 札幌市<\/span><\/a><span class="rk-kana">（さっぽろし）<\/span>/);
      assert.match(res.body, /会員登録自治体（2026年\(令和8年\)11月27日から）/);
      assert.match(res.body, /自治体PRページ・イベント/);
      assert.match(res.body, /<time datetime="[^"]+">\d{4}年\(令和\d+年\)\d+月\d+日 \d\d:\d\d<\/time>　<span>ログインしました<\/span>/);
      assert.doesNotMatch(res.body, /2段階認証を無効にしました/, 'another account’s events are not shown');
      for (const href of memberPages.slice(1)) assert.match(res.body, new RegExp(`href="${href}"`));
      assert.doesNotMatch(res.body, /2段階認証の設定が必須/);
    });

    test('the secretariat without two-factor authentication is told it is mandatory', async () => {
      const { id } = await createAccount({ role: 'secretariat', local_government_code: null });
      const { client } = await signIn(id);
      const dashboard = await client.get('/member');
      assert.equal(dashboard.statusCode, 200);
      assert.match(dashboard.body, /<p>事務局<\/p>/);
      assert.match(dashboard.body, /href="\/admin"/);
      assert.match(dashboard.body, /事務局アカウントは2段階認証の設定が必須です/);
      assert.match(dashboard.body, /href="\/member\/two-factor"/);
      const setup = await client.get('/member/two-factor?required=1');
      assert.equal(setup.statusCode, 200);
      assert.match(setup.body, /事務局アカウントは2段階認証の設定が必須です/);
    });

    test('a profile update with bad kana and phone keeps the input, shows Japanese errors with 422 and changes nothing', async () => {
      const { id } = await createAccount();
      const { client } = await signIn(id);
      const before = await account(id);
      const res = await client.post(
        '/member/profile',
        { display_name: '新しい表示名', department: '総務課', full_name: '札幌 太郎', full_name_kana: 'Sapporo Taro', phone: '011-211' },
        { from: '/member/profile' },
      );
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /<title>エラー：登録情報の変更/);
      assert.match(res.body, /<a href="#profile-full-name-kana">フリガナは全角カタカナで入力してください。<\/a>/);
      assert.match(res.body, /<a href="#profile-phone">電話番号は数字10〜15桁で入力してください/);
      assert.match(res.body, /id="profile-display-name"[^>]*value="新しい表示名"/);
      assert.match(res.body, /id="profile-full-name-kana"[^>]*value="Sapporo Taro"[^>]*aria-invalid="true"/);
      assert.match(res.body, /id="profile-phone"[^>]*value="011-211"/);
      assert.deepEqual(await account(id), before, 'nothing changed');
      const tooLong = await client.post('/member/profile', { display_name: 'あ'.repeat(31), full_name: '札幌 太郎', full_name_kana: 'タロウ', phone: '0112112111' });
      assert.equal(tooLong.statusCode, 422);
      assert.match(tooLong.body, /表示名は30文字以内で入力してください。/);
    });

    test('a profile update converts hiragana to katakana, saves, and is recorded in the audit log', async () => {
      const { id, email } = await createAccount();
      const { client } = await signIn(id);
      const page = await client.get('/member/profile');
      assert.match(page.body, new RegExp(email.replace(/\./g, '\\.')), 'the email is shown');
      assert.match(page.body, /変更が必要な場合は事務局にお問い合わせください。/);
      assert.doesNotMatch(page.body, /name="email"/, 'the email cannot be edited here');
      const res = await client.post('/member/profile', {
        display_name: ' 札幌の太郎 ',
        department: '総務局 広報課',
        full_name: '札幌　太郎',
        full_name_kana: 'さっぽろ　たろう',
        phone: '０１１ー２１１ー２１１１',
      });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/member/profile?done=1');
      const after = await account(id);
      assert.equal(after.display_name, '札幌の太郎');
      assert.equal(after.full_name_kana, 'サッポロ タロウ');
      assert.equal(after.phone, '011-211-2111');
      const done = await client.follow(res);
      assert.match(done.body, /role="status">登録情報を更新しました。/);
      const audit = await db().selectFrom('audit_events').selectAll().where('actor_account_id', '=', id).where('action', '=', 'account.profile_updated').execute();
      assert.equal(audit.length, 1);
    });

    test('the wrong current password is refused, and new passwords must follow the rules', async () => {
      const { id, email } = await createAccount();
      const { client } = await signIn(id);
      const before = await account(id);
      const wrong = await client.post('/member/password', { current_password: 'not-my-password', new_password: 'a-brand-new-phrase-7', confirm_password: 'a-brand-new-phrase-7' }, { from: '/member/password' });
      assert.equal(wrong.statusCode, 422);
      assert.match(wrong.body, /現在のパスワードが正しくありません。/);
      assert.doesNotMatch(wrong.body, /a-brand-new-phrase-7|not-my-password/, 'passwords are never echoed back');
      const cases: Array<[Record<string, string>, RegExp]> = [
        [{ new_password: 'short', confirm_password: 'short' }, /8文字以上で入力してください。/],
        [{ new_password: 'x'.repeat(129), confirm_password: 'x'.repeat(129) }, /128文字以内で入力してください。/],
        [{ new_password: 'password123', confirm_password: 'password123' }, /よく使われているパスワードのため使用できません。/],
        [{ new_password: `my-${email.split('@')[0]}-pass`, confirm_password: `my-${email.split('@')[0]}-pass` }, /メールアドレスの一部を含むパスワードは使用できません。/],
        [{ new_password: 'a-brand-new-phrase-7', confirm_password: 'a-brand-new-phrase-8' }, /確認用のパスワードが一致しません。/],
      ];
      for (const [form, message] of cases) {
        const res = await client.post('/member/password', { current_password: password, ...form });
        assert.equal(res.statusCode, 422, String(message));
        assert.match(res.body, message);
      }
      assert.deepEqual(await account(id), before, 'nothing changed');
    });

    test('changing the password rotates this browser’s session, ends the others and mails a notice', async () => {
      const { id, email } = await createAccount({ password_changed_at: '2026-01-01T00:00:00.000Z' });
      const before = await account(id);
      const { client, token } = await signIn(id);
      const { client: other } = await signIn(id);
      assert.equal((await other.get('/member')).statusCode, 200);
      const res = await client.post('/member/password', { current_password: password, new_password: 'a-brand-new-phrase-7', confirm_password: 'a-brand-new-phrase-7' }, { from: '/member/password' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/member/password?done=1');
      const rotated = client.cookies.get('renkei_session');
      assert.ok(rotated && rotated !== token, 'the session cookie carries a new token');
      const sessions = await db().selectFrom('sessions').select('id_hash').where('account_id', '=', id).execute();
      assert.deepEqual(sessions.map((s) => s.id_hash), [hashToken(rotated)], 'only the new session is left');
      const done = await client.follow(res);
      assert.equal(done.statusCode, 200);
      assert.match(done.body, /パスワードを変更しました。/);
      const kicked = await other.get('/member');
      assert.equal(kicked.statusCode, 303);
      assert.equal(kicked.headers.location, '/login?next=%2Fmember');
      const stale = new TestClient(current().app);
      stale.cookies.set('renkei_session', token);
      assert.equal((await stale.get('/member')).statusCode, 303, 'the old token no longer works');
      const after = await account(id);
      assert.ok(after.password_changed_at > before.password_changed_at, 'password_changed_at moves on');
      assert.match(after.password_hash, /^\$argon2id\$/);
      const mail = await current().mail!.waitFor(email, 'パスワードが変更されました');
      assert.match(mail.text, /パスワードが変更されました/);
      assert.equal(mail.html, false, 'plain text only');
      const audit = await db().selectFrom('audit_events').select('action').where('actor_account_id', '=', id).where('action', '=', 'auth.password_changed').execute();
      assert.equal(audit.length, 1);
    });

    test('too many wrong current passwords are answered with 429', async () => {
      const { id } = await createAccount();
      const before = await account(id);
      const { client } = await signIn(id);
      await client.get('/member/password');
      const form = { current_password: 'wrong-password-0', new_password: 'a-brand-new-phrase-7', confirm_password: 'a-brand-new-phrase-7' };
      for (let i = 0; i < 10; i++) assert.equal((await client.post('/member/password', form)).statusCode, 422);
      const limited = await client.post('/member/password', { ...form, current_password: password });
      assert.equal(limited.statusCode, 429);
      assert.ok(Number(limited.headers['retry-after']) > 0);
      assert.match(limited.body, /分後にもう一度お試しください/);
      assert.equal((await account(id)).password_hash, before.password_hash, 'the correct password was not even checked');
    });

    test('two-factor setup with a code from the app turns it on and shows 10 backup codes once', async () => {
      const { id, email } = await createAccount();
      const { client } = await signIn(id);
      const page = await client.get('/member/two-factor');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<div role="img" aria-label="2段階認証の設定用QRコード"><svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      const { secret } = setupFieldsIn(page.body);
      assert.match(page.body, new RegExp(secret.match(/.{1,4}/g)!.join(' ')), 'the key is shown in groups of four');
      assert.match(page.body, /otpauth:\/\/totp\//);
      assert.equal((await account(id)).totp_secret, null, 'showing the setup page changes nothing');

      const { secret: used, res } = await enableTwoFactor(client);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /この画面を閉じると二度と表示されません。印刷するか安全な場所に保管してください。/);
      const codes = [...res.body.matchAll(/<code class="rk-table__code">([a-z2-9]{5}-[a-z2-9]{5})<\/code>/g)].map((m) => m[1]);
      assert.equal(codes.length, 10);
      assert.equal(new Set(codes).size, 10);
      const row = await account(id);
      assert.ok(row.totp_secret && !row.totp_secret.includes(used), 'stored sealed, never as it is');
      assert.equal(openTotpSecret(loadConfig({ APP_ENV: 'test' }).totpEncryptionKey, row.totp_secret), used);
      assert.ok(row.totp_enabled_at);
      const stored = await db().selectFrom('account_backup_codes').select('code_hash').where('account_id', '=', id).execute();
      assert.equal(stored.length, 10);
      assert.ok(stored.every((s) => !codes.includes(s.code_hash)), 'only hashes are stored');
      await current().mail!.waitFor(email, '2段階認証が有効になりました');

      const status = await client.get('/member/two-factor');
      assert.match(status.body, /残り10個/);
      assert.doesNotMatch(status.body, /[a-z2-9]{5}-[a-z2-9]{5}<\/code>/, 'the codes are not shown again');

      const regenerated = await client.post('/member/two-factor/backup-codes', { current_password: password });
      assert.equal(regenerated.statusCode, 200);
      const fresh = [...regenerated.body.matchAll(/<code class="rk-table__code">([a-z2-9]{5}-[a-z2-9]{5})<\/code>/g)].map((m) => m[1]);
      assert.equal(fresh.length, 10);
      assert.ok(fresh.every((c) => !codes.includes(c)));
      const audit = await db().selectFrom('audit_events').select('action').where('actor_account_id', '=', id).execute();
      assert.deepEqual(audit.map((a) => a.action).sort(), ['auth.backup_codes_regenerated', 'auth.two_factor_enabled']);
    });

    test('a tampered hidden secret is refused', async () => {
      const { id } = await createAccount();
      const { client } = await signIn(id);
      const page = await client.get('/member/two-factor');
      const { mac } = setupFieldsIn(page.body);
      const chosen = newTotpSecret();
      const res = await client.post('/member/two-factor/enable', { secret: chosen, secret_mac: mac, code: currentTotp(chosen), current_password: password });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /設定用の情報が正しくありません。/);
      assert.doesNotMatch(res.body, new RegExp(chosen), 'the forged secret is not offered back');
      assert.equal((await account(id)).totp_enabled_at, null);
      const wrongCode = await enableWithCode(client, '');
      assert.equal(wrongCode.statusCode, 422);
      assert.match(wrongCode.body, /確認コードが正しくありません。/);
      assert.equal((await account(id)).totp_enabled_at, null);
    });

    async function enableWithCode(client: TestClient, code: string) {
      const page = await client.get('/member/two-factor');
      const { secret, mac } = setupFieldsIn(page.body);
      return client.post('/member/two-factor/enable', { secret, secret_mac: mac, code: code || notTheCode(secret), current_password: password });
    }

    test('turning two-factor authentication off needs a valid code and the password', async () => {
      const { id, email } = await createAccount();
      const { client } = await signIn(id);
      const { secret } = await enableTwoFactor(client);
      await client.get('/member/two-factor');
      const refused = await client.post('/member/two-factor/disable', { code: notTheCode(secret), current_password: password });
      assert.equal(refused.statusCode, 422);
      assert.match(refused.body, /確認コードが正しくありません。/);
      const wrongPassword = await client.post('/member/two-factor/disable', { code: currentTotp(secret), current_password: 'not-my-password' });
      assert.equal(wrongPassword.statusCode, 422);
      assert.match(wrongPassword.body, /現在のパスワードが正しくありません。/);
      assert.ok((await account(id)).totp_enabled_at, 'still on');
      const res = await client.post('/member/two-factor/disable', { code: currentTotp(secret), current_password: password });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/member/two-factor?done=disabled');
      const row = await account(id);
      assert.equal(row.totp_enabled_at, null);
      assert.equal(row.totp_secret, null);
      assert.equal((await db().selectFrom('account_backup_codes').select('code_hash').where('account_id', '=', id).execute()).length, 0);
      const done = await client.follow(res);
      assert.match(done.body, /2段階認証を無効にしました。/);
      await current().mail!.waitFor(email, '2段階認証が無効になりました');
    });

    test('the secretariat cannot turn two-factor authentication off', async () => {
      const secret = newTotpSecret();
      const { id } = await createAccount({ role: 'secretariat', local_government_code: null, totp_secret: secret, totp_enabled_at: new Date().toISOString() });
      const { client } = await signIn(id);
      const page = await client.get('/member/two-factor');
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(page.body, /action="\/member\/two-factor\/disable"/, 'the form is not offered');
      assert.match(page.body, /無効にできません/);
      const res = await client.post('/member/two-factor/disable', { code: currentTotp(secret), current_password: password });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /事務局アカウントは2段階認証の設定が必須のため、無効にできません。/);
      assert.equal((await account(id)).totp_secret, secret);
    });

    test('the sessions page lists this account’s devices and signs out another of them', async () => {
      const { id } = await createAccount();
      const { client, token } = await signIn(id);
      const { client: phone, token: phoneToken } = await signIn(id);
      const stranger = await createAccount();
      await signIn(stranger.id);
      const page = await client.get('/member/sessions');
      assert.equal(page.statusCode, 200);
      assert.equal([...page.body.matchAll(/<tr>/g)].length, 3, 'a header row and this account’s two sessions');
      assert.match(page.body, /<span class="rk-badge">この端末<\/span>/);
      assert.doesNotMatch(page.body, new RegExp(`value="${hashToken(token).slice(0, 16)}"`), 'no revoke button for this device');
      const res = await client.post('/member/sessions/revoke', { session: hashToken(phoneToken).slice(0, 16) });
      assert.equal(res.statusCode, 303);
      assert.equal((await phone.get('/member')).statusCode, 303, 'the other device is signed out');
      assert.equal((await client.get('/member')).statusCode, 200, 'this device still is signed in');
      const audit = await db().selectFrom('audit_events').select('target_id').where('actor_account_id', '=', id).where('action', '=', 'session.revoked').execute();
      assert.deepEqual(audit.map((a) => a.target_id), [hashToken(phoneToken).slice(0, 16)]);
    });

    test('revoking a session of another account through a forged id is impossible', async () => {
      const attacker = await createAccount();
      const victim = await createAccount();
      const { client } = await signIn(attacker.id);
      const { client: victimClient, token: victimToken } = await signIn(victim.id);
      await client.get('/member/sessions');
      const res = await client.post('/member/sessions/revoke', { session: hashToken(victimToken).slice(0, 16) });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /指定された端末は見つかりませんでした。/);
      assert.equal((await victimClient.get('/member')).statusCode, 200, 'the victim is still signed in');
      const garbage = await client.post('/member/sessions/revoke', { session: "' or 1=1 --" });
      assert.equal(garbage.statusCode, 422);
      assert.equal((await victimClient.get('/member')).statusCode, 200);
    });

    test('signing out every other device keeps this one', async () => {
      const { id } = await createAccount();
      const { client } = await signIn(id);
      const { client: a } = await signIn(id);
      const { client: b } = await signIn(id);
      const res = await client.post('/member/sessions/revoke-others', {}, { from: '/member/sessions' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/member/sessions?done=others');
      assert.equal((await a.get('/member')).statusCode, 303);
      assert.equal((await b.get('/member')).statusCode, 303);
      const done = await client.follow(res);
      assert.equal(done.statusCode, 200);
      assert.match(done.body, /この端末以外をすべてログアウトさせました。/);
    });

    // The notification settings (per kind) are tested in src/features/notifications/notifications.test.ts.

    test('a POST without the CSRF token is refused with 403 and changes nothing', async () => {
      const { id } = await createAccount();
      const { client } = await signIn(id);
      await client.get('/member/notifications/settings');
      const res = await client.post('/member/notifications/settings', { 'frequency-mentioned': 'none', 'frequency-replied': 'none', 'frequency-watching': 'none', 'frequency-suggested': 'none' }, { csrf: false });
      assert.equal(res.statusCode, 403);
      assert.match(res.body, /送信を受け付けられませんでした/);
      assert.deepEqual(await db().selectFrom('notification_preferences').select('kind').where('account_id', '=', id).execute(), []);
    });

    test('the pages render in English on request', async () => {
      const { id } = await createAccount();
      const { client } = await signIn(id);
      client.cookies.set('lang', 'en');
      for (const url of memberPages) {
        const res = await client.get(url);
        assert.equal(res.statusCode, 200, url);
        assert.match(res.body, /<html lang="en">/, url);
      }
    });
  },
  { mail: true },
);
