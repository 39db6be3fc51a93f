import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { beforeEach, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { hashPassword } from '../../security/passwords.ts';
import { TestClient } from '../../../test/client.ts';
import { describeEachEngine } from '../../../test/helper.ts';
import { codeIn, type MailCatcher } from '../../../test/mail-catcher.ts';

const password = 'furusato-renkei-passphrase-26';
const codeSubject = 'メールアドレスの確認コード';

function application(overrides: Record<string, string> = {}): Record<string, string> {
  const email = `reg-${randomUUID().slice(0, 8)}@city.example.lg.jp`;
  return {
    municipality: '名寄市',
    department: '総合政策室',
    fullName: '連携 次郎',
    fullNameKana: 'レンケイ ジロウ',
    displayName: '名寄市 連携',
    email,
    phone: '01654-3-2111',
    password,
    passwordConfirm: password,
    terms: '1',
    ...overrides,
  };
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

describeEachEngine(
  'registration',
  (current) => {
    const db = () => current().database.handle.db;
    const mail = () => current().mail!;
    const client = () => new TestClient(current().app);
    const register = (c: TestClient, form: Record<string, string>) => c.post('/register', form, { from: '/register' });
    const accountOf = (email: string) => db().selectFrom('accounts').selectAll().where('email', '=', email).executeTakeFirst();
    const mustVerifyEmail = (res: LightMyRequestResponse, email: string) => {
      assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
      assert.equal(res.headers.location, `/register/verify?email=${encodeURIComponent(email)}`);
    };

    beforeEach(async () => {
      await db().deleteFrom('rate_limits').execute();
    });

    test('a full registration: application, code by mail, confirmation, then waiting for approval', async () => {
      const browser = client();
      const form = application({ email: `Reg-${randomUUID().slice(0, 8)}@City.Example.LG.JP` });
      const email = form.email!.toLowerCase();
      const res = await register(browser, form);
      mustVerifyEmail(res, email);

      const account = await accountOf(email);
      assert.ok(account, 'the email is stored in lower case');
      assert.equal(account.status, 'pending_email');
      assert.equal(account.role, 'member');
      assert.equal(account.local_government_code, '012211');
      assert.ok(account.terms_accepted_at);
      assert.equal(account.email_verified_at, null);
      assert.notEqual(account.password_hash, password);

      const message = await mail().waitFor(email, codeSubject);
      assert.equal(message.subject, '【特別区全国連携プロジェクト】メールアドレスの確認コード');
      assert.equal(message.html, false, 'plain text only');
      assert.match(message.text, /^\d{6}$/m, 'the code stands on its own line');
      assert.match(message.text, /10分/);
      const code = codeIn(message);

      const page = await browser.follow(res);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, new RegExp(`id="verify-email"[^>]*value="${email}"`));
      const verified = await browser.post('/register/verify', { email, code, password });
      assert.equal(verified.statusCode, 303);
      assert.equal(verified.headers.location, '/register/done');
      const done = await browser.follow(verified);
      assert.ok(done.body.includes('申請を受け付けました。事務局の承認をお待ちください。'));

      const after = await accountOf(email);
      assert.equal(after?.status, 'pending_approval');
      assert.ok(after?.email_verified_at);
      await mail().waitFor(email, '会員登録の申請を受け付けました');
      const audit = await db().selectFrom('audit_events').select('action').where('target_id', '=', account.id).execute();
      assert.deepEqual(audit.map((a) => a.action).sort(), ['account.email_verified', 'account.registered']);

      const again = await browser.post('/register/verify', { email, code, password }, { from: `/register/verify?email=${encodeURIComponent(email)}` });
      assert.equal(again.statusCode, 422, 'a code works once');
    });

    test('an ambiguous municipality (府中市) comes back with the candidates to choose from', async () => {
      const browser = client();
      const form = application({ municipality: '府中市' });
      const res = await register(browser, form);
      assert.equal(res.statusCode, 422);
      assert.ok(res.body.includes('同じ名称の自治体が複数あります。該当する自治体を選んでください。'));
      assert.match(res.body, /<input class="rk-choice__input" type="radio" id="reg-municipality-code" name="municipalityCode" value="132063"/);
      assert.ok(res.body.includes('東京都府中市（132063）'));
      assert.ok(res.body.includes('広島県府中市（342084）'));
      assert.match(res.body, /href="#reg-municipality-code"/);
      assert.doesNotMatch(res.body, new RegExp(password), 'the password is not echoed');

      const chosen = await browser.post('/register', { ...form, municipalityCode: '342084' });
      mustVerifyEmail(chosen, form.email!);
      const account = await accountOf(form.email!);
      assert.equal(account?.local_government_code, '342084');
      assert.equal(account?.role, 'member');
    });

    test('a municipality is found by prefecture and name, reading or code, or reported as unknown', async () => {
      const cases: Array<[string, string]> = [
        ['東京都府中市', '132063'],
        ['広島県 府中市', '342084'],
        ['131016', '131016'],
        ['13101', '131016'],
        ['ちよだく', '131016'],
      ];
      for (const [typed, code] of cases) {
        // Other errors keep the form: the resolved municipality comes back as a hidden code.
        const res = await register(client(), application({ municipality: typed, terms: '' }));
        assert.equal(res.statusCode, 422, typed);
        assert.match(res.body, new RegExp(`<input type="hidden" name="municipalityCode" value="${code}"`), typed);
      }
      const unknown = await register(client(), application({ municipality: 'どこにもない村' }));
      assert.equal(unknown.statusCode, 422);
      assert.ok(unknown.body.includes('該当する自治体が見つかりません。名称または団体コードを確認してください。'));
      assert.match(unknown.body, /value="どこにもない村"/);
    });

    test('フリガナ: romaji is refused, hiragana is accepted and stored as katakana', async () => {
      const roman = await register(client(), application({ fullNameKana: 'Renkei Jiro' }));
      assert.equal(roman.statusCode, 422);
      assert.ok(roman.body.includes('フリガナは全角カタカナで入力してください'));
      assert.match(roman.body, /id="reg-full-name-kana"[^>]*aria-invalid="true"/);

      const form = application({ fullNameKana: 'れんけい　じろう' });
      mustVerifyEmail(await register(client(), form), form.email!);
      assert.equal((await accountOf(form.email!))?.full_name_kana, 'レンケイ ジロウ');
    });

    test('a common password is refused', async () => {
      const res = await register(client(), application({ password: 'password123', passwordConfirm: 'password123' }));
      assert.equal(res.statusCode, 422);
      assert.ok(res.body.includes('よく使われているパスワードのため使用できません。別のパスワードを入力してください。'));
    });

    test('bad input comes back as the same form with a 422, the input kept but never the password', async () => {
      const form = application({ phone: '03-12', displayName: 'あ'.repeat(31), passwordConfirm: 'something-else-entirely' });
      const res = await register(client(), form);
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /入力内容を確認してください/);
      assert.ok(res.body.includes('表示名は30文字以内で入力してください。'));
      assert.ok(res.body.includes('電話番号は半角数字とハイフンで、10〜15桁の数字を入力してください'));
      assert.ok(res.body.includes('確認用のパスワードが一致しません。'));
      assert.match(res.body, /id="reg-department"[^>]*value="総合政策室"/);
      assert.match(res.body, /id="reg-full-name"[^>]*value="連携 次郎"/);
      assert.match(res.body, new RegExp(`id="reg-email"[^>]*value="${form.email}"`));
      assert.match(res.body, /id="reg-phone"[^>]*value="03-12"/);
      assert.match(res.body, /id="reg-terms"[^>]*checked/);
      assert.ok(!res.body.includes(password), 'the password is never echoed');
      assert.ok(!res.body.includes('something-else-entirely'));
      assert.equal(await accountOf(form.email!), undefined);

      const empty = await client().post('/register', { municipality: ['a', 'b'] }, { from: '/register' });
      assert.equal(empty.statusCode, 422, 'repeated or missing fields are a 422, not a 500');
      assert.ok(empty.body.includes('会員登録には利用規約への同意が必要です。'));
    });

    test('an email that already has an account gets the same answer, and its owner a mail', async () => {
      const now = new Date().toISOString();
      const email = `owner-${randomUUID().slice(0, 8)}@city.example.lg.jp`;
      await db()
        .insertInto('accounts')
        .values({
          id: randomUUID(),
          email,
          password_hash: await hashPassword('the-owners-own-passphrase'),
          role: 'member',
          status: 'active',
          local_government_code: '012211',
          department: '企画課',
          full_name: '既存 一郎',
          full_name_kana: 'キゾン イチロウ',
          display_name: '既存',
          phone: '0165432111',
          terms_accepted_at: now,
          email_verified_at: now,
          password_changed_at: now,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const res = await register(client(), application({ email: email.toUpperCase() }));
      mustVerifyEmail(res, email);
      const notice = await mail().waitFor(email, 'このメールアドレスは既に登録されています');
      assert.match(notice.text, /\/login/);
      assert.match(notice.text, /\/password\/forgot/);
      const accounts = await db().selectFrom('accounts').select(['full_name', 'status']).where('email', '=', email).execute();
      assert.deepEqual(accounts, [{ full_name: '既存 一郎', status: 'active' }], 'nothing changed');
      assert.ok(!mail().messages.some((m) => m.to.includes(email) && m.subject.includes(codeSubject)), 'no code was sent');
    });

    test('the code expires after 10 minutes and allows only 5 wrong tries', async () => {
      const browser = client();
      const form = application();
      const email = form.email!;
      mustVerifyEmail(await register(browser, form), email);
      const first = codeIn(await mail().waitFor(email, codeSubject));
      const account = (await accountOf(email))!;
      await db().updateTable('one_time_codes').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('account_id', '=', account.id).execute();
      const expired = await browser.post('/register/verify', { email, code: first, password }, { from: `/register/verify?email=${encodeURIComponent(email)}` });
      assert.equal(expired.statusCode, 422);
      assert.ok(expired.body.includes('確認コードの有効期限が切れています。もう一度送信してください。'));

      const resent = await browser.post('/register/resend', { email });
      assert.equal(resent.statusCode, 303);
      assert.equal(resent.headers.location, `/register/verify?email=${encodeURIComponent(email)}&resent=1`);
      const code = codeIn(await nextMail(mail(), email, codeSubject, 1));
      await browser.follow(resent);
      const wrongCode = code === '000000' ? '111111' : '000000';
      for (let i = 1; i <= 4; i++) {
        const res = await browser.post('/register/verify', { email, code: wrongCode, password });
        assert.equal(res.statusCode, 422);
        assert.ok(res.body.includes('確認コードまたはパスワードが正しくありません。'), `try ${i}`);
      }
      const fifth = await browser.post('/register/verify', { email, code: wrongCode, password });
      assert.ok(fifth.body.includes('確認コードの入力回数が上限に達しました。もう一度送信してください。'));
      const right = await browser.post('/register/verify', { email, code, password });
      assert.equal(right.statusCode, 422, 'even the right code no longer works');
      assert.ok(right.body.includes('確認コードの入力回数が上限に達しました。'));
      assert.equal((await accountOf(email))?.status, 'pending_email');
    });

    test('an unknown email gets the answer of a wrong code, and a neutral answer to resend', async () => {
      const browser = client();
      const res = await browser.post('/register/verify', { email: 'never-registered@city.example.lg.jp', code: '123456', password }, { from: '/register/verify' });
      assert.equal(res.statusCode, 422);
      assert.ok(res.body.includes('確認コードまたはパスワードが正しくありません。'));
      const resend = await browser.post('/register/resend', { email: 'never-registered@city.example.lg.jp' });
      assert.equal(resend.statusCode, 303);
      assert.equal(resend.headers.location, `/register/verify?email=${encodeURIComponent('never-registered@city.example.lg.jp')}&resent=1`);
    });

    test('staff of a special ward register as ward staff; prefectural staff as members', async () => {
      const ward = application({ municipality: '千代田区' });
      mustVerifyEmail(await register(client(), ward), ward.email!);
      const wardAccount = await accountOf(ward.email!);
      assert.equal(wardAccount?.role, 'ward_staff');
      assert.equal(wardAccount?.local_government_code, '131016');

      const prefecture = application({ municipality: '東京都' });
      mustVerifyEmail(await register(client(), prefecture), prefecture.email!);
      const prefectureAccount = await accountOf(prefecture.email!);
      assert.equal(prefectureAccount?.role, 'member');
      assert.equal(prefectureAccount?.local_government_code, '130001');
    });

    test('the form has labels, autocomplete and the terms link; the terms page is marked as a draft', async () => {
      const page = await client().get('/register');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<label class="rk-label" for="reg-municipality">/);
      assert.match(page.body, /<input id="reg-email"[^>]*type="email"[^>]*autocomplete="email"/);
      assert.match(page.body, /<input id="reg-password"[^>]*autocomplete="new-password"/);
      assert.match(page.body, /<input id="reg-phone"[^>]*type="tel"[^>]*autocomplete="tel"/);
      assert.match(page.body, /href="\/terms"/);
      assert.match(page.body, /利用規約に同意する/);
      assert.match(page.body, /href="\/login"/);
      const terms = await client().get('/terms');
      assert.equal(terms.statusCode, 200);
      assert.match(terms.body, /利用規約（案）/);
      assert.match(terms.body, /表示名及び所属自治体名のみ/);
    });
  },
  { mail: true },
);
