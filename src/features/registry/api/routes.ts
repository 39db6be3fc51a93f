// GET /api/v1/…: the registry as JSON, with the same filters and records as the HTML lists (the same
// registry model and queries), described by the OpenAPI 3.1 document at
// /api/openapi.json. Read-only and public: everything here is on the public pages too.
// Errors are JSON with a Japanese message (and an English one), never an HTML page.
import { databaseTrouble, retryAfterSeconds } from '../../../db/unavailable.ts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { FeatureOptions } from '../../feature-options.ts';
import { trendByFiscalYear } from '../../../domain/collaboration-figures.ts';
import { projectCountsByFiscalYear } from '../../../domain/collaboration-figures.ts';
import { fiscalYearOf, fiscalYearRange } from '../../../domain/fiscal-year.ts';
import { formatIsoDate } from '../../../domain/japanese-date.ts';
import { projectFields } from '../projects/fields.ts';
import { projectJson } from '../projects/api.ts';
import { agreementJson } from '../agreements/api.ts';
import type { WideAreaGroupRecord } from '../groups/record.ts';
import { agreementById, findAgreements, offeredTypes } from '../agreements/queries.ts';
import { parseAgreementFilterWith } from '../agreements/filter.ts';
import { computeFigures, figuresInputOf, projectCountsOf } from '../figures/load.ts';
import { registryModel } from '../model/index.ts';
import { parseProjectFilter } from '../projects/filter.ts';
import { findProjects, projectById, projectPageSize } from '../projects/queries.ts';
import type { FilterError } from '../shared/list-query.ts';
import { buildOpenApiDocument } from './openapi.ts';

/** The first 年度 of the project (launched September 2014); the trend starts there. */
const FIRST_FISCAL_YEAR = 2014;
const MAX_PER_PAGE = 200;

interface ApiIssue {
  param: string;
  message: string;
  messageEn: string;
}

function sendError(reply: FastifyReply, status: number, message: string, messageEn: string, issues: ApiIssue[] = []): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').send({ error: { status, message, messageEn, issues } });
}

function filterIssues(errors: FilterError[]): ApiIssue[] {
  return errors.map((e) => ({ param: e.param, message: e.ja, messageEn: e.en }));
}

const perPageSchema = z.object({
  per_page: z
    .string()
    .regex(/^[0-9]{1,4}$/)
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_PER_PAGE)
    .optional(),
});

function parsePerPage(query: unknown): number | ApiIssue {
  const parsed = perPageSchema.safeParse(query ?? {});
  if (!parsed.success) {
    return { param: 'per_page', message: `1件から${MAX_PER_PAGE}件までの数字で指定してください。`, messageEn: `A number from 1 to ${MAX_PER_PAGE}.` };
  }
  return parsed.data.per_page ?? projectPageSize;
}

function pageMeta(total: number, page: number, perPage: number) {
  return { total, page, perPage, pages: Math.max(1, Math.ceil(total / perPage)) };
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const figuresQuerySchema = z.object({
  asOf: z
    .string()
    .regex(isoDate)
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s))
    .optional(),
  fy: z.string().regex(/^\d{4}$/).transform(Number).refine((n) => n >= FIRST_FISCAL_YEAR && n <= 2100).optional(),
});
const trendQuerySchema = z.object({
  from: z.string().regex(/^\d{4}$/).transform(Number).refine((n) => n >= FIRST_FISCAL_YEAR && n <= 2100).optional(),
  to: z.string().regex(/^\d{4}$/).transform(Number).refine((n) => n >= FIRST_FISCAL_YEAR && n <= 2100).optional(),
});

