// Turning a page view into an HTTP response.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createPageContext, languageCookie, parseLang, type PageContext } from './context.ts';

export function contextFor(request: FastifyRequest): PageContext {
  return createPageContext(parseLang(request.cookies[languageCookie]), request.url);
}

export async function sendPage(reply: FastifyReply, page: JSX.Element, status = 200): Promise<FastifyReply> {
  const html = await page;
  return reply.code(status).type('text/html; charset=utf-8').header('vary', 'Cookie').send(html);
}
