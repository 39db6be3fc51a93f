// /registry/agreements: the agreements ward staff (their own ward's) and the secretariat (every
// one) edit. Every handler: scope (guard) → load → object check against the STORED record → parse →
// command → redirect, or the form again with 400 (errors) or 409 (someone saved in between).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FeatureOptions } from '../../../feature-options.ts';
import { contextFor, sendPage } from '../../../../views/render.ts';
import { editableAgreements, listPageSize, type RecordMeta } from '../../shared/back-office-queries.ts';
import { formChoices, formReferences, liveRecord, partnerLineLabeller, recordNotFound, scopeWardName } from '../../shared/back-office-pages.ts';
import { noticeOf } from '../../shared/notices.ts';
import { pageOf } from '../../shared/list-query.ts';
import { message, parseListFilter } from '../../shared/record-form.ts';
import { assertMayChangeWards, assertMayEdit, registryScope, type RegistryScope } from '../../shared/scope.ts';
import { editAgreement, recordAgreement } from '../commands.ts';
import { agreementSnapshot } from '../store.ts';
import { agreementFormInput, agreementInputFrom, emptyAgreementForm, parseAgreement } from './form.ts';
import { AgreementFormPage, AgreementListPage } from './views.tsx';

export default async function agreementsAdminRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  const { db } = database;

  app.get('/registry/agreements', async (request, reply) => {
    const scope = registryScope(request, reply);
    if (!scope) return reply;
    const ctx = contextFor(request, reply);
    const { wards } = await formChoices(db, scope);
    const filter = parseListFilter(request.query, new Set(wards.map((w) => w.code)));
    const { rows, total } = pageOf(await editableAgreements(db, scope.wardCode ?? (filter.ward || null)), filter.page, listPageSize);
    return sendPage(reply, AgreementListPage({ ctx, wardName: await scopeWardName(db, scope), wards, filter, total, items: rows, notice: noticeOf(request) }));
  });

  app.get('/registry/agreements/new', async (request, reply) => {
    const scope = registryScope(request, reply);
    if (!scope) return reply;
    const ctx = contextFor(request, reply);
    return sendPage(reply, AgreementFormPage({ ctx, input: emptyAgreementForm(scope.wardCode), errors: [], refs: await formChoices(db, scope) }));
  });

  /** Parses, re-checks the rights on the result, saves; the form again on errors or a conflict. */
  const submit = async (request: FastifyRequest, reply: FastifyReply, scope: RegistryScope, stored: RecordMeta | null) => {
    const ctx = contextFor(request, reply);
    const input = agreementFormInput(request.body);
    const view = await formChoices(db, scope);
    const id = stored?.id;
    const parsed = parseAgreement(ctx, input, await formReferences(db, view, input.partners));
    if (!parsed.ok) return sendPage(reply, AgreementFormPage({ ctx, id, input, errors: parsed.errors, refs: view }), 400);
    // The record as it would be saved must also be the actor's to write (a forged form could drop the ward).
    assertMayEdit(scope, parsed.value.wardCodes);
    // Another ward's membership of a stored record is not theirs to change (docs/permissions.md).
    if (stored) assertMayChangeWards(scope, stored.wardCodes, parsed.value.wardCodes);
    const conflict = () => sendPage(reply, AgreementFormPage({ ctx, id, input, errors: [], refs: view, conflict: message(ctx, 'conflict') }), 409);
    if (stored && stored.updatedAt !== input.updatedAt) return conflict();
    const result = stored
      ? await editAgreement(db, scope.actor, { id: stored.id, expectedUpdatedAt: input.updatedAt }, parsed.value, request.ip)
      : await recordAgreement(db, scope.actor, parsed.value, request.ip);
    if (!result.ok) return conflict();
    return reply.redirect(`/registry/agreements?done=${stored ? 'updated' : 'created'}`, 303);
  };

  app.post('/registry/agreements/new', async (request, reply) => {
    const scope = registryScope(request, reply);
    if (!scope) return reply;
    return submit(request, reply, scope, null);
  });

  app.get('/registry/agreements/:id/edit', async (request, reply) => {
    const scope = registryScope(request, reply);
    if (!scope) return reply;
    const ctx = contextFor(request, reply);
    const meta = await liveRecord(db, request, scope, 'agreement');
    const snapshot = meta ? await agreementSnapshot(db, meta.id) : undefined;
    if (!meta || !snapshot) return recordNotFound(reply, ctx);
    const input = agreementInputFrom(snapshot, meta.updatedAt, await partnerLineLabeller(db, snapshot.partnerCodes));
    return sendPage(reply, AgreementFormPage({ ctx, id: meta.id, input, errors: [], refs: await formChoices(db, scope) }));
  });

  app.post('/registry/agreements/:id/edit', async (request, reply) => {
    const scope = registryScope(request, reply);
    if (!scope) return reply;
    const meta = await liveRecord(db, request, scope, 'agreement');
    if (!meta) return recordNotFound(reply, contextFor(request, reply));
    return submit(request, reply, scope, meta);
  });
}
