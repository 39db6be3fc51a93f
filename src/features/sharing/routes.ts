// How the site is found and shared: robots.txt (the back office and member area are not for
// crawlers), sitemap.xml (every public address, with the last change where known) and the sitemap
// page for people.
import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../feature-options.ts';
import { contextFor, sendPage } from '../../views/render.ts';
import { sitePageLinks } from '../pages/index.ts';
import { siteLocations } from './locations.ts';
import { SitemapPage } from './views.tsx';

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export default async function sharingRoutes(app: FastifyInstance, { database, config }: FeatureOptions): Promise<void> {
  app.get('/robots.txt', async (_request, reply) => {
    const lines = ['User-agent: *', ...['/admin', '/member', '/registry', '/login', '/register', '/lang/'].map((p) => `Disallow: ${p}`), '', `Sitemap: ${config.publicUrl}/sitemap.xml`, ''];
    return reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600').send(lines.join('\n'));
  });

  app.get('/sitemap.xml', { config: { cachedBy: ['news', 'events', 'registry', 'site-pages', 'pr'] } }, async (_request, reply) => {
    const locations = await siteLocations(database.db);
    const entries = locations.map(
      (l) => `<url><loc>${xmlEscape(config.publicUrl + l.path)}</loc>${l.updatedAt ? `<lastmod>${l.updatedAt.slice(0, 10)}</lastmod>` : ''}</url>`,
    );
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</urlset>\n`;
    return reply.type('application/xml; charset=utf-8').send(xml);
  });

  app.get('/sitemap', { config: { cachedBy: 'site-pages' } }, async (request, reply) =>
    sendPage(reply, SitemapPage({ ctx: contextFor(request, reply), pages: await sitePageLinks(database.db) })),
  );
}
