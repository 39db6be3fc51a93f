// /admin/registry/import: the secretariat imports agreements or projects from a CSV/XLSX file in
// the export's layout. Upload → every row checked (job validated or invalid) → preview → apply in
// the background, all or nothing, with progress on the job page → result.
//
// Multipart and CSRF: @fastify/multipart is registered inside this plugin only, with
// attachFieldsToBody 'keyValues', so the form's fields (the hidden _csrf first) are in
// request.body as strings before the app's CSRF check runs (preValidation precedes preHandler).
import fastifyMultipart from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FeatureOptions } from '../../feature-options.ts';
import { columnsOf, validateTable, type FileResult } from './rows.ts';
import type { AgreementInput } from '../agreements/record.ts';
import type { ProjectInput } from '../projects/record.ts';
import { guard } from '../../../policy/guards.ts';
import type { FieldError } from '../../../views/components/error-summary.tsx';
import type { PageContext } from '../../../views/context.ts';
import { NotFoundPage } from '../../../views/errors.tsx';
import { contextFor, sendPage } from '../../../views/render.ts';
import { applyJob, cancelJob, claimJob, createJob } from './commands.ts';
import { stalledImportMessage, stalledImportMs } from '../../../db/housekeeping.ts';
import { parseEntity, parseJobId, uploadedFileName } from './form.ts';
import { maxUploadBytes, parseUpload } from './parse.ts';
import { findJob, loadReferenceData, previewNames, recentJobs, type ImportJob } from './queries.ts';
import { importPath, jobPath, JobPage, previewRowCount, UploadPage } from './views.tsx';

interface UploadedFile {
  fileName: string;
  bytes: Buffer;
}

