// /admin/pages: the secretariat edits the site pages (with a preview), compares and restores their
// versions, and keeps the accessibility test results. Every handler: guard → load the STORED record
// → parse → command → 303, or the form again with 400 (errors) or 409 (someone saved in between),
// keeping what was typed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FeatureOptions } from '../../feature-options.ts';
import { guard } from '../../../policy/guards.ts';
import { NotFoundPage } from '../../../views/errors.tsx';
import { contextFor, sendPage } from '../../../views/render.ts';
import { isSitePageSlug, type SitePageSlug } from '../catalogue.ts';
import { addTestResult, removeTestResult, restorePageVersion, revisePage, reviseTestResult } from '../commands.ts';
import { emptyTestResultForm, pageFormFrom, pageFormInput, parsePage, parseTestResult, testResultFormFrom, testResultFormInput } from '../form.ts';
import { loadSitePage, loadSitePages, loadTestResult, loadTestResults, sitePageVersion, sitePageVersions, type SitePage, type TestResult } from '../record.ts';
import { AdminPagesListPage, PageComparePage, PageFormPage, PageVersionsPage, TestResultFormPage, TestResultsAdminPage } from './views.tsx';

const slugParams = z.object({ slug: z.string().max(40) });
const versionParams = z.object({ slug: z.string().max(40), version: z.coerce.number().int().min(1).max(1_000_000) });
const idParams = z.object({ id: z.uuid() });
const versionField = z.object({ version: z.coerce.number().int().min(1) });
const doneQuery = z.object({ done: z.string().max(20).optional().catch(undefined) });

const doneNotices: Record<string, [string, string]> = {
  updated: ['ページを保存し、公開しました。', 'The page was saved and published.'],
  restored: ['以前の版の内容を復元し、公開しました。', 'The earlier version was restored and published.'],
  added: ['試験結果を追加し、公開しました。', 'The test result was added and published.'],
  'result-updated': ['試験結果を保存し、公開しました。', 'The test result was saved and published.'],
  removed: ['試験結果を削除しました。', 'The test result was removed.'],
};

const conflictMessage = ['この内容は、あなたが編集を始めた後に別の人が保存しました。最新の内容を開いて、もう一度編集してください。', 'Someone saved this after you opened it. Open the latest version and edit it again.'] as const;

