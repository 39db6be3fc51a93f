// Bad input, everywhere: every GET route the app registers (app.routeTable), public, member and
// secretariat, each asked by the persona that may see it, gets hostile values in every query
// parameter the app reads and in every path segment: invalid UTF-8 percent-encodings, NUL, huge
// and negative numbers, SQL and HTML metacharacters, 10,000 characters, header injection in
// redirect targets, repeated parameters. No answer may be a 5xx, none may hang, and no redirect
// may carry a control character or leave the site.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { insertAccount, signedInClient } from './accounts.ts';
import { TestClient } from './client.ts';
import { describeEachEngine } from './helper.ts';

/** Every query parameter name a page of the app reads (they are sent all at once). */
const queryNames = [
  'next', 'email', 'sent', 'resent', 'done', 'required', 'signedOut', 'reset', 'expired',
  'q', 'page', 'per_page', 'ward', 'fy', 'field', 'status', 'type', 'kind', 'pref', 'category',
  'organiser', 'sort', 'from', 'to', 'action', 'actor', 'role', 'state', 'asOf', 'disaster', 'id',
  'direction', 'region',
];

/** Hostile values, already percent-encoded as they would travel in a URL. */
const allValues = [
  '%C3%28', // invalid UTF-8
  '%FF',
  '%00',
  'a%00b',
  '%E3%81%82', // あ: valid, but not ASCII
  '/%E3%81%82',
  '99999999999999999999999999',
  '-1',
  '-99999999999999999999',
  '1e308',
  'NaN',
  '0x10',
  "'%20OR%201%3D1--",
  '%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '%25',
  'x'.repeat(10_000),
  '%0d%0aSet-Cookie:%20injected=1',
  '/%0d%0aSet-Cookie:%20injected=1',
  '//evil.example',
  '/%5Cevil.example',
  '..%2F..%2Fetc%2Fpasswd',
];
/** PostgreSQL (and the signed-in walk of public pages) gets fewer values of the same kinds, to keep the run short. */
const postgresValues = ['%C3%28', '%00', '/%E3%81%82', '99999999999999999999999999', '-1', "'%20OR%201%3D1--", 'x'.repeat(10_000), '/%0d%0aSet-Cookie:%20injected=1'];

const perRequestTimeoutMs = 10_000;

