// /collaboration/plan (事業計画と進捗): the plan's items and their progress by 年度.
import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../../feature-options.ts';
import { contextFor, sendPage } from '../../../views/render.ts';
import { registryModel } from '../model/index.ts';
import { PlanPage } from './views.tsx';

export default async function plansRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  app.get('/collaboration/plan', { config: { cachedBy: 'registry' } }, async (request, reply) => {
    const ctx = contextFor(request, reply);
    return sendPage(reply, PlanPage({ ctx, items: (await registryModel(database.db)).planItems }));
  });
}
