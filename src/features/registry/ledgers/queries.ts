// Reads for the public ledger pages. Returns view shapes, not rows. Deleted records (deleted_at set)
// are never shown. Orders that involve Japanese text are decided here in code, not by the engine's
// collation, so that SQLite and PostgreSQL list the same records in the same order.
import type { Kysely } from 'kysely';
import type {
  Database,
  DatePrecision,
  DisasterSupportKind,
  GroupKind,
  PlanProgressStatus,
  Provenance,
} from '../../../db/schema.ts';
import { deriveGroupMembers, toMasterMunicipalities, type GroupException, type WideAreaGroup } from '../../../domain/wide-area-groups.ts';

/** What every registry record shows: its source link and whether it is a sample. */
export interface RecordMeta {
  sourceUrl: string | null;
  notes: string;
  provenance: Provenance;
}

export interface Municipality {
  code: string;
  name: string;
  kana: string;
  kind: string;
}

// ─── 広域連携 ───────────────────────────────────────────────────────────────────────────────────

export interface WideAreaGroupView extends RecordMeta {
  id: string;
  name: string;
  prefectureCode: string;
  prefectureName: string;
  kind: GroupKind;
  signedOn: string | null;
  signedOnPrecision: DatePrecision;
  autoRenewal: boolean;
  publishedMemberCount: number | null;
  /** Derived from the master data by the group's rule and its recorded exceptions. */
  memberCodes: string[];
}

export interface GroupExceptionView {
  code: string;
  name: string;
  kana: string;
  change: 'add' | 'remove';
  note: string;
}

export interface WideAreaLedger {
  groups: WideAreaGroupView[];
  /** Every municipality the groups' rules and exceptions refer to, by code. */
  municipalities: Map<string, Municipality & { kanaRank: number }>;
  exceptions: Map<string, GroupExceptionView[]>;
}

async function prefectureNames(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('local_governments').select(['prefecture_code', 'name']).where('level', '=', 'prefecture').execute();
  return new Map(rows.map((r) => [r.prefecture_code, r.name]));
}