export default async function apiRoutes(app: FastifyInstance, { database }: FeatureOptions): Promise<void> {
  const db = database.db;

  await app.register(
    async (api) => {
      api.setNotFoundHandler((_request, reply) => sendError(reply, 404, 'そのAPIはありません。/api/openapi.json をご覧ください。', 'No such API. See /api/openapi.json.'));
      api.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
        if (databaseTrouble(error)) {
          request.log.error({ err: error, url: request.url }, 'api request failed: database unavailable');
          reply.header('retry-after', String(retryAfterSeconds)).header('cache-control', 'no-store');
          return sendError(reply, 503, 'データベースに一時的に接続できません。しばらくしてからお試しください。', 'The database is temporarily unavailable. Please try again shortly.');
        }
        const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
        if (status >= 500) request.log.error({ err: error, url: request.url }, 'api request failed');
        return status >= 500
          ? sendError(reply, 500, 'サーバーで問題が起きました。時間をおいてお試しください。', 'Something went wrong on the server.')
          : sendError(reply, status, 'リクエストを処理できませんでした。', 'The request could not be processed.');
      });
      api.addHook('onSend', async (_request, reply) => {
        reply.header('access-control-allow-origin', '*');
      });

      api.get('/openapi.json', async (_request, reply) => reply.header('cache-control', 'public, max-age=300').send(buildOpenApiDocument()));

      api.get('/v1/projects', { config: { cachedBy: 'registry' } }, async (request, reply) => {
        const parsed = parseProjectFilter(request.query);
        const perPage = parsePerPage(request.query);
        const issues = [...(parsed.ok ? [] : filterIssues(parsed.errors)), ...(typeof perPage === 'number' ? [] : [perPage])];
        if (!parsed.ok || typeof perPage !== 'number') return sendError(reply, 400, '条件の指定に誤りがあります。', 'Some parameters are invalid.', issues);
        const matching = findProjects(await registryModel(db), parsed.filter);
        const start = (parsed.page - 1) * perPage;
        return reply.header('cache-control', 'no-cache').send({ data: matching.slice(start, start + perPage).map(projectJson), meta: pageMeta(matching.length, parsed.page, perPage) });
      });

      api.get<{ Params: { id: string } }>('/v1/projects/:id', { config: { cachedBy: 'registry' } }, async (request, reply) => {
        const project = request.params.id.length <= 36 ? projectById(await registryModel(db), request.params.id) : undefined;
        if (!project) return sendError(reply, 404, 'その連携事業はありません。', 'No such project.');
        return reply.send({ data: projectJson(project) });
      });

      api.get('/v1/agreements', { config: { cachedBy: 'registry' } }, async (request, reply) => {
        const model = await registryModel(db);
        const parsed = parseAgreementFilterWith(request.query, offeredTypes(model));
        const perPage = parsePerPage(request.query);
        const issues = [...(parsed.ok ? [] : filterIssues(parsed.errors)), ...(typeof perPage === 'number' ? [] : [perPage])];
        if (!parsed.ok || typeof perPage !== 'number') return sendError(reply, 400, '条件の指定に誤りがあります。', 'Some parameters are invalid.', issues);
        const today = formatIsoDate(new Date());
        const matching = findAgreements(model, parsed.filter, today);
        const start = (parsed.page - 1) * perPage;
        return reply
          .header('cache-control', 'no-cache')
          .send({ data: matching.slice(start, start + perPage).map((a) => agreementJson(a, today)), meta: pageMeta(matching.length, parsed.page, perPage) });
      });

      api.get<{ Params: { id: string } }>('/v1/agreements/:id', { config: { cachedBy: 'registry' } }, async (request, reply) => {
        const agreement = request.params.id.length <= 36 ? agreementById(await registryModel(db), request.params.id) : undefined;
        if (!agreement) return sendError(reply, 404, 'その協定はありません。', 'No such agreement.');
        return reply.send({ data: agreementJson(agreement, formatIsoDate(new Date())) });
      });

      api.get('/v1/agreement-types', async (_request, reply) => {
        const types = offeredTypes(await registryModel(db));
        return reply.send({ data: types.map((t) => ({ id: t.id, name: t.name, nameEn: t.nameEn, category: t.category })) });
      });
      api.get('/v1/fields', async (_request, reply) => reply.send({ data: projectFields }));
      api.get('/v1/wards', { config: { cachedBy: 'registry' } }, async (_request, reply) => {
        const wards = (await registryModel(db)).wards;
        return reply.send({
          data: wards.map((w) => ({ code: w.code, name: w.name, kana: w.kana, block: w.block, mayorName: w.mayorName, mayorAsOf: w.mayorAsOf, sourceUrl: w.sourceUrl })),
        });
      });

      const groupJson = (g: WideAreaGroupRecord) => ({
        id: g.id,
        name: g.name,
        prefectureCode: g.prefectureCode,
        kind: g.kind,
        signedOn: g.signed.date,
        signedOnPrecision: g.signed.precision,
        memberCount: g.memberCodes.length,
        publishedMemberCount: g.publishedMemberCount,
      });

      api.get('/v1/wide-area-groups', { config: { cachedBy: 'registry' } }, async (_request, reply) => reply.send({ data: (await registryModel(db)).groups.map(groupJson) }));

      api.get<{ Params: { id: string } }>('/v1/wide-area-groups/:id', async (request, reply) => {
        const model = await registryModel(db);
        const group = model.groups.find((g) => g.id === request.params.id);
        if (!group) return sendError(reply, 404, 'その広域連携協定の団体はありません。', 'No such wide-area group.');
        const members = group.memberCodes
          .map((code) => model.governments.get(code))
          .filter((m) => m !== undefined)
          .sort((a, b) => a.kanaRank - b.kanaRank)
          .map((m) => ({ code: m.code, name: m.name, kana: m.kana, kind: m.kind }));
        return reply.send({ data: { ...groupJson(group), members } });
      });

      api.get('/v1/figures', { config: { cachedBy: 'registry' } }, async (request, reply) => {
        const parsed = figuresQuerySchema.safeParse(request.query ?? {});
        if (!parsed.success || (parsed.data.asOf && parsed.data.fy)) {
          return sendError(reply, 400, '基準日は YYYY-MM-DD、年度は4桁の数字(2014以降)で、どちらか一方を指定してください。', 'Give either asOf (YYYY-MM-DD) or fy (a year from 2014).', [
            { param: 'asOf', message: '基準日は YYYY-MM-DD の形で指定してください。', messageEn: 'asOf must be YYYY-MM-DD.' },
          ]);
        }
        const today = formatIsoDate(new Date());
        const asOf = parsed.data.asOf ?? (parsed.data.fy ? fiscalYearRange(parsed.data.fy).end : today);
        const model = await registryModel(db);
        const published = model.publishedFigures;
        const f = computeFigures(model, asOf);
        return reply.header('cache-control', 'no-cache').send({
          data: {
            asOf,
            wardPartners: f.wardPartners,
            registeredMembers: f.registeredMembers,
            wideAreaMembers: f.wideAreaMembers,
            wideAreaGroups: f.wideAreaGroups,
            union: f.union,
            groups: f.groups.map((g) => ({ id: g.id, name: g.name, memberCount: g.memberCount, signed: g.signed })),
            unionByPrefecture: f.unionByPrefecture,
            published: published.map((p) => ({
              metric: p.metric,
              label: p.label,
              value: p.value,
              isLowerBound: p.isLowerBound,
              asOf: p.asOf,
              asOfPrecision: p.asOfPrecision,
              sourceTitle: p.sourceTitle,
              sourceUrl: p.sourceUrl,
            })),
          },
        });
      });

      api.get('/v1/figures/trend', { config: { cachedBy: 'registry' } }, async (request, reply) => {
        const parsed = trendQuerySchema.safeParse(request.query ?? {});
        const currentFy = fiscalYearOf(new Date());
        const from = parsed.success ? (parsed.data.from ?? FIRST_FISCAL_YEAR) : NaN;
        const to = parsed.success ? (parsed.data.to ?? currentFy) : NaN;
        if (!parsed.success || from > to) {
          return sendError(reply, 400, '年度は2014以降の4桁の数字で、from は to 以前にしてください。', 'from and to are years from 2014, from ≤ to.', [
            { param: 'from', message: '年度は2014以降の4桁の数字で指定してください。', messageEn: 'A year from 2014.' },
          ]);
        }
        const model = await registryModel(db);
        const projects = new Map(projectCountsByFiscalYear(projectCountsOf(model)).map((y) => [y.fiscalYear, y]));
        const data = trendByFiscalYear(figuresInputOf(model), from, to).map((y) => {
          const p = projects.get(y.fiscalYear);
          return {
            fiscalYear: y.fiscalYear,
            asOf: y.asOf,
            wardPartners: y.wardPartners,
            registeredMembers: y.registeredMembers,
            wideAreaMembers: y.wideAreaMembers,
            union: y.union,
            projects: { total: p?.total ?? 0, recorded: p?.recorded ?? 0, wards: p?.byOrganiser.ward ?? 0, joint: p?.byOrganiser.joint ?? 0 },
          };
        });
        return reply.header('cache-control', 'no-cache').send({ data });
      });
    },
    { prefix: '/api' },
  );
}
