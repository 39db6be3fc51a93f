import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../../app.ts';
import { contextFor, sendPage } from '../../views/render.ts';
import { masterDataSummary } from './queries.ts';
import { HomePage } from './views.tsx';

export default async function homeRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  app.get('/', async (request, reply) => {
    const summary = await masterDataSummary(database.db);
    return sendPage(reply, HomePage({ ctx: contextFor(request), summary }));
  });
}
