// The top page: the project in a few words, the registry's headline figures and the master data's
// counts. Anonymous visitors get it from the page cache while the registry's revision holds.
import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../feature-options.ts';
import { contextFor, sendPage } from '../../views/render.ts';
import { formatIsoDate } from '../../domain/japanese-date.ts';
import { headlineFigures } from '../registry/index.ts';
import { masterDataSummary } from './queries.ts';
import { HomePage } from './views.tsx';

export default async function homeRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  app.get('/', { config: { cachedBy: 'registry' } }, async (request, reply) => {
    const ctx = contextFor(request, reply);
    const [summary, figures] = await Promise.all([masterDataSummary(database.db), headlineFigures(database.db, formatIsoDate(new Date()))]);
    return sendPage(reply, HomePage({ ctx, summary, figures }));
  });
}
