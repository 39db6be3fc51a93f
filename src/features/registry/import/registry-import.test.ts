// The import on both engines, through the real app: upload (multipart, with CSRF) → preview →
// apply in the background → result; CSV in UTF-8 with and without BOM and in CP932, XLSX; a bad
// file refused with every error listed and nothing saved; export → import round trip (formula-like
// texts included); size, type and permission refusals; files that would cost too much to parse
// (refused, with the app answering other requests meanwhile).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { agreementSnapshot } from '../agreements/store.ts';
import { projectSnapshot } from '../projects/store.ts';
import type { Database, Role } from '../../../db/schema.ts';
import { createSession } from '../../../db/sessions.ts';
import { agreementColumns } from '../agreements/exchange.ts';
import { projectColumns } from '../projects/exchange.ts';
import type { ExchangeColumn } from '../shared/exchange-layout.ts';
import { newTotpSecret } from '../../../security/totp.ts';
import { toCsv, toXlsx, type TabularRow } from '../../../views/tabular.ts';
import { parse as parseCsv } from 'csv-parse/sync';
import { TestClient } from '../../../../test/client.ts';
import { describeEachEngine } from '../../../../test/helper.ts';
import { formulaTexts, insertAgreement, insertProject } from '../../../../test/registry-fixtures.ts';
import { applyChunkSize } from './commands.ts';
import { purgeExpired } from '../../../db/housekeeping.ts';
import { holdParses, maxUploadBytes, parseLimits } from './parse.ts';

const importPath = '/admin/registry/import';
const chiyoda = '131016';
const chuo = '131024';
const minato = '131032';
const nayoro = '012211';
const hokkaido = '010006';

const BOM = '\uFEFF';
const utf8 = (text: string) => Buffer.from(text, 'utf8');

function csvOf(columns: readonly ExchangeColumn[], rows: TabularRow[], { bom = true } = {}): Buffer {
  const text = toCsv(columns, rows);
  return utf8(bom ? text : text.replace(/^\uFEFF/, ''));
}

function project(values: TabularRow = {}): TabularRow {
  return {
    fiscalYear: 2024,
    title: 'サンプル 特産品の販売会',
    summary: 'サンプルの連携事業',
    field: 1,
    organiserKind: '各区',
    wardCodes: chiyoda,
    partnerCodes: nayoro,
    startsOn: '2024-10-30',
    endsOn: '2024-11-03',
    format: '対面',
    status: '実施',
    notes: 'サンプル',
    ...values,
  };
}

function agreement(values: TabularRow = {}): TabularRow {
  return {
    type: '交流自治体協定',
    title: 'サンプル 交流自治体協定',
    wardCodes: chiyoda,
    partnerCodes: nayoro,
    formerNames: `${nayoro}:風連町`,
    signedOn: '2006-10-01',
    signedOnPrecision: '日',
    resignedDates: '2010-04-01',
    background: 'サンプル',
    sourceUrl: 'https://example.jp/sample',
    notes: 'サンプル',
    ...values,
  };
}

/** The central directory headers of a zip (where each starts, and its name), to alter what they declare. */
function centralHeaders(zip: Buffer): Array<{ at: number; name: string }> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const headers: Array<{ at: number; name: string }> = [];
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = zip.readUInt16LE(eocd + 10); i > 0; i--) {
    const nameLength = zip.readUInt16LE(at + 28);
    headers.push({ at, name: zip.toString('utf8', at + 46, at + 46 + nameLength) });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return headers;
}

/** A copy of `xlsx` whose directory declares `size` as the uncompressed size of the sheet. */
function withDeclaredSheetSize(xlsx: Buffer, size: number): Buffer {
  const copy = Buffer.from(xlsx);
  const sheet = centralHeaders(copy).find((h) => h.name === 'xl/worksheets/sheet1.xml');
  assert.ok(sheet, 'the export has xl/worksheets/sheet1.xml');
  copy.writeUInt32LE(size, sheet.at + 24);
  return copy;
}

interface Upload {
  entity?: string;
  fileName?: string;
  bytes?: Buffer;
  /** The token to send; undefined = the one from the last page the client fetched; false = none. */
  csrf?: string | false;
}

