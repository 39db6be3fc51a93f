import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import SQLite from 'better-sqlite3';
import { prepareDatabase } from '../../db/prepare.ts';
import type { AccountStatus, Database, Role } from '../../db/schema.ts';
import { demoPassword, demoTotpSecret } from '../../db/seed/demo-accounts.ts';
import { createSession } from '../../db/sessions.ts';
import { formatIsoDate } from '../../domain/japanese-date.ts';
import { hashPassword, verifyPassword } from '../../security/passwords.ts';
import { newTotpSecret } from '../../security/totp.ts';
import { TestClient } from '../../../test/client.ts';
import { createTestDatabase, describeEachEngine, engines, postgresSkipReason } from '../../../test/helper.ts';

interface NewAccount {
  role?: Role;
  status?: AccountStatus;
  code?: string | null;
  twoFactor?: boolean;
  email?: string;
  fullName?: string;
  kana?: string;
  displayName?: string;
  createdAt?: string;
}

let passwordHash: string | undefined;

async function insertAccount(db: Kysely<Database>, a: NewAccount = {}): Promise<{ id: string; email: string }> {
  passwordHash ??= await hashPassword('correct horse battery staple');
  const id = randomUUID();
  const email = a.email ?? `${id}@example.lg.jp`;
  const now = a.createdAt ?? new Date().toISOString();
  await db
    .insertInto('accounts')
    .values({
      id,
      email,
      password_hash: passwordHash,
      role: a.role ?? 'member',
      status: a.status ?? 'active',
      local_government_code: a.code === undefined ? '012211' : a.code,
      department: '企画課',
      full_name: a.fullName ?? '試験 太郎',
      full_name_kana: a.kana ?? 'シケン タロウ',
      display_name: a.displayName ?? '試験さん',
      phone: '03-0000-0000',
      terms_accepted_at: now,
      email_verified_at: now,
      totp_secret: a.twoFactor ? newTotpSecret() : null,
      totp_enabled_at: a.twoFactor ? now : null,
      password_changed_at: now,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, email };
}

/** Every secretariat route, with a concrete URL (ids point at `targetId`). */
function adminRoutes(targetId: string): Array<{ method: 'GET' | 'POST'; url: string }> {
  return [
    { method: 'GET', url: '/admin' },
    { method: 'GET', url: '/admin/approvals' },
    { method: 'POST', url: `/admin/approvals/${targetId}/approve` },
    { method: 'POST', url: `/admin/approvals/${targetId}/reject` },
    { method: 'GET', url: '/admin/accounts' },
    { method: 'GET', url: `/admin/accounts/${targetId}` },
    { method: 'POST', url: `/admin/accounts/${targetId}/disable` },
    { method: 'POST', url: `/admin/accounts/${targetId}/enable` },
    { method: 'POST', url: `/admin/accounts/${targetId}/role` },
    { method: 'GET', url: '/admin/mail-domains' },
    { method: 'POST', url: '/admin/mail-domains' },
    { method: 'POST', url: '/admin/mail-domains/remove' },
    { method: 'GET', url: '/admin/audit' },
  ];
}

/** The values of `data-action` in the audit table: one per row. */
const auditActionsIn = (html: string) => [...html.matchAll(/<td data-action="([^"]+)"/g)].map((m) => m[1]!);

describeEachEngine(
  'secretariat back office',
  (current) => {
    const db = () => current().database.handle.db;

    /** A client signed in as a new account (session created directly, as the sign-in pages would). */
    async function signedIn(account: NewAccount = {}): Promise<{ client: TestClient; id: string; email: string }> {
      const { id, email } = await insertAccount(db(), account);
      const client = await clientFor(id);
      return { client, id, email };
    }
    async function clientFor(accountId: string): Promise<TestClient> {
      const { token } = await createSession(db(), { accountId, stage: 'authenticated', ip: '', userAgent: 'test' });
      const client = new TestClient(current().app);
      client.cookies.set('renkei_session', token);
      return client;
    }
    const secretariat = () => signedIn({ role: 'secretariat', code: null, twoFactor: true });
    const accountRow = (id: string) => db().selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const auditOf = (action: string, targetId: string) =>
      db().selectFrom('audit_events').selectAll().where('action', '=', action).where('target_id', '=', targetId).execute();

    let admin: TestClient;
    let adminId: string;
    before(async () => {
      ({ client: admin, id: adminId } = await secretariat());
    });

    describe('who may use the back office', () => {
      let targetId: string;
      before(async () => {
        ({ id: targetId } = await insertAccount(db(), { status: 'pending_approval' }));
      });

      test('an anonymous visitor is sent to sign in from every secretariat page', async () => {
        const client = new TestClient(current().app);
        for (const r of adminRoutes(targetId).filter((x) => x.method === 'GET')) {
          const res = await client.get(r.url);
          assert.equal(res.statusCode, 303, r.url);
          assert.equal(res.headers.location, `/login?next=${encodeURIComponent(r.url)}`);
        }
      });

      for (const [name, role, code] of [
        ['a member of 名寄市', 'member', '012211'],
        ['a ward officer of 千代田区', 'ward_staff', '131016'],
      ] as const) {
        test(`${name} gets 403 on every secretariat route, GET and POST`, async () => {
          const { client } = await signedIn({ role, code });
          for (const r of adminRoutes(targetId)) {
            // The header's sign-out form gives the CSRF token, so what is tested is authorisation.
            const res = r.method === 'GET' ? await client.get(r.url) : await client.post(r.url, { reason: 'x', role: 'secretariat' }, { from: '/municipalities/131016' });
            assert.equal(res.statusCode, 403, `${r.method} ${r.url}`);
            assert.match(res.body, /権限がありません/);
          }
          assert.equal((await accountRow(targetId)).status, 'pending_approval', 'nothing they posted decided the application');
        });
      }

      test('the secretariat without two-factor authentication is sent to set it up first', async () => {
        const { client } = await signedIn({ role: 'secretariat', code: null, twoFactor: false });
        for (const r of adminRoutes(targetId)) {
          const res = r.method === 'GET' ? await client.get(r.url) : await client.post(r.url, {}, { from: '/municipalities/131016' });
          assert.equal(res.statusCode, 303, `${r.method} ${r.url}`);
          assert.equal(res.headers.location, '/member/two-factor?required=1');
        }
        assert.equal((await accountRow(targetId)).status, 'pending_approval');
      });

      test('the secretariat with two-factor authentication sees every page', async () => {
        for (const r of adminRoutes(targetId).filter((x) => x.method === 'GET')) {
          const res = await admin.get(r.url);
          assert.equal(res.statusCode, 200, r.url);
          assert.match(res.body, /<nav class="rk-breadcrumbs"[\s\S]*トップ[\s\S]*事務局/);
        }
      });

      test('a POST without a CSRF token is refused and changes nothing', async () => {
        await admin.get('/admin/approvals');
        const res = await admin.post(`/admin/approvals/${targetId}/approve`, {}, { csrf: false });
        assert.equal(res.statusCode, 403);
        assert.match(res.body, /送信を受け付けられませんでした/);
        assert.equal((await accountRow(targetId)).status, 'pending_approval');
        const added = await admin.post('/admin/mail-domains', { code: '131016', domain: 'csrf.example.jp' }, { csrf: false });
        assert.equal(added.statusCode, 403);
        assert.equal((await db().selectFrom('mail_domains').select('domain').where('domain', '=', 'csrf.example.jp').execute()).length, 0);
      });
    });

    describe('the overview', () => {
      test('shows the applications waiting, accounts by role and status, member municipalities and the latest events', async () => {
        await insertAccount(db(), { status: 'pending_approval' });
        const pending = await db().selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'pending_approval').executeTakeFirstOrThrow();
        const res = await admin.get('/admin');
        assert.equal(res.statusCode, 200);
        assert.match(res.body, new RegExp(`<a href="/admin/approvals">承認待ちの申請が${Number(pending.n)}件あります</a>`));
        assert.match(res.body, /会員登録自治体は\d+団体です。/);
        assert.match(res.body, /href="\/admin\/accounts\?role=member&(amp;)?status=active"/);
        assert.match(res.body, /最近の記録/);
      });
    });

    describe('approving and rejecting applications', () => {
      test('the queue lists applications oldest first, with the ward marked and the mail domain checked in words', async () => {
        await admin.post('/admin/mail-domains', { code: '012211', domain: 'city.nayoro.lg.jp' }, { from: '/admin/mail-domains' });
        await insertAccount(db(), { status: 'pending_approval', email: `${randomUUID().slice(0, 8)}@city.nayoro.lg.jp`, fullName: '名寄 一郎', createdAt: '2020-01-01T00:00:00.000Z' });
        const ward = await insertAccount(db(), { status: 'pending_approval', role: 'ward_staff', code: '131016', email: `${randomUUID().slice(0, 8)}@gmail.example`, fullName: '千代田 花子' });
        const res = await admin.get('/admin/approvals');
        assert.equal(res.statusCode, 200);
        const olderAt = res.body.indexOf('名寄 一郎（');
        const wardAt = res.body.indexOf('千代田 花子（');
        assert.ok(olderAt > 0 && wardAt > olderAt, 'oldest first');
        const olderSection = res.body.slice(olderAt, res.body.indexOf('</section>', olderAt));
        const wardSection = res.body.slice(wardAt, res.body.indexOf('</section>', wardAt));
        assert.match(olderSection, /登録済みドメインと一致/);
        assert.match(olderSection, /2020年\(令和2年\)1月1日 09:00/, 'applied at, in Japan time');
        assert.match(olderSection, /名寄市<\/span><span>（北海道）<\/span> <span class="rk-table__code">012211/);
        assert.match(wardSection, /一致するドメインなし（要確認）/);
        assert.match(wardSection, /<span class="rk-badge">区職員<\/span>/);
        assert.match(wardSection, new RegExp(`action="/admin/approvals/${ward.id}/approve"`));
        assert.match(wardSection, new RegExp(`<textarea id="reason-${ward.id}"[^>]*maxlength="1000"`));
      });

      test('approving the first member of a municipality makes it a registered member from today (JST), once', async () => {
        const code = '012025'; // 函館市
        const first = await insertAccount(db(), { status: 'pending_approval', code });
        const res = await admin.post(`/admin/approvals/${first.id}/approve`, {}, { from: '/admin/approvals' });
        assert.equal(res.statusCode, 303);
        assert.equal(res.headers.location, '/admin/approvals?done=approved');
        const page = await admin.follow(res);
        assert.match(page.body, /申請を承認し、申請者にメールで通知しました。/);
        const row = await accountRow(first.id);
        assert.equal(row.status, 'active');
        assert.equal(row.role, 'member');
        assert.equal(row.decided_by, adminId);
        assert.ok(row.decided_at, 'decided_at is set');
        const member = await db().selectFrom('registered_members').selectAll().where('local_government_code', '=', code).executeTakeFirstOrThrow();
        assert.equal(member.joined_on, formatIsoDate(new Date()));
        assert.equal(member.source, 'account');

        const mail = await current().mail!.waitFor(first.email, '承認');
        assert.match(mail.text, /承認されました/);
        assert.match(mail.text, /http:\/\/localhost:\d+\/login/);
        assert.equal(mail.html, false, 'plain text only');
        assert.equal((await auditOf('account.approved', first.id)).length, 1);

        // A later member of the same municipality leaves the date alone.
        await db().updateTable('registered_members').set({ joined_on: '2024-04-01' }).where('local_government_code', '=', code).execute();
        const second = await insertAccount(db(), { status: 'pending_approval', code });
        assert.equal((await admin.post(`/admin/approvals/${second.id}/approve`, {}, { from: '/admin/approvals' })).statusCode, 303);
        const rows = await db().selectFrom('registered_members').selectAll().where('local_government_code', '=', code).execute();
        assert.equal(rows.length, 1);
        assert.equal(rows[0]!.joined_on, '2024-04-01');
      });

      test('approving ward staff keeps the role and does not make the ward a registered member', async () => {
        const ward = await insertAccount(db(), { status: 'pending_approval', role: 'ward_staff', code: '131024' }); // 中央区
        assert.equal((await admin.post(`/admin/approvals/${ward.id}/approve`, {}, { from: '/admin/approvals' })).statusCode, 303);
        const row = await accountRow(ward.id);
        assert.equal(row.status, 'active');
        assert.equal(row.role, 'ward_staff');
        assert.equal((await db().selectFrom('registered_members').select('joined_on').where('local_government_code', '=', '131024').execute()).length, 0);
      });

      test('an application already decided cannot be decided again (409), and an unknown one is 404', async () => {
        const done = await insertAccount(db(), { status: 'active' });
        const res = await admin.post(`/admin/approvals/${done.id}/approve`, {}, { from: '/admin/approvals' });
        assert.equal(res.statusCode, 409);
        assert.match(res.body, /すでに承認または却下されている/);
        const reject = await admin.post(`/admin/approvals/${done.id}/reject`, { reason: '重複' }, { from: '/admin/approvals' });
        assert.equal(reject.statusCode, 409);
        assert.equal((await accountRow(done.id)).status, 'active');
        const missing = await admin.post(`/admin/approvals/${randomUUID()}/approve`, {}, { from: '/admin/approvals' });
        assert.equal(missing.statusCode, 404);
        const bad = await admin.post('/admin/approvals/not%20an%20id/approve', {}, { from: '/admin/approvals' });
        assert.equal(bad.statusCode, 404);
      });

      test('rejecting needs a reason: without one the queue comes back with 422 and the input kept', async () => {
        const applicant = await insertAccount(db(), { status: 'pending_approval' });
        const res = await admin.post(`/admin/approvals/${applicant.id}/reject`, { reason: '   ' }, { from: '/admin/approvals' });
        assert.equal(res.statusCode, 422);
        assert.match(res.body, /<title>エラー：/);
        assert.match(res.body, new RegExp(`<a href="#reason-${applicant.id}">却下の理由を入力してください。</a>`));
        assert.match(res.body, new RegExp(`<textarea id="reason-${applicant.id}"[^>]*aria-invalid="true"`));
        assert.equal((await accountRow(applicant.id)).status, 'pending_approval');

        const tooLong = await admin.post(`/admin/approvals/${applicant.id}/reject`, { reason: 'あ'.repeat(1001) }, { from: '/admin/approvals' });
        assert.equal(tooLong.statusCode, 422);
        assert.match(tooLong.body, /1000文字以内/);
        assert.match(tooLong.body, /あああ/, 'what was typed is kept');
      });

      test('rejecting with a reason records it and mails it to the applicant', async () => {
        const applicant = await insertAccount(db(), { status: 'pending_approval' });
        const reason = '所属を確認できませんでした。<script>alert(1)</script>';
        const res = await admin.post(`/admin/approvals/${applicant.id}/reject`, { reason }, { from: '/admin/approvals' });
        assert.equal(res.statusCode, 303);
        assert.equal(res.headers.location, '/admin/approvals?done=rejected');
        const row = await accountRow(applicant.id);
        assert.equal(row.status, 'rejected');
        assert.equal(row.decision_reason, reason);
        assert.equal(row.decided_by, adminId);
        const mail = await current().mail!.waitFor(applicant.email, '申請');
        assert.ok(mail.text.includes(reason), `the reason is in the mail: ${mail.text}`);
        const audit = await auditOf('account.rejected', applicant.id);
        assert.equal(audit.length, 1);
        // The reason is shown escaped on the account page.
        const page = await admin.get(`/admin/accounts/${applicant.id}`);
        assert.ok(page.body.includes('所属を確認できませんでした。&lt;script>alert(1)&lt;/script>'), 'the reason is shown as text');
        assert.ok(!page.body.includes('<script>alert(1)'), 'the reason is escaped');
      });
    });

    describe('managing accounts', () => {
      test('the list searches by email, name, reading, display name and municipality, with filters in the URL', async () => {
        const tag = randomUUID().slice(0, 8);
        const target = await insertAccount(db(), { email: `find-${tag}@city.hakodate.lg.jp`, fullName: '検索 太郎', kana: 'ケンサク タロウ', displayName: `探し${tag}`, code: '012025' });
        for (const q of [`find-${tag}`, `FIND-${tag}`, `探し${tag}`]) {
          const res = await admin.get(`/admin/accounts?q=${encodeURIComponent(q)}`);
          assert.equal(res.statusCode, 200, q);
          assert.match(res.body, new RegExp(`href="/admin/accounts/${target.id}"`), q);
          assert.match(res.body, /1件中 1〜1件を表示/, q);
        }
        for (const q of ['検索 太郎', 'けんさく', 'ケンサク', '函館', '012025']) {
          const res = await admin.get(`/admin/accounts?q=${encodeURIComponent(q)}`);
          assert.match(res.body, new RegExp(`href="/admin/accounts/${target.id}"`), q);
        }
        const filtered = await admin.get(`/admin/accounts?q=${encodeURIComponent(`find-${tag}`)}&role=ward_staff`);
        assert.match(filtered.body, /条件に合うアカウントはありません。/);
        const byStatus = await admin.get(`/admin/accounts?q=${encodeURIComponent(`find-${tag}`)}&role=member&status=active`);
        assert.match(byStatus.body, /<option value="member" selected>/);
        assert.match(byStatus.body, /<option value="active" selected>/);
        assert.match(byStatus.body, new RegExp(`href="/admin/accounts/${target.id}"`));
      });

      test('a bad filter answers 400 with the form and messages in Japanese', async () => {
        const res = await admin.get('/admin/accounts?role=king&status=happy&page=0');
        assert.equal(res.statusCode, 400);
        assert.match(res.body, /役割は一覧から選んでください。/);
        assert.match(res.body, /状態は一覧から選んでください。/);
        assert.match(res.body, /ページ番号は1以上の数字で指定してください。/);
        assert.match(res.body, /<form class="rk-filter" action="\/admin\/accounts" method="get"/);
      });

      test('the account page shows the details but never the password hash or the TOTP secret', async () => {
        const { id } = await insertAccount(db(), { twoFactor: true });
        const secret = (await accountRow(id)).totp_secret!;
        await clientFor(id);
        const res = await admin.get(`/admin/accounts/${id}`);
        assert.equal(res.statusCode, 200);
        assert.match(res.body, /2段階認証<\/dt><dd>設定済み/);
        assert.match(res.body, /ログイン中のセッション<\/dt><dd>1件/);
        assert.ok(!res.body.includes(secret), 'no TOTP secret');
        assert.ok(!res.body.includes('$argon2'), 'no password hash');
        assert.equal((await admin.get(`/admin/accounts/${randomUUID()}`)).statusCode, 404);
      });

      test('the account page shows the mail setting of each kind of notification, not the old single frequency', async () => {
        const { id } = await insertAccount(db());
        // The old single setting says otherwise; the page must follow the per-kind settings.
        await db().updateTable('accounts').set({ notification_frequency: 'none' }).where('id', '=', id).execute();
        await db().insertInto('notification_preferences').values({ account_id: id, kind: 'watching', frequency: 'immediate', updated_at: new Date().toISOString() }).execute();
        const res = await admin.get(`/admin/accounts/${id}`);
        assert.equal(res.statusCode, 200);
        assert.match(res.body, /通知メールの設定<\/dt><dd><ul class="rk-plain-list">/);
        assert.match(res.body, /<li>ウォッチ中のスレッド・カテゴリ：すぐに<\/li>/, 'the chosen setting');
        assert.match(res.body, /<li>あなた・あなたの自治体宛て：すぐに<\/li>/, 'a default');
        assert.match(res.body, /<li>あなたの投稿への返信：すぐに<\/li>/);
        assert.match(res.body, /<li>おすすめ：週1回まとめて（月曜の朝7時）<\/li>/);
        assert.doesNotMatch(res.body, /お知らせメール|メールで受け取らない|受け取らない/);
      });

      test('disabling an account ends every one of its sessions and is audited; enabling brings it back', async () => {
        const target = await signedIn({ role: 'secretariat', code: null, twoFactor: true });
        const second = await clientFor(target.id);
        assert.equal((await target.client.get('/admin')).statusCode, 200, 'signed in before');
        const res = await admin.post(`/admin/accounts/${target.id}/disable`, { reason: '退職のため' }, { from: `/admin/accounts/${target.id}` });
        assert.equal(res.statusCode, 303);
        const page = await admin.follow(res);
        assert.match(page.body, /アカウントを無効にしました。/);
        assert.match(page.body, /無効にした理由<\/dt><dd>退職のため/);
        for (const client of [target.client, second]) {
          const after = await client.get('/admin');
          assert.equal(after.statusCode, 303);
          assert.match(String(after.headers.location), /^\/login\?next=/);
        }
        const sessions = await db().selectFrom('sessions').select('id_hash').where('account_id', '=', target.id).execute();
        assert.equal(sessions.length, 0);
        const row = await accountRow(target.id);
        assert.equal(row.status, 'disabled');
        assert.ok(row.disabled_at, 'disabled_at is set');
        const audit = await auditOf('account.disabled', target.id);
        assert.equal(audit.length, 1);
        assert.equal(audit[0]!.actor_account_id, adminId);
        assert.deepEqual(JSON.parse(audit[0]!.detail), { email: target.email, reason: '退職のため', sessionsEnded: 2 });

        const again = await admin.post(`/admin/accounts/${target.id}/disable`, {}, { from: `/admin/accounts/${target.id}` });
        assert.equal(again.statusCode, 409, 'already disabled');

        const enabled = await admin.post(`/admin/accounts/${target.id}/enable`, {}, { from: `/admin/accounts/${target.id}` });
        assert.equal(enabled.statusCode, 303);
        assert.equal((await accountRow(target.id)).status, 'active');
        assert.equal((await auditOf('account.enabled', target.id)).length, 1);
        assert.equal((await target.client.get('/admin')).statusCode, 303, 'old sessions stay ended');
      });

      test('the secretariat cannot disable their own account or change their own role', async () => {
        const page = await admin.get(`/admin/accounts/${adminId}`);
        assert.match(page.body, /ご自身のアカウントは、無効にすることも役割を変更することもできません。/);
        assert.doesNotMatch(page.body, /action="[^"]*\/disable"/);
        const res = await admin.post(`/admin/accounts/${adminId}/disable`, {}, { from: '/admin' });
        assert.equal(res.statusCode, 422);
        assert.match(res.body, /ご自身のアカウントは無効にできません。/);
        const role = await admin.post(`/admin/accounts/${adminId}/role`, { role: 'member' }, { from: '/admin' });
        assert.equal(role.statusCode, 422);
        assert.match(role.body, /ご自身の役割は変更できません。/);
        const row = await accountRow(adminId);
        assert.equal(row.status, 'active');
        assert.equal(row.role, 'secretariat');
      });

      test('ward staff is only for people of a special ward; role changes are audited with before and after', async () => {
        const member = await insertAccount(db(), { role: 'member', code: '012211' });
        const refused = await admin.post(`/admin/accounts/${member.id}/role`, { role: 'ward_staff' }, { from: `/admin/accounts/${member.id}` });
        assert.equal(refused.statusCode, 422);
        assert.match(refused.body, /区職員にできるのは、所属が特別区（東京23区）のアカウントだけです。/);
        assert.match(refused.body, /<option value="ward_staff" selected>/, 'the choice is kept');
        assert.equal((await accountRow(member.id)).role, 'member');

        const noGovernment = await insertAccount(db(), { role: 'secretariat', code: null });
        const toMember = await admin.post(`/admin/accounts/${noGovernment.id}/role`, { role: 'member' }, { from: `/admin/accounts/${noGovernment.id}` });
        assert.equal(toMember.statusCode, 422);
        assert.match(toMember.body, /所属自治体が登録されていないアカウントは/);

        const bad = await admin.post(`/admin/accounts/${member.id}/role`, { role: 'emperor' }, { from: `/admin/accounts/${member.id}` });
        assert.equal(bad.statusCode, 422);
        assert.match(bad.body, /役割を選んでください。/);

        const promoted = await admin.post(`/admin/accounts/${member.id}/role`, { role: 'secretariat' }, { from: `/admin/accounts/${member.id}` });
        assert.equal(promoted.statusCode, 303);
        assert.equal((await accountRow(member.id)).role, 'secretariat');
        const audit = await auditOf('account.role_changed', member.id);
        assert.equal(audit.length, 1);
        assert.deepEqual(JSON.parse(audit[0]!.detail), { email: member.email, before: 'member', after: 'secretariat' });

        const wardOfficer = await insertAccount(db(), { role: 'member', code: '131016' });
        assert.equal((await admin.post(`/admin/accounts/${wardOfficer.id}/role`, { role: 'ward_staff' }, { from: `/admin/accounts/${wardOfficer.id}` })).statusCode, 303);
        assert.equal((await accountRow(wardOfficer.id)).role, 'ward_staff');

        const pending = await insertAccount(db(), { status: 'pending_approval', code: '131016' });
        const early = await admin.post(`/admin/accounts/${pending.id}/role`, { role: 'ward_staff' }, { from: `/admin/accounts/${pending.id}` });
        assert.equal(early.statusCode, 422);
        assert.match(early.body, /承認前のアカウントの役割は変更できません。/);
      });
    });

    describe('the mail-domain allowlist', () => {
      test('a domain is added lower-cased, refused twice, and removed; both are audited', async () => {
        const added = await admin.post('/admin/mail-domains', { code: '１３１０１６', domain: ' City.Chiyoda.LG.JP ' }, { from: '/admin/mail-domains' });
        assert.equal(added.statusCode, 303);
        const page = await admin.follow(added);
        assert.match(page.body, /メールドメインを許可リストに追加しました。/);
        assert.match(page.body, /<td class="rk-table__code">city\.chiyoda\.lg\.jp<\/td>/);
        const rows = await db().selectFrom('mail_domains').selectAll().where('local_government_code', '=', '131016').where('domain', '=', 'city.chiyoda.lg.jp').execute();
        assert.equal(rows.length, 1);
        assert.equal(rows[0]!.created_by, adminId);
        assert.equal((await auditOf('mail_domain.added', '131016:city.chiyoda.lg.jp')).length, 1);

        const duplicate = await admin.post('/admin/mail-domains', { code: '131016', domain: 'city.chiyoda.lg.jp' }, { from: '/admin/mail-domains' });
        assert.equal(duplicate.statusCode, 422);
        assert.match(duplicate.body, /このドメインはこの自治体にすでに登録されています。/);

        const removed = await admin.post('/admin/mail-domains/remove', { code: '131016', domain: 'city.chiyoda.lg.jp' }, { from: '/admin/mail-domains' });
        assert.equal(removed.statusCode, 303);
        assert.match((await admin.follow(removed)).body, /メールドメインを許可リストから削除しました。/);
        assert.equal((await db().selectFrom('mail_domains').select('domain').where('domain', '=', 'city.chiyoda.lg.jp').execute()).length, 0);
        assert.equal((await auditOf('mail_domain.removed', '131016:city.chiyoda.lg.jp')).length, 1);
        const twice = await admin.post('/admin/mail-domains/remove', { code: '131016', domain: 'city.chiyoda.lg.jp' }, { from: '/admin/mail-domains' });
        assert.equal(twice.statusCode, 404);
      });

      for (const [input, pattern] of [
        [{ code: '', domain: '' }, /団体コードを入力してください。[\s\S]*ドメインを入力してください。/],
        [{ code: '131017', domain: 'city.chiyoda.lg.jp' }, /6桁の全国地方公共団体コード/],
        [{ code: '139998', domain: 'example.jp' }, /この団体コードの自治体は登録されていません。/],
        [{ code: '131016', domain: 'someone@city.chiyoda.lg.jp' }, /「@」より後ろのドメインだけ/],
        [{ code: '131016', domain: 'localhost' }, /「city\.chiyoda\.lg\.jp」のような形式/],
        [{ code: '131016', domain: 'bad_domain.example.jp' }, /「city\.chiyoda\.lg\.jp」のような形式/],
      ] as const) {
        test(`adding ${JSON.stringify(input)} is refused with a message in Japanese and the input kept`, async () => {
          const res = await admin.post('/admin/mail-domains', input, { from: '/admin/mail-domains' });
          assert.equal(res.statusCode, 422);
          assert.match(res.body, pattern);
          assert.match(res.body, /<div class="rk-error-summary"/);
          if (input.domain) assert.ok(res.body.includes(`value="${input.domain}"`), 'the input is kept');
        });
      }
    });

    describe('the audit log', () => {
      test('filtering by action shows only that action, newest first, in Japan time', async () => {
        await admin.post('/admin/mail-domains', { code: '012211', domain: 'audit.nayoro.example.jp' }, { from: '/admin/mail-domains' });
        const res = await admin.get('/admin/audit?action=mail_domain.added');
        assert.equal(res.statusCode, 200);
        const actions = auditActionsIn(res.body);
        assert.ok(actions.length > 0, 'some rows are shown');
        assert.deepEqual([...new Set(actions)], ['mail_domain.added']);
        assert.match(res.body, /<option value="mail_domain.added" selected>メールドメインの追加<\/option>/);
        assert.match(res.body, /\d{4}年\(令和\d+年\)\d+月\d+日 \d{2}:\d{2}/);
        assert.match(res.body, /domain: audit\.nayoro\.example\.jp/);
      });

      test('filtering by the actor’s email and by JST days', async () => {
        const { client, email } = await secretariat();
        await client.post('/admin/mail-domains', { code: '012211', domain: 'by-actor.example.jp' }, { from: '/admin/mail-domains' });
        const mine = await admin.get(`/admin/audit?actor=${encodeURIComponent(email.toUpperCase())}`);
        assert.deepEqual([...new Set(auditActionsIn(mine.body))], ['mail_domain.added']);
        // An event at 2026-04-01 00:30 JST (= 03-31 15:30 UTC) belongs to 1 April in Japan.
        await db()
          .insertInto('audit_events')
          .values({ id: randomUUID(), occurred_at: '2026-03-31T15:30:00.000Z', actor_account_id: null, action: 'auth.sign_in_failed', target_type: null, target_id: null, ip: '192.0.2.1', detail: '{"email":"x@example.jp"}' })
          .execute();
        const april = await admin.get('/admin/audit?from=2026-04-01&to=2026-04-01');
        assert.deepEqual(auditActionsIn(april.body), ['auth.sign_in_failed']);
        assert.match(april.body, /2026年\(令和8年\)4月1日 00:30/);
        const march = await admin.get('/admin/audit?from=2026-03-01&to=2026-03-31');
        assert.deepEqual(auditActionsIn(march.body), []);
      });

      test('bad filters answer 400 with messages in Japanese', async () => {
        const res = await admin.get('/admin/audit?action=account.exploded&from=2026-02-30&to=x');
        assert.equal(res.statusCode, 400);
        assert.match(res.body, /操作は一覧から選んでください。/);
        assert.match(res.body, /開始日を「2026-04-01」のような形式の正しい日付で入力してください。/);
        assert.match(res.body, /終了日を/);
        const reversed = await admin.get('/admin/audit?from=2026-04-02&to=2026-04-01');
        assert.equal(reversed.statusCode, 400);
        assert.match(reversed.body, /終了日は開始日と同じか、それより後の日付にしてください。/);
      });

      test('the details are shown as escaped text', async () => {
        await db()
          .insertInto('audit_events')
          .values({ id: randomUUID(), occurred_at: new Date().toISOString(), actor_account_id: null, action: 'auth.sign_in_failed', target_type: null, target_id: null, ip: '', detail: JSON.stringify({ email: '<img src=x onerror=alert(1)>' }) })
          .execute();
        const res = await admin.get('/admin/audit?action=auth.sign_in_failed');
        assert.ok(res.body.includes('email: &lt;img src=x onerror=alert(1)>'), 'the detail is shown as text');
        assert.ok(!res.body.includes('<img src=x'), 'the detail is escaped');
      });
    });
  },
  { mail: true },
);

