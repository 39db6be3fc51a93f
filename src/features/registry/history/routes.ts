// Deleting, restoring and the change history of agreements and projects on the edit pages:
// /registry/{agreements|projects}/:id/delete (confirm, then POST), …/history, …/restore (POST), and
// /registry/deleted (the records deleted within the actor's scope). Rights are checked against the
// stored record, deleted or not, on every request.
import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../../feature-options.ts';
import { NotFoundPage } from '../../../views/errors.tsx';
import { contextFor, sendPage } from '../../../views/render.ts';
import { agreementHistoryFields } from '../agreements/history-fields.ts';
import { registryModel, type RegistryModel } from '../model/index.ts';
import { projectHistoryFields } from '../projects/history-fields.ts';
import { deletedRecords } from '../shared/back-office-queries.ts';
import { liveRecord, recordNotFound, scopeWardName, storedRecord } from '../shared/back-office-pages.ts';
import { noticeOf } from '../shared/notices.ts';
import { historyOf, type RecordChangeView } from '../shared/history.ts';
import { registryScope } from '../shared/scope.ts';
import { deleteFromPage, restoreFromPage, type EditableEntity } from './commands.ts';
import { DeleteConfirmPage } from './delete-view.tsx';
import { DeletedPage } from './deleted-view.tsx';
import type { HistoryNames } from './fields.ts';
import { HistoryPage } from './views.tsx';

const paths: Record<EditableEntity, string> = { agreement: 'agreements', project: 'projects' };
const historyFields = { agreement: agreementHistoryFields, project: projectHistoryFields };

/** The names a history shows: every code its snapshots mention (「北海道名寄市」), the types and groups. */
function historyNames(model: RegistryModel, changes: readonly RecordChangeView[]): HistoryNames {
  const codes = new Set<string>();
  for (const c of changes) {
    for (const snapshot of [c.before, c.after]) {
      if (!snapshot) continue;
      for (const key of ['wardCodes', 'partnerCodes'] as const) for (const code of (snapshot[key] as string[] | undefined) ?? []) codes.add(code);
      for (const code of Object.keys((snapshot.formerNames as Record<string, string> | undefined) ?? {})) codes.add(code);
    }
  }
  const governments = new Map<string, string>();
  for (const code of codes) {
    const g = model.governments.get(code);
    if (!g) continue;
    const prefecture = model.governments.get(`${g.prefectureCode}0000`) ?? model.prefectures.find((p) => p.prefectureCode === g.prefectureCode);
    governments.set(code, g.level === 'municipality' && g.prefectureCode !== '13' ? `${prefecture?.name ?? ''}${g.name}` : g.name);
  }
  const groupIds = new Set(changes.flatMap((c) => [c.before, c.after].flatMap((s) => (s?.partnerGroupIds as string[] | undefined) ?? [])));
  return {
    governments,
    types: new Map(model.agreementTypes.map((t) => [t.id, { ja: t.name, en: t.nameEn || t.name }])),
    groups: new Map([...groupIds].map((id) => [id, model.names.group(id).name])),
  };
}

export default async function historyRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  const { db } = database;

  for (const entity of ['agreement', 'project'] as const) {
    const base = `/registry/${paths[entity]}`;

    app.get(`${base}/:id/delete`, async (request, reply) => {
      const scope = registryScope(request, reply);
      if (!scope) return reply;
      const ctx = contextFor(request, reply);
      const meta = await liveRecord(db, request, scope, entity);
      if (!meta) return recordNotFound(reply, ctx);
      return sendPage(reply, DeleteConfirmPage({ ctx, entity, id: meta.id, title: meta.title }));
    });

    app.post(`${base}/:id/delete`, async (request, reply) => {
      const scope = registryScope(request, reply);
      if (!scope) return reply;
      const meta = await liveRecord(db, request, scope, entity);
      if (!meta || !(await deleteFromPage(db, scope.actor, entity, meta.id, meta.title, request.ip))) return recordNotFound(reply, contextFor(request, reply));
      return reply.redirect(`${base}?done=deleted`, 303);
    });

    app.get(`${base}/:id/history`, async (request, reply) => {
      const scope = registryScope(request, reply);
      if (!scope) return reply;
      const ctx = contextFor(request, reply);
      const meta = await storedRecord(db, request, scope, entity);
      if (!meta) return recordNotFound(reply, ctx);
      const changes = await historyOf(db, entity, meta.id);
      const names = historyNames(await registryModel(db), changes);
      return sendPage(reply, HistoryPage({ ctx, entity, id: meta.id, title: meta.title, deleted: meta.deletedAt !== null, changes, fields: historyFields[entity], names }));
    });

    app.post(`${base}/:id/restore`, async (request, reply) => {
      const scope = registryScope(request, reply);
      if (!scope) return reply;
      const ctx = contextFor(request, reply);
      const meta = await storedRecord(db, request, scope, entity);
      if (!meta) return recordNotFound(reply, ctx);
      if (!meta.deletedAt || !(await restoreFromPage(db, scope.actor, entity, meta.id, meta.title, request.ip))) {
        return sendPage(reply, NotFoundPage({ ctx, detail: ctx.t('この記録は削除されていません（すでに元に戻されています）。', 'This record is not deleted (it may have been restored already).') }), 404);
      }
      return reply.redirect('/registry/deleted?done=restored', 303);
    });
  }

  app.get('/registry/deleted', async (request, reply) => {
    const scope = registryScope(request, reply);
    if (!scope) return reply;
    const ctx = contextFor(request, reply);
    const [agreements, projects] = await Promise.all([deletedRecords(db, 'agreement', scope.wardCode), deletedRecords(db, 'project', scope.wardCode)]);
    return sendPage(reply, DeletedPage({ ctx, wardName: await scopeWardName(db, scope), agreements, projects, notice: noticeOf(request) }));
  });
}
