// Disasters and the support the wards gave (被災地支援): each disaster with its support lines
// (recovery funds, sympathy money, donations, staff dispatched, goods).
import type { Kysely } from 'kysely';
import type { Database, DisasterSupportKind } from '../../../db/schema.ts';
import { compareDates, compareText, pushTo, type PartialDate, type RecordOrigin } from '../model/shapes.ts';

export interface SupportLine extends RecordOrigin {
  id: string;
  kind: DisasterSupportKind;
  recipients: string;
  amountYen: number | null;
  /** Cumulative as of asOf: the latest figure replaces, never adds to, the earlier ones. */
  staffCount: number | null;
  asOf: string | null;
  goods: string;
  isJoint: boolean;
}

export interface Disaster extends RecordOrigin {
  id: string;
  name: string;
  occurred: PartialDate;
  occurredLabel: string;
  supportSummary: string;
  lines: SupportLine[];
}

const kindOrder: Record<DisasterSupportKind, number> = { recovery_fund: 0, sympathy_money: 1, donation: 2, staff: 3, goods: 4 };

/** The disasters in the order they happened (undated last), each with its support lines. */
export async function loadDisasters(db: Kysely<Database>): Promise<Disaster[]> {
  const [rows, lineRows] = await Promise.all([
    db.selectFrom('disasters').selectAll().where('deleted_at', 'is', null).execute(),
    db.selectFrom('disaster_support').selectAll().where('deleted_at', 'is', null).execute(),
  ]);
  const lines = new Map<string, SupportLine[]>();
  for (const l of lineRows) {
    pushTo(lines, l.disaster_id, {
      id: l.id,
      kind: l.kind,
      recipients: l.recipients,
      amountYen: l.amount_yen === null ? null : Number(l.amount_yen),
      staffCount: l.staff_count === null ? null : Number(l.staff_count),
      asOf: l.as_of,
      goods: l.goods,
      isJoint: Number(l.is_joint) === 1,
      sourceUrl: l.source_url,
      notes: l.notes,
      provenance: l.provenance,
    });
  }
  for (const list of lines.values()) list.sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || compareDates(a.asOf, b.asOf) || compareText(a.id, b.id));
  return rows
    .map(
      (r): Disaster => ({
        id: r.id,
        name: r.name,
        occurred: { date: r.occurred_on, precision: r.occurred_on_precision },
        occurredLabel: r.occurred_label,
        supportSummary: r.support_summary,
        lines: lines.get(r.id) ?? [],
        sourceUrl: r.source_url,
        notes: r.notes,
        provenance: r.provenance,
      }),
    )
    .sort((a, b) => compareDates(a.occurred.date, b.occurred.date) || compareText(a.name, b.name) || compareText(a.id, b.id));
}