describe('sample accounts', () => {
  for (const engine of engines) {
    const skip = engine === 'postgres' ? postgresSkipReason : undefined;
    test(`are loaded once, idempotently, and only with demo data outside production [${engine}]`, { skip }, async () => {
      const withDemo = await createTestDatabase(engine, { demoData: true });
      const without = await createTestDatabase(engine, { demoData: false });
      try {
        const samples = (db: Kysely<Database>) => db.selectFrom('accounts').selectAll().where('is_sample', '=', 1).orderBy('email').execute();
        const report = await prepareDatabase(withDemo.handle.db, { demoData: true, env: 'development' });
        const rows = await samples(withDemo.handle.db);
        assert.equal(rows.length, 3, 'still three after a second run');
        assert.deepEqual(
          rows.map((r) => [r.email, r.role, r.status, r.local_government_code, r.display_name]),
          [
            ['sample-member@renkei.example', 'member', 'active', '012211', 'サンプル名寄市職員'],
            ['sample-secretariat@renkei.example', 'secretariat', 'active', null, 'サンプル事務局'],
            ['sample-ward@renkei.example', 'ward_staff', 'active', '131016', 'サンプル千代田区職員'],
          ],
        );
        for (const r of rows) {
          assert.ok(r.display_name.startsWith('サンプル'), r.display_name);
          assert.ok(await verifyPassword(r.password_hash, demoPassword), `${r.email} has the demo password`);
        }
        const secretariatRow = rows.find((r) => r.role === 'secretariat')!;
        assert.equal(secretariatRow.totp_secret, demoTotpSecret);
        assert.ok(secretariatRow.totp_enabled_at, 'two-factor is on for the sample secretariat');
        assert.deepEqual(
          report.seeded.demoAccounts.map((a) => [a.role, a.email, a.password, a.totpSecret]),
          [
            ['secretariat', 'sample-secretariat@renkei.example', demoPassword, demoTotpSecret],
            ['ward_staff', 'sample-ward@renkei.example', demoPassword, undefined],
            ['member', 'sample-member@renkei.example', demoPassword, undefined],
          ],
        );
        const nayoro = await withDemo.handle.db.selectFrom('local_governments').select(['name', 'prefecture_code']).where('code', '=', '012211').executeTakeFirstOrThrow();
        assert.deepEqual(nayoro, { name: '名寄市', prefecture_code: '01' });
        const invented = await withDemo.handle.db.selectFrom('registered_members').select('local_government_code').where('source', '=', 'account').execute();
        assert.equal(invented.length, 0, 'no registered member is invented for the sample member');

        assert.equal((await samples(without.handle.db)).length, 0, 'none with DEMO_DATA=false');
        const production = await prepareDatabase(without.handle.db, { demoData: true, env: 'production' });
        assert.equal((await samples(without.handle.db)).length, 0, 'none in production');
        assert.deepEqual(production.seeded.demoAccounts, []);
      } finally {
        await withDemo.drop();
        await without.drop();
      }
    });
  }
});

