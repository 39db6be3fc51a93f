// Loads from the registry what the pure figure functions (src/domain/collaboration-figures.ts) need,
// and computes the headline figures for a date. Used by 連携の状況 (/collaboration) and the API.
//
// What counts where:
// - ward partners (各区の交流自治体): the municipality partners of live agreements of a ward, plus the
//   members of the regional exchanges (a Hokkaido region ↔ a ward). A partner that is a prefecture
//   never counts as a municipality; a partner that is a group (市長会/町村会) counts under wide-area,
//   through its wide_area_groups row, not as a ward partner;
// - registered members (会員登録自治体): registered_members, from the day they joined;
// - wide-area members: each (not deleted) wide_area_groups row's members derived from the master
//   data by rule (deriveGroupMembers) with its recorded exceptions, from its signing date.
// Deleted records (deleted_at set) are left out everywhere. The loaded input is cached per database
// for a few seconds (cachedPerDatabase), so a page computes from one load however many figures it shows.
import type { Kysely } from 'kysely';
import {
  countByPrefecture,
  figuresAsOf,
  groupsSignedOn,
  type FiguresInput,
  type GroupMembership,
  type Membership,
  type ProjectCount,
  type ProjectStatus,
  type WardTie,
} from '../../../domain/collaboration-figures.ts';
import { fiscalYearRange } from '../../../domain/fiscal-year.ts';
import { deriveGroupMembers, toMasterMunicipalities, type GroupKind, type WideAreaGroup } from '../../../domain/wide-area-groups.ts';
import { cachedPerDatabase } from '../../../db/cache.ts';
import type { Database, DatePrecision, FigureMetric } from '../../../db/schema.ts';

/** How long a load is reused. A change in the registry shows on the figures within this time. */
export const FIGURES_TTL_MS = 5_000;

export interface RegistryGroup {
  id: string;
  name: string;
  prefectureCode: string;
  kind: GroupKind;
  signedOn: string | null;
  signedOnPrecision: DatePrecision;
  publishedMemberCount: number | null;
  /** Derived members (sorted codes), as of now. */
  members: readonly string[];
}

export interface RegistryFiguresInput extends FiguresInput {
  municipalityCodes: ReadonlySet<string>;
  groups: readonly RegistryGroup[];
  /** Municipality code → 2-digit prefecture code, for every municipality of the master data. */
  prefectureOf: ReadonlyMap<string, string>;
}

export interface GroupFigure {
  id: string;
  name: string;
  prefectureCode: string;
  signedOn: string | null;
  /** Whether the agreement holds on the date (an unknown signing date counts as signed). */
  signed: boolean;
  memberCount: number;
  publishedMemberCount: number | null;
}

export interface ComputedFigures {
  asOf: string;
  wardPartners: number;
  registeredMembers: number;
  wideAreaMembers: number;
  /** Groups (市長会/町村会) whose agreement holds on asOf: the pamphlet's 13. */
  wideAreaGroups: number;
  /** Distinct municipalities in at least one category (the pamphlet's 1,096). */
  union: number;
  groups: GroupFigure[];
  /** Union members per prefecture (2-digit code); prefectures without any are absent. */
  unionByPrefecture: Record<string, number>;
  byCategoryCodes: {
    wardPartners: ReadonlySet<string>;
    registeredMembers: ReadonlySet<string>;
    wideAreaMembers: ReadonlySet<string>;
    union: ReadonlySet<string>;
  };
}

// A token per database that forgetFigures replaces, so that a write can drop the cached load
// (cachedPerDatabase keys its entries by the object it is given).
interface Token {
  db: Kysely<Database>;
}
const tokens = new WeakMap<Kysely<Database>, Token>();
function tokenOf(db: Kysely<Database>): Token {
  let token = tokens.get(db);
  if (!token) tokens.set(db, (token = { db }));
  return token;
}

/** Drops this database's cached loads: the next request reads the registry again. */
export function forgetFigures(db: Kysely<Database>): void {
  tokens.delete(db);
}

