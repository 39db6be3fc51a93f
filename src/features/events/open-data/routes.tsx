// /admin/events/import: the secretariat imports an イベント一覧 CSV (UTF-8 with or without BOM, or
// CP932; the legacy NO layout or the 正式版 ID layout). Upload → every row checked → either the
// row-by-row error report (nothing saved) or a preview kept as an import job → confirm: all rows
// in one transaction.
import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { guard } from '../../../policy/guards.ts';
import { ErrorSummary, type FieldError } from '../../../views/components/error-summary.tsx';
import { CsrfField } from '../../../views/components/form-fields.tsx';
import type { PageContext } from '../../../views/context.ts';
import { Layout } from '../../../views/layout.tsx';
import { contextFor, sendPage } from '../../../views/render.ts';
import type { FeatureOptions } from '../../feature-options.ts';
import { acceptUploads, isUploadLimitError, uploadedParts } from '../../files/index.ts';
import { adminCrumbs, AdminNav } from '../admin/views.tsx';
import { importEvents } from '../commands.ts';
import { eventDateText } from '../labels.tsx';
import { eventInputSchema } from '../record.ts';
import { parseEventCsv, type RowError } from './parse.ts';

const storedRows = z.array(z.object({ key: z.string().nullable(), input: eventInputSchema }));
type StoredRows = z.infer<typeof storedRows>;

