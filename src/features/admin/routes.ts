// Placeholder: replaced by the admin feature's routes.
import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../../app.ts';

export default async function adminRoutes(_app: FastifyInstance, _options: FeatureOptions): Promise<void> {}
