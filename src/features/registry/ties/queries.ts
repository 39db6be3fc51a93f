// Read side of the registry around one party: every tie of a municipality (or prefecture) with the
// special wards, and the profile of one ward with all its partners. Deleted records (deleted_at
// set) never appear. Each function runs a few indexed queries whatever the registry's volume:
// the municipality page is on the benchmark's list.
import { sql, type Kysely } from 'kysely';
import { formatIsoDate } from '../../../domain/japanese-date.ts';
import { isPrefectureCode } from '../../../domain/local-gov-code.ts';
import {
  deriveGroupMembers,
  toMasterMunicipalities,
  type GroupException,
  type WideAreaGroup,
} from '../../../domain/wide-area-groups.ts';
import type { DatePrecision, Database, GroupKind, ProjectStatus, Provenance } from '../../../db/schema.ts';

/** A date known to the day, month or year; null date = unknown. */
export interface PartialDate {
  date: string | null;
  precision: DatePrecision;
}

export interface WardRef {
  code: string;
  name: string;
}

/** One party of an agreement other than the wards: a municipality, a prefecture or a wide-area group. */
export interface PartyRef {
  kind: 'municipality' | 'prefecture' | 'group';
  /** Local government code, or the group's id. */
  key: string;
  name: string;
  /** The name when signed, if the partner has since merged (e.g. 旧風連町). */
  formerName: string;
  /** Two digits; for a group, its prefecture. */
  prefectureCode: string;
}

export interface AgreementSummary {
  id: string;
  typeId: string;
  typeName: string;
  typeNameEn: string;
  title: string;
  signed: PartialDate;
  resignedDates: string[];
  endedOn: string | null;
  /** ended_on on or before the as-of date. */
  isEnded: boolean;
  wards: WardRef[];
  partners: PartyRef[];
  sourceUrl: string | null;
  isSample: boolean;
}

export interface ExchangeSummary {
  id: string;
  regionName: string;
  prefectureCode: string;
  ward: WardRef;
  startedFiscalYear: number | null;
  endedOn: string | null;
  isEnded: boolean;
  councilName: string;
  activities: string;
  members: Array<{ code: string; name: string }>;
  sourceUrl: string | null;
  isSample: boolean;
}

export interface JointPlanSummary {
  id: string;
  title: string;
  regionLabel: string;
  approved: PartialDate;
  grantName: string;
  wards: WardRef[];
  partners: Array<{ code: string; name: string }>;
  sourceUrl: string | null;
  isSample: boolean;
}

export interface ProjectSummary {
  id: string;
  fiscalYear: number;
  title: string;
  field: number;
  status: ProjectStatus;
  organiserKind: 'wards' | 'joint';
  startsOn: string | null;
  endsOn: string | null;
  wards: WardRef[];
  partners: Array<{ code: string; name: string }>;
  newsUrl: string | null;
  sourceUrl: string | null;
  isSample: boolean;
}

export interface GroupMembershipSummary {
  id: string;
  name: string;
  kind: GroupKind;
  prefectureCode: string;
  signed: PartialDate;
  autoRenewal: boolean;
  /** How the membership arises: the group's rule, or a recorded exception. */
  via: 'rule' | 'exception';
  exceptionNote: string;
  /** Agreements that name the group itself as partner. */
  agreements: AgreementSummary[];
  sourceUrl: string | null;
  isSample: boolean;
}

/** For a prefecture's page: how many of its municipalities have a tie of each kind. */
export interface PrefectureTieCounts {
  municipalities: number;
  agreements: number;
  wideAreaGroups: number;
  regionalExchanges: number;
  jointPlans: number;
  projects: number;
  registeredMembers: number;
  /** Distinct municipalities with at least one tie. */
  any: number;
  groups: Array<{ id: string; name: string; memberCount: number }>;
}

