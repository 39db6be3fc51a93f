// `kill -9` of an instance while it writes, on both engines, with real processes: registrations,
// registry edits and an import going on; the instance is killed, started again on the same
// database, and then every write it had acknowledged (303) is there, nothing is half there (a
// project without its ward or partner; an import partly applied), and SQLite's file passes its
// integrity check (WAL recovery). Bounded loops, loopback only; nothing is timed.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../src/db/index.ts';
import { createSession } from '../src/db/sessions.ts';
import { projectColumns } from '../src/features/registry/projects/exchange.ts';
import { toCsv } from '../src/views/tabular.ts';
import { insertAccount } from './accounts.ts';
import { createTestDatabase, engines, postgresSkipReason, type TestDatabase } from './helper.ts';
import { startServer, Visitor, type ServerProcess } from './processes.ts';

const importPath = '/admin/registry/import';
const importRows = 450; // more than one chunk of the apply (applyChunkSize 200)
const password = 'crash-test correct horse battery';

function importCsv(marker: string): Buffer {
  const rows = Array.from({ length: importRows }, (_, i) => ({
    fiscalYear: 2024,
    title: `${marker} ${i}`,
    summary: 'サンプル 障害試験の取り込み',
    field: 1,
    organiserKind: '各区',
    wardCodes: '131016',
    partnerCodes: '012211',
    startsOn: '2024-10-30',
    endsOn: '2024-11-03',
    format: '対面',
    status: '実施',
    notes: 'サンプル',
  }));
  return Buffer.from(toCsv(projectColumns, rows), 'utf8');
}

