// Builds the Fastify application: core plugins first, then each feature by name. server.ts only
// listens; tests build the same app and talk to it through inject() or a listening socket.
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import type { AppConfig } from './config.ts';
import { securityHeaders } from './security/headers.ts';
import { recordAggregatedAudit, recordAudit } from './db/audit.ts';
import type { DatabaseHandle } from './db/index.ts';
import type { JobHandlers } from './db/jobs.ts';
import type { FeatureOptions } from './features/feature-options.ts';
import { findSession, sessionCookieName } from './db/sessions.ts';
import { sealStoredTotpSecrets } from './db/two-factor.ts';
import { databaseTrouble, retryAfterSeconds } from './db/unavailable.ts';
import { createMailer, type Mailer } from './mail/index.ts';
import { anonymous } from './policy/index.ts';
import { assetEncoding, siteAssets, type Asset } from './views/assets.ts';
import { registerPageCache } from './views/page-cache.ts';
import { acceptedEncoding, etagMatches, registerCachingHeaders, registerCompression, registerCsrfIsPersonal } from './views/transfer.ts';
import { contextFor, sendPage } from './views/render.ts';
import { ErrorPage, NotFoundPage } from './views/errors.tsx';
import adminRoutes from './features/admin/routes.ts';
import authRoutes from './features/auth/routes.ts';
import { fileRoutes } from './features/files/index.ts';
import healthRoutes from './features/health/routes.ts';
import homeRoutes from './features/home/routes.ts';
import languageRoutes from './features/language/routes.ts';
import memberRoutes from './features/member/routes.ts';
import municipalitiesRoutes from './features/municipalities/routes.ts';
import newsFeature from './features/news/index.ts';
import sitePagesFeature from './features/pages/index.ts';
import registrationRoutes from './features/registration/routes.ts';
import searchRoutes from './features/search/routes.ts';
import sharingRoutes from './features/sharing/routes.ts';
import registryFeature from './features/registry/index.ts';
import eventsFeature from './features/events/index.ts';
import prFeature from './features/pr/index.ts';
import notificationsFeature from './features/notifications/index.ts';
import matchingFeature from './features/matching/index.ts';
import boardFeature from './features/board/index.ts';

export interface AppDependencies {
  config: AppConfig;
  database: DatabaseHandle;
  /** Defaults to the mailer configured by SMTP_URL / MAIL_DIR. */
  mailer?: Mailer;
}

export interface RouteEntry {
  method: string;
  url: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
    /** Every feature's job handlers, for the worker and for tests that run a pass of it. */
    jobHandlers: JobHandlers;
  }
  interface FastifyContextConfig {
    /**
     * A POST that carries no CSRF token on purpose, named for why: 'signed-link' = the URL holds
     * an HMAC only the server can make (the unsubscribe link of notification mail, posted by mail
     * clients without cookies, RFC 8058). Nothing else may use it.
     */
    csrfExempt?: 'signed-link';
  }
}


