// What every response gets on its way out, whatever route made it: the caching headers (a public,
// revalidated copy with an ETag for anonymous visitors, `no-store` for anything personal) and
// compression (brotli or gzip, as the client accepts). Nothing here is opted into per route: a new
// page gets both by default, and a route that sets its own Cache-Control keeps it.
//
// The order of the hooks in app.ts: registerCachingHeaders (decides Cache-Control, sets the ETag,
// answers 304), then the page cache (keeps the page with those headers), then registerCompression
// (encodes the body; a kept page's encodings are made once and kept with it).
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants as zlibConstants, gzip, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export type Encoding = 'br' | 'gzip';

/** Smaller bodies are sent as they are: compressing them saves less than it costs. */
export const MIN_COMPRESSED_BYTES = 1024;

/** What anonymous public responses say: any cache may keep them, but must ask again (ETag) before each use. */
export const PUBLIC_REVALIDATE = 'public, max-age=0, must-revalidate';

/** Text types worth compressing; images, XLSX, ZIP and PDF are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(json|[a-z.+-]*\+json|javascript|xml|[a-z.+-]*\+xml)|image\/svg\+xml)/i;

export function isCompressible(contentType: unknown): boolean {
  return typeof contentType === 'string' && COMPRESSIBLE.test(contentType);
}

/** The best encoding the client accepts: br, then gzip; one refused with q=0 is not offered. */
export function acceptedEncoding(header: string | string[] | undefined): Encoding | undefined {
  if (Array.isArray(header)) header = header.join(',');
  if (!header) return undefined;
  let gzipOk = false;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    if (params.some((p) => /^q=0(\.0*)?$/.test(p))) continue;
    if (name === 'br') return 'br';
    if (name === 'gzip' || name === 'x-gzip') gzipOk = true;
  }
  return gzipOk ? 'gzip' : undefined;
}

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Brotli quality 5 / gzip level 6: most of the gain for about 2 ms on a 70 KB page. Brotli's window
 * is fitted to the body (brotli's default is 4 MB, whose buffers a page of 100 KB never uses): the
 * output is the same size, and the encoder's memory, freed after each call but not always given back
 * to the system, is a fraction.
 */
function options(encoding: Encoding, size: number, quality: number) {
  return encoding === 'br'
    ? { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: quality, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: size, [zlibConstants.BROTLI_PARAM_LGWIN]: brotliWindowBits(size) } }
    : { level: Math.min(quality + 1, 9) };
}

/** The smallest window brotli allows (2^10 … 2^24 bytes, less 16) that holds the whole body. */
function brotliWindowBits(size: number): number {
  let bits = zlibConstants.BROTLI_MIN_WINDOW_BITS;
  while (bits < zlibConstants.BROTLI_MAX_WINDOW_BITS && (1 << bits) - 16 < size) bits++;
  return bits;
}

/** Synchronous, for bytes encoded once and kept (a kept page's first encoded hit, the assets at start). */
export function encodeSync(body: Buffer, encoding: Encoding, quality = 5): Buffer {
  return ownBytes(encoding === 'br' ? brotliCompressSync(body, options('br', body.length, quality)) : gzipSync(body, options('gzip', body.length, quality)));
}

/** Off the event loop (libuv's thread pool), for a response made for one request. */
export async function encodeAsync(body: Buffer, encoding: Encoding, quality = 5): Promise<Buffer> {
  return ownBytes(await (encoding === 'br' ? brotliAsync(body, options('br', body.length, quality)) : gzipAsync(body, options('gzip', body.length, quality))));
}

/**
 * zlib hands back its output as a view of its 16 KB work buffer: a kept 3 KB page held on to the
 * whole 16 KB, unseen by the page cache's byte count (measured: about 60 MB of an instance's memory
 * after the bench). A copy of exactly the encoded bytes lets the work buffer go.
 */
function ownBytes(encoded: Buffer): Buffer {
  if (encoded.buffer.byteLength <= encoded.length + 1024) return encoded;
  const copy = Buffer.allocUnsafeSlow(encoded.length);
  encoded.copy(copy);
  return copy;
}

