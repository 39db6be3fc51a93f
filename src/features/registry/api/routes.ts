// GET /api/v1/…: the registry as JSON, with the same filters and records as the HTML lists (one
// query layer, src/db/registry-listing.ts), described by the OpenAPI 3.1 document at
// /api/openapi.json. Read-only and public: everything here is on the public pages too.
// Errors are JSON with a Japanese message (and an English one), never an HTML page.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { FeatureOptions } from '../../feature-options.ts';
import { trendByFiscalYear } from '../../../domain/collaboration-figures.ts';
import { projectCountsByFiscalYear } from '../../../domain/collaboration-figures.ts';
import { fiscalYearOf, fiscalYearRange } from '../../../domain/fiscal-year.ts';
import { formatIsoDate } from '../../../domain/japanese-date.ts';
import { projectFieldByNumber, projectFields } from '../shared/project-fields.ts';
import { parseAgreementFilter, parseProjectFilter, type FilterError } from '../lists/filters.ts';
import { computeFigures, loadFiguresInput, loadProjectCounts, loadPublishedFigures } from '../figures/load.ts';
import {
  agreementById,
  listAgreements,
  listProjects,
  projectById,
  registryAgreementTypes,
  registryPageSize,
  type AgreementRecord,
  type ProjectRecord,
} from '../lists/listing.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { groupMembers, wardList } from './queries.ts';

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
  return parsed.data.per_page ?? registryPageSize;
}

function pageMeta(total: number, page: number, perPage: number) {
  return { total, page, perPage, pages: Math.max(1, Math.ceil(total / perPage)) };
}

function projectJson(p: ProjectRecord) {
  return {
    id: p.id,
    fiscalYear: p.fiscalYear,
    title: p.title,
    summary: p.summary,
    field: p.field,
    fieldName: projectFieldByNumber(p.field)?.nameJa ?? '',
    organiserKind: p.organiserKind,
    wards: p.wards,
    partners: p.partners,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    format: p.format,
    status: p.status,
    newsUrl: p.newsUrl,
    sourceUrl: p.sourceUrl,
    notes: p.notes,
    provenance: p.provenance,
    updatedAt: p.updatedAt,
  };
}

