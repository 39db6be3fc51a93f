// Two real instances (compiled server processes) on one PostgreSQL, as `npm run cluster` runs them:
// a session made by signing in on A is valid on B; the sign-in rate limit counts the attempts made
// on both; an article published through A is on B's public pages at once (B's page cache follows
// the 'news' revision); a scheduled article is published by exactly one of them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createSession } from '../src/db/sessions.ts';
import { insertAccount, testPassword } from './accounts.ts';
import { createTestDatabase, postgresSkipReason, type TestDatabase } from './helper.ts';
import { startServer, Visitor, type ServerProcess as Server } from './processes.ts';

describe('two instances on one PostgreSQL', { skip: postgresSkipReason }, () => {
  let database: TestDatabase;
  let a: Server;
  let b: Server;

  before(async () => {
    database = await createTestDatabase('postgres');
    const url = database.config.engine === 'postgres' ? database.config.url : '';
    const env = { DATABASE_URL: url, SESSION_SECRET: 's'.repeat(40), SCHEDULED_JOBS: 'true' };
    [a, b] = await Promise.all([startServer(env), startServer(env)]);
  });

  after(async () => {
    await Promise.allSettled([a?.stop(), b?.stop()]);
    await database?.drop();
  });

  test('a session made by signing in on A is valid on B', async () => {
    const id = await insertAccount(database.handle.db, { role: 'member', code: '012211', name: '名寄の試験' });
    const { email } = await database.handle.db.selectFrom('accounts').select('email').where('id', '=', id).executeTakeFirstOrThrow();
    const person = new Visitor();
    const signIn = await person.postForm(a.base, '/login', { email, password: testPassword });
    assert.equal(signIn.status, 303, signIn.body.slice(0, 300));
    const onB = await person.fetch(`${b.base}/member`);
    assert.equal(onB.status, 200);
    assert.match(onB.body, /名寄の試験/);
  });

  test('the sign-in rate limit counts the attempts made on both instances', async () => {
    const before = await database.handle.db.selectFrom('rate_limits').select((eb) => eb.fn.sum<number>('hits').as('n')).executeTakeFirstOrThrow();
    for (let i = 0; i < 6; i++) {
      const res = await new Visitor().postForm(i % 2 === 0 ? a.base : b.base, '/login', { email: 'nobody@example.lg.jp', password: `wrong-${i}` });
      assert.ok(res.status >= 400 && res.status < 500, String(res.status));
    }
    const after = await database.handle.db.selectFrom('rate_limits').select((eb) => eb.fn.sum<number>('hits').as('n')).executeTakeFirstOrThrow();
    // Every attempt is counted once per rule it falls under, whichever instance took it.
    assert.ok(Number(after.n) - Number(before.n) >= 6, `${Number(after.n) - Number(before.n)} hits counted`);
  });

  test('an article published through A is on B at once; a scheduled one is published once', async () => {
    const db = database.handle.db;
    const secretariat = await insertAccount(db, { role: 'secretariat', code: null, twoFactor: true });
    const { token } = await createSession(db, { accountId: secretariat, stage: 'authenticated', ip: '', userAgent: 'test' });
    const staff = new Visitor();
    staff.cookies.set('renkei_session', token);
    const anonymousOnB = new Visitor();
    assert.doesNotMatch((await anonymousOnB.fetch(`${b.base}/news`)).body, /二つの窓口から/);
    await anonymousOnB.fetch(`${b.base}/news`); // now kept in B's page cache
    const form = await staff.fetch(`${a.base}/admin/news/new`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const publish = async (fields: Record<string, string>) => {
      const body = new FormData();
      body.set('_csrf', csrf);
      for (const [k, v] of Object.entries({ category: 'notice', intent: 'publish', ...fields })) body.set(k, v);
      return staff.fetch(`${a.base}/admin/news/new`, { method: 'POST', body });
    };
    assert.equal((await publish({ title: '二つの窓口からのお知らせ', slug: 'two-instances' })).status, 303);
    const list = await anonymousOnB.fetch(`${b.base}/news`);
    assert.match(list.body, /二つの窓口からのお知らせ/);
    assert.equal((await anonymousOnB.fetch(`${b.base}/news/two-instances`)).status, 200);

    // Scheduled a second ahead: both instances' schedulers look every 15 s; one publishes it.
    const soon = new Date(Date.now() + 60_000);
    const jst = new Date(soon.getTime() + 9 * 3600_000).toISOString();
    assert.equal((await publish({ title: '予約のお知らせ', slug: 'two-instances-scheduled', publishDate: jst.slice(0, 10), publishTime: jst.slice(11, 16) })).status, 303);
    const id = (await db.selectFrom('articles').select('id').where('slug', '=', 'two-instances-scheduled').executeTakeFirstOrThrow()).id;
    await db.updateTable('articles').set({ publish_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', id).execute();
    const deadline = Date.now() + 40_000;
    while ((await db.selectFrom('articles').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status !== 'published') {
      assert.ok(Date.now() < deadline, 'published within two scheduler rounds');
      await new Promise((r) => setTimeout(r, 500));
    }
    await new Promise((r) => setTimeout(r, 16_000)); // one more round on each instance
    const audits = await db.selectFrom('audit_events').select('id').where('action', '=', 'news.published').where('target_id', '=', id).execute();
    assert.equal(audits.length, 1, 'one instance published it, once');
  });
});