export default async function registryImportRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  const { db } = database;
  const uploads = new WeakMap<FastifyRequest, UploadedFile>();
  /** Imports running in this process, awaited when the app closes. */
  const running = new Set<Promise<unknown>>();
  const runningJobs = new Set<string>();

  // Secretariat only, checked before any body is read.
  app.addHook('onRequest', async (request, reply) => {
    if (!guard(request, reply, 'registry:manage')) return reply;
  });

  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: true,
    limits: { fileSize: maxUploadBytes, files: 1, fields: 10, parts: 12, fieldSize: 1024 },
    async onFile(part) {
      const bytes = await part.toBuffer();
      if (part.fieldname === 'file') uploads.set(this, { fileName: uploadedFileName(part.filename), bytes });
    },
  });

  app.addHook('onClose', async () => {
    await Promise.allSettled([...running]);
  });

  const uploadPage = async (request: FastifyRequest, reply: FastifyReply, props: { entity?: string; errors?: FieldError[]; notice?: string }, status = 200) =>
    sendPage(reply, UploadPage({ ctx: contextFor(request, reply), recent: await recentJobs(db), ...props }), status);

  // A file too large (or too many parts) is refused while the body is read: the upload page again.
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const tooLarge = ['FST_REQ_FILE_TOO_LARGE', 'FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT'].includes(error.code);
    if (!tooLarge || request.method !== 'POST' || request.routeOptions.url !== importPath) throw error;
    const ctx = contextFor(request, reply);
    const message =
      error.code === 'FST_REQ_FILE_TOO_LARGE'
        ? ctx.tFormat(`ファイルが大きすぎます。${maxUploadBytes / 1024 / 1024}MBまでのファイルにしてください（大きいときは行を分けて複数のファイルにしてください）。`, `The file is too large: the limit is ${maxUploadBytes / 1024 / 1024} MB. Split the rows into several files.`)
        : ctx.t('送信された内容が多すぎます。ファイルは1つだけ選んでください。', 'Too much was sent: choose a single file.');
    return uploadPage(request, reply, { errors: [{ field: 'file', message }] }, 413);
  });

  const notFound = (request: FastifyRequest, reply: FastifyReply, ctx: PageContext = contextFor(request, reply)) =>
    sendPage(reply, NotFoundPage({ ctx, detail: ctx.t('該当する取り込みはありません。', 'There is no such import.') }), 404);

  const jobPage = async (request: FastifyRequest, reply: FastifyReply, job: ImportJob, status = 200, conflict?: string) => {
    const ctx = contextFor(request, reply);
    const codes = job.status === 'validated' ? job.rows.slice(0, previewRowCount).flatMap((r) => inputCodes(r.input)) : [];
    const names = await previewNames(db, codes);
    const creates = job.rows.filter((r) => r.id === null).length;
    const updates = job.rows.length - creates;
    if (job.status === 'applying') reply.header('refresh', '2');
    return sendPage(reply, JobPage({ ctx, job, names, creates, updates, conflict }), status);
  };

  app.get(importPath, async (request, reply) => {
    const done = (request.query as Record<string, unknown> | undefined)?.['done'];
    const ctx = contextFor(request, reply);
    const notice = done === 'cancelled' ? ctx.t('取り込みを取り消しました。何も保存していません。', 'The import was cancelled. Nothing was saved.') : undefined;
    return uploadPage(request, reply, { notice });
  });

  app.post(importPath, async (request, reply) => {
    const actor = guard(request, reply, 'registry:manage');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const entity = parseEntity(body['entity']);
    const file = uploads.get(request);
    const errors: FieldError[] = [];
    if (!entity) errors.push({ field: 'entity', message: ctx.t('取り込む記録（協定または連携事業）を選んでください。', 'Choose what to import: agreements or projects.') });
    if (!file || file.fileName === '') errors.push({ field: 'file', message: ctx.t('取り込むファイルを選んでください。', 'Choose a file to import.') });
    else if (file.bytes.length === 0) errors.push({ field: 'file', message: ctx.t('選んだファイルは空です。', 'The chosen file is empty.') });
    if (errors.length > 0 || !entity || !file) return uploadPage(request, reply, { entity: entity ?? undefined, errors }, 400);

    const parsed = await parseUpload(file.fileName, file.bytes);
    if (!parsed.ok && parsed.status === 415) {
      const message =
        parsed.problem === 'extension'
          ? ctx.t('取り込めるのは CSV（.csv）と Excel（.xlsx）のファイルだけです。', 'Only CSV (.csv) and Excel (.xlsx) files can be imported.')
          : parsed.problem === 'not-xlsx'
            ? ctx.t('XLSXファイルとして読めません。Excel で「Excel ブック（*.xlsx）」として保存したファイルを選んでください。', 'This is not a readable XLSX file. Save it from Excel as an Excel Workbook (*.xlsx).')
            : ctx.t('CSVファイルとして読めません。文字の表（UTF-8 または Shift_JIS の CSV）を選んでください。', 'This is not a readable CSV file. Choose a text table (CSV in UTF-8 or Shift_JIS).');
      return uploadPage(request, reply, { entity, errors: [{ field: 'file', message }] }, 415);
    }

    let result: FileResult<unknown>;
    if (!parsed.ok) {
      result = { totalRows: 0, creates: 0, updates: 0, entries: [], rows: [], errors: parsed.errors };
    } else {
      const idIndex = parsed.table.headers.map((h) => h.replace(/^\uFEFF/, '').trim()).indexOf(columnsOf(entity).find((c) => c.key === 'id')!.header);
      const ids = idIndex < 0 ? [] : parsed.table.records.map((r) => (r.cells[idIndex] ?? '').trim()).filter((id) => id !== '');
      const refs = await loadReferenceData(db, entity, ids);
      result = validateTable(entity, parsed.table, refs);
    }
    const jobId = await createJob(db, { accountId: actor.id, entity, fileName: file.fileName, result });
    return reply.redirect(jobPath(jobId), 303);
  });

  app.get(`${importPath}/:jobId`, async (request, reply) => {
    const id = parseJobId(request.params);
    let job = id ? await findJob(db, id) : undefined;
    if (!id || !job) return notFound(request, reply);
    // A job stalled in 'applying' (its process ended) is shown as failed; housekeeping records it
    // (src/db/housekeeping.ts): viewing a page never changes a job.
    const stalled = job.status === 'applying' && !runningJobs.has(id) && Date.parse(job.updatedAt) < Date.now() - stalledImportMs;
    if (stalled) job = { ...job, status: 'failed', processedRows: 0, errors: [{ row: 0, column: '', message: stalledImportMessage }] };
    return jobPage(request, reply, job);
  });

  app.post(`${importPath}/:jobId/apply`, async (request, reply) => {
    const actor = guard(request, reply, 'registry:manage');
    if (!actor) return reply;
    const id = parseJobId(request.params);
    const job = id ? await findJob(db, id) : undefined;
    if (!id || !job) return notFound(request, reply);
    if (!(await claimJob(db, id))) {
      const ctx = contextFor(request, reply);
      const current = (await findJob(db, id)) ?? job;
      const why =
        current.status === 'invalid'
          ? ctx.t('エラーのあるファイルは取り込めません。ファイルを直して、もう一度アップロードしてください。', 'A file with errors cannot be imported. Correct it and upload it again.')
          : ctx.t('この取り込みは、すでに処理中か、処理済みか、取り消されています。', 'This import is already running, finished or cancelled.');
      return jobPage(request, reply, current, 409, why);
    }
    runningJobs.add(id);
    const run = applyJob(database, id, { accountId: actor.id, ip: request.ip })
      .catch((error: unknown) => request.log.error({ err: error, jobId: id }, 'import failed'))
      .finally(() => {
        running.delete(run);
        runningJobs.delete(id);
      });
    running.add(run);
    return reply.redirect(jobPath(id), 303);
  });

  app.post(`${importPath}/:jobId/cancel`, async (request, reply) => {
    const id = parseJobId(request.params);
    const job = id ? await findJob(db, id) : undefined;
    if (!id || !job) return notFound(request, reply);
    if (!(await cancelJob(db, id))) {
      const ctx = contextFor(request, reply);
      return jobPage(request, reply, (await findJob(db, id)) ?? job, 409, ctx.t('この取り込みは、処理中か処理済みのため取り消せません。', 'This import is running or finished and cannot be cancelled.'));
    }
    return reply.redirect(`${importPath}?done=cancelled`, 303);
  });
}

function inputCodes(input: unknown): string[] {
  if (!input || typeof input !== 'object') return [];
  const i = input as Partial<AgreementInput & ProjectInput>;
  return [...(i.wardCodes ?? []), ...(i.partnerCodes ?? [])];
}

