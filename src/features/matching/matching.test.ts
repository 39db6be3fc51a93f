// Partner matching on both engines, through HTTP: members-only pages, the filters without script,
// entries managed by their own municipality or ward only (403 for anyone else's), bad input
// answered 400 with the input kept, suggestions with their one-sentence explanations, and the
// prefilled board link that starts the conversation, followed through to the partner's notification.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientSignedInAs, insertAccount, signedInClient } from '../../../test/accounts.ts';
import { createTestDatabase, describeEachEngine } from '../../../test/helper.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { seedId } from '../../db/seed/registry/util.ts';

const nayoroVenue = seedId('matching', 'nayoro-venue');
const suginamiVenue = seedId('matching', 'suginami-venue');
const expectedSentence = '名寄市が物産展やイベントの会場を探しているのに対し、杉並区は会場の提供を掲げており、両者は1989年から交流自治体協定で結ばれています。';

function decodeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_m, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[name]!);
}

/** What a browser would submit from the board's new-thread form: its fields as the page fills them. */
function newThreadFormFields(html: string): { to: string; category: string; title: string; body: string } {
  const form = /<form[^>]*action="\/board\/new"[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
  const hidden = (name: string) => decodeHtml(new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(form)?.[1] ?? '');
  const select = /<select[^>]*name="category"[\s\S]*?<\/select>/.exec(form)?.[0] ?? '';
  return {
    to: hidden('to'),
    category: /<option value="([^"]*)" selected/.exec(select)?.[1] ?? '',
    title: decodeHtml(/<input[^>]*name="title"[^>]*value="([^"]*)"/.exec(form)?.[1] ?? ''),
    body: decodeHtml(/<textarea[^>]*name="body"[^>]*>([\s\S]*?)<\/textarea>/.exec(form)?.[1] ?? ''),
  };
}

/** The other active accounts of a municipality (earlier tests add some): they are addressed too. */
async function wardStaffOf(db: Kysely<Database>, code: string, except: readonly string[]): Promise<string[]> {
  const rows = await db.selectFrom('accounts').select('id').where('local_government_code', '=', code).where('status', '=', 'active').execute();
  return rows.map((r) => r.id).filter((id) => !except.includes(id));
}

/** The board links of a page, decoded. */
function boardLinks(html: string): URLSearchParams[] {
  return [...html.matchAll(/href="(\/board\/new\?[^"]+)"/g)].map((m) => new URL(m[1]!.replaceAll('&amp;', '&'), 'http://x').searchParams);
}

