// GET /healthz: is the database reachable and fully migrated? For load balancers and operators.
import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../feature-options.ts';
import { appliedMigrations, knownMigrationCount } from '../../db/migrate.ts';

export default async function healthRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  app.get('/healthz', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    try {
      const applied = await appliedMigrations(database.db);
      const migrated = applied >= knownMigrationCount;
      return reply.code(migrated ? 200 : 503).send({
        status: migrated ? 'ok' : 'migrating',
        database: { engine: database.engine, reachable: true, migrations: { applied, known: knownMigrationCount } },
      });
    } catch (error) {
      request.log.error({ err: error }, 'health check failed');
      return reply.code(503).send({ status: 'unavailable', database: { engine: database.engine, reachable: false } });
    }
  });
}
