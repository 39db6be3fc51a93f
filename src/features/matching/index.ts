// Partner matching (連携先のマッチング): the module's face. Members publish what their municipality or
// ward offers and seeks; Renkei suggests complementary partners (src/domain/matching.ts ranks and
// explains them) and links each suggestion to a prefilled board thread addressed to the partner.
import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../feature-options.ts';
import matchingRoutes from './routes.ts';

export default async function matchingFeature(app: FastifyInstance, options: FeatureOptions): Promise<void> {
  await app.register(matchingRoutes, options);
}
