// /registry/<kind>: the secretariat's pages for the registry's records other than agreements and
// projects — agreement types, wide-area groups, wards, regional exchanges, company agreements,
// disasters and their support lines, joint plans, the plan/progress table, published figures and
// registered members. Every kind gets the same routes (list with deleted records, new, edit,
// delete, restore, history); groups and plan items add their own sections. Every handler starts
// with guard(… 'registry:manage'): the secretariat with two-factor authentication only.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FeatureOptions } from '../../feature-options.ts';
import { historyOf } from '../shared/history.ts';
import { guard } from '../../../policy/guards.ts';
import type { PageContext } from '../../../views/context.ts';
import type { FieldError } from '../../../views/components/error-summary.tsx';
import { NotFoundPage } from '../../../views/errors.tsx';
import { contextFor, sendPage } from '../../../views/render.ts';
import { writeRecord, type WriteOutcome, type Writer } from './commands.ts';
import { DisasterDetail, GroupDetail, PlanDetail } from './details.tsx';
import { ID_PATTERN, checkCodes, fieldNamed, formInputOf, inputOf, isReadonly, one, parseWith, problemErrors, type Db, type FormInput, type Kind, type Problem } from './kit.ts';
import { agreementTypes } from '../vocabularies/admin.ts';
import { companies } from '../companies/admin.ts';
import { disasterSupport, disasters, supportRows } from '../disasters/admin.ts';
import { figures } from '../figures/admin.ts';
import { derivedCounts, exceptionFields, exceptionSchema, exceptionsOf, groups } from '../groups/admin.ts';
import { jointPlans } from '../plans/admin-joint-plans.ts';
import { members } from '../members/admin.ts';
import { plan, progressFields, progressInput, progressOf, progressSchema, saveProgress, yearsOf } from '../plans/admin-plan-items.ts';
import { regions } from '../exchanges/admin.ts';
import { wards } from '../wards/admin.ts';
import { FormPage, HistoryPage, ListPage, isNoticeKey, type MenuEntry, type NoticeKey } from './views.tsx';

/** Every kind, in menu order. */
export const registryKinds: Kind[] = [agreementTypes, groups, wards, regions, companies, disasters, disasterSupport, jointPlans, plan, figures, members];

const menu: MenuEntry[] = registryKinds.map((k) => ({ slug: k.slug, title: k.title }));

/** State of a kind's extra section after a failed post (errors and what was typed). */
interface DetailState {
  errors: FieldError[];
  input: FormInput;
}