describe('npm run admin:create', () => {
  const dir = mkdtempSync(join(tmpdir(), 'renkei-admin-create-'));
  const file = join(dir, 'renkei.sqlite');
  after(() => rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[], input?: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/admin-create.ts', ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, SQLITE_FILE: file, APP_ENV: 'test', DEMO_DATA: 'false', PUBLIC_URL: 'https://renkei.example.jp' },
      input: input ?? '',
      encoding: 'utf8',
      timeout: 60_000,
    });
  const accountIn = (email: string) => {
    const sqlite = new SQLite(file, { readonly: true });
    try {
      return sqlite.prepare('select * from accounts where email = ?').get(email) as Record<string, unknown> | undefined;
    } finally {
      sqlite.close();
    }
  };

  test('creates an active secretariat account with a password read from stdin', async () => {
    const result = run(['--email', 'Jimukyoku@Example.LG.JP', '--name', '事務局 山田', '--password-stdin'], 'a-long-and-unusual-passphrase\n');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /secretariat account created: jimukyoku@example\.lg\.jp/);
    assert.match(result.stdout, /https:\/\/renkei\.example\.jp\/member\/two-factor/);
    assert.doesNotMatch(result.stdout, /one-time password/);
    const row = accountIn('jimukyoku@example.lg.jp')!;
    assert.equal(row['role'], 'secretariat');
    assert.equal(row['status'], 'active');
    assert.equal(row['display_name'], '事務局 山田');
    assert.equal(row['full_name'], '事務局');
    assert.equal(row['full_name_kana'], 'ジムキョク');
    assert.equal(row['local_government_code'], null);
    assert.ok(await verifyPassword(String(row['password_hash']), 'a-long-and-unusual-passphrase'), 'the password from stdin works');
    const sqlite = new SQLite(file, { readonly: true });
    const audit = sqlite.prepare("select * from audit_events where action = 'account.created' and target_id = ?").all(row['id']);
    sqlite.close();
    assert.equal(audit.length, 1);
  });

  test('prints a generated one-time password once when none is given', async () => {
    const result = run(['--email', 'second@example.lg.jp']);
    assert.equal(result.status, 0, result.stderr);
    const password = /one-time password: (\S+)/.exec(result.stdout)?.[1];
    assert.ok(password && /^[A-Za-z0-9_-]{16}$/.test(password), result.stdout);
    const row = accountIn('second@example.lg.jp')!;
    assert.equal(row['display_name'], '事務局');
    assert.ok(await verifyPassword(String(row['password_hash']), password), 'the printed password works');
  });

  test('refuses an existing email, a weak password or a missing email with one clear line', () => {
    for (const [args, input, pattern] of [
      [['--email', 'second@example.lg.jp'], '', /already exists: second@example\.lg\.jp/],
      [['--email', 'third@example.lg.jp', '--password-stdin'], 'password\n', /too common|8文字以上/],
      [['--email', 'third@example.lg.jp', '--password-stdin'], 'short', /at least 8 characters/],
      [['--email', 'not-an-email'], '', /not an email address/],
    ] as const) {
      const result = run([...args], input);
      assert.equal(result.status, 1, `${args.join(' ')}: ${result.stdout}`);
      assert.match(result.stderr.trim().split('\n')[0]!, pattern);
      assert.doesNotMatch(result.stderr, /\n\s+at /);
    }
    assert.equal(accountIn('third@example.lg.jp'), undefined);
    const missing = run([]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /--email is required/);
  });
});