/** A weak validator from the bytes (weak: the same for every encoding of them). */
export function etagOf(body: Buffer | string): string {
  return `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

/** If-None-Match against our ETag, by weak comparison (RFC 9110 §13.1.2). */
export function etagMatches(header: string | string[] | undefined, etag: string): boolean {
  if (Array.isArray(header)) header = header.join(',');
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === opaque);
}

// Replies whose page holds something made for this visitor (a CSRF token): never shared, never 304.
const personal = new WeakSet<FastifyReply>();

/** Marks the response as made for this visitor only (e.g. it holds a CSRF token): `no-store`. */
export function markPersonal(reply: FastifyReply): void {
  personal.add(reply);
}

/**
 * Makes every CSRF token mark its response personal, however it is made (ctx.csrfToken() or a
 * direct reply.generateCsrf()): @fastify/csrf-protection's reply decorator is wrapped once, on the
 * prototype that holds it, at the first request.
 */
export function registerCsrfIsPersonal(app: FastifyInstance): void {
  let wrapped = false;
  app.addHook('onRequest', (_request, reply, done) => {
    if (!wrapped) {
      wrapped = true;
      let owner: object | null = reply;
      while (owner && !Object.prototype.hasOwnProperty.call(owner, 'generateCsrf')) owner = Object.getPrototypeOf(owner);
      if (owner) {
        const holder = owner as { generateCsrf: (this: FastifyReply, ...args: unknown[]) => unknown };
        const generate = holder.generateCsrf;
        holder.generateCsrf = function (this: FastifyReply, ...args: unknown[]) {
          personal.add(this);
          return generate.apply(this, args);
        };
      }
    }
    done();
  });
}

export function isPersonal(reply: FastifyReply): boolean {
  return personal.has(reply);
}

function addVary(reply: FastifyReply, name: string): void {
  const current = reply.getHeader('vary');
  if (current === undefined || current === '') {
    reply.header('vary', name);
    return;
  }
  const list = String(current);
  if (list.split(',').some((v) => v.trim().toLowerCase() === name.toLowerCase() || v.trim() === '*')) return;
  reply.header('vary', `${list}, ${name}`);
}

/**
 * Cache-Control and ETag for every response that sets no Cache-Control of its own:
 * - a 200 answer to a GET/HEAD from an anonymous visitor (no session cookie at all), which sets
 *   no cookie and holds no CSRF token, is public: `public, max-age=0, must-revalidate`, an ETag of
 *   its bytes, `Vary: Cookie` (the language is a cookie), and `304` when the client already has it;
 * - everything else (signed-in pages, forms, errors, redirects) is `no-store`, with no ETag.
 * A route's own Cache-Control is kept; an anonymous response that allows caching gets an ETag too.
 */
export function registerCachingHeaders(app: FastifyInstance, { sessionCookie }: { sessionCookie: string }): void {
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (reply.hasHeader('etag')) return payload; // a kept page, sent with its headers
    const own = reply.getHeader('cache-control');
    const shareable =
      (request.method === 'GET' || request.method === 'HEAD') &&
      reply.statusCode === 200 &&
      request.actor?.kind === 'anonymous' &&
      request.cookies?.[sessionCookie] === undefined &&
      !reply.hasHeader('set-cookie') &&
      !personal.has(reply) &&
      (typeof payload === 'string' || Buffer.isBuffer(payload));
    if (!shareable) {
      if (own === undefined) reply.header('cache-control', 'no-store');
      return payload;
    }
    if (own === undefined) reply.header('cache-control', PUBLIC_REVALIDATE);
    else if (/no-store|private/i.test(String(own))) return payload;
    addVary(reply, 'Cookie');
    const etag = etagOf(payload as string | Buffer);
    reply.header('etag', etag);
    if (!etagMatches(request.headers['if-none-match'], etag)) return payload;
    reply.code(304);
    reply.removeHeader('content-type');
    reply.removeHeader('content-length');
    return null;
  });
}

/** Encodings kept with a body (by the page cache), made once and served to every later request. */
export interface KeptEncodings {
  encoded: Partial<Record<Encoding, Buffer>>;
  /** Told the size of each encoding added, to account for it. */
  added(bytes: number): void;
  /** Brotli answers served from `encoded` so far. */
  brotliServed?: number;
}

const kept = new WeakMap<FastifyReply, KeptEncodings>();

/** The response's body is kept (by the page cache): its encodings are made once and kept too. */
export function keepEncodings(reply: FastifyReply, encodings: KeptEncodings): void {
  kept.set(reply, encodings);
}

/** A kept body's brotli copy is improved to the best quality once it has been served this often. */
const BUSY_PAGE_HITS = 50;

/** The kept body in the encoding asked for, made now (quality 5) if it is the first time. */
export function keptEncoding(body: Buffer, encodings: KeptEncodings, encoding: Encoding): Buffer {
  const have = encodings.encoded[encoding];
  if (have) {
    if (encoding === 'br' && (encodings.brotliServed = (encodings.brotliServed ?? 0) + 1) === BUSY_PAGE_HITS) improveLater(body, encodings, have);
    return have;
  }
  const made = encodeSync(body, encoding);
  encodings.encoded[encoding] = made;
  encodings.added(made.length);
  return made;
}

// Brotli's best quality (11) costs about 0.2 s for a 70 KB page and makes it about 10 % smaller
// than quality 5: worth it for a busy page, once per revision, in the thread pool, one at a time,
// never on a request's path; not for every page kept (after a write, each would cost it again).
let improving: Promise<unknown> = Promise.resolve();
let waiting = 0;

/** Resolves when the improvements asked for so far are done (for tests). */
export function improvementsDone(): Promise<unknown> {
  return improving;
}
function improveLater(body: Buffer, encodings: KeptEncodings, first: Buffer): void {
  if (waiting >= 20) return;
  waiting++;
  improving = improving
    .then(async () => {
      const best = await encodeAsync(body, 'br', 11);
      if (encodings.encoded.br === first && best.length < first.length) {
        encodings.encoded.br = best;
        encodings.added(best.length - first.length);
      }
    })
    .catch(() => {})
    .finally(() => waiting--);
}

/**
 * Brotli or gzip, as the request accepts, for text bodies of 1 KB or more that carry no encoding
 * yet. `Vary: Accept-Encoding` on every response that could have been encoded.
 */
export function registerCompression(app: FastifyInstance): void {
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (reply.hasHeader('content-encoding') || !isCompressible(reply.getHeader('content-type'))) return payload;
    const size = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
    if (size < MIN_COMPRESSED_BYTES) return payload;
    addVary(reply, 'Accept-Encoding');
    const encoding = acceptedEncoding(request.headers['accept-encoding']);
    if (!encoding || request.method === 'HEAD') return payload;
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    const keptWith = kept.get(reply);
    const encoded = keptWith ? keptEncoding(body, keptWith, encoding) : await encodeAsync(body, encoding);
    reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    return encoded;
  });
}
