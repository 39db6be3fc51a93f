// /collaboration (連携の状況) and its export. Public pages; the figures are computed from the registry
// model once per revision and date, so a busy page does not recount.
import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../../feature-options.ts';
import { groupsSignedOn } from '../../../domain/collaboration-figures.ts';
import { formatIsoDate } from '../../../domain/japanese-date.ts';
import { figuresInputOf } from './load.ts';
import { memoized, memoizedForDay, registryModel, type RegistryModel } from '../model/index.ts';
import { loadBoundaryMap, type BoundaryMap } from '../../../views/boundary-map.ts';
import type { PageContext } from '../../../views/context.ts';
import { contextFor, EncodedPiece, sendPage } from '../../../views/render.ts';
import { sendTabular } from '../../../views/tabular.ts';
import { figureColumns, figureRows } from './exports.ts';
import { parseAsOf } from './form.ts';
import { buildCollaborationData } from './queries.ts';
import { CollaborationPage, DateIndependentSections, PrefectureMap } from './views.tsx';

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

  /** The rendered map for these counts, kept per model (a few dozen distinct count sets over all dates). */
  const mapFor = (model: RegistryModel, ctx: PageContext, counts: Readonly<Record<string, number>>): EncodedPiece => {
    const maps = memoized(model, 'collaborationMaps', () => new Map<string, EncodedPiece>());
    const key = `${ctx.lang}\n${JSON.stringify(counts)}`;
    let map = maps.get(key);
    if (map === undefined) {
      if (maps.size >= 256) maps.clear();
      map = new EncodedPiece(PrefectureMap({ ctx, counts, boundary }));
      maps.set(key, map);
    }
    return map;
  };

  app.get('/collaboration', { config: { cachedBy: 'registry' } }, async (request, reply) => {
    const ctx = contextFor(request, reply);
    const today = formatIsoDate(new Date());
    const parsed = parseAsOf(ctx, request.query, today);
    const selection = parsed.ok ? parsed.selection : ({ kind: 'today', asOf: today } as const);
    const model = await registryModel(db);
    const data = buildCollaborationData(model, selection.asOf, today);
    // The sections that depend on the date asked for only through the figures are kept rendered
    // and encoded: per revision and day, and per set of counts for the map.
    const sections = memoizedForDay(model, `collaborationSections:${ctx.lang}`, today, () => new EncodedPiece(DateIndependentSections({ ctx, data })));
    const map = mapFor(model, ctx, data.figures.unionByPrefecture);
    const page = CollaborationPage({
      ctx,
      data,
      selection,
      input: parsed.input,
      errors: parsed.ok ? [] : parsed.errors,
      boundary,
      dateIndependentSections: sections.marker,
      prefectureMap: map.marker,
    });
    return sendPage(reply, page, parsed.ok ? 200 : 400, [sections, map]);
  });

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/collaboration/figures.${format}`, async (_request, reply) => {
      const today = formatIsoDate(new Date());
      const model = await registryModel(db);
      const data = buildCollaborationData(model, today, today);
      const rows = figureRows(data, (asOf) => groupsSignedOn(figuresInputOf(model).groups, asOf));
      return sendTabular(reply, format, `renkei-figures-${today}`, figureColumns, rows);
    });
  }
}
