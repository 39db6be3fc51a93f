// The back office of the plan/progress table (事業計画と進捗), /registry/plan, a record kind of the
// master pages (master/): items of the plan, each with one cell per 年度 of its period (what was
// done, and its status), edited in the item's own section. The cells are part of the item's
// snapshot, so editing a cell is a change of the item in its history.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { PlanProgressStatus } from '../../../db/schema.ts';
import { formatFiscalYear } from '../../../domain/fiscal-year.ts';
import { guard } from '../../../policy/guards.ts';
import { contextFor } from '../../../views/render.ts';
import { tableRecords } from '../master/commands.ts';
import {
  choice,
  optionalText,
  parseWith,
  requiredFiscalYear,
  requiredInteger,
  requiredText,
  sourceFields,
  sourceSchema,
  stripTimestamps,
  textOf,
  type Db,
  type FieldSpec,
  type Kind,
  type KindTools,
} from '../master/kit.ts';
import { planStatusLabels, say } from '../shared/labels.tsx';
import { PlanDetail } from './admin-views.tsx';

/** The statuses of a cell, in the order the form offers them (worded by planStatusLabels). */
const progressStatuses = ['planned', 'in_progress', 'done', 'not_started'] as const satisfies readonly PlanProgressStatus[];

/** A plan covers a few 年度; a longer period is most likely a typing error. */
const MAX_PERIOD = 10;

const fields: FieldSpec[] = [
  { name: 'number', label: { ja: '番号', en: 'Number' }, type: 'integer', required: true, hint: { ja: '計画の項目番号（1〜99）。', en: 'The item number (1–99).' } },
  { name: 'title', label: { ja: '項目', en: 'Item' }, type: 'text', required: true, maxlength: 200 },
  { name: 'period_from_fy', label: { ja: '計画期間の開始年度', en: 'Period from (fiscal year)' }, type: 'fiscalYear', required: true, hint: { ja: '例：2019、令和元年度', en: 'E.g. 2019 or 令和元年度.' } },
  { name: 'period_to_fy', label: { ja: '計画期間の終了年度', en: 'Period to (fiscal year)' }, type: 'fiscalYear', required: true, hint: { ja: '例：2022、令和4年度', en: 'E.g. 2022 or 令和4年度.' } },
  ...sourceFields,
];

const schema = z
  .object({
    number: requiredInteger(1, 99),
    title: requiredText(200),
    period_from_fy: requiredFiscalYear,
    period_to_fy: requiredFiscalYear,
    ...sourceSchema,
  })
  .superRefine((v, c) => {
    if (v.period_to_fy < v.period_from_fy || v.period_to_fy - v.period_from_fy >= MAX_PERIOD) c.addIssue({ code: 'custom', path: ['period_to_fy'], message: 'periodOrder' });
  });
type Value = z.infer<typeof schema>;
const records = tableRecords<Value>('plan_items');
const columns = [
  { ja: '項目', en: 'Item' },
  { ja: '計画期間', en: 'Period' },
];

export interface ProgressCell {
  fiscalYear: number;
  description: string;
  status: PlanProgressStatus;
}

async function progressOf(db: Db, itemId: string): Promise<ProgressCell[]> {
  const rows = await db.selectFrom('plan_progress').select(['fiscal_year', 'description', 'status']).where('item_id', '=', itemId).orderBy('fiscal_year').execute();
  return rows.map((r) => ({ fiscalYear: r.fiscal_year, description: r.description, status: r.status }));
}

/** Every 年度 of the live items' periods, for the columns of the table. */
async function tableYears(db: Db): Promise<number[]> {
  const range = await db
    .selectFrom('plan_items')
    .select((eb) => [eb.fn.min<number>('period_from_fy').as('from'), eb.fn.max<number>('period_to_fy').as('to')])
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!range || range.from === null || range.to === null) return [];
  return yearsOf(Number(range.from), Math.min(Number(range.to), Number(range.from) + 2 * MAX_PERIOD));
}

