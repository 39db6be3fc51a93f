// Placeholder: replaced by the member feature's routes.
import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../../app.ts';

export default async function memberRoutes(_app: FastifyInstance, _options: FeatureOptions): Promise<void> {}
