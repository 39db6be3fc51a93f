// An agreement in the JSON API: its zod shape (the OpenAPI document is generated from it and the
// tests parse responses with it) and the projection of the read shape into it, typed by the schema.
import { z } from 'zod';
import { isEndedOn, type Agreement } from './record.ts';
import { code6, isoDate, precision, provenance, wardRef } from '../shared/api-shapes.ts';

export const agreementSchema = z
  .object({
    id: z.string(),
    typeId: z.string(),
    typeName: z.string(),
    category: z.enum(['friendship', 'disaster', 'other']),
    title: z.string(),
    wards: z.array(wardRef),
    partners: z.array(
      z.object({
        kind: z.enum(['government', 'group']),
        code: code6.nullable(),
        groupId: z.string().nullable(),
        name: z.string(),
        formerName: z.string(),
      }),
    ),
    signedOn: isoDate.nullable(),
    signedOnPrecision: precision,
    resignedDates: z.array(isoDate),
    endedOn: isoDate.nullable(),
    ended: z.boolean(),
    background: z.string(),
    sourceUrl: z.string().nullable().describe('The main source’s address'),
    sources: z
      .array(
        z.object({
          url: z.string().nullable(),
          title: z.string(),
          publisher: z.string(),
          statedOn: isoDate.nullable().describe('The date the source states for itself (its 「…現在」, publication or update date)'),
          statedOnPrecision: precision,
          statedText: z.string().describe('That date as printed'),
        }),
      )
      .describe('Every source the agreement rests on, the main one first'),
    notes: z.string(),
    provenance,
    updatedAt: z.string(),
  });

export function agreementJson(a: Agreement, today: string): z.output<typeof agreementSchema> {
  return {
    id: a.id,
    typeId: a.type.id,
    typeName: a.type.name,
    category: a.type.category,
    title: a.title,
    wards: a.wards,
    partners: a.partners.map((p) => {
      const isGroup = p.kind === 'group';
      return { kind: isGroup ? ('group' as const) : ('government' as const), code: isGroup ? null : p.key, groupId: isGroup ? p.key : null, name: p.name, formerName: p.formerName };
    }),
    signedOn: a.signed.date,
    signedOnPrecision: a.signed.precision,
    resignedDates: a.resignedDates,
    endedOn: a.endedOn,
    ended: isEndedOn(a, today),
    background: a.background,
    sourceUrl: a.sourceUrl,
    sources: a.sources.map((s) => ({ url: s.url, title: s.title, publisher: s.publisher, statedOn: s.stated.date, statedOnPrecision: s.stated.precision, statedText: s.statedText })),
    notes: a.notes,
    provenance: a.provenance,
    updatedAt: a.updatedAt,
  };
}
