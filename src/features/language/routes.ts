// The interface language switch. A plain link (works without JavaScript); the choice is a
// preference cookie, not a security state, and the redirect stays on this site.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { FeatureOptions } from '../feature-options.ts';
import { languageCookie, safeLocalPath } from '../../views/context.ts';

const params = z.object({ lang: z.enum(['ja', 'en']) });

export default async function languageRoutes(app: FastifyInstance, { config }: FeatureOptions): Promise<void> {
  app.get('/lang/:lang', async (request, reply) => {
    const parsed = params.safeParse(request.params);
    if (!parsed.success) return reply.callNotFound();
    const next = safeLocalPath((request.query as Record<string, unknown>).next);
    reply.setCookie(languageCookie, parsed.data.lang, {
      path: '/',
      sameSite: 'lax',
      httpOnly: true,
      secure: config.secureCookies,
      maxAge: 60 * 60 * 24 * 365,
    });
    return reply.redirect(next, 303);
  });
}
