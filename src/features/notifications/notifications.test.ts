import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../../db/index.ts';
import { claimJobs, completeJob, enqueueJob, runDueJobs, type JobHandlers } from '../../db/jobs.ts';
import type { Database } from '../../db/schema.ts';
import { latestDigestTime } from '../../domain/digest-periods.ts';
import { createMailer } from '../../mail/index.ts';
import { insertAccount, clientSignedInAs } from '../../../test/accounts.ts';
import { TestClient } from '../../../test/client.ts';
import { buildTestAppWithMail, engines, postgresSkipReason, type TestApp } from '../../../test/helper.ts';
import type { MailCatcher } from '../../../test/mail-catcher.ts';
import { enqueueDueDigests, notificationJobHandlers, notify, withdrawNotifications, type NotificationInput } from './index.ts';
import { unsubscribeToken } from './unsubscribe-token.ts';

const secret = 'a-fixed-session-secret-for-the-notification-tests-0123456789';
const urlPattern = /https?:\/\/[^\s]+/g;

for (const engine of engines) {
  describe(`notifications [${engine}]`, { skip: engine === 'postgres' ? postgresSkipReason : undefined }, () => {
    let testApp: TestApp & { mail: MailCatcher };
    let db: Kysely<Database>;
    let handlers: JobHandlers;
    let mailer: ReturnType<typeof createMailer>;
    let publicUrl: string;
    let subjectCounter = 0;

    before(async () => {
      testApp = await buildTestAppWithMail(engine, { sessionSecret: secret });
      db = testApp.database.handle.db;
      publicUrl = testApp.app.siteUrl;
      mailer = createMailer({ smtpUrl: testApp.mail.url, from: 'test <test@localhost>', dir: '' }, () => {});
      handlers = notificationJobHandlers(db, mailer, { publicUrl, secret });
    });
    after(async () => {
      mailer.close();
      await testApp.app.close();
      await testApp.database.drop();
    });

    const member = (name = 'はなこ') => insertAccount(db, { role: 'member', code: '012211', name });
    const emailOf = async (id: string) => (await db.selectFrom('accounts').select('email').where('id', '=', id).executeTakeFirstOrThrow()).email;
    const input = (over: Partial<NotificationInput>): NotificationInput => ({
      kind: 'mentioned',
      recipientIds: [],
      actorId: null,
      title: '災害時の物資輸送について',
      excerpt: '名寄市の皆さま、先日の件でご相談があります。',
      path: `/board/t/12#post-${++subjectCounter}`,
      subjectKey: `board-post:${subjectCounter}`,
      ...over,
    });
    const jobsOf = (kind: string) => db.selectFrom('jobs').selectAll().where('kind', '=', kind).execute();
    const worker = (name: string) => runDueJobs(db, handlers, { workerId: name });

    test('notify writes inbox entries and mail jobs for members who want mail at once; the actor and inactive accounts are left out; once per subject', async () => {
      const actor = await member('投稿者');
      const a = await member();
      const b = await member();
      const disabled = await insertAccount(db, { role: 'member', code: '012211', status: 'disabled' });
      const n = input({ recipientIds: [a, b, actor, disabled, a], actorId: actor });
      await db.transaction().execute((trx) => notify(trx, n));
      await notify(db, n);
      const rows = await db.selectFrom('notifications').selectAll().where('subject_key', '=', n.subjectKey).execute();
      assert.deepEqual(rows.map((r) => r.recipient_id).sort(), [a, b].sort());
      const jobs = (await jobsOf('notification-mail')).filter((j) => rows.some((r) => j.dedupe_key === `notification-mail:${r.id}`));
      assert.equal(jobs.length, 2);
      assert.ok(jobs.every((j) => j.status === 'queued'));
      // Watching defaults to the daily digest: in the inbox, no mail job.
      const w = input({ kind: 'watching', recipientIds: [a] });
      await notify(db, w);
      const watched = await db.selectFrom('notifications').select('id').where('subject_key', '=', w.subjectKey).executeTakeFirstOrThrow();
      assert.equal((await jobsOf('notification-mail')).filter((j) => j.dedupe_key === `notification-mail:${watched.id}`).length, 0);
      await assert.rejects(notify(db, input({ recipientIds: [a], path: 'https://evil.example/' })), TypeError);
    });

    test('the settings page saves a frequency per kind, refuses unknown values, and notify respects it', async () => {
      const a = await member();
      const client = await clientSignedInAs(testApp.app, db, a);
      const page = await client.get('/member/notifications/settings');
      assert.equal(page.statusCode, 200);
      for (const label of ['あなた・あなたの自治体宛て', 'あなたの投稿への返信', 'ウォッチ中のスレッド・カテゴリ', 'おすすめ', 'すぐに', 'メールで受け取らない']) assert.ok(page.body.includes(label), label);
      assert.match(page.body, /name="frequency-mentioned" value="immediate" checked/);
      assert.match(page.body, /name="frequency-watching" value="daily" checked/);
      assert.match(page.body, /name="frequency-suggested" value="weekly" checked/);
      const bad = await client.post('/member/notifications/settings', { 'frequency-mentioned': 'hourly', 'frequency-replied': 'none', 'frequency-watching': 'daily', 'frequency-suggested': 'weekly' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /「あなた・あなたの自治体宛て」の通知をメールで受け取る頻度を選んでください。/);
      const noCsrf = await client.post('/member/notifications/settings', { 'frequency-mentioned': 'none', 'frequency-replied': 'none', 'frequency-watching': 'none', 'frequency-suggested': 'none' }, { csrf: false });
      assert.equal(noCsrf.statusCode, 403);
      const ok = await client.post('/member/notifications/settings', { 'frequency-mentioned': 'none', 'frequency-replied': 'weekly', 'frequency-watching': 'immediate', 'frequency-suggested': 'daily' }, { from: '/member/notifications/settings' });
      assert.equal(ok.statusCode, 303);
      const saved = await client.follow(ok);
      assert.match(saved.body, /通知メールの設定を保存しました。/);
      assert.match(saved.body, /name="frequency-mentioned" value="none" checked/);
      const n = input({ recipientIds: [a] });
      await notify(db, n);
      const row = await db.selectFrom('notifications').select('id').where('subject_key', '=', n.subjectKey).executeTakeFirstOrThrow();
      assert.equal((await jobsOf('notification-mail')).filter((j) => j.dedupe_key === `notification-mail:${row.id}`).length, 0, 'no mail job for a kind set to none');
      const w = input({ kind: 'watching', recipientIds: [a] });
      await notify(db, w);
      const watched = await db.selectFrom('notifications').select('id').where('subject_key', '=', w.subjectKey).executeTakeFirstOrThrow();
      assert.equal((await jobsOf('notification-mail')).filter((j) => j.dedupe_key === `notification-mail:${watched.id}`).length, 1, 'watching now comes at once');
    });

    test('an immediate mail goes over SMTP as plain text with one URL and the unsubscribe URL, once', async () => {
      await db.deleteFrom('jobs').execute();
      const actor = await member('札幌の担当');
      const a = await member('なよろ');
      const n = input({ recipientIds: [a], actorId: actor, excerpt: '資料は https://evil.example/x にあります。', title: '物資輸送\r\nBcc: x@example.com' });
      await notify(db, n);
      const first = await worker('w1');
      assert.equal(first.done, 1);
      const mail = await testApp.mail.waitFor(await emailOf(a), '物資輸送');
      assert.equal(mail.html, false, 'no HTML part');
      assert.doesNotMatch(mail.subject, /\n/);
      const urls = mail.text.match(urlPattern) ?? [];
      assert.equal(urls.length, 2, mail.text);
      assert.equal(urls[0], `${publicUrl}${n.path}`);
      assert.match(urls[1]!, new RegExp(`^${publicUrl}/unsubscribe/${a}\\.mentioned\\.`));
      assert.match(mail.text, /札幌の担当さんが、あなた（またはあなたの自治体）宛てに掲示板へ書き込みました。/);
      assert.match(mail.text, /https\[:\]\/\/evil\.example\/x/, 'addresses in members’ text are not links');
      assert.equal(mail.headers['list-unsubscribe'], `<${urls[1]}>`);
      assert.equal(mail.headers['list-unsubscribe-post'], 'List-Unsubscribe=One-Click');
      const row = await db.selectFrom('notifications').select('mailed_at').where('subject_key', '=', n.subjectKey).executeTakeFirstOrThrow();
      assert.ok(row.mailed_at);
      const before = testApp.mail.messages.length;
      assert.deepEqual(await worker('w2'), { done: 0, retried: 0, dead: 0 });
      assert.equal(testApp.mail.messages.length, before);
    });

    test('a digest collects the period’s notifications of kinds set to that frequency, and is sent once', async () => {
      await db.deleteFrom('jobs').execute();
      const a = await member('だいじぇすと');
      // From Monday 07:00 JST to Tuesday 07:00 the latest daily digest time is also the weekly one,
      // whose digest then rightly collects the weekly kind too: ask as of the day before instead.
      let now = new Date();
      if (latestDigestTime('daily', now).getTime() === latestDigestTime('weekly', now).getTime()) now = new Date(now.getTime() - 86_400_000);
      const time = latestDigestTime('daily', now);
      const w1 = input({ kind: 'watching', recipientIds: [a], title: '観光連携の進め方' });
      const w2 = input({ kind: 'watching', recipientIds: [a], title: '移住相談会の日程' });
      const weekly = input({ kind: 'suggested', recipientIds: [a], title: 'おすすめの話題' });
      await notify(db, w1);
      await notify(db, w2);
      await notify(db, weekly);
      // Made during the day before the latest 07:00 JST.
      await db.updateTable('notifications').set({ created_at: new Date(time.getTime() - 3_600_000).toISOString() }).where('recipient_id', '=', a).execute();
      assert.equal(await enqueueDueDigests(db, now), 1);
      assert.equal(await enqueueDueDigests(db, now), 0, 'another pass or instance adds no second digest');
      const digests = await jobsOf('notification-digest');
      assert.equal(digests.length, 1);
      assert.equal(digests[0]!.dedupe_key, `digest:daily:${a}:${time.toISOString()}`);
      const [r1, r2] = await Promise.all([worker('instance-1'), worker('instance-2')]);
      assert.equal(r1.done + r2.done, 1);
      const mails = testApp.mail.messages.filter((m) => m.subject.includes('通知のまとめ') && m.to.includes(a));
      assert.equal(mails.length, 1);
      const mail = mails[0]!;
      assert.match(mail.subject, /本日の通知のまとめ（2件）/);
      assert.match(mail.text, /観光連携の進め方/);
      assert.match(mail.text, /移住相談会の日程/);
      assert.doesNotMatch(mail.text, /おすすめの話題/, 'the weekly kind waits for the weekly digest');
      const urls = mail.text.match(urlPattern) ?? [];
      assert.deepEqual(urls.slice(0, 1), [`${publicUrl}/member/notifications`]);
      assert.equal(urls.length, 2);
      assert.match(urls[1]!, new RegExp(`/unsubscribe/${a}\\.all\\.`));
      const unmailed = await db.selectFrom('notifications').select('title').where('recipient_id', '=', a).where('mailed_at', 'is', null).execute();
      assert.deepEqual(unmailed.map((r) => r.title), ['おすすめの話題']);
      await db.deleteFrom('jobs').where('kind', '=', 'notification-digest').execute();
      // Even if the job row is gone, mailed notifications are never mailed again.
      await enqueueDueDigests(db, now);
      await worker('instance-3');
      assert.equal(testApp.mail.messages.filter((m) => m.subject.includes('通知のまとめ') && m.to.includes(a)).length, 1);
    });

    test('two workers on two database connections run each of 200 jobs exactly once', async () => {
      await db.deleteFrom('jobs').execute();
      const runs = new Map<string, number>();
      const slowHandlers: JobHandlers = {
        count: async (payload) => {
          const { n } = payload as { n: number };
          runs.set(String(n), (runs.get(String(n)) ?? 0) + 1);
          await new Promise((r) => setTimeout(r, Math.random() * 3));
        },
      };
      for (let n = 0; n < 200; n++) await enqueueJob(db, 'count', { n }, { dedupeKey: `count:${n}` });
      const other: DatabaseHandle = openDatabase(testApp.database.config);
      try {
        const [r1, r2] = await Promise.all([
          runDueJobs(db, slowHandlers, { workerId: 'one', batch: 5 }),
          runDueJobs(other.db, slowHandlers, { workerId: 'two', batch: 5 }),
        ]);
        assert.equal(r1.done + r2.done, 200);
        if (engine === 'postgres') assert.ok(r1.done > 0 && r2.done > 0, `both workers took jobs (${r1.done}/${r2.done})`);
      } finally {
        await other.close();
      }
      assert.equal(runs.size, 200);
      assert.ok([...runs.values()].every((v) => v === 1), 'no job ran twice');
      const left = await db.selectFrom('jobs').select('id').where('status', '!=', 'done').execute();
      assert.equal(left.length, 0);
    });

    test('a failing job is retried with growing intervals, then dead, shown to the secretariat and retried from there', async () => {
      await db.deleteFrom('jobs').execute();
      const failing: JobHandlers = {
        broken: async () => {
          throw new Error('SMTP 451 一時的なエラー');
        },
      };
      await enqueueJob(db, 'broken', {}, { maxAttempts: 3, dedupeKey: 'broken:1' });
      const t0 = new Date();
      const at = (ms: number) => new Date(t0.getTime() + ms);
      assert.deepEqual(await runDueJobs(db, failing, { workerId: 'w', now: t0 }), { done: 0, retried: 1, dead: 0 });
      let job = await db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
      assert.equal(job.status, 'queued');
      assert.equal(new Date(job.run_at).getTime(), at(30_000).getTime());
      assert.match(job.last_error, /SMTP 451/);
      assert.deepEqual(await runDueJobs(db, failing, { workerId: 'w', now: at(10_000) }), { done: 0, retried: 0, dead: 0 }, 'not before the backoff');
      assert.deepEqual(await runDueJobs(db, failing, { workerId: 'w', now: at(31_000) }), { done: 0, retried: 1, dead: 0 });
      job = await db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
      assert.equal(new Date(job.run_at).getTime(), at(31_000 + 120_000).getTime(), 'the second wait is four times the first');
      assert.deepEqual(await runDueJobs(db, failing, { workerId: 'w', now: at(152_000) }), { done: 0, retried: 0, dead: 1 });
      job = await db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
      assert.equal(job.status, 'dead');
      assert.equal(job.attempts, 3);

      const secretariat = await clientSignedInAs(testApp.app, db, await insertAccount(db, { role: 'secretariat', code: null, twoFactor: true }));
      const page = await secretariat.get('/admin/jobs');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /SMTP 451 一時的なエラー/);
      assert.match(page.body, /失敗（再試行終了）/);
      const retry = await secretariat.post(`/admin/jobs/${job.id}/retry`, {});
      assert.equal(retry.statusCode, 303);
      job = await db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
      assert.equal(job.status, 'queued');
      assert.equal(job.attempts, 0);
      assert.equal((await secretariat.post(`/admin/jobs/${job.id}/retry`, {}, { from: '/admin/jobs' })).statusCode, 404, 'only a dead job is retried');
      const audit = await db.selectFrom('audit_events').select('action').where('target_id', '=', job.id).execute();
      assert.deepEqual(audit.map((a) => a.action), ['job.retried']);
    });

    test('a job claimed by a worker that was killed runs again after its lease, and the dead worker cannot complete it', async () => {
      await db.deleteFrom('jobs').execute();
      const ran: string[] = [];
      const recording: JobHandlers = { once: async (_p, job) => void ran.push(`${job.id}:${job.attempt}`) };
      await enqueueJob(db, 'once', {}, { dedupeKey: 'once:1' });
      const t0 = new Date();
      const claimed = await claimJobs(db, { workerId: 'killed', leaseMs: 60_000, now: t0 });
      assert.equal(claimed.length, 1);
      // The "killed" worker never finishes. Within the lease nobody else takes the job…
      assert.deepEqual(await runDueJobs(db, recording, { workerId: 'survivor', now: new Date(t0.getTime() + 30_000) }), { done: 0, retried: 0, dead: 0 });
      // …after it, another worker does.
      assert.deepEqual(await runDueJobs(db, recording, { workerId: 'survivor', now: new Date(t0.getTime() + 61_000) }), { done: 1, retried: 0, dead: 0 });
      assert.deepEqual(ran, [`${claimed[0]!.id}:2`]);
      await completeJob(db, claimed[0]!, 'killed');
      const job = await db.selectFrom('jobs').select(['status', 'locked_by']).executeTakeFirstOrThrow();
      assert.deepEqual(job, { status: 'done', locked_by: 'survivor' });
    });

    test('unsubscribing works without signing in; GET changes nothing; a forged or altered link is refused', async () => {
      await db.deleteFrom('jobs').execute();
      const a = await member('ていし');
      await notify(db, input({ recipientIds: [a], title: '配信停止の確認' }));
      await worker('w');
      const mail = await testApp.mail.waitFor(await emailOf(a), '配信停止の確認');
      const link = (mail.text.match(urlPattern) ?? [])[1]!;
      const path = link.slice(publicUrl.length);
      const visitor = new TestClient(testApp.app);
      const prefs = () => db.selectFrom('notification_preferences').select(['kind', 'frequency']).where('account_id', '=', a).execute();

      const confirm = await visitor.get(path);
      assert.equal(confirm.statusCode, 200);
      assert.match(confirm.body, /「あなた・あなたの自治体宛て」の通知メールの配信を停止します。/);
      assert.match(confirm.body, /配信を停止する/);
      assert.equal(confirm.headers['cache-control'], 'no-store');
      assert.deepEqual(await prefs(), [], 'a GET (e.g. a mail scanner opening the link) changes nothing');

      const token = path.split('/').pop()!;
      const [account, , mac] = token.split('.');
      const forged = [
        `${account}.all.${mac}`,
        `${account}.mentioned.${mac!.slice(0, -1)}${mac!.endsWith('A') ? 'B' : 'A'}`,
        unsubscribeToken('another-secret-of-someone-else-0123456789', { accountId: a, scope: 'all' }),
        'nonsense',
      ];
      for (const t of forged) {
        for (const res of [await visitor.get(`/unsubscribe/${t}`), await visitor.post(`/unsubscribe/${t}`, {}, { csrf: false })]) {
          assert.equal(res.statusCode, 400, t);
          assert.match(res.body, /配信停止のリンクが正しくありません/);
        }
      }
      assert.deepEqual(await prefs(), []);

      // RFC 8058 one-click: the mail provider posts, with no cookie and no CSRF token.
      const res = await testApp.app.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /通知メールの配信を停止しました/);
      assert.deepEqual(await prefs(), [{ kind: 'mentioned', frequency: 'none' }]);
      const all = unsubscribeToken(secret, { accountId: a, scope: 'all' });
      assert.equal((await visitor.post(`/unsubscribe/${all}`, {}, { csrf: false })).statusCode, 200);
      assert.deepEqual((await prefs()).map((p) => p.frequency), ['none', 'none', 'none', 'none']);
      const audit = await db.selectFrom('audit_events').select('action').where('actor_account_id', '=', a).execute();
      assert.equal(audit.filter((e) => e.action === 'notifications.unsubscribed').length, 2);
      // A queued mail of a kind unsubscribed meanwhile is not sent.
      const n = input({ kind: 'replied', recipientIds: [a] });
      await db.deleteFrom('notification_preferences').where('account_id', '=', a).execute();
      await notify(db, n);
      await visitor.post(`/unsubscribe/${all}`, {}, { csrf: false });
      const before = testApp.mail.messages.length;
      await worker('w');
      assert.equal(testApp.mail.messages.length, before);
    });

    test('withdrawNotifications cancels unsent mail and removes the inbox entries', async () => {
      await db.deleteFrom('jobs').execute();
      const a = await member();
      const b = await member();
      const n = input({ recipientIds: [a, b], title: '取り消される投稿' });
      await notify(db, n);
      await db.transaction().execute((trx) => withdrawNotifications(trx, n.subjectKey));
      assert.equal((await db.selectFrom('notifications').select('id').where('subject_key', '=', n.subjectKey).execute()).length, 0);
      const jobs = await jobsOf('notification-mail');
      assert.equal(jobs.length, 2);
      assert.ok(jobs.every((j) => j.status === 'cancelled'));
      const before = testApp.mail.messages.length;
      await worker('w');
      assert.equal(testApp.mail.messages.length, before);
      assert.equal(testApp.mail.messages.filter((m) => m.subject.includes('取り消される投稿')).length, 0);
    });

    test('the inbox lists the member’s own notifications, counts unread, marks read and pages', async () => {
      const a = await member();
      const other = await member();
      for (let i = 0; i < 23; i++) await notify(db, input({ kind: 'replied', recipientIds: [a], title: `返信その${i}` }));
      await notify(db, input({ recipientIds: [other], title: 'ほかの人宛て' }));
      const otherId = (await db.selectFrom('notifications').select('id').where('recipient_id', '=', other).executeTakeFirstOrThrow()).id;
      const client = await clientSignedInAs(testApp.app, db, a);
      const page = await client.get('/member/notifications');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /全23件（未読 23件）/);
      assert.match(page.body, /返信その22/);
      assert.doesNotMatch(page.body, /ほかの人宛て/);
      assert.match((await client.get('/member')).body, /未読 23件/);
      const second = await client.get('/member/notifications?page=2');
      assert.match(second.body, /返信その0/);
      assert.equal((await client.get('/member/notifications?page=9')).statusCode, 404);
      const id = /name="id" value="([0-9a-f-]{36})"/.exec(page.body)![1]!;
      const read = await client.post('/member/notifications/read', { id });
      assert.equal(read.statusCode, 303);
      assert.match((await client.follow(read)).body, /未読 22件/);
      const foreign = await client.post('/member/notifications/read', { id: otherId }, { from: '/member/notifications' });
      assert.equal(foreign.statusCode, 400);
      assert.match(foreign.body, /指定された通知は見つかりませんでした/);
      const untouched = await db.selectFrom('notifications').select('read_at').where('id', '=', otherId).executeTakeFirstOrThrow();
      assert.equal(untouched.read_at, null);
      const all = await client.post('/member/notifications/read-all', {}, { from: '/member/notifications' });
      assert.equal(all.statusCode, 303);
      assert.match((await client.follow(all)).body, /全23件（未読 0件）/);
      client.cookies.set('lang', 'en');
      for (const url of ['/member/notifications', '/member/notifications/settings']) assert.match((await client.get(url)).body, /<html lang="en">/);
    });
  });
}
