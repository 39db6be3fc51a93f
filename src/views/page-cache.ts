// Whole responses kept in memory, for pages whose bytes depend only on the URL, the language, the
// day in Japan and a few data topics (e.g. the registry). A route opts in with
// `config: { cachedBy: 'registry' }`. An entry is kept with the topics' revisions
// (src/db/revisions.ts), read when the request comes in, and served only while they are still
// current: a write on any instance raises the revision in its own transaction, so a kept page is
// never older than the last committed write. Bounded in entries and bytes. A kept page keeps its
// ETag (answered with 304) and its compressed bytes (src/views/transfer.ts): a busy page is
// compressed once per revision, not once per request.
//
// Two kinds of entries:
// - **shared**, for anonymous visitors: never for a request with a session cookie, nor a response
//   that sets a cookie or holds a CSRF token.
// - **per session**, for signed-in members, where the route also says `keptPerSession: true` (the
//   board's reading pages): kept under the session's id and CSRF cookie, and valid while the topics'
//   revisions and the account's view revision (raised by the member's own reads, visits and watches,
//   and read with the session on every request) are unchanged. The page's CSRF token stays valid
//   with the same CSRF cookie; a response that sets one (the browser had none) is not kept. A route
//   whose page is right only until a moment (the board's 30-minute visit) says so with keepUntil.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { readRevision, type RevisionTopic } from '../db/revisions.ts';
import type { Database } from '../db/schema.ts';
import { languageCookie, parseLang } from './context.ts';
import { acceptedEncoding, etagMatches, isCompressible, isPersonal, keepEncodings, keptEncoding, MIN_COMPRESSED_BYTES, type KeptEncodings } from './transfer.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The data topic(s) the page is made from: anonymous responses are cached while their revisions hold. */
    cachedBy?: RevisionTopic | readonly RevisionTopic[];
    /**
     * Also kept for each signed-in member's session. Only for pages made from the `cachedBy` topics
     * and the member's own state that raises the account's view revision (bumpViewRevision), and
     * whose GET changes nothing else (a request served from the cache never reaches the handler).
     */
    keptPerSession?: boolean;
  }
}

interface Entry {
  /** The topics' revisions the page was made at, joined (and the member's state, for a session's page). */
  revision: string;
  /** Epoch ms after which the page is wrong whatever the revisions say (keepUntil). */
  expiresAt?: number;
  body: Buffer;
  headers: Record<string, string>;
  /** The body compressed, made on the first request that accepts it (then served as is). */
  encodings: KeptEncodings;
}

/** Kept headers: what the page itself says about its bytes. Security headers are set on every response anyway. */
const KEPT_HEADERS = ['content-type', 'content-disposition', 'cache-control', 'vary', 'etag', 'access-control-allow-origin'];

export interface PageCacheOptions {
  maxEntries?: number;
  maxBytes?: number;
  /** Larger responses (e.g. a whole export) are not kept. */
  maxEntryBytes?: number;
  /** The session cookie's name: an anonymous request carrying one is never served from the shared pages. */
  sessionCookie?: string;
  /** The CSRF secret's cookie: a session's kept page holds a token made with it. */
  csrfCookie?: string;
  /** The bytes all sessions' pages may hold together (apart from the shared pages'). */
  maxSessionBytes?: number;
}

const keptUntil = new WeakMap<FastifyReply, number>();

/** The page being made is right only until `at` (epoch ms): a kept copy is not served after it. */
export function keepUntil(reply: FastifyReply, at: number): void {
  const current = keptUntil.get(reply);
  keptUntil.set(reply, current === undefined ? at : Math.min(current, at));
}

/** Kept pages, most recently used last, bounded in entries and bytes. */
class KeptPages {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  /** The entry, marked as just used. */
  use(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  forget(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.body.length + (entry.encodings.encoded.br?.length ?? 0) + (entry.encodings.encoded.gzip?.length ?? 0);
    this.entries.delete(key);
  }

  /** Keeps the entry (its encodings, made later, count as they are added), dropping the oldest beyond the bounds. */
  keep(key: string, entry: Omit<Entry, 'encodings'>): Entry {
    this.forget(key);
    const kept: Entry = {
      ...entry,
      encodings: {
        encoded: {},
        added: (size) => {
          if (this.entries.get(key) === kept) this.bytes += size;
        },
      },
    };
    this.entries.set(key, kept);
    this.bytes += kept.body.length;
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.forget(oldest);
    }
    return kept;
  }
}

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

