// Walks every route of the member area and the secretariat's pages with every role, through HTTP,
// with valid CSRF tokens, so that what is tested is authorisation and nothing else.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, test } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database, Role, AccountStatus } from '../src/db/schema.ts';
import { createSession } from '../src/db/sessions.ts';
import { hashPassword } from '../src/domain/passwords.ts';
import { newTotpSecret } from '../src/domain/totp.ts';
import { TestClient } from './client.ts';
import { describeEachEngine } from './helper.ts';

interface Persona {
  name: string;
  role?: Role;
  status?: AccountStatus;
  code?: string | null;
  twoFactor?: boolean;
}

const personas: Persona[] = [
  { name: 'anonymous visitor' },
  { name: 'member of 名寄市', role: 'member', code: '012211' },
  { name: 'ward staff of 千代田区', role: 'ward_staff', code: '131016' },
  { name: 'secretariat without two-factor', role: 'secretariat', code: null },
  { name: 'secretariat with two-factor', role: 'secretariat', code: null, twoFactor: true },
  { name: 'disabled member', role: 'member', code: '012211', status: 'disabled' },
  { name: 'member awaiting approval', role: 'member', code: '012211', status: 'pending_approval' },
];

let passwordHash: string;

async function insertAccount(db: Kysely<Database>, p: Persona): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await db
    .insertInto('accounts')
    .values({
      id,
      email: `${id}@example.lg.jp`,
      password_hash: passwordHash,
      role: p.role ?? 'member',
      status: p.status ?? 'active',
      local_government_code: p.code ?? null,
      department: '企画課',
      full_name: '試験 太郎',
      full_name_kana: 'シケン タロウ',
      display_name: p.name.slice(0, 30),
      phone: '03-0000-0000',
      terms_accepted_at: now,
      email_verified_at: now,
      totp_secret: p.twoFactor ? newTotpSecret() : null,
      totp_enabled_at: p.twoFactor ? now : null,
      password_changed_at: now,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** A concrete URL for a route pattern: ids point at a real (pending) account. */
function concrete(url: string, targetId: string): string {
  return url.replace(/:id\b/g, targetId).replace(/:[a-zA-Z]+/g, 'x');
}

describeEachEngine('authorisation of every protected route', (current) => {
  const clients = new Map<string, TestClient>();
  let targetId = '';

  before(async () => {
    const { app, database } = current();
    passwordHash ??= await hashPassword('correct horse battery staple');
    targetId = await insertAccount(database.handle.db, { name: 'pending applicant', role: 'member', code: '012211', status: 'pending_approval' });
    for (const p of personas) {
      const client = new TestClient(app);
      if (p.role) {
        const id = await insertAccount(database.handle.db, p);
        const { token } = await createSession(database.handle.db, { accountId: id, stage: 'authenticated', ip: '', userAgent: 'test' });
        client.cookies.set('renkei_session', token);
      }
      clients.set(p.name, client);
    }
  });

  const protectedRoutes = () =>
    current()
      .app.routeTable.filter((r) => /^\/(member|admin)(\/|$)/.test(r.url))
      .sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method));

  const call = async (persona: string, method: string, url: string) => {
    const client = clients.get(persona)!;
    if (method === 'GET') return client.get(url);
    // A valid CSRF token, so that what is refused is refused by authorisation: the sign-in form
    // has one for visitors, the header's sign-out form for signed-in people.
    const withForm = await client.get('/login');
    if (withForm.statusCode !== 200 || !withForm.body.includes('name="_csrf"')) await client.get('/municipalities/131016');
    return client.post(url, {});
  };

  test('there are member and secretariat routes to check', () => {
    const routes = protectedRoutes();
    assert.ok(routes.some((r) => r.url === '/member'), 'the member dashboard exists');
    assert.ok(routes.some((r) => r.url === '/admin'), 'the secretariat page exists');
    assert.ok(routes.some((r) => r.method === 'POST' && r.url.startsWith('/admin')), 'the secretariat has actions');
  });

  for (const persona of ['anonymous visitor', 'disabled member', 'member awaiting approval']) {
    test(`the ${persona} is sent to sign in from every protected route`, async () => {
      for (const r of protectedRoutes()) {
        const res = await call(persona, r.method, concrete(r.url, targetId));
        assert.equal(res.statusCode, 303, `${r.method} ${r.url}`);
        assert.match(String(res.headers.location), /^\/login\?next=/, `${r.method} ${r.url}`);
      }
    });
  }

  for (const persona of ['member of 名寄市', 'ward staff of 千代田区']) {
    test(`the ${persona} uses the member area but gets 403 on every secretariat route`, async () => {
      for (const r of protectedRoutes()) {
        const res = await call(persona, r.method, concrete(r.url, targetId));
        if (r.url.startsWith('/admin')) {
          assert.equal(res.statusCode, 403, `${r.method} ${r.url}`);
          assert.match(res.body, /権限がありません/);
        } else {
          assert.ok(![401, 403].includes(res.statusCode) && !String(res.headers.location ?? '').startsWith('/login'), `${r.method} ${r.url}: ${res.statusCode}`);
        }
      }
      const { database } = current();
      const target = await database.handle.db.selectFrom('accounts').select('status').where('id', '=', targetId).executeTakeFirstOrThrow();
      assert.equal(target.status, 'pending_approval', 'nothing a member posted approved or changed the applicant');
    });
  }

  test('the secretariat without two-factor is sent to set it up before any secretariat route', async () => {
    for (const r of protectedRoutes().filter((x) => x.url.startsWith('/admin'))) {
      const res = await call('secretariat without two-factor', r.method, concrete(r.url, targetId));
      assert.equal(res.statusCode, 303, `${r.method} ${r.url}`);
      assert.equal(res.headers.location, '/member/two-factor?required=1', `${r.method} ${r.url}`);
    }
  });

  test('the secretariat with two-factor reaches every secretariat page', async () => {
    for (const r of protectedRoutes().filter((x) => x.url.startsWith('/admin') && x.method === 'GET')) {
      const res = await call('secretariat with two-factor', 'GET', concrete(r.url, targetId));
      assert.equal(res.statusCode, 200, `GET ${r.url}`);
    }
  });

  test('refusals are written to the audit log', async () => {
    const { database } = current();
    const denied = await database.handle.db.selectFrom('audit_events').select('id').where('action', '=', 'authz.denied').execute();
    assert.ok(denied.length > 0);
  });

  test('a POST without a CSRF token is refused before anything happens', async () => {
    const client = clients.get('secretariat with two-factor')!;
    const res = await client.post(`/admin/approvals/${targetId}/approve`, {}, { csrf: false });
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /送信を受け付けられませんでした/);
    const { database } = current();
    const target = await database.handle.db.selectFrom('accounts').select('status').where('id', '=', targetId).executeTakeFirstOrThrow();
    assert.equal(target.status, 'pending_approval');
  });
});
