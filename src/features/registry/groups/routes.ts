// /collaboration/wide-area (広域連携: the 13 groups with their derived members, as a page and as
// CSV/XLSX) and /collaboration/wide-area/:group (one group's members, also .csv/.xlsx).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FeatureOptions } from '../../feature-options.ts';
import { NotFoundPage } from '../../../views/errors.tsx';
import { contextFor, sendPage } from '../../../views/render.ts';
import { sendTabular, type TabularFormat } from '../../../views/tabular.ts';
import { registryModel, type RegistryModel } from '../model/index.ts';
import type { Government } from '../model/shapes.ts';
import { groupColumns, groupRows, memberColumns, memberRows } from './exchange.ts';
import type { WideAreaGroupRecord } from './record.ts';
import { WideAreaGroupPage, WideAreaPage } from './views.tsx';

/** 'kyoto-shichokai.csv' → { id: 'kyoto-shichokai', format: 'csv' }; no extension → an HTML page. */
export function parseGroupParam(param: string): { id: string; format: TabularFormat | null } {
  const match = /^(.*)\.(csv|xlsx)$/.exec(param);
  return match ? { id: match[1]!, format: match[2] as TabularFormat } : { id: param, format: null };
}

/** A group's members in 五十音 order of their reading. */
function membersOf(model: RegistryModel, group: WideAreaGroupRecord): Government[] {
  return group.memberCodes
    .map((code) => model.governments.get(code))
    .filter((m): m is Government => m !== undefined)
    .sort((a, b) => a.kanaRank - b.kanaRank || (a.code < b.code ? -1 : 1));
}

export default async function groupsRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  const { db } = database;

  app.get('/collaboration/wide-area', { config: { cachedBy: 'registry' } }, async (request, reply) => {
    const ctx = contextFor(request, reply);
    return sendPage(reply, WideAreaPage({ ctx, groups: (await registryModel(db)).groups }));
  });

  const sendGroups = (format: TabularFormat) => async (_request: FastifyRequest, reply: FastifyReply) =>
    sendTabular(reply, format, 'wide-area-groups', groupColumns, groupRows((await registryModel(db)).groups));
  app.get('/collaboration/wide-area.csv', sendGroups('csv'));
  app.get('/collaboration/wide-area.xlsx', sendGroups('xlsx'));

  app.get<{ Params: { group: string } }>('/collaboration/wide-area/:group', { config: { cachedBy: 'registry' } }, async (request, reply) => {
    const ctx = contextFor(request, reply);
    const { id, format } = parseGroupParam(request.params.group);
    const model = await registryModel(db);
    const group = model.groups.find((g) => g.id === id);
    if (!group) {
      const detail = ctx.t('お探しの広域連携協定の締結団体は登録されていません。', 'No wide-area agreement association has that identifier.');
      return sendPage(reply, NotFoundPage({ ctx, detail }), 404);
    }
    const members = membersOf(model, group);
    if (format) return sendTabular(reply, format, `wide-area-${group.id}`, memberColumns, memberRows(group, members));
    return sendPage(reply, WideAreaGroupPage({ ctx, group, members, exceptions: group.exceptions }));
  });
}
