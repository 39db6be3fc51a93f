// Events on both engines, through HTTP as people use them: the public pages, iCalendar parsed back
// with ical.js, RSS/Atom with rss-parser, the イベント一覧 export → import round trip and a CP932
// import, the member → review → mail flow with its object-level rule (the mail sent once by the job
// worker over SMTP on loopback), and the harvest from a local
// server (adds, updates, no duplicate; a private address refused; claimed once by two instances).
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import iconv from 'iconv-lite';
import ICAL from 'ical.js';
import Parser from 'rss-parser';
import { openDatabase } from '../../db/index.ts';
import { runDueJobs } from '../../db/jobs.ts';
import { describeEachEngine } from '../../../test/helper.ts';
import { insertAccount, signedInClient, clientSignedInAs } from '../../../test/accounts.ts';
import { eventById } from './queries.ts';
import { harvestDueFeeds } from './harvest/harvest.ts';
import { isForbiddenAddress, safeFetch } from './harvest/safe-fetch.ts';
import { inputOf } from './record.ts';
import { parseEventCsv } from './open-data/parse.ts';
import { seedId } from '../../db/seed/registry/util.ts';

const miryoku2024 = seedId('event', '2024-miryoku');

test('the SSRF check refuses private, loopback, link-local, multicast and mapped addresses', async () => {
  for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '::1', 'fe80::1', 'fc00::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '64:ff9b::a00:1']) {
    assert.equal(isForbiddenAddress(a), true, a);
  }
  for (const a of ['8.8.8.8', '133.242.0.1', '2001:4860:4860::8888']) assert.equal(isForbiddenAddress(a), false, a);
  const refused = await safeFetch('http://127.0.0.1:9/', { allowHosts: [] });
  assert.equal(refused.ok, false);
  assert.match(refused.ok ? '' : refused.error, /内部向け/);
  const notHttp = await safeFetch('file:///etc/passwd', { allowHosts: [] });
  assert.equal(notHttp.ok, false);
});

// A municipality's feeds, served from loopback: CSV in CP932 (legacy NO layout) and iCalendar.
let server: Server;
let hits = 0;
let csvVersion = 1;
const feedCsv = () =>
  iconv.encode(
    [
      '都道府県コード又は市区町村コード,NO,都道府県名,市区町村名,イベント名,イベント名_カナ,イベント名_英語,開始日,終了日,開始時間,終了時間,開始日時特記事項,説明,料金(基本),料金(詳細),連絡先名称,連絡先電話番号,連絡先内線番号,主催者,場所名称,住所,方書,緯度,経度,アクセス方法,駐車場情報,定員,参加申込終了日,参加申込終了時間,参加申込方法,URL,備考',
      `012211,0000000001,北海道,名寄市,なよろ雪質日本一フェスティバル,ナヨロユキシツニホンイチフェスティバル,,2027/2/6,2027/2/7,10:00,16:00,,${csvVersion === 1 ? '雪像と屋台' : '雪像と屋台と花火'},無料,,名寄市観光課,01654-3-2111,,名寄市,なよろ健康の森,北海道名寄市字日進,,44.35,142.46,,,,,,,https://www.city.nayoro.lg.jp/,`,
      '012211,0000000002,北海道,名寄市,ひまわりまつり,,,2027-08-01,2027-08-20,,,,,無料,,,,,名寄市,智恵文ひまわり畑,,,,,,,,,,,,',
    ].join('\r\n') + '\r\n',
    'cp932',
  );
const feedIcs = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//test//JA',
  'BEGIN:VEVENT',
  'UID:abc-1@example.jp',
  'DTSTAMP:20261201T000000Z',
  'DTSTART:20270310T010000Z',
  'DTEND:20270310T030000Z',
  'SUMMARY:オンライン移住相談会',
  'DESCRIPTION:オンラインで開催します。',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:abc-2@example.jp',
  'DTSTAMP:20261201T000000Z',
  'DTSTART;VALUE=DATE:20270401',
  'DTEND;VALUE=DATE:20270403',
  'SUMMARY:春の物産展',
  'LOCATION:名寄市民文化センター',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

