// Walks every route of the member area, the secretariat's pages, the registry edit pages and the
// members' matching pages (/matching)
// (/registry) with every role, through HTTP, with valid CSRF tokens, so that what is tested is
// authorisation and nothing else. Registry record routes point at records of 港区, which the ward
// officer of 千代田区 may not touch.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Kysely } from 'kysely';
import { saveAgreement } from '../src/features/registry/agreements/store.ts';
import { saveProject } from '../src/features/registry/projects/store.ts';
import { publishEntry } from '../src/features/matching/commands.ts';
import type { Database, Role, AccountStatus } from '../src/db/schema.ts';
import { insertAccount, signedInClient } from './accounts.ts';
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

interface Targets {
  /** A pending account, for /admin/accounts/:id and /admin/approvals/:id. */
  account: string;
  /** An agreement and a project of 港区 (not 千代田区). */
  agreement: string;
  project: string;
  /** A sample board thread, its opening post and a category (none of them the personas' own). */
  thread: string;
  post: string;
  category: string;
}

/** A concrete URL for a route pattern: ids point at real records where the route has them. */
function concrete(url: string, targets: Targets): string {
  // The site pages: a real page and its first version, and the seeded accessibility test result.
  if (url.startsWith('/admin/pages/')) return url.replace(':slug', 'about').replace(':version', '1').replace(':id', seededTestResultId);
  if (/^\/(admin\/)?board\//.test(url)) {
    const boardId = /\/(t|posts)\/:id/.test(url) ? (url.includes('/t/') ? targets.thread : targets.post) : url.includes('/categories/') ? targets.category : 'x';
    return url.replace(':slug', 'calls').replace(/:id\b/g, boardId).replace(/:[a-zA-Z]+/g, 'x');
  }
  const id = url.startsWith('/registry/agreements/') ? targets.agreement : url.startsWith('/registry/projects/') ? targets.project : targets.account;
  // A municipality's own pages (PR page) point at 名寄市: the member's own, never the ward officer's.
  return url.replace(/:id\b/g, id).replace(/:code\b/g, '012211').replace(/:[a-zA-Z]+/g, 'x');
}

/** The first accessibility test result (src/db/seed/site-pages.ts). */
const seededTestResultId = '9d3c1a52-6f0e-4c4b-9a51-2a7e8e4d0001';