export async function buildApp({ config, database, mailer: givenMailer }: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    requestTimeout: 60_000,
    connectionTimeout: 65_000,
    keepAliveTimeout: 10_000,
    bodyLimit: 1_048_576,
    // A hop count becomes proxy-addr's trust function (the number is not in Fastify's types).
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
    ajv: { customOptions: { removeAdditional: 'all' } },
    // Requests Node's parser rejects (e.g. raw non-ASCII in the URL) still get a short HTML answer.
    clientErrorHandler: (_error, socket) => {
      if (!socket.writable) return socket.destroy();
      const body = '<!doctype html><html lang="ja"><meta charset="utf-8"><title>400 Bad Request</title><p>リクエストの形式が正しくありません。/ Bad request.</p></html>';
      socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    },
  });

  // TOTP secrets still stored in plaintext (before encryption, or by the seed) are sealed now:
  // the migration cannot, it has no key (src/db/migrations/2026-12-07T1100_totp_secret_sealed.ts).
  // During a key rotation (TOTP_ENCRYPTION_KEY_PREVIOUS) the secrets sealed with a previous key are
  // sealed again with the current one; until then sign-in opens them with the previous key.
  const sealing = await sealStoredTotpSecrets(database.db, config.totpEncryptionKey, config.totpPreviousKeys);
  if (sealing.sealed + sealing.resealed > 0) app.log.info(sealing, 'TOTP secrets sealed with the current TOTP_ENCRYPTION_KEY');
  if (sealing.unreadable > 0) {
    // Those accounts cannot complete two-factor sign-in until the key that sealed them is given.
    app.log.error(sealing, 'TOTP secrets sealed with a key that is neither TOTP_ENCRYPTION_KEY nor in TOTP_ENCRYPTION_KEY_PREVIOUS');
  }

  // Every route, for the authorisation test that walks each route × role.
  const routeTable: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeTable.push({ method, url: route.url });
  });
  app.decorate('routeTable', routeTable);
  app.decorate('siteUrl', config.publicUrl);

  // The security headers are the same for every response, so they are computed once and set in
  // one hook. (@fastify/helmet computed them per request and cost a third of the top page's
  // throughput in `npm run bench`.)
  const headers = securityHeaders(config);
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(headers);
  });
  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifyFormbody);
  const csrfCookie = config.secureCookies ? '__Host-renkei_csrf' : 'renkei_csrf';
  await app.register(fastifyCsrf, {
    cookieKey: csrfCookie,
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: config.secureCookies, signed: true },
    getToken: (request) => (request.body as Record<string, unknown> | undefined)?._csrf as string | undefined,
  });
  registerAssets(app);
  registerSessionHook(app, config, database);
  // On the way out, in this order: Cache-Control and ETag (304), the page cache keeps the page with
  // them, then compression (a kept page's encodings are made once, with it). See src/views/transfer.ts.
  const sessionCookie = sessionCookieName(config.secureCookies);
  registerCsrfIsPersonal(app);
  registerCachingHeaders(app, { sessionCookie });
  // After the session hook: it serves anonymous visitors, and members on the routes that opt in.
  registerPageCache(app, database.db, { sessionCookie, csrfCookie });
  registerCompression(app);
  // Every state change is a POST from one of our forms and must carry its CSRF token.
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return done();
    if (request.routeOptions.config.csrfExempt === 'signed-link') return done();
    app.csrfProtection(request, reply, done);
  });
  const mailer = givenMailer ?? createMailer(config.mail, (message) => app.log.info(message));
  app.addHook('onClose', async () => mailer.close());

  app.setNotFoundHandler(async (request, reply) => sendPage(reply, NotFoundPage({ ctx: contextFor(request, reply) }), 404));
  app.setErrorHandler<Error & { statusCode?: number; code?: string }>(async (error, request, reply) => {
    // The database down, restarting, locked or full: a 503 the visitor (and a proxy) may retry.
    const trouble = databaseTrouble(error);
    if (trouble) {
      request.log.error({ err: error, url: request.url }, `database ${trouble}`);
      reply.header('retry-after', String(retryAfterSeconds)).header('cache-control', 'no-store');
      return sendPage(reply, ErrorPage({ ctx: contextFor(request, reply), status: 503, reason: trouble }), 503);
    }
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error, url: request.url }, 'request failed');
    else request.log.info({ err: error.message, url: request.url }, 'client error');
    const reason = error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET' ? 'csrf' : undefined;
    if (status === 403) {
      const actorId = request.actor?.kind === 'account' ? request.actor.id : null;
      const event = { actorAccountId: actorId, action: 'authz.denied', targetType: 'route', targetId: request.url.slice(0, 64), ip: request.ip, detail: { method: request.method, reason: error.code ?? error.message } } as const;
      // Anyone can send POSTs without a token: those are counted per IP, not written one by one.
      const write = reason === 'csrf' ? recordAggregatedAudit(database.db, request.ip, event) : recordAudit(database.db, event);
      await write.catch(() => {});
    }
    return sendPage(reply, ErrorPage({ ctx: contextFor(request, reply), status, reason }), status);
  });

  const jobHandlers: FeatureOptions['jobHandlers'] = {};
  app.decorate('jobHandlers', jobHandlers);
  const features: FeatureOptions = { config, database, mailer, jobHandlers };
  await app.register(healthRoutes, features);
  await app.register(fileRoutes, features);
  await app.register(languageRoutes, features);
  await app.register(homeRoutes, features);
  await app.register(sitePagesFeature, features);
  await app.register(sharingRoutes, features);
  await app.register(searchRoutes, features);
  await app.register(municipalitiesRoutes, features);
  await app.register(authRoutes, features);
  await app.register(registrationRoutes, features);
  await app.register(memberRoutes, features);
  await app.register(adminRoutes, features);
  await app.register(registryFeature, features);
  await app.register(newsFeature, features);
  await app.register(eventsFeature, features);
  await app.register(prFeature, features);
  await app.register(notificationsFeature, features);
  await app.register(matchingFeature, features);
  await app.register(boardFeature, features);
  return app;
}

