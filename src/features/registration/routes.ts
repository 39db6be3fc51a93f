// Placeholder: replaced by the registration feature's routes.
import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../../app.ts';

export default async function registrationRoutes(_app: FastifyInstance, _options: FeatureOptions): Promise<void> {}
