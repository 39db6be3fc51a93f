// Setting and clearing the session cookie: HttpOnly, SameSite=Lax, Secure and `__Host-` prefixed
// when the site is served over HTTPS. The cookie lives as long as the session's absolute limit.
import type { FastifyReply } from 'fastify';
import { sessionCookieName, sessionLimits } from '../db/sessions.ts';

export function setSessionCookie(reply: FastifyReply, secure: boolean, token: string, maxAgeMs: number = sessionLimits.absoluteMs): void {
  reply.setCookie(sessionCookieName(secure), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(sessionCookieName(secure), { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
