// /member/events: staff of a member municipality (or a ward) submit their own municipality's events
// and follow them (下書き → 審査待ち → 公開中 / 差し戻し). The municipality comes from the account, never
// from the form; every handler re-checks the stored event against the policy (event:edit,
// event:withdraw), POSTs included. The secretariat is sent to its own pages.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { guard } from '../../../policy/guards.ts';
import { ForbiddenError } from '../../../policy/guards.ts';
import { isActive } from '../../../policy/index.ts';
import { ErrorSummary } from '../../../views/components/error-summary.tsx';
import { SuccessNotice } from '../../../views/components/form-fields.tsx';
import { fieldId } from '../../../views/components/record-fields.tsx';
import type { PageContext } from '../../../views/context.ts';
import { NotFoundPage } from '../../../views/errors.tsx';
import { Layout } from '../../../views/layout.tsx';
import { contextFor, sendPage } from '../../../views/render.ts';
import type { FeatureOptions } from '../../feature-options.ts';
import { acceptUploads, isUploadLimitError } from '../../files/index.ts';
import { decideEvent, recordEvent, reviseEvent } from '../commands.ts';
import { emptyEventForm, eventFormFrom, eventFormInput, type EventFormInput } from '../form.ts';
import { flyerOf, readEventForm } from '../form-submit.ts';
import { EventFormPage, WithdrawForm, type FormButton } from '../form-view.tsx';
import { eventAbsoluteUrl } from '../ical/write.ts';
import { EventMarks, eventDateText } from '../labels.tsx';
import { eventById, municipalityNames, withMunicipalities } from '../queries.ts';
import type { Event, EventRow } from '../record.ts';
import { eventPageData } from '../routes.ts';
import { EventPage } from '../views.tsx';
import { statusLabel } from '../vocabulary.ts';

const notices: Record<string, [string, string]> = {
  draft: ['下書きを保存しました。', 'The draft has been saved.'],
  submitted: ['事務局に審査を依頼しました。結果はメールでお知らせします。', 'Sent to the secretariat for review; you will be told the outcome by mail.'],
  withdrawn: ['イベントを取り下げました。', 'The event has been withdrawn.'],
};

