// /collaboration/disaster-support (被災地支援): the disasters and the support the wards gave.
import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../../feature-options.ts';
import { contextFor, sendPage } from '../../../views/render.ts';
import { registryModel } from '../model/index.ts';
import { DisasterSupportPage } from './views.tsx';

export default async function disastersRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  app.get('/collaboration/disaster-support', { config: { cachedBy: 'registry' } }, async (request, reply) => {
    const ctx = contextFor(request, reply);
    return sendPage(reply, DisasterSupportPage({ ctx, disasters: (await registryModel(database.db)).disasters }));
  });
}
