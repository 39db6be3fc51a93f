// /registry (連携記録の管理): the edit pages' overview, with how many records the actor may edit.
import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../../feature-options.ts';
import { contextFor, sendPage } from '../../../views/render.ts';
import { countRecords } from '../shared/back-office-queries.ts';
import { scopeWardName } from '../shared/back-office-pages.ts';
import { registryScope } from '../shared/scope.ts';
import { RegistryHomePage } from './views.tsx';

export default async function overviewRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  const { db } = database;
  app.get('/registry', async (request, reply) => {
    const scope = registryScope(request, reply);
    if (!scope) return reply;
    const ctx = contextFor(request, reply);
    const [wardName, counts] = await Promise.all([scopeWardName(db, scope), countRecords(db, scope.wardCode)]);
    return sendPage(reply, RegistryHomePage({ ctx, wardName, counts }));
  });
}
