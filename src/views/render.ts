// Turning a page view into an HTTP response.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createPageContext, languageCookie, parseLang, type PageContext } from './context.ts';

export function contextFor(request: FastifyRequest, reply: FastifyReply): PageContext {
  const actor = request.actor;
  const viewer = actor?.kind === 'account' ? { displayName: actor.displayName, role: actor.role } : null;
  let token: string | undefined;
  const csrfToken = () => {
    token ??= reply.generateCsrf();
    return token;
  };
  return createPageContext(parseLang(request.cookies[languageCookie]), request.url, viewer, csrfToken);
}

export async function sendPage(reply: FastifyReply, page: JSX.Element, status = 200): Promise<FastifyReply> {
  const html = await page;
  return reply.code(status).type('text/html; charset=utf-8').header('vary', 'Cookie').header('cache-control', 'no-store').send(html);
}