export interface MunicipalityTies {
  code: string;
  level: 'prefecture' | 'municipality';
  /** Agreements naming this local government as partner, in force first then ended. */
  agreements: AgreementSummary[];
  groups: GroupMembershipSummary[];
  exchanges: ExchangeSummary[];
  jointPlans: JointPlanSummary[];
  /** The latest projects naming it as partner (at most `projectLimit`), most recent 年度 first. */
  projects: ProjectSummary[];
  projectTotal: number;
  registeredMember: { joinedOn: string; source: 'account' | 'manual' } | null;
  /** Only for a prefecture. */
  prefectureCounts: PrefectureTieCounts | null;
}

export interface WardPartner {
  party: PartyRef;
  agreements: AgreementSummary[];
}

export interface WardProfile {
  code: string;
  name: string;
  kana: string;
  block: number;
  mayorName: string;
  mayorAsOf: string | null;
  websiteUrl: string | null;
  sourceUrl: string | null;
  isSample: boolean;
  /** Partners with at least one agreement in force, each with its agreements in force. */
  partners: WardPartner[];
  /** Agreements that have ended, newest end first. */
  endedAgreements: AgreementSummary[];
  exchanges: ExchangeSummary[];
  jointPlans: JointPlanSummary[];
  projects: ProjectSummary[];
  projectTotal: number;
}

export interface TieOptions {
  /** ISO date the in-force test is made on; today in Japan by default. */
  asOf?: string;
  projectLimit?: number;
}

function todayInJapan(): string {
  return formatIsoDate(new Date());
}

function isSample(p: Provenance): boolean {
  return p === 'sample';
}

function isEndedOn(endedOn: string | null, asOf: string): boolean {
  return endedOn !== null && endedOn <= asOf;
}

function splitDates(s: string): string[] {
  return s
    .split(';')
    .map((d) => d.trim())
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
}

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

// ─── Agreements ────────────────────────────────────────────────────────────────────────────────

/** The agreements with these ids (deleted ones dropped), with their wards and partners. */
async function loadAgreements(db: Kysely<Database>, ids: readonly string[], asOf: string): Promise<AgreementSummary[]> {
  if (ids.length === 0) return [];
  const unique = [...new Set(ids)];
  const [rows, wardRows, partnerRows] = await Promise.all([
    db
      .selectFrom('agreements as a')
      .innerJoin('agreement_types as t', 't.id', 'a.type_id')
      .select([
        'a.id',
        'a.type_id',
        't.name as type_name',
        't.name_en as type_name_en',
        'a.title',
        'a.signed_on',
        'a.signed_on_precision',
        'a.resigned_dates',
        'a.ended_on',
        'a.source_url',
        'a.provenance',
        'a.deleted_at',
      ])
      .where('a.id', 'in', unique)
      .execute()
      // Deleted rows are dropped here rather than in SQL: a deleted_at condition tempts SQLite
      // into scanning agreements_signed_idx instead of looking the ids up by primary key.
      .then((all) => all.filter((r) => r.deleted_at === null)),
    db
      .selectFrom('agreement_wards as aw')
      .innerJoin('local_governments as lg', 'lg.code', 'aw.ward_code')
      .select(['aw.agreement_id', 'aw.ward_code', 'lg.name'])
      .where('aw.agreement_id', 'in', unique)
      .execute(),
    db
      .selectFrom('agreement_partners as p')
      .leftJoin('local_governments as lg', 'lg.code', 'p.local_government_code')
      .leftJoin('wide_area_groups as g', 'g.id', 'p.group_id')
      .select([
        'p.agreement_id',
        'p.local_government_code',
        'p.group_id',
        'p.former_name',
        'lg.name as lg_name',
        'lg.level as lg_level',
        'lg.prefecture_code as lg_prefecture_code',
        'g.name as group_name',
        'g.prefecture_code as group_prefecture_code',
      ])
      .where('p.agreement_id', 'in', unique)
      .execute(),
  ]);
  const wardsOf = groupBy(wardRows, (r) => r.agreement_id);
  const partnersOf = groupBy(partnerRows, (r) => r.agreement_id);
  return rows.map((r) => ({
    id: r.id,
    typeId: r.type_id,
    typeName: r.type_name,
    typeNameEn: r.type_name_en,
    title: r.title,
    signed: { date: r.signed_on, precision: r.signed_on_precision },
    resignedDates: splitDates(r.resigned_dates),
    endedOn: r.ended_on,
    isEnded: isEndedOn(r.ended_on, asOf),
    wards: (wardsOf.get(r.id) ?? []).map((w) => ({ code: w.ward_code, name: w.name })).sort(byCode),
    partners: (partnersOf.get(r.id) ?? [])
      .map((p): PartyRef | undefined => {
        if (p.local_government_code !== null) {
          return {
            kind: p.lg_level === 'prefecture' ? 'prefecture' : 'municipality',
            key: p.local_government_code,
            name: p.lg_name ?? p.local_government_code,
            formerName: p.former_name,
            prefectureCode: p.lg_prefecture_code ?? p.local_government_code.slice(0, 2),
          };
        }
        if (p.group_id !== null) {
          return { kind: 'group', key: p.group_id, name: p.group_name ?? p.group_id, formerName: p.former_name, prefectureCode: p.group_prefecture_code ?? '' };
        }
        return undefined;
      })
      .filter((p): p is PartyRef => p !== undefined)
      .sort(partyOrder),
    sourceUrl: r.source_url,
    isSample: isSample(r.provenance),
  }));
}

