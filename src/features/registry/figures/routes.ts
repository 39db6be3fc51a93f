// /collaboration (連携の状況) and its export. Public pages; the figures come from one cached load of
// the registry per few seconds (db/registry-figures.ts), so a busy page does not recount.
import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../../feature-options.ts';
import { groupsSignedOn } from '../../../domain/collaboration-figures.ts';
import { formatIsoDate } from '../../../domain/japanese-date.ts';
import { loadFiguresInput } from './load.ts';
import { loadBoundaryMap, type BoundaryMap } from '../../../views/boundary-map.ts';
import { contextFor, sendPage } from '../../../views/render.ts';
import { sendTabular } from '../../../views/tabular.ts';
import { figureColumns, figureRows } from './exports.ts';
import { parseAsOf } from './form.ts';
import { buildCollaborationData, loadCollaborationData, loadCollaborationSources, type CollaborationSources } from './queries.ts';
import { CollaborationPage } from './views.tsx';

export default async function collaborationRoutes(app: FastifyInstance, { config, database }: FeatureOptions): Promise<void> {
  const { db } = database;
  // Read and projected once, at start: a broken boundary file stops the start with its reason
  // instead of failing on the first visitor.
  let boundary: BoundaryMap | undefined;
  if (config.boundaryFile) {
    boundary = loadBoundaryMap(config.boundaryFile.path, config.boundaryFile.object);
    if (boundary.unmatched.length > 0) {
      app.log.warn({ unmatched: boundary.unmatched }, 'boundary file: features without a prefecture name are not drawn');
    }
  }

  app.get('/collaboration', async (request, reply) => {
    const ctx = contextFor(request, reply);
    const today = formatIsoDate(new Date());
    const parsed = parseAsOf(ctx, request.query, today);
    const selection = parsed.ok ? parsed.selection : ({ kind: 'today', asOf: today } as const);
    const sources = await loadCollaborationSources(db);
    const render = () => CollaborationPage({ ctx, data: buildCollaborationData(sources, selection.asOf, today), selection, input: parsed.input, errors: parsed.ok ? [] : parsed.errors, boundary });
    // A visitor's page depends only on the loads, the language, the URL and the day: the HTML is
    // kept with the loads and dropped with them (no staleness beyond the loads' own few seconds).
    if (!parsed.ok || ctx.viewer !== null) return sendPage(reply, render(), parsed.ok ? 200 : 400);
    const html = renderedPages(sources);
    const key = `${ctx.lang}|${today}|${request.url}`;
    let page = html.get(key);
    if (page === undefined) {
      if (html.size >= 32) html.clear();
      page = await render();
      html.set(key, page);
    }
    return sendPage(reply, page);
  });

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/collaboration/figures.${format}`, async (_request, reply) => {
      const today = formatIsoDate(new Date());
      const [data, input] = await Promise.all([loadCollaborationData(db, today, today), loadFiguresInput(db)]);
      const rows = figureRows(data, (asOf) => groupsSignedOn(input.groups, asOf));
      return sendTabular(reply, format, `renkei-figures-${today}`, figureColumns, rows);
    });
  }
}

// Rendered pages per combination of loads (each load is a new object when the cache refreshes).
const pagesByLoads = new WeakMap<object, WeakMap<object, WeakMap<object, Map<string, string>>>>();

function renderedPages({ input, projectCounts, published }: CollaborationSources): Map<string, string> {
  let a = pagesByLoads.get(input);
  if (!a) pagesByLoads.set(input, (a = new WeakMap()));
  let b = a.get(projectCounts);
  if (!b) a.set(projectCounts, (b = new WeakMap()));
  let pages = b.get(published);
  if (!pages) b.set(published, (pages = new Map()));
  return pages;
}
