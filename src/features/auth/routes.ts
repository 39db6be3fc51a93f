// Placeholder: replaced by the auth feature's routes.
import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../../app.ts';

export default async function authRoutes(_app: FastifyInstance, _options: FeatureOptions): Promise<void> {}
