// The OpenAPI 3.1 document of /api/v1, built once from the zod schemas the API is tested against.
import { z } from 'zod';
import { agreementFilterKeys } from '../agreements/filter.ts';
import { projectFilterKeys } from '../projects/filter.ts';
import { filterMessages, type FilterParam } from '../shared/list-query.ts';
import {
  agreementListSchema,
  agreementSchema,
  errorSchema,
  fieldSchema,
  figuresSchema,
  groupDetailSchema,
  groupSchema,
  oneOf,
  projectListSchema,
  projectSchema,
  trendSchema,
  wardSchema,
} from './schemas.ts';

type JsonSchema = Record<string, unknown>;

const parameterDocs: Record<FilterParam | 'per_page', { description: string; schema: JsonSchema }> = {
  fy: { description: '年度 (e.g. 2024; 令和6年度 also accepted)', schema: { type: 'string' } },
  ward: { description: 'An organising/partner ward, 6-digit code (e.g. 131016 = 千代田区)', schema: { type: 'string', pattern: '^\\d{6}$' } },
  pref: { description: "A partner's prefecture, 2 digits (JIS X 0401)", schema: { type: 'string', pattern: '^\\d{2}$' } },
  field: { description: '分野 1–6 (/api/v1/fields)', schema: { type: 'string', pattern: '^[1-6]$' } },
  status: { description: '状況', schema: { type: 'string', enum: ['実施', '予定', '中止', '延期'] } },
  organiser: { description: 'wards = each ward; joint = 23区共同', schema: { type: 'string', enum: ['wards', 'joint'] } },
  type: { description: 'Agreement type id (/api/v1/agreement-types)', schema: { type: 'string' } },
  category: { description: 'Agreement category', schema: { type: 'string', enum: ['friendship', 'disaster', 'other'] } },
  state: { description: 'live = not ended; ended = ended on or before today', schema: { type: 'string', enum: ['live', 'ended'] } },
  q: { description: 'Keywords (all must match title or summary), at most 100 characters', schema: { type: 'string', maxLength: 100 } },
  page: { description: 'Page number from 1', schema: { type: 'string', pattern: '^[0-9]+$' } },
  per_page: { description: 'Records per page, 1–200 (default 50)', schema: { type: 'string', pattern: '^[0-9]+$' } },
};

function queryParameters(keys: readonly string[]) {
  return keys.map((k) => {
    const doc = parameterDocs[k as keyof typeof parameterDocs];
    const ja = k in filterMessages ? ` — ${filterMessages[k as FilterParam].ja}` : '';
    return { name: k, in: 'query', required: false, description: `${doc.description}${ja}`, schema: doc.schema };
  });
}

const idParameter = (description: string) => ({ name: 'id', in: 'path', required: true, description, schema: { type: 'string' } });

/** A schema as a JSON Schema fragment without its $schema key (OpenAPI 3.1 = JSON Schema 2020-12). */
function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'output' }) as JsonSchema;
  return rest;
}

function ok(description: string, schema: z.ZodType) {
  return { description, content: { 'application/json': { schema: jsonSchema(schema) } } };
}

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: jsonSchema(errorSchema) } } });

let document: JsonSchema | undefined;

