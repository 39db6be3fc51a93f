// Turning a page view into an HTTP response.
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createPageContext, languageCookie, parseLang, type PageContext } from './context.ts';
import { markPersonal } from './transfer.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** PUBLIC_URL without a trailing slash (set by buildApp). */
    siteUrl: string;
  }
}

export function contextFor(request: FastifyRequest, reply: FastifyReply): PageContext {
  const actor = request.actor;
  const viewer = actor?.kind === 'account' ? { displayName: actor.displayName, role: actor.role } : null;
  let token: string | undefined;
  const csrfToken = () => {
    // A page holding a token is this visitor's own: never shared, never kept, never a 304.
    markPersonal(reply);
    token ??= reply.generateCsrf();
    return token;
  };
  return createPageContext(parseLang(request.cookies[languageCookie]), request.url, viewer, csrfToken, request.server.siteUrl);
}

// Markers are private-use characters around a random word of this process: no stored text can
// contain one by chance or on purpose.
const markerWord = randomBytes(12).toString('hex');
let markerCount = 0;

/**
 * A piece of a page rendered and encoded once (e.g. a section that depends only on data kept in
 * memory) and reused by many pages. The page holds its `marker` where the piece goes; sendPage,
 * given the piece, sends its bytes there. A page of 70 KB made mostly of such pieces is then
 * neither joined into one string nor encoded again on every request.
 */
export class EncodedPiece {
  readonly bytes: Buffer;
  readonly marker: JSX.Element;

  constructor(html: JSX.Element) {
    if (typeof html !== 'string') throw new TypeError('an encoded piece is rendered synchronously');
    this.bytes = Buffer.from(html, 'utf8');
    this.marker = `\uE000${markerWord}:${++markerCount}\uE000`;
  }
}

/**
 * Sends a page. Its Cache-Control is set on the way out (src/views/transfer.ts): public and
 * revalidated (ETag, 304) for an anonymous visitor's 200 without a form, `no-store` otherwise.
 */
export async function sendPage(reply: FastifyReply, page: JSX.Element, status = 200, pieces: readonly EncodedPiece[] = []): Promise<FastifyReply> {
  const html = await page;
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('vary', 'Cookie')
    // Bytes, not the string: the ETag's hash and the compression each encoded the string again.
    .send(pieces.length === 0 ? Buffer.from(html, 'utf8') : withPieces(html, pieces));
}

/** The page's bytes with each piece's bytes where its marker is (in the order they appear). */
function withPieces(html: string, pieces: readonly EncodedPiece[]): Buffer {
  const found = pieces
    .map((piece) => ({ piece, at: html.indexOf(piece.marker as string) }))
    .filter((p) => p.at >= 0)
    .sort((a, b) => a.at - b.at);
  const parts: Buffer[] = [];
  let from = 0;
  for (const { piece, at } of found) {
    parts.push(Buffer.from(html.slice(from, at), 'utf8'), piece.bytes);
    from = at + (piece.marker as string).length;
  }
  parts.push(Buffer.from(html.slice(from), 'utf8'));
  return Buffer.concat(parts);
}