/** The groups (not deleted, in sort_order) with their derived members. */
export async function loadWideAreaLedger(db: Kysely<Database>, onlyGroupId?: string): Promise<WideAreaLedger> {
  let query = db.selectFrom('wide_area_groups').selectAll().where('deleted_at', 'is', null);
  if (onlyGroupId !== undefined) query = query.where('id', '=', onlyGroupId);
  const rows = await query.orderBy('sort_order').orderBy('id').execute();
  if (rows.length === 0) return { groups: [], municipalities: new Map(), exceptions: new Map() };

  const groupIds = rows.map((r) => r.id);
  const exceptionRows = await db
    .selectFrom('wide_area_group_exceptions')
    .selectAll()
    .where('group_id', 'in', groupIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const prefectureCodes = [...new Set(rows.map((r) => r.prefecture_code))];
  const exceptionCodes = [...new Set(exceptionRows.map((e) => e.local_government_code))];
  const masterRows = await db
    .selectFrom('local_governments')
    .select(['code', 'level', 'prefecture_code', 'kind', 'is_counted', 'valid_from', 'valid_to', 'name', 'kana', 'kana_rank'])
    .where('level', '=', 'municipality')
    .where((eb) =>
      exceptionCodes.length > 0
        ? eb.or([eb('prefecture_code', 'in', prefectureCodes), eb('code', 'in', exceptionCodes)])
        : eb('prefecture_code', 'in', prefectureCodes),
    )
    .execute();
  const master = toMasterMunicipalities(masterRows);
  const exceptions: GroupException[] = exceptionRows.map((e) => ({ groupId: e.group_id, code: e.local_government_code, change: e.change, note: e.note }));
  const prefectures = await prefectureNames(db);
  const municipalities = new Map(masterRows.map((m) => [m.code, { code: m.code, name: m.name, kana: m.kana, kind: m.kind, kanaRank: m.kana_rank }]));

  const groups = rows.map((r): WideAreaGroupView => {
    const rule: WideAreaGroup = {
      id: r.id,
      nameJa: r.name,
      prefectureCode: r.prefecture_code,
      kind: r.kind,
      signedOn: r.signed_on,
      publishedMemberCount: r.published_member_count ?? 0,
    };
    return {
      id: r.id,
      name: r.name,
      prefectureCode: r.prefecture_code,
      prefectureName: prefectures.get(r.prefecture_code) ?? r.prefecture_code,
      kind: r.kind,
      signedOn: r.signed_on,
      signedOnPrecision: r.signed_on_precision,
      autoRenewal: r.auto_renewal === 1,
      publishedMemberCount: r.published_member_count,
      // The current master data: a merger recorded there moves the count without editing the group.
      memberCodes: deriveGroupMembers(rule, master, exceptions),
      sourceUrl: r.source_url,
      notes: r.notes,
      provenance: r.provenance,
    };
  });

  const exceptionsByGroup = new Map<string, GroupExceptionView[]>();
  for (const e of exceptionRows) {
    const m = municipalities.get(e.local_government_code);
    let list = exceptionsByGroup.get(e.group_id);
    if (!list) exceptionsByGroup.set(e.group_id, (list = []));
    list.push({ code: e.local_government_code, name: m?.name ?? e.local_government_code, kana: m?.kana ?? '', change: e.change, note: e.note });
  }
  return { groups, municipalities, exceptions: exceptionsByGroup };
}

/** A group's members in 五十音 order of their reading. */
export function membersOf(ledger: WideAreaLedger, group: WideAreaGroupView): Municipality[] {
  return group.memberCodes
    .map((code) => ledger.municipalities.get(code))
    .filter((m): m is Municipality & { kanaRank: number } => m !== undefined)
    .sort((a, b) => a.kanaRank - b.kanaRank || (a.code < b.code ? -1 : 1))
    .map(({ code, name, kana, kind }) => ({ code, name, kana, kind }));
}

// ─── 地域別の交流 ─────────────────────────────────────────────────────────────────────────────

export interface RegionalExchangeView extends RecordMeta {
  id: string;
  regionName: string;
  prefectureCode: string;
  prefectureName: string;
  wardCode: string;
  wardName: string;
  startedFiscalYear: number | null;
  endedOn: string | null;
  councilName: string;
  activities: string;
  members: Municipality[];
}

export async function listRegionalExchanges(db: Kysely<Database>): Promise<RegionalExchangeView[]> {
  const rows = await db
    .selectFrom('regional_exchanges as r')
    .leftJoin('local_governments as w', 'w.code', 'r.ward_code')
    .selectAll('r')
    .select('w.name as ward_name')
    .where('r.deleted_at', 'is', null)
    .execute();
  if (rows.length === 0) return [];
  const memberRows = await db
    .selectFrom('regional_exchange_members as m')
    .innerJoin('local_governments as g', 'g.code', 'm.local_government_code')
    .select(['m.exchange_id', 'g.code', 'g.name', 'g.kana', 'g.kind', 'g.kana_rank'])
    .where(
      'm.exchange_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('g.kana_rank')
    .orderBy('g.code')
    .execute();
  const prefectures = await prefectureNames(db);
  const members = new Map<string, Municipality[]>();
  for (const m of memberRows) {
    let list = members.get(m.exchange_id);
    if (!list) members.set(m.exchange_id, (list = []));
    list.push({ code: m.code, name: m.name, kana: m.kana, kind: m.kind });
  }
  return rows
    .map(
      (r): RegionalExchangeView => ({
        id: r.id,
        regionName: r.region_name,
        prefectureCode: r.prefecture_code,
        prefectureName: prefectures.get(r.prefecture_code) ?? r.prefecture_code,
        wardCode: r.ward_code,
        wardName: r.ward_name ?? r.ward_code,
        startedFiscalYear: r.started_fiscal_year,
        endedOn: r.ended_on,
        councilName: r.council_name,
        activities: r.activities,
        members: members.get(r.id) ?? [],
        sourceUrl: r.source_url,
        notes: r.notes,
        provenance: r.provenance,
      }),
    )
    .sort((a, b) => compareText(a.wardCode, b.wardCode) || compareText(a.regionName, b.regionName) || compareText(a.id, b.id));
}

// ─── 企業との連携 ─────────────────────────────────────────────────────────────────────────────

export interface CompanyAgreementView extends RecordMeta {
  id: string;
  companyName: string;
  formerName: string;
  signedOn: string | null;
  signedOnPrecision: DatePrecision;
  activities: string;
}

export async function listCompanyAgreements(db: Kysely<Database>): Promise<CompanyAgreementView[]> {
  const rows = await db.selectFrom('company_agreements').selectAll().where('deleted_at', 'is', null).execute();
  return rows
    .map(
      (r): CompanyAgreementView => ({
        id: r.id,
        companyName: r.company_name,
        formerName: r.former_name,
        signedOn: r.signed_on,
        signedOnPrecision: r.signed_on_precision,
        activities: r.activities,
        sourceUrl: r.source_url,
        notes: r.notes,
        provenance: r.provenance,
      }),
    )
    .sort((a, b) => compareDates(a.signedOn, b.signedOn) || compareText(a.companyName, b.companyName) || compareText(a.id, b.id));
}

// ─── 被災地支援 ───────────────────────────────────────────────────────────────────────────────

export interface SupportLineView extends RecordMeta {
  id: string;
  kind: DisasterSupportKind;
  recipients: string;
  amountYen: number | null;
  staffCount: number | null;
  asOf: string | null;
  goods: string;
  isJoint: boolean;
}

export interface DisasterView extends RecordMeta {
  id: string;
  name: string;
  occurredOn: string | null;
  occurredOnPrecision: DatePrecision;
  occurredLabel: string;
  supportSummary: string;
  lines: SupportLineView[];
}

const kindOrder: Record<DisasterSupportKind, number> = { recovery_fund: 0, sympathy_money: 1, donation: 2, staff: 3, goods: 4 };

/** The disasters in the order they happened (undated last), each with its support lines. */
export async function listDisasters(db: Kysely<Database>): Promise<DisasterView[]> {
  const rows = await db.selectFrom('disasters').selectAll().where('deleted_at', 'is', null).execute();
  if (rows.length === 0) return [];
  const lineRows = await db
    .selectFrom('disaster_support')
    .selectAll()
    .where('deleted_at', 'is', null)
    .where(
      'disaster_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  const lines = new Map<string, SupportLineView[]>();
  for (const l of lineRows) {
    let list = lines.get(l.disaster_id);
    if (!list) lines.set(l.disaster_id, (list = []));
    list.push({
      id: l.id,
      kind: l.kind,
      recipients: l.recipients,
      amountYen: l.amount_yen === null ? null : Number(l.amount_yen),
      staffCount: l.staff_count,
      asOf: l.as_of,
      goods: l.goods,
      isJoint: l.is_joint === 1,
      sourceUrl: l.source_url,
      notes: l.notes,
      provenance: l.provenance,
    });
  }
  for (const list of lines.values()) {
    list.sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || compareDates(a.asOf, b.asOf) || compareText(a.id, b.id));
  }
  return rows
    .map(
      (r): DisasterView => ({
        id: r.id,
        name: r.name,
        occurredOn: r.occurred_on,
        occurredOnPrecision: r.occurred_on_precision,
        occurredLabel: r.occurred_label,
        supportSummary: r.support_summary,
        lines: lines.get(r.id) ?? [],
        sourceUrl: r.source_url,
        notes: r.notes,
        provenance: r.provenance,
      }),
    )
    .sort((a, b) => compareDates(a.occurredOn, b.occurredOn) || compareText(a.name, b.name) || compareText(a.id, b.id));
}

// ─── 事業計画と進捗 ───────────────────────────────────────────────────────────────────────────

export interface PlanCell {
  description: string;
  status: PlanProgressStatus;
}

export interface PlanItemView extends RecordMeta {
  id: string;
  number: number;
  title: string;
  periodFromFy: number;
  periodToFy: number;
  progress: Map<number, PlanCell>;
}

export async function listPlanItems(db: Kysely<Database>): Promise<PlanItemView[]> {
  const rows = await db.selectFrom('plan_items').selectAll().where('deleted_at', 'is', null).orderBy('number').orderBy('id').execute();
  if (rows.length === 0) return [];
  const progress = await db
    .selectFrom('plan_progress')
    .selectAll()
    .where(
      'item_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  const byItem = new Map<string, Map<number, PlanCell>>();
  for (const p of progress) {
    let cells = byItem.get(p.item_id);
    if (!cells) byItem.set(p.item_id, (cells = new Map()));
    cells.set(p.fiscal_year, { description: p.description, status: p.status });
  }
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    title: r.title,
    periodFromFy: r.period_from_fy,
    periodToFy: r.period_to_fy,
    progress: byItem.get(r.id) ?? new Map(),
    sourceUrl: r.source_url,
    notes: r.notes,
    provenance: r.provenance,
  }));
}

// ─── ordering helpers ──────────────────────────────────────────────────────────────────────────

/** Code-point order: the same on every engine and machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** ISO dates ascending, unknown last. */
function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareText(a, b);
}