/** North to south by code; a group sits with its prefecture, after the prefecture's municipalities. */
export function partyOrder(a: PartyRef, b: PartyRef): number {
  const key = (p: PartyRef) => (p.kind === 'group' ? `${p.prefectureCode}9999${p.key}` : p.key);
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** In force first, then ended; each by signing date (unknown last), then title. */
function agreementOrder(a: AgreementSummary, b: AgreementSummary): number {
  if (a.isEnded !== b.isEnded) return a.isEnded ? 1 : -1;
  const da = a.signed.date ?? '9999';
  const dbb = b.signed.date ?? '9999';
  if (da !== dbb) return da < dbb ? -1 : 1;
  return a.title.localeCompare(b.title, 'ja');
}

// ─── Projects ──────────────────────────────────────────────────────────────────────────────────

type ProjectRow = {
  id: string;
  fiscal_year: number;
  title: string;
  field: number;
  status: ProjectStatus;
  organiser_kind: 'wards' | 'joint';
  starts_on: string | null;
  ends_on: string | null;
  news_url: string | null;
  source_url: string | null;
  provenance: Provenance;
};

async function withProjectParties(db: Kysely<Database>, rows: readonly ProjectRow[]): Promise<ProjectSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [wardRows, partnerRows] = await Promise.all([
    db
      .selectFrom('project_wards as pw')
      .innerJoin('local_governments as lg', 'lg.code', 'pw.ward_code')
      .select(['pw.project_id', 'pw.ward_code', 'lg.name'])
      .where('pw.project_id', 'in', ids)
      .execute(),
    db
      .selectFrom('project_partners as pp')
      .innerJoin('local_governments as lg', 'lg.code', 'pp.local_government_code')
      .select(['pp.project_id', 'pp.local_government_code', 'lg.name'])
      .where('pp.project_id', 'in', ids)
      .execute(),
  ]);
  const wardsOf = groupBy(wardRows, (r) => r.project_id);
  const partnersOf = groupBy(partnerRows, (r) => r.project_id);
  return rows.map((r) => ({
    id: r.id,
    fiscalYear: r.fiscal_year,
    title: r.title,
    field: r.field,
    status: r.status,
    organiserKind: r.organiser_kind,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    wards: (wardsOf.get(r.id) ?? []).map((w) => ({ code: w.ward_code, name: w.name })).sort(byCode),
    partners: (partnersOf.get(r.id) ?? []).map((p) => ({ code: p.local_government_code, name: p.name })).sort(byCode),
    newsUrl: r.news_url,
    sourceUrl: r.source_url,
    isSample: isSample(r.provenance),
  }));
}