async function withTimeout(label: string, run: () => Promise<LightMyRequestResponse>): Promise<LightMyRequestResponse | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), perRequestTimeoutMs);
  });
  try {
    return await Promise.race([run(), timeout]);
  } catch (error) {
    throw new Error(`${label}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Who asks for a route: the secretariat for /admin and /registry, a member for /member; public
 * pages both anonymously (served through the page cache) and signed in (rendered every time; on
 * SQLite only, to keep the run short).
 */
function personasFor(url: string, engine: string): Array<'anonymous' | 'member' | 'secretariat'> {
  if (/^\/(admin|registry)(\/|$)/.test(url)) return ['secretariat'];
  if (/^\/member(\/|$)/.test(url)) return ['member'];
  return engine === 'sqlite' ? ['anonymous', 'member'] : ['anonymous'];
}

const paramPattern = /:[a-zA-Z]+|\*/g;

/**
 * Each hostile URL of a route: every query parameter at once (on a URL whose path names a real
 * record, so that the page reads its query), repeated, and each path segment.
 */
function hostileUrls(pattern: string, valid: string, value: string): string[] {
  const params = [...pattern.matchAll(paramPattern)].map((m) => m[0]);
  const base = pattern.replace(paramPattern, valid);
  const urls = [
    `${base}?${queryNames.map((n) => `${n}=${value}`).join('&')}`,
    `${base}?${queryNames.map((n) => `${n}=${value}&${n}=1`).join('&')}`,
  ];
  for (const param of params) {
    let seen = 0;
    const wanted = params.indexOf(param);
    urls.push(pattern.replace(paramPattern, () => (seen++ === wanted ? value : valid)));
  }
  return urls;
}

describeEachEngine('hostile input on every GET route', (current, engine) => {
  const clients = new Map<string, TestClient>();
  /** Values a path parameter may take to name a real record: codes, languages and one id of each table. */
  const candidates: string[] = ['en', '131016', '012211', 'site.css'];

  before(async () => {
    const { app, database } = current();
    const db = database.handle.db;
    clients.set('anonymous', new TestClient(app));
    clients.set('member', await signedInClient(app, db, { role: 'member', code: '012211' }));
    clients.set('secretariat', await signedInClient(app, db, { role: 'secretariat', code: null, twoFactor: true }));
    const applicant = await insertAccount(db, { role: 'member', code: '012211', status: 'pending_approval' });
    candidates.push(applicant);
    const now = new Date().toISOString();
    const jobId = randomUUID();
    await db
      .insertInto('import_jobs')
      .values({ id: jobId, account_id: applicant, entity_type: 'agreements', file_name: 'a.csv', status: 'invalid', total_rows: 0, processed_rows: 0, rows_json: '[]', errors_json: '[]', created_at: now, updated_at: now })
      .execute();
    candidates.push(jobId);
    const tables = ['agreement_types', 'wide_area_groups', 'agreements', 'projects', 'regional_exchanges', 'company_agreements', 'disasters', 'disaster_support', 'joint_plans', 'plan_items', 'published_figures'] as const;
    for (const table of tables) {
      const row = await db.selectFrom(table).select('id').limit(1).executeTakeFirst();
      if (row) candidates.push(String(row.id));
    }
    const member = await db.selectFrom('registered_members').select('local_government_code').limit(1).executeTakeFirst();
    if (member) candidates.push(member.local_government_code);
  });

  /** The first candidate that the route answers (2xx or 3xx) for its persona ('x' when none does). */
  async function validValue(pattern: string, client: TestClient): Promise<string> {
    if (!/:[a-zA-Z]+|\*/.test(pattern)) return 'x';
    for (const candidate of candidates) {
      const res = await current().app.inject({ method: 'GET', url: pattern.replace(paramPattern, candidate), headers: client.cookies.size > 0 ? { cookie: client.cookieHeader() } : {} });
      if (res.statusCode < 400) return candidate;
    }
    return 'x';
  }

  test('no 5xx, no hang, no redirect off the site or with a control character', async () => {
    const { app } = current();
    const values = engine === 'sqlite' ? allValues : postgresValues;
    const routes = app.routeTable.filter((r) => r.method === 'GET');
    assert.ok(routes.length > 50, `the walk covers the app (${routes.length} GET routes)`);
    const failures: string[] = [];
    for (const route of routes) for (const persona of personasFor(route.url, engine)) {
      const client = clients.get(persona)!;
      const valid = await validValue(route.url, client);
      // A public page signed in is the same page rendered without the cache: the smaller set.
      const signedInPublic = persona === 'member' && !route.url.startsWith('/member');
      for (const value of signedInPublic ? postgresValues : values) {
        for (const url of hostileUrls(route.url, valid, value)) {
          const label = `GET ${url.length > 160 ? `${url.slice(0, 160)}…` : url}`;
          const res = await withTimeout(label, () => app.inject({ method: 'GET', url, headers: client.cookies.size > 0 ? { cookie: client.cookieHeader() } : {} }));
          if (res === 'timeout') {
            failures.push(`${label}: no answer in ${perRequestTimeoutMs} ms`);
            continue;
          }
          if (res.statusCode >= 500) failures.push(`${label}: ${res.statusCode}`);
          const location = res.headers.location;
          if (location !== undefined) {
            const target = String(location);
            if (/[\u0000-\u001f\u007f]/.test(target) || !target.startsWith('/') || target.startsWith('//') || target.includes('\\')) {
              failures.push(`${label}: redirect to ${JSON.stringify(target.slice(0, 100))}`);
            }
          }
          for (const header of Object.keys(res.headers)) {
            if (header === 'injected' || /injected=1/.test(String(res.headers['set-cookie'] ?? ''))) failures.push(`${label}: header injected`);
          }
        }
      }
    }
    assert.deepEqual(failures, []);
  });
});
