// The members' bulletin board (会員掲示板): the module's face. The plugin registers the members'
// pages (/board) and the secretariat's (/admin/board). Nothing of the board is public.
import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../feature-options.ts';
import boardAdminRoutes from './admin.tsx';
import boardRoutes from './routes.tsx';

export default async function boardFeature(app: FastifyInstance, options: FeatureOptions): Promise<void> {
  await app.register(boardRoutes, options);
  await app.register(boardAdminRoutes, options);
}