/** Trusts the `hops` addresses nearest to the app (the proxies), never the client's own claims. */
function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}

/**
 * Who is asking: the session cookie's account, when the session is live and the account active.
 * Everything else is the anonymous actor. Static assets and /healthz skip the lookup.
 */
function registerSessionHook(app: FastifyInstance, config: AppConfig, database: DatabaseHandle): void {
  const cookieName = sessionCookieName(config.secureCookies);
  app.decorateRequest('actor', null as never);
  app.addHook('onRequest', async (request) => {
    request.actor = anonymous;
    const token = request.cookies[cookieName];
    if (!token || request.url.startsWith('/assets/') || request.url === '/healthz') return;
    const loaded = await findSession(database.db, token);
    if (!loaded || loaded.session.stage !== 'authenticated' || loaded.account.status !== 'active') return;
    const a = loaded.account;
    request.actor = {
      kind: 'account',
      id: a.id,
      email: a.email,
      role: a.role,
      status: a.status,
      localGovernmentCode: a.local_government_code,
      displayName: a.display_name,
      twoFactorEnabled: a.totp_enabled_at !== null,
      sessionIdHash: loaded.session.id_hash,
      viewRevision: a.view_revision,
    };
  });
}

/**
 * Our stylesheet, icon and the Digital Agency design tokens, served from this origin only, from
 * memory (src/views/assets.ts). Under its content-hashed name an asset is immutable for a year; under
 * its plain name (old pages, bookmarks) it is kept for five minutes, then revalidated by its ETag.
 */
function registerAssets(app: FastifyInstance): void {
  const byUrlName = new Map<string, { asset: Asset; cacheControl: string }>();
  for (const asset of siteAssets.values()) {
    byUrlName.set(asset.name, { asset, cacheControl: 'public, max-age=300' });
    byUrlName.set(asset.hashedName, { asset, cacheControl: 'public, max-age=31536000, immutable' });
  }
  app.get<{ Params: { '*': string } }>('/assets/*', async (request, reply) => {
    const found = byUrlName.get(request.params['*']);
    if (!found) return reply.callNotFound();
    const { asset, cacheControl } = found;
    reply.type(asset.contentType).header('cache-control', cacheControl).header('etag', asset.etag);
    if (asset.compressible) reply.header('vary', 'Accept-Encoding');
    if (etagMatches(request.headers['if-none-match'], asset.etag)) {
      reply.removeHeader('content-type');
      return reply.code(304).send();
    }
    const encoding = asset.compressible && request.method !== 'HEAD' ? acceptedEncoding(request.headers['accept-encoding']) : undefined;
    if (!encoding) return reply.send(asset.bytes);
    return reply.header('content-encoding', encoding).send(assetEncoding(asset, encoding));
  });
}