function agreementJson(a: AgreementRecord) {
  return {
    id: a.id,
    typeId: a.typeId,
    typeName: a.typeName,
    category: a.category,
    title: a.title,
    wards: a.wards,
    partners: a.partners.map((p) => ({ kind: p.kind, code: p.code, groupId: p.groupId, name: p.name, formerName: p.formerName })),
    signedOn: a.signedOn,
    signedOnPrecision: a.signedOnPrecision,
    resignedDates: a.resignedDates,
    endedOn: a.endedOn,
    ended: a.ended,
    background: a.background,
    sourceUrl: a.sourceUrl,
    notes: a.notes,
    provenance: a.provenance,
    updatedAt: a.updatedAt,
  };
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

      api.get('/v1/projects', async (request, reply) => {
        const parsed = parseProjectFilter(request.query);
        const perPage = parsePerPage(request.query);
        const issues = [...(parsed.ok ? [] : filterIssues(parsed.errors)), ...(typeof perPage === 'number' ? [] : [perPage])];
        if (!parsed.ok || typeof perPage !== 'number') return sendError(reply, 400, '条件の指定に誤りがあります。', 'Some parameters are invalid.', issues);
        const result = await listProjects(db, parsed.filter, parsed.page, { pageSize: perPage });
        return reply.header('cache-control', 'no-cache').send({ data: result.rows.map(projectJson), meta: pageMeta(result.total, parsed.page, perPage) });
      });

      api.get<{ Params: { id: string } }>('/v1/projects/:id', async (request, reply) => {
        const project = request.params.id.length <= 36 ? await projectById(db, request.params.id) : undefined;
        if (!project) return sendError(reply, 404, 'その連携事業はありません。', 'No such project.');
        return reply.send({ data: projectJson(project) });
      });

      api.get('/v1/agreements', async (request, reply) => {
        const parsed = parseAgreementFilter(request.query);
        const perPage = parsePerPage(request.query);
        const issues = [...(parsed.ok ? [] : filterIssues(parsed.errors)), ...(typeof perPage === 'number' ? [] : [perPage])];
        if (parsed.ok && parsed.filter.type && !(await registryAgreementTypes(db)).some((t) => t.id === parsed.filter.type)) {
          issues.push({ param: 'type', message: '協定の種別は一覧から選んでください。', messageEn: 'Choose an agreement type from the list.' });
        }
        if (!parsed.ok || typeof perPage !== 'number' || issues.length > 0) {
          return sendError(reply, 400, '条件の指定に誤りがあります。', 'Some parameters are invalid.', issues);
        }
        const result = await listAgreements(db, parsed.filter, parsed.page, { pageSize: perPage });
        return reply.header('cache-control', 'no-cache').send({ data: result.rows.map(agreementJson), meta: pageMeta(result.total, parsed.page, perPage) });
      });

      api.get<{ Params: { id: string } }>('/v1/agreements/:id', async (request, reply) => {
        const agreement = request.params.id.length <= 36 ? await agreementById(db, request.params.id) : undefined;
        if (!agreement) return sendError(reply, 404, 'その協定はありません。', 'No such agreement.');
        return reply.send({ data: agreementJson(agreement) });
      });

      api.get('/v1/agreement-types', async (_request, reply) => reply.send({ data: await registryAgreementTypes(db) }));
      api.get('/v1/fields', async (_request, reply) => reply.send({ data: projectFields }));
      api.get('/v1/wards', async (_request, reply) => reply.send({ data: await wardList(db) }));

      api.get('/v1/wide-area-groups', async (_request, reply) => {
        const input = await loadFiguresInput(db);
        return reply.send({ data: input.groups.map(({ members, ...g }) => ({ ...g, memberCount: members.length })) });
      });

      api.get<{ Params: { id: string } }>('/v1/wide-area-groups/:id', async (request, reply) => {
        const input = await loadFiguresInput(db);
        const group = input.groups.find((g) => g.id === request.params.id);
        if (!group) return sendError(reply, 404, 'その広域連携協定の団体はありません。', 'No such wide-area group.');
        const { members, ...rest } = group;
        return reply.send({ data: { ...rest, memberCount: members.length, members: await groupMembers(db, members) } });
      });

      api.get('/v1/figures', async (request, reply) => {
        const parsed = figuresQuerySchema.safeParse(request.query ?? {});
        if (!parsed.success || (parsed.data.asOf && parsed.data.fy)) {
          return sendError(reply, 400, '基準日は YYYY-MM-DD、年度は4桁の数字(2014以降)で、どちらか一方を指定してください。', 'Give either asOf (YYYY-MM-DD) or fy (a year from 2014).', [
            { param: 'asOf', message: '基準日は YYYY-MM-DD の形で指定してください。', messageEn: 'asOf must be YYYY-MM-DD.' },
          ]);
        }
        const today = formatIsoDate(new Date());
        const asOf = parsed.data.asOf ?? (parsed.data.fy ? fiscalYearRange(parsed.data.fy).end : today);
        const [input, published] = await Promise.all([loadFiguresInput(db), loadPublishedFigures(db)]);
        const f = computeFigures(input, asOf);
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

      api.get('/v1/figures/trend', async (request, reply) => {
        const parsed = trendQuerySchema.safeParse(request.query ?? {});
        const currentFy = fiscalYearOf(new Date());
        const from = parsed.success ? (parsed.data.from ?? FIRST_FISCAL_YEAR) : NaN;
        const to = parsed.success ? (parsed.data.to ?? currentFy) : NaN;
        if (!parsed.success || from > to) {
          return sendError(reply, 400, '年度は2014以降の4桁の数字で、from は to 以前にしてください。', 'from and to are years from 2014, from ≤ to.', [
            { param: 'from', message: '年度は2014以降の4桁の数字で指定してください。', messageEn: 'A year from 2014.' },
          ]);
        }
        const [input, counts] = await Promise.all([loadFiguresInput(db), loadProjectCounts(db)]);
        const projects = new Map(projectCountsByFiscalYear(counts).map((y) => [y.fiscalYear, y]));
        const data = trendByFiscalYear(input, from, to).map((y) => {
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
