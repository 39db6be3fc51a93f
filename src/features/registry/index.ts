// The collaboration registry (連携の記録): one module whose folders are its subjects, each with its
// public pages and its back-office pages side by side (docs/architecture.md). This file is the
// module's face: the plugin that registers every subject's routes, and the few things other
// features may use. Nothing else in the module is imported from outside it.
import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../feature-options.ts';
import agreementsAdminRoutes from './agreements/admin/routes.ts';
import agreementsRoutes from './agreements/routes.ts';
import apiRoutes from './api/routes.ts';
import { companies } from './companies/admin.ts';
import companiesRoutes from './companies/routes.ts';
import { disasterSupport, disasters } from './disasters/admin.ts';
import disastersRoutes from './disasters/routes.ts';
import { regions } from './exchanges/admin.ts';
import exchangesRoutes from './exchanges/routes.ts';
import { figures } from './figures/admin.ts';
import figuresRoutes from './figures/routes.ts';
import { groups } from './groups/admin.ts';
import groupsRoutes from './groups/routes.ts';
import historyRoutes from './history/routes.ts';
import importRoutes from './import/routes.ts';
import { anyKind, type AnyKind } from './master/kit.ts';
import masterRoutes from './master/routes.ts';
import { members } from './members/admin.ts';
import overviewRoutes from './overview/routes.ts';
import { jointPlans } from './plans/admin-joint-plans.ts';
import { plan } from './plans/admin-plan-items.ts';
import plansRoutes from './plans/routes.ts';
import projectsAdminRoutes from './projects/admin/routes.ts';
import projectsRoutes from './projects/routes.ts';
import sourcesRoutes from './sources/routes.ts';
import { agreementTypes } from './vocabularies/admin.ts';
import { wards } from './wards/admin.ts';
import wardsRoutes from './wards/routes.ts';

/**
 * The secretariat's master-data pages (/registry/<slug>), one kind per subject's back office, in
 * the order of their menu. The engine (master/routes.ts) gets this list and imports no subject.
 */
export const registryKinds: readonly AnyKind[] = [
  anyKind(agreementTypes),
  anyKind(groups),
  anyKind(wards),
  anyKind(regions),
  anyKind(companies),
  anyKind(disasters),
  anyKind(disasterSupport),
  anyKind(jointPlans),
  anyKind(plan),
  anyKind(figures),
  anyKind(members),
];

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
  await app.register(sourcesRoutes, options);
  await app.register(importRoutes, options);
  await app.register(masterRoutes, { ...options, kinds: registryKinds });
  await app.register(apiRoutes, options);
}

// What other features may use.
export { headlineFigures, HeadlineFiguresSection, type Headline } from './figures/headline.tsx';
export { loadMunicipalityTies, type MunicipalityTies } from './ties/queries.ts';
export { projectReferences, type ProjectReference } from './projects/references.ts';
export { TiesSection, type TiesSubject } from './ties/view.tsx';
export { projectFields, projectFieldByNumber, parseProjectField, type ProjectField } from './projects/fields.ts';
export { loadPartnerTies } from './ties/partner-ties.ts';
export { draftProjectFromBoard, type BoardProjectDraft } from './projects/commands.ts';
