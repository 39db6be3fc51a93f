// The collaboration registry (連携の記録): one module whose folders are its subjects, each with its
// public pages and its back-office pages side by side (docs/architecture.md). This file is the
// module's face: the plugin that registers every subject's routes, and the few things other
// features may use. Nothing else in the module is imported from outside it.
import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../feature-options.ts';
import agreementsAdminRoutes from './agreements/admin/routes.ts';
import agreementsRoutes from './agreements/routes.ts';
import apiRoutes from './api/routes.ts';
import companiesRoutes from './companies/routes.ts';
import disastersRoutes from './disasters/routes.ts';
import exchangesRoutes from './exchanges/routes.ts';
import figuresRoutes from './figures/routes.ts';
import groupsRoutes from './groups/routes.ts';
import historyRoutes from './history/routes.ts';
import importRoutes from './import/routes.ts';
import masterRoutes from './master/routes.ts';
import overviewRoutes from './overview/routes.ts';
import plansRoutes from './plans/routes.ts';
import projectsAdminRoutes from './projects/admin/routes.ts';
import projectsRoutes from './projects/routes.ts';
import wardsRoutes from './wards/routes.ts';

export default async function registryFeature(app: FastifyInstance, options: FeatureOptions): Promise<void> {
  await app.register(figuresRoutes, options);
  await app.register(groupsRoutes, options);
  await app.register(exchangesRoutes, options);
  await app.register(companiesRoutes, options);
  await app.register(disastersRoutes, options);
  await app.register(plansRoutes, options);
  await app.register(projectsRoutes, options);
  await app.register(agreementsRoutes, options);
  await app.register(wardsRoutes, options);
  await app.register(overviewRoutes, options);
  await app.register(agreementsAdminRoutes, options);
  await app.register(projectsAdminRoutes, options);
  await app.register(historyRoutes, options);
  await app.register(importRoutes, options);
  await app.register(masterRoutes, options);
  await app.register(apiRoutes, options);
}

// What other features may use.
export { headlineFigures, HeadlineFiguresSection, type Headline } from './figures/headline.tsx';
export { loadMunicipalityTies, type MunicipalityTies } from './ties/queries.ts';
export { TiesSection, type TiesSubject } from './ties/view.tsx';
