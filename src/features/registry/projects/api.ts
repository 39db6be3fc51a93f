// A project in the JSON API: its zod shape (the OpenAPI document is generated from it and the
// tests parse responses with it) and the projection of the read shape into it. The projection is
// typed by the schema, so a field added to one and not the other does not compile.
import { z } from 'zod';
import { projectFieldByNumber } from './fields.ts';
import type { Project } from './record.ts';
import { isoDate, partnerRef, provenance, wardRef } from '../shared/api-shapes.ts';

export const projectSchema = z
  .object({
    id: z.string(),
    fiscalYear: z.number().int().describe('年度 (April–March), named by the year it starts in'),
    title: z.string(),
    summary: z.string(),
    field: z.number().int().min(1).max(6).describe('分野 1–6 (see /api/v1/fields)'),
    fieldName: z.string(),
    organiserKind: z.enum(['wards', 'joint']).describe('wards: one or more wards; joint: 23区共同'),
    wards: z.array(wardRef),
    partners: z.array(partnerRef),
    startsOn: isoDate.nullable(),
    endsOn: isoDate.nullable(),
    format: z.enum(['offline', 'online', 'hybrid']),
    status: z.enum(['実施', '予定', '中止', '延期']),
    newsUrl: z.string().nullable(),
    sourceUrl: z.string().nullable(),
    notes: z.string(),
    provenance,
    updatedAt: z.string(),
  });

export function projectJson(p: Project): z.output<typeof projectSchema> {
  return {
    id: p.id,
    fiscalYear: p.fiscalYear,
    title: p.title,
    summary: p.summary,
    field: p.field,
    fieldName: projectFieldByNumber(p.field)?.nameJa ?? '',
    organiserKind: p.organiserKind,
    wards: p.wards,
    partners: p.partners.map((x) => ({ code: x.key, name: x.name, prefectureCode: x.prefectureCode, isPrefecture: x.kind === 'prefecture' })),
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
