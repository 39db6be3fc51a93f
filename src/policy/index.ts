// The one authorisation policy. `can` is pure: the actor and the object come in already loaded,
// and the answer depends on nothing else. Route guards (guards.ts) and views use it; no feature
// writes its own rule. The role × action table is in docs/permissions.md.
import type { AccountStatus, Role } from '../db/schema.ts';

export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'account';
      id: string;
      email: string;
      role: Role;
      status: AccountStatus;
      /** The municipality, ward or prefecture the person works for (null for the secretariat). */
      localGovernmentCode: string | null;
      displayName: string;
      twoFactorEnabled: boolean;
      /** Hash of the current session's token, to tell "this session" apart on the sessions page. */
      sessionIdHash: string;
      /** The account's view revision: pages kept for this session are good while it holds (src/views/page-cache.ts). */
      viewRevision: number;
    };

export const anonymous: Actor = { kind: 'anonymous' };

export type Action =
  /** The member area (/member): any active account. */
  | 'member-area:view'
  /** The secretariat's pages (/admin) and what they do. Two-factor authentication is mandatory. */
  | 'admin:view'
  | 'accounts:approve'
  | 'accounts:manage'
  | 'mail-domains:manage'
  | 'audit-log:view'
  /** A municipality's own records (PR page, events): object { localGovernmentCode }. */
  | 'local-government:edit'
  /** A ward's partners, agreements and projects: object { wardCode }. */
  | 'ward-records:edit'
  /**
   * Adding a ward to, or removing it from, a stored agreement or project shared by several wards:
   * object { wardCode } (the ward whose membership changes). Each ward only its own; the
   * secretariat every ward. A ward officer can thus never take another ward off a shared record.
   */
  | 'ward-membership:change'
  /**
   * The whole collaboration registry: vocabularies, wide-area groups, wards, companies, disasters,
   * plans, published figures, imports, history and restore. The secretariat only.
   */
  | 'registry:manage'
  /** News articles: write, schedule, publish, withdraw, compare and restore versions. The secretariat only. */
  | 'news:manage'
  /** The site pages (about, contact, site policy, privacy, accessibility and its test results): edit, compare and restore versions. The secretariat only. */
  | 'site-pages:manage'
  /** Every PR page: hide and show again (reason recorded), compare and restore versions. The secretariat only. */
  | 'pr:manage'
  /** Every event: create, edit, review, publish, withdraw, import, harvest feeds. The secretariat only. */
  | 'events:manage'
  /** Submit an event for a municipality: object { localGovernmentCode } (its own only). */
  | 'event:submit'
  /** Edit a stored event: object { event } — its owner while it is not yet published, or the secretariat. */
  | 'event:edit'
  /** Withdraw a stored event (it leaves the public pages): object { event } — its owner or the secretariat. */
  | 'event:withdraw'
  /** The members' board (/board): read, watch, report. Any active account. */
  | 'board:read'
  /** Start threads and reply. Any active account; object { category } for where (some are the secretariat's only). */
  | 'board:post'
  /** Edit or delete a post: object { post } — its author (while not hidden by the secretariat), or the secretariat. */
  | 'board:edit-post'
  /** Set a thread's status (募集中 / 成立 / 終了): object { thread } — its author or the secretariat. */
  | 'board:set-status'
  /** Pin, lock, hide, move, edit with a reason, categories, the review queue. The secretariat only. */
  | 'board:moderate';

/** What the board rules look at on a category, a post or a thread. */
export interface BoardCategoryObject {
  secretariatOnly: boolean;
  archived: boolean;
}
export interface BoardPostObject {
  authorId: string;
  hidden: boolean;
  deleted: boolean;
  /** The thread is locked: only the secretariat changes anything in it. */
  locked: boolean;
}
export interface BoardThreadObject {
  authorId: string;
  locked: boolean;
}

/** What the event rules look at on a stored event. */
export interface EventObject {
  /** The municipality whose event it is; null for the secretariat's own. */
  ownerCode: string | null;
  status: 'draft' | 'pending' | 'published' | 'rejected' | 'withdrawn';
}

export type PolicyObject =
  | { localGovernmentCode: string }
  | { wardCode: string }
  | { event: EventObject }
  | { category: BoardCategoryObject }
  | { post: BoardPostObject }
  | { thread: BoardThreadObject }
  | undefined;

/** Statuses in which the submitting municipality may still change its event. */
const memberEditableStatuses: ReadonlySet<EventObject['status']> = new Set(['draft', 'pending', 'rejected']);

const secretariatActions: ReadonlySet<Action> = new Set([
  'admin:view',
  'accounts:approve',
  'accounts:manage',
  'mail-domains:manage',
  'audit-log:view',
  'registry:manage',
  'news:manage',
  'site-pages:manage',
  'events:manage',
  'pr:manage',
  'board:moderate',
]);

export function isActive(actor: Actor): actor is Extract<Actor, { kind: 'account' }> {
  return actor.kind === 'account' && actor.status === 'active';
}

export function isSecretariat(actor: Actor): boolean {
  return isActive(actor) && actor.role === 'secretariat';
}

export function can(actor: Actor, action: Action, object?: PolicyObject): boolean {
  if (!isActive(actor)) return false;
  if (action === 'member-area:view') return true;
  if (secretariatActions.has(action)) return actor.role === 'secretariat' && actor.twoFactorEnabled;
  if (action === 'local-government:edit') {
    if (!object || !('localGovernmentCode' in object)) return false;
    if (actor.role === 'secretariat') return actor.twoFactorEnabled;
    return actor.localGovernmentCode === object.localGovernmentCode;
  }
  if (action === 'event:submit') {
    if (!object || !('localGovernmentCode' in object)) return false;
    if (actor.role === 'secretariat') return actor.twoFactorEnabled;
    return actor.localGovernmentCode !== null && actor.localGovernmentCode === object.localGovernmentCode;
  }
  if (action === 'event:edit' || action === 'event:withdraw') {
    if (!object || !('event' in object)) return false;
    if (actor.role === 'secretariat') return actor.twoFactorEnabled;
    const { ownerCode, status } = object.event;
    if (ownerCode === null || actor.localGovernmentCode !== ownerCode) return false;
    return action === 'event:edit' ? memberEditableStatuses.has(status) : status !== 'withdrawn';
  }
  if (action === 'board:read') return true;
  if (action === 'board:post') {
    // Without a category: may the actor post anywhere at all (the 「新しいスレッド」 button).
    if (!object) return true;
    if (!('category' in object)) return false;
    if (object.category.archived) return false;
    return !object.category.secretariatOnly || actor.role === 'secretariat';
  }
  if (action === 'board:edit-post') {
    if (!object || !('post' in object)) return false;
    if (actor.role === 'secretariat') return actor.twoFactorEnabled;
    const { authorId, hidden, deleted, locked } = object.post;
    return authorId === actor.id && !hidden && !deleted && !locked;
  }
  if (action === 'board:set-status') {
    if (!object || !('thread' in object)) return false;
    if (actor.role === 'secretariat') return actor.twoFactorEnabled;
    return object.thread.authorId === actor.id && !object.thread.locked;
  }
  if (action === 'ward-records:edit' || action === 'ward-membership:change') {
    if (!object || !('wardCode' in object)) return false;
    if (actor.role === 'secretariat') return actor.twoFactorEnabled;
    return actor.role === 'ward_staff' && actor.localGovernmentCode === object.wardCode;
  }
  return false;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking: set for every request by the session hook in app.ts. */
    actor: Actor;
  }
}