const projectColumns = [
  'pr.id',
  'pr.fiscal_year',
  'pr.title',
  'pr.field',
  'pr.status',
  'pr.organiser_kind',
  'pr.starts_on',
  'pr.ends_on',
  'pr.news_url',
  'pr.source_url',
  'pr.provenance',
] as const;

/** The number of rows before the limit, on each row (both engines evaluate windows before LIMIT). */
const projectTotal = sql<number>`count(*) over ()`.as('total');

/** Unknown start dates after known ones, on both engines (PostgreSQL puts nulls first in desc). */
const nullsLast = sql`case when pr.starts_on is null then 1 else 0 end`;

// ─── Regional exchanges and joint plans ────────────────────────────────────────────────────────

async function loadExchanges(db: Kysely<Database>, ids: readonly string[], asOf: string): Promise<ExchangeSummary[]> {
  if (ids.length === 0) return [];
  const unique = [...new Set(ids)];
  const [rows, memberRows] = await Promise.all([
    db
      .selectFrom('regional_exchanges as re')
      .innerJoin('local_governments as w', 'w.code', 're.ward_code')
      .select([
        're.id',
        're.region_name',
        're.prefecture_code',
        're.ward_code',
        'w.name as ward_name',
        're.started_fiscal_year',
        're.ended_on',
        're.council_name',
        're.activities',
        're.source_url',
        're.provenance',
      ])
      .where('re.id', 'in', unique)
      .where('re.deleted_at', 'is', null)
      .execute(),
    db
      .selectFrom('regional_exchange_members as m')
      .innerJoin('local_governments as lg', 'lg.code', 'm.local_government_code')
      .select(['m.exchange_id', 'm.local_government_code', 'lg.name'])
      .where('m.exchange_id', 'in', unique)
      .execute(),
  ]);
  const membersOf = groupBy(memberRows, (r) => r.exchange_id);
  return rows
    .map((r) => ({
      id: r.id,
      regionName: r.region_name,
      prefectureCode: r.prefecture_code,
      ward: { code: r.ward_code, name: r.ward_name },
      startedFiscalYear: r.started_fiscal_year,
      endedOn: r.ended_on,
      isEnded: isEndedOn(r.ended_on, asOf),
      councilName: r.council_name,
      activities: r.activities,
      members: (membersOf.get(r.id) ?? []).map((m) => ({ code: m.local_government_code, name: m.name })).sort(byCode),
      sourceUrl: r.source_url,
      isSample: isSample(r.provenance),
    }))
    .sort((a, b) => Number(a.isEnded) - Number(b.isEnded) || (a.startedFiscalYear ?? 9999) - (b.startedFiscalYear ?? 9999) || a.regionName.localeCompare(b.regionName, 'ja'));
}

