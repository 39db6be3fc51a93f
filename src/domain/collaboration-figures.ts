// The project's headline figures (e.g. the pamphlet's 832 / 269 / 372 / 1,096 as of 2022-03-01),
// computed from records so they can be shown for any date beside the published ones. Pure: the
// registry feature loads the records from the database and passes them in.
import { fiscalYearRange } from './fiscal-year.ts';
import { isPrefectureCode } from './local-gov-code.ts';

/** One ward ↔ partner exchange or agreement. partnerCode is a municipality or prefecture code. */
export interface WardTie {
  wardCode: string;
  partnerCode: string;
  startedOn: string | null;
  endedOn: string | null;
}

/** A municipality registered as a member of the project site. */
export interface Membership {
  code: string;
  joinedOn: string;
}

/** A member of a wide-area group, carrying its group's agreement date. */
export interface GroupMembership {
  groupId: string;
  code: string;
  signedOn: string | null;
}

export type ProjectStatus = '実施' | '予定' | '中止' | '延期';

export interface ProjectRecord {
  fiscalYear: number;
  /** Ward codes, or ['23区共同'] for a joint project of all 23 wards. */
  organisers: string[];
  field: string;
  status: ProjectStatus;
}

export interface FiguresInput {
  ties: readonly WardTie[];
  memberships: readonly Membership[];
  groupMembers: readonly GroupMembership[];
  /**
   * The municipalities that may be counted (e.g. the master data's counted rows). Without it, every
   * code except a prefecture's own is counted.
   */
  municipalityCodes?: ReadonlySet<string>;
}

export interface CategoryCounts {
  wardPartners: number;
  registeredMembers: number;
  wideAreaMembers: number;
  /** Distinct municipalities in at least one category (the pamphlet's 1,096). */
  union: number;
}

