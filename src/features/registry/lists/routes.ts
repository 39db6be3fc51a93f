// /projects (連携事業一覧) and /agreements (協定一覧): the public lists with their filters in the URL,
// one page per record, and the CSV/XLSX exports of a filter (every matching record, no paging).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FeatureOptions } from '../../feature-options.ts';
import {
  agreementById,
  agreementExchangeRows,
  listAgreements,
  listProjects,
  projectById,
  projectExchangeRows,
  registryPageSize,
} from './listing.ts';
import { agreementColumns, projectColumns } from '../shared/exchange-layout.ts';
import { formatIsoDate } from '../../../domain/japanese-date.ts';
import { NotFoundPage } from '../../../views/errors.tsx';
import { contextFor, sendPage } from '../../../views/render.ts';
import { sendTabular, type TabularFormat } from '../../../views/tabular.ts';
import { loadAgreementChoices, loadProjectChoices, readAgreementFilter, readProjectFilter } from './form.ts';
import { AgreementListPage, AgreementPage, ProjectListPage, ProjectPage } from './views.tsx';

/** Record IDs are UUIDs (or short slugs); anything else cannot name a record. */
const RECORD_ID = /^[0-9A-Za-z][0-9A-Za-z_-]{0,39}$/;

/** 「連携事業一覧_20261130」: the list's name and today's date in Japan. */
function exportName(list: string): string {
  return `${list}_${formatIsoDate(new Date()).replaceAll('-', '')}`;
}

export default async function projectsRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  const { db } = database;

  async function projectList(request: FastifyRequest, reply: FastifyReply, format?: TabularFormat) {
    const ctx = contextFor(request, reply);
    const [choices, read] = await Promise.all([loadProjectChoices(db), readProjectFilter(ctx, request.query)]);
    if (!read.ok) return sendPage(reply, ProjectListPage({ ctx, choices, input: read.input, errors: read.errors }), 400);
    if (format) return sendTabular(reply, format, exportName('連携事業一覧'), projectColumns, await projectExchangeRows(db, read.filter));
    const { rows, total } = await listProjects(db, read.filter, read.page);
    return sendPage(
      reply,
      ProjectListPage({ ctx, choices, input: read.input, errors: [], result: { filter: read.filter, page: read.page, pageSize: registryPageSize, total, rows } }),
    );
  }

  async function agreementList(request: FastifyRequest, reply: FastifyReply, format?: TabularFormat) {
    const ctx = contextFor(request, reply);
    const choices = await loadAgreementChoices(db);
    const read = readAgreementFilter(ctx, request.query, choices.types);
    if (!read.ok) return sendPage(reply, AgreementListPage({ ctx, choices, input: read.input, errors: read.errors }), 400);
    if (format) return sendTabular(reply, format, exportName('協定一覧'), agreementColumns, await agreementExchangeRows(db, read.filter));
    const { rows, total } = await listAgreements(db, read.filter, read.page);
    return sendPage(
      reply,
      AgreementListPage({ ctx, choices, input: read.input, errors: [], result: { filter: read.filter, page: read.page, pageSize: registryPageSize, total, rows } }),
    );
  }

  app.get('/projects', (request, reply) => projectList(request, reply));
  app.get('/projects.csv', (request, reply) => projectList(request, reply, 'csv'));
  app.get('/projects.xlsx', (request, reply) => projectList(request, reply, 'xlsx'));
  app.get('/agreements', (request, reply) => agreementList(request, reply));
  app.get('/agreements.csv', (request, reply) => agreementList(request, reply, 'csv'));
  app.get('/agreements.xlsx', (request, reply) => agreementList(request, reply, 'xlsx'));

  app.get('/projects/:id', async (request, reply) => {
    const ctx = contextFor(request, reply);
    const id = String((request.params as { id: string }).id);
    const project = RECORD_ID.test(id) ? await projectById(db, id) : undefined;
    if (!project) {
      const detail = ctx.t('この連携事業は登録されていないか、削除されました。', 'No such project is recorded, or it has been removed.');
      return sendPage(reply, NotFoundPage({ ctx, detail }), 404);
    }
    const { prefectures } = await loadProjectChoices(db, { withYears: false });
    return sendPage(reply, ProjectPage({ ctx, project, prefectures }));
  });

  app.get('/agreements/:id', async (request, reply) => {
    const ctx = contextFor(request, reply);
    const id = String((request.params as { id: string }).id);
    const agreement = RECORD_ID.test(id) ? await agreementById(db, id) : undefined;
    if (!agreement) {
      const detail = ctx.t('この協定は登録されていないか、削除されました。', 'No such agreement is recorded, or it has been removed.');
      return sendPage(reply, NotFoundPage({ ctx, detail }), 404);
    }
    const { prefectures } = await loadAgreementChoices(db);
    return sendPage(reply, AgreementPage({ ctx, agreement, prefectures }));
  });
}
