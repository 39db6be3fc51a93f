// Partner matching's pages. /matching (listing, filters) and /matching/:id (one entry and its
// suggested partners) are for every signed-in member. /member/matching is where a municipality's
// or ward's staff manage their own entries: the owner comes from the account, never from the form,
// and every handler re-checks the stored entry's owner against the policy
// ('local-government:edit' with { localGovernmentCode }), POSTs included. The secretariat may edit
// every entry but publishes none of its own.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatIsoDate } from '../../domain/japanese-date.ts';
import { ForbiddenError, guard } from '../../policy/guards.ts';
import { can, type Actor } from '../../policy/index.ts';
import type { FieldError } from '../../views/components/error-summary.tsx';
import { NotFoundPage } from '../../views/errors.tsx';
import { contextFor, sendPage } from '../../views/render.ts';
import type { FeatureOptions } from '../feature-options.ts';
import { publishEntry, reviseEntry } from './commands.ts';
import { emptyEntryForm, entryFormFrom, entryFormInput, parseEntryForm, parseListingFilter, type EntryFormInput } from './form.ts';
import { EntryFormPage, OwnEntriesPage } from './member-views.tsx';
import { entriesOwnedBy, entryById, governmentOf, listEntries, listingLimit } from './queries.ts';
import type { EntryRecord } from './record.ts';
import { boardCallHref, suggestionsFor, type ShownSuggestion } from './suggestions.ts';
import { EntryPage, ListingPage } from './views.tsx';

const notices: Record<string, [string, string]> = {
  created: ['掲載しました。会員の自治体と特別区に公開されています。', 'Published: members can see it now.'],
  updated: ['掲載を更新しました。', 'The entry has been updated.'],
};

type Account = Extract<Actor, { kind: 'account' }>;

