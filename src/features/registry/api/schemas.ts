// The JSON API's shapes (projects and agreements in their subjects), as zod schemas: the OpenAPI document is generated from them
// (z.toJSONSchema) and the tests parse every response with them, so the document cannot drift
// from what the API sends.
import { z } from 'zod';
import { agreementSchema } from '../agreements/api.ts';
import { projectSchema } from '../projects/api.ts';
import { code6, isoDate, precision } from '../shared/api-shapes.ts';

export { agreementSchema, projectSchema };

export const groupSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefectureCode: z.string().regex(/^\d{2}$/),
    kind: z.enum(['city_mayors', 'town_village_mayors']).describe('city_mayors: 市長会 (the cities); town_village_mayors: 町村会 (towns and villages)'),
    signedOn: isoDate.nullable().describe('null when the signing date is unknown'),
    signedOnPrecision: precision,
    memberCount: z.number().int().describe('Derived from the master data by rule, with recorded exceptions'),
    publishedMemberCount: z.number().int().nullable(),
  });

export const groupDetailSchema = groupSchema
  .extend({
    members: z.array(z.object({ code: code6, name: z.string(), kana: z.string(), kind: z.string() })),
  });

export const publishedFigureSchema = z
  .object({
    metric: z.string(),
    label: z.string(),
    value: z.number().int(),
    isLowerBound: z.boolean(),
    asOf: isoDate,
    asOfPrecision: precision,
    sourceTitle: z.string(),
    sourceUrl: z.string().nullable(),
  });

export const figuresSchema = z
  .object({
    asOf: isoDate,
    wardPartners: z.number().int().describe('Distinct municipalities with a live agreement or exchange with a ward'),
    registeredMembers: z.number().int(),
    wideAreaMembers: z.number().int(),
    wideAreaGroups: z.number().int(),
    union: z.number().int().describe('Distinct municipalities in at least one category (deduplicated)'),
    groups: z.array(z.object({ id: z.string(), name: z.string(), memberCount: z.number().int(), signed: z.boolean() })),
    unionByPrefecture: z.record(z.string(), z.number().int()),
    published: z.array(publishedFigureSchema),
  });

export const trendSchema = z
  .object({
    fiscalYear: z.number().int(),
    asOf: isoDate,
    wardPartners: z.number().int(),
    registeredMembers: z.number().int(),
    wideAreaMembers: z.number().int(),
    union: z.number().int(),
    projects: z.object({ total: z.number().int(), recorded: z.number().int(), wards: z.number().int(), joint: z.number().int() }),
  });

export const wardSchema = z
  .object({ code: code6, name: z.string(), kana: z.string(), block: z.number().int(), mayorName: z.string(), mayorAsOf: isoDate.nullable(), sourceUrl: z.string().nullable() });

export const fieldSchema = z.object({ number: z.number().int(), nameJa: z.string(), nameEn: z.string(), descriptionJa: z.string() });

export const pageMetaSchema = z
  .object({ total: z.number().int(), page: z.number().int(), perPage: z.number().int(), pages: z.number().int() });

export const errorSchema = z
  .object({
    error: z.object({
      status: z.number().int(),
      message: z.string().describe('Japanese'),
      messageEn: z.string(),
      issues: z.array(z.object({ param: z.string(), message: z.string(), messageEn: z.string() })),
    }),
  });

export const listOf = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), meta: pageMetaSchema });
export const oneOf = <T extends z.ZodType>(item: T) => z.object({ data: item });

export const projectListSchema = listOf(projectSchema);
export const agreementListSchema = listOf(agreementSchema);