const cachedInput = cachedPerDatabase(FIGURES_TTL_MS, (t: Token) => readFiguresInput(t.db));
const cachedProjects = cachedPerDatabase(FIGURES_TTL_MS, (t: Token) => readProjectCounts(t.db));
const cachedPublished = cachedPerDatabase(FIGURES_TTL_MS, (t: Token) => readPublishedFigures(t.db));

/** The registry's ties, memberships and group members (cached a few seconds per database). */
export function loadFiguresInput(db: Kysely<Database>): Promise<RegistryFiguresInput> {
  return cachedInput(tokenOf(db));
}

/** Projects counted per 年度 × organiser kind × field × status (cached a few seconds per database). */
export function loadProjectCounts(db: Kysely<Database>): Promise<ProjectCount[]> {
  return cachedProjects(tokenOf(db));
}

export interface PublishedFigureRecord {
  id: string;
  metric: FigureMetric;
  label: string;
  value: number;
  isLowerBound: boolean;
  asOf: string;
  asOfPrecision: DatePrecision;
  sourceTitle: string;
  sourceUrl: string | null;
  notes: string;
}

/** The published figures (newest first), not deleted (cached a few seconds per database). */
export function loadPublishedFigures(db: Kysely<Database>): Promise<PublishedFigureRecord[]> {
  return cachedPublished(tokenOf(db));
}

// Computed figures of one load, per date: the page, its trend and its export share them.
const computed = new WeakMap<RegistryFiguresInput, Map<string, ComputedFigures>>();
const MAX_DATES_PER_LOAD = 64;

/** The figures on asOf (ISO date) from a load; remembered per load and date. */
export function computeFigures(input: RegistryFiguresInput, asOf: string): ComputedFigures {
  let byDate = computed.get(input);
  if (!byDate) computed.set(input, (byDate = new Map()));
  const hit = byDate.get(asOf);
  if (hit) return hit;
  const f = figuresAsOf(input, asOf);
  const groups = input.groups.map((g): GroupFigure => ({
    id: g.id,
    name: g.name,
    prefectureCode: g.prefectureCode,
    signedOn: g.signedOn,
    signed: g.signedOn === null || g.signedOn <= asOf,
    memberCount: g.members.length,
    publishedMemberCount: g.publishedMemberCount,
  }));
  const result: ComputedFigures = {
    asOf,
    wardPartners: f.wardPartners,
    registeredMembers: f.registeredMembers,
    wideAreaMembers: f.wideAreaMembers,
    wideAreaGroups: groupsSignedOn(input.groups, asOf),
    union: f.union,
    groups,
    unionByPrefecture: countByPrefecture(f.byCategoryCodes.union, input.prefectureOf),
    byCategoryCodes: f.byCategoryCodes,
  };
  if (byDate.size >= MAX_DATES_PER_LOAD) byDate.clear();
  byDate.set(asOf, result);
  return result;
}