export default async function matchingRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  const { db } = database;
  const today = () => formatIsoDate(new Date());

  const notFound = (request: FastifyRequest, reply: FastifyReply) => {
    const ctx = contextFor(request, reply);
    return sendPage(reply, NotFoundPage({ ctx, detail: ctx.t('該当する掲載はありません。', 'There is no such entry.') }), 404);
  };

  /** The board link for suggestions of `subjectName`, when the actor may speak for the subject. */
  const callHrefFor = (actor: Account, subject: { code: string; name: string }) =>
    can(actor, 'local-government:edit', { localGovernmentCode: subject.code }) ? (s: ShownSuggestion) => boardCallHref(app.siteUrl, subject.name, s) : undefined;

  /** The actor's own municipality or ward, when they may publish for it; otherwise the answer is sent. */
  const ownGovernment = async (request: FastifyRequest, reply: FastifyReply) => {
    const actor = guard(request, reply, 'member-area:view');
    if (!actor) return undefined;
    const code = actor.localGovernmentCode;
    if (!code) throw new ForbiddenError('local-government:edit');
    if (!guard(request, reply, 'local-government:edit', { localGovernmentCode: code })) return undefined;
    const government = await governmentOf(db, code);
    if (!government) throw new ForbiddenError('local-government:edit');
    return { actor, government };
  };

  /** The stored entry, when the actor may edit it (its owner's staff, or the secretariat); else 404 or 403. */
  const editableEntry = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
    const actor = guard(request, reply, 'member-area:view');
    if (!actor) return undefined;
    const entry = await entryById(db, request.params.id);
    if (!entry) {
      await notFound(request, reply);
      return undefined;
    }
    if (!guard(request, reply, 'local-government:edit', { localGovernmentCode: entry.code })) return undefined;
    return { actor, entry };
  };

  app.get('/matching', async (request, reply) => {
    const actor = guard(request, reply, 'member-area:view');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const { input, filter, errors } = parseListingFilter(ctx, request.query);
    const entries = await listEntries(db, filter, today());
    return sendPage(reply, ListingPage({ ctx, input, errors, entries, limit: listingLimit, canPublish: actor.localGovernmentCode !== null }), errors.length > 0 ? 400 : 200);
  });

  app.get<{ Params: { id: string } }>('/matching/:id', async (request, reply) => {
    const actor = guard(request, reply, 'member-area:view');
    if (!actor) return reply;
    const entry = await entryById(db, request.params.id);
    if (!entry) return notFound(request, reply);
    const ctx = contextFor(request, reply);
    const subject = { code: entry.code, name: entry.ownerName, prefectureCode: entry.prefectureCode, entries: [entry] };
    const suggestions = entry.status === 'open' ? await suggestionsFor(db, subject, today()) : [];
    const mayEdit = can(actor, 'local-government:edit', { localGovernmentCode: entry.code });
    return sendPage(reply, EntryPage({ ctx, entry, suggestions, callHref: callHrefFor(actor, subject), editHref: mayEdit ? `/member/matching/${entry.id}/edit` : undefined }));
  });

  app.get('/member/matching', async (request, reply) => {
    const actor = guard(request, reply, 'member-area:view');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const done = (request.query as Record<string, unknown>).done;
    const n = typeof done === 'string' ? notices[done] : undefined;
    const notice = n ? ctx.tFormat(n[0], n[1]) : undefined;
    if (actor.role === 'secretariat') {
      // The secretariat sees every entry (and edits any), behind its two-factor rule.
      if (!guard(request, reply, 'admin:view')) return reply;
      return sendPage(reply, OwnEntriesPage({ ctx, ownerName: null, entries: await entriesOwnedBy(db, null), suggestions: [], notice }));
    }
    const own = await ownGovernment(request, reply);
    if (!own) return reply;
    const { government } = own;
    const entries = await entriesOwnedBy(db, government.code);
    const suggestions = await suggestionsFor(db, { ...government, entries }, today());
    return sendPage(reply, OwnEntriesPage({ ctx, ownerName: government.name, entries, suggestions, callHref: (s) => boardCallHref(app.siteUrl, government.name, s), notice }));
  });

  const formPage = (request: FastifyRequest, reply: FastifyReply, props: { ownerName: string; action: string; input: EntryFormInput; errors?: FieldError[]; editing: boolean; conflict?: boolean }, status = 200) =>
    sendPage(reply, EntryFormPage({ ctx: contextFor(request, reply), errors: [], ...props }), status);

  app.get('/member/matching/new', async (request, reply) => {
    const own = await ownGovernment(request, reply);
    if (!own) return reply;
    return formPage(request, reply, { ownerName: own.government.name, action: '/member/matching/new', input: emptyEntryForm(), editing: false });
  });

  app.post('/member/matching/new', async (request, reply) => {
    const own = await ownGovernment(request, reply);
    if (!own) return reply;
    const ctx = contextFor(request, reply);
    const input = entryFormInput(request.body);
    const parsed = parseEntryForm(ctx, input);
    if (!parsed.ok) return formPage(request, reply, { ownerName: own.government.name, action: '/member/matching/new', input, errors: parsed.errors, editing: false }, 400);
    const result = await publishEntry(db, { id: own.actor.id, ip: request.ip }, own.government, parsed.value);
    return reply.redirect(result.ok ? '/member/matching?done=created' : '/member/matching', 303);
  });

  const editAction = (entry: EntryRecord) => `/member/matching/${entry.id}/edit`;

  app.get<{ Params: { id: string } }>('/member/matching/:id/edit', async (request, reply) => {
    const found = await editableEntry(request, reply);
    if (!found) return reply;
    const { entry } = found;
    return formPage(request, reply, { ownerName: entry.ownerName, action: editAction(entry), input: entryFormFrom(entry), editing: true });
  });

  app.post<{ Params: { id: string } }>('/member/matching/:id/edit', async (request, reply) => {
    const found = await editableEntry(request, reply);
    if (!found) return reply;
    const { actor, entry } = found;
    const ctx = contextFor(request, reply);
    const input = entryFormInput(request.body);
    const parsed = parseEntryForm(ctx, input);
    const props = { ownerName: entry.ownerName, action: editAction(entry), input, editing: true };
    if (!parsed.ok) return formPage(request, reply, { ...props, errors: parsed.errors }, 400);
    if (input.updatedAt !== entry.updatedAt) return formPage(request, reply, { ...props, conflict: true }, 409);
    const result = await reviseEntry(db, { id: actor.id, ip: request.ip }, { id: entry.id, expectedUpdatedAt: input.updatedAt }, parsed.value);
    if (!result.ok) return formPage(request, reply, { ...props, conflict: true }, 409);
    return reply.redirect('/member/matching?done=updated', 303);
  });
}
