// The project's plans: joint plans (広域共同計画: wards and partner municipalities of one region
// under one grant) and the plan/progress table (事業計画と進捗: numbered items × 年度).
import type { Kysely } from 'kysely';
import type { Database, PlanProgressStatus } from '../../../db/schema.ts';
import type { Names } from '../model/names.ts';
import { compareDates, compareText, pushTo, type PartialDate, type Party, type RecordOrigin, type WardRef } from '../model/shapes.ts';

export interface JointPlan extends RecordOrigin {
  id: string;
  title: string;
  regionLabel: string;
  approved: PartialDate;
  grantName: string;
  wards: WardRef[];
  partners: Party[];
}

export interface PlanCell {
  description: string;
  status: PlanProgressStatus;
}

export interface PlanItem extends RecordOrigin {
  id: string;
  number: number;
  title: string;
  periodFromFy: number;
  periodToFy: number;
  /** By 年度. */
  progress: Map<number, PlanCell>;
}

/** The joint plans that are not deleted, newest approval first (unknown last). */
export async function loadJointPlans(db: Kysely<Database>, names: Names): Promise<JointPlan[]> {
  const [rows, wardRows, partnerRows] = await Promise.all([
    db.selectFrom('joint_plans').selectAll().where('deleted_at', 'is', null).execute(),
    db.selectFrom('joint_plan_wards').selectAll().execute(),
    db.selectFrom('joint_plan_partners').selectAll().execute(),
  ]);
  const wardsOf = new Map<string, WardRef[]>();
  for (const w of wardRows) pushTo(wardsOf, w.plan_id, names.ward(w.ward_code));
  const partnersOf = new Map<string, Party[]>();
  for (const p of partnerRows) pushTo(partnersOf, p.plan_id, names.government(p.local_government_code));
  const byCode = (a: { code?: string; key?: string }, b: { code?: string; key?: string }) => compareText(a.code ?? a.key ?? '', b.code ?? b.key ?? '');
  return rows
    .map(
      (r): JointPlan => ({
        id: r.id,
        title: r.title,
        regionLabel: r.region_label,
        approved: { date: r.approved_on, precision: r.approved_on_precision },
        grantName: r.grant_name,
        wards: (wardsOf.get(r.id) ?? []).sort(byCode),
        partners: (partnersOf.get(r.id) ?? []).sort(byCode),
        sourceUrl: r.source_url,
        notes: r.notes,
        provenance: r.provenance,
      }),
    )
    .sort((a, b) => -compareDates(a.approved.date ?? '0000', b.approved.date ?? '0000') || compareText(a.id, b.id));
}

/** The plan items that are not deleted, by number, each with its progress by 年度. */
export async function loadPlanItems(db: Kysely<Database>): Promise<PlanItem[]> {
  const [rows, progress] = await Promise.all([
    db.selectFrom('plan_items').selectAll().where('deleted_at', 'is', null).orderBy('number').orderBy('id').execute(),
    db.selectFrom('plan_progress').selectAll().execute(),
  ]);
  const byItem = new Map<string, Map<number, PlanCell>>();
  for (const p of progress) {
    let cells = byItem.get(p.item_id);
    if (!cells) byItem.set(p.item_id, (cells = new Map()));
    cells.set(Number(p.fiscal_year), { description: p.description, status: p.status });
  }
  return rows.map((r) => ({
    id: r.id,
    number: Number(r.number),
    title: r.title,
    periodFromFy: Number(r.period_from_fy),
    periodToFy: Number(r.period_to_fy),
    progress: byItem.get(r.id) ?? new Map(),
    sourceUrl: r.source_url,
    notes: r.notes,
    provenance: r.provenance,
  }));
}
