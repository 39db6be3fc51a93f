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
  | 'registry:manage';

export type PolicyObject = { localGovernmentCode: string } | { wardCode: string } | undefined;

const secretariatActions: ReadonlySet<Action> = new Set([
  'admin:view',
  'accounts:approve',
  'accounts:manage',
  'mail-domains:manage',
  'audit-log:view',
  'registry:manage',
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