describeEachEngine('partner matching', (current, engine) => {
  test('only signed-in members see the listing; the sample entries are marked and the filters work without script', async () => {
    const { app, database } = current();
    const anonymous = await app.inject({ url: '/matching' });
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/login\?next=/);
    assert.equal((await app.inject({ url: `/matching/${nayoroVenue}` })).statusCode, 303);
    const member = await signedInClient(app, database.handle.db, { role: 'member', code: '012211' });
    const all = await member.get('/matching');
    assert.equal(all.statusCode, 200);
    assert.match(all.body, /物産展の会場を探しています/);
    assert.match(all.body, /サンプル/);
    const offers = await member.get('/matching?direction=offer&kind=venue');
    assert.match(offers.body, /区民センターのロビー/);
    assert.doesNotMatch(offers.body, /物産展の会場を探しています/);
    const tohoku = await member.get('/matching?region=tohoku');
    assert.match(tohoku.body, /北上市/);
    assert.doesNotMatch(tohoku.body, /名寄市<\/span>/);
    const tourism = await member.get('/matching?field=2');
    assert.match(tourism.body, /観光PRに伺います/);
    assert.doesNotMatch(tourism.body, /区内マルシェでの販売スペース/);
    const bad = await member.get('/matching?kind=nothing&region=mars');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /一覧から選んでください/);
  });

  test('an entry shows its suggested partners, each explained in one sentence, with the prefilled board link for its own staff', async () => {
    const { app, database } = current();
    const db = database.handle.db;
    const nayoro = await signedInClient(app, db, { role: 'member', code: '012211' });
    const page = await nayoro.get(`/matching/${nayoroVenue}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(expectedSentence), 'the issue’s example, from the registry’s real 1989 agreement');
    // 杉並区 (tied since 1989) before 品川区 (a venue too, no recorded tie: a new partner).
    assert.ok(page.body.indexOf('杉並区') < page.body.indexOf('品川区'));
    assert.match(page.body, /名寄市が物産展やイベントの会場を探しているのに対し、品川区は会場の提供を掲げており、両者にはこれまで連携の記録はありません。/);
    assert.match(page.body, /この相手に連携を呼びかける/);
    const [first] = boardLinks(page.body);
    assert.ok(first);
    assert.equal(first.get('category'), 'calls');
    assert.equal(first.get('to'), '131156');
    assert.equal(first.get('title'), '名寄市から杉並区へ：物産展の会場を探しています');
    const body = first.get('body') ?? '';
    assert.ok(body.startsWith(expectedSentence), body);
    assert.ok(body.includes(`/matching/${nayoroVenue}`) && body.includes(`/matching/${suginamiVenue}`), body);
    // Another member reads the suggestions but cannot speak for 名寄市.
    const other = await signedInClient(app, db, { role: 'member', code: '011002' });
    const seen = await other.get(`/matching/${nayoroVenue}`);
    assert.ok(seen.body.includes(expectedSentence));
    assert.equal(boardLinks(seen.body).length, 0);
    assert.doesNotMatch(seen.body, /この掲載を編集する/);
    // The ward sees the same pair from its side, on its own page.
    const suginami = await signedInClient(app, db, { role: 'ward_staff', code: '131156' });
    const own = await suginami.get('/member/matching');
    assert.equal(own.statusCode, 200);
    assert.ok(own.body.includes(expectedSentence), own.body.match(/<ol class="rk-record-list">[\s\S]*?<\/ol>/)?.[0]);
    assert.ok(boardLinks(own.body).some((l) => l.get('to') === '012211'));
    assert.equal((await app.inject({ url: '/matching/00000000-0000-0000-0000-000000000000', cookies: {} })).statusCode, 303);
    assert.equal((await other.get('/matching/00000000-0000-0000-0000-000000000000')).statusCode, 404);
  });

  test('from the suggestion to the conversation: the member follows 「この相手に連携を呼びかける」, posts the prefilled thread, and the partner’s staff are notified', async () => {
    const { app, database } = current();
    const db = database.handle.db;
    const nayoro = await clientSignedInAs(app, db, await insertAccount(db, { role: 'member', code: '012211', name: '名寄の呼びかけ係' }));
    const partnerStaff = await insertAccount(db, { role: 'ward_staff', code: '131156', name: '杉並の受け手' });
    const quietStaff = await insertAccount(db, { role: 'ward_staff', code: '131156', name: '杉並のメール不要' });
    await db.insertInto('notification_preferences').values({ account_id: quietStaff, kind: 'mentioned', frequency: 'none', updated_at: new Date().toISOString() }).execute();
    const bystander = await insertAccount(db, { role: 'ward_staff', code: '131016', name: '千代田の無関係' });
    // The button on the member's own matching page, for 杉並区.
    const own = await nayoro.get('/member/matching');
    assert.equal(own.statusCode, 200);
    const button = /<a class="rk-button rk-button--secondary" href="([^"]+)">この相手に連携を呼びかける<span class="rk-visually-hidden">（杉並区）<\/span>/.exec(own.body);
    assert.ok(button, 'the call button for 杉並区');
    const href = decodeHtml(button[1]!);
    assert.match(href, /^\/board\/new\?category=calls&to=131156&/);
    const form = await nayoro.get(href);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /宛先: 杉並区/);
    const fields = newThreadFormFields(form.body);
    assert.deepEqual({ to: fields.to, category: fields.category }, { to: '131156', category: 'calls' });
    assert.equal(fields.title, '名寄市から杉並区へ：物産展の会場を探しています');
    assert.ok(fields.body.startsWith(expectedSentence), fields.body);
    const posted = await nayoro.post('/board/new', { ...fields, intent: 'post' });
    assert.equal(posted.statusCode, 303, posted.body.slice(0, 300));
    const threadPath = String(posted.headers.location).replace(/[?#].*$/, '');
    assert.match(threadPath, /^\/board\/t\/\d+$/);
    const thread = await db.selectFrom('board_threads').select(['addressee_code', 'title']).where('id', '=', Number(threadPath.split('/').pop())).executeTakeFirstOrThrow();
    assert.deepEqual(thread, { addressee_code: '131156', title: fields.title });
    // The addressed ward's staff find it in their inbox, as addressed to them; the bystander does not.
    for (const id of [partnerStaff, quietStaff]) {
      const inbox = await (await clientSignedInAs(app, db, id)).get('/member/notifications');
      assert.equal(inbox.statusCode, 200);
      assert.ok(inbox.body.includes(fields.title), 'the thread in the inbox');
      assert.match(inbox.body, new RegExp(`href="${threadPath}\\?page=1#post-\\d+"`));
      assert.match(inbox.body, /あなた・あなたの自治体宛て/);
    }
    assert.doesNotMatch((await (await clientSignedInAs(app, db, bystander)).get('/member/notifications')).body, /物産展の会場を探しています/);
    // A mail job for the one who wants such mail at once (the default), none for the one who turned it off.
    const notifications = await db.selectFrom('notifications').select(['id', 'recipient_id', 'kind']).where('path', 'like', `${threadPath}?%`).execute();
    assert.deepEqual(notifications.map((n) => n.recipient_id).sort(), [partnerStaff, quietStaff, ...(await wardStaffOf(db, '131156', [partnerStaff, quietStaff]))].sort(), 'every active staff of 杉並区');
    assert.deepEqual(notifications.map((n) => n.kind), notifications.map(() => 'mentioned'));
    const idOf = (account: string) => notifications.find((n) => n.recipient_id === account)?.id;
    const jobs = await db.selectFrom('jobs').select(['dedupe_key', 'status']).where('kind', '=', 'notification-mail').execute();
    assert.ok(jobs.some((j) => j.dedupe_key === `notification-mail:${idOf(partnerStaff)}` && j.status === 'queued'), 'a mail job for the partner’s staff');
    assert.ok(idOf(quietStaff) && !jobs.some((j) => j.dedupe_key === `notification-mail:${idOf(quietStaff)}`), 'none for mail turned off');
  });

  test('staff manage their own entries; bad input is refused with the input kept; nobody edits another’s entry', async () => {
    const { app, database } = current();
    const db = database.handle.db;
    const ward = await signedInClient(app, db, { role: 'ward_staff', code: '131016' });
    const form = await ward.get('/member/matching/new');
    assert.equal(form.statusCode, 200);
    const bad = await ward.post('/member/matching/new', { direction: 'offer', kind: 'venue', title: '', description: '区役所の会議室', periodStart: '2027-05-01', periodEnd: '2027-04-01', status: 'open' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /見出しを入力してください。/);
    assert.match(bad.body, /期間の終わりは始まりと同じ日か、それより後にしてください。/);
    assert.match(bad.body, /区役所の会議室/);
    assert.match(bad.body, /value="2027-05-01"/);
    const badKind = await ward.post('/member/matching/new', { direction: 'sideways', kind: 'x', title: 'x', status: 'open' });
    assert.equal(badKind.statusCode, 400);
    assert.match(badKind.body, /種類を選んでください。/);
    const created = await ward.post('/member/matching/new', { direction: 'offer', kind: 'venue', fields: ['1', '2'], title: '千代田区 試験 会場の提供', description: '', periodStart: '', periodEnd: '', status: 'open', local_government_code: '012211' });
    assert.equal(created.statusCode, 303, created.body.slice(0, 300));
    const row = await db.selectFrom('matching_entries').selectAll().where('title', '=', '千代田区 試験 会場の提供').executeTakeFirstOrThrow();
    assert.equal(row.local_government_code, '131016', 'the owner is the account’s, never the form’s');
    const fields = await db.selectFrom('matching_entry_fields').select('field').where('entry_id', '=', row.id).orderBy('field').execute();
    assert.deepEqual(fields.map((f) => Number(f.field)), [1, 2]);
    // Another municipality and another ward: 403 on the form and on the POST; nothing changes.
    for (const outsider of [await signedInClient(app, db, { role: 'member', code: '012211' }), await signedInClient(app, db, { role: 'ward_staff', code: '131156' })]) {
      assert.equal((await outsider.get(`/member/matching/${row.id}/edit`)).statusCode, 403);
      await outsider.get('/member/matching');
      const refused = await outsider.post(`/member/matching/${row.id}/edit`, { direction: 'seek', kind: 'venue', title: '乗っ取り', status: 'open', updatedAt: row.updated_at });
      assert.equal(refused.statusCode, 403);
      assert.match(refused.body, /権限がありません/);
    }
    assert.equal((await db.selectFrom('matching_entries').select('title').where('id', '=', row.id).executeTakeFirstOrThrow()).title, '千代田区 試験 会場の提供');
    // Its own staff edit it (and a stale form is a conflict); closing it takes it off the listing.
    const edited = await ward.post(`/member/matching/${row.id}/edit`, { direction: 'offer', kind: 'venue', fields: '1', title: '千代田区 試験 会場の提供（改）', status: 'open', updatedAt: row.updated_at }, { from: `/member/matching/${row.id}/edit` });
    assert.equal(edited.statusCode, 303);
    const stale = await ward.post(`/member/matching/${row.id}/edit`, { direction: 'offer', kind: 'venue', title: 'x', status: 'open', updatedAt: row.updated_at });
    assert.equal(stale.statusCode, 409);
    const latest = await db.selectFrom('matching_entries').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    assert.equal(latest.title, '千代田区 試験 会場の提供（改）');
    assert.match((await ward.get('/matching')).body, /千代田区 試験 会場の提供（改）/);
    const closed = await ward.post(`/member/matching/${row.id}/edit`, { direction: 'offer', kind: 'venue', title: latest.title, status: 'closed', updatedAt: latest.updated_at });
    assert.equal(closed.statusCode, 303);
    assert.doesNotMatch((await ward.get('/matching')).body, /千代田区 試験 会場の提供（改）/);
    // The secretariat (with two-factor) may edit any entry, but publishes none of its own.
    const secretariat = await signedInClient(app, db, { role: 'secretariat', code: null, twoFactor: true });
    assert.equal((await secretariat.get(`/member/matching/${row.id}/edit`)).statusCode, 200);
    assert.match((await secretariat.get('/member/matching')).body, /千代田区 試験 会場の提供（改）/);
    assert.equal((await secretariat.get('/member/matching/new')).statusCode, 403);
    const audit = await db.selectFrom('audit_events').select('action').where('target_id', '=', row.id).execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['matching.created', 'matching.updated', 'matching.updated']);
  });

  test('an entry whose period has ended is neither listed nor suggested', async () => {
    const { app, database } = current();
    const db = database.handle.db;
    const member = await signedInClient(app, db, { role: 'member', code: '012246' });
    const posted = await member.post('/member/matching/new', { direction: 'offer', kind: 'venue', title: '士別市 終わった会場の提供', periodStart: '2020-04-01', periodEnd: '2021-03-31', status: 'open' }, { from: '/member/matching/new' });
    assert.equal(posted.statusCode, 303, posted.body.slice(0, 300));
    assert.doesNotMatch((await member.get('/matching')).body, /士別市 終わった会場の提供/);
    const nayoro = await signedInClient(app, db, { role: 'member', code: '012211' });
    const page = await nayoro.get(`/matching/${nayoroVenue}`);
    assert.doesNotMatch(page.body, /士別市は会場の提供/);
  });

  test('the sample entries are demo data only: none without DEMO_DATA', async () => {
    const plain = await createTestDatabase(engine, { demoData: false });
    try {
      const row = await plain.handle.db.selectFrom('matching_entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(row.n), 0);
    } finally {
      await plain.drop();
    }
    const { database } = current();
    const samples = await database.handle.db.selectFrom('matching_entries').select(['provenance', 'description']).where('provenance', '=', 'sample').execute();
    assert.ok(samples.length >= 10);
    for (const s of samples) assert.match(s.description, /サンプル/);
  });

  test('in English the explanation is English', async () => {
    const { app, database } = current();
    const member = await signedInClient(app, database.handle.db, { role: 'member', code: '012211' });
    member.cookies.set('lang', 'en');
    const page = await member.get(`/matching/${nayoroVenue}`);
    assert.match(page.body, /名寄市 is looking for a venue for a fair or an event and 杉並区 offers a venue; the two have been linked since 1989/);
    assert.match(page.body, /Suggested partners/);
  });
});
