// /projects (連携事業一覧): the public list with its filter in the URL, one page per project, and the
// CSV/XLSX export of a filter (every matching project, no paging). Reads come from the registry model.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FeatureOptions } from '../../feature-options.ts';
import type { PageContext } from '../../../views/context.ts';
import { NotFoundPage } from '../../../views/errors.tsx';
import { contextFor, sendPage } from '../../../views/render.ts';
import { sendTabular, type TabularFormat } from '../../../views/tabular.ts';
import { registryModel, type RegistryModel } from '../model/index.ts';
import { prefectureChoices, prefectureNames, wardChoices } from '../shared/choices.ts';
import { exportName, filterFieldErrors, isRecordId } from '../shared/list-query.ts';
import { rawFilterInput } from '../shared/list-query.ts';
import { projectExchangeRow, projectColumns } from './exchange.ts';
import { parseProjectFilter, projectFilterKeys, type ProjectFilter, type ProjectFilterKey } from './filter.ts';
import { findProjects, projectById, projectFiscalYears, projectPageSize } from './queries.ts';
import { ProjectListPage, ProjectPage, type ProjectChoices } from './views.tsx';

function choicesOf(ctx: PageContext, model: RegistryModel): ProjectChoices {
  return { wards: wardChoices(model), prefectures: prefectureChoices(ctx, model), fiscalYears: projectFiscalYears(model), prefectureNames: prefectureNames(model) };
}

/** The filter's canonical values for the form (e.g. 「令和6年度」 typed in the URL shows as 2024). */
function formInput(filter: ProjectFilter, page: number): Record<ProjectFilterKey, string> {
  return {
    fy: filter.fy === null ? '' : String(filter.fy),
    ward: filter.ward,
    pref: filter.pref,
    field: filter.field === null ? '' : String(filter.field),
    status: filter.status,
    organiser: filter.organiser,
    q: filter.q,
    page: String(page),
  };
}

export default async function projectsRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  const { db } = database;

  async function projectList(request: FastifyRequest, reply: FastifyReply, format?: TabularFormat) {
    const ctx = contextFor(request, reply);
    const model = await registryModel(db);
    const choices = choicesOf(ctx, model);
    const parsed = parseProjectFilter(request.query);
    if (!parsed.ok) {
      return sendPage(reply, ProjectListPage({ ctx, choices, input: rawFilterInput(request.query, projectFilterKeys), errors: filterFieldErrors(ctx, parsed.errors) }), 400);
    }
    const matching = findProjects(model, parsed.filter);
    if (format) return sendTabular(reply, format, exportName('連携事業一覧'), projectColumns, matching.map(projectExchangeRow));
    const start = (parsed.page - 1) * projectPageSize;
    const result = { filter: parsed.filter, page: parsed.page, pageSize: projectPageSize, total: matching.length, rows: matching.slice(start, start + projectPageSize) };
    return sendPage(reply, ProjectListPage({ ctx, choices, input: formInput(parsed.filter, parsed.page), errors: [], result }));
  }

  app.get('/projects', { config: { cachedBy: 'registry' } }, (request, reply) => projectList(request, reply));
  app.get('/projects.csv', (request, reply) => projectList(request, reply, 'csv'));
  app.get('/projects.xlsx', (request, reply) => projectList(request, reply, 'xlsx'));

  app.get<{ Params: { id: string } }>('/projects/:id', { config: { cachedBy: 'registry' } }, async (request, reply) => {
    const ctx = contextFor(request, reply);
    const model = await registryModel(db);
    const project = isRecordId(request.params.id) ? projectById(model, request.params.id) : undefined;
    if (!project) {
      const detail = ctx.t('この連携事業は登録されていないか、削除されました。', 'No such project is recorded, or it has been removed.');
      return sendPage(reply, NotFoundPage({ ctx, detail }), 404);
    }
    return sendPage(reply, ProjectPage({ ctx, project, prefectureNames: prefectureNames(model) }));
  });
}