async function loadJointPlans(db: Kysely<Database>, ids: readonly string[]): Promise<JointPlanSummary[]> {
  if (ids.length === 0) return [];
  const unique = [...new Set(ids)];
  const [rows, wardRows, partnerRows] = await Promise.all([
    db
      .selectFrom('joint_plans')
      .select(['id', 'title', 'region_label', 'approved_on', 'approved_on_precision', 'grant_name', 'source_url', 'provenance'])
      .where('id', 'in', unique)
      .where('deleted_at', 'is', null)
      .execute(),
    db
      .selectFrom('joint_plan_wards as jw')
      .innerJoin('local_governments as lg', 'lg.code', 'jw.ward_code')
      .select(['jw.plan_id', 'jw.ward_code', 'lg.name'])
      .where('jw.plan_id', 'in', unique)
      .execute(),
    db
      .selectFrom('joint_plan_partners as jp')
      .innerJoin('local_governments as lg', 'lg.code', 'jp.local_government_code')
      .select(['jp.plan_id', 'jp.local_government_code', 'lg.name'])
      .where('jp.plan_id', 'in', unique)
      .execute(),
  ]);
  const wardsOf = groupBy(wardRows, (r) => r.plan_id);
  const partnersOf = groupBy(partnerRows, (r) => r.plan_id);
  return rows
    .map((r) => ({
      id: r.id,
      title: r.title,
      regionLabel: r.region_label,
      approved: { date: r.approved_on, precision: r.approved_on_precision },
      grantName: r.grant_name,
      wards: (wardsOf.get(r.id) ?? []).map((w) => ({ code: w.ward_code, name: w.name })).sort(byCode),
      partners: (partnersOf.get(r.id) ?? []).map((p) => ({ code: p.local_government_code, name: p.name })).sort(byCode),
      sourceUrl: r.source_url,
      isSample: isSample(r.provenance),
    }))
    .sort((a, b) => ((a.approved.date ?? '9999') < (b.approved.date ?? '9999') ? 1 : -1));
}

// ─── Wide-area groups ──────────────────────────────────────────────────────────────────────────

type GroupRow = {
  id: string;
  name: string;
  prefecture_code: string;
  kind: GroupKind;
  signed_on: string | null;
  published_member_count: number | null;
};

function toWideAreaGroup(g: GroupRow): WideAreaGroup {
  return {
    id: g.id,
    nameJa: g.name,
    prefectureCode: g.prefecture_code,
    kind: g.kind,
    signedOn: g.signed_on,
    publishedMemberCount: g.published_member_count ?? 0,
  };
}

// ─── A municipality's (or prefecture's) ties ───────────────────────────────────────────────────

/**
 * Every tie of a local government with the wards: agreements naming it, wide-area group membership
 * (derived from its group's rule and exceptions), regional exchanges, joint plans, projects naming
 * it as partner, and its registration as a member. Undefined when the code is unknown.
 */
