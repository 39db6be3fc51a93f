// /admin/events: the secretariat's back office for events. Every handler: guard ('events:manage')
// → load the stored event → parse → command → 303, or the form again with 400 (errors) or 409
// (someone saved in between). A decision on a submitted event is mailed to its submitter (the
// command enqueues the mail in its transaction, src/features/events/notify.ts).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EventStatus } from '../../../db/schema.ts';
import { guard } from '../../../policy/guards.ts';
import { fieldId } from '../../../views/components/record-fields.tsx';
import { NotFoundPage } from '../../../views/errors.tsx';
import { contextFor, sendPage } from '../../../views/render.ts';
import type { FeatureOptions } from '../../feature-options.ts';
import { acceptUploads, isUploadLimitError } from '../../files/index.ts';
import { decideEvent, recordEvent, reviseEvent } from '../commands.ts';
import { emptyEventForm, eventFormFrom, eventFormInput, type EventFormInput } from '../form.ts';
import { flyerOf, readEventForm } from '../form-submit.ts';
import { EventFormPage, WithdrawForm, type FormButton } from '../form-view.tsx';
import { eventAbsoluteUrl } from '../ical/write.ts';
import { eventById, withMunicipalities } from '../queries.ts';
import type { EventRow } from '../record.ts';
import { eventPageData } from '../routes.ts';
import { EventPage } from '../views.tsx';
import { eventStatuses } from '../vocabulary.ts';
import { adminCrumbs, AdminListPage, ReviewPage } from './views.tsx';

const pageSize = 50;

const notices: Record<string, [string, string]> = {
  created: ['イベントを登録しました。', 'The event has been added.'],
  updated: ['イベントを保存しました。', 'The event has been saved.'],
  published: ['イベントを公開しました。', 'The event has been published.'],
  returned: ['イベントを差し戻し、投稿者にメールで知らせました。', 'The event has been returned and its submitter told by mail.'],
  withdrawn: ['イベントを取り下げました（公開ページから外れました）。', 'The event has been withdrawn from the public pages.'],
  imported: ['ファイルのイベントを取り込みました。', 'The file’s events have been imported.'],
};

