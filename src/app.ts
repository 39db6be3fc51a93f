// Builds the Fastify application: core plugins first, then each feature by name. server.ts only
// listens; tests build the same app and talk to it through inject() or a listening socket.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import type { AppConfig } from './config.ts';
import { securityHeaders } from './security-headers.ts';
import type { DatabaseHandle } from './db/index.ts';
import { contextFor, sendPage } from './views/render.ts';
import { ErrorPage, NotFoundPage } from './views/errors.tsx';
import healthRoutes from './features/health/routes.ts';
import homeRoutes from './features/home/routes.ts';
import languageRoutes from './features/language/routes.ts';
import municipalitiesRoutes from './features/municipalities/routes.ts';
import pagesRoutes from './features/pages/routes.ts';

export interface AppDependencies {
  config: AppConfig;
  database: DatabaseHandle;
}

/** Options every feature plugin receives: explicit dependencies, no decorators. */
export interface FeatureOptions {
  config: AppConfig;
  database: DatabaseHandle;
}

export async function buildApp({ config, database }: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    requestTimeout: 60_000,
    connectionTimeout: 65_000,
    keepAliveTimeout: 10_000,
    bodyLimit: 1_048_576,
    trustProxy: config.env === 'production',
    routerOptions: { ignoreTrailingSlash: true },
    ajv: { customOptions: { removeAdditional: 'all' } },
    // Requests Node's parser rejects (e.g. raw non-ASCII in the URL) still get a short HTML answer.
    clientErrorHandler: (_error, socket) => {
      if (!socket.writable) return socket.destroy();
      const body = '<!doctype html><html lang="ja"><meta charset="utf-8"><title>400 Bad Request</title><p>リクエストの形式が正しくありません。/ Bad request.</p></html>';
      socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    },
  });

  // The security headers are the same for every response, so they are computed once and set in
  // one hook. (@fastify/helmet computed them per request and cost a third of the top page's
  // throughput in `npm run bench`.)
  const headers = securityHeaders(config);
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(headers);
  });
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  await registerAssets(app);

  app.setNotFoundHandler(async (request, reply) => sendPage(reply, NotFoundPage({ ctx: contextFor(request) }), 404));
  app.setErrorHandler<Error & { statusCode?: number }>(async (error, request, reply) => {
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error, url: request.url }, 'request failed');
    else request.log.info({ err: error.message, url: request.url }, 'client error');
    return sendPage(reply, ErrorPage({ ctx: contextFor(request), status }), status);
  });

  const features: FeatureOptions = { config, database };
  await app.register(healthRoutes, features);
  await app.register(languageRoutes, features);
  await app.register(homeRoutes, features);
  await app.register(pagesRoutes, features);
  await app.register(municipalitiesRoutes, features);
  return app;
}

/** Our stylesheet and the Digital Agency design tokens, served from this origin only. */
async function registerAssets(app: FastifyInstance): Promise<void> {
  const require = createRequire(import.meta.url);
  const tokensCss = readFileSync(require.resolve('@digital-go-jp/design-tokens/dist/tokens.css'));
  const maxAge = 'public, max-age=86400';
  app.get('/assets/tokens.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', maxAge).send(tokensCss),
  );
  await app.register(fastifyStatic, {
    root: fileURLToPath(new URL('./assets/', import.meta.url)),
    prefix: '/assets/',
    cacheControl: false,
    setHeaders: (res) => {
      res.header('cache-control', maxAge);
    },
  });
}
