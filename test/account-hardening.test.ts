// The account flows, hardened after a security review (issue 12): each story below was reproduced
// as an attack through HTTP first. Password reset tells nobody whether an address has an account,
// nobody can lock another person out, the proxy's X-Forwarded-For is believed only from the proxy,
// redirect targets are safe, CSRF refusals cannot flood the audit log, unconfirmed registrations
// expire and never confirm someone else's password, and two-factor secrets are encrypted at rest.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { beforeEach, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { purgeExpired } from '../src/db/housekeeping.ts';
import { hitRateLimit } from '../src/db/rate-limit.ts';
import type { Database } from '../src/db/schema.ts';
import { hashPassword, verifyPassword } from '../src/security/passwords.ts';
import { currentTotp, newTotpSecret } from '../src/security/totp.ts';
import { TestClient } from './client.ts';
import { describeEachEngine } from './helper.ts';
import { codeIn, type MailCatcher } from './mail-catcher.ts';

const password = 'kanda-river-morning-walk-77';
let passwordHash: Promise<string> | undefined;

async function createAccount(db: Kysely<Database>, options: { totpSecret?: string; role?: 'member' | 'secretariat' } = {}): Promise<{ id: string; email: string }> {
  passwordHash ??= hashPassword(password);
  const id = randomUUID();
  const email = `hard-${id.slice(0, 8)}@city.example.lg.jp`;
  const now = new Date().toISOString();
  await db
    .insertInto('accounts')
    .values({
      id,
      email,
      password_hash: await passwordHash,
      role: options.role ?? 'member',
      status: 'active',
      local_government_code: options.role === 'secretariat' ? null : '012211',
      department: '企画課',
      full_name: '堅牢 太郎',
      full_name_kana: 'ケンロウ タロウ',
      display_name: '堅牢',
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

/** A 6-digit code that is certainly not the current TOTP code (nor its neighbours). */
function wrongTotp(secret: string): string {
  const now = Date.now();
  const valid = new Set([-30_000, 0, 30_000].map((d) => currentTotp(secret, now + d)));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, '0');
    if (!valid.has(candidate)) return candidate;
  }
}

/** What a form page says went wrong: its alert and error summary, without the page around them. */
function answerOf(res: LightMyRequestResponse): string {
  const summary = /<div class="rk-error-summary"[\s\S]*?<\/ul>/.exec(res.body)?.[0] ?? '';
  const alert = /<div class="rk-alert[\s\S]*?<\/div>/.exec(res.body)?.[0] ?? '';
  return `${res.statusCode} ${alert} ${summary}`.replace(/\s+/g, ' ');
}

/** The newest mail to `to` about `subject` once there are more than `seen` of them. */
async function nextMail(mail: MailCatcher, to: string, subject: string, seen: number) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const matching = mail.messages.filter((m) => m.to.includes(to) && m.subject.includes(subject));
    if (matching.length > seen) return matching[matching.length - 1]!;
    if (Date.now() > deadline) throw new Error(`no new mail to ${to} about ${subject}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const mailsTo = (mail: MailCatcher, to: string, subject: string) => mail.messages.filter((m) => m.to.includes(to) && m.subject.includes(subject)).length;

describeEachEngine(
  'account flows hardened',
  (current) => {
    const db = () => current().database.handle.db;
    const mail = () => current().mail!;
    const client = (ip?: string) => new TestClient(current().app, ip ? { ip } : {});
    const signIn = (c: TestClient, email: string, pw = password, extra: Record<string, string> = {}) => c.post('/login', { email, password: pw, ...extra }, { from: '/login' });
    const requestCode = async (c: TestClient, email: string): Promise<string> => {
      const seen = mailsTo(mail(), email, 'パスワード再設定');
      const res = await c.post('/password/forgot', { email }, { from: '/password/forgot' });
      assert.equal(res.statusCode, 303);
      return codeIn(await nextMail(mail(), email, 'パスワード再設定', seen));
    };
    const reset = (c: TestClient, form: Record<string, string>) =>
      c.post('/password/reset', { password: 'a-brand-new-passphrase-26', passwordConfirm: 'a-brand-new-passphrase-26', ...form }, { from: '/password/reset' });
    const passwordIs = async (id: string, pw: string) => {
      const row = await db().selectFrom('accounts').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow();
      return verifyPassword(row.password_hash, pw);
    };

    beforeEach(async () => {
      await db().deleteFrom('rate_limits').execute();
    });

    // ---- 1. Password reset tells nothing --------------------------------------------------------

    test('password reset: one answer for an unknown address, a wrong or missing code and a missing or wrong second factor', async () => {
      const plain = await createAccount(db());
      const secret = newTotpSecret();
      const twoFactor = await createAccount(db(), { totpSecret: secret });
      const noCode = await createAccount(db());
      const browser = client();
      const plainCode = await requestCode(browser, plain.email);
      const twoFactorCode = await requestCode(browser, twoFactor.email);
      const wrong = (code: string) => (code === '000000' ? '111111' : '000000');

      const answers = [
        await reset(browser, { email: 'nobody-here@city.example.lg.jp', code: '123456' }),
        await reset(browser, { email: plain.email, code: wrong(plainCode) }),
        await reset(browser, { email: noCode.email, code: '123456' }),
        await reset(browser, { email: twoFactor.email, code: twoFactorCode }),
        await reset(browser, { email: twoFactor.email, code: twoFactorCode, secondFactor: wrongTotp(secret) }),
        await reset(browser, { email: twoFactor.email, code: wrong(twoFactorCode), secondFactor: wrongTotp(secret) }),
      ].map(answerOf);
      assert.match(answers[0]!, /^422 /);
      assert.match(answers[0]!, /確認コード/);
      for (const [i, answer] of answers.entries()) assert.equal(answer, answers[0], `answer ${i} is the same as for an unknown address`);
      for (const id of [plain.id, twoFactor.id, noCode.id]) assert.ok(await passwordIs(id, password), 'nothing was reset');
    });

    test('password reset checks the mailed code before the second factor: a wrong code does not spend the authenticator code', async () => {
      const secret = newTotpSecret();
      const account = await createAccount(db(), { totpSecret: secret });
      const browser = client();
      const code = await requestCode(browser, account.email);
      const totp = currentTotp(secret);
      const wrongCode = await reset(browser, { email: account.email, code: code === '000000' ? '111111' : '000000', secondFactor: totp });
      assert.equal(wrongCode.statusCode, 422);
      const right = await reset(browser, { email: account.email, code, secondFactor: totp });
      assert.equal(right.statusCode, 303, 'the authenticator code was not used up by the attempt with a wrong mailed code');
      assert.ok(await passwordIs(account.id, 'a-brand-new-passphrase-26'));
    });

    test('asking for a reset: the same answer and the same work for a known and an unknown address', async () => {
      const known = await createAccount(db());
      const unknown = `nobody-${randomUUID().slice(0, 8)}@city.example.lg.jp`;
      const browser = client();
      const pages: string[] = [];
      for (const email of [known.email, unknown]) {
        const res = await browser.post('/password/forgot', { email }, { from: '/password/forgot' });
        assert.equal(res.statusCode, 303);
        assert.equal(res.headers.location, `/password/reset?email=${encodeURIComponent(email)}&sent=1`);
        const page = await browser.follow(res);
        const local = email.split('@')[0]!;
        pages.push(page.body.replaceAll(local, 'LOCAL').replace(/name="_csrf" value="[^"]+"/, ''));
      }
      assert.ok(pages[0] === pages[1], 'the page after asking is the same');
      // The same shape of work: a code is made and hashed, and the request is written to the audit log, either way.
      const rows = await db().selectFrom('audit_events').select('detail').where('action', '=', 'auth.password_reset_requested').execute();
      assert.ok(rows.some((r) => r.detail.includes(known.email)));
      assert.ok(rows.some((r) => r.detail.includes(unknown)), 'an unknown address is recorded as asked for too');
    });

    // ---- 2. Nobody locks anybody out ---------------------------------------------------------

    test('eleven anonymous resets with a wrong second factor and ten wrong passwords from one IP do not lock the owner out elsewhere', async () => {
      const secret = newTotpSecret();
      const owner = await createAccount(db(), { role: 'secretariat', totpSecret: secret });
      const attacker = client('203.0.113.66');
      const code = await requestCode(attacker, owner.email);
      for (let i = 0; i < 11; i++) {
        const res = await reset(attacker, { email: owner.email, code: i === 0 ? code : String(100000 + i), secondFactor: wrongTotp(secret) });
        assert.ok([422, 429].includes(res.statusCode), `reset ${i}: ${res.statusCode}`);
      }
      for (let i = 0; i < 10; i++) assert.equal((await signIn(attacker, owner.email, `wrong-${i}-password`)).statusCode, 422);
      const stillRefused = await signIn(attacker, owner.email, `wrong-again-password`);
      assert.equal(stillRefused.statusCode, 429, 'the attacker’s own network is slowed down');

      const ownerBrowser = client('198.51.100.7');
      const first = await signIn(ownerBrowser, owner.email);
      assert.equal(first.statusCode, 303, `the owner signs in from their own network: ${first.statusCode}`);
      assert.equal(first.headers.location, '/login/two-factor');
      const second = await ownerBrowser.post('/login/two-factor', { code: currentTotp(secret), next: '/member' });
      assert.equal(second.statusCode, 303, `the owner’s second factor is accepted: ${second.statusCode}`);
      assert.equal(second.headers.location, '/member');
    });

    test('a long address from two networks counts twice, never once: keys are hashed, not cut', async () => {
      const rule = { name: 'login:account_ip', limit: 1, windowMs: 60_000 };
      const email = `${'a'.repeat(60)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(50)}.lg.jp`;
      assert.equal((await hitRateLimit(db(), rule, `${email}|203.0.113.1`)).hits, 1);
      assert.equal((await hitRateLimit(db(), rule, `${email}|198.51.100.1`)).hits, 1, 'another network, another counter');
      assert.equal((await hitRateLimit(db(), rule, `${email}|203.0.113.1`)).hits, 2);
    });

    test('the limits are explained in Japanese on the sign-in and reset pages', async () => {
      const login = await client().get('/login');
      assert.match(login.body, /同じネットワーク（IPアドレス）から/);
      assert.match(login.body, /15分間に10回/);
      const resetPage = await client().get('/password/reset');
      assert.match(resetPage.body, /確認コードは5回まで/);
      const forgot = await client().get('/password/forgot');
      assert.match(forgot.body, /1時間に/);
    });

    // ---- 3. X-Forwarded-For only from the proxy ----------------------------------------------

    test('TRUST_PROXY as a hop count or the proxy’s addresses: a forged X-Forwarded-For does not pick the client IP', async () => {
      const { database } = current();
      const lastFailureIp = async () => {
        const row = await db().selectFrom('audit_events').select('ip').where('action', '=', 'auth.sign_in_failed').orderBy('occurred_at', 'desc').limit(1).executeTakeFirstOrThrow();
        return row.ip;
      };
      const cases: Array<{ trust: string; from: string; forwarded: string; expected: string }> = [
        // One proxy in front: the address it saw is the last one it appended; the rest is the client's claim.
        { trust: '1', from: '10.0.0.5', forwarded: '6.6.6.6, 203.0.113.9', expected: '203.0.113.9' },
        // The proxy's address range: a request that does not come from it is taken at its socket address.
        { trust: '10.0.0.0/8', from: '192.0.2.44', forwarded: '6.6.6.6', expected: '192.0.2.44' },
        { trust: '10.0.0.0/8, 127.0.0.1', from: '10.0.0.5', forwarded: '6.6.6.6, 203.0.113.10', expected: '203.0.113.10' },
      ];
      for (const c of cases) {
        const config = { ...loadConfig({ APP_ENV: 'test', LOG_LEVEL: 'silent', TRUST_PROXY: c.trust }), database: database.config };
        const app = await buildApp({ config, database: database.handle, mailer: { send: async () => {}, close: async () => {} } });
        try {
          const browser = new TestClient(app, { ip: c.from, headers: { 'x-forwarded-for': c.forwarded } });
          const res = await browser.post('/login', { email: 'proxy-test@city.example.lg.jp', password: 'not-the-password' }, { from: '/login' });
          assert.equal(res.statusCode, 422, c.trust);
          assert.equal(await lastFailureIp(), c.expected, `TRUST_PROXY=${c.trust}`);
          const counted = await db().selectFrom('rate_limits').select('key').where('key', 'like', `login:ip:${c.expected}%`).execute();
          assert.equal(counted.length, 1, 'the rate limit counts the real client');
        } finally {
          await app.close();
        }
      }
    });

    // ---- 4. Redirect targets -----------------------------------------------------------------

    test('a non-ASCII next is encoded, never a 500; //evil, /\\evil and CR/LF are refused', async () => {
      const anon = client();
      const lang = await anon.get('/lang/en?next=/%E3%81%82');
      assert.equal(lang.statusCode, 303);
      assert.equal(lang.headers.location, '/%E3%81%82');
      for (const bad of ['//evil.example', '/%5Cevil.example', '/%0d%0aSet-Cookie:%20x=1', '/%09/evil.example', 'https://evil.example']) {
        const res = await anon.get(`/lang/ja?next=${bad}`);
        assert.equal(res.statusCode, 303, bad);
        assert.equal(res.headers.location, '/', bad);
      }
      const account = await createAccount(db());
      const browser = client();
      const res = await signIn(browser, account.email, password, { next: '/あ' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/%E3%81%82');
      assert.ok(browser.cookies.has('renkei_session'), 'the session cookie is sent with the redirect');
      const sessions = await db().selectFrom('sessions').select('id_hash').where('account_id', '=', account.id).execute();
      assert.equal(sessions.length, 1, 'one session, the one the cookie names');
    });

    // ---- 5. CSRF refusals do not flood the audit log ---------------------------------------

    test('anonymous POSTs without a CSRF token are audited once per IP and window, with a count', async () => {
      const ip = '192.0.2.201';
      const flooder = client(ip);
      for (let i = 0; i < 40; i++) {
        const res = await flooder.post('/login', { email: 'x@example.lg.jp', password: 'x' }, { csrf: false });
        assert.equal(res.statusCode, 403);
      }
      const rows = await db().selectFrom('audit_events').select(['detail']).where('action', '=', 'authz.denied').where('ip', '=', ip).execute();
      assert.ok(rows.length >= 1 && rows.length <= 2, `${rows.length} audit rows for 40 refusals`);
      const counts = rows.map((r) => Number((JSON.parse(r.detail) as { count?: number }).count ?? 0));
      assert.ok(counts.includes(10), `the count so far is recorded: ${counts.join(', ')}`);
    });

    // ---- 6. Unconfirmed registrations -----------------------------------------------------------

    const application = (email: string, pw: string, name: string): Record<string, string> => ({
      municipality: '名寄市',
      department: '総合政策室',
      fullName: name,
      fullNameKana: 'レンケイ ジロウ',
      displayName: '名寄市 連携',
      email,
      phone: '01654-3-2111',
      password: pw,
      passwordConfirm: pw,
      terms: '1',
    });

    test('registering an unconfirmed address again replaces the earlier application, with its own password', async () => {
      const email = `owner-${randomUUID().slice(0, 8)}@city.example.lg.jp`;
      const squatter = client('203.0.113.50');
      const first = await squatter.post('/register', application(email, 'squatters-own-passphrase-1', '先取 三郎'), { from: '/register' });
      assert.equal(first.statusCode, 303);
      const squatted = await db().selectFrom('accounts').select(['id', 'status']).where('email', '=', email).executeTakeFirstOrThrow();
      assert.equal(squatted.status, 'pending_email');

      await nextMail(mail(), email, 'メールアドレスの確認コード', 0);
      const owner = client('198.51.100.20');
      const seen = mailsTo(mail(), email, 'メールアドレスの確認コード');
      const again = await owner.post('/register', application(email, 'the-real-owners-passphrase', '本人 花子'), { from: '/register' });
      assert.equal(again.statusCode, 303);
      const code = codeIn(await nextMail(mail(), email, 'メールアドレスの確認コード', seen));
      const replaced = await db().selectFrom('accounts').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
      assert.notEqual(replaced.id, squatted.id, 'a new application');
      assert.equal(replaced.full_name, '本人 花子');
      assert.equal(await db().selectFrom('accounts').select('id').where('id', '=', squatted.id).executeTakeFirst(), undefined, 'the unconfirmed one is gone');

      const verified = await owner.post('/register/verify', { email, code, password: 'the-real-owners-passphrase' }, { from: `/register/verify?email=${encodeURIComponent(email)}` });
      assert.equal(verified.statusCode, 303, verified.body.slice(0, 500));
      assert.ok(await passwordIs(replaced.id, 'the-real-owners-passphrase'));
      assert.equal(await passwordIs(replaced.id, 'squatters-own-passphrase-1'), false);
    });

    test('the owner’s confirmation never confirms someone else’s password: the code needs the application’s password', async () => {
      const email = `race-${randomUUID().slice(0, 8)}@city.example.lg.jp`;
      const owner = client('198.51.100.21');
      await owner.post('/register', application(email, 'owners-first-passphrase-9', '本人 花子'), { from: '/register' });
      await nextMail(mail(), email, 'メールアドレスの確認コード', 0);
      // Someone registers the same address a moment later: the owner receives a second code, for the other application.
      const seen = mailsTo(mail(), email, 'メールアドレスの確認コード');
      await client('203.0.113.51').post('/register', application(email, 'hijackers-passphrase-77', '乗取 四郎'), { from: '/register' });
      const code = codeIn(await nextMail(mail(), email, 'メールアドレスの確認コード', seen));
      const refused = await owner.post('/register/verify', { email, code, password: 'owners-first-passphrase-9' }, { from: `/register/verify?email=${encodeURIComponent(email)}` });
      assert.equal(refused.statusCode, 422);
      assert.match(refused.body, /確認コードまたはパスワードが正しくありません。/);
      const row = await db().selectFrom('accounts').select('status').where('email', '=', email).executeTakeFirstOrThrow();
      assert.equal(row.status, 'pending_email', 'the other application is not confirmed');
    });

    test('an unconfirmed registration expires after 24 hours (housekeeping), and its address is free again', async () => {
      const email = `stale-${randomUUID().slice(0, 8)}@city.example.lg.jp`;
      await client('203.0.113.52').post('/register', application(email, 'stale-application-pass-1', '古い 申込'), { from: '/register' });
      const old = new Date(Date.now() - 25 * 3600_000).toISOString();
      await db().updateTable('accounts').set({ created_at: old, updated_at: old }).where('email', '=', email).execute();
      const fresh = `fresh-${randomUUID().slice(0, 8)}@city.example.lg.jp`;
      await client('203.0.113.53').post('/register', application(fresh, 'fresh-application-pass-1', '新しい 申込'), { from: '/register' });
      await purgeExpired(db());
      assert.equal(await db().selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirst(), undefined, 'the stale application is gone');
      assert.ok(await db().selectFrom('accounts').select('id').where('email', '=', fresh).executeTakeFirst(), 'a fresh one stays');
      const active = await createAccount(db());
      await db().updateTable('accounts').set({ created_at: old }).where('id', '=', active.id).execute();
      await purgeExpired(db());
      assert.ok(await db().selectFrom('accounts').select('id').where('id', '=', active.id).executeTakeFirst(), 'confirmed accounts are never purged');
    });

    // ---- 7. Two-factor ---------------------------------------------------------------------

    test('turning two-factor off ends the account’s other sessions', async () => {
      const secret = newTotpSecret();
      const account = await createAccount(db(), { totpSecret: secret });
      // Three different time steps (the window allows one either way): each TOTP code is accepted once.
      const signInFully = async (c: TestClient, offsetMs: number) => {
        await signIn(c, account.email);
        const res = await c.post('/login/two-factor', { code: currentTotp(secret, Date.now() + offsetMs), next: '/member' });
        assert.equal(res.statusCode, 303);
      };
      const here = client();
      const elsewhere = client();
      await signInFully(elsewhere, -30_000);
      await signInFully(here, 0);
      assert.equal((await elsewhere.get('/member')).statusCode, 200);
      await here.get('/member/two-factor');
      const off = await here.post('/member/two-factor/disable', { code: currentTotp(secret, Date.now() + 30_000), current_password: password });
      assert.equal(off.statusCode, 303, off.body.slice(0, 1000));
      assert.equal((await here.get('/member')).statusCode, 200, 'this session stays');
      const other = await elsewhere.get('/member');
      assert.equal(other.statusCode, 303, 'the other session ended');
      const audit = await db().selectFrom('audit_events').select('detail').where('action', '=', 'auth.two_factor_disabled').where('target_id', '=', account.id).executeTakeFirstOrThrow();
      assert.equal((JSON.parse(audit.detail) as { sessionsEnded?: number }).sessionsEnded, 1);
    });

    test('TOTP secrets are stored encrypted, and still work', async () => {
      const account = await createAccount(db());
      const browser = client();
      await signIn(browser, account.email);
      const page = await browser.get('/member/two-factor');
      const secret = /name="secret" value="([A-Z2-7]+)"/.exec(page.body)?.[1];
      const mac = /name="secret_mac" value="([^"]+)"/.exec(page.body)?.[1];
      assert.ok(secret && mac);
      const on = await browser.post('/member/two-factor/enable', { secret, secret_mac: mac, code: currentTotp(secret), current_password: password });
      assert.equal(on.statusCode, 200, on.body.slice(0, 500));
      const row = await db().selectFrom('accounts').select('totp_secret').where('id', '=', account.id).executeTakeFirstOrThrow();
      assert.ok(row.totp_secret);
      assert.ok(!row.totp_secret.includes(secret), 'the secret is not stored as it is');
      assert.match(row.totp_secret, /^v1:/, 'sealed (AES-256-GCM, version 1)');
      const again = client();
      const first = await signIn(again, account.email);
      assert.equal(first.headers.location, '/login/two-factor');
      const second = await again.post('/login/two-factor', { code: currentTotp(secret, Date.now() + 30_000), next: '/member' });
      assert.equal(second.statusCode, 303, 'the sealed secret checks codes');
    });

    test('secrets stored before encryption are sealed when the app starts', async () => {
      const { database } = current();
      const secret = newTotpSecret();
      const legacy = await createAccount(db(), { totpSecret: secret });
      const config = { ...loadConfig({ APP_ENV: 'test', LOG_LEVEL: 'silent' }), database: database.config };
      const app = await buildApp({ config, database: database.handle, mailer: { send: async () => {}, close: async () => {} } });
      await app.ready();
      await app.close();
      const row = await db().selectFrom('accounts').select('totp_secret').where('id', '=', legacy.id).executeTakeFirstOrThrow();
      assert.match(String(row.totp_secret), /^v1:/);
      const browser = client();
      await signIn(browser, legacy.email);
      const res = await browser.post('/login/two-factor', { code: currentTotp(secret), next: '/member' });
      assert.equal(res.statusCode, 303);
    });
  },
  { mail: true },
);