export default async function registryMasterRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  const db: Db = database.db;

  const noticeOf = (request: FastifyRequest): NoticeKey | undefined => {
    const done = one(request.query, 'done');
    return isNoticeKey(done) ? done : undefined;
  };
  const idOf = (request: FastifyRequest, name = 'id'): string | undefined => {
    const id = one(request.params, name);
    return ID_PATTERN.test(id) ? id : undefined;
  };
  const notFound = (reply: FastifyReply, ctx: PageContext) =>
    sendPage(reply, NotFoundPage({ ctx, detail: ctx.t('該当する記録はありません。', 'There is no such record.') }), 404);
  const writerOf = (request: FastifyRequest, actorId: string): Writer => ({ actorAccountId: actorId, ip: request.ip });

  /** The extra section of an edit page, for the kinds that have one. */
  async function detailOf(kind: Kind, ctx: PageContext, id: string, state?: DetailState): Promise<JSX.Element | undefined> {
    if (kind === groups) {
      const group = await db.selectFrom('wide_area_groups').select('published_member_count').where('id', '=', id).executeTakeFirst();
      return GroupDetail({
        ctx,
        groupId: id,
        membership: (await derivedCounts(db, id)).get(id),
        published: group?.published_member_count ?? null,
        exceptions: await exceptionsOf(db, id),
        errors: state?.errors ?? [],
        input: state?.input ?? { change: 'remove' },
      });
    }
    if (kind === disasters) return DisasterDetail({ ctx, disasterId: id, lines: await supportRows(db, id) });
    if (kind === plan) {
      const item = await db.selectFrom('plan_items').select(['period_from_fy', 'period_to_fy']).where('id', '=', id).executeTakeFirst();
      if (!item) return undefined;
      const years = yearsOf(item.period_from_fy, item.period_to_fy);
      return PlanDetail({ ctx, itemId: id, years, input: state?.input ?? progressInput(years, await progressOf(db, id)), errors: state?.errors ?? [] });
    }
    return undefined;
  }

  interface EditOptions {
    input?: FormInput;
    errors?: FieldError[];
    detailState?: DetailState;
    notice?: NoticeKey;
    status?: number;
  }

  /** The edit page of a record, fresh or with errors. */
  async function editPage(reply: FastifyReply, ctx: PageContext, kind: Kind, id: string, options: EditOptions = {}) {
    const snapshot = await kind.snapshot(db, id);
    if (!snapshot) return notFound(reply, ctx);
    const stored = formInputOf(kind, snapshot);
    const input = options.input ? { ...options.input, ...readonlyValues(kind, stored) } : stored;
    const errors = [...(options.errors ?? []), ...(options.detailState?.errors ?? [])];
    return sendPage(
      reply,
      FormPage({
        ctx,
        menu,
        kind,
        mode: 'edit',
        id,
        name: kind.nameOf(snapshot),
        input,
        errors,
        choices: kind.choices ? await kind.choices(db) : {},
        deleted: kind.isDeleted ? await kind.isDeleted(db, id) : false,
        notice: options.notice,
        children: await detailOf(kind, ctx, id, options.detailState),
      }),
      options.status ?? 200,
    );
  }

  async function listPage(reply: FastifyReply, ctx: PageContext, kind: Kind, options: { notice?: NoticeKey; errors?: FieldError[]; status?: number } = {}) {
    const columns = kind.columnsFor ? await kind.columnsFor(db) : kind.columns;
    return sendPage(reply, ListPage({ ctx, menu, kind, columns, items: await kind.list(db, ctx), notice: options.notice, errors: options.errors }), options.status ?? 200);
  }

  /** Refused writes and vanished records, answered on the page they came from. */
  function failure(outcome: Exclude<WriteOutcome, { ok: true }>): { problem?: Problem } {
    return 'problem' in outcome ? { problem: outcome.problem } : {};
  }

  for (const kind of registryKinds) {
    const base = `/registry/${kind.slug}`;

    app.get(base, async (request, reply) => {
      if (!guard(request, reply, 'registry:manage')) return reply;
      return listPage(reply, contextFor(request, reply), kind, { notice: noticeOf(request) });
    });

    if (kind.canCreate && kind.create) {
      const create = kind.create;
      app.get(`${base}/new`, async (request, reply) => {
        if (!guard(request, reply, 'registry:manage')) return reply;
        const ctx = contextFor(request, reply);
        const query = inputOf(request.query, [{ name: 'disaster', label: { ja: '', en: '' }, type: 'text' }]);
        return sendPage(reply, FormPage({ ctx, menu, kind, mode: 'new', input: kind.blank?.(query) ?? {}, choices: kind.choices ? await kind.choices(db) : {} }));
      });

      app.post(base, async (request, reply) => {
        const actor = guard(request, reply, 'registry:manage');
        if (!actor) return reply;
        const ctx = contextFor(request, reply);
        const parsed = parseWith(ctx, kind.fields, kind.schema, request.body);
        const again = async (errors: FieldError[], status = 400) =>
          sendPage(reply, FormPage({ ctx, menu, kind, mode: 'new', input: parsed.input, errors, choices: kind.choices ? await kind.choices(db) : {} }), status);
        if (!parsed.ok) return again(parsed.errors);
        const problems = kind.check ? await kind.check(db, parsed.value, undefined) : [];
        if (problems.length > 0) return again(problemErrors(ctx, problems));
        const outcome = await writeRecord(db, kind, writerOf(request, actor.id), 'create', undefined, (trx, now) => create(trx, parsed.value, now));
        if (!outcome.ok) {
          const { problem } = failure(outcome);
          return again(problem ? problemErrors(ctx, [problem]) : [], 409);
        }
        return reply.redirect(`${base}/${encodeURIComponent(outcome.id)}?done=created`, 303);
      });
    }

    app.get(`${base}/:id`, async (request, reply) => {
      if (!guard(request, reply, 'registry:manage')) return reply;
      const ctx = contextFor(request, reply);
      const id = idOf(request);
      if (!id) return notFound(reply, ctx);
      return editPage(reply, ctx, kind, id, { notice: noticeOf(request) });
    });

    app.post(`${base}/:id`, async (request, reply) => {
      const actor = guard(request, reply, 'registry:manage');
      if (!actor) return reply;
      const ctx = contextFor(request, reply);
      const id = idOf(request);
      const snapshot = id ? await kind.snapshot(db, id) : undefined;
      if (!id || !snapshot) return notFound(reply, ctx);
      // Read-only fields are not posted: they keep their stored values.
      const body = { ...(request.body as Record<string, unknown>), ...readonlyValues(kind, formInputOf(kind, snapshot)) };
      const parsed = parseWith(ctx, kind.fields, kind.schema, body);
      if (!parsed.ok) return editPage(reply, ctx, kind, id, { input: parsed.input, errors: parsed.errors, status: 400 });
      const problems = kind.check ? await kind.check(db, parsed.value, id) : [];
      if (problems.length > 0) return editPage(reply, ctx, kind, id, { input: parsed.input, errors: problemErrors(ctx, problems), status: 400 });
      const outcome = await writeRecord(db, kind, writerOf(request, actor.id), 'update', id, (trx, now) => kind.update(trx, id, parsed.value, now));
      if (!outcome.ok) {
        const { problem } = failure(outcome);
        if (!problem) return notFound(reply, ctx);
        return editPage(reply, ctx, kind, id, { input: parsed.input, errors: problemErrors(ctx, [problem]), status: 409 });
      }
      return reply.redirect(`${base}/${encodeURIComponent(id)}?done=${outcome.changed ? 'updated' : 'unchanged'}`, 303);
    });

    if (kind.canDelete && kind.remove && kind.restore) {
      const remove = kind.remove;
      const restore = kind.restore;
      app.post(`${base}/:id/delete`, async (request, reply) => {
        const actor = guard(request, reply, 'registry:manage');
        if (!actor) return reply;
        const ctx = contextFor(request, reply);
        const id = idOf(request);
        if (!id) return notFound(reply, ctx);
        const outcome = await writeRecord(db, kind, writerOf(request, actor.id), 'delete', id, (trx, now) => remove(trx, id, now));
        if (!outcome.ok) {
          const { problem } = failure(outcome);
          if (!problem) return notFound(reply, ctx);
          return editPage(reply, ctx, kind, id, { errors: problemErrors(ctx, [problem]), status: 409 });
        }
        return reply.redirect(`${base}?done=deleted`, 303);
      });

      app.post(`${base}/:id/restore`, async (request, reply) => {
        const actor = guard(request, reply, 'registry:manage');
        if (!actor) return reply;
        const ctx = contextFor(request, reply);
        const id = idOf(request);
        // A record that never existed (no row, no history) is not "already restored": 404.
        if (!id || (!(await kind.snapshot(db, id)) && (await historyOf(db, kind.entity, id)).length === 0)) return notFound(reply, ctx);
        const outcome = await writeRecord(db, kind, writerOf(request, actor.id), 'restore', id, (trx, now) => restore(trx, id, now));
        if (!outcome.ok) {
          const { problem } = failure(outcome);
          if (!problem) return notFound(reply, ctx);
          return listPage(reply, ctx, kind, { errors: problemErrors(ctx, [problem]), status: 409 });
        }
        return reply.redirect(`${base}/${encodeURIComponent(id)}?done=restored`, 303);
      });
    }

    app.get(`${base}/:id/history`, async (request, reply) => {
      if (!guard(request, reply, 'registry:manage')) return reply;
      const ctx = contextFor(request, reply);
      const id = idOf(request);
      if (!id) return notFound(reply, ctx);
      const changes = await historyOf(db, kind.entity, id);
      const snapshot = (await kind.snapshot(db, id)) ?? changes.find((c) => c.after)?.after ?? changes.find((c) => c.before)?.before;
      if (!snapshot) return notFound(reply, ctx);
      return sendPage(reply, HistoryPage({ ctx, menu, kind, id, name: kind.nameOf(snapshot), changes }));
    });
  }

  // -------------------------------------------------------------------------------------------
  // A group's exceptions to the member rule

  app.post('/registry/groups/:id/exceptions', async (request, reply) => {
    const actor = guard(request, reply, 'registry:manage');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const id = idOf(request);
    const group = id ? await db.selectFrom('wide_area_groups').select('id').where('id', '=', id).executeTakeFirst() : undefined;
    if (!id || !group) return notFound(reply, ctx);
    const parsed = parseWith(ctx, exceptionFields, exceptionSchema, request.body);
    const again = (errors: FieldError[], status = 400) => editPage(reply, ctx, groups, id, { detailState: { errors, input: parsed.input }, status });
    if (!parsed.ok) return again(parsed.errors);
    const { code, change, note } = parsed.value;
    const problems = await checkCodes(db, fieldNamed(exceptionFields, 'code'), [code], { municipalitiesOnly: true });
    if (problems.length > 0) return again(problemErrors(ctx, problems));
    const same = await db.selectFrom('wide_area_group_exceptions').select('id').where('group_id', '=', id).where('local_government_code', '=', code).executeTakeFirst();
    if (same) {
      return again(problemErrors(ctx, [{ field: 'code', message: { ja: 'この自治体の例外はすでに記録されています。先に取り消してください。', en: 'An exception for this municipality is already recorded; remove it first.' } }]));
    }
    const outcome = await writeRecord(db, groups, writerOf(request, actor.id), 'update', id, async (trx, now) => {
      await trx.insertInto('wide_area_group_exceptions').values({ id: randomUUID(), group_id: id, local_government_code: code, change, note, created_at: now }).execute();
    });
    if (!outcome.ok) return notFound(reply, ctx);
    return reply.redirect(`/registry/groups/${encodeURIComponent(id)}?done=exceptionAdded`, 303);
  });

  app.post('/registry/groups/:id/exceptions/:exceptionId/remove', async (request, reply) => {
    const actor = guard(request, reply, 'registry:manage');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const id = idOf(request);
    const exceptionId = idOf(request, 'exceptionId');
    const exception =
      id && exceptionId
        ? await db.selectFrom('wide_area_group_exceptions').select('id').where('id', '=', exceptionId).where('group_id', '=', id).executeTakeFirst()
        : undefined;
    if (!id || !exceptionId || !exception) return notFound(reply, ctx);
    const outcome = await writeRecord(db, groups, writerOf(request, actor.id), 'update', id, async (trx) => {
      await trx.deleteFrom('wide_area_group_exceptions').where('id', '=', exceptionId).where('group_id', '=', id).execute();
    });
    if (!outcome.ok) return notFound(reply, ctx);
    return reply.redirect(`/registry/groups/${encodeURIComponent(id)}?done=exceptionRemoved`, 303);
  });

  // -------------------------------------------------------------------------------------------
  // A plan item's cells, one per 年度 of its period

  app.post('/registry/plan/:id/progress', async (request, reply) => {
    const actor = guard(request, reply, 'registry:manage');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const id = idOf(request);
    const item = id ? await db.selectFrom('plan_items').select(['period_from_fy', 'period_to_fy']).where('id', '=', id).executeTakeFirst() : undefined;
    if (!id || !item) return notFound(reply, ctx);
    const years = yearsOf(item.period_from_fy, item.period_to_fy);
    const parsed = parseWith(ctx, progressFields(years), progressSchema(years), request.body);
    if (!parsed.ok) return editPage(reply, ctx, plan, id, { detailState: { errors: parsed.errors, input: parsed.input }, status: 400 });
    const outcome = await writeRecord(db, plan, writerOf(request, actor.id), 'update', id, (trx, now) => saveProgress(trx, id, parsed.value, now));
    if (!outcome.ok) return notFound(reply, ctx);
    return reply.redirect(`/registry/plan/${encodeURIComponent(id)}?done=${outcome.changed ? 'progressSaved' : 'unchanged'}`, 303);
  });
}

/** The stored values of a kind's read-only fields on the edit form. */
function readonlyValues(kind: Kind, stored: FormInput): FormInput {
  const out: FormInput = {};
  for (const f of kind.fields) if (isReadonly(f, 'edit') && stored[f.name] !== undefined) out[f.name] = stored[f.name]!;
  return out;
}
