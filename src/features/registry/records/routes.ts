// /registry: editing agreements and projects (連携記録の管理), with their change history and the
// restore of deleted records. Ward staff edit the records that include their own ward; the
// secretariat (registry:manage) every record. Every handler: scope (guard) → load → object check
// against the STORED record → parse → command → redirect or render.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FeatureOptions } from '../../feature-options.ts';
import { historyOf } from '../shared/history.ts';
import { agreementSnapshot, projectSnapshot, type WritableEntity } from '../shared/writes.ts';
import type { PageContext } from '../../../views/context.ts';
import { NotFoundPage } from '../../../views/errors.tsx';
import { contextFor, sendPage } from '../../../views/render.ts';
import { deleteFromForm, restoreFromForm, saveAgreementFromForm, saveProjectFromForm } from './commands.ts';
import {
  agreementFormInput,
  agreementInputFrom,
  formValue,
  message,
  parseAgreement,
  parseListFilter,
  parseProject,
  parseRecordId,
  partnerLines,
  projectFormInput,
  projectInputFrom,
  type AgreementFormInput,
  type FormRefs,
  type ProjectFormInput,
} from './form.ts';
import { assertMayEdit, assertMaySetJoint, registryScope, type RegistryScope } from './permissions.ts';
import { countRecords, groupOptions, listAgreements, listProjects, lookupPartners, namesOf, recordMeta, typeOptions, wardOptions, type RecordMeta } from './queries.ts';
import { AgreementFormPage, AgreementListPage } from './views/agreements.tsx';
import { DeleteConfirmPage } from './views/delete.tsx';
import { DeletedPage } from './views/deleted.tsx';
import type { FormRefsView } from './views/fields.tsx';
import { HistoryPage } from './views/history.tsx';
import { RegistryHomePage } from './views/overview.tsx';
import { ProjectFormPage, ProjectListPage } from './views/projects.tsx';
import { isNoticeKey, type NoticeKey } from './views/shared.tsx';

const paths = { agreement: 'agreements', project: 'projects' } as const;