function MemberEventsPage({ ctx, municipality, rows, notice }: { ctx: PageContext; municipality: string; rows: Event[]; notice?: string }): JSX.Element {
  const title = ctx.t('イベントの投稿', 'Your events');
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={[{ href: '/member', label: ctx.t('マイページ', 'My page') }, { label: title }]}>
      <h1 class="rk-heading-1">{title}</h1>
      <SuccessNotice message={notice} />
      <p safe>
        {ctx.tFormat(
          `${municipality}のイベントを投稿できます。事務局が内容を確認してから公開します。`,
          `Submit ${municipality}’s events here; the secretariat publishes them after a review.`,
        )}
      </p>
      <p class="rk-actions">
        <a class="rk-button" href="/member/events/new">
          {ctx.t('イベントを投稿する', 'Submit an event')}
        </a>
      </p>
      {rows.length === 0 ? (
        <p>{ctx.t('まだ投稿はありません。', 'Nothing submitted yet.')}</p>
      ) : (
        <div class="rk-table-wrap">
          <table class="rk-table">
            <caption class="rk-visually-hidden">{ctx.t('投稿したイベント', 'Your events')}</caption>
            <thead>
              <tr>
                <th scope="col">{ctx.t('日時', 'When')}</th>
                <th scope="col">{ctx.t('イベント名', 'Title')}</th>
                <th scope="col">{ctx.t('状態', 'Status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr>
                  <td safe>{eventDateText(ctx, e)}</td>
                  <td>
                    {['draft', 'pending', 'rejected'].includes(e.status) ? (
                      <a href={`/member/events/${e.id}/edit`} safe>
                        {e.title}
                      </a>
                    ) : e.status === 'published' ? (
                      <a href={`/events/${e.id}`} safe>
                        {e.title}
                      </a>
                    ) : (
                      <span safe>{e.title}</span>
                    )}
                    <EventMarks ctx={ctx} provenance={e.provenance} />
                  </td>
                  <td>
                    <span safe>{statusLabel(ctx, e.status)}</span>
                    {e.status === 'rejected' && e.reviewReason ? <p class="rk-hint" safe>{ctx.tFormat(`理由：${e.reviewReason}`, `Reason: ${e.reviewReason}`)}</p> : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export default async function memberEventsRoutes(app: FastifyInstance, { database, config }: FeatureOptions): Promise<void> {
  const { db } = database;
  await acceptUploads(app, { maxFiles: 1 });

  /** The signed-in member's municipality, or the right answer sent (sign in / secretariat / 403). */
  const ownMunicipality = (request: FastifyRequest, reply: FastifyReply): { code: string; actorId: string } | undefined => {
    const actor = guard(request, reply, 'member-area:view');
    if (!actor) return undefined;
    if (actor.role === 'secretariat') {
      void reply.redirect('/admin/events', 303);
      return undefined;
    }
    const code = actor.localGovernmentCode;
    if (!code) throw new ForbiddenError('event:submit');
    if (!guard(request, reply, 'event:submit', { localGovernmentCode: code })) return undefined;
    return { code, actorId: actor.id };
  };

  const notFound = (request: FastifyRequest, reply: FastifyReply) => {
    const ctx = contextFor(request, reply);
    return sendPage(reply, NotFoundPage({ ctx, detail: ctx.t('該当するイベントはありません。', 'There is no such event.') }), 404);
  };

  /** The stored event, when the actor may `action` it; otherwise 404 (unknown) or 403. */
  const storedEvent = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, action: 'event:edit' | 'event:withdraw') => {
    const event = await eventById(db, request.params.id);
    if (!event) {
      await notFound(request, reply);
      return undefined;
    }
    if (!guard(request, reply, action, { event: { ownerCode: event.ownerCode, status: event.status } })) return undefined;
    return event;
  };

  const municipalityName = async (code: string) => (await municipalityNames(db, [code])).get(code)?.name ?? code;

  app.get('/member/events', async (request, reply) => {
    const own = ownMunicipality(request, reply);
    if (!own) return reply;
    const ctx = contextFor(request, reply);
    const rows = await db.selectFrom('events').selectAll().where('owner_code', '=', own.code).orderBy('updated_at', 'desc').limit(200).execute();
    const done = (request.query as Record<string, unknown>).done;
    const n = typeof done === 'string' ? notices[done] : undefined;
    return sendPage(reply, MemberEventsPage({ ctx, municipality: await municipalityName(own.code), rows: await withMunicipalities(db, rows as EventRow[]), notice: n ? ctx.tFormat(n[0], n[1]) : undefined }));
  });

  const buttons = (ctx: PageContext): FormButton[] => [
    { name: 'intent', value: 'submit', label: ctx.t('事務局に審査を依頼する', 'Send for review') },
    { name: 'intent', value: 'draft', label: ctx.t('下書きとして保存する', 'Save as a draft'), secondary: true },
  ];

  const formPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    own: { code: string },
    props: { event?: Event; input: EventFormInput; errors?: { field: string; message: string }[]; conflict?: boolean },
    status = 200,
  ) => {
    const ctx = contextFor(request, reply);
    const title = props.event ? ctx.t('投稿したイベントの編集', 'Edit your event') : ctx.t('イベントの投稿', 'Submit an event');
    const id = props.event?.id;
    return sendPage(
      reply,
      EventFormPage({
        ctx,
        title,
        action: id ? `/member/events/${id}/edit` : '/member/events/new',
        input: props.input,
        errors: props.errors ?? [],
        buttons: buttons(ctx),
        breadcrumbs: [{ href: '/member', label: ctx.t('マイページ', 'My page') }, { href: '/member/events', label: ctx.t('イベントの投稿', 'Your events') }, { label: title }],
        fixedMunicipality: { code: own.code, name: await municipalityName(own.code) },
        flyer: await flyerOf(db, props.input.flyerFileId),
        returnedReason: props.event?.status === 'rejected' ? props.event.reviewReason : undefined,
        conflict: props.conflict ? ctx.t('あなたが編集している間に、このイベントが更新されました。', 'This event changed while you were editing it.') : undefined,
        conflictHref: id ? `/member/events/${id}/edit` : undefined,
        after: id ? <WithdrawForm ctx={ctx} action={`/member/events/${id}/withdraw`} updatedAt={props.input.updatedAt} /> : undefined,
      }),
      status,
    );
  };

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (!isUploadLimitError(error) || request.method !== 'POST' || !isActive(request.actor) || !request.actor.localGovernmentCode) throw error;
    const ctx = contextFor(request, reply);
    const code = request.actor.localGovernmentCode;
    return formPage(request, reply, { code }, { input: emptyEventForm(code), errors: [{ field: fieldId('flyer'), message: ctx.t('チラシのファイルが大きすぎます（10MBまで）。もう一度入力してください。', 'The flyer is too large (10 MB at most). Please fill in the form again.') }] }, 413);
  });

  app.get('/member/events/new', async (request, reply) => {
    const own = ownMunicipality(request, reply);
    if (!own) return reply;
    return formPage(request, reply, own, { input: emptyEventForm(`${own.code} ${await municipalityName(own.code)}`) });
  });

  app.post('/member/events/new', async (request, reply) => {
    const own = ownMunicipality(request, reply);
    if (!own) return reply;
    const ctx = contextFor(request, reply);
    const { input, parsed } = await readEventForm(ctx, db, request, { fixedCode: own.code, uploadedBy: own.actorId });
    if (!parsed.ok) return formPage(request, reply, own, { input, errors: parsed.errors }, 400);
    const intent = (request.body as Record<string, unknown>).intent === 'draft' ? 'draft' : 'pending';
    await recordEvent(db, { id: own.actorId, ip: request.ip }, parsed.value, { status: intent, provenance: 'member', ownerCode: own.code });
    return reply.redirect(`/member/events?done=${intent === 'draft' ? 'draft' : 'submitted'}`, 303);
  });

  app.get<{ Params: { id: string } }>('/member/events/:id/edit', async (request, reply) => {
    const own = ownMunicipality(request, reply);
    if (!own) return reply;
    const event = await storedEvent(request, reply, 'event:edit');
    if (!event) return reply;
    return formPage(request, reply, own, { event, input: eventFormFrom(event) });
  });

  app.post<{ Params: { id: string } }>('/member/events/:id/edit', async (request, reply) => {
    const own = ownMunicipality(request, reply);
    if (!own) return reply;
    const event = await storedEvent(request, reply, 'event:edit');
    if (!event) return reply;
    const ctx = contextFor(request, reply);
    const { input, parsed } = await readEventForm(ctx, db, request, { fixedCode: own.code, uploadedBy: own.actorId });
    if (!parsed.ok) return formPage(request, reply, own, { event, input, errors: parsed.errors }, 400);
    if (input.updatedAt !== event.updatedAt) return formPage(request, reply, own, { event, input, conflict: true }, 409);
    const intent = (request.body as Record<string, unknown>).intent === 'draft' ? 'draft' : 'pending';
    const result = await reviseEvent(db, { id: own.actorId, ip: request.ip }, { id: event.id, expectedUpdatedAt: input.updatedAt }, parsed.value, intent);
    if (!result.ok) return formPage(request, reply, own, { event, input, conflict: true }, 409);
    return reply.redirect(`/member/events?done=${intent === 'draft' ? 'draft' : 'submitted'}`, 303);
  });

  app.post<{ Params: { id: string } }>('/member/events/:id/withdraw', async (request, reply) => {
    const own = ownMunicipality(request, reply);
    if (!own) return reply;
    const event = await storedEvent(request, reply, 'event:withdraw');
    if (!event) return reply;
    const body = eventFormInput(request.body);
    const result = await decideEvent(db, { id: own.actorId, ip: request.ip }, { id: event.id, expectedUpdatedAt: body.updatedAt }, { kind: 'withdraw' });
    if (!result.ok) {
      const ctx = contextFor(request, reply);
      return sendPage(
        reply,
        MemberConflictPage({ ctx }),
        409,
      );
    }
    return reply.redirect('/member/events?done=withdrawn', 303);
  });

  app.get<{ Params: { id: string } }>('/member/events/:id/preview', async (request, reply) => {
    const own = ownMunicipality(request, reply);
    if (!own) return reply;
    const event = await eventById(db, request.params.id);
    if (!event || event.ownerCode !== own.code) return notFound(request, reply);
    const ctx = contextFor(request, reply);
    return sendPage(reply, EventPage({ ctx, event, ...(await eventPageData(db, event)), absoluteUrl: eventAbsoluteUrl(config.publicUrl, event.id), preview: event.status !== 'published' }));
  });
}

function MemberConflictPage({ ctx }: { ctx: PageContext }): JSX.Element {
  const title = ctx.t('イベントの取り下げ', 'Withdraw the event');
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={[{ href: '/member', label: ctx.t('マイページ', 'My page') }, { href: '/member/events', label: ctx.t('イベントの投稿', 'Your events') }, { label: title }]}>
      <h1 class="rk-heading-1">{title}</h1>
      <ErrorSummary ctx={ctx} errors={[{ field: 'main', message: ctx.t('このイベントはほかの人が先に更新しました。一覧から開き直してください。', 'Someone changed this event first; open it again from the list.') }]} />
      <p>
        <a href="/member/events">{ctx.t('投稿したイベントの一覧へ', 'Back to your events')}</a>
      </p>
    </Layout>
  );
}