export function buildOpenApiDocument(): JsonSchema {
  document ??= {
    openapi: '3.1.0',
    info: {
      title: '特別区全国連携プロジェクト API',
      version: '1.0.0',
      description:
        'The collaboration registry of the Tokyo 23 City All Nippon Collaboration Project: projects (連携事業), agreements (協定), ' +
        'the 13 wide-area groups (広域連携), the special wards and the figures computed from these records. Read-only, public, JSON. ' +
        'Error messages are Japanese (message) with English (messageEn). Records with provenance "sample" or "synthetic" are not real facts.',
    },
    servers: [{ url: '/' }],
    paths: {
      '/api/v1/projects': {
        get: {
          summary: '連携事業一覧 (filtered, paged)',
          operationId: 'listProjects',
          parameters: queryParameters([...projectFilterKeys, 'per_page']),
          responses: { 200: ok('A page of projects', projectListSchema), 400: errorResponse('Invalid parameters') },
        },
      },
      '/api/v1/projects/{id}': {
        get: {
          summary: '連携事業',
          operationId: 'getProject',
          parameters: [idParameter('Project id')],
          responses: { 200: ok('The project', oneOf(projectSchema)), 404: errorResponse('No such project') },
        },
      },
      '/api/v1/agreements': {
        get: {
          summary: '協定一覧 (filtered, paged)',
          operationId: 'listAgreements',
          parameters: queryParameters([...agreementFilterKeys, 'per_page']),
          responses: { 200: ok('A page of agreements', agreementListSchema), 400: errorResponse('Invalid parameters') },
        },
      },
      '/api/v1/agreements/{id}': {
        get: {
          summary: '協定',
          operationId: 'getAgreement',
          parameters: [idParameter('Agreement id')],
          responses: { 200: ok('The agreement', oneOf(agreementSchema)), 404: errorResponse('No such agreement') },
        },
      },
      '/api/v1/agreement-types': {
        get: {
          summary: '協定の種別',
          operationId: 'listAgreementTypes',
          responses: {
            200: ok('Agreement types', z.object({ data: z.array(z.object({ id: z.string(), name: z.string(), nameEn: z.string(), category: z.string() })) })),
          },
        },
      },
      '/api/v1/fields': { get: { summary: '連携事業の分野 (6)', operationId: 'listFields', responses: { 200: ok('Fields', z.object({ data: z.array(fieldSchema) })) } } },
      '/api/v1/wards': { get: { summary: '特別区 (23)', operationId: 'listWards', responses: { 200: ok('Wards', z.object({ data: z.array(wardSchema) })) } } },
      '/api/v1/wide-area-groups': {
        get: { summary: '広域連携協定の13団体', operationId: 'listWideAreaGroups', responses: { 200: ok('Groups with derived member counts', z.object({ data: z.array(groupSchema) })) } },
      },
      '/api/v1/wide-area-groups/{id}': {
        get: {
          summary: '広域連携協定の団体と構成自治体',
          operationId: 'getWideAreaGroup',
          parameters: [idParameter('Group id, e.g. hokkaido-chosonkai')],
          responses: { 200: ok('The group and its members', oneOf(groupDetailSchema)), 404: errorResponse('No such group') },
        },
      },
      '/api/v1/figures': {
        get: {
          summary: '連携の状況: figures on a date, computed from the records, with the published figures',
          operationId: 'getFigures',
          parameters: [
            { name: 'asOf', in: 'query', required: false, description: 'Date (YYYY-MM-DD); default today (JST)', schema: { type: 'string', format: 'date' } },
            { name: 'fy', in: 'query', required: false, description: '年度: figures at its end (31 March)', schema: { type: 'string', pattern: '^\\d{4}$' } },
          ],
          responses: { 200: ok('Figures', oneOf(figuresSchema)), 400: errorResponse('Invalid parameters') },
        },
      },
      '/api/v1/figures/trend': {
        get: {
          summary: 'Figures at the end of each 年度, with project counts',
          operationId: 'getTrend',
          parameters: [
            { name: 'from', in: 'query', required: false, description: 'First 年度 (default 2014)', schema: { type: 'string', pattern: '^\\d{4}$' } },
            { name: 'to', in: 'query', required: false, description: 'Last 年度 (default the current one)', schema: { type: 'string', pattern: '^\\d{4}$' } },
          ],
          responses: { 200: ok('Per 年度', z.object({ data: z.array(trendSchema) })), 400: errorResponse('Invalid parameters') },
        },
      },
      '/api/openapi.json': { get: { summary: 'This document', operationId: 'getOpenApi', responses: { 200: { description: 'OpenAPI 3.1' } } } },
    },
  };
  return document;
}
