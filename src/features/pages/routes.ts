// Static pages about the project and the site.
import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../feature-options.ts';
import { contextFor, sendPage } from '../../views/render.ts';
import { AboutPage, AccessibilityPage } from './views.tsx';

export default async function pagesRoutes(app: FastifyInstance, _options: FeatureOptions): Promise<void> {
  app.get('/about', async (request, reply) => sendPage(reply, AboutPage({ ctx: contextFor(request, reply) })));
  app.get('/accessibility', async (request, reply) => sendPage(reply, AccessibilityPage({ ctx: contextFor(request, reply) })));
}