async function readFiguresInput(db: Kysely<Database>): Promise<RegistryFiguresInput> {
  const [agreementTies, exchangeTies, members, groupRows, exceptionRows, governmentRows] = await Promise.all([
    db
      .selectFrom('agreements as a')
      .innerJoin('agreement_wards as aw', 'aw.agreement_id', 'a.id')
      .innerJoin('agreement_partners as ap', 'ap.agreement_id', 'a.id')
      .innerJoin('local_governments as lg', 'lg.code', 'ap.local_government_code')
      .where('a.deleted_at', 'is', null)
      .where('lg.level', '=', 'municipality')
      .select(['aw.ward_code as wardCode', 'lg.code as partnerCode', 'a.signed_on as startedOn', 'a.ended_on as endedOn'])
      .distinct()
      .execute(),
    db
      .selectFrom('regional_exchanges as r')
      .innerJoin('regional_exchange_members as m', 'm.exchange_id', 'r.id')
      .innerJoin('local_governments as lg', 'lg.code', 'm.local_government_code')
      .where('r.deleted_at', 'is', null)
      .where('lg.level', '=', 'municipality')
      .select(['r.ward_code as wardCode', 'lg.code as partnerCode', 'r.started_fiscal_year as startedFy', 'r.ended_on as endedOn'])
      .execute(),
    db.selectFrom('registered_members').select(['local_government_code as code', 'joined_on as joinedOn']).execute(),
    db.selectFrom('wide_area_groups').where('deleted_at', 'is', null).selectAll().orderBy('sort_order').orderBy('id').execute(),
    db.selectFrom('wide_area_group_exceptions').selectAll().orderBy('created_at').orderBy('id').execute(),
    db
      .selectFrom('local_governments')
      .where('level', '=', 'municipality')
      .select(['code', 'level', 'prefecture_code', 'kind', 'is_counted', 'valid_from', 'valid_to'])
      .execute(),
  ]);

  const ties: WardTie[] = [
    ...agreementTies.map((t) => ({ wardCode: t.wardCode, partnerCode: t.partnerCode, startedOn: t.startedOn, endedOn: t.endedOn })),
    ...exchangeTies.map((t) => ({
      wardCode: t.wardCode,
      partnerCode: t.partnerCode,
      startedOn: t.startedFy === null ? null : fiscalYearRange(Number(t.startedFy)).start,
      endedOn: t.endedOn,
    })),
  ];
  const memberships: Membership[] = members.map((m) => ({ code: m.code, joinedOn: m.joinedOn }));

  const master = toMasterMunicipalities(governmentRows);
  const exceptions = exceptionRows.map((e) => ({ groupId: e.group_id, code: e.local_government_code, change: e.change, note: e.note }));
  const groups: RegistryGroup[] = groupRows.map((g) => {
    const rule: WideAreaGroup = { id: g.id, nameJa: g.name, prefectureCode: g.prefecture_code, kind: g.kind, signedOn: g.signed_on, publishedMemberCount: g.published_member_count ?? 0 };
    return {
      id: g.id,
      name: g.name,
      prefectureCode: g.prefecture_code,
      kind: g.kind,
      signedOn: g.signed_on,
      signedOnPrecision: g.signed_on_precision,
      publishedMemberCount: g.published_member_count,
      members: deriveGroupMembers(rule, master, exceptions),
    };
  });
  const groupMembers: GroupMembership[] = groups.flatMap((g) => g.members.map((code) => ({ groupId: g.id, code, signedOn: g.signedOn })));

  // The 23 wards are the project's own side, not partners; uncounted codes (北方領土) are left out.
  const municipalityCodes = new Set(governmentRows.filter((r) => Number(r.is_counted) === 1 && r.kind !== '特別区').map((r) => r.code));
  const prefectureOf = new Map(governmentRows.map((r) => [r.code, r.prefecture_code]));
  return { ties, memberships, groupMembers, municipalityCodes, groups, prefectureOf };
}

async function readProjectCounts(db: Kysely<Database>): Promise<ProjectCount[]> {
  const rows = await db
    .selectFrom('projects')
    .where('deleted_at', 'is', null)
    .select(['fiscal_year', 'organiser_kind', 'field', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['fiscal_year', 'organiser_kind', 'field', 'status'])
    .execute();
  return rows.map((r) => ({
    fiscalYear: Number(r.fiscal_year),
    joint: r.organiser_kind === 'joint',
    field: String(r.field),
    status: r.status as ProjectStatus,
    count: Number(r.n),
  }));
}

async function readPublishedFigures(db: Kysely<Database>): Promise<PublishedFigureRecord[]> {
  const rows = await db
    .selectFrom('published_figures')
    .where('deleted_at', 'is', null)
    .select(['id', 'metric', 'label', 'value', 'is_lower_bound', 'as_of', 'as_of_precision', 'source_title', 'source_url', 'notes'])
    .orderBy('as_of', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    metric: r.metric,
    label: r.label,
    value: Number(r.value),
    isLowerBound: Number(r.is_lower_bound) === 1,
    asOf: r.as_of,
    asOfPrecision: r.as_of_precision,
    sourceTitle: r.source_title,
    sourceUrl: r.source_url,
    notes: r.notes,
  }));
}