for (const engine of engines) {
  describe(`kill -9 during writes [${engine}]`, { skip: engine === 'postgres' ? postgresSkipReason : undefined }, () => {
    let database: TestDatabase;
    let server: ServerProcess | undefined;
    let env: Record<string, string>;
    const mailDir = mkdtempSync(join(tmpdir(), 'renkei-crash-mail-'));

    before(async () => {
      database = await createTestDatabase(engine);
      env = {
        SESSION_SECRET: 'c'.repeat(40),
        MAIL_DIR: mailDir,
        // One proxy hop trusted: each registration comes "from" an address of its own, so the
        // per-IP registration limit does not end the loop early.
        TRUST_PROXY: '1',
        ...(database.config.engine === 'sqlite' ? { SQLITE_FILE: database.config.file } : { DATABASE_URL: database.config.url }),
      };
    });
    after(async () => {
      await server?.crash().catch(() => {});
      await database?.drop();
      rmSync(mailDir, { recursive: true, force: true });
    });

    test('every acknowledged write is there after the restart, nothing half-written, the import all or nothing', async () => {
      const db = database.handle.db;
      const secretariat = await insertAccount(db, { role: 'secretariat', code: null, twoFactor: true });
      const { token } = await createSession(db, { accountId: secretariat, stage: 'authenticated', ip: '', userAgent: 'test' });
      if (engine === 'sqlite') await database.handle.close(); // the restarted instance is the file's first connection again (WAL recovery)

      server = await startServer(env);
      const base = server.base;
      const staff = new Visitor();
      staff.cookies.set('renkei_session', token);

      // The import: uploaded and validated, applied in the background.
      const marker = `障害試験 取り込み ${randomUUID().slice(0, 8)}`;
      const uploadPage = await staff.fetch(`${base}${importPath}`);
      const form = new FormData();
      form.set('_csrf', /name="_csrf" value="([^"]+)"/.exec(uploadPage.body)?.[1] ?? '');
      form.set('entity', 'projects');
      form.set('file', new Blob([new Uint8Array(importCsv(marker))], { type: 'text/csv' }), 'crash.csv');
      const uploaded = await staff.fetch(`${base}${importPath}`, { method: 'POST', body: form });
      assert.equal(uploaded.status, 303, uploaded.body.slice(0, 500));
      const jobId = uploaded.location!.split('/').pop()!;

      const acknowledged = { registrations: [] as string[], projects: [] as string[], importApplied: false };
      let killed = false;
      const registering = (async () => {
        for (let i = 0; i < 200 && !killed; i++) {
          const email = `crash-${randomUUID().slice(0, 8)}@city.example.lg.jp`;
          const visitor = new Visitor({ 'x-forwarded-for': `10.77.${Math.floor(i / 200)}.${i % 200}` });
          const res = await visitor
            .postForm(base, '/register', { municipality: '名寄市', department: '総合政策室', fullName: '連携 次郎', fullNameKana: 'レンケイ ジロウ', displayName: '名寄市 連携', email, phone: '01654-3-2111', password, passwordConfirm: password, terms: '1' })
            .catch(() => undefined);
          if (res?.status === 303) acknowledged.registrations.push(email);
          else if (res) assert.ok(killed || res.status === 303, `registration answered ${res.status}`);
        }
      })();
      const editing = (async () => {
        for (let i = 0; i < 400 && !killed; i++) {
          const title = `障害試験 事業 ${randomUUID().slice(0, 8)}`;
          const res = await staff
            .postForm(base, '/registry/projects/new', { fiscalYear: '2024', title, summary: 'サンプル', field: '1', organiserKind: 'wards', wards: ['131016'], partners: '012211', startsOn: '2024-10-30', endsOn: '2024-11-01', format: 'offline', status: '実施', newsUrl: '', sourceUrl: '', notes: '' })
            .catch(() => undefined);
          if (res?.status === 303) acknowledged.projects.push(title);
          else if (res) assert.ok(killed, `project form answered ${res.status}: ${res.body.slice(0, 300)}`);
        }
      })();

      // Some writes acknowledged first, then the import applied, then the kill: on PostgreSQL once the
      // import has saved its first chunk (it reports progress outside its transaction), so the kill
      // lands inside that transaction; on SQLite (the apply holds the only writer) right after its 303.
      for (let i = 0; i < 600 && (acknowledged.registrations.length < 2 || acknowledged.projects.length < 5); i++) await new Promise((r) => setTimeout(r, 50));
      assert.ok(acknowledged.projects.length >= 5 && acknowledged.registrations.length >= 2, 'writes acknowledged before the kill');
      const jobPage = await staff.fetch(`${base}${importPath}/${jobId}`);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(jobPage.body)?.[1] ?? '';
      const apply = await staff.fetch(`${base}${importPath}/${jobId}/apply`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: csrf }).toString() });
      assert.equal(apply.status, 303);
      if (engine === 'postgres') {
        for (let i = 0; i < 400; i++) {
          const job = await db.selectFrom('import_jobs').select(['status', 'processed_rows']).where('id', '=', jobId).executeTakeFirstOrThrow();
          if (job.status !== 'applying' || job.processed_rows > 0) break;
          await new Promise((r) => setTimeout(r, 10));
        }
      }
      killed = true;
      await server.crash();
      await Promise.all([registering, editing]);

      // Started again on the same database: it must come up (startServer waits for /healthz 200).
      server = await startServer(env);
      let check: DatabaseHandle = database.handle;
      if (engine === 'sqlite') check = openDatabase(database.config);
      try {
        const cdb = check.db;
        const emails = new Set((await cdb.selectFrom('accounts').select('email').where('email', 'like', 'crash-%').execute()).map((r) => r.email));
        for (const email of acknowledged.registrations) assert.ok(emails.has(email), `acknowledged registration ${email} is there`);

        const projects = await cdb.selectFrom('projects').select(['id', 'title']).where('title', 'like', '障害試験 事業 %').execute();
        const titles = new Set(projects.map((p) => p.title));
        for (const title of acknowledged.projects) assert.ok(titles.has(title), `acknowledged project ${title} is there`);
        // Every project there is whole: its ward and its partner came with it.
        for (const p of projects) {
          assert.equal((await cdb.selectFrom('project_wards').select('project_id').where('project_id', '=', p.id).execute()).length, 1, `${p.title} has its ward`);
          assert.equal((await cdb.selectFrom('project_partners').select('project_id').where('project_id', '=', p.id).execute()).length, 1, `${p.title} has its partner`);
        }

        const job = await cdb.selectFrom('import_jobs').select('status').where('id', '=', jobId).executeTakeFirstOrThrow();
        const imported = Number((await cdb.selectFrom('projects').select((eb) => eb.fn.countAll().as('n')).where('title', 'like', `${marker} %`).executeTakeFirstOrThrow()).n);
        assert.equal(imported, job.status === 'applied' ? importRows : 0, `import ${job.status}: ${imported} of ${importRows} rows`);
        acknowledged.importApplied = job.status === 'applied';

        if (engine === 'sqlite') {
          const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(cdb);
          assert.deepEqual(integrity.rows, [{ integrity_check: 'ok' }]);
        }
        // The restarted instance serves and writes.
        assert.equal((await staff.fetch(`${server.base}/registry/projects`)).status, 200);
        const again = await staff.postForm(server.base, '/registry/projects/new', { fiscalYear: '2024', title: '障害試験 再起動後', summary: 'サンプル', field: '1', organiserKind: 'wards', wards: ['131016'], partners: '012211', startsOn: '2024-10-30', endsOn: '2024-11-01', format: 'offline', status: '実施', newsUrl: '', sourceUrl: '', notes: '' });
        assert.equal(again.status, 303);
      } finally {
        if (check !== database.handle) await check.close();
      }
      console.log(`[${engine}] acknowledged before kill -9: ${acknowledged.registrations.length} registrations, ${acknowledged.projects.length} projects; import ${acknowledged.importApplied ? 'applied whole' : 'not applied (nothing of it saved)'}`);
    });
  });
}