/** True when concrete() could not name a real record for the route (its GET may be a 404). */
function hasPlaceholder(url: string): boolean {
  if (/^\/(admin\/)?board\//.test(url)) return /:(postId|fileId)\b/.test(url) || /reports\/:id/.test(url);
  return /:[a-zA-Z]+/.test(url) && !/^\/(admin\/(accounts|approvals|pages)|registry\/(agreements|projects))\/(:id|:slug|test-results\/:id)(\/|$)/.test(url);
}

/** The registry pages a ward officer uses for their own ward (no record in the URL). */
const wardOwnRoutes = /^\/registry(\/(agreements|projects)(\/new)?|\/(deleted|review|sources))?$/;
/** A municipality's own pages in the member area (its PR page): only its staff and the secretariat. */
const municipalityOwnRoutes = /^\/member\/pr\/:code$/;
/** The registry pages of one agreement or project: a ward officer only for their ward's records. */
const wardRecordRoutes = /^\/registry\/(agreements|projects)\/:id\//;
/** Board routes about someone else's post or thread: object-level refusals (403) for members. */
const boardOthersRoutes = /^\/board\/(posts\/:id\/(edit|delete)|t\/:id\/status)$/;

async function insertOtherWardRecords(db: Kysely<Database>): Promise<Omit<Targets, 'account'>> {
  return db.transaction().execute(async (trx) => {
    const agreement = await saveAgreement(
      trx,
      {
        typeId: 'exchange',
        title: 'サンプル 港区の協定',
        wardCodes: ['131032'],
        partnerCodes: ['012211'],
        partnerGroupIds: [],
        formerNames: {},
        signedOn: null,
        signedOnPrecision: 'day',
        resignedDates: [],
        endedOn: null,
        background: '',
        sourceUrl: null,
        notes: '',
      },
      { actorAccountId: null, provenance: 'sample' },
    );
    const project = await saveProject(
      trx,
      {
        fiscalYear: 2024,
        title: 'サンプル 港区の事業',
        summary: '',
        field: 1,
        organiserKind: 'wards',
        wardCodes: ['131032'],
        partnerCodes: ['012211'],
        startsOn: null,
        endsOn: null,
        format: 'offline',
        status: '予定',
        newsUrl: null,
        sourceUrl: null,
        notes: '',
      },
      { actorAccountId: null, provenance: 'sample' },
    );
    const thread = await trx.selectFrom('board_threads').select('id').where('is_sample', '=', 1).orderBy('id').executeTakeFirstOrThrow();
    const post = await trx.selectFrom('board_posts').select('id').where('thread_id', '=', thread.id).where('position', '=', 1).executeTakeFirstOrThrow();
    const category = await trx.selectFrom('board_categories').select('id').where('slug', '=', 'calls').executeTakeFirstOrThrow();
    return { agreement: agreement.id, project: project.id, thread: String(thread.id), post: String(post.id), category: category.id };
  });
}

/** A matching entry of 港区, which neither the member of 名寄市 nor the officer of 千代田区 may edit. */
async function insertOtherWardMatchingEntry(db: Kysely<Database>): Promise<void> {
  const input = { direction: 'offer', kind: 'venue', fields: [1], title: 'サンプル 港区の会場の提供', description: '', periodStart: null, periodEnd: null, status: 'open' } as const;
  await publishEntry(db, { id: null, ip: '' }, { code: '131032', prefectureCode: '13' }, { ...input, fields: [...input.fields] }, 'sample');
}

describeEachEngine('authorisation of every protected route', (current) => {
  const clients = new Map<string, TestClient>();
  let targetId = '';
  let targets: Targets;

  before(async () => {
    const { app, database } = current();
    targetId = await insertAccount(database.handle.db, { name: 'pending applicant', role: 'member', code: '012211', status: 'pending_approval' });
    targets = { account: targetId, ...(await insertOtherWardRecords(database.handle.db)) };
    await insertOtherWardMatchingEntry(database.handle.db);
    for (const p of personas) {
      const client = p.role ? await signedInClient(app, database.handle.db, { ...p, role: p.role, code: p.code ?? null }) : new TestClient(app);
      clients.set(p.name, client);
    }
  });

  const protectedRoutes = () =>
    current()
      .app.routeTable.filter((r) => /^\/(member|admin|registry|matching|board)(\/|$)/.test(r.url))
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
    assert.ok(routes.some((r) => r.url === '/board') && routes.some((r) => r.url === '/admin/board'), 'the board and its moderation are walked');
    assert.ok(routes.some((r) => r.url === '/member'), 'the member dashboard exists');
    assert.ok(routes.some((r) => r.url === '/admin'), 'the secretariat page exists');
    assert.ok(routes.some((r) => r.method === 'POST' && r.url.startsWith('/admin')), 'the secretariat has actions');
    assert.ok(routes.some((r) => r.url === '/registry'), 'the registry edit pages exist');
    for (const url of ['/member/notifications', '/member/notifications/settings', '/member/notifications/read', '/member/notifications/read-all', '/admin/jobs', '/admin/jobs/:id/retry']) {
      assert.ok(routes.some((r) => r.url === url), `${url} is walked`);
    }
    assert.ok(routes.some((r) => r.method === 'POST' && wardRecordRoutes.test(r.url)), 'the registry has record actions');
    assert.ok(routes.some((r) => r.method === 'POST' && municipalityOwnRoutes.test(r.url)), 'the PR page form is walked');
    assert.ok(routes.some((r) => r.method === 'POST' && r.url.startsWith('/admin/pr/')), 'the PR back office is walked');
  });

  for (const persona of ['anonymous visitor', 'disabled member', 'member awaiting approval']) {
    test(`the ${persona} is sent to sign in from every protected route`, async () => {
      for (const r of protectedRoutes()) {
        const res = await call(persona, r.method, concrete(r.url, targets));
        assert.equal(res.statusCode, 303, `${r.method} ${r.url}`);
        assert.match(String(res.headers.location), /^\/login\?next=/, `${r.method} ${r.url}`);
      }
    });
  }

  /** The 港区 records are as they were: nothing a refused request did reached them. */
  const assertOtherWardUntouched = async () => {
    const { database } = current();
    const db = database.handle.db;
    const agreement = await db.selectFrom('agreements').select(['title', 'deleted_at']).where('id', '=', targets.agreement).executeTakeFirstOrThrow();
    assert.deepEqual(agreement, { title: 'サンプル 港区の協定', deleted_at: null });
    const project = await db.selectFrom('projects').select(['title', 'deleted_at']).where('id', '=', targets.project).executeTakeFirstOrThrow();
    assert.deepEqual(project, { title: 'サンプル 港区の事業', deleted_at: null });
    const changes = await db.selectFrom('record_changes').select('action').where('entity_id', 'in', [targets.agreement, targets.project]).execute();
    assert.deepEqual(changes.map((c) => c.action), ['create', 'create']);
  };

  test('the member of 名寄市 uses the member area but gets 403 on every secretariat and registry route', async () => {
    for (const r of protectedRoutes()) {
      const res = await call('member of 名寄市', r.method, concrete(r.url, targets));
      if (r.url.startsWith('/admin') || r.url.startsWith('/registry') || boardOthersRoutes.test(r.url)) {
        assert.equal(res.statusCode, 403, `${r.method} ${r.url}`);
        assert.match(res.body, /権限がありません/);
      } else {
        assert.ok(![401, 403].includes(res.statusCode) && !String(res.headers.location ?? '').startsWith('/login'), `${r.method} ${r.url}: ${res.statusCode}`);
      }
    }
    const { database } = current();
    const target = await database.handle.db.selectFrom('accounts').select('status').where('id', '=', targetId).executeTakeFirstOrThrow();
    assert.equal(target.status, 'pending_approval', 'nothing a member posted approved or changed the applicant');
    await assertOtherWardUntouched();
  });

  test('the ward staff of 千代田区: member area and their own registry pages; 403 on the secretariat, the registry master data and 港区 records', async () => {
    for (const r of protectedRoutes()) {
      const res = await call('ward staff of 千代田区', r.method, concrete(r.url, targets));
      const label = `${r.method} ${r.url}: ${res.statusCode}`;
      if (municipalityOwnRoutes.test(r.url)) {
        // 名寄市's page: not the ward officer's municipality.
        assert.equal(res.statusCode, 403, label);
      } else if (boardOthersRoutes.test(r.url)) {
        assert.equal(res.statusCode, 403, `${label}: another member's post or thread`);
      } else if (r.url.startsWith('/member') || r.url.startsWith('/matching') || r.url.startsWith('/board')) {
        assert.ok(![401, 403].includes(res.statusCode) && !String(res.headers.location ?? '').startsWith('/login'), label);
      } else if (wardOwnRoutes.test(r.url)) {
        // GET: the page; POST of an empty form: the form again with errors.
        assert.equal(res.statusCode, r.method === 'GET' ? 200 : 400, label);
      } else {
        assert.equal(res.statusCode, 403, label);
        assert.match(res.body, /権限がありません/);
      }
    }
    const { database } = current();
    const target = await database.handle.db.selectFrom('accounts').select('status').where('id', '=', targetId).executeTakeFirstOrThrow();
    assert.equal(target.status, 'pending_approval');
    await assertOtherWardUntouched();
  });

  test('the secretariat without two-factor is sent to set it up before any secretariat or registry route', async () => {
    for (const r of protectedRoutes().filter((x) => x.url.startsWith('/admin') || x.url.startsWith('/registry'))) {
      const res = await call('secretariat without two-factor', r.method, concrete(r.url, targets));
      assert.equal(res.statusCode, 303, `${r.method} ${r.url}`);
      assert.equal(res.headers.location, '/member/two-factor?required=1', `${r.method} ${r.url}`);
    }
  });

  test('the secretariat with two-factor reaches every secretariat and registry page', async () => {
    for (const r of protectedRoutes().filter((x) => (x.url.startsWith('/admin') || x.url.startsWith('/registry')) && x.method === 'GET')) {
      const res = await call('secretariat with two-factor', 'GET', concrete(r.url, targets));
      // A route whose id the walk cannot name answers "not found", never a refusal or an error.
      if (hasPlaceholder(r.url)) assert.ok([200, 404].includes(res.statusCode), `GET ${r.url}: ${res.statusCode}`);
      else assert.equal(res.statusCode, 200, `GET ${r.url}`);
    }
  });

  test('a matching entry of 港区 is edited by nobody but 港区 (and the secretariat): 403 for the others, GET and POST', async () => {
    const { database } = current();
    const db = database.handle.db;
    const entry = await db.selectFrom('matching_entries').selectAll().where('local_government_code', '=', '131032').executeTakeFirstOrThrow();
    for (const persona of ['member of 名寄市', 'ward staff of 千代田区']) {
      const client = clients.get(persona)!;
      // Everyone signed in reads it…
      assert.equal((await client.get(`/matching/${entry.id}`)).statusCode, 200, persona);
      // …nobody else edits it.
      assert.equal((await client.get(`/member/matching/${entry.id}/edit`)).statusCode, 403, persona);
      assert.equal((await call(persona, 'POST', `/member/matching/${entry.id}/edit`)).statusCode, 403, persona);
    }
    const owner = await signedInClient(current().app, db, { role: 'ward_staff', code: '131032' });
    assert.equal((await owner.get(`/member/matching/${entry.id}/edit`)).statusCode, 200);
    assert.equal((await clients.get('secretariat with two-factor')!.get(`/member/matching/${entry.id}/edit`)).statusCode, 200);
    const after = await db.selectFrom('matching_entries').select(['title', 'updated_at']).where('id', '=', entry.id).executeTakeFirstOrThrow();
    assert.deepEqual(after, { title: entry.title, updated_at: entry.updated_at });
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
