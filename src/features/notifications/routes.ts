// Routes of notifications: the member's inbox and mail settings (signed in, CSRF-protected like
// every form), and the unsubscribe link of every notification mail (no sign-in: the link's HMAC
// is the proof, see unsubscribe-token.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FeatureOptions } from '../feature-options.ts';
import { guard } from '../../policy/guards.ts';
import { contextFor, sendPage } from '../../views/render.ts';
import { markAllRead, markRead, savePreferences, unsubscribe } from './commands.ts';
import { parseNotificationId, parsePage, parseSettings } from './form.ts';
import { inboxPage, preferencesOf } from './queries.ts';
import { verifyUnsubscribeToken } from './unsubscribe-token.ts';
import { InboxPage, SettingsPage, UnsubscribeConfirmPage, UnsubscribeDonePage, UnsubscribeInvalidPage } from './views.tsx';

function doneFlag(request: FastifyRequest): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.done;
  return typeof value === 'string' ? value : undefined;
}

export default async function notificationRoutes(app: FastifyInstance, { config, database }: FeatureOptions): Promise<void> {
  const { db } = database;

  // --- Inbox -----------------------------------------------------------------------------------

  app.get('/member/notifications', async (request, reply) => {
    const actor = guard(request, reply, 'member-area:view');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const page = parsePage(request.query);
    const inbox = await inboxPage(db, actor.id, page);
    if (page > inbox.pages) return reply.callNotFound();
    const done = doneFlag(request);
    return sendPage(reply, InboxPage({ ctx, ...inbox, page, done: done === 'read' || done === 'all-read' ? done : undefined }));
  });

  app.post('/member/notifications/read', async (request, reply) => {
    const actor = guard(request, reply, 'member-area:view');
    if (!actor) return reply;
    const id = parseNotificationId(request.body);
    // Only the member's own: another member's id is "not found", whatever it is.
    if (!id || !(await markRead(db, actor.id, id))) {
      const ctx = contextFor(request, reply);
      const inbox = await inboxPage(db, actor.id, 1);
      const message = ctx.t('指定された通知は見つかりませんでした。取り消された可能性があります。', 'That notification was not found. It may have been withdrawn.');
      return sendPage(reply, InboxPage({ ctx, ...inbox, page: 1, errors: [{ field: 'notifications-list', message }] }), 400);
    }
    return reply.redirect('/member/notifications?done=read', 303);
  });

  app.post('/member/notifications/read-all', async (request, reply) => {
    const actor = guard(request, reply, 'member-area:view');
    if (!actor) return reply;
    await markAllRead(db, actor.id);
    return reply.redirect('/member/notifications?done=all-read', 303);
  });

  // --- Mail settings ---------------------------------------------------------------------------

  app.get('/member/notifications/settings', async (request, reply) => {
    const actor = guard(request, reply, 'member-area:view');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const values = await preferencesOf(db, actor.id);
    return sendPage(reply, SettingsPage({ ctx, values, errors: [], done: doneFlag(request) === '1' }));
  });

  app.post('/member/notifications/settings', async (request, reply) => {
    const actor = guard(request, reply, 'member-area:view');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const parsed = parseSettings(ctx, request.body);
    if (!parsed.ok) return sendPage(reply, SettingsPage({ ctx, values: parsed.input, errors: parsed.errors, done: false }), 400);
    await savePreferences(db, actor.id, parsed.value, request.ip);
    return reply.redirect('/member/notifications/settings?done=1', 303);
  });

  // --- Unsubscribe from a mail, without signing in ---------------------------------------------

  const unsubscribePage = async (reply: FastifyReply, page: JSX.Element, status = 200) => {
    // The address carries a credential: not kept by caches, not indexed.
    reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
    return sendPage(reply, page, status);
  };

  app.get<{ Params: { token: string } }>('/unsubscribe/:token', async (request, reply) => {
    const ctx = contextFor(request, reply);
    const claim = verifyUnsubscribeToken(config.sessionSecret, request.params.token);
    if (!claim) return unsubscribePage(reply, UnsubscribeInvalidPage({ ctx }), 400);
    return unsubscribePage(reply, UnsubscribeConfirmPage({ ctx, token: request.params.token, scope: claim.scope }));
  });

  // No CSRF token here, deliberately (csrfExempt): the person has no session to tie one to — the
  // link comes from a mail, and RFC 8058 one-click unsubscribe is a POST by the mail provider with
  // no cookies at all. The HMAC in the address is the proof instead: only the server can make it,
  // and only the recipient's mailbox holds it. A cross-site form could only send a token its
  // author already has, and the only effect is turning that recipient's mail off.
  app.post<{ Params: { token: string } }>('/unsubscribe/:token', { config: { csrfExempt: 'signed-link' } }, async (request, reply) => {
    const ctx = contextFor(request, reply);
    const claim = verifyUnsubscribeToken(config.sessionSecret, request.params.token);
    if (!claim || !(await unsubscribe(db, claim.accountId, claim.scope, request.ip))) return unsubscribePage(reply, UnsubscribeInvalidPage({ ctx }), 400);
    return unsubscribePage(reply, UnsubscribeDonePage({ ctx, scope: claim.scope }));
  });
}
