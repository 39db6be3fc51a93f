// /admin/news: the secretariat writes, previews, schedules, publishes and withdraws articles, and
// compares and restores their versions. Every handler: guard → load the STORED article → parse →
// command → 303, or the form again with 400 (errors) or 409 (someone saved in between). Files sent
// with the form are checked and stored first, so that a form shown again keeps them.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ArticleStatus } from '../../../db/schema.ts';
import type { FeatureOptions } from '../../feature-options.ts';
import { guard } from '../../../policy/guards.ts';
import type { FieldError } from '../../../views/components/error-summary.tsx';
import { fieldId } from '../../../views/components/record-fields.tsx';
import type { PageContext } from '../../../views/context.ts';
import { ErrorPage, NotFoundPage } from '../../../views/errors.tsx';
import { contextFor, sendPage } from '../../../views/render.ts';
import { acceptUploads, isUploadLimitError, loadFiles, maxFileBytes, storeFile, uploadedParts } from '../../files/index.ts';
import { projectReferences } from '../../registry/index.ts';
import { publishedEventsByIds } from '../../events/index.ts';
import { restoreArticleVersion, reviseArticle, withdrawArticle, writeArticle } from '../commands.ts';
import { articleFormFrom, articleFormInput, emptyArticleForm, eventIdsOf, maxSlots, municipalityCodesOf, parseArticle, projectIdsOf, type ArticleFormInput } from '../form.ts';
import { adminArticles, articleVersions, articleVersionSnapshot, governmentNames, wardOptions } from '../queries.ts';
import { loadArticle, snapshotOf, type Article, type ArticleSnapshot } from '../record.ts';
import { resolveArticle } from '../resolve.ts';
import { AdminNewsListPage, ArticleFormPage, ComparePage, VersionsPage, statusLabels } from './views.tsx';

