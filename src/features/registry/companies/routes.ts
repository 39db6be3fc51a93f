// /collaboration/companies (企業との連携): the agreements of 特別区長会 with companies.
import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../../feature-options.ts';
import { contextFor, sendPage } from '../../../views/render.ts';
import { registryModel } from '../model/index.ts';
import { CompaniesPage } from './views.tsx';

export default async function companiesRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  app.get('/collaboration/companies', { config: { cachedBy: 'registry' } }, async (request, reply) => {
    const ctx = contextFor(request, reply);
    return sendPage(reply, CompaniesPage({ ctx, companies: (await registryModel(database.db)).companies }));
  });
}
