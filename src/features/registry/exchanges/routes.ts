// /collaboration/regions (地域別の交流): the regions of 北海道 paired with a ward.
import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../../feature-options.ts';
import { contextFor, sendPage } from '../../../views/render.ts';
import { registryModel } from '../model/index.ts';
import { prefectureNames } from '../shared/choices.ts';
import { RegionsPage } from './views.tsx';

export default async function exchangesRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  app.get('/collaboration/regions', { config: { cachedBy: 'registry' } }, async (request, reply) => {
    const ctx = contextFor(request, reply);
    const model = await registryModel(database.db);
    return sendPage(reply, RegionsPage({ ctx, exchanges: model.exchanges, prefectureNames: prefectureNames(model) }));
  });
}