const idParams = z.object({ id: z.uuid() });
const versionParams = z.object({ id: z.uuid(), version: z.coerce.number().int().min(1).max(1_000_000) });
const listQuery = z.object({
  status: z.enum(Object.keys(statusLabels) as [ArticleStatus, ...ArticleStatus[]]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
  done: z.string().optional().catch(undefined),
});
const versionField = z.object({ version: z.coerce.number().int().min(1) });

const doneNotices: Record<string, [string, string]> = {
  created: ['記事を保存しました。', 'The article was saved.'],
  updated: ['記事を更新しました。', 'The article was updated.'],
  withdrawn: ['記事の公開を取り下げました。', 'The article was taken down.'],
  restored: ['以前の版の内容を復元しました。', 'The earlier version was restored.'],
};

export default async function newsAdminRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  const { db } = database;

  // The secretariat only, checked before any body is read.
  app.addHook('onRequest', async (request, reply) => {
    if (!guard(request, reply, 'news:manage')) return reply;
  });
  await acceptUploads(app, { maxFiles: maxSlots * 2, maxFileBytes });

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (!isUploadLimitError(error)) throw error;
    const ctx = contextFor(request, reply);
    return sendPage(
      reply,
      ErrorPage({ ctx, status: 413, detail: ctx.t('送信されたファイルが大きすぎるか、多すぎます。1つのファイルは10MBまでです。ブラウザの「戻る」で入力内容に戻り、ファイルを選び直してください。', 'A file is too large (10 MB each) or there are too many. Go back and choose the files again.') }),
      413,
    );
  });

  const notFound = (request: FastifyRequest, reply: FastifyReply) => {
    const ctx = contextFor(request, reply);
    return sendPage(reply, NotFoundPage({ ctx, detail: ctx.t('該当する記事はありません。', 'There is no such article.') }), 404);
  };

  const loadStored = async (request: FastifyRequest): Promise<Article | undefined> => {
    const params = idParams.safeParse(request.params);
    return params.success ? loadArticle(db, params.data.id.toLowerCase()) : undefined;
  };

  app.get('/admin/news', async (request, reply) => {
    const ctx = contextFor(request, reply);
    const query = listQuery.parse(request.query ?? {});
    const page = query.page ?? 1;
    const { rows, total } = await adminArticles(db, query.status ?? null, page);
    const done = query.done ? doneNotices[query.done] : undefined;
    return sendPage(reply, AdminNewsListPage({ ctx, rows, total, status: query.status ?? null, page, notice: done ? ctx.tFormat(done[0], done[1]) : undefined }));
  });

  const formPage = async (ctx: PageContext, props: { id?: string; input: ArticleFormInput; errors?: FieldError[]; stored?: Article; preview?: Parameters<typeof ArticleFormPage>[0]['preview']; conflict?: string }) =>
    ArticleFormPage({
      ctx,
      id: props.id,
      input: props.input,
      errors: props.errors ?? [],
      wards: await wardOptions(db),
      slugFixed: Boolean(props.stored?.publishedAt),
      status: props.stored?.status,
      preview: props.preview,
      conflict: props.conflict,
    });

  app.get('/admin/news/new', async (request, reply) => {
    const ctx = contextFor(request, reply);
    return sendPage(reply, await formPage(ctx, { input: emptyArticleForm() }));
  });

  app.get('/admin/news/:id/edit', async (request, reply) => {
    const stored = await loadStored(request);
    if (!stored) return notFound(request, reply);
    const ctx = contextFor(request, reply);
    const files = await loadFiles(db, [...stored.attachments, ...stored.photos].map((f) => f.fileId));
    const names = new Map([...files].map(([id, f]) => [id, f.name]));
    return sendPage(reply, await formPage(ctx, { id: stored.id, input: articleFormFrom(stored, names), stored }));
  });

  /** Stores the files sent with the form; a refused file becomes an error on its row. */
  const storeUploads = async (request: FastifyRequest, actorId: string) => {
    const stored = new Map<string, { fileId: string; fileName: string }>();
    const refused: Array<{ prefix: 'attachment' | 'photo'; message: (ctx: PageContext) => string }> = [];
    for (const part of uploadedParts(request)) {
      const match = /^(attachment|photo)\.(\d{1,2})\.file$/.exec(part.field);
      if (!match) continue;
      const prefix = match[1] as 'attachment' | 'photo';
      const result = await storeFile(db, { bytes: part.bytes, originalName: part.fileName, accept: prefix === 'photo' ? ['image'] : ['pdf', 'office', 'image'], uploadedBy: actorId });
      if (result.ok) stored.set(`${prefix}.${match[2]}`, { fileId: result.file.id, fileName: result.file.name });
      else refused.push({ prefix, message: result.error });
    }
    return { stored, refused };
  };

  const submit = async (request: FastifyRequest, reply: FastifyReply, stored: Article | undefined) => {
    const actor = guard(request, reply, 'news:manage');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const uploads = await storeUploads(request, actor.id);
    const input = articleFormInput(request.body, uploads.stored);
    const codes = municipalityCodesOf(input).filter((c) => /^\d{6}$/.test(c));
    const [governments, projects, events, wards] = await Promise.all([
      governmentNames(db, codes),
      projectReferences(db, projectIdsOf(input)),
      publishedEventsByIds(db, eventIdsOf(input).filter((id) => /^[0-9a-f-]{36}$/i.test(id))),
      wardOptions(db),
    ]);
    const parsed = parseArticle(ctx, input, {
      wardCodes: new Set(wards.map((w) => w.code)),
      knownGovernments: new Set(governments.keys()),
      knownProjects: new Set(projects.map((p) => p.id)),
      knownEvents: new Set(events.map((e) => e.id)),
    });
    // A refused upload is shown on the first empty row of its kind, where the file is chosen again.
    const uploadErrors: FieldError[] = [];
    const refusedSoFar = { attachment: 0, photo: 0 };
    for (const refused of uploads.refused) {
      const row = (refused.prefix === 'attachment' ? input.attachments.length : input.photos.length) + refusedSoFar[refused.prefix]++;
      uploadErrors.push({ field: fieldId(`${refused.prefix}.${row}.file`), message: refused.message(ctx) });
    }
    const id = stored?.id;
    if (!parsed.ok || uploadErrors.length > 0) {
      const errors = [...uploadErrors, ...(parsed.ok ? [] : parsed.errors)];
      return sendPage(reply, await formPage(ctx, { id, input, errors, stored }), 400);
    }
    if (input.intent === 'preview') {
      const preview = await resolveArticle(db, parsed.content, parsed.publication.at ?? new Date().toISOString());
      return sendPage(reply, await formPage(ctx, { id, input, stored, preview }));
    }
    const conflict = async () =>
      sendPage(reply, await formPage(ctx, { id, input, stored, conflict: ctx.t('この記事は、あなたが編集を始めた後に別の人が保存しました。最新の内容を開いて、もう一度編集してください。', 'Someone saved this article after you opened it. Open the latest version and edit it again.') }), 409);
    if (stored && String(stored.version) !== input.version) return conflict();
    const result = stored
      ? await reviseArticle(db, actor, { id: stored.id, expectedVersion: stored.version }, parsed.content, parsed.publication, request.ip)
      : await writeArticle(db, actor, parsed.content, parsed.publication, request.ip);
    if (!result.ok && result.reason === 'slug-taken') {
      const errors = [{ field: fieldId('slug'), message: ctx.t('このURL名はほかの記事で使われています。別の名前にしてください。', 'Another article has this address; choose another.') }];
      return sendPage(reply, await formPage(ctx, { id, input, errors, stored }), 400);
    }
    if (!result.ok) return result.reason === 'not-found' ? notFound(request, reply) : conflict();
    return reply.redirect(`/admin/news?done=${stored ? 'updated' : 'created'}`, 303);
  };

  app.post('/admin/news/new', async (request, reply) => submit(request, reply, undefined));

  app.post('/admin/news/:id/edit', async (request, reply) => {
    const stored = await loadStored(request);
    if (!stored) return notFound(request, reply);
    return submit(request, reply, stored);
  });

  app.post('/admin/news/:id/withdraw', async (request, reply) => {
    const actor = guard(request, reply, 'news:manage');
    if (!actor) return reply;
    const stored = await loadStored(request);
    if (!stored) return notFound(request, reply);
    const body = versionField.safeParse(request.body);
    const result = await withdrawArticle(db, actor, { id: stored.id, expectedVersion: body.success ? body.data.version : -1 }, request.ip);
    if (!result.ok) return reply.redirect(`/admin/news/${stored.id}/edit`, 303);
    return reply.redirect('/admin/news?done=withdrawn', 303);
  });

  app.get('/admin/news/:id/versions', async (request, reply) => {
    const stored = await loadStored(request);
    if (!stored) return notFound(request, reply);
    const ctx = contextFor(request, reply);
    return sendPage(reply, VersionsPage({ ctx, id: stored.id, title: stored.title, versions: await articleVersions(db, stored.id), current: stored.version }));
  });

  const loadVersion = async (request: FastifyRequest) => {
    const params = versionParams.safeParse(request.params);
    if (!params.success) return undefined;
    const stored = await loadArticle(db, params.data.id.toLowerCase());
    const snapshot = stored ? await articleVersionSnapshot(db, stored.id, params.data.version) : undefined;
    return stored && snapshot ? { stored, version: params.data.version, old: JSON.parse(snapshot) as ArticleSnapshot } : undefined;
  };

  app.get('/admin/news/:id/versions/:version', async (request, reply) => {
    const found = await loadVersion(request);
    if (!found) return notFound(request, reply);
    const ctx = contextFor(request, reply);
    return sendPage(reply, ComparePage({ ctx, id: found.stored.id, version: found.version, currentVersion: found.stored.version, old: found.old, current: snapshotOf(found.stored) }));
  });

  app.post('/admin/news/:id/versions/:version/restore', async (request, reply) => {
    const actor = guard(request, reply, 'news:manage');
    if (!actor) return reply;
    const found = await loadVersion(request);
    if (!found) return notFound(request, reply);
    const body = versionField.safeParse(request.body);
    const result = await restoreArticleVersion(db, actor, { id: found.stored.id, expectedVersion: body.success ? body.data.version : -1, version: found.version }, request.ip);
    if (!result.ok) return reply.redirect(`/admin/news/${found.stored.id}/versions`, 303);
    return reply.redirect('/admin/news?done=restored', 303);
  });
}