export default async function registryAdminRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  const { db } = database;

  const noticeOf = (request: FastifyRequest): NoticeKey | undefined => {
    const done = formValue(request.query, 'done');
    return isNoticeKey(done) ? done : undefined;
  };
  const notFound = (reply: FastifyReply, ctx: PageContext) =>
    sendPage(reply, NotFoundPage({ ctx, detail: ctx.t('該当する記録はありません（削除されている可能性があります）。', 'There is no such record (it may have been deleted).') }), 404);

  const wardNameOf = async (scope: RegistryScope): Promise<string | null> => {
    if (!scope.wardCode) return null;
    const names = await namesOf(db, [scope.wardCode]);
    return names.get(scope.wardCode) ?? scope.wardCode;
  };

  const refsView = async (scope: RegistryScope): Promise<FormRefsView> => {
    const [wards, types, groups] = await Promise.all([wardOptions(db), typeOptions(db), groupOptions(db)]);
    return { wards, types, groups, fixedWard: scope.wardCode };
  };

  const formRefs = async (view: FormRefsView, partnersText: string): Promise<FormRefs> => ({
    wardCodes: new Set(view.wards.map((w) => w.code)),
    typeIds: new Set(view.types.map((t) => t.id)),
    groupIds: new Set(view.groups.map((g) => g.id)),
    partners: await lookupPartners(db, partnerLines(partnersText)),
  });

  /** The stored record the URL names, when it exists and is not deleted, after the object check. */
  const liveRecord = async (request: FastifyRequest, scope: RegistryScope, entity: WritableEntity): Promise<RecordMeta | undefined> => {
    const id = parseRecordId(request.params);
    const meta = id ? await recordMeta(db, entity, id) : undefined;
    if (!meta) return undefined;
    assertMayEdit(scope, meta.wardCodes);
    return meta.deletedAt ? undefined : meta;
  };

  const partnerLabel = async (codes: string[]) => {
    const names = await namesOf(db, codes);
    return (code: string) => (names.has(code) ? `${code} ${names.get(code)}` : code);
  };

  // -------------------------------------------------------------------------------------------
  // Overview

  app.get('/registry', async (request, reply) => {
    const scope = registryScope(request, reply);
    if (!scope) return reply;
    const ctx = contextFor(request, reply);
    const [wardName, counts] = await Promise.all([wardNameOf(scope), countRecords(db, scope.wardCode)]);
    return sendPage(reply, RegistryHomePage({ ctx, wardName, counts }));
  });

  // -------------------------------------------------------------------------------------------
  // Agreements

  app.get('/registry/agreements', async (request, reply) => {
    const scope = registryScope(request, reply);
    if (!scope) return reply;
    const ctx = contextFor(request, reply);
    const wards = await wardOptions(db);
    const filter = parseListFilter(request.query, new Set(wards.map((w) => w.code)));
    const wardCode = scope.wardCode ?? (filter.ward || null);
    const { total, items } = await listAgreements(db, { wardCode, deleted: false }, filter.page);
    return sendPage(reply, AgreementListPage({ ctx, wardName: await wardNameOf(scope), wards, filter, total, items, notice: noticeOf(request) }));
  });

  const emptyAgreement = (scope: RegistryScope): AgreementFormInput => ({
    typeId: '',
    title: '',
    wardCodes: scope.wardCode ? [scope.wardCode] : [],
    partners: '',
    groupIds: [],
    formerNames: '',
    signedOn: '',
    signedOnPrecision: 'day',
    resignedDates: '',
    endedOn: '',
    background: '',
    sourceUrl: '',
    notes: '',
    updatedAt: '',
  });

  app.get('/registry/agreements/new', async (request, reply) => {
    const scope = registryScope(request, reply);
    if (!scope) return reply;
    const ctx = contextFor(request, reply);
    return sendPage(reply, AgreementFormPage({ ctx, input: emptyAgreement(scope), errors: [], refs: await refsView(scope) }));
  });

  /** Parses, re-checks the rights on the result, saves; the form again on errors or a conflict. */
  const submitAgreement = async (request: FastifyRequest, reply: FastifyReply, scope: RegistryScope, stored: RecordMeta | null) => {
    const ctx = contextFor(request, reply);
    const input = agreementFormInput(request.body);
    const view = await refsView(scope);
    const id = stored?.id;
    const parsed = parseAgreement(ctx, input, await formRefs(view, input.partners));
    if (!parsed.ok) return sendPage(reply, AgreementFormPage({ ctx, id, input, errors: parsed.errors, refs: view }), 400);
    // The record as it would be saved must also be the actor's to write (a forged form could drop the ward).
    assertMayEdit(scope, parsed.value.wardCodes);
    const conflict = () => sendPage(reply, AgreementFormPage({ ctx, id, input, errors: [], refs: view, conflict: message(ctx, 'conflict') }), 409);
    if (stored && stored.updatedAt !== input.updatedAt) return conflict();
    const result = await saveAgreementFromForm(db, scope.actor, parsed.value, stored ? { id: stored.id, expectedUpdatedAt: input.updatedAt } : null, request.ip);
    if (!result.ok) return conflict();
    return reply.redirect(`/registry/agreements?done=${stored ? 'updated' : 'created'}`, 303);
  };

  app.post('/registry/agreements/new', async (request, reply) => {
    const scope = registryScope(request, reply);
    if (!scope) return reply;
    return submitAgreement(request, reply, scope, null);
  });

  app.get('/registry/agreements/:id/edit', async (request, reply) => {
    const scope = registryScope(request, reply);
    if (!scope) return reply;
    const ctx = contextFor(request, reply);
    const meta = await liveRecord(request, scope, 'agreement');
    const snapshot = meta ? await agreementSnapshot(db, meta.id) : undefined;
    if (!meta || !snapshot) return notFound(reply, ctx);
    const input = agreementInputFrom(snapshot, meta.updatedAt, await partnerLabel(snapshot.partnerCodes));
    return sendPage(reply, AgreementFormPage({ ctx, id: meta.id, input, errors: [], refs: await refsView(scope) }));
  });

  app.post('/registry/agreements/:id/edit', async (request, reply) => {
    const scope = registryScope(request, reply);
    if (!scope) return reply;
    const meta = await liveRecord(request, scope, 'agreement');
    if (!meta) return notFound(reply, contextFor(request, reply));
    return submitAgreement(request, reply, scope, meta);
  });

  // -------------------------------------------------------------------------------------------
  // Projects

  app.get('/registry/projects', async (request, reply) => {
    const scope = registryScope(request, reply);
    if (!scope) return reply;
    const ctx = contextFor(request, reply);
    const wards = await wardOptions(db);
    const filter = parseListFilter(request.query, new Set(wards.map((w) => w.code)));
    const wardCode = scope.wardCode ?? (filter.ward || null);
    const { total, items } = await listProjects(db, { wardCode, deleted: false }, filter.page);
    return sendPage(reply, ProjectListPage({ ctx, wardName: await wardNameOf(scope), wards, filter, total, items, notice: noticeOf(request) }));
  });

  const emptyProject = (scope: RegistryScope): ProjectFormInput => ({
    fiscalYear: '',
    title: '',
    summary: '',
    field: '',
    organiserKind: 'wards',
    wardCodes: scope.wardCode ? [scope.wardCode] : [],
    partners: '',
    startsOn: '',
    endsOn: '',
    format: 'offline',
    status: '予定',
    newsUrl: '',
    sourceUrl: '',
    notes: '',
    updatedAt: '',
  });

  app.get('/registry/projects/new', async (request, reply) => {
    const scope = registryScope(request, reply);
    if (!scope) return reply;
    const ctx = contextFor(request, reply);
    return sendPage(reply, ProjectFormPage({ ctx, input: emptyProject(scope), errors: [], refs: await refsView(scope) }));
  });

  const submitProject = async (request: FastifyRequest, reply: FastifyReply, scope: RegistryScope, stored: RecordMeta | null) => {
    const ctx = contextFor(request, reply);
    const input = projectFormInput(request.body);
    const view = await refsView(scope);
    const id = stored?.id;
    const parsed = parseProject(ctx, input, await formRefs(view, input.partners));
    if (!parsed.ok) return sendPage(reply, ProjectFormPage({ ctx, id, input, errors: parsed.errors, refs: view }), 400);
    if (parsed.value.organiserKind === 'joint') assertMaySetJoint(scope);
    assertMayEdit(scope, parsed.value.wardCodes);
    const conflict = () => sendPage(reply, ProjectFormPage({ ctx, id, input, errors: [], refs: view, conflict: message(ctx, 'conflict') }), 409);
    if (stored && stored.updatedAt !== input.updatedAt) return conflict();
    const result = await saveProjectFromForm(db, scope.actor, parsed.value, stored ? { id: stored.id, expectedUpdatedAt: input.updatedAt } : null, request.ip);
    if (!result.ok) return conflict();
    return reply.redirect(`/registry/projects?done=${stored ? 'updated' : 'created'}`, 303);
  };

  app.post('/registry/projects/new', async (request, reply) => {
    const scope = registryScope(request, reply);
    if (!scope) return reply;
    return submitProject(request, reply, scope, null);
  });

  app.get('/registry/projects/:id/edit', async (request, reply) => {
    const scope = registryScope(request, reply);
    if (!scope) return reply;
    const ctx = contextFor(request, reply);
    const meta = await liveRecord(request, scope, 'project');
    const snapshot = meta ? await projectSnapshot(db, meta.id) : undefined;
    if (!meta || !snapshot) return notFound(reply, ctx);
    const input = projectInputFrom(snapshot, meta.updatedAt, await partnerLabel(snapshot.partnerCodes));
    return sendPage(reply, ProjectFormPage({ ctx, id: meta.id, input, errors: [], refs: await refsView(scope) }));
  });

  app.post('/registry/projects/:id/edit', async (request, reply) => {
    const scope = registryScope(request, reply);
    if (!scope) return reply;
    const meta = await liveRecord(request, scope, 'project');
    if (!meta) return notFound(reply, contextFor(request, reply));
    return submitProject(request, reply, scope, meta);
  });

  // -------------------------------------------------------------------------------------------
  // Delete, history and restore: the same for both kinds of record

  for (const entity of ['agreement', 'project'] as const) {
    const base = `/registry/${paths[entity]}`;

    app.get(`${base}/:id/delete`, async (request, reply) => {
      const scope = registryScope(request, reply);
      if (!scope) return reply;
      const ctx = contextFor(request, reply);
      const meta = await liveRecord(request, scope, entity);
      if (!meta) return notFound(reply, ctx);
      return sendPage(reply, DeleteConfirmPage({ ctx, entity, id: meta.id, title: meta.title }));
    });

    app.post(`${base}/:id/delete`, async (request, reply) => {
      const scope = registryScope(request, reply);
      if (!scope) return reply;
      const meta = await liveRecord(request, scope, entity);
      if (!meta || !(await deleteFromForm(db, scope.actor, entity, meta.id, meta.title, request.ip))) return notFound(reply, contextFor(request, reply));
      return reply.redirect(`${base}?done=deleted`, 303);
    });

    app.get(`${base}/:id/history`, async (request, reply) => {
      const scope = registryScope(request, reply);
      if (!scope) return reply;
      const ctx = contextFor(request, reply);
      const id = parseRecordId(request.params);
      const meta = id ? await recordMeta(db, entity, id) : undefined;
      if (!meta) return notFound(reply, ctx);
      assertMayEdit(scope, meta.wardCodes);
      const changes = await historyOf(db, entity, meta.id);
      const codes = new Set<string>();
      const groupIds = new Set<string>();
      for (const c of changes) {
        for (const snap of [c.before, c.after]) {
          if (!snap) continue;
          for (const k of ['wardCodes', 'partnerCodes'] as const) for (const code of (snap[k] as string[] | undefined) ?? []) codes.add(code);
          for (const code of Object.keys((snap.formerNames as Record<string, string> | undefined) ?? {})) codes.add(code);
          for (const g of (snap.partnerGroupIds as string[] | undefined) ?? []) groupIds.add(g);
        }
      }
      const [names, types, groups] = await Promise.all([namesOf(db, [...codes]), typeOptions(db), groupOptions(db)]);
      const labels = {
        names,
        types: new Map(types.map((t) => [t.id, { name: t.name, nameEn: t.nameEn }])),
        groups: new Map(groups.map((g) => [g.id, g.name])),
      };
      return sendPage(reply, HistoryPage({ ctx, entity, id: meta.id, title: meta.title, deleted: meta.deletedAt !== null, changes, labels }));
    });

    app.post(`${base}/:id/restore`, async (request, reply) => {
      const scope = registryScope(request, reply);
      if (!scope) return reply;
      const ctx = contextFor(request, reply);
      const id = parseRecordId(request.params);
      const meta = id ? await recordMeta(db, entity, id) : undefined;
      if (!meta) return notFound(reply, ctx);
      assertMayEdit(scope, meta.wardCodes);
      if (!meta.deletedAt || !(await restoreFromForm(db, scope.actor, entity, meta.id, meta.title, request.ip))) {
        return sendPage(reply, NotFoundPage({ ctx, detail: ctx.t('この記録は削除されていません（すでに元に戻されています）。', 'This record is not deleted (it may have been restored already).') }), 404);
      }
      return reply.redirect('/registry/deleted?done=restored', 303);
    });
  }

  app.get('/registry/deleted', async (request, reply) => {
    const scope = registryScope(request, reply);
    if (!scope) return reply;
    const ctx = contextFor(request, reply);
    const [agreements, projects] = await Promise.all([
      listAgreements(db, { wardCode: scope.wardCode, deleted: true }, 1, 500),
      listProjects(db, { wardCode: scope.wardCode, deleted: true }, 1, 500),
    ]);
    return sendPage(reply, DeletedPage({ ctx, wardName: await wardNameOf(scope), agreements: agreements.items, projects: projects.items, notice: noticeOf(request) }));
  });
}
