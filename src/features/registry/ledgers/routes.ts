// The public ledger pages of 連携の状況: /collaboration/wide-area (+ /:id, and their .csv/.xlsx),
// /collaboration/regions, /collaboration/companies, /collaboration/disaster-support, /collaboration/plan.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FeatureOptions } from '../../feature-options.ts';
import { NotFoundPage } from '../../../views/errors.tsx';
import { contextFor, sendPage } from '../../../views/render.ts';
import { sendTabular, type TabularFormat } from '../../../views/tabular.ts';
import { groupColumns, groupRows, memberColumns, memberRows } from './exports.ts';
import { listCompanyAgreements, listDisasters, listPlanItems, listRegionalExchanges, loadWideAreaLedger, membersOf } from './queries.ts';
import { CompaniesPage } from './views/companies.tsx';
import { DisasterSupportPage } from './views/disaster-support.tsx';
import { PlanPage } from './views/plan.tsx';
import { RegionsPage } from './views/regions.tsx';
import { WideAreaGroupPage, WideAreaPage } from './views/wide-area.tsx';

/** 'kyoto-shichokai.csv' → { id: 'kyoto-shichokai', format: 'csv' }; no extension → an HTML page. */
export function parseGroupParam(param: string): { id: string; format: TabularFormat | null } {
  const match = /^(.*)\.(csv|xlsx)$/.exec(param);
  return match ? { id: match[1]!, format: match[2] as TabularFormat } : { id: param, format: null };
}

/** Group ids are short slugs or UUIDs; anything else cannot name a group. */
const GROUP_ID = /^[A-Za-z0-9_-]{1,40}$/;

export default async function ledgersRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  const { db } = database;

  app.get('/collaboration/wide-area', async (request, reply) => {
    const ctx = contextFor(request, reply);
    const { groups } = await loadWideAreaLedger(db);
    return sendPage(reply, WideAreaPage({ ctx, groups }));
  });

  const sendGroups = (format: TabularFormat) => async (_request: FastifyRequest, reply: FastifyReply) => {
    const { groups } = await loadWideAreaLedger(db);
    return sendTabular(reply, format, 'wide-area-groups', groupColumns, groupRows(groups));
  };
  app.get('/collaboration/wide-area.csv', sendGroups('csv'));
  app.get('/collaboration/wide-area.xlsx', sendGroups('xlsx'));

  app.get('/collaboration/wide-area/:group', async (request, reply) => {
    const ctx = contextFor(request, reply);
    const { id, format } = parseGroupParam(String((request.params as { group: string }).group));
    const ledger = GROUP_ID.test(id) ? await loadWideAreaLedger(db, id) : undefined;
    const group = ledger?.groups[0];
    if (!ledger || !group) {
      const detail = ctx.t('お探しの広域連携協定の締結団体は登録されていません。', 'No wide-area agreement association has that identifier.');
      return sendPage(reply, NotFoundPage({ ctx, detail }), 404);
    }
    const members = membersOf(ledger, group);
    if (format) return sendTabular(reply, format, `wide-area-${group.id}`, memberColumns, memberRows(group, members));
    return sendPage(reply, WideAreaGroupPage({ ctx, group, members, exceptions: ledger.exceptions.get(group.id) ?? [] }));
  });

  app.get('/collaboration/regions', async (request, reply) => {
    const ctx = contextFor(request, reply);
    return sendPage(reply, RegionsPage({ ctx, exchanges: await listRegionalExchanges(db) }));
  });

  app.get('/collaboration/companies', async (request, reply) => {
    const ctx = contextFor(request, reply);
    return sendPage(reply, CompaniesPage({ ctx, companies: await listCompanyAgreements(db) }));
  });

  app.get('/collaboration/disaster-support', async (request, reply) => {
    const ctx = contextFor(request, reply);
    return sendPage(reply, DisasterSupportPage({ ctx, disasters: await listDisasters(db) }));
  });

  app.get('/collaboration/plan', async (request, reply) => {
    const ctx = contextFor(request, reply);
    return sendPage(reply, PlanPage({ ctx, items: await listPlanItems(db) }));
  });
}
