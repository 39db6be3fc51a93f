// /registry/<kind>: the secretariat's pages for the registry's records other than agreements and
// projects — agreement types, wide-area groups, wards, regional exchanges, company agreements,
// disasters and their support lines, joint plans, the plan/progress table, published figures and
// registered members. Each kind is declared in its subject's folder (vocabularies/admin.ts,
// groups/admin.ts…); the module's index.ts lists them in menu order and passes the list here, so
// this engine never imports a subject. Every kind gets the same routes (list with deleted records,
// new, edit, delete, restore, history); a kind may add its own section (`detail`) and the routes
// of its forms (`routes`). Every handler starts with guard(… 'registry:manage'): the secretariat
// with two-factor authentication only.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FeatureOptions } from '../../feature-options.ts';
import { historyOf } from '../shared/history.ts';
import { guard } from '../../../policy/guards.ts';
import type { PageContext } from '../../../views/context.ts';
import type { FieldError } from '../../../views/components/error-summary.tsx';
import { NotFoundPage } from '../../../views/errors.tsx';
import { contextFor, sendPage } from '../../../views/render.ts';
import { writeRecord, type Writer } from './commands.ts';
import {
  ID_PATTERN,
  formInputOf,
  inputOf,
  isReadonly,
  one,
  parseWith,
  problemErrors,
  type AnyKind,
  type Db,
  type DetailState,
  type FormInput,
  type Kind,
  type KindFrame,
  type KindTools,
  type Problem,
  type WriteOutcome,
} from './kit.ts';
import { FormPage, HistoryPage, ListPage, type MenuEntry } from './views.tsx';
import { noticeOf, type NoticeKey } from '../shared/notices.ts';

export interface MasterOptions extends FeatureOptions {
  /** Every kind, in menu order (built by the module's index.ts). */
  kinds: readonly AnyKind[];
}

export default async function registryMasterRoutes(app: FastifyInstance, { database, kinds }: MasterOptions): Promise<void> {
  const db: Db = database.db;
  const menu: MenuEntry[] = kinds.map((k) => ({ slug: k.slug, title: k.title }));

  const idOf = (request: FastifyRequest, name = 'id'): string | undefined => {
    const id = one(request.params, name);
    return ID_PATTERN.test(id) ? id : undefined;
  };
  const notFound = (reply: FastifyReply, ctx: PageContext) =>
    sendPage(reply, NotFoundPage({ ctx, detail: ctx.t('該当する記録はありません。', 'There is no such record.') }), 404);
  const writerOf = (request: FastifyRequest, actorId: string): Writer => ({ actorAccountId: actorId, ip: request.ip });

  interface EditOptions {
    input?: FormInput;
    errors?: FieldError[];
    detailState?: DetailState;
    notice?: NoticeKey;
    status?: number;
  }

  /** The edit page of a record, fresh or with errors. */
  async function editPage(reply: FastifyReply, ctx: PageContext, kind: KindFrame, id: string, options: EditOptions = {}) {
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
        children: kind.detail ? await kind.detail(db, ctx, id, options.detailState) : undefined,
      }),
      options.status ?? 200,
    );
  }

  async function listPage(reply: FastifyReply, ctx: PageContext, kind: KindFrame, options: { notice?: NoticeKey; errors?: FieldError[]; status?: number } = {}) {
    const columns = kind.columnsFor ? await kind.columnsFor(db) : kind.columns;
    return sendPage(reply, ListPage({ ctx, menu, kind, columns, items: await kind.list(db, ctx), notice: options.notice, errors: options.errors }), options.status ?? 200);
  }

  /** Refused writes and vanished records, answered on the page they came from. */
  function failure(outcome: Exclude<WriteOutcome, { ok: true }>): { problem?: Problem } {
    return 'problem' in outcome ? { problem: outcome.problem } : {};
  }

  /** The routes of one kind; generic in V so that what its schema parses goes to its own writes. */
  function kindRoutes<V>(kind: Kind<V>): void {
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

    // The forms of the kind's own section (a group's exceptions, a plan item's progress).
    kind.routes?.(app, {
      db,
      idOf,
      notFound,
      editPage: (reply, ctx, id, detailState, status) => editPage(reply, ctx, kind, id, { detailState, status }),
      write: (request, actorId, id, change) => writeRecord(db, kind, writerOf(request, actorId), 'update', id, change),
    } satisfies KindTools);
  }

  for (const kind of kinds) kind.withValue(kindRoutes);
}

/** The stored values of a kind's read-only fields on the edit form. */
function readonlyValues(kind: KindFrame, stored: FormInput): FormInput {
  const out: FormInput = {};
  for (const f of kind.fields) if (isReadonly(f, 'edit') && stored[f.name] !== undefined) out[f.name] = stored[f.name]!;
  return out;
}