export async function tiesOfMunicipality(db: Kysely<Database>, code: string, options: TieOptions = {}): Promise<MunicipalityTies | undefined> {
  const asOf = options.asOf ?? todayInJapan();
  const projectLimit = options.projectLimit ?? 10;
  const self = await db
    .selectFrom('local_governments')
    .select(['code', 'level', 'prefecture_code', 'kind', 'is_counted', 'valid_from', 'valid_to'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!self) return undefined;
  const isPrefecture = self.level === 'prefecture';

  const projectBase = db
    .selectFrom('project_partners as pp')
    .innerJoin('projects as pr', 'pr.id', 'pp.project_id')
    .where('pp.local_government_code', '=', code)
    .where('pr.deleted_at', 'is', null);

  const [agreementIds, groupRows, exceptionRows, exchangeIds, planIds, projectRows, member] = await Promise.all([
    db.selectFrom('agreement_partners').select('agreement_id').where('local_government_code', '=', code).execute(),
    isPrefecture
      ? Promise.resolve([])
      : db
          .selectFrom('wide_area_groups')
          .select(['id', 'name', 'prefecture_code', 'kind', 'signed_on', 'signed_on_precision', 'auto_renewal', 'published_member_count', 'source_url', 'provenance', 'sort_order'])
          .where('deleted_at', 'is', null)
          .where((eb) =>
            eb.or([
              eb('prefecture_code', '=', self.prefecture_code),
              eb('id', 'in', eb.selectFrom('wide_area_group_exceptions').select('group_id').where('local_government_code', '=', code)),
            ]),
          )
          .orderBy('sort_order')
          .orderBy('id')
          .execute(),
    isPrefecture
      ? Promise.resolve([])
      : db.selectFrom('wide_area_group_exceptions').select(['group_id', 'local_government_code', 'change', 'note', 'created_at']).where('local_government_code', '=', code).orderBy('created_at').execute(),
    db.selectFrom('regional_exchange_members').select('exchange_id').where('local_government_code', '=', code).execute(),
    db.selectFrom('joint_plan_partners').select('plan_id').where('local_government_code', '=', code).execute(),
    projectBase
      .select([...projectColumns, projectTotal])
      .orderBy('pr.fiscal_year', 'desc')
      .orderBy(nullsLast)
      .orderBy('pr.starts_on', 'desc')
      .orderBy('pr.id')
      .limit(projectLimit)
      .execute(),
    db.selectFrom('registered_members').select(['joined_on', 'source']).where('local_government_code', '=', code).executeTakeFirst(),
  ]);

  // Membership by the group's own rule, applied to this one municipality (the rule is per row).
  const master = toMasterMunicipalities([self]);
  const exceptions: GroupException[] = exceptionRows.map((e) => ({ groupId: e.group_id, code: e.local_government_code, change: e.change, note: e.note }));
  const memberGroups = groupRows.filter((g) => deriveGroupMembers(toWideAreaGroup(g), master, exceptions).includes(code));
  const groupAgreementIds = memberGroups.length
    ? await db
        .selectFrom('agreement_partners')
        .select(['agreement_id', 'group_id'])
        .where(
          'group_id',
          'in',
          memberGroups.map((g) => g.id),
        )
        .execute()
    : [];

  const [agreementsAll, exchanges, jointPlans, projects, prefectureCounts] = await Promise.all([
    loadAgreements(db, [...agreementIds.map((r) => r.agreement_id), ...groupAgreementIds.map((r) => r.agreement_id)], asOf),
    loadExchanges(db, exchangeIds.map((r) => r.exchange_id), asOf),
    loadJointPlans(db, planIds.map((r) => r.plan_id)),
    withProjectParties(db, projectRows),
    isPrefecture ? prefectureTieCounts(db, self.prefecture_code) : Promise.resolve(null),
  ]);
  const direct = new Set(agreementIds.map((r) => r.agreement_id));
  const groupsOfAgreement = groupBy(groupAgreementIds, (r) => r.agreement_id);

  return {
    code,
    level: self.level,
    agreements: agreementsAll.filter((a) => direct.has(a.id)).sort(agreementOrder),
    groups: memberGroups.map((g) => {
      const exception = exceptions.find((e) => e.groupId === g.id && e.change === 'add');
      return {
        id: g.id,
        name: g.name,
        kind: g.kind,
        prefectureCode: g.prefecture_code,
        signed: { date: g.signed_on, precision: g.signed_on_precision },
        autoRenewal: g.auto_renewal === 1,
        via: exception ? 'exception' : 'rule',
        exceptionNote: exception?.note ?? '',
        agreements: agreementsAll.filter((a) => (groupsOfAgreement.get(a.id) ?? []).some((r) => r.group_id === g.id)).sort(agreementOrder),
        sourceUrl: g.source_url,
        isSample: isSample(g.provenance),
      };
    }),
    exchanges,
    jointPlans,
    projects,
    projectTotal: Number(projectRows[0]?.total ?? 0),
    registeredMember: member ? { joinedOn: member.joined_on, source: member.source } : null,
    prefectureCounts,
  };
}

/** How many of a prefecture's (current, counted) municipalities have a tie of each kind. */
async function prefectureTieCounts(db: Kysely<Database>, prefectureCode: string): Promise<PrefectureTieCounts> {
  const [municipalities, agreementCodes, exchangeCodes, planCodes, projectCodes, memberCodes, groupRows, exceptionRows] = await Promise.all([
    db
      .selectFrom('local_governments')
      .select(['code', 'level', 'prefecture_code', 'kind', 'is_counted', 'valid_from', 'valid_to'])
      .where('prefecture_code', '=', prefectureCode)
      .where('level', '=', 'municipality')
      .execute(),
    db
      .selectFrom('agreement_partners as p')
      .innerJoin('agreements as a', 'a.id', 'p.agreement_id')
      .innerJoin('local_governments as lg', 'lg.code', 'p.local_government_code')
      .select('p.local_government_code as code')
      .distinct()
      .where('lg.prefecture_code', '=', prefectureCode)
      .where('lg.level', '=', 'municipality')
      .where('a.deleted_at', 'is', null)
      .execute(),
    db
      .selectFrom('regional_exchange_members as m')
      .innerJoin('regional_exchanges as re', 're.id', 'm.exchange_id')
      .innerJoin('local_governments as lg', 'lg.code', 'm.local_government_code')
      .select('m.local_government_code as code')
      .distinct()
      .where('lg.prefecture_code', '=', prefectureCode)
      .where('lg.level', '=', 'municipality')
      .where('re.deleted_at', 'is', null)
      .execute(),
    db
      .selectFrom('joint_plan_partners as jp')
      .innerJoin('joint_plans as j', 'j.id', 'jp.plan_id')
      .innerJoin('local_governments as lg', 'lg.code', 'jp.local_government_code')
      .select('jp.local_government_code as code')
      .distinct()
      .where('lg.prefecture_code', '=', prefectureCode)
      .where('lg.level', '=', 'municipality')
      .where('j.deleted_at', 'is', null)
      .execute(),
    db
      .selectFrom('project_partners as pp')
      .innerJoin('projects as pr', 'pr.id', 'pp.project_id')
      .select('pp.local_government_code as code')
      .distinct()
      .where('pp.prefecture_code', '=', prefectureCode)
      .where('pr.deleted_at', 'is', null)
      .execute(),
    db
      .selectFrom('registered_members as r')
      .innerJoin('local_governments as lg', 'lg.code', 'r.local_government_code')
      .select('r.local_government_code as code')
      .where('lg.prefecture_code', '=', prefectureCode)
      .where('lg.level', '=', 'municipality')
      .execute(),
    db
      .selectFrom('wide_area_groups')
      .select(['id', 'name', 'prefecture_code', 'kind', 'signed_on', 'published_member_count'])
      .where('prefecture_code', '=', prefectureCode)
      .where('deleted_at', 'is', null)
      .orderBy('sort_order')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('wide_area_group_exceptions as e')
      .innerJoin('wide_area_groups as g', 'g.id', 'e.group_id')
      .select(['e.group_id', 'e.local_government_code', 'e.change', 'e.note'])
      .where('g.prefecture_code', '=', prefectureCode)
      .orderBy('e.created_at')
      .execute(),
  ]);
  const master = toMasterMunicipalities(municipalities);
  const current = new Set(master.filter((m) => m.isCounted && m.validTo === null).map((m) => m.code));
  const exceptions: GroupException[] = exceptionRows.map((e) => ({ groupId: e.group_id, code: e.local_government_code, change: e.change, note: e.note }));
  const groups = groupRows.map((g) => ({ id: g.id, name: g.name, members: deriveGroupMembers(toWideAreaGroup(g), master, exceptions) }));
  const groupMembers = new Set(groups.flatMap((g) => g.members));
  const sets = {
    agreements: new Set(agreementCodes.map((r) => r.code as string)),
    regionalExchanges: new Set(exchangeCodes.map((r) => r.code)),
    jointPlans: new Set(planCodes.map((r) => r.code)),
    projects: new Set(projectCodes.map((r) => r.code).filter((c) => !isPrefectureCode(c))),
    registeredMembers: new Set(memberCodes.map((r) => r.code)),
    wideAreaGroups: groupMembers,
  };
  const counted = (s: Set<string>) => [...s].filter((c) => current.has(c)).length;
  const any = new Set(Object.values(sets).flatMap((s) => [...s].filter((c) => current.has(c))));
  return {
    municipalities: current.size,
    agreements: counted(sets.agreements),
    wideAreaGroups: counted(sets.wideAreaGroups),
    regionalExchanges: counted(sets.regionalExchanges),
    jointPlans: counted(sets.jointPlans),
    projects: counted(sets.projects),
    registeredMembers: counted(sets.registeredMembers),
    any: any.size,
    groups: groups.map((g) => ({ id: g.id, name: g.name, memberCount: g.members.length })),
  };
}

// ─── A ward's profile ──────────────────────────────────────────────────────────────────────────

/**
 * One ward with its mayor (as of a date), its partners and the agreements that tie them (in force;
 * ended ones apart), its regional exchanges and joint plans, and its latest projects.
 * Undefined when the code is not a (non-deleted) ward.
 */
export async function wardProfile(db: Kysely<Database>, wardCode: string, options: TieOptions = {}): Promise<WardProfile | undefined> {
  const asOf = options.asOf ?? todayInJapan();
  const projectLimit = options.projectLimit ?? 20;
  const ward = await db
    .selectFrom('wards as w')
    .innerJoin('local_governments as lg', 'lg.code', 'w.code')
    .select(['w.code', 'lg.name', 'lg.kana', 'w.block', 'w.mayor_name', 'w.mayor_as_of', 'w.website_url', 'w.source_url', 'w.provenance'])
    .where('w.code', '=', wardCode)
    .where('w.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!ward) return undefined;

  const projectBase = db
    .selectFrom('project_wards as pw')
    .innerJoin('projects as pr', 'pr.id', 'pw.project_id')
    .where('pw.ward_code', '=', wardCode)
    .where('pr.deleted_at', 'is', null);

  const [agreementIds, exchangeIds, planIds, projectRows] = await Promise.all([
    db.selectFrom('agreement_wards').select('agreement_id').where('ward_code', '=', wardCode).execute(),
    db.selectFrom('regional_exchanges').select('id').where('ward_code', '=', wardCode).where('deleted_at', 'is', null).execute(),
    db.selectFrom('joint_plan_wards').select('plan_id').where('ward_code', '=', wardCode).execute(),
    projectBase
      .select([...projectColumns, projectTotal])
      .orderBy('pr.fiscal_year', 'desc')
      .orderBy(nullsLast)
      .orderBy('pr.starts_on', 'desc')
      .orderBy('pr.id')
      .limit(projectLimit)
      .execute(),
  ]);
  const [agreements, exchanges, jointPlans, projects] = await Promise.all([
    loadAgreements(db, agreementIds.map((r) => r.agreement_id), asOf),
    loadExchanges(db, exchangeIds.map((r) => r.id), asOf),
    loadJointPlans(db, planIds.map((r) => r.plan_id)),
    withProjectParties(db, projectRows),
  ]);

  const live = agreements.filter((a) => !a.isEnded).sort(agreementOrder);
  const partners = new Map<string, WardPartner>();
  for (const a of live) {
    for (const party of a.partners) {
      const key = `${party.kind}:${party.key}`;
      const entry = partners.get(key);
      if (entry) entry.agreements.push(a);
      else partners.set(key, { party, agreements: [a] });
    }
  }
  const endedAgreements = agreements
    .filter((a) => a.isEnded)
    .sort((a, b) => ((a.endedOn ?? '') < (b.endedOn ?? '') ? 1 : (a.endedOn ?? '') > (b.endedOn ?? '') ? -1 : a.title.localeCompare(b.title, 'ja')));

  return {
    code: ward.code,
    name: ward.name,
    kana: ward.kana,
    block: ward.block,
    mayorName: ward.mayor_name,
    mayorAsOf: ward.mayor_as_of,
    websiteUrl: ward.website_url,
    sourceUrl: ward.source_url,
    isSample: isSample(ward.provenance),
    partners: [...partners.values()].sort((a, b) => partyOrder(a.party, b.party)),
    endedAgreements,
    exchanges,
    jointPlans,
    projects,
    projectTotal: Number(projectRows[0]?.total ?? 0),
  };
}
