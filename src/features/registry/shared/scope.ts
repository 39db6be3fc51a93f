// Who may use the registry edit pages, and which records: the secretariat (registry:manage) every
// record; a ward officer (ward-records:edit) the records whose wards include their own ward.
// The rules themselves live in src/policy; this file only applies them to a record's wards.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { can, isActive, type Actor } from '../../../policy/index.ts';
import { ForbiddenError, guard } from '../../../policy/guards.ts';

export type AccountActor = Extract<Actor, { kind: 'account' }>;

export interface RegistryScope {
  actor: AccountActor;
  /** The ward whose records the actor edits; null for the secretariat (every record). */
  wardCode: string | null;
}

/**
 * The actor allowed on the registry edit pages, or undefined when the answer (sign-in redirect,
 * two-factor set-up) has been sent; members and ward staff without a ward get a 403.
 */
export function registryScope(request: FastifyRequest, reply: FastifyReply): RegistryScope | undefined {
  const asking = request.actor;
  if (isActive(asking) && asking.role === 'secretariat') {
    const actor = guard(request, reply, 'registry:manage');
    return actor ? { actor, wardCode: null } : undefined;
  }
  const wardCode = isActive(asking) ? (asking.localGovernmentCode ?? '') : '';
  const actor = guard(request, reply, 'ward-records:edit', { wardCode });
  return actor ? { actor, wardCode } : undefined;
}

/** May the actor write a record with these wards? (A record without wards: the secretariat only.) */
export function mayEdit(scope: RegistryScope, wardCodes: readonly string[]): boolean {
  if (can(scope.actor, 'registry:manage')) return true;
  return wardCodes.some((wardCode) => can(scope.actor, 'ward-records:edit', { wardCode }));
}

/** Throws the 403 (written to the audit log as authz.denied) unless mayEdit. */
export function assertMayEdit(scope: RegistryScope, wardCodes: readonly string[]): void {
  if (!mayEdit(scope, wardCodes)) throw new ForbiddenError('ward-records:edit');
}

/** 23区共同 (joint) projects belong to all wards: only the secretariat writes them. */
export function assertMaySetJoint(scope: RegistryScope): void {
  if (!can(scope.actor, 'registry:manage')) throw new ForbiddenError('registry:manage');
}

/**
 * The wards a stored record has, against the wards it would be saved with: every ward added or
 * removed must be one whose membership the actor may change (policy 'ward-membership:change':
 * a ward officer only their own ward, the secretariat any). Throws the 403 otherwise.
 */
export function assertMayChangeWards(scope: RegistryScope, stored: readonly string[], next: readonly string[]): void {
  const before = new Set(stored);
  const after = new Set(next);
  const changed = [...next.filter((w) => !before.has(w)), ...stored.filter((w) => !after.has(w))];
  for (const wardCode of changed) {
    if (!can(scope.actor, 'ward-membership:change', { wardCode })) throw new ForbiddenError('ward-membership:change');
  }
}