export interface Figures extends CategoryCounts {
  byCategoryCodes: {
    wardPartners: ReadonlySet<string>;
    registeredMembers: ReadonlySet<string>;
    wideAreaMembers: ReadonlySet<string>;
    union: ReadonlySet<string>;
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Dates are compared as strings, which is only right for zero-padded ISO dates. */
function assertIsoDate(d: string): void {
  if (!ISO_DATE.test(d)) throw new RangeError(`expected an ISO date YYYY-MM-DD, got ${JSON.stringify(d)}`);
}

/**
 * A tie is live from its start (inclusive; unknown start = long-standing, so live) until its end
 * (exclusive: on the end date it no longer holds).
 */
export function isTieLiveOn(tie: WardTie, asOf: string): boolean {
  return (tie.startedOn === null || tie.startedOn <= asOf) && (tie.endedOn === null || tie.endedOn > asOf);
}

/**
 * An unknown signing date counts as signed before any asOf: the groups are listed because they
 * have signed, and dropping them would undercount every date rather than only early ones.
 */
export function isGroupSignedOn(m: GroupMembership, asOf: string): boolean {
  return m.signedOn === null || m.signedOn <= asOf;
}

function countable(input: FiguresInput): (code: string) => boolean {
  const allowed = input.municipalityCodes;
  // Prefectures (品川区–高知県 etc.) are real partners but not municipalities, so never counted.
  // Remembered per code: a code recurs in many ties, and the check digit is computed each time.
  const verdicts = new Map<string, boolean>();
  return (code) => {
    let ok = verdicts.get(code);
    if (ok === undefined) verdicts.set(code, (ok = (allowed === undefined || allowed.has(code)) && !isPrefectureCode(code)));
    return ok;
  };
}

/**
 * Ward–partner pairs live on asOf: a municipality counted once per ward it is tied to (the sum of
 * each ward's own count, as a survey of the wards would add them up), prefectures excluded.
 */
export function wardPartnerPairsOn(input: FiguresInput, asOf: string): number {
  assertIsoDate(asOf);
  const keep = countable(input);
  const pairs = new Set<string>();
  for (const t of input.ties) if (isTieLiveOn(t, asOf) && keep(t.partnerCode)) pairs.add(`${t.wardCode}:${t.partnerCode}`);
  return pairs.size;
}

/** Distinct municipalities per category on asOf, and their deduplicated union. */
export function figuresAsOf(input: FiguresInput, asOf: string): Figures {
  assertIsoDate(asOf);
  const keep = countable(input);
  // Plain loops: the trend calls this once per 年度 over thousands of ties.
  const wardPartners = new Set<string>();
  for (const t of input.ties) if (isTieLiveOn(t, asOf) && keep(t.partnerCode)) wardPartners.add(t.partnerCode);
  const registeredMembers = new Set<string>();
  for (const m of input.memberships) if (m.joinedOn <= asOf && keep(m.code)) registeredMembers.add(m.code);
  const wideAreaMembers = new Set<string>();
  for (const m of input.groupMembers) if (isGroupSignedOn(m, asOf) && keep(m.code)) wideAreaMembers.add(m.code);
  const union = new Set([...wardPartners, ...registeredMembers, ...wideAreaMembers]);
  return {
    wardPartners: wardPartners.size,
    registeredMembers: registeredMembers.size,
    wideAreaMembers: wideAreaMembers.size,
    union: union.size,
    byCategoryCodes: { wardPartners, registeredMembers, wideAreaMembers, union },
  };
}

/**
 * The same input arranged by municipality, for counting on many dates: each countable code once,
 * with the periods it is a ward partner, the day it joined and the signing dates of its groups.
 * figuresOn(timeline, asOf) gives what figuresAsOf(input, asOf) gives, visiting each code once
 * instead of every tie and building no set unless asked (a page that may ask for any day of twelve
 * years needs that).
 */
export interface FiguresTimeline {
  codes: ReadonlyArray<{
    code: string;
    /** The 2-digit prefecture, when known. */
    prefectureCode: string | undefined;
    /**
     * Each tie as [start, end) in days since 1970-01-01 (an ISO date compared as a number: the same
     * order, without comparing strings on every date asked); an unknown start is -Infinity, no end
     * +Infinity.
     */
    ties: ReadonlyArray<readonly [number, number]>;
    /** The earliest day it joined as a member (days), or +Infinity when it never did. */
    joinedOn: number;
    /** The earliest signing day of the groups it belongs to (unknown = -Infinity), or +Infinity. */
    groupSignedOn: number;
  }>;
  /** The days (as above) on which a count can change, ascending, without repeats. */
  changeDays: Float64Array;
}

/** An ISO date as days since 1970-01-01; null as `ifNull`. */
function dayNumber(iso: string | null, ifNull: number): number {
  if (iso === null) return ifNull;
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

export function figuresTimeline(input: FiguresInput, prefectureOf?: ReadonlyMap<string, string>): FiguresTimeline {
  const keep = countable(input);
  type Mutable = { code: string; prefectureCode: string | undefined; ties: Array<readonly [number, number]>; joinedOn: number; groupSignedOn: number };
  const byCode = new Map<string, Mutable>();
  const entry = (code: string) => {
    let e = byCode.get(code);
    if (!e) byCode.set(code, (e = { code, prefectureCode: prefectureOf?.get(code), ties: [], joinedOn: Infinity, groupSignedOn: Infinity }));
    return e;
  };
  for (const t of input.ties) if (keep(t.partnerCode)) entry(t.partnerCode).ties.push([dayNumber(t.startedOn, -Infinity), dayNumber(t.endedOn, Infinity)]);
  for (const m of input.memberships) {
    if (!keep(m.code)) continue;
    const e = entry(m.code);
    e.joinedOn = Math.min(e.joinedOn, dayNumber(m.joinedOn, Infinity));
  }
  for (const m of input.groupMembers) {
    if (!keep(m.code)) continue;
    const e = entry(m.code);
    e.groupSignedOn = Math.min(e.groupSignedOn, dayNumber(m.signedOn, -Infinity));
  }
  const codes = [...byCode.values()];
  // Every day on which some count can change: a tie starts or ends, a member joins, a group signs.
  const days = new Set<number>();
  for (const c of codes) {
    for (const [start, end] of c.ties) days.add(start).add(end);
    days.add(c.joinedOn).add(c.groupSignedOn);
  }
  const changeDays = Float64Array.from([...days].filter(Number.isFinite)).sort();
  return { codes, changeDays };
}

/**
 * Which stretch between two change days asOf falls in: the number of change days on or before it.
 * Every date of one stretch has the same figures (figuresOn), so they may be computed once for it.
 */
export function epochOf(timeline: FiguresTimeline, asOf: string): number {
  assertIsoDate(asOf);
  const day = dayNumber(asOf, 0);
  const { changeDays } = timeline;
  let low = 0;
  let high = changeDays.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (changeDays[middle]! <= day) low = middle + 1;
    else high = middle;
  }
  return low;
}

const WARD_PARTNER = 1;
const REGISTERED_MEMBER = 2;
const WIDE_AREA_MEMBER = 4;

export interface TimelineFigures extends Figures {
  /** Union members per prefecture (2-digit code); prefectures without any, or codes of no known prefecture, are absent. */
  unionByPrefecture: Record<string, number>;
}

/** As figuresAsOf, from a timeline (see figuresTimeline); the code sets are built only when read. */
export function figuresOn(timeline: FiguresTimeline, asOf: string): TimelineFigures {
  assertIsoDate(asOf);
  const day = dayNumber(asOf, 0);
  const { codes } = timeline;
  const categories = new Uint8Array(codes.length);
  let wardPartners = 0;
  let registeredMembers = 0;
  let wideAreaMembers = 0;
  let union = 0;
  const unionByPrefecture: Record<string, number> = {};
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    let found = 0;
    for (const [start, end] of c.ties) {
      if (start <= day && end > day) {
        found = WARD_PARTNER;
        break;
      }
    }
    if (c.joinedOn <= day) found |= REGISTERED_MEMBER;
    if (c.groupSignedOn <= day) found |= WIDE_AREA_MEMBER;
    if (found === 0) continue;
    categories[i] = found;
    if (found & WARD_PARTNER) wardPartners++;
    if (found & REGISTERED_MEMBER) registeredMembers++;
    if (found & WIDE_AREA_MEMBER) wideAreaMembers++;
    union++;
    if (c.prefectureCode !== undefined) unionByPrefecture[c.prefectureCode] = (unionByPrefecture[c.prefectureCode] ?? 0) + 1;
  }
  let sets: Figures['byCategoryCodes'] | undefined;
  const setOf = (flag: number) => new Set(codes.filter((_, i) => (categories[i]! & flag) !== 0).map((c) => c.code));
  return {
    wardPartners,
    registeredMembers,
    wideAreaMembers,
    union,
    unionByPrefecture,
    get byCategoryCodes() {
      sets ??= {
        wardPartners: setOf(WARD_PARTNER),
        registeredMembers: setOf(REGISTERED_MEMBER),
        wideAreaMembers: setOf(WIDE_AREA_MEMBER),
        union: setOf(WARD_PARTNER | REGISTERED_MEMBER | WIDE_AREA_MEMBER),
      };
      return sets;
    },
  };
}

export interface FiscalYearFigures extends CategoryCounts {
  fiscalYear: number;
  /** The last day of the 年度, 'YYYY-03-31' (or the `notAfter` day for a 年度 not yet ended). */
  asOf: string;
}

/**
 * The counts at the end (31 March) of each 年度 from fromFy to toFy, inclusive. With `notAfter`
 * (e.g. today), a 年度 that has not ended yet is counted as of that day instead of its future end.
 */
export function trendByFiscalYear(input: FiguresInput, fromFy: number, toFy: number, notAfter?: string): FiscalYearFigures[] {
  if (fromFy > toFy) throw new RangeError(`fromFy ${fromFy} is after toFy ${toFy}`);
  if (notAfter !== undefined) assertIsoDate(notAfter);
  const out: FiscalYearFigures[] = [];
  for (let fy = fromFy; fy <= toFy; fy++) {
    const end = fiscalYearRange(fy).end;
    const asOf = notAfter !== undefined && notAfter < end ? notAfter : end;
    const f = figuresAsOf(input, asOf);
    out.push({ fiscalYear: fy, asOf, wardPartners: f.wardPartners, registeredMembers: f.registeredMembers, wideAreaMembers: f.wideAreaMembers, union: f.union });
  }
  return out;
}

export const JOINT_ORGANISER = '23区共同';
const STATUSES: readonly ProjectStatus[] = ['実施', '予定', '中止', '延期'];

export interface FiscalYearProjects {
  fiscalYear: number;
  /** Projects carried out (status 実施). Planned, cancelled and postponed ones are not in it. */
  total: number;
  /** Every record of the 年度, whatever its status. */
  recorded: number;
  /** Carried-out projects by a ward or wards, and by all 23 wards jointly; the two sum to total. */
  byOrganiser: { ward: number; joint: number };
  /** Carried-out projects per organising ward; a project of two wards counts for each. */
  byWard: Record<string, number>;
  /** Carried-out projects per field; sums to total. */
  byField: Record<string, number>;
  /** Every record per status, so cancelled (中止) and postponed (延期) ones stay visible. */
  byStatus: Record<ProjectStatus, number>;
}

function bump(r: Record<string, number>, key: string): void {
  r[key] = (r[key] ?? 0) + 1;
}

/** Per 年度, ascending. */
export function projectsByFiscalYear(projects: readonly ProjectRecord[]): FiscalYearProjects[] {
  const years = new Map<number, FiscalYearProjects>();
  for (const p of projects) {
    let y = years.get(p.fiscalYear);
    if (!y) {
      y = {
        fiscalYear: p.fiscalYear,
        total: 0,
        recorded: 0,
        byOrganiser: { ward: 0, joint: 0 },
        byWard: {},
        byField: {},
        byStatus: Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<ProjectStatus, number>,
      };
      years.set(p.fiscalYear, y);
    }
    y.recorded++;
    y.byStatus[p.status]++;
    if (p.status !== '実施') continue;
    y.total++;
    bump(y.byField, p.field);
    if (p.organisers.includes(JOINT_ORGANISER)) {
      y.byOrganiser.joint++;
    } else {
      y.byOrganiser.ward++;
      for (const w of new Set(p.organisers)) bump(y.byWard, w);
    }
  }
  return [...years.values()].sort((a, b) => a.fiscalYear - b.fiscalYear);
}

/**
 * Projects already counted by the database (GROUP BY 年度, organiser kind, field, status), so that
 * 20,000 projects need not be loaded to draw a chart.
 */
export interface ProjectCount {
  fiscalYear: number;
  joint: boolean;
  field: string;
  status: ProjectStatus;
  count: number;
}

export type FiscalYearProjectTotals = Omit<FiscalYearProjects, 'byWard'>;

/** As projectsByFiscalYear without the per-ward split, from counted rows. Per 年度, ascending. */
export function projectCountsByFiscalYear(rows: readonly ProjectCount[]): FiscalYearProjectTotals[] {
  const years = new Map<number, FiscalYearProjectTotals>();
  for (const r of rows) {
    assertCount(r.count, 'count');
    if (!STATUSES.includes(r.status)) throw new RangeError(`unknown project status ${JSON.stringify(r.status)}`);
    let y = years.get(r.fiscalYear);
    if (!y) {
      y = {
        fiscalYear: r.fiscalYear,
        total: 0,
        recorded: 0,
        byOrganiser: { ward: 0, joint: 0 },
        byField: {},
        byStatus: Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<ProjectStatus, number>,
      };
      years.set(r.fiscalYear, y);
    }
    y.recorded += r.count;
    y.byStatus[r.status] += r.count;
    if (r.status !== '実施') continue;
    y.total += r.count;
    y.byField[r.field] = (y.byField[r.field] ?? 0) + r.count;
    if (r.joint) y.byOrganiser.joint += r.count;
    else y.byOrganiser.ward += r.count;
  }
  return [...years.values()].sort((a, b) => a.fiscalYear - b.fiscalYear);
}

/**
 * Every 年度 from fromFy to toFy, with zeros for a 年度 without records, so that a chart's axis has
 * no gaps. Records outside the range are dropped.
 */
export function fillFiscalYears(years: readonly FiscalYearProjectTotals[], fromFy: number, toFy: number): FiscalYearProjectTotals[] {
  const byYear = new Map(years.map((y) => [y.fiscalYear, y]));
  const out: FiscalYearProjectTotals[] = [];
  for (let fy = fromFy; fy <= toFy; fy++) {
    out.push(
      byYear.get(fy) ?? {
        fiscalYear: fy,
        total: 0,
        recorded: 0,
        byOrganiser: { ward: 0, joint: 0 },
        byField: {},
        byStatus: Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<ProjectStatus, number>,
      },
    );
  }
  return out;
}

/** Carried-out projects per field over the given 年度, summed. */
export function projectsByField(years: readonly FiscalYearProjectTotals[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const y of years) for (const [field, n] of Object.entries(y.byField)) out[field] = (out[field] ?? 0) + n;
  return out;
}

/**
 * How many of `codes` lie in each prefecture (2-digit code), given each code's prefecture. A code
 * of unknown prefecture is an error, not a silent zero.
 */
export function countByPrefecture(codes: Iterable<string>, prefectureOf: ReadonlyMap<string, string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const code of codes) {
    const pref = prefectureOf.get(code);
    if (pref === undefined) throw new RangeError(`no prefecture known for ${code}`);
    out[pref] = (out[pref] ?? 0) + 1;
  }
  return out;
}

/** Groups whose agreement holds on asOf (an unknown signing date counts, as in isGroupSignedOn). */
export function groupsSignedOn(groups: ReadonlyArray<{ signedOn: string | null }>, asOf: string): number {
  assertIsoDate(asOf);
  return groups.filter((g) => g.signedOn === null || g.signedOn <= asOf).length;
}

/** Counts are whole numbers; a fraction or a negative is a data error, not a value. */
function assertCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
}

// Disaster support (money summed, cumulative staff counts never summed) is src/domain/disaster-support.ts.

export interface PublishedFigure {
  value: number;
  asOf: string;
  source: string;
}

/** For showing a computed figure beside the published one: positive difference = we count more. */
export function compareWithPublished(computed: number, published: PublishedFigure): { difference: number; same: boolean } {
  const difference = computed - published.value;
  return { difference, same: difference === 0 };
}
