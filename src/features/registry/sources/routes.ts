// /registry/sources (出典の一覧) and /registry/review (要確認): read-only pages of the back office,
// scoped like the edit lists: the secretariat sees every ward's records (and may filter by ward),
// ward staff their own ward's.
import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../../feature-options.ts';
import { contextFor, sendPage } from '../../../views/render.ts';
import { formChoices, scopeWardName } from '../shared/back-office-pages.ts';
import { pageOf } from '../shared/list-query.ts';
import { parseListFilter } from '../shared/record-form.ts';
import { registryScope } from '../shared/scope.ts';
import { agreementsToCheck, citedSources } from './queries.ts';
import { ReviewPage, SourcesPage, sourcesPageSize } from './views.tsx';

export default async function sourcesRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  const { db } = database;

  app.get('/registry/sources', async (request, reply) => {
    const scope = registryScope(request, reply);
    if (!scope) return reply;
    const ctx = contextFor(request, reply);
    const { wards } = await formChoices(db, scope);
    const filter = parseListFilter(request.query, new Set(wards.map((w) => w.code)));
    const { rows, total } = pageOf(await citedSources(db, scope.wardCode ?? (filter.ward || null)), filter.page, sourcesPageSize);
    return sendPage(reply, SourcesPage({ ctx, wardName: await scopeWardName(db, scope), wards, filter, total, items: rows }));
  });

  app.get('/registry/review', async (request, reply) => {
    const scope = registryScope(request, reply);
    if (!scope) return reply;
    const ctx = contextFor(request, reply);
    const { wards } = await formChoices(db, scope);
    const filter = parseListFilter(request.query, new Set(wards.map((w) => w.code)));
    const { rows, total } = pageOf(await agreementsToCheck(db, scope.wardCode ?? (filter.ward || null)), filter.page, sourcesPageSize);
    return sendPage(reply, ReviewPage({ ctx, wardName: await scopeWardName(db, scope), wards, filter, total, items: rows }));
  });
}
