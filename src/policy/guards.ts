// The check each protected route makes first. Anonymous visitors are sent to sign in (and come
// back); signed-in people without the right get a 403 page; the secretariat without two-factor
// authentication is sent to set it up, since it is mandatory for them.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { can, isActive, type Action, type Actor, type PolicyObject } from './index.ts';

export class ForbiddenError extends Error {
  readonly statusCode = 403;
  constructor(readonly action: Action) {
    super(`forbidden: ${action}`);
    this.name = 'ForbiddenError';
  }
}

export function loginRedirect(request: FastifyRequest): string {
  return `/login?next=${encodeURIComponent(request.url)}`;
}

/**
 * Returns the signed-in actor allowed to do `action`, or sends the right answer and returns
 * undefined (the handler then returns `reply`).
 */
export function guard(
  request: FastifyRequest,
  reply: FastifyReply,
  action: Action,
  object?: PolicyObject,
): Extract<Actor, { kind: 'account' }> | undefined {
  const actor = request.actor;
  if (!isActive(actor)) {
    void reply.redirect(loginRedirect(request), 303);
    return undefined;
  }
  if (can(actor, action, object)) return actor;
  if (actor.role === 'secretariat' && !actor.twoFactorEnabled) {
    void reply.redirect('/member/two-factor?required=1', 303);
    return undefined;
  }
  throw new ForbiddenError(action);
}
