// Whole responses kept for anonymous visitors, for the public pages whose bytes depend only on the
// URL, the language, the day in Japan and one data topic (e.g. the registry). A route opts in with
// `config: { cachedBy: 'registry' }`. An entry is kept with the topic's revision
// (src/db/revisions.ts), read when the request comes in, and served only while that revision is
// still current: a write on any instance raises the revision in its own transaction, so a cached
// page is never older than the last committed write. Never used for signed-in visitors (their
// header names them) nor for a response that sets a cookie; bounded in entries and bytes.
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { readRevision, type RevisionTopic } from '../db/revisions.ts';
import type { Database } from '../db/schema.ts';
import { languageCookie, parseLang } from './context.ts';

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
  /** The body compressed, made on the first hit that accepts it (then served as is). */
  encoded: Partial<Record<Encoding, Buffer>>;
}

type Encoding = 'br' | 'gzip';

/** The best encoding the client accepts: br, then gzip; one refused with q=0 is not offered. */
function acceptedEncoding(header: string | undefined): Encoding | undefined {
  if (!header) return undefined;
  let gzip = false;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    if (params.some((p) => /^q=0(\.0*)?$/.test(p))) continue;
    if (name === 'br') return 'br';
    if (name === 'gzip') gzip = true;
  }
  return gzip ? 'gzip' : undefined;
}

function encode(body: Buffer, encoding: Encoding): Buffer {
  // Quality 5 / level 6: most of the gain for a few milliseconds, paid once per cached page.
  return encoding === 'br'
    ? brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzipSync(body, { level: 6 });
}

/** Kept headers: what the page itself says about its bytes. Security headers are set on every response anyway. */
const KEPT_HEADERS = ['content-type', 'content-disposition', 'cache-control', 'vary', 'access-control-allow-origin'];

export interface PageCacheOptions {
  maxEntries?: number;
  maxBytes?: number;
  /** Larger responses (e.g. a whole export) are not kept. */
  maxEntryBytes?: number;
}

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
/** Smaller bodies are sent as they are: compressing them saves less than it costs. */
const MIN_COMPRESSED_BYTES = 1024;

export function registerPageCache(app: FastifyInstance, db: Kysely<Database>, options: PageCacheOptions = {}): void {
  const maxEntries = options.maxEntries ?? 2_000;
  const maxBytes = options.maxBytes ?? 48 * 1024 * 1024;
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
    bytes -= entry.body.length + (entry.encoded.br?.length ?? 0) + (entry.encoded.gzip?.length ?? 0);
    entries.delete(key);
  };

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const topic = request.routeOptions.config?.cachedBy;
    if (!topic || request.method !== 'GET' || request.actor?.kind !== 'anonymous') return;
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
      const encoding = hit.body.length >= MIN_COMPRESSED_BYTES ? acceptedEncoding(request.headers['accept-encoding']) : undefined;
      if (!encoding) return reply.send(hit.body);
      let encoded = hit.encoded[encoding];
      if (!encoded) {
        encoded = encode(hit.body, encoding);
        hit.encoded[encoding] = encoded;
        bytes += encoded.length;
      }
      return reply.header('content-encoding', encoding).send(encoded);
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
    if (!wanted || reply.statusCode !== 200 || reply.hasHeader('set-cookie')) return payload;
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
    headers['vary'] = headers['vary'] ? `${headers['vary']}, Accept-Encoding` : 'Accept-Encoding';
    entries.set(wanted.key, { revision: wanted.revision, body, headers, encoded: {} });
    bytes += body.length;
    for (const [oldest] of entries) {
      if (entries.size <= maxEntries && bytes <= maxBytes) break;
      forget(oldest);
    }
    return body;
  });
}