function yearsOf(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

export const plan: Kind<Value> = {
  slug: 'plan',
  entity: 'plan_item',
  title: { ja: '事業計画と進捗', en: 'Plan and progress' },
  noun: { ja: '計画の項目', en: 'plan item' },
  lead: {
    ja: '事業計画の項目と、年度ごとの取組・状況です。各項目の編集ページで年度ごとの内容と状況を編集します。',
    en: 'The items of the plan with what was done each fiscal year. Edit each year’s cell on the item’s page.',
  },
  fields,
  schema,
  canCreate: true,
  canDelete: true,
  columns,
  // The table of the pamphlet: one column per 年度 of the plans' periods.
  async columnsFor(db) {
    return [...columns, ...(await tableYears(db)).map((fy) => ({ ja: formatFiscalYear(fy), en: `FY${fy}` }))];
  },
  async list(db, ctx) {
    const rows = await db.selectFrom('plan_items').selectAll().orderBy('period_from_fy').orderBy('number').execute();
    const cells = await db.selectFrom('plan_progress').select(['item_id', 'fiscal_year', 'status', 'description']).orderBy('fiscal_year').execute();
    const years = await tableYears(db);
    return rows.map((r) => ({
      id: r.id,
      deletedAt: r.deleted_at,
      cells: [
        `${r.number}. ${r.title}`,
        `${r.period_from_fy}〜${r.period_to_fy}`,
        ...years.map((fy) => {
          const cell = cells.find((c) => c.item_id === r.id && c.fiscal_year === fy);
          if (!cell) return fy < r.period_from_fy || fy > r.period_to_fy ? '' : '—';
          const status = say(ctx, planStatusLabels[cell.status]);
          const text = cell.description.length > 40 ? `${cell.description.slice(0, 40)}…` : cell.description;
          return text ? `${status}：${text}` : status;
        }),
      ],
    }));
  },
  async snapshot(db, id) {
    const row = await db.selectFrom('plan_items').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const progress = await progressOf(db, id);
    return { ...stripTimestamps(row), progress: progress.map((p) => `${p.fiscalYear} ${planStatusLabels[p.status].ja}: ${p.description}`) };
  },
  nameOf: (s) => `${textOf(s['number'])}. ${textOf(s['title'])}`,
  create: records.create,
  update: records.update,
  remove: records.remove,
  restore: records.restore,
  isDeleted: records.isDeleted,
  historyLabels: { progress: { ja: '年度ごとの進捗', en: 'Progress by fiscal year' } },
  // The cells of the item's period, as one form.
  async detail(db, ctx, id, state) {
    const item = await db.selectFrom('plan_items').select(['period_from_fy', 'period_to_fy']).where('id', '=', id).executeTakeFirst();
    if (!item) return undefined;
    const years = yearsOf(item.period_from_fy, item.period_to_fy);
    return PlanDetail({ ctx, itemId: id, years, fields: progressFields(years), input: state?.input ?? progressInput(years, await progressOf(db, id)), errors: state?.errors ?? [] });
  },
  routes: progressRoutes,
};

// ---------------------------------------------------------------------------------------------
// The progress form (POST /registry/plan/:id/progress): description-<fy> and status-<fy> for each
// 年度 of the item's period.

function progressFields(years: number[]): FieldSpec[] {
  return years.flatMap((fy): FieldSpec[] => [
    { name: `description-${fy}`, label: { ja: `${formatFiscalYear(fy)}の取組`, en: `FY${fy}: what was done` }, type: 'textarea', maxlength: 2000 },
    {
      name: `status-${fy}`,
      label: { ja: `${formatFiscalYear(fy)}の状況`, en: `FY${fy}: status` },
      type: 'select',
      required: true,
      options: progressStatuses.map((s) => ({ value: s, label: planStatusLabels[s] })),
    },
  ]);
}

function progressSchema(years: number[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const fy of years) {
    shape[`description-${fy}`] = optionalText(2000);
    shape[`status-${fy}`] = choice(progressStatuses);
  }
  return z.object(shape).transform((v) =>
    years.map((fy): ProgressCell => ({ fiscalYear: fy, description: v[`description-${fy}`] as string, status: v[`status-${fy}`] as PlanProgressStatus })),
  );
}

function progressInput(years: number[], cells: ProgressCell[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const fy of years) {
    const cell = cells.find((c) => c.fiscalYear === fy);
    out[`description-${fy}`] = cell?.description ?? '';
    out[`status-${fy}`] = cell?.status ?? 'planned';
  }
  return out;
}

/** Replaces the cells of the item's period (cells outside the period are left as they are). */
async function saveProgress(trx: Db, itemId: string, cells: ProgressCell[], now: string): Promise<void> {
  for (const cell of cells) {
    const existing = await trx.selectFrom('plan_progress').select('id').where('item_id', '=', itemId).where('fiscal_year', '=', cell.fiscalYear).executeTakeFirst();
    if (existing) {
      await trx.updateTable('plan_progress').set({ description: cell.description, status: cell.status, updated_at: now }).where('id', '=', existing.id).execute();
    } else {
      await trx.insertInto('plan_progress').values({ id: randomUUID(), item_id: itemId, fiscal_year: cell.fiscalYear, description: cell.description, status: cell.status, updated_at: now }).execute();
    }
  }
}

/** Saving an item's cells: a change of the item, in its history. */
function progressRoutes(app: FastifyInstance, { db, idOf, notFound, editPage, write }: KindTools): void {
  app.post('/registry/plan/:id/progress', async (request, reply) => {
    const actor = guard(request, reply, 'registry:manage');
    if (!actor) return reply;
    const ctx = contextFor(request, reply);
    const id = idOf(request);
    const item = id ? await db.selectFrom('plan_items').select(['period_from_fy', 'period_to_fy']).where('id', '=', id).executeTakeFirst() : undefined;
    if (!id || !item) return notFound(reply, ctx);
    const years = yearsOf(item.period_from_fy, item.period_to_fy);
    const parsed = parseWith(ctx, progressFields(years), progressSchema(years), request.body);
    if (!parsed.ok) return editPage(reply, ctx, id, { errors: parsed.errors, input: parsed.input }, 400);
    const outcome = await write(request, actor.id, id, (trx, now) => saveProgress(trx, id, parsed.value, now));
    if (!outcome.ok) return notFound(reply, ctx);
    return reply.redirect(`/registry/plan/${encodeURIComponent(id)}?done=${outcome.changed ? 'progressSaved' : 'unchanged'}`, 303);
  });
}
