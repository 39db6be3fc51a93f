// /files/:id/:name — a stored file. Its type is the one found from its bytes when it was stored;
// images are shown inline (they appear in articles), everything else is a download. `nosniff`
// (set for every response) stops a browser from guessing otherwise. A file never changes, so it
// may be cached for a year. Ids are random UUIDs: a file of an unpublished draft is not listed
// anywhere and cannot be guessed.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { FeatureOptions } from '../feature-options.ts';
import { NotFoundPage } from '../../views/errors.tsx';
import { contextFor, sendPage } from '../../views/render.ts';
import { loadFileContent } from './store.ts';

const fileParams = z.object({ id: z.uuid(), name: z.string().optional() });

/** RFC 6266 / 5987: an ASCII fallback and the real (UTF-8) name. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export default async function fileRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  app.get('/files/:id/:name', async (request, reply) => {
    const params = fileParams.safeParse(request.params);
    const file = params.success ? await loadFileContent(database.db, params.data.id.toLowerCase()) : undefined;
    if (!file) {
      const ctx = contextFor(request, reply);
      return sendPage(reply, NotFoundPage({ ctx, detail: ctx.t('該当するファイルはありません。', 'There is no such file.') }), 404);
    }
    const etag = `"${file.sha256.slice(0, 32)}"`;
    reply
      .header('content-type', file.mediaType)
      .header('content-disposition', contentDisposition(file.kind === 'image' ? 'inline' : 'attachment', file.name))
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', etag);
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.send(file.content);
  });
}
