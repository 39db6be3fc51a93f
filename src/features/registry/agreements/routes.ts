// /agreements (協定一覧): the public list with its filter in the URL, one page per agreement, and the
// CSV/XLSX export of a filter. Reads come from the registry model.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FeatureOptions } from '../../feature-options.ts';
import { formatIsoDate } from '../../../domain/japanese-date.ts';
import type { PageContext } from '../../../views/context.ts';
import { NotFoundPage } from '../../../views/errors.tsx';
import { contextFor, sendPage } from '../../../views/render.ts';
import { sendTabular, type TabularFormat } from '../../../views/tabular.ts';
import { registryModel, type RegistryModel } from '../model/index.ts';
import { prefectureChoices, prefectureNames, wardChoices } from '../shared/choices.ts';
import { exportName, filterFieldErrors, isRecordId, rawFilterInput } from '../shared/list-query.ts';
import { agreementColumns, agreementExchangeRow } from './exchange.ts';
import { agreementFilterKeys, parseAgreementFilterWith } from './filter.ts';
import { agreementById, agreementPageSize, findAgreements, offeredTypes } from './queries.ts';
import { AgreementListPage, AgreementPage, type AgreementChoices } from './views.tsx';

function choicesOf(ctx: PageContext, model: RegistryModel): AgreementChoices {
  return { wards: wardChoices(model), prefectures: prefectureChoices(ctx, model), types: offeredTypes(model), prefectureNames: prefectureNames(model) };
}

export default async function agreementsRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  const { db } = database;

  async function agreementList(request: FastifyRequest, reply: FastifyReply, format?: TabularFormat) {
    const ctx = contextFor(request, reply);
    const model = await registryModel(db);
    const choices = choicesOf(ctx, model);
    const parsed = parseAgreementFilterWith(request.query, choices.types);
    if (!parsed.ok) {
      return sendPage(reply, AgreementListPage({ ctx, choices, input: rawFilterInput(request.query, agreementFilterKeys), errors: filterFieldErrors(ctx, parsed.errors) }), 400);
    }
    const today = formatIsoDate(new Date());
    const matching = findAgreements(model, parsed.filter, today);
    if (format) return sendTabular(reply, format, exportName('協定一覧'), agreementColumns, matching.map(agreementExchangeRow));
    const start = (parsed.page - 1) * agreementPageSize;
    const result = { filter: parsed.filter, page: parsed.page, pageSize: agreementPageSize, total: matching.length, rows: matching.slice(start, start + agreementPageSize), today };
    return sendPage(reply, AgreementListPage({ ctx, choices, input: { ...parsed.filter, page: String(parsed.page) }, errors: [], result }));
  }

  app.get('/agreements', { config: { cachedBy: 'registry' } }, (request, reply) => agreementList(request, reply));
  app.get('/agreements.csv', (request, reply) => agreementList(request, reply, 'csv'));
  app.get('/agreements.xlsx', (request, reply) => agreementList(request, reply, 'xlsx'));

  app.get<{ Params: { id: string } }>('/agreements/:id', { config: { cachedBy: 'registry' } }, async (request, reply) => {
    const ctx = contextFor(request, reply);
    const model = await registryModel(db);
    const agreement = isRecordId(request.params.id) ? agreementById(model, request.params.id) : undefined;
    if (!agreement) {
      const detail = ctx.t('この協定は登録されていないか、削除されました。', 'No such agreement is recorded, or it has been removed.');
      return sendPage(reply, NotFoundPage({ ctx, detail }), 404);
    }
    return sendPage(reply, AgreementPage({ ctx, agreement, prefectureNames: prefectureNames(model), today: formatIsoDate(new Date()) }));
  });
}