export default async function sitePagesAdminRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  const { db } = database;

  // The secretariat only, checked before any body is read.
  app.addHook('onRequest', async (request, reply) => {
    if (!guard(request, reply, 'site-pages:manage')) return reply;
  });

  const notice = (request: FastifyRequest, ctx: ReturnType<typeof contextFor>) => {
    const done = doneQuery.parse(request.query ?? {}).done;
    const text = done ? doneNotices[done] : undefined;
    return text ? ctx.tFormat(text[0], text[1]) : undefined;
  };

  const notFound = (request: FastifyRequest, reply: FastifyReply) => {
    const ctx = contextFor(request, reply);
    return sendPage(reply, NotFoundPage({ ctx, detail: ctx.t('該当するページはありません。', 'There is no such page.') }), 404);
  };

  const loadStoredPage = async (request: FastifyRequest): Promise<SitePage | undefined> => {
    const params = slugParams.safeParse(request.params);
    return params.success && isSitePageSlug(params.data.slug) ? loadSitePage(db, params.data.slug) : undefined;
  };

  app.get('/admin/pages', async (request, reply) => {
    const ctx = contextFor(request, reply);
    return sendPage(reply, AdminPagesListPage({ ctx, pages: await loadSitePages(db), notice: notice(request, ctx) }));
  });

  app.get('/admin/pages/:slug/edit', async (request, reply) => {
    const stored = await loadStoredPage(request);
    if (!stored) return notFound(request, reply);
    const ctx = contextFor(request, reply);
    return sendPage(reply, PageFormPage({ ctx, slug: stored.slug, input: pageFormFrom(stored), errors: [] }));
  });

  app.post('/admin/pages/:slug/edit', async (request, reply) => {
    const actor = guard(request, reply, 'site-pages:manage');
    if (!actor) return reply;
    const stored = await loadStoredPage(request);
    if (!stored) return notFound(request, reply);
    const ctx = contextFor(request, reply);
    const input = pageFormInput(request.body);
    const parsed = parsePage(ctx, input);
    const slug = stored.slug;
    if (!parsed.ok) return sendPage(reply, PageFormPage({ ctx, slug, input, errors: parsed.errors }), 400);
    if (input.intent === 'preview') return sendPage(reply, PageFormPage({ ctx, slug, input, errors: [], preview: parsed.content }));
    const conflict = () => sendPage(reply, PageFormPage({ ctx, slug, input, errors: [], conflict: ctx.tFormat(...conflictMessage) }), 409);
    if (String(stored.version) !== input.version) return conflict();
    const result = await revisePage(db, actor, { slug, expectedVersion: stored.version }, parsed.content, request.ip);
    if (!result.ok) return result.reason === 'not-found' ? notFound(request, reply) : conflict();
    return reply.redirect('/admin/pages?done=updated', 303);
  });

  app.get('/admin/pages/:slug/versions', async (request, reply) => {
    const stored = await loadStoredPage(request);
    if (!stored) return notFound(request, reply);
    const ctx = contextFor(request, reply);
    return sendPage(reply, PageVersionsPage({ ctx, page: stored, versions: await sitePageVersions(db, stored.slug) }));
  });

  const loadVersion = async (request: FastifyRequest) => {
    const params = versionParams.safeParse(request.params);
    if (!params.success || !isSitePageSlug(params.data.slug)) return undefined;
    const slug: SitePageSlug = params.data.slug;
    const [stored, old] = await Promise.all([loadSitePage(db, slug), sitePageVersion(db, slug, params.data.version)]);
    return stored && old ? { stored, old, version: params.data.version } : undefined;
  };

  app.get('/admin/pages/:slug/versions/:version', async (request, reply) => {
    const found = await loadVersion(request);
    if (!found) return notFound(request, reply);
    const ctx = contextFor(request, reply);
    return sendPage(reply, PageComparePage({ ctx, page: found.stored, version: found.version, old: found.old }));
  });

  app.post('/admin/pages/:slug/versions/:version/restore', async (request, reply) => {
    const actor = guard(request, reply, 'site-pages:manage');
    if (!actor) return reply;
    const found = await loadVersion(request);
    if (!found) return notFound(request, reply);
    const body = versionField.safeParse(request.body);
    const result = await restorePageVersion(db, actor, { slug: found.stored.slug, expectedVersion: body.success ? body.data.version : -1, version: found.version }, request.ip);
    // A stale restore (someone saved in between) goes back to the versions, where the new one shows.
    if (!result.ok) return reply.redirect(`/admin/pages/${found.stored.slug}/versions`, 303);
    return reply.redirect('/admin/pages?done=restored', 303);
  });

  // ─── The accessibility test results ─────────────────────────────────────────────────────────

  const loadStoredResult = async (request: FastifyRequest): Promise<TestResult | undefined> => {
    const params = idParams.safeParse(request.params);
    return params.success ? loadTestResult(db, params.data.id.toLowerCase()) : undefined;
  };

  app.get('/admin/pages/test-results', async (request, reply) => {
    const ctx = contextFor(request, reply);
    return sendPage(reply, TestResultsAdminPage({ ctx, results: await loadTestResults(db), notice: notice(request, ctx) }));
  });

  app.get('/admin/pages/test-results/new', async (request, reply) => {
    const ctx = contextFor(request, reply);
    return sendPage(reply, TestResultFormPage({ ctx, input: emptyTestResultForm(), errors: [] }));
  });

  app.post('/admin/pages/test-results/new', async (request, reply) => {
    const actor = guard(request, reply, 'site-pages:manage');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const input = testResultFormInput(request.body);
    const parsed = parseTestResult(ctx, input);
    if (!parsed.ok) return sendPage(reply, TestResultFormPage({ ctx, input, errors: parsed.errors }), 400);
    await addTestResult(db, actor, parsed.content, request.ip);
    return reply.redirect('/admin/pages/test-results?done=added', 303);
  });

  app.get('/admin/pages/test-results/:id/edit', async (request, reply) => {
    const stored = await loadStoredResult(request);
    if (!stored) return notFound(request, reply);
    const ctx = contextFor(request, reply);
    return sendPage(reply, TestResultFormPage({ ctx, id: stored.id, input: testResultFormFrom(stored), errors: [] }));
  });

  app.post('/admin/pages/test-results/:id/edit', async (request, reply) => {
    const actor = guard(request, reply, 'site-pages:manage');
    if (!actor) return reply;
    const stored = await loadStoredResult(request);
    if (!stored) return notFound(request, reply);
    const ctx = contextFor(request, reply);
    const input = testResultFormInput(request.body);
    const parsed = parseTestResult(ctx, input);
    const id = stored.id;
    if (!parsed.ok) return sendPage(reply, TestResultFormPage({ ctx, id, input, errors: parsed.errors }), 400);
    const conflict = () => sendPage(reply, TestResultFormPage({ ctx, id, input, errors: [], conflict: ctx.tFormat(...conflictMessage) }), 409);
    if (String(stored.version) !== input.version) return conflict();
    const result = await reviseTestResult(db, actor, { id, expectedVersion: stored.version }, parsed.content, request.ip);
    if (!result.ok) return result.reason === 'not-found' ? notFound(request, reply) : conflict();
    return reply.redirect('/admin/pages/test-results?done=result-updated', 303);
  });

  app.post('/admin/pages/test-results/:id/delete', async (request, reply) => {
    const actor = guard(request, reply, 'site-pages:manage');
    if (!actor) return reply;
    const stored = await loadStoredResult(request);
    if (!stored) return notFound(request, reply);
    const body = versionField.safeParse(request.body);
    const result = await removeTestResult(db, actor, { id: stored.id, expectedVersion: body.success ? body.data.version : -1 }, request.ip);
    if (!result.ok) return reply.redirect(`/admin/pages/test-results/${stored.id}/edit`, 303);
    return reply.redirect('/admin/pages/test-results?done=removed', 303);
  });
}