export default async function eventsAdminRoutes(app: FastifyInstance, { database, config }: FeatureOptions): Promise<void> {
  const { db } = database;
  // Secretariat only, checked before any body is read.
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/admin/events')) return;
    if (request.url.startsWith('/admin/events/import') || request.url.startsWith('/admin/events/feeds')) return;
    if (!guard(request, reply, 'events:manage')) return reply;
  });
  await acceptUploads(app, { maxFiles: 1 });
  const who = (request: FastifyRequest) => ({ id: request.actor.kind === 'account' ? request.actor.id : '', ip: request.ip });
  const notice = (request: FastifyRequest) => {
    const done = (request.query as Record<string, unknown>).done;
    return typeof done === 'string' && notices[done] ? notices[done] : undefined;
  };

  const notFound = (request: FastifyRequest, reply: FastifyReply) => {
    const ctx = contextFor(request, reply);
    return sendPage(reply, NotFoundPage({ ctx, detail: ctx.t('該当するイベントはありません。', 'There is no such event.') }), 404);
  };

  app.get('/admin/events', async (request, reply) => {
    const ctx = contextFor(request, reply);
    const q = request.query as Record<string, unknown>;
    const status = typeof q.status === 'string' && (eventStatuses as readonly string[]).includes(q.status) ? (q.status as EventStatus) : '';
    const page = typeof q.page === 'string' && /^[1-9][0-9]{0,5}$/.test(q.page) ? Number(q.page) : 1;
    let base = db.selectFrom('events');
    if (status) base = base.where('status', '=', status);
    const [count, rows, pending] = await Promise.all([
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
      base.selectAll().orderBy('updated_at', 'desc').orderBy('id').limit(pageSize).offset((page - 1) * pageSize).execute(),
      db.selectFrom('events').where('status', '=', 'pending').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    ]);
    const n = notice(request);
    return sendPage(
      reply,
      AdminListPage({
        ctx,
        status,
        page,
        pageSize,
        total: Number(count?.n ?? 0),
        rows: await withMunicipalities(db, rows as EventRow[]),
        pendingCount: Number(pending?.n ?? 0),
        notice: n ? ctx.tFormat(n[0], n[1]) : undefined,
      }),
    );
  });

  const buttons = (ctx: ReturnType<typeof contextFor>): FormButton[] => [
    { name: 'intent', value: 'publish', label: ctx.t('保存して公開する', 'Save and publish') },
    { name: 'intent', value: 'draft', label: ctx.t('下書きとして保存する', 'Save as a draft'), secondary: true },
  ];

  const formPage = async (request: FastifyRequest, reply: FastifyReply, props: { id?: string; status?: EventStatus; input: EventFormInput; errors?: { field: string; message: string }[]; conflict?: boolean }, status = 200) => {
    const ctx = contextFor(request, reply);
    const title = props.id ? ctx.t('イベントの編集', 'Edit the event') : ctx.t('イベントの登録', 'Add an event');
    const action = props.id ? `/admin/events/${props.id}/edit` : '/admin/events/new';
    return sendPage(
      reply,
      EventFormPage({
        ctx,
        title,
        action,
        input: props.input,
        errors: props.errors ?? [],
        buttons: buttons(ctx),
        breadcrumbs: [...adminCrumbs(ctx), { label: title }],
        flyer: await flyerOf(db, props.input.flyerFileId),
        conflict: props.conflict ? ctx.t('あなたが編集している間に、ほかの人がこのイベントを保存しました。', 'Someone saved this event while you were editing it.') : undefined,
        conflictHref: props.id ? `/admin/events/${props.id}/edit` : undefined,
        after: props.id && props.status !== 'withdrawn' ? <WithdrawForm ctx={ctx} action={`/admin/events/${props.id}/withdraw`} updatedAt={props.input.updatedAt} /> : undefined,
      }),
      status,
    );
  };

  // A file too large is refused while the body is read: the form again (its fields are lost).
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (!isUploadLimitError(error) || request.method !== 'POST') throw error;
    const ctx = contextFor(request, reply);
    const input = emptyEventForm(null);
    return formPage(request, reply, { input, errors: [{ field: fieldId('flyer'), message: ctx.t('チラシのファイルが大きすぎます（10MBまで）。もう一度入力してください。', 'The flyer is too large (10 MB at most). Please fill in the form again.') }] }, 413);
  });

  app.get('/admin/events/new', async (request, reply) => formPage(request, reply, { input: emptyEventForm(null) }));

  app.post('/admin/events/new', async (request, reply) => {
    const ctx = contextFor(request, reply);
    const { input, parsed } = await readEventForm(ctx, db, request, { fixedCode: null, uploadedBy: who(request).id });
    if (!parsed.ok) return formPage(request, reply, { input, errors: parsed.errors }, 400);
    const intent = (request.body as Record<string, unknown>).intent === 'draft' ? 'draft' : 'published';
    await recordEvent(db, who(request), parsed.value, { status: intent, provenance: 'entry', ownerCode: null });
    return reply.redirect(`/admin/events?done=${intent === 'draft' ? 'created' : 'published'}`, 303);
  });

  app.get<{ Params: { id: string } }>('/admin/events/:id/edit', async (request, reply) => {
    const event = await eventById(db, request.params.id);
    if (!event) return notFound(request, reply);
    return formPage(request, reply, { id: event.id, status: event.status, input: eventFormFrom(event) });
  });

  app.post<{ Params: { id: string } }>('/admin/events/:id/edit', async (request, reply) => {
    const event = await eventById(db, request.params.id);
    if (!event) return notFound(request, reply);
    const ctx = contextFor(request, reply);
    const { input, parsed } = await readEventForm(ctx, db, request, { fixedCode: null, uploadedBy: who(request).id });
    if (!parsed.ok) return formPage(request, reply, { id: event.id, input, errors: parsed.errors }, 400);
    if (input.updatedAt !== event.updatedAt) return formPage(request, reply, { id: event.id, input, conflict: true }, 409);
    const intent = (request.body as Record<string, unknown>).intent === 'draft' ? 'draft' : 'published';
    const result = await reviseEvent(db, who(request), { id: event.id, expectedUpdatedAt: input.updatedAt }, parsed.value, intent === event.status ? undefined : intent);
    if (!result.ok) return formPage(request, reply, { id: event.id, input, conflict: true }, 409);
    return reply.redirect(`/admin/events?done=${intent === 'published' ? 'published' : 'updated'}`, 303);
  });

  app.get<{ Params: { id: string } }>('/admin/events/:id/preview', async (request, reply) => {
    const event = await eventById(db, request.params.id);
    if (!event) return notFound(request, reply);
    const ctx = contextFor(request, reply);
    return sendPage(reply, EventPage({ ctx, event, ...(await eventPageData(db, event)), absoluteUrl: eventAbsoluteUrl(config.publicUrl, event.id), preview: event.status !== 'published' }));
  });

  const reviewPage = async (request: FastifyRequest, reply: FastifyReply, extra: { errors?: { field: string; message: string }[]; failedId?: string; reason?: string; conflict?: string } = {}, status = 200) => {
    const ctx = contextFor(request, reply);
    const rows = await db.selectFrom('events').selectAll().where('status', '=', 'pending').orderBy('updated_at').limit(200).execute();
    const n = notice(request);
    return sendPage(reply, ReviewPage({ ctx, rows: await withMunicipalities(db, rows as EventRow[]), notice: n ? ctx.tFormat(n[0], n[1]) : undefined, ...extra }), status);
  };

  app.get('/admin/events/review', (request, reply) => reviewPage(request, reply));

  const decide = (kind: 'publish' | 'return' | 'withdraw') => async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
    const event = await eventById(db, request.params.id);
    if (!event) return notFound(request, reply);
    const ctx = contextFor(request, reply);
    const body = eventFormInput(request.body);
    const reason = String((request.body as Record<string, unknown>).reason ?? '').trim();
    if (kind === 'return' && (reason === '' || reason.length > 2000)) {
      const message = reason === '' ? ctx.t('差し戻す理由を入力してください。', 'Enter the reason.') : ctx.t('理由は2000文字以内にしてください。', 'At most 2000 characters.');
      return reviewPage(request, reply, { errors: [{ field: `reason-${event.id}`, message }], failedId: event.id, reason: reason.slice(0, 2000) }, 400);
    }
    const result = await decideEvent(db, who(request), { id: event.id, expectedUpdatedAt: body.updatedAt }, kind === 'return' ? { kind, reason } : { kind });
    if (!result.ok) return reviewPage(request, reply, { conflict: ctx.t('このイベントは、ほかの人が先に更新しました。最新の内容を確認してください。', 'Someone changed this event first: check its latest version.') }, 409);
    const done = kind === 'publish' ? 'published' : kind === 'return' ? 'returned' : 'withdrawn';
    return reply.redirect(kind === 'withdraw' ? `/admin/events?done=${done}` : `/admin/events/review?done=${done}`, 303);
  };
  app.post('/admin/events/:id/publish', decide('publish'));
  app.post('/admin/events/:id/return', decide('return'));
  app.post('/admin/events/:id/withdraw', decide('withdraw'));
}