function UploadPage({ ctx, errors, rowErrors = [], fileName }: { ctx: PageContext; errors: FieldError[]; rowErrors?: RowError[]; fileName?: string }): JSX.Element {
  const title = ctx.t('イベントの取り込み', 'Import events');
  return (
    <Layout ctx={ctx} title={errors.length + rowErrors.length > 0 ? ctx.tFormat(`エラー：${title}`, `Error: ${title}`) : title} breadcrumbs={[...adminCrumbs(ctx), { label: title }]}>
      <h1 class="rk-heading-1">{title}</h1>
      <AdminNav ctx={ctx} current="import" />
      <p>
        {ctx.t(
          '自治体標準オープンデータセット「イベント一覧」の形式のCSVを取り込みます。文字コードはUTF-8（BOMの有無は問いません）またはShift_JIS(CP932)。NO（推奨データセット）またはID（正式版）の列で同じイベントを見分け、このサイトから書き出したファイルは元のイベントを更新します。誤りが1行でもあれば、何も保存しません。',
          'Imports a CSV in the standard “event list” layout (UTF-8 with or without BOM, or Shift_JIS/CP932). Rows are matched by NO or ID; a file exported here updates its events. If any row is wrong, nothing is saved.',
        )}
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      {rowErrors.length > 0 ? (
        <section class="rk-section" aria-labelledby="row-errors-title">
          <h2 id="row-errors-title" class="rk-heading-2" safe>
            {ctx.tFormat(`「${fileName ?? ''}」の誤り（${rowErrors.length}件）：何も保存していません`, `Problems in “${fileName ?? ''}” (${rowErrors.length}): nothing was saved`)}
          </h2>
          <div class="rk-table-wrap">
            <table class="rk-table">
              <caption class="rk-visually-hidden">{ctx.t('行ごとの誤り', 'Problems by row')}</caption>
              <thead>
                <tr>
                  <th scope="col">{ctx.t('行', 'Row')}</th>
                  <th scope="col">{ctx.t('列', 'Column')}</th>
                  <th scope="col">{ctx.t('内容', 'Problem')}</th>
                </tr>
              </thead>
              <tbody>
                {rowErrors.slice(0, 500).map((e) => (
                  <tr>
                    <td safe>{String(e.row)}</td>
                    <td safe>{e.column}</td>
                    <td safe>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : (
        ''
      )}
      <form class="rk-form" action="/admin/events/import" method="post" enctype="multipart/form-data">
        <CsrfField ctx={ctx} />
        <div class="rk-field">
          <label class="rk-label" for="f-file">
            {ctx.t('CSVファイル（5MBまで）', 'CSV file (up to 5 MB)')}
          </label>
          <input id="f-file" class="rk-input" type="file" name="file" accept=".csv,text/csv" />
        </div>
        <button class="rk-button" type="submit">
          {ctx.t('確認する', 'Check the file')}
        </button>
      </form>
    </Layout>
  );
}

function PreviewPage({ ctx, id, fileName, rows, updates }: { ctx: PageContext; id: string; fileName: string; rows: StoredRows; updates: number }): JSX.Element {
  const title = ctx.t('取り込みの確認', 'Check the import');
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={[...adminCrumbs(ctx), { href: '/admin/events/import', label: ctx.t('イベントの取り込み', 'Import events') }, { label: title }]}>
      <h1 class="rk-heading-1">{title}</h1>
      <p safe>
        {ctx.tFormat(
          `「${fileName}」の${rows.length}件に誤りはありません。追加 ${rows.length - updates}件・更新 ${updates}件です。`,
          `“${fileName}”: ${rows.length} rows, no problems. ${rows.length - updates} to add, ${updates} to update.`,
        )}
      </p>
      <div class="rk-table-wrap">
        <table class="rk-table">
          <caption class="rk-visually-hidden">{ctx.t('取り込むイベント（先頭20件）', 'Events to import (first 20)')}</caption>
          <thead>
            <tr>
              <th scope="col">{ctx.t('日時', 'When')}</th>
              <th scope="col">{ctx.t('イベント名', 'Title')}</th>
              <th scope="col">{ctx.t('会場', 'Venue')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, 20).map((r) => (
              <tr>
                <td safe>{eventDateText(ctx, r.input)}</td>
                <td safe>{r.input.title}</td>
                <td safe>{r.input.venueName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form action={`/admin/events/import/${id}/apply`} method="post">
        <CsrfField ctx={ctx} />
        <button class="rk-button" type="submit">
          {ctx.t('取り込む', 'Import')}
        </button>
      </form>
      <p>
        <a href="/admin/events/import">{ctx.t('やめて、別のファイルを選ぶ', 'Cancel and choose another file')}</a>
      </p>
    </Layout>
  );
}

export default async function eventImportRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  const { db } = database;
  app.addHook('onRequest', async (request, reply) => {
    if (!guard(request, reply, 'events:manage')) return reply;
  });
  await acceptUploads(app, { maxFiles: 1, maxFileBytes: 5 * 1024 * 1024, maxFields: 5 });
  const accountId = (request: FastifyRequest) => (request.actor.kind === 'account' ? request.actor.id : '');

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (!isUploadLimitError(error) || request.method !== 'POST') throw error;
    const ctx = contextFor(request, reply);
    return sendPage(reply, UploadPage({ ctx, errors: [{ field: 'f-file', message: ctx.t('ファイルが大きすぎます（5MBまで）。行を分けて複数のファイルにしてください。', 'The file is too large (5 MB at most): split it.') }] }), 413);
  });

  app.get('/admin/events/import', async (request, reply) => sendPage(reply, UploadPage({ ctx: contextFor(request, reply), errors: [] })));

  app.post('/admin/events/import', async (request, reply) => {
    const ctx = contextFor(request, reply);
    const file = uploadedParts(request).find((p) => p.field === 'file');
    if (!file) return sendPage(reply, UploadPage({ ctx, errors: [{ field: 'f-file', message: ctx.t('CSVファイルを選んでください。', 'Choose a CSV file.') }] }), 400);
    const fileName = file.fileName.slice(0, 200) || 'events.csv';
    const known = new Set((await db.selectFrom('local_governments').select('code').execute()).map((r) => r.code));
    const parsed = parseEventCsv(file.bytes, { isKnownCode: (c) => known.has(c) });
    if (!parsed.ok) return sendPage(reply, UploadPage({ ctx, errors: [{ field: 'f-file', message: ctx.tFormat(`ファイルに${parsed.errors.length}件の誤りがあります。下の一覧を確認してください。`, `The file has ${parsed.errors.length} problem(s): see the list below.`) }], rowErrors: parsed.errors, fileName }), 400);
    const id = randomUUID();
    const rows: StoredRows = parsed.rows.map((r) => ({ key: r.key, input: r.input }));
    await db.insertInto('event_imports').values({ id, account_id: accountId(request), file_name: fileName, rows_json: JSON.stringify(rows), status: 'validated', created_at: new Date().toISOString() }).execute();
    return reply.redirect(`/admin/events/import/${id}`, 303);
  });

  const loadJob = async (request: FastifyRequest<{ Params: { id: string } }>) => {
    if (!/^[0-9a-f-]{36}$/.test(request.params.id)) return undefined;
    const job = await db.selectFrom('event_imports').selectAll().where('id', '=', request.params.id).where('status', '=', 'validated').where('account_id', '=', accountId(request)).executeTakeFirst();
    if (!job) return undefined;
    const rows = storedRows.safeParse(JSON.parse(job.rows_json));
    return rows.success ? { job, rows: rows.data } : undefined;
  };
  const gone = (request: FastifyRequest, reply: FastifyReply) => {
    const ctx = contextFor(request, reply);
    return sendPage(reply, UploadPage({ ctx, errors: [{ field: 'f-file', message: ctx.t('この取り込みは見つからないか、すでに終わっています。ファイルを選び直してください。', 'This import is gone or done: choose the file again.') }] }), 404);
  };

  app.get<{ Params: { id: string } }>('/admin/events/import/:id', async (request, reply) => {
    const loaded = await loadJob(request);
    if (!loaded) return gone(request, reply);
    const keys = loaded.rows.map((r) => r.key).filter((k): k is string => k !== null);
    const existing = keys.length === 0 ? [] : await db.selectFrom('events').select('id').where((eb) => eb.or([eb('id', 'in', keys), eb.and([eb('external_uid', 'in', keys), eb('feed_id', 'is', null)])])).execute();
    return sendPage(reply, PreviewPage({ ctx: contextFor(request, reply), id: loaded.job.id, fileName: loaded.job.file_name, rows: loaded.rows, updates: existing.length }));
  });

  app.post<{ Params: { id: string } }>('/admin/events/import/:id/apply', async (request, reply) => {
    const loaded = await loadJob(request);
    if (!loaded) return gone(request, reply);
    // Claimed once: a second click (or a second instance) finds it applied.
    const claimed = await db.updateTable('event_imports').set({ status: 'applied' }).where('id', '=', loaded.job.id).where('status', '=', 'validated').executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return gone(request, reply);
    try {
      await importEvents(db, { id: accountId(request), ip: request.ip }, loaded.rows, { ownerCode: null, provenance: 'import', fileName: loaded.job.file_name });
    } catch (error) {
      await db.updateTable('event_imports').set({ status: 'validated' }).where('id', '=', loaded.job.id).execute();
      throw error;
    }
    return reply.redirect('/admin/events?done=imported', 303);
  });
}