before(async () => {
  server = createServer((req, res) => {
    hits++;
    if (req.url === '/events.csv') res.writeHead(200, { 'content-type': 'text/csv; charset=shift_jis' }).end(feedCsv());
    else if (req.url === '/events.ics') res.writeHead(200, { 'content-type': 'text/calendar' }).end(feedIcs);
    else if (req.url === '/slow.csv') setTimeout(() => res.writeHead(200).end(feedCsv()), 300);
    else if (req.url === '/redirect') res.writeHead(302, { location: 'http://10.0.0.1/x.csv' }).end();
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));
const feedUrl = (path: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;

describeEachEngine(
  'Events',
  (current, engine) => {
    test('public pages: list, archive, calendar and an event page with its municipalities and source', async () => {
      const { app } = current();
      const list = await app.inject({ url: '/events' });
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /rel="alternate" type="application\/rss\+xml"/);
      assert.match(list.body, /サンプル/);
      const archive = await app.inject({ url: '/events/archive?fy=2024' });
      assert.equal(archive.statusCode, 200);
      assert.match(archive.body, /令和6年度 魅力発信イベント/);
      assert.doesNotMatch(archive.body, /令和元年度 第1回/);
      const cal = await app.inject({ url: '/events/calendar?month=2024-10' });
      assert.equal(cal.statusCode, 200);
      assert.match(cal.body, /2024年10月/);
      assert.match(cal.body, /令和6年度 魅力発信イベント/);
      const filtered = await app.inject({ url: '/events/archive?pref=12' });
      assert.match(filtered.body, /令和6年度 魅力発信イベント/);
      assert.doesNotMatch(filtered.body, /くしろのふれあい祭り/);
      const page = await app.inject({ url: `/events/${miryoku2024}` });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /2024年\(令和6年\)10月30日/);
      assert.match(page.body, /href="\/municipalities\/\d{6}"/);
      assert.match(page.body, /kucho-miryoku_2024\.html/);
      assert.match(page.body, /明治安田生命保険相互会社/);
      for (const bad of ['/events?month=2024-13', '/events/calendar?month=x', '/events?from=2024-02-30', '/events?pref=1&pref=2']) {
        assert.equal((await app.inject({ url: bad })).statusCode, 400, bad);
      }
      assert.equal((await app.inject({ url: '/events/00000000-0000-0000-0000-000000000000' })).statusCode, 404);
    });

    test('iCalendar: one event and the filtered feed, parsed back with ical.js', async () => {
      const { app } = current();
      const one = await app.inject({ url: `/events/${miryoku2024}.ics` });
      assert.equal(one.statusCode, 200);
      assert.match(String(one.headers['content-type']), /text\/calendar/);
      const cal = new ICAL.Component(ICAL.parse(one.body));
      assert.equal(cal.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid'), 'Asia/Tokyo');
      const vevent = cal.getFirstSubcomponent('vevent')!;
      const ev = new ICAL.Event(vevent);
      assert.equal(ev.summary, '令和6年度 魅力発信イベント');
      assert.equal(ev.startDate.isDate, true);
      assert.equal(ev.startDate.toString(), '2024-10-30');
      assert.equal(ev.endDate.toString(), '2024-11-01');
      assert.match(ev.uid, new RegExp(miryoku2024));
      assert.match(String(vevent.getFirstPropertyValue('url')), new RegExp(`/events/${miryoku2024}$`));
      assert.match(ev.description, new RegExp(`/events/${miryoku2024}$`));
      const feed = await app.inject({ url: '/events.ics?kind=' + encodeURIComponent('講演会') });
      const events = new ICAL.Component(ICAL.parse(feed.body)).getAllSubcomponents('vevent');
      assert.ok(events.length >= 1);
      for (const e of events) assert.equal(e.getFirstPropertyValue('categories'), '講演会');
      // A timed sample event: TZID=Asia/Tokyo, 14:00 in Japan.
      const timed = events.find((e) => e.getFirstPropertyValue('summary') === '全国連携オンライン講演会「二地域居住のこれから」');
      assert.ok(timed);
      assert.equal(timed.getFirstProperty('dtstart')!.getParameter('tzid'), 'Asia/Tokyo');
      assert.match(feed.body, /DTSTART;TZID=Asia\/Tokyo:20270218T140000/);
    });

    test('RSS 2.0 and Atom, parsed with rss-parser', async () => {
      const { app } = current();
      const parser = new Parser();
      for (const url of ['/events/feed.rss', '/events/feed.atom']) {
        const res = await app.inject({ url });
        assert.equal(res.statusCode, 200);
        const feed = await parser.parseString(res.body);
        assert.ok(feed.items.length >= 10, url);
        const item = feed.items.find((i) => i.title === '令和6年度 魅力発信イベント');
        assert.ok(item, url);
        assert.match(item.link ?? '', new RegExp(`/events/${miryoku2024}$`));
      }
    });

    test('open data: export in the 32-column layout, and import gives the same events; errors save nothing', async () => {
      const { app, database } = current();
      const db = database.handle.db;
      const res = await app.inject({ url: '/events/opendata.csv?kind=' + encodeURIComponent('魅力発信イベント') });
      assert.equal(res.statusCode, 200);
      const bytes = res.rawPayload;
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8');
      const header = text.slice(1, text.indexOf('\r\n')).split(',');
      assert.equal(header[0], '都道府県コード又は市区町村コード');
      assert.equal(header[31], '備考');
      assert.ok(!/[^\r]\n/.test(text), 'CRLF only, no embedded newline');
      const known = new Set((await db.selectFrom('local_governments').select('code').execute()).map((r) => r.code));
      const parsed = parseEventCsv(bytes, { isKnownCode: (c) => known.has(c) });
      assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.errors));
      assert.ok(parsed.rows.length >= 3);
      for (const row of parsed.rows) {
        const stored = await eventById(db, row.key!);
        assert.ok(stored);
        assert.deepEqual(row.input, { ...inputOf(stored), description: stored.description.replace(/\r?\n/g, ' '), projectId: null, flyerFileId: null });
      }
      // Through the back office: upload, preview, apply — the events stay the same, none added.
      const secretariat = await signedInClient(app, db, { role: 'secretariat', code: null, twoFactor: true });
      const before = await db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      const uploaded = await upload(secretariat, '/admin/events/import', 'events.csv', bytes);
      assert.equal(uploaded.statusCode, 303, uploaded.body.slice(0, 500));
      const preview = await secretariat.get(String(uploaded.headers.location));
      assert.match(preview.body, /更新 \d+件/);
      const applied = await secretariat.post(`${uploaded.headers.location}/apply`, {});
      assert.equal(applied.statusCode, 303);
      const afterCount = await db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      assert.equal(Number(afterCount?.n), Number(before?.n));
      const again = await eventById(db, miryoku2024);
      assert.equal(again?.title, '令和6年度 魅力発信イベント');
      // A CP932 file with one bad row: the row-by-row report, nothing saved.
      const bad = iconv.encode('NO,イベント名,開始日,終了日,都道府県コード又は市区町村コード\r\nx1,冬の物産展,2027-01-10,2027-01-11,012211\r\nx2,春の物産展,2027-04-31,,012212\r\n', 'cp932');
      const refused = await upload(secretariat, '/admin/events/import', 'bad.csv', bad);
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /3<\/td>/);
      assert.match(refused.body, /開始日「2027-04-31」/);
      assert.match(refused.body, /012212/);
      assert.equal((await db.selectFrom('events').select('id').where('title', '=', '冬の物産展').execute()).length, 0);
      // The same file corrected imports (CP932 read as such).
      const good = iconv.encode('NO,イベント名,開始日,終了日,都道府県コード又は市区町村コード\r\nx1,冬の物産展,2027-01-10,2027-01-11,012211\r\n', 'cp932');
      const ok = await upload(secretariat, '/admin/events/import', 'good.csv', good);
      assert.equal(ok.statusCode, 303);
      await secretariat.get(String(ok.headers.location));
      await secretariat.post(`${ok.headers.location}/apply`, {});
      const imported = await db.selectFrom('events').selectAll().where('title', '=', '冬の物産展').execute();
      assert.equal(imported.length, 1);
      assert.equal(imported[0]!.provenance, 'import');
      // The 正式版 layout (ID, コンテンツURL, 所在地_連結表記).
      const official = Buffer.from('全国地方公共団体コード,ID,地方公共団体名,イベント名,コンテンツURL,開始日,終了日,場所名称,所在地_連結表記\r\n012211,ev-9,名寄市,夏の音楽祭,https://example.jp/ev9,2027-07-07,,市民会館,北海道名寄市西4条南\r\n');
      const o = parseEventCsv(official, { isKnownCode: (c) => known.has(c) });
      assert.ok(o.ok && o.layout === 'official');
      assert.equal(o.rows[0]!.input.url, 'https://example.jp/ev9');
      assert.equal(o.rows[0]!.input.address, '北海道名寄市西4条南');
    });

    test('a member submits for its own municipality; the secretariat publishes or returns it; the submitter is mailed', async () => {
      const { app, database, mail } = current();
      const db = database.handle.db;
      const memberId = await insertAccount(db, { role: 'member', code: '012211' });
      const member = await clientSignedInAs(app, db, memberId);
      const form = await member.get('/member/events/new');
      assert.equal(form.statusCode, 200);
      const missing = await member.post('/member/events/new', { title: '', kind: '物産展', startsOn: '2027-05-01', intent: 'submit' });
      assert.equal(missing.statusCode, 400);
      assert.match(missing.body, /イベント名を入力してください/);
      const sent = await member.post('/member/events/new', { title: '名寄の春 物産展', kind: '物産展', startsOn: '2027-05-01', venueName: '東京区政会館', contacts: '名寄市 企画課 / 01654-3-2111', municipalities: '131016 千代田区', intent: 'submit' }, { from: '/member/events/new' });
      assert.equal(sent.statusCode, 303, sent.body.slice(0, 300));
      const row = await db.selectFrom('events').selectAll().where('title', '=', '名寄の春 物産展').executeTakeFirstOrThrow();
      assert.equal(row.status, 'pending');
      assert.equal(row.owner_code, '012211');
      assert.equal((await app.inject({ url: `/events/${row.id}` })).statusCode, 404);
      const stored = await eventById(db, row.id);
      assert.deepEqual(stored?.municipalityCodes, ['012211', '131016']);
      // Another municipality's member can neither edit nor withdraw it.
      const other = await signedInClient(app, db, { role: 'member', code: '011002' });
      assert.equal((await other.get(`/member/events/${row.id}/edit`)).statusCode, 403);
      await other.get('/member/events');
      assert.equal((await other.post(`/member/events/${row.id}/edit`, { title: 'x', kind: '物産展', startsOn: '2027-05-01', venueName: 'x', updatedAt: row.updated_at })).statusCode, 403);
      assert.equal((await other.post(`/member/events/${row.id}/withdraw`, { updatedAt: row.updated_at })).statusCode, 403);
      // The public and members cannot reach the back office.
      assert.equal((await app.inject({ url: '/admin/events/review' })).statusCode, 303);
      assert.equal((await member.get('/admin/events/review')).statusCode, 403);
      // Return with a reason, then publish after the member's fix.
      const secretariat = await signedInClient(app, db, { role: 'secretariat', code: null, twoFactor: true });
      const queue = await secretariat.get('/admin/events/review');
      assert.match(queue.body, /名寄の春 物産展/);
      const noReason = await secretariat.post(`/admin/events/${row.id}/return`, { updatedAt: row.updated_at, reason: '' });
      assert.equal(noReason.statusCode, 400);
      const returned = await secretariat.post(`/admin/events/${row.id}/return`, { updatedAt: row.updated_at, reason: '会場の住所を入れてください。' });
      assert.equal(returned.statusCode, 303);
      // The request only queued the mail (in the decision's transaction); the job worker sends it,
      // once, even when two workers run at the same time and a later pass runs again.
      const submitterEmail = (await db.selectFrom('accounts').select('email').where('id', '=', memberId).executeTakeFirstOrThrow()).email;
      const mailsAbout = (subject: string) => mail!.messages.filter((m) => m.to.includes(submitterEmail) && m.subject.includes(subject));
      const decisionJobs = () => db.selectFrom('jobs').select(['status', 'dedupe_key']).where('kind', '=', 'event.decision_mail').where('payload', 'like', `%${row.id}%`).execute();
      assert.deepEqual((await decisionJobs()).map((j) => j.status), ['queued']);
      assert.equal(mailsAbout('差し戻しました').length, 0, 'not sent by the request');
      const passes = await Promise.all([runDueJobs(db, app.jobHandlers, { workerId: 'one' }), runDueJobs(db, app.jobHandlers, { workerId: 'two' })]);
      assert.equal(passes[0].done + passes[1].done, 1);
      assert.match((await mail!.waitFor(submitterEmail, '差し戻しました')).text, /会場の住所を入れてください。/);
      assert.deepEqual(await runDueJobs(db, app.jobHandlers, { workerId: 'three' }), { done: 0, retried: 0, dead: 0 });
      assert.equal(mailsAbout('差し戻しました').length, 1, 'mailed once');
      const returnedRow = await eventById(db, row.id);
      assert.equal(returnedRow?.status, 'rejected');
      const edit = await member.get(`/member/events/${row.id}/edit`);
      assert.match(edit.body, /会場の住所を入れてください。/);
      const fixed = await member.post(`/member/events/${row.id}/edit`, { title: '名寄の春 物産展', kind: '物産展', startsOn: '2027-05-01', venueName: '東京区政会館', address: '東京都千代田区飯田橋3-5-1', municipalities: '012211', updatedAt: returnedRow!.updatedAt, intent: 'submit' });
      assert.equal(fixed.statusCode, 303);
      const pending = await eventById(db, row.id);
      assert.equal(pending?.status, 'pending');
      const stale = await secretariat.post(`/admin/events/${row.id}/publish`, { updatedAt: row.updated_at }, { from: '/admin/events/review' });
      assert.equal(stale.statusCode, 409);
      const published = await secretariat.post(`/admin/events/${row.id}/publish`, { updatedAt: pending!.updatedAt });
      assert.equal(published.statusCode, 303);
      await runDueJobs(db, app.jobHandlers, { workerId: 'one' });
      assert.match((await mail!.waitFor(submitterEmail, '公開しました')).text, new RegExp(`/events/${row.id}`));
      assert.equal(mailsAbout('公開しました').length, 1);
      assert.deepEqual((await decisionJobs()).map((j) => j.status), ['done', 'done'], 'one job per decision');
      assert.equal((await app.inject({ url: `/events/${row.id}` })).statusCode, 200);
      // Once published, the member may no longer edit it (the secretariat may), but may withdraw it.
      assert.equal((await member.get(`/member/events/${row.id}/edit`)).statusCode, 403);
      const latest = await eventById(db, row.id);
      await member.get('/member/events');
      assert.equal((await member.post(`/member/events/${row.id}/withdraw`, { updatedAt: latest!.updatedAt })).statusCode, 303);
      assert.equal((await app.inject({ url: `/events/${row.id}` })).statusCode, 404);
      const audit = await db.selectFrom('audit_events').select('action').where('target_id', '=', row.id).execute();
      for (const action of ['event.created', 'event.submitted', 'event.returned', 'event.published', 'event.withdrawn']) assert.ok(audit.some((a) => a.action === action), action);
    });

    test('the secretariat adds an event directly, published at once; the cached list shows it', async () => {
      const { app, database } = current();
      const db = database.handle.db;
      await app.inject({ url: '/events?kind=' + encodeURIComponent('展示') });
      await app.inject({ url: '/events?kind=' + encodeURIComponent('展示') });
      const secretariat = await signedInClient(app, db, { role: 'secretariat', code: null, twoFactor: true });
      const res = await secretariat.post('/admin/events/new', { title: '連携自治体 写真展', kind: '展示', startsOn: '2027-06-01', endsOn: '2027-06-10', startTime: '09:00', endTime: '17:00', venueName: '東京区政会館', intent: 'publish' }, { from: '/admin/events/new' });
      assert.equal(res.statusCode, 303, res.body.slice(0, 400));
      const list = await app.inject({ url: '/events?kind=' + encodeURIComponent('展示') });
      assert.match(list.body, /連携自治体 写真展/);
      const bad = await secretariat.post('/admin/events/new', { title: 'x', kind: '展示', startsOn: '2027-06-10', endsOn: '2027-06-01', venueName: 'x', intent: 'publish' }, { from: '/admin/events/new' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /終了日は開始日と同じか/);
      assert.match(bad.body, /value="x"/);
    });

    test('harvest: a CP932 CSV and an iCal feed add events, a change updates, a second run duplicates nothing', async () => {
      const { app, database } = current();
      const db = database.handle.db;
      const secretariat = await signedInClient(app, db, { role: 'secretariat', code: null, twoFactor: true });
      for (const [url, format] of [
        [feedUrl('/events.csv'), 'csv'],
        [feedUrl('/events.ics'), 'ical'],
      ] as const) {
        const res = await secretariat.post('/admin/events/feeds', { url, format, code: '012211', label: '', interval: '60' }, { from: '/admin/events/feeds' });
        assert.equal(res.statusCode, 303, res.body.slice(0, 300));
      }
      const allow = { allowHosts: ['127.0.0.1'] };
      csvVersion = 1;
      const first = await harvestDueFeeds(db, allow);
      assert.equal(first.length, 2);
      assert.deepEqual(first.map((o) => [o.ok, o.added, o.updated]), [
        [true, 2, 0],
        [true, 2, 0],
      ], JSON.stringify(first));
      const fest = await db.selectFrom('events').selectAll().where('title', '=', 'なよろ雪質日本一フェスティバル').execute();
      assert.equal(fest.length, 1);
      assert.equal(fest[0]!.provenance, 'harvest');
      assert.equal(fest[0]!.starts_on, '2027-02-06');
      assert.equal(fest[0]!.description, '雪像と屋台');
      const online = await db.selectFrom('events').selectAll().where('title', '=', 'オンライン移住相談会').executeTakeFirstOrThrow();
      assert.equal(online.start_time, '10:00');
      assert.equal(online.end_time, '12:00');
      const spring = await db.selectFrom('events').selectAll().where('title', '=', '春の物産展').executeTakeFirstOrThrow();
      assert.equal(spring.ends_on, '2027-04-02');
      // Not due again yet: nothing fetched.
      assert.equal((await harvestDueFeeds(db, allow)).length, 0);
      // Due again, with one changed row.
      csvVersion = 2;
      await db.updateTable('event_feeds').set({ next_fetch_at: new Date(Date.now() - 1000).toISOString() }).execute();
      const second = await harvestDueFeeds(db, allow);
      assert.deepEqual(second.map((o) => [o.ok, o.added, o.updated]), [
        [true, 0, 1],
        [true, 0, 0],
      ]);
      const again = await db.selectFrom('events').selectAll().where('title', '=', 'なよろ雪質日本一フェスティバル').execute();
      assert.equal(again.length, 1);
      assert.equal(again[0]!.description, '雪像と屋台と花火');
      // Without the allow-list, loopback is refused and the error is shown in the back office.
      await db.updateTable('event_feeds').set({ next_fetch_at: new Date(Date.now() - 1000).toISOString() }).execute();
      const refused = await harvestDueFeeds(db, { allowHosts: [] });
      assert.ok(refused.every((o) => !o.ok && /内部向け/.test(o.error ?? '')));
      const page = await secretariat.get('/admin/events/feeds');
      assert.match(page.body, /取得エラー/);
      // A redirect to a private address is refused too.
      const r = await safeFetch(feedUrl('/redirect'), allow);
      assert.ok(!r.ok && /内部向け/.test(r.error));
      await db.updateTable('event_feeds').set({ active: 0 }).execute();
    });

    if (engine === 'postgres') {
      test('two instances sharing one PostgreSQL fetch a due feed once', async () => {
        const { database } = current();
        const db = database.handle.db;
        const second = openDatabase(database.config);
        try {
          const now = new Date().toISOString();
          await db
            .insertInto('event_feeds')
            .values({ id: '11111111-2222-4333-8444-555555555555', url: feedUrl('/slow.csv'), format: 'csv', local_government_code: '012211', next_fetch_at: now, created_at: now, updated_at: now })
            .execute();
          const before = hits;
          const [a, b] = await Promise.all([harvestDueFeeds(db, { allowHosts: ['127.0.0.1'] }), harvestDueFeeds(second.db, { allowHosts: ['127.0.0.1'] })]);
          assert.equal(hits - before, 1);
          assert.equal(a.length + b.length, 1);
        } finally {
          await second.close();
        }
      });
    }
  },
  { mail: true },
);

async function upload(client: import('../../../test/client.ts').TestClient, url: string, fileName: string, bytes: Buffer) {
  const page = await client.get(url);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const boundary = '----renkeitest';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const app = (client as unknown as { app: import('fastify').FastifyInstance }).app;
  return app.inject({ method: 'POST', url, headers: { cookie: client.cookieHeader(), 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
}
