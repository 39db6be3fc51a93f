// /admin/pr: the secretariat lists PR pages, hides one (reason recorded) or shows it again, and
// compares and restores versions. Content is edited through the same form as the municipality's
// (/member/pr/:code), which the policy opens to the secretariat too.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FeatureOptions } from '../feature-options.ts';
import { guard } from '../../policy/guards.ts';
import { fieldId } from '../../views/components/record-fields.tsx';
import { NotFoundPage } from '../../views/errors.tsx';
import { contextFor, sendPage } from '../../views/render.ts';
import { restorePrVersion, setPrPageHidden } from './commands.ts';
import { AdminPrListPage, AdminPrPage, PrComparePage } from './admin-views.tsx';
import { adminPrPages, governmentName, prVersions, prVersionSnapshot } from './queries.ts';
import { contentOf, loadPrPage, type PrContent } from './record.ts';

const codeParams = z.object({ code: z.string().regex(/^\d{6}$/) });
const versionParams = codeParams.extend({ version: z.coerce.number().int().min(1).max(1_000_000) });
const listQuery = z.object({
  state: z.enum(['visible', 'hidden']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
const versionField = z.object({ version: z.coerce.number().int().min(1) });
const reasonLimit = 400;

const notices: Record<string, [string, string]> = {
  hidden: ['PRページを非公開にしました。', 'The PR page is hidden.'],
  shown: ['PRページを再び公開しました。', 'The PR page is public again.'],
  restored: ['以前の版の内容を復元しました。', 'The earlier version was restored.'],
};

export default async function prAdminRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  const { db } = database;

  app.addHook('onRequest', async (request, reply) => {
    if (!guard(request, reply, 'pr:manage')) return reply;
  });

  const notFound = (request: FastifyRequest, reply: FastifyReply) => {
    const ctx = contextFor(request, reply);
    return sendPage(reply, NotFoundPage({ ctx, detail: ctx.t('該当するPRページはありません。', 'There is no such PR page.') }), 404);
  };

  const loadStored = async (request: FastifyRequest) => {
    const params = codeParams.safeParse(request.params);
    if (!params.success) return undefined;
    const [page, government] = await Promise.all([loadPrPage(db, params.data.code), governmentName(db, params.data.code)]);
    return page && government ? { page, name: `${government.prefectureName}${government.name}` } : undefined;
  };

  app.get('/admin/pr', async (request, reply) => {
    const ctx = contextFor(request, reply);
    const query = listQuery.parse(request.query ?? {});
    const state = query.state ?? null;
    const page = query.page ?? 1;
    const { rows, total } = await adminPrPages(db, { hidden: state === null ? null : state === 'hidden', page });
    return sendPage(reply, AdminPrListPage({ ctx, rows, total, state, page }));
  });

  app.get('/admin/pr/:code', async (request, reply) => {
    const found = await loadStored(request);
    if (!found) return notFound(request, reply);
    const ctx = contextFor(request, reply);
    const done = (request.query as Record<string, unknown>).done;
    const n = typeof done === 'string' ? notices[done] : undefined;
    return sendPage(reply, AdminPrPage({ ctx, ...found, versions: await prVersions(db, found.page.code), notice: n ? ctx.tFormat(n[0], n[1]) : undefined }));
  });

  app.post('/admin/pr/:code/hide', async (request, reply) => {
    const actor = guard(request, reply, 'pr:manage');
    if (!actor) return reply;
    const found = await loadStored(request);
    if (!found) return notFound(request, reply);
    const ctx = contextFor(request, reply);
    const raw = (request.body as Record<string, unknown> | undefined)?.reason;
    const reason = typeof raw === 'string' ? raw.trim() : '';
    if (!reason || reason.length > reasonLimit) {
      const message = reason ? ctx.tFormat(`理由は${reasonLimit}文字以内にしてください。`, `Keep the reason within ${reasonLimit} characters.`) : ctx.t('非公開にする理由を入力してください。', 'Enter why the page is hidden.');
      return sendPage(reply, AdminPrPage({ ctx, ...found, versions: await prVersions(db, found.page.code), errors: [{ field: fieldId('reason'), message }], reason }), 400);
    }
    await setPrPageHidden(db, { id: actor.id, ip: request.ip }, found.page.code, { hidden: true, reason });
    return reply.redirect(`/admin/pr/${found.page.code}?done=hidden`, 303);
  });

  app.post('/admin/pr/:code/unhide', async (request, reply) => {
    const actor = guard(request, reply, 'pr:manage');
    if (!actor) return reply;
    const found = await loadStored(request);
    if (!found) return notFound(request, reply);
    await setPrPageHidden(db, { id: actor.id, ip: request.ip }, found.page.code, { hidden: false });
    return reply.redirect(`/admin/pr/${found.page.code}?done=shown`, 303);
  });

  const loadVersion = async (request: FastifyRequest) => {
    const params = versionParams.safeParse(request.params);
    if (!params.success) return undefined;
    const found = await loadStored(request);
    const snapshot = found ? await prVersionSnapshot(db, found.page.code, params.data.version) : undefined;
    return found && snapshot ? { ...found, version: params.data.version, old: { ...contentOf(found.page), ...(JSON.parse(snapshot) as PrContent) } } : undefined;
  };

  app.get('/admin/pr/:code/versions/:version', async (request, reply) => {
    const found = await loadVersion(request);
    if (!found) return notFound(request, reply);
    const ctx = contextFor(request, reply);
    return sendPage(reply, PrComparePage({ ctx, code: found.page.code, name: found.name, version: found.version, currentVersion: found.page.version, old: found.old, current: contentOf(found.page) }));
  });

  app.post('/admin/pr/:code/versions/:version/restore', async (request, reply) => {
    const actor = guard(request, reply, 'pr:manage');
    if (!actor) return reply;
    const found = await loadVersion(request);
    if (!found) return notFound(request, reply);
    const body = versionField.safeParse(request.body);
    const result = await restorePrVersion(db, { id: actor.id, ip: request.ip }, { code: found.page.code, expectedVersion: body.success ? body.data.version : -1, version: found.version });
    if (!result.ok) return reply.redirect(`/admin/pr/${found.page.code}`, 303);
    return reply.redirect(`/admin/pr/${found.page.code}?done=restored`, 303);
  });
}
