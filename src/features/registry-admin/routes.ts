// Placeholder: filled in by the feature's work for issue #4.
import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../../app.ts';

export default async function registryAdminRoutes(_app: FastifyInstance, _options: FeatureOptions): Promise<void> {}
