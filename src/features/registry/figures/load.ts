// What the pure figure functions (src/domain/collaboration-figures.ts) need, derived from the
// registry model once per revision, and the headline figures for a date. Used by 連携の状況
// (/collaboration), the top page and the API.
//
// What counts where:
// - ward partners (各区の交流自治体): the municipality partners of live agreements of a ward, plus the
//   members of the regional exchanges (a Hokkaido region ↔ a ward). A partner that is a prefecture
//   never counts as a municipality, nor does another special ward; a partner that is a group
//   (市長会/町村会) counts under wide-area, through its group, not as a ward partner;
// - registered members (会員登録自治体): registered_members, from the day they joined;
// - wide-area members: each group's members derived from the master data by rule
//   (deriveGroupMembers) with its recorded exceptions, from its signing date.
// Deleted records are not in the model, so they are left out everywhere.
import type { Kysely } from 'kysely';
import type { Database, DatePrecision } from '../../../db/schema.ts';
import {
  epochOf,
  figuresOn,
  figuresTimeline,
  groupsSignedOn,
  type FiguresInput,
  type GroupMembership,
  type Membership,
  type ProjectCount,
  type TimelineFigures,
  type WardTie,
} from '../../../domain/collaboration-figures.ts';
import { fiscalYearRange } from '../../../domain/fiscal-year.ts';
import type { GroupKind } from '../../../domain/wide-area-groups.ts';
import { memoized, registryModel, type RegistryModel } from '../model/index.ts';

export type { PublishedFigureRecord } from './record.ts';

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

const MAX_STRETCHES_PER_MODEL = 256;

/**
 * The figures on asOf (ISO date). Computed once per model and stretch of dates with the same
 * figures (epochOf: between two days on which a count changes), so asking for many dates costs
 * no more than the few distinct states they fall in.
 */
export function computeFigures(model: RegistryModel, asOf: string): ComputedFigures {
  const input = figuresInputOf(model);
  const timeline = memoized(model, 'figuresTimeline', () => figuresTimeline(input, input.prefectureOf));
  // The groups signed by asOf follow their own dates: the count of signed groups joins the key
  // (groups sign in date order, so the same count is the same groups).
  const wideAreaGroups = groupsSignedOn(input.groups, asOf);
  const key = `${epochOf(timeline, asOf)}:${wideAreaGroups}`;
  const byStretch = memoized(model, 'figuresByStretch', () => new Map<string, { figures: TimelineFigures; groups: GroupFigure[] }>());
  let stretch = byStretch.get(key);
  if (!stretch) {
    const groups = input.groups.map((g): GroupFigure => ({
      id: g.id,
      name: g.name,
      prefectureCode: g.prefectureCode,
      signedOn: g.signedOn,
      signed: g.signedOn === null || g.signedOn <= asOf,
      memberCount: g.members.length,
      publishedMemberCount: g.publishedMemberCount,
    }));
    stretch = { figures: figuresOn(timeline, asOf), groups };
    if (byStretch.size >= MAX_STRETCHES_PER_MODEL) byStretch.clear();
    byStretch.set(key, stretch);
  }
  const { figures: f, groups } = stretch;
  return {
    asOf,
    wardPartners: f.wardPartners,
    registeredMembers: f.registeredMembers,
    wideAreaMembers: f.wideAreaMembers,
    wideAreaGroups,
    union: f.union,
    groups,
    unionByPrefecture: f.unionByPrefecture,
    // Read only by tests and scripts: the sets are built when asked for.
    get byCategoryCodes() {
      return f.byCategoryCodes;
    },
  };
}

/** The figures' input from the model (once per revision). */
export function figuresInputOf(model: RegistryModel): RegistryFiguresInput {
  return memoized(model, 'figuresInput', () => {
    const isMunicipality = (code: string) => model.governments.get(code)?.level === 'municipality';
    const ties: WardTie[] = [];
    const seen = new Set<string>();
    for (const a of model.agreements) {
      for (const w of a.wards) {
        for (const p of a.partners) {
          if (p.kind !== 'municipality' || !isMunicipality(p.key)) continue;
          const key = `${w.code}|${p.key}|${a.signed.date}|${a.endedOn}`;
          if (seen.has(key)) continue;
          seen.add(key);
          ties.push({ wardCode: w.code, partnerCode: p.key, startedOn: a.signed.date, endedOn: a.endedOn });
        }
      }
    }
    for (const e of model.exchanges) {
      const startedOn = e.startedFiscalYear === null ? null : fiscalYearRange(e.startedFiscalYear).start;
      for (const m of e.members) if (m.level === 'municipality') ties.push({ wardCode: e.ward.code, partnerCode: m.code, startedOn, endedOn: e.endedOn });
    }
    const memberships: Membership[] = model.registeredMembers.map((m) => ({ code: m.code, joinedOn: m.joinedOn }));
    const groups: RegistryGroup[] = model.groups.map((g) => ({
      id: g.id,
      name: g.name,
      prefectureCode: g.prefectureCode,
      kind: g.kind,
      signedOn: g.signed.date,
      signedOnPrecision: g.signed.precision,
      publishedMemberCount: g.publishedMemberCount,
      members: g.memberCodes,
    }));
    const groupMembers: GroupMembership[] = groups.flatMap((g) => g.members.map((code) => ({ groupId: g.id, code, signedOn: g.signedOn })));
    // The 23 wards are the project's own side, not partners; uncounted codes (北方領土) are left out.
    const municipalities = [...model.governments.values()].filter((g) => g.level === 'municipality');
    const municipalityCodes = new Set(municipalities.filter((g) => g.isCounted && g.kind !== '特別区').map((g) => g.code));
    const prefectureOf = new Map(municipalities.map((g) => [g.code, g.prefectureCode]));
    return { ties, memberships, groupMembers, municipalityCodes, groups, prefectureOf };
  });
}

/** Projects counted per 年度 × organiser kind × field × status (once per revision). */
export function projectCountsOf(model: RegistryModel): ProjectCount[] {
  return memoized(model, 'projectCounts', () => {
    const counts = new Map<string, ProjectCount>();
    for (const p of model.projects) {
      const key = `${p.fiscalYear}|${p.organiserKind}|${p.field}|${p.status}`;
      const c = counts.get(key);
      if (c) c.count += 1;
      else counts.set(key, { fiscalYear: p.fiscalYear, joint: p.organiserKind === 'joint', field: String(p.field), status: p.status, count: 1 });
    }
    return [...counts.values()];
  });
}

/** The figures' input of the database's current registry (for tests and scripts). */
export async function loadFiguresInput(db: Kysely<Database>): Promise<RegistryFiguresInput> {
  return figuresInputOf(await registryModel(db));
}