export function registerPageCache(app: FastifyInstance, db: Kysely<Database>, options: PageCacheOptions = {}): void {
  // 16 MB: the busy pages (a few hundred) fit many times over; more held an instance above its memory budget.
  const shared = new KeptPages(options.maxEntries ?? 2_000, options.maxBytes ?? 16 * 1024 * 1024);
  // 8 MB: about a hundred board pages (a thread page is about 70 KB, and 10 KB in brotli).
  const perSession = new KeptPages(options.maxEntries ?? 2_000, options.maxSessionBytes ?? 8 * 1024 * 1024);
  const maxEntryBytes = options.maxEntryBytes ?? 1024 * 1024;
  const pending = new WeakMap<FastifyRequest, { pages: KeptPages; key: string; revision: string }>();
  // A page is kept from its second request on: a URL asked once (one of thousands of filter
  // combinations) would only push out pages that are asked again and again, and cost a copy.
  const askedOnce = new Set<string>();
  const MAX_ASKED_ONCE = 20_000;

  /** Where the request's page is kept, and what besides the topics it is made from; undefined: not kept. */
  const placeOf = (request: FastifyRequest): { pages: KeptPages; scope: string; state: string } | undefined => {
    const actor = request.actor;
    if (actor?.kind === 'anonymous') {
      // Someone with a session cookie (e.g. halfway through signing in) gets pages made for them.
      if (options.sessionCookie && request.cookies[options.sessionCookie] !== undefined) return undefined;
      return { pages: shared, scope: 'public', state: '' };
    }
    if (actor?.kind !== 'account' || !request.routeOptions.config?.keptPerSession || !options.csrfCookie) return undefined;
    // Without a CSRF cookie the page sets one (and is not kept); the token in a kept page is good
    // with exactly this cookie, so it is part of the key.
    const csrf = request.cookies[options.csrfCookie];
    if (!csrf) return undefined;
    return {
      pages: perSession,
      scope: `${actor.sessionIdHash}\n${csrf}`,
      // The member's own state, and what the page's header and rights are made from.
      state: `|${actor.viewRevision}|${actor.role}|${actor.status}|${actor.localGovernmentCode ?? ''}|${actor.displayName}`,
    };
  };

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const topic = request.routeOptions.config?.cachedBy;
    if (!topic || request.method !== 'GET') return;
    const place = placeOf(request);
    if (!place) return;
    // The day in Japan is part of the key: pages say what is in force "today".
    const day = Math.floor((Date.now() + JST_OFFSET_MS) / 86_400_000);
    const topics = typeof topic === 'string' ? [topic] : topic;
    const key = `${place.scope}\n${topics.join(',')}\n${parseLang(request.cookies[languageCookie])}\n${day}\n${request.url}`;
    const revisions = topics.length === 1 ? String(await readRevision(db, topics[0]!)) : (await Promise.all(topics.map((t) => readRevision(db, t)))).join('.');
    const revision = revisions + place.state;
    const { pages } = place;
    const hit = pages.use(key);
    if (hit && hit.revision === revision && (hit.expiresAt === undefined || Date.now() < hit.expiresAt)) {
      reply.headers(hit.headers).header('x-page-cache', 'hit');
      if (hit.headers.etag && etagMatches(request.headers['if-none-match'], hit.headers.etag)) {
        reply.removeHeader('content-type');
        return reply.code(304).send();
      }
      const encoding = hit.headers.vary?.includes('Accept-Encoding') ? acceptedEncoding(request.headers['accept-encoding']) : undefined;
      if (!encoding) return reply.send(hit.body);
      return reply.header('content-encoding', encoding).send(keptEncoding(hit.body, hit.encodings, encoding));
    }
    if (hit) pages.forget(key);
    else if (!askedOnce.has(key)) {
      if (askedOnce.size >= MAX_ASKED_ONCE) askedOnce.clear();
      askedOnce.add(key);
      return;
    }
    pending.set(request, { pages, key, revision });
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const wanted = pending.get(request);
    if (!wanted || reply.statusCode !== 200 || reply.hasHeader('set-cookie')) return payload;
    // A shared page never holds anything made for one visitor; a session's page may (its CSRF token).
    if (wanted.pages === shared && isPersonal(reply)) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
    if (body.length > maxEntryBytes) return payload;
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    // Whatever the encoding it is later sent in, the page varies with what the client accepts.
    if (body.length >= MIN_COMPRESSED_BYTES && isCompressible(headers['content-type'])) {
      headers['vary'] = headers['vary'] ? `${headers['vary']}, Accept-Encoding` : 'Accept-Encoding';
    }
    const entry = wanted.pages.keep(wanted.key, { revision: wanted.revision, expiresAt: keptUntil.get(reply), body, headers });
    // The compression hook that runs next encodes this body once, into the entry.
    keepEncodings(reply, entry.encodings);
    return body;
  });
}