describeEachEngine('registry import', (current) => {
  const db = (): Kysely<Database> => current().database.handle.db;
  let admin: Client;

  class Client extends TestClient {
    csrf: string | undefined;

    override async get(url: string): Promise<LightMyRequestResponse> {
      const res = await super.get(url);
      const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
      if (token) this.csrf = token;
      return res;
    }

    /** Posts the upload form as a browser does: multipart, _csrf first, then entity and file. */
    async upload({ entity = 'projects', fileName = 'import.csv', bytes, csrf }: Upload): Promise<LightMyRequestResponse> {
      if (csrf === undefined) await this.get(importPath);
      const token = csrf === undefined ? this.csrf : csrf;
      const boundary = `----renkei${randomUUID()}`;
      const parts: Buffer[] = [];
      const field = (name: string, value: string) =>
        parts.push(utf8(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
      if (token) field('_csrf', token);
      if (entity) field('entity', entity);
      if (bytes) {
        parts.push(utf8(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
        parts.push(bytes, utf8('\r\n'));
      }
      parts.push(utf8(`--${boundary}--\r\n`));
      return current().app.inject({
        method: 'POST',
        url: importPath,
        headers: { cookie: this.cookieHeader(), 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: Buffer.concat(parts),
      });
    }
  }

  async function signedIn(role: Role): Promise<Client> {
    const id = randomUUID();
    const now = new Date().toISOString();
    await db()
      .insertInto('accounts')
      .values({
        id,
        email: `${id}@example.lg.jp`,
        password_hash: 'x',
        role,
        status: 'active',
        local_government_code: role === 'secretariat' ? null : chiyoda,
        department: '企画課',
        full_name: '試験 太郎',
        full_name_kana: 'シケン タロウ',
        display_name: 'サンプル試験',
        phone: '03-0000-0000',
        terms_accepted_at: now,
        email_verified_at: now,
        totp_secret: role === 'secretariat' ? newTotpSecret() : null,
        totp_enabled_at: role === 'secretariat' ? now : null,
        password_changed_at: now,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const { token } = await createSession(db(), { accountId: id, stage: 'authenticated', ip: '', userAgent: 'test' });
    const client = new Client(current().app);
    client.cookies.set('renkei_session', token);
    return client;
  }

  const jobIdOf = (res: LightMyRequestResponse): string => {
    assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
    const m = new RegExp(`^${importPath}/([0-9a-f-]{36})$`).exec(String(res.headers.location));
    assert.ok(m, `redirect to a job page, got ${res.headers.location}`);
    return m[1]!;
  };
  const jobRow = (id: string) => db().selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  /** Waits until the background apply is over (the job leaves 'applying'). */
  async function settled(id: string): Promise<Awaited<ReturnType<typeof jobRow>>> {
    for (let i = 0; i < 3000; i++) {
      const row = await jobRow(id);
      if (row.status !== 'applying') return row;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`job ${id} never finished`);
  }

  /** Upload → preview → apply → result page; returns the job id and the result page. */
  async function importFile(upload: Upload): Promise<{ jobId: string; result: LightMyRequestResponse }> {
    const jobId = jobIdOf(await admin.upload(upload));
    const preview = await admin.get(`${importPath}/${jobId}`);
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /取り込む<\/button>/, (await jobRow(jobId)).errors_json);
    const applied = await admin.post(`${importPath}/${jobId}/apply`, {});
    assert.equal(applied.statusCode, 303);
    assert.equal(applied.headers.location, `${importPath}/${jobId}`);
    const row = await settled(jobId);
    assert.equal(row.status, 'applied', row.errors_json);
    const result = await admin.get(`${importPath}/${jobId}`);
    assert.equal(result.statusCode, 200);
    return { jobId, result };
  }

  const countOf = async (table: 'projects' | 'agreements' | 'record_changes' | 'project_partners' | 'agreement_partners' | 'import_jobs') =>
    Number((await db().selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const projectIdsByTitle = async (title: string) => (await db().selectFrom('projects').select('id').where('title', '=', title).execute()).map((r) => r.id);

  before(async () => {
    admin = await signedIn('secretariat');
  });

  describe('who may import', () => {
    test('a visitor is sent to sign in; ward staff and members get 403, even with a file', async () => {
      const visitor = await current().app.inject({ method: 'GET', url: importPath });
      assert.equal(visitor.statusCode, 303);
      assert.match(String(visitor.headers.location), /^\/login\?next=/);
      for (const role of ['ward_staff', 'member'] as const) {
        const client = await signedIn(role);
        assert.equal((await client.get(importPath)).statusCode, 403, role);
        const jobs = await countOf('import_jobs');
        const res = await client.upload({ bytes: csvOf(projectColumns, [project()]), csrf: 'whatever' });
        assert.equal(res.statusCode, 403, role);
        assert.equal(await countOf('import_jobs'), jobs);
      }
    });

    test('an upload without the CSRF token is refused and nothing is stored', async () => {
      const jobs = await countOf('import_jobs');
      const res = await admin.upload({ bytes: csvOf(projectColumns, [project()]), csrf: false });
      assert.equal(res.statusCode, 403);
      assert.equal(await countOf('import_jobs'), jobs);
      const wrong = await admin.upload({ bytes: csvOf(projectColumns, [project()]), csrf: 'not-the-token' });
      assert.equal(wrong.statusCode, 403);
      assert.equal(await countOf('import_jobs'), jobs);
    });

    test('applying without the CSRF token is refused', async () => {
      const jobId = jobIdOf(await admin.upload({ bytes: csvOf(projectColumns, [project({ title: 'サンプル CSRFなしの適用' })]) }));
      const res = await admin.post(`${importPath}/${jobId}/apply`, {}, { csrf: false });
      assert.equal(res.statusCode, 403);
      assert.equal((await jobRow(jobId)).status, 'validated');
      assert.deepEqual(await projectIdsByTitle('サンプル CSRFなしの適用'), []);
    });
  });

  describe('the upload page', () => {
    test('offers the choice of records and a file input, the CSRF field before the file', async () => {
      const res = await admin.get(importPath);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /enctype="multipart\/form-data"/);
      assert.match(res.body, /協定<\/label>[\s\S]*連携事業<\/label>/);
      assert.ok(res.body.indexOf('name="_csrf"', res.body.indexOf('enctype')) < res.body.indexOf('type="file"'));
    });

    test('a file over 10 MB is refused with 413 and a Japanese message', async () => {
      const jobs = await countOf('import_jobs');
      const big = Buffer.alloc(maxUploadBytes + 1024, 0x41);
      const res = await admin.upload({ bytes: big, fileName: 'big.csv' });
      assert.equal(res.statusCode, 413);
      assert.match(res.body, /ファイルが大きすぎます。10MBまで/);
      assert.equal(await countOf('import_jobs'), jobs);
    });

    test('wrong types are refused with 415 and Japanese messages', async () => {
      const jobs = await countOf('import_jobs');
      const csv = csvOf(projectColumns, [project()]);
      const cases: Array<[string, Buffer, RegExp]> = [
        ['projects.txt', csv, /CSV（\.csv）と Excel（\.xlsx）のファイルだけ/],
        ['projects.pdf', utf8('%PDF-1.7'), /CSV（\.csv）と Excel（\.xlsx）のファイルだけ/],
        ['projects.xlsx', csv, /XLSXファイルとして読めません/],
        ['projects.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), /XLSXファイルとして読めません/],
        ['projects.csv', await toXlsx('x', projectColumns, [project()]), /CSVファイルとして読めません/],
        ['projects.csv', Buffer.from([0x00, 0xff, 0xfe, 0x00, 0x01, 0x02]), /CSVファイルとして読めません/],
      ];
      for (const [fileName, bytes, message] of cases) {
        const res = await admin.upload({ fileName, bytes });
        assert.equal(res.statusCode, 415, fileName);
        assert.match(res.body, message, fileName);
        assert.match(res.body, /value="projects" checked/, 'the choice is kept');
      }
      assert.equal(await countOf('import_jobs'), jobs);
    });

    test('no choice or no file: 400 with Japanese messages', async () => {
      const noEntity = await admin.upload({ entity: '', bytes: csvOf(projectColumns, [project()]) });
      assert.equal(noEntity.statusCode, 400);
      assert.match(noEntity.body, /取り込む記録（協定または連携事業）を選んでください/);
      const noFile = await admin.upload({ entity: 'agreements' });
      assert.equal(noFile.statusCode, 400);
      assert.match(noFile.body, /取り込むファイルを選んでください/);
      const empty = await admin.upload({ entity: 'agreements', bytes: Buffer.alloc(0) });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /選んだファイルは空です/);
    });
  });

  describe('importing', () => {
    test('CSV in UTF-8 with a BOM: a new project, saved with its parties, history and audit', async () => {
      const title = 'サンプル BOMつきUTF-8の事業';
      const { jobId, result } = await importFile({ bytes: csvOf(projectColumns, [project({ title, wardCodes: `${chiyoda};${chuo}`, partnerCodes: `${nayoro};${hokkaido}`, format: '併用' })]), fileName: '連携事業.csv' });
      assert.match(result.body, /1 件を取り込みました\(新規 1 件、更新 0 件\)/);
      assert.match(result.body, /href="\/projects"/);
      const ids = await projectIdsByTitle(title);
      assert.equal(ids.length, 1);
      const saved = await projectSnapshot(db(), ids[0]!);
      assert.deepEqual(
        { ...saved, id: undefined },
        {
          id: undefined,
          fiscalYear: 2024,
          title,
          summary: 'サンプルの連携事業',
          field: 1,
          organiserKind: 'wards',
          wardCodes: [chiyoda, chuo],
          partnerCodes: [hokkaido, nayoro],
          startsOn: '2024-10-30',
          endsOn: '2024-11-03',
          format: 'hybrid',
          status: '実施',
          newsUrl: null,
          sourceUrl: null,
          notes: 'サンプル',
          provenance: 'import',
        },
      );
      const job = await jobRow(jobId);
      assert.equal(job.file_name, '連携事業.csv', 'the Japanese file name survives multipart');
      assert.equal(job.processed_rows, 1);
      const changes = await db().selectFrom('record_changes').selectAll().where('entity_id', '=', ids[0]!).execute();
      assert.equal(changes.length, 1);
      assert.equal(changes[0]!.action, 'import');
      assert.ok(changes[0]!.batch_id);
      const audit = await db().selectFrom('audit_events').selectAll().where('action', '=', 'registry.imported').where('target_id', '=', jobId).execute();
      assert.equal(audit.length, 1);
      assert.deepEqual(JSON.parse(audit[0]!.detail), { entity: 'projects', fileName: '連携事業.csv', rows: 1, created: 1, updated: 0, batchId: changes[0]!.batch_id });
    });

    test('CSV in UTF-8 without a BOM: agreements, with a former name and dates typed as 2006/10/1', async () => {
      const title = 'サンプル BOMなしUTF-8の協定';
      const { result } = await importFile({
        entity: 'agreements',
        bytes: csvOf(agreementColumns, [agreement({ title, signedOn: '2006/10/1', wardCodes: minato })], { bom: false }),
      });
      assert.match(result.body, /1 件を取り込みました\(新規 1 件、更新 0 件\)/);
      assert.match(result.body, /href="\/agreements"/);
      const row = await db().selectFrom('agreements').selectAll().where('title', '=', title).executeTakeFirstOrThrow();
      const saved = await agreementSnapshot(db(), row.id);
      assert.equal(saved?.typeId, 'exchange');
      assert.equal(saved?.signedOn, '2006-10-01');
      assert.deepEqual(saved?.wardCodes, [minato]);
      assert.deepEqual(saved?.formerNames, { [nayoro]: '風連町' });
      assert.deepEqual(saved?.resignedDates, ['2010-04-01']);
    });

    test('CSV in CP932 (Shift_JIS, a checked-in fixture made with iconv)', async () => {
      const bytes = readFileSync(new URL('./fixtures/projects-cp932.csv', import.meta.url));
      assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'the fixture is not UTF-8');
      const { result } = await importFile({ bytes, fileName: 'projects-cp932.csv' });
      assert.match(result.body, /1 件を取り込みました/);
      const row = await db().selectFrom('projects').selectAll().where('title', '=', 'サンプル 名寄市の特産品販売会（CP932）').executeTakeFirstOrThrow();
      assert.equal(row.summary, '髙橋さんの①もち米と～の販売');
      assert.equal(row.fiscal_year, 2024);
      assert.equal(row.starts_on, '2024-10-30');
      assert.equal(row.ends_on, '2024-11-03');
    });

    test('XLSX built with exceljs: numbers, Date cells, rich text and a text code column', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('連携事業');
      sheet.addRow(projectColumns.map((c) => c.header));
      const cells = (values: Record<string, ExcelJS.CellValue>) => projectColumns.map((c) => values[c.key] ?? null);
      sheet.addRow(
        cells({
          fiscalYear: 2023,
          title: { richText: [{ text: 'サンプル XLSXの' }, { text: '事業', font: { bold: true } }] },
          field: 3,
          organiserKind: '23区共同',
          partnerCodes: `${nayoro};${hokkaido}`,
          startsOn: new Date(Date.UTC(2023, 6, 1)),
          endsOn: new Date(Date.UTC(2023, 6, 2)),
          status: '予定',
          // A URL typed in Excel becomes a hyperlink cell whose text is the URL.
          newsUrl: { text: 'https://example.jp/news', hyperlink: 'https://example.jp/news' },
        }),
      );
      sheet.addRow([]);
      const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
      const { result } = await importFile({ bytes, fileName: 'projects.xlsx' });
      assert.match(result.body, /1 件を取り込みました/);
      const row = await db().selectFrom('projects').selectAll().where('title', '=', 'サンプル XLSXの事業').executeTakeFirstOrThrow();
      assert.equal(row.fiscal_year, 2023);
      assert.equal(row.field, 3);
      assert.equal(row.organiser_kind, 'joint');
      assert.equal(row.starts_on, '2023-07-01');
      assert.equal(row.ends_on, '2023-07-02');
      assert.equal(row.format, 'offline');
      assert.equal(row.status, '予定');
      assert.equal(row.news_url, 'https://example.jp/news');
    });

    test(`more than ${applyChunkSize} rows are saved in chunks, all in one go`, async () => {
      const n = applyChunkSize + 7;
      const rows = Array.from({ length: n }, (_, i) => project({ title: `サンプル 大量行 ${i + 1}`, partnerCodes: i % 2 ? nayoro : hokkaido }));
      const before = await countOf('projects');
      const { jobId, result } = await importFile({ bytes: csvOf(projectColumns, rows) });
      assert.match(result.body, new RegExp(`${n} 件を取り込みました\\(新規 ${n} 件、更新 0 件\\)`));
      assert.equal(await countOf('projects'), before + n);
      const job = await jobRow(jobId);
      assert.equal(job.total_rows, n);
      assert.equal(job.processed_rows, n);
    });
  });

  describe('a bad file', () => {
    test('one bad row among good ones: every error listed by row, column and reason; nothing can be saved', async () => {
      const before = { projects: await countOf('projects'), partners: await countOf('project_partners'), changes: await countOf('record_changes') };
      const rows = [
        project({ title: 'サンプル よい行1' }),
        project({ id: randomUUID(), fiscalYear: '令和99年度', title: '', field: 9, wardCodes: '131017', partnerCodes: '12211', startsOn: '2024/13/01', status: '終了' }),
        project({ title: 'サンプル よい行2' }),
      ];
      const jobId = jobIdOf(await admin.upload({ bytes: csvOf(projectColumns, rows) }));
      const page = await admin.get(`${importPath}/${jobId}`);
      assert.equal(page.statusCode, 200);
      assert.equal((await jobRow(jobId)).status, 'invalid');
      const table = /<table class="rk-table" id="import-errors">([\s\S]*?)<\/table>/.exec(page.body)?.[1] ?? '';
      assert.match(table, /<th scope="col">行<\/th><th scope="col">列<\/th><th scope="col">理由<\/th>/);
      const errors = [...table.matchAll(/<tr><td>(?:<span>)?([^<]*)(?:<\/span>)?<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)].map((m) => [m[1], m[2], m[3]]);
      assert.deepEqual(
        errors.map(([row, column]) => [row, column]),
        [
          ['3', 'ID'],
          ['3', '年度'],
          ['3', '事業名'],
          ['3', '分野番号'],
          ['3', '主催区コード'],
          ['3', '連携先コード'],
          ['3', '開始日'],
          ['3', '状況'],
        ],
      );
      assert.match(errors[0]![2]!, /このIDの記録はありません/);
      assert.match(errors[7]![2]!, /「終了」は状況ではありません/);
      assert.match(page.body, /8 件のエラーがあります/);
      assert.match(page.body, /3 行（新規 2 件、更新 1 件）/);
      assert.doesNotMatch(page.body, /\/apply"/, 'no apply button');
      assert.doesNotMatch(page.body, /サンプル よい行1/, 'no preview of the rows');

      const apply = await admin.post(`${importPath}/${jobId}/apply`, {}, { from: `${importPath}/${jobId}` });
      assert.equal(apply.statusCode, 409);
      assert.match(apply.body, /エラーのあるファイルは取り込めません/);
      assert.equal((await jobRow(jobId)).status, 'invalid');
      assert.deepEqual(
        { projects: await countOf('projects'), partners: await countOf('project_partners'), changes: await countOf('record_changes') },
        before,
        'nothing saved',
      );
    });

    test('unknown and missing columns are file-level errors; the same id twice is an error', async () => {
      const headers = projectColumns.map((c) => c.header).filter((h) => h !== '状況');
      const csv = utf8(`${BOM}${[...headers, '担当者'].join(',')}\r\n,2024,サンプル,,1,,各区,${chiyoda},,,,,,,,,,x\r\n`);
      const jobId = jobIdOf(await admin.upload({ bytes: csv }));
      const page = await admin.get(`${importPath}/${jobId}`);
      assert.match(page.body, /<td><span>1<\/span><\/td><td>担当者<\/td><td>取り込めない列名です。/);
      assert.match(page.body, /<td><span>1<\/span><\/td><td>状況<\/td><td>この列がありません。/);

      const existing = await db().selectFrom('projects').select('id').where('deleted_at', 'is', null).orderBy('id').limit(1).executeTakeFirstOrThrow();
      const twice = jobIdOf(await admin.upload({ bytes: csvOf(projectColumns, [project({ id: existing.id }), project({ id: existing.id })]) }));
      const twicePage = await admin.get(`${importPath}/${twice}`);
      assert.match(twicePage.body, /<td><span>3<\/span><\/td><td>ID<\/td><td>同じIDが2行目にもあります。/);
    });

    test('agreements file uploaded as projects is refused as a whole', async () => {
      const jobId = jobIdOf(await admin.upload({ entity: 'projects', bytes: csvOf(agreementColumns, [agreement()]) }));
      const row = await jobRow(jobId);
      assert.equal(row.status, 'invalid');
      assert.ok(JSON.parse(row.errors_json).length > 5);
    });

    test('a failure while saving rolls everything back and marks the job failed', async () => {
      // A job that passed the checks but whose second row can no longer be saved (its agreement
      // type is gone): the first row must not stay.
      const before = { agreements: await countOf('agreements'), changes: await countOf('record_changes') };
      const input = (title: string, typeId: string) => ({
        typeId,
        title,
        wardCodes: [chiyoda],
        partnerCodes: [nayoro],
        partnerGroupIds: [],
        formerNames: {},
        signedOn: null,
        signedOnPrecision: 'day',
        resignedDates: [],
        endedOn: null,
        background: '',
        sourceUrl: null,
        notes: 'サンプル',
      });
      const jobId = randomUUID();
      const now = new Date().toISOString();
      await db()
        .insertInto('import_jobs')
        .values({
          id: jobId,
          account_id: randomUUID(),
          entity_type: 'agreements',
          file_name: 'broken.csv',
          status: 'validated',
          total_rows: 2,
          rows_json: JSON.stringify([
            { row: 2, id: null, input: input('サンプル 保存されないはずの協定', 'exchange') },
            { row: 3, id: null, input: input('サンプル 種別が消えた協定', 'no-such-type') },
          ]),
          created_at: now,
          updated_at: now,
        })
        .execute();
      const res = await admin.post(`${importPath}/${jobId}/apply`, {}, { from: `${importPath}/${jobId}` });
      assert.equal(res.statusCode, 303);
      const row = await settled(jobId);
      assert.equal(row.status, 'failed');
      assert.match(JSON.parse(row.errors_json)[0].message, /^3行目を保存できなかったため、取り込みを中止しました。記録は1件も保存されていません。/);
      assert.deepEqual({ agreements: await countOf('agreements'), changes: await countOf('record_changes') }, before);
      const page = await admin.get(`${importPath}/${jobId}`);
      assert.match(page.body, /取り込みに失敗しました。記録は1件も保存されていません。/);
      const again = await admin.post(`${importPath}/${jobId}/apply`, {}, { from: `${importPath}/${jobId}` });
      assert.equal(again.statusCode, 409);
    });
  });

  describe('the job page', () => {
    test('while applying it shows 処理中 n / N 行 and refreshes itself', async () => {
      const jobId = jobIdOf(await admin.upload({ bytes: csvOf(projectColumns, [project({ title: 'サンプル 処理中の表示' })]) }));
      // The state a running job is in between two chunks (set directly: the real run is too quick to catch).
      await db().updateTable('import_jobs').set({ status: 'applying', processed_rows: 0 }).where('id', '=', jobId).execute();
      const page = await admin.get(`${importPath}/${jobId}`);
      assert.equal(page.statusCode, 200);
      assert.equal(page.headers.refresh, '2');
      assert.match(page.body, /処理中 0 \/ 1 行/);
      const apply = await admin.post(`${importPath}/${jobId}/apply`, {});
      assert.equal(apply.statusCode, 409, 'a job cannot be applied twice');
      await db().updateTable('import_jobs').set({ status: 'validated' }).where('id', '=', jobId).execute();
    });

    test('a job stalled in applying for half an hour (its process ended) is shown as failed, nothing saved; viewing it changes nothing, housekeeping records it', async () => {
      const jobId = jobIdOf(await admin.upload({ bytes: csvOf(projectColumns, [project({ title: 'サンプル 止まった取り込み' })]) }));
      const longAgo = new Date(Date.now() - 31 * 60 * 1000).toISOString();
      await db().updateTable('import_jobs').set({ status: 'applying', updated_at: longAgo }).where('id', '=', jobId).execute();
      const page = await admin.get(`${importPath}/${jobId}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /処理が途中で止まりました/);
      assert.equal((await jobRow(jobId)).status, 'applying', 'a GET never changes state');
      await purgeExpired(db());
      assert.equal((await jobRow(jobId)).status, 'failed');
      assert.match((await admin.get(`${importPath}/${jobId}`)).body, /処理が途中で止まりました/);
      assert.deepEqual(await projectIdsByTitle('サンプル 止まった取り込み'), []);
    });

    test('a checked file can be cancelled; then it cannot be applied', async () => {
      const jobId = jobIdOf(await admin.upload({ bytes: csvOf(projectColumns, [project({ title: 'サンプル 取り消す事業' })]) }));
      const cancel = await admin.post(`${importPath}/${jobId}/cancel`, {}, { from: `${importPath}/${jobId}` });
      assert.equal(cancel.statusCode, 303);
      assert.match((await admin.follow(cancel)).body, /取り込みを取り消しました/);
      const apply = await admin.post(`${importPath}/${jobId}/apply`, {}, { from: `${importPath}/${jobId}` });
      assert.equal(apply.statusCode, 409);
      assert.deepEqual(await projectIdsByTitle('サンプル 取り消す事業'), []);
    });

    test('the preview shows the first 50 rows only', async () => {
      const rows = Array.from({ length: 60 }, (_, i) => project({ title: `サンプル 表示行 ${i + 1}` }));
      const jobId = jobIdOf(await admin.upload({ bytes: csvOf(projectColumns, rows) }));
      const page = await admin.get(`${importPath}/${jobId}`);
      assert.match(page.body, /最初の50行（全60行）/);
      assert.match(page.body, /サンプル 表示行 50</);
      assert.doesNotMatch(page.body, /サンプル 表示行 51</);
      await admin.post(`${importPath}/${jobId}/cancel`, {});
    });

    test('an unknown or malformed job id is 404', async () => {
      assert.equal((await admin.get(`${importPath}/${randomUUID()}`)).statusCode, 404);
      assert.equal((await admin.get(`${importPath}/not-a-job`)).statusCode, 404);
    });
  });

  describe('export → import round trip', () => {
    test('projects: the CSV export imported back changes nothing; with ids blanked it adds identical records', async () => {
      const exported = await admin.get('/projects.csv');
      assert.equal(exported.statusCode, 200);
      const ids = (await db().selectFrom('projects').select('id').where('deleted_at', 'is', null).execute()).map((r) => r.id);
      assert.ok(ids.length > 0);
      const before = await Promise.all(ids.map((id) => projectSnapshot(db(), id)));
      const { result } = await importFile({ bytes: exported.rawPayload, fileName: 'projects.csv' });
      assert.match(result.body, new RegExp(`${ids.length} 件を取り込みました\\(新規 0 件、更新 ${ids.length} 件\\)`));
      assert.deepEqual(await Promise.all(ids.map((id) => projectSnapshot(db(), id))), before, 'the same records');
      assert.equal(await countOf('projects'), ids.length + (await db().selectFrom('projects').select('id').where('deleted_at', 'is not', null).execute()).length);
    });

    test('agreements: the XLSX export imported back changes nothing', async () => {
      const exported = await admin.get('/agreements.xlsx');
      assert.equal(exported.statusCode, 200);
      const ids = (await db().selectFrom('agreements').select('id').where('deleted_at', 'is', null).execute()).map((r) => r.id);
      assert.ok(ids.length > 0);
      const before = await Promise.all(ids.map((id) => agreementSnapshot(db(), id)));
      const { result } = await importFile({ entity: 'agreements', bytes: exported.rawPayload, fileName: 'agreements.xlsx' });
      assert.match(result.body, new RegExp(`${ids.length} 件を取り込みました\\(新規 0 件、更新 ${ids.length} 件\\)`));
      assert.deepEqual(await Promise.all(ids.map((id) => agreementSnapshot(db(), id))), before, 'the same records');
    });

    test('projects with ids blanked come back as new, identical records', async () => {
      const ids = (await db().selectFrom('projects').select('id').where('deleted_at', 'is', null).where('title', 'like', 'サンプル BOM%').execute()).map((r) => r.id);
      assert.equal(ids.length, 1);
      const exported = await admin.get('/projects.xlsx?q=' + encodeURIComponent('サンプル BOMつきUTF-8の事業'));
      assert.equal(exported.statusCode, 200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      assert.equal(sheet.rowCount, 2);
      sheet.getRow(2).getCell(1).value = null;
      const { result } = await importFile({ bytes: Buffer.from(await workbook.xlsx.writeBuffer()), fileName: 'copy.xlsx' });
      assert.match(result.body, /1 件を取り込みました\(新規 1 件、更新 0 件\)/);
      const copies = await projectIdsByTitle('サンプル BOMつきUTF-8の事業');
      assert.equal(copies.length, 2);
      const [a, b] = await Promise.all(copies.map((id) => projectSnapshot(db(), id)));
      assert.deepEqual({ ...a, id: '' }, { ...b, id: '' });
    });

    test('texts a spreadsheet would read as formulas: the CSV carries a quote, importing it back changes nothing', async () => {
      const ours: Record<'agreements' | 'projects', Array<[string, string]>> = { agreements: [], projects: [] };
      for (const title of formulaTexts) {
        ours.agreements.push([await insertAgreement(db(), { typeId: 'exchange', title, wardCodes: [chiyoda], partners: [{ code: nayoro }], notes: '\r改行で始まる備考' }), title]);
        ours.projects.push([await insertProject(db(), { fiscalYear: 2024, title, field: 1, wardCodes: [chiyoda], partnerCodes: [nayoro], notes: '@備考' }), title]);
      }
      for (const entity of ['agreements', 'projects'] as const) {
        const columns = entity === 'agreements' ? agreementColumns : projectColumns;
        const snapshot = (id: string) => (entity === 'agreements' ? agreementSnapshot(db(), id) : projectSnapshot(db(), id));
        const exported = await admin.get(`/${entity}.csv`);
        assert.equal(exported.statusCode, 200);
        const [, ...rows] = parseCsv(exported.body, { bom: true }) as string[][];
        const title = columns.findIndex((c) => c.key === 'title');
        for (const [id, text] of ours[entity]) assert.equal(rows.find((r) => r[0] === id)?.[title], `'${text}`, `${entity}: ${JSON.stringify(text)}`);

        const ids = (await db().selectFrom(entity).select('id').where('deleted_at', 'is', null).execute()).map((r) => r.id);
        const before = await Promise.all(ids.map(snapshot));
        const { result } = await importFile({ entity, bytes: exported.rawPayload, fileName: `${entity}.csv` });
        assert.match(result.body, new RegExp(`${ids.length} 件を取り込みました\\(新規 0 件、更新 ${ids.length} 件\\)`));
        assert.deepEqual(await Promise.all(ids.map(snapshot)), before, 'the same records, titles without the quote');
        for (const [id, text] of ours[entity]) assert.equal((await snapshot(id))?.title, text);
      }
    });

    test('the quote of a CSV cell kept in an XLSX cell (the CSV saved again by Excel) is taken off too', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('連携事業');
      sheet.addRow(projectColumns.map((c) => c.header));
      for (const title of [`'=1+1 サンプル XLSXの引用符`, `'サンプル 引用符で始まる事業`]) {
        const values = project({ title });
        sheet.addRow(projectColumns.map((c) => values[c.key] ?? null));
      }
      await importFile({ bytes: Buffer.from(await workbook.xlsx.writeBuffer()), fileName: 'quoted.xlsx' });
      assert.equal((await projectIdsByTitle('=1+1 サンプル XLSXの引用符')).length, 1, 'a quote before = is the export\'s: taken off');
      assert.equal((await projectIdsByTitle(`'サンプル 引用符で始まる事業`)).length, 1, 'a quote before anything else is text: kept');
    });
  });

  describe('a file that would cost too much to parse', () => {
    test('a cell at column XFD in each of 1,000 rows: refused with a Japanese error, nothing saved', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('連携事業');
      sheet.addRow(projectColumns.map((c) => c.header));
      for (let r = 2; r <= 1001; r++) {
        const values = project({ title: `サンプル XFD列 ${r}` });
        const row = sheet.getRow(r);
        projectColumns.forEach((c, i) => (row.getCell(i + 1).value = values[c.key] ?? null));
        row.getCell(16_384).value = 'x';
      }
      const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
      const before = await countOf('projects');
      const jobId = jobIdOf(await admin.upload({ bytes, fileName: 'xfd.xlsx' }));
      const job = await jobRow(jobId);
      assert.equal(job.status, 'invalid');
      assert.deepEqual(JSON.parse(job.errors_json), [
        { row: 2, column: '16384列目', message: '64列目より右に値があります。取り込めるのは64列目までです。不要な列を削除してください。' },
      ]);
      assert.match((await admin.get(`${importPath}/${jobId}`)).body, /64列目より右に値があります/);
      assert.equal(await countOf('projects'), before);
      assert.deepEqual(await projectIdsByTitle('サンプル XFD列 2'), []);
    });

    test('a zip that declares more than 50 MB once unpacked is refused; one that declares less than it holds is not an XLSX', async () => {
      const xlsx = await toXlsx('連携事業', projectColumns, [project({ title: 'サンプル 展開サイズ' })]);
      const jobs = await countOf('import_jobs');
      const big = jobIdOf(await admin.upload({ bytes: withDeclaredSheetSize(xlsx, 60 * 1024 * 1024), fileName: 'bomb.xlsx' }));
      const job = await jobRow(big);
      assert.equal(job.status, 'invalid');
      assert.match(JSON.parse(job.errors_json)[0].message, /^展開すると大きすぎるファイルです（展開後50MBまで）/);
      const lying = await admin.upload({ bytes: withDeclaredSheetSize(xlsx, 10), fileName: 'lying.xlsx' });
      assert.equal(lying.statusCode, 415);
      assert.match(lying.body, /XLSXファイルとして読めません/);
      assert.equal(await countOf('import_jobs'), jobs + 1);
      assert.deepEqual(await projectIdsByTitle('サンプル 展開サイズ'), []);
    });

    test('a CSV with more data rows than 50,000 is refused with the count', async () => {
      const csv = utf8(`${projectColumns.map((c) => c.header).join(',')}\r\n${'x\r\n'.repeat(50_001)}\r\n\r\n`);
      const jobId = jobIdOf(await admin.upload({ bytes: csv }));
      const job = await jobRow(jobId);
      assert.equal(job.status, 'invalid');
      assert.deepEqual(JSON.parse(job.errors_json), [{ row: 1, column: '', message: '一度に取り込めるのは50,000行までです（50,001行あります）。ファイルを分けてください。' }]);
    });

    test('while a parse runs in its worker, the app answers other requests', { timeout: 60_000 }, async () => {
      const held = holdParses();
      let uploaded = false;
      const upload = admin.upload({ bytes: csvOf(projectColumns, [project({ title: 'サンプル 解析中の別リクエスト' })]) }).finally(() => (uploaded = true));
      try {
        await held.started; // the worker has started and holds: the upload cannot finish until release()
        const home = await current().app.inject({ method: 'GET', url: '/' });
        assert.equal(home.statusCode, 200);
        assert.equal((await admin.get(importPath)).statusCode, 200);
        assert.equal(uploaded, false, 'the upload is still being parsed');
      } finally {
        held.release();
      }
      const jobId = jobIdOf(await upload);
      assert.equal((await jobRow(jobId)).status, 'validated');
    });

    test('a parse over its time limit is ended: a Japanese error for the job, not a 500, nothing saved', { timeout: 60_000 }, async () => {
      const held = holdParses();
      const timeMs = parseLimits.timeMs;
      parseLimits.timeMs = 1_000;
      try {
        const jobId = jobIdOf(await admin.upload({ bytes: csvOf(projectColumns, [project({ title: 'サンプル 時間切れ' })]) }));
        const job = await jobRow(jobId);
        assert.equal(job.status, 'invalid');
        assert.deepEqual(JSON.parse(job.errors_json), [
          { row: 1, column: '', message: 'ファイルの読み込みが1秒で終わらなかったため、中止しました。行を分けて、いくつかのファイルにしてください。' },
        ]);
      } finally {
        parseLimits.timeMs = timeMs;
        held.release();
      }
      assert.deepEqual(await projectIdsByTitle('サンプル 時間切れ'), []);
    });

    test('an ordinary XLSX still imports', async () => {
      const xlsx = await toXlsx('連携事業', projectColumns, [project({ title: 'サンプル 普通のXLSX' })]);
      const { result } = await importFile({ bytes: xlsx, fileName: 'ordinary.xlsx' });
      assert.match(result.body, /1 件を取り込みました\(新規 1 件、更新 0 件\)/);
      assert.equal((await projectIdsByTitle('サンプル 普通のXLSX')).length, 1);
    });
  });
});
