// /registry/projects: the projects ward staff (their own ward's) and the secretariat (every one,
// 23区共同 ones included) edit. Every handler: scope (guard) → load → object check against the
// STORED record → parse → command → redirect, or the form again with 400 or 409.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FeatureOptions } from '../../../feature-options.ts';
import { contextFor, sendPage } from '../../../../views/render.ts';
import { editableProjects, listPageSize, type RecordMeta } from '../../shared/back-office-queries.ts';
import { formChoices, formReferences, liveRecord, partnerLineLabeller, recordNotFound, scopeWardName } from '../../shared/back-office-pages.ts';
import { noticeOf } from '../../shared/notices.ts';
import { pageOf } from '../../shared/list-query.ts';
import { message, parseListFilter } from '../../shared/record-form.ts';
import { assertMayChangeWards, assertMayEdit, assertMaySetJoint, registryScope, type RegistryScope } from '../../shared/scope.ts';
import { editProject, recordProject } from '../commands.ts';
import { projectSnapshot } from '../store.ts';
import { emptyProjectForm, parseProject, projectFormInput, projectInputFrom } from './form.ts';
import { ProjectFormPage, ProjectListPage } from './views.tsx';

export default async function projectsAdminRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  const { db } = database;

  app.get('/registry/projects', async (request, reply) => {
    const scope = registryScope(request, reply);
    if (!scope) return reply;
    const ctx = contextFor(request, reply);
    const { wards } = await formChoices(db, scope);
    const filter = parseListFilter(request.query, new Set(wards.map((w) => w.code)));
    const { rows, total } = pageOf(await editableProjects(db, scope.wardCode ?? (filter.ward || null)), filter.page, listPageSize);
    return sendPage(reply, ProjectListPage({ ctx, wardName: await scopeWardName(db, scope), wards, filter, total, items: rows, notice: noticeOf(request) }));
  });

  app.get('/registry/projects/new', async (request, reply) => {
    const scope = registryScope(request, reply);
    if (!scope) return reply;
    const ctx = contextFor(request, reply);
    return sendPage(reply, ProjectFormPage({ ctx, input: emptyProjectForm(scope.wardCode), errors: [], refs: await formChoices(db, scope) }));
  });

  const submit = async (request: FastifyRequest, reply: FastifyReply, scope: RegistryScope, stored: RecordMeta | null) => {
    const ctx = contextFor(request, reply);
    const input = projectFormInput(request.body);
    const view = await formChoices(db, scope);
    const id = stored?.id;
    const parsed = parseProject(ctx, input, await formReferences(db, view, input.partners));
    if (!parsed.ok) return sendPage(reply, ProjectFormPage({ ctx, id, input, errors: parsed.errors, refs: view }), 400);
    if (parsed.value.organiserKind === 'joint') assertMaySetJoint(scope);
    assertMayEdit(scope, parsed.value.wardCodes);
    // Another ward's membership of a stored record is not theirs to change (docs/permissions.md).
    if (stored) assertMayChangeWards(scope, stored.wardCodes, parsed.value.wardCodes);
    const conflict = () => sendPage(reply, ProjectFormPage({ ctx, id, input, errors: [], refs: view, conflict: message(ctx, 'conflict') }), 409);
    if (stored && stored.updatedAt !== input.updatedAt) return conflict();
    const result = stored
      ? await editProject(db, scope.actor, { id: stored.id, expectedUpdatedAt: input.updatedAt }, parsed.value, request.ip)
      : await recordProject(db, scope.actor, parsed.value, request.ip);
    if (!result.ok) return conflict();
    return reply.redirect(`/registry/projects?done=${stored ? 'updated' : 'created'}`, 303);
  };

  app.post('/registry/projects/new', async (request, reply) => {
    const scope = registryScope(request, reply);
    if (!scope) return reply;
    return submit(request, reply, scope, null);
  });

  app.get('/registry/projects/:id/edit', async (request, reply) => {
    const scope = registryScope(request, reply);
    if (!scope) return reply;
    const ctx = contextFor(request, reply);
    const meta = await liveRecord(db, request, scope, 'project');
    const snapshot = meta ? await projectSnapshot(db, meta.id) : undefined;
    if (!meta || !snapshot) return recordNotFound(reply, ctx);
    const input = projectInputFrom(snapshot, meta.updatedAt, await partnerLineLabeller(db, snapshot.partnerCodes));
    return sendPage(reply, ProjectFormPage({ ctx, id: meta.id, input, errors: [], refs: await formChoices(db, scope) }));
  });

  app.post('/registry/projects/:id/edit', async (request, reply) => {
    const scope = registryScope(request, reply);
    if (!scope) return reply;
    const meta = await liveRecord(db, request, scope, 'project');
    if (!meta) return recordNotFound(reply, contextFor(request, reply));
    return submit(request, reply, scope, meta);
  });
}
