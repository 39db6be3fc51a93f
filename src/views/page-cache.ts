// Whole responses kept for anonymous visitors, for the public pages whose bytes depend only on the
// URL, the language, the day in Japan and one data topic (e.g. the registry). A route opts in with
// `config: { cachedBy: 'registry' }`. An entry is kept with the topic's revision
// (src/db/revisions.ts), read when the request comes in, and served only while that revision is
// still current: a write on any instance raises the revision in its own transaction, so a cached
// page is never older than the last committed write. Never used for signed-in visitors (their
// header names them) nor for a response that sets a cookie or holds a CSRF token; bounded in entries
// and bytes. A kept page keeps its ETag (answered with 304) and its compressed bytes
// (src/views/transfer.ts): a busy page is compressed once per revision, not once per request.
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
  }
}

interface Entry {
  /** The topics' revisions the page was made at, joined. */
  revision: string;
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
  /** The session cookie's name: a request carrying one is never served from the cache. */
  sessionCookie?: string;
}

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

export function registerPageCache(app: FastifyInstance, db: Kysely<Database>, options: PageCacheOptions = {}): void {
  const maxEntries = options.maxEntries ?? 2_000;
  // 16 MB: the busy pages (a few hundred) fit many times over; more held an instance above its memory budget.
  const maxBytes = options.maxBytes ?? 16 * 1024 * 1024;
  const maxEntryBytes = options.maxEntryBytes ?? 1024 * 1024;
  const entries = new Map<string, Entry>();
  let bytes = 0;
  const pending = new WeakMap<FastifyRequest, { key: string; revision: string }>();
  // A page is kept from its second request on: a URL asked once (one of thousands of filter
  // combinations) would only push out pages that are asked again and again, and cost a copy.
  const askedOnce = new Set<string>();
  const MAX_ASKED_ONCE = 20_000;

  const forget = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.body.length + (entry.encodings.encoded.br?.length ?? 0) + (entry.encodings.encoded.gzip?.length ?? 0);
    entries.delete(key);
  };

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const topic = request.routeOptions.config?.cachedBy;
    if (!topic || request.method !== 'GET' || request.actor?.kind !== 'anonymous') return;
    // Someone with a session cookie (e.g. halfway through signing in) gets pages made for them.
    if (options.sessionCookie && request.cookies[options.sessionCookie] !== undefined) return;
    // The day in Japan is part of the key: pages say what is in force "today".
    const day = Math.floor((Date.now() + JST_OFFSET_MS) / 86_400_000);
    const topics = typeof topic === 'string' ? [topic] : topic;
    const key = `${topics.join(',')}\n${parseLang(request.cookies[languageCookie])}\n${day}\n${request.url}`;
    const revision = topics.length === 1 ? String(await readRevision(db, topics[0]!)) : (await Promise.all(topics.map((t) => readRevision(db, t)))).join('.');
    const hit = entries.get(key);
    if (hit && hit.revision === revision) {
      // Most recently used last, so the oldest is dropped first when the cache is full.
      entries.delete(key);
      entries.set(key, hit);
      reply.headers(hit.headers).header('x-page-cache', 'hit');
      if (hit.headers.etag && etagMatches(request.headers['if-none-match'], hit.headers.etag)) {
        reply.removeHeader('content-type');
        return reply.code(304).send();
      }
      const encoding = hit.headers.vary?.includes('Accept-Encoding') ? acceptedEncoding(request.headers['accept-encoding']) : undefined;
      if (!encoding) return reply.send(hit.body);
      return reply.header('content-encoding', encoding).send(keptEncoding(hit.body, hit.encodings, encoding));
    }
    if (hit) forget(key);
    else if (!askedOnce.has(key)) {
      if (askedOnce.size >= MAX_ASKED_ONCE) askedOnce.clear();
      askedOnce.add(key);
      return;
    }
    pending.set(request, { key, revision });
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const wanted = pending.get(request);
    if (!wanted || reply.statusCode !== 200 || reply.hasHeader('set-cookie') || isPersonal(reply)) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
    if (body.length > maxEntryBytes) return payload;
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    forget(wanted.key);
    // Whatever the encoding it is later sent in, the page varies with what the client accepts.
    if (body.length >= MIN_COMPRESSED_BYTES && isCompressible(headers['content-type'])) {
      headers['vary'] = headers['vary'] ? `${headers['vary']}, Accept-Encoding` : 'Accept-Encoding';
    }
    const entry: Entry = {
      revision: wanted.revision,
      body,
      headers,
      encodings: {
        encoded: {},
        added: (size) => {
          if (entries.get(wanted.key) === entry) bytes += size;
        },
      },
    };
    entries.set(wanted.key, entry);
    bytes += body.length;
    // The compression hook that runs next encodes this body once, into the entry.
    keepEncodings(reply, entry.encodings);
    for (const [oldest] of entries) {
      if (entries.size <= maxEntries && bytes <= maxBytes) break;
      forget(oldest);
    }
    return body;
  });
}
