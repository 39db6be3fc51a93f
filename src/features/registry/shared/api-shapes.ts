// The pieces every registry JSON shape is made of (a date, a 全国地方公共団体コード, a date's
// precision, where a record came from, a ward or partner reference): one description of each for
// the subjects' API shapes (agreements/api.ts, projects/api.ts, api/schemas.ts) and the OpenAPI document.
import { z } from 'zod';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('ISO 8601 date (YYYY-MM-DD)');
export const code6 = z.string().regex(/^\d{6}$/).describe('全国地方公共団体コード (6 digits with check digit)');
export const precision = z.enum(['day', 'month', 'year']).describe('How much of the date is known; a month or year is stored as its first day');
export const provenance = z
  .enum(['seed', 'entry', 'import', 'sample', 'synthetic'])
  .describe('seed: a sourced real fact; entry/import: recorded by staff; sample: demo 「サンプル」; synthetic: generated benchmark data');

export const wardRef = z.object({ code: code6, name: z.string() });
export const partnerRef = z.object({
  code: code6,
  name: z.string(),
  prefectureCode: z.string().regex(/^\d{2}$/),
  isPrefecture: z.boolean(),
});
