// The public reads of the registry's two long lists, 連携事業 (projects) and 協定 (agreements):
// filtered, paged lists, single records, and the rows of the CSV/XLSX exports. Shared by the HTML
// pages (features/projects) and the JSON API, so that both show the same records in the same order.
//
// Rules kept here once:
// - a deleted record (deleted_at set) is never returned;
// - a page is cut in SQL (limit/offset) and counted with the same WHERE;
// - the wards and partners of the records read are fetched in one query each (no N+1);
// - ward and prefecture filters are IN (subquery) on project_wards_ward_idx, project_partners_pref_idx
//   and agreement_wards_ward_idx, so that the planner can start from the few matching parties
//   (measured on 20,000 projects: counting by prefecture 1.9 ms instead of 8.4 ms with EXISTS); the
//   other project filters use
//   projects_listing_idx; the SQL is the same on SQLite and PostgreSQL.
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { agreementColumns, formatLabels, joinList, organiserKindLabels, precisionLabels, projectColumns, splitList } from '../shared/exchange-layout.ts';
import { fiscalYearOf } from '../../../domain/fiscal-year.ts';
import { formatIsoDate } from '../../../domain/japanese-date.ts';
import { projectFieldByNumber } from '../shared/project-fields.ts';
import { keywordTerms, type AgreementFilter, type ProjectFilter } from './filters.ts';
import { cachedPerDatabase } from '../../../db/cache.ts';
import { contains } from '../../../db/dialect.ts';
import type {
  AgreementCategory,
  Database,
  DatePrecision,
  OrganiserKind,
  ProjectFormat,
  ProjectStatus,
  Provenance,
} from '../../../db/schema.ts';

/** Rows per page of both lists. */
export const registryPageSize = 50;

export interface ListOptions {
  /** Rows per page; registryPageSize unless told. */
  pageSize?: number;
  /** ISO date deciding whether an agreement has ended; today in Japan unless told. */
  today?: string;
}

export interface ListResult<T> {
  rows: T[];
  /** Rows matching the filter, over all pages. */
  total: number;
}

export interface RegistryWard {
  code: string;
  name: string;
}

export interface RegistryPartner {
  /** 6-digit code of a municipality or a prefecture. */
  code: string;
  name: string;
  /** 2 digits. */
  prefectureCode: string;
  /** True when the partner is a prefecture itself (code ends in 000x). */
  isPrefecture: boolean;
}

export interface ProjectRecord {
  id: string;
  fiscalYear: number;
  title: string;
  summary: string;
  field: number;
  organiserKind: OrganiserKind;
  /** Organising wards in code order; empty for a 23区共同 project. */
  wards: RegistryWard[];
  /** Partner municipalities and prefectures in code order. */
  partners: RegistryPartner[];
  startsOn: string | null;
  endsOn: string | null;
  format: ProjectFormat;
  status: ProjectStatus;
  newsUrl: string | null;
  sourceUrl: string | null;
  notes: string;
  provenance: Provenance;
  updatedAt: string;
}

export interface AgreementPartnerRecord {
  /** A municipality or prefecture (code set) or a wide-area group (groupId set). */
  kind: 'government' | 'group';
  code: string | null;
  groupId: string | null;
  name: string;
  prefectureCode: string;
  isPrefecture: boolean;
  /** The partner's name when signed, when it has since merged (e.g. 風連町); '' otherwise. */
  formerName: string;
}

export interface AgreementRecord {
  id: string;
  typeId: string;
  typeName: string;
  typeNameEn: string;
  category: AgreementCategory;
  title: string;
  wards: RegistryWard[];
  /** Municipalities and prefectures first (code order), then groups (name order). */
  partners: AgreementPartnerRecord[];
  signedOn: string | null;
  signedOnPrecision: DatePrecision;
  /** Re-signed or revised dates, ISO, in stored order. */
  resignedDates: string[];
  endedOn: string | null;
  /** True when ended_on is set and not after today. */
  ended: boolean;
  background: string;
  sourceUrl: string | null;
  notes: string;
  provenance: Provenance;
  updatedAt: string;
}

// ─── Filters ──────────────────────────────────────────────────────────────────────────────────

const one = sql.lit(1).as('one');

/** Case-insensitive (for Latin letters, on both engines) literal substring match. */
function containsText(eb: ExpressionBuilder<any, any>, column: string, term: string): Expression<SqlBool> {
  return contains(eb.fn<string>('lower', [eb.ref(column)]), term.toLowerCase());
}

function projectConditions(eb: ExpressionBuilder<Database, 'projects'>, filter: ProjectFilter): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [eb('projects.deleted_at', 'is', null)];
  if (filter.fy !== null) conditions.push(eb('projects.fiscal_year', '=', filter.fy));
  if (filter.field !== null) conditions.push(eb('projects.field', '=', filter.field));
  if (filter.status) conditions.push(eb('projects.status', '=', filter.status));
  if (filter.organiser) conditions.push(eb('projects.organiser_kind', '=', filter.organiser));
  if (filter.ward) {
    conditions.push(eb('projects.id', 'in', eb.selectFrom('project_wards as fpw').select('fpw.project_id').where('fpw.ward_code', '=', filter.ward)));
  }
  if (filter.pref) {
    conditions.push(eb('projects.id', 'in', eb.selectFrom('project_partners as fpp').select('fpp.project_id').where('fpp.prefecture_code', '=', filter.pref)));
  }
  for (const term of keywordTerms(filter.q)) {
    conditions.push(eb.or([containsText(eb, 'projects.title', term), containsText(eb, 'projects.summary', term)]));
  }
  return eb.and(conditions);
}

function agreementConditions(eb: ExpressionBuilder<Database, 'agreements'>, filter: AgreementFilter, today: string): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [eb('agreements.deleted_at', 'is', null)];
  if (filter.type) conditions.push(eb('agreements.type_id', '=', filter.type));
  if (filter.category) {
    conditions.push(eb('agreements.type_id', 'in', eb.selectFrom('agreement_types as fat').select('fat.id').where('fat.category', '=', filter.category)));
  }
  if (filter.state === 'live') conditions.push(eb.or([eb('agreements.ended_on', 'is', null), eb('agreements.ended_on', '>', today)]));
  if (filter.state === 'ended') conditions.push(eb.and([eb('agreements.ended_on', 'is not', null), eb('agreements.ended_on', '<=', today)]));
  if (filter.ward) {
    conditions.push(eb('agreements.id', 'in', eb.selectFrom('agreement_wards as faw').select('faw.agreement_id').where('faw.ward_code', '=', filter.ward)));
  }
  if (filter.pref) {
    // A partner in the prefecture: a municipality there, the prefecture itself, or a group of it.
    conditions.push(
      eb.exists(
        eb
          .selectFrom('agreement_partners as fap')
          .leftJoin('local_governments as plg', 'plg.code', 'fap.local_government_code')
          .leftJoin('wide_area_groups as pg', 'pg.id', 'fap.group_id')
          .select(one)
          .whereRef('fap.agreement_id', '=', 'agreements.id')
          .where((w) => w.or([w('plg.prefecture_code', '=', filter.pref), w('pg.prefecture_code', '=', filter.pref)])),
      ),
    );
  }
  for (const term of keywordTerms(filter.q)) {
    // In the title, the background, or a partner's name (now or when signed).
    conditions.push(
      eb.or([
        containsText(eb, 'agreements.title', term),
        containsText(eb, 'agreements.background', term),
        eb.exists(
          eb
            .selectFrom('agreement_partners as kp')
            .leftJoin('local_governments as klg', 'klg.code', 'kp.local_government_code')
            .leftJoin('wide_area_groups as kg', 'kg.id', 'kp.group_id')
            .select(one)
            .whereRef('kp.agreement_id', '=', 'agreements.id')
            .where((w) => w.or([containsText(w, 'klg.name', term), containsText(w, 'kg.name', term), containsText(w, 'kp.former_name', term)])),
        ),
      ]),
    );
  }
  return eb.and(conditions);
}

function todayInJapan(options: ListOptions): string {
  return options.today ?? formatIsoDate(new Date());
}

function offsetOf(page: number, pageSize: number): number {
  return (Math.max(1, Math.floor(page)) - 1) * pageSize;
}

// ─── Projects ─────────────────────────────────────────────────────────────────────────────────

const projectSelection = [
  'projects.id',
  'projects.fiscal_year',
  'projects.title',
  'projects.summary',
  'projects.field',
  'projects.organiser_kind',
  'projects.starts_on',
  'projects.ends_on',
  'projects.format',
  'projects.status',
  'projects.news_url',
  'projects.source_url',
  'projects.notes',
  'projects.provenance',
  'projects.updated_at',
] as const;

function filteredProjects(db: Kysely<Database>, filter: ProjectFilter) {
  return db.selectFrom('projects').where((eb) => projectConditions(eb, filter));
}

function orderedProjects(db: Kysely<Database>, filter: ProjectFilter) {
  return filteredProjects(db, filter)
    .select(projectSelection)
    .orderBy('projects.fiscal_year', 'desc')
    .orderBy('projects.starts_on', (ob) => ob.desc().nullsLast())
    .orderBy('projects.title')
    .orderBy('projects.id');
}

type ProjectRow = Awaited<ReturnType<ReturnType<typeof orderedProjects>['execute']>>[number];

/** The IDs to fetch parties for: a page's list, or every project matching a filter (subquery). */
type ProjectIds = readonly string[] | { filter: ProjectFilter };

async function projectParties(db: Kysely<Database>, ids: ProjectIds) {
  if (Array.isArray(ids) && ids.length === 0) return { wards: new Map<string, RegistryWard[]>(), partners: new Map<string, RegistryPartner[]>() };
  // A page: its IDs. An export: joined to the projects under the same WHERE as the list.
  const restrict = <Q extends SelectQueryBuilder<any, any, any>>(query: Q, column: string): Q =>
    Array.isArray(ids)
      ? (query.where(column, 'in', ids) as Q)
      : (query
          .innerJoin('projects', 'projects.id', column)
          .where((eb: ExpressionBuilder<any, any>) => projectConditions(eb as ExpressionBuilder<Database, 'projects'>, (ids as { filter: ProjectFilter }).filter)) as Q);
  const [wardRows, partnerRows] = await Promise.all([
    restrict(
      db
        .selectFrom('project_wards as pw')
        .innerJoin('local_governments as lg', 'lg.code', 'pw.ward_code')
        .select(['pw.project_id', 'pw.ward_code', 'lg.name'])
        .orderBy('pw.project_id')
        .orderBy('pw.ward_code'),
      'pw.project_id',
    ).execute(),
    restrict(
      db
        .selectFrom('project_partners as pp')
        .innerJoin('local_governments as lg', 'lg.code', 'pp.local_government_code')
        .select(['pp.project_id', 'pp.local_government_code', 'pp.prefecture_code', 'lg.name', 'lg.level'])
        .orderBy('pp.project_id')
        .orderBy('pp.local_government_code'),
      'pp.project_id',
    ).execute(),
  ]);
  const wards = new Map<string, RegistryWard[]>();
  for (const r of wardRows) push(wards, r.project_id, { code: r.ward_code, name: r.name });
  const partners = new Map<string, RegistryPartner[]>();
  for (const r of partnerRows) {
    push(partners, r.project_id, { code: r.local_government_code, name: r.name, prefectureCode: r.prefecture_code, isPrefecture: r.level === 'prefecture' });
  }
  return { wards, partners };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function toProject(r: ProjectRow, parties: Awaited<ReturnType<typeof projectParties>>): ProjectRecord {
  return {
    id: r.id,
    fiscalYear: Number(r.fiscal_year),
    title: r.title,
    summary: r.summary,
    field: Number(r.field),
    organiserKind: r.organiser_kind,
    wards: parties.wards.get(r.id) ?? [],
    partners: parties.partners.get(r.id) ?? [],
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    format: r.format,
    status: r.status,
    newsUrl: r.news_url,
    sourceUrl: r.source_url,
    notes: r.notes,
    provenance: r.provenance,
    updatedAt: r.updated_at,
  };
}

/**
 * One page (1-based) of the projects matching `filter`, newest 年度 first (then start date, newest
 * first, undated last; then title), with the total count of matches.
 */
export async function listProjects(db: Kysely<Database>, filter: ProjectFilter, page: number, options: ListOptions = {}): Promise<ListResult<ProjectRecord>> {
  const pageSize = options.pageSize ?? registryPageSize;
  const [count, rows] = await Promise.all([
    filteredProjects(db, filter)
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
    orderedProjects(db, filter).limit(pageSize).offset(offsetOf(page, pageSize)).execute(),
  ]);
  const parties = await projectParties(
    db,
    rows.map((r) => r.id),
  );
  return { rows: rows.map((r) => toProject(r, parties)), total: Number(count.total) };
}

/** A project that is not deleted, or undefined. */
export async function projectById(db: Kysely<Database>, id: string): Promise<ProjectRecord | undefined> {
  const row = await db.selectFrom('projects').select(projectSelection).where('projects.id', '=', id).where('projects.deleted_at', 'is', null).executeTakeFirst();
  if (!row) return undefined;
  return toProject(row, await projectParties(db, [row.id]));
}

/** Every project matching `filter` (no paging), in list order. */
export async function allProjects(db: Kysely<Database>, filter: ProjectFilter): Promise<ProjectRecord[]> {
  const [rows, parties] = await Promise.all([orderedProjects(db, filter).execute(), projectParties(db, { filter })]);
  return rows.map((r) => toProject(r, parties));
}

/** A project as a line of the exchange layout (projectColumns): what /projects.csv and .xlsx write. */
export function projectExchangeRow(p: ProjectRecord): Record<string, string | number> {
  const row: Record<string, string | number> = {
    id: p.id,
    fiscalYear: p.fiscalYear,
    title: p.title,
    summary: p.summary,
    field: p.field,
    fieldName: projectFieldByNumber(p.field)?.nameJa ?? '',
    organiserKind: organiserKindLabels[p.organiserKind],
    wardCodes: joinList(p.wards.map((w) => w.code)),
    wardNames: joinList(p.wards.map((w) => w.name)),
    partnerCodes: joinList(p.partners.map((x) => x.code)),
    partnerNames: joinList(p.partners.map((x) => x.name)),
    startsOn: p.startsOn ?? '',
    endsOn: p.endsOn ?? '',
    format: formatLabels[p.format],
    status: p.status,
    newsUrl: p.newsUrl ?? '',
    sourceUrl: p.sourceUrl ?? '',
    notes: p.notes,
  };
  return onlyColumns(row, projectColumns);
}

/** The export rows of every project matching `filter`, keyed by the keys of projectColumns. */
export async function projectExchangeRows(db: Kysely<Database>, filter: ProjectFilter): Promise<Array<Record<string, string | number>>> {
  return (await allProjects(db, filter)).map(projectExchangeRow);
}

// ─── Agreements ───────────────────────────────────────────────────────────────────────────────

const agreementSelection = [
  'agreements.id',
  'agreements.type_id',
  't.name as type_name',
  't.name_en as type_name_en',
  't.category',
  'agreements.title',
  'agreements.signed_on',
  'agreements.signed_on_precision',
  'agreements.resigned_dates',
  'agreements.ended_on',
  'agreements.background',
  'agreements.source_url',
  'agreements.notes',
  'agreements.provenance',
  'agreements.updated_at',
] as const;

function filteredAgreements(db: Kysely<Database>, filter: AgreementFilter, today: string) {
  return db.selectFrom('agreements').where((eb) => agreementConditions(eb, filter, today));
}

function orderedAgreements(db: Kysely<Database>, filter: AgreementFilter, today: string) {
  return filteredAgreements(db, filter, today)
    .innerJoin('agreement_types as t', 't.id', 'agreements.type_id')
    .select(agreementSelection)
    .orderBy('agreements.signed_on', (ob) => ob.desc().nullsLast())
    .orderBy('agreements.title')
    .orderBy('agreements.id');
}

type AgreementRow = Awaited<ReturnType<ReturnType<typeof orderedAgreements>['execute']>>[number];
type AgreementIds = readonly string[] | { filter: AgreementFilter; today: string };

async function agreementParties(db: Kysely<Database>, ids: AgreementIds) {
  const wards = new Map<string, RegistryWard[]>();
  const partners = new Map<string, AgreementPartnerRecord[]>();
  if (Array.isArray(ids) && ids.length === 0) return { wards, partners };
  const restrict = <Q extends SelectQueryBuilder<any, any, any>>(query: Q, column: string): Q => {
    if (Array.isArray(ids)) return query.where(column, 'in', ids) as Q;
    const { filter, today } = ids as { filter: AgreementFilter; today: string };
    return query
      .innerJoin('agreements', 'agreements.id', column)
      .where((eb: ExpressionBuilder<any, any>) => agreementConditions(eb as ExpressionBuilder<Database, 'agreements'>, filter, today)) as Q;
  };
  const [wardRows, partnerRows] = await Promise.all([
    restrict(
      db
        .selectFrom('agreement_wards as aw')
        .innerJoin('local_governments as lg', 'lg.code', 'aw.ward_code')
        .select(['aw.agreement_id', 'aw.ward_code', 'lg.name'])
        .orderBy('aw.agreement_id')
        .orderBy('aw.ward_code'),
      'aw.agreement_id',
    ).execute(),
    restrict(
      db
        .selectFrom('agreement_partners as ap')
        .leftJoin('local_governments as lg', 'lg.code', 'ap.local_government_code')
        .leftJoin('wide_area_groups as g', 'g.id', 'ap.group_id')
        .select([
          'ap.agreement_id',
          'ap.local_government_code',
          'ap.group_id',
          'ap.former_name',
          'lg.name as government_name',
          'lg.prefecture_code as government_prefecture',
          'lg.level',
          'g.name as group_name',
          'g.prefecture_code as group_prefecture',
          'g.sort_order as group_order',
        ]),
      'ap.agreement_id',
    ).execute(),
  ]);
  for (const r of wardRows) push(wards, r.agreement_id, { code: r.ward_code, name: r.name });
  // Sorted here rather than in SQL: governments by code, then groups by their order, on both engines alike.
  const sortKey = (r: (typeof partnerRows)[number]) =>
    r.local_government_code !== null ? `0:${r.local_government_code}` : `1:${String(r.group_order ?? 0).padStart(6, '0')}:${r.group_id ?? ''}`;
  partnerRows.sort((a, b) => (a.agreement_id === b.agreement_id ? (sortKey(a) < sortKey(b) ? -1 : 1) : a.agreement_id < b.agreement_id ? -1 : 1));
  for (const r of partnerRows) {
    const isGroup = r.local_government_code === null;
    push(partners, r.agreement_id, {
      kind: isGroup ? 'group' : 'government',
      code: r.local_government_code,
      groupId: r.group_id,
      name: (isGroup ? r.group_name : r.government_name) ?? '',
      prefectureCode: (isGroup ? r.group_prefecture : r.government_prefecture) ?? '',
      isPrefecture: !isGroup && r.level === 'prefecture',
      formerName: r.former_name,
    });
  }
  return { wards, partners };
}

function toAgreement(r: AgreementRow, parties: Awaited<ReturnType<typeof agreementParties>>, today: string): AgreementRecord {
  return {
    id: r.id,
    typeId: r.type_id,
    typeName: r.type_name,
    typeNameEn: r.type_name_en,
    category: r.category,
    title: r.title,
    wards: parties.wards.get(r.id) ?? [],
    partners: parties.partners.get(r.id) ?? [],
    signedOn: r.signed_on,
    signedOnPrecision: r.signed_on_precision,
    resignedDates: splitList(r.resigned_dates),
    endedOn: r.ended_on,
    ended: r.ended_on !== null && r.ended_on <= today,
    background: r.background,
    sourceUrl: r.source_url,
    notes: r.notes,
    provenance: r.provenance,
    updatedAt: r.updated_at,
  };
}

/** One page (1-based) of the agreements matching `filter`, latest signed first (undated last), then title. */
export async function listAgreements(db: Kysely<Database>, filter: AgreementFilter, page: number, options: ListOptions = {}): Promise<ListResult<AgreementRecord>> {
  const pageSize = options.pageSize ?? registryPageSize;
  const today = todayInJapan(options);
  const [count, rows] = await Promise.all([
    filteredAgreements(db, filter, today)
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
    orderedAgreements(db, filter, today).limit(pageSize).offset(offsetOf(page, pageSize)).execute(),
  ]);
  const parties = await agreementParties(
    db,
    rows.map((r) => r.id),
  );
  return { rows: rows.map((r) => toAgreement(r, parties, today)), total: Number(count.total) };
}

/** An agreement that is not deleted, or undefined. */
export async function agreementById(db: Kysely<Database>, id: string, options: Pick<ListOptions, 'today'> = {}): Promise<AgreementRecord | undefined> {
  const today = todayInJapan(options);
  const row = await db
    .selectFrom('agreements')
    .innerJoin('agreement_types as t', 't.id', 'agreements.type_id')
    .select(agreementSelection)
    .where('agreements.id', '=', id)
    .where('agreements.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  return toAgreement(row, await agreementParties(db, [row.id]), today);
}

/** Every agreement matching `filter` (no paging), in list order. */
export async function allAgreements(db: Kysely<Database>, filter: AgreementFilter, options: Pick<ListOptions, 'today'> = {}): Promise<AgreementRecord[]> {
  const today = todayInJapan(options);
  const [rows, parties] = await Promise.all([orderedAgreements(db, filter, today).execute(), agreementParties(db, { filter, today })]);
  return rows.map((r) => toAgreement(r, parties, today));
}

/** An agreement as a line of the exchange layout (agreementColumns). 協定種別 is the type's name. */
export function agreementExchangeRow(a: AgreementRecord): Record<string, string | number> {
  const governments = a.partners.filter((p) => p.kind === 'government');
  const groups = a.partners.filter((p) => p.kind === 'group');
  const row: Record<string, string | number> = {
    id: a.id,
    type: a.typeName,
    title: a.title,
    wardCodes: joinList(a.wards.map((w) => w.code)),
    wardNames: joinList(a.wards.map((w) => w.name)),
    partnerCodes: joinList(governments.map((p) => p.code ?? '')),
    // Governments (in the order of their codes), then groups (in the order of their IDs).
    partnerNames: joinList([...governments, ...groups].map((p) => p.name)),
    partnerGroupIds: joinList(groups.map((p) => p.groupId ?? '')),
    formerNames: joinList(governments.filter((p) => p.formerName !== '').map((p) => `${p.code}:${p.formerName}`)),
    signedOn: a.signedOn ?? '',
    signedOnPrecision: precisionLabels[a.signedOnPrecision],
    fiscalYear: a.signedOn ? fiscalYearOf(a.signedOn) : '',
    resignedDates: joinList(a.resignedDates),
    endedOn: a.endedOn ?? '',
    background: a.background,
    sourceUrl: a.sourceUrl ?? '',
    notes: a.notes,
  };
  return onlyColumns(row, agreementColumns);
}

/** The export rows of every agreement matching `filter`, keyed by the keys of agreementColumns. */
export async function agreementExchangeRows(
  db: Kysely<Database>,
  filter: AgreementFilter,
  options: Pick<ListOptions, 'today'> = {},
): Promise<Array<Record<string, string | number>>> {
  return (await allAgreements(db, filter, options)).map(agreementExchangeRow);
}

/** Keeps exactly the layout's keys, so a column added to the layout but not here shows up as ''. */
function onlyColumns(row: Record<string, string | number>, columns: readonly { key: string }[]): Record<string, string | number> {
  return Object.fromEntries(columns.map((c) => [c.key, row[c.key] ?? '']));
}

// ─── Filter choices ───────────────────────────────────────────────────────────────────────────

export interface PrefectureChoice {
  /** 2 digits. */
  prefectureCode: string;
  name: string;
  region: string;
}

export interface AgreementTypeChoice {
  id: string;
  name: string;
  nameEn: string;
  category: AgreementCategory;
}

/** The 23 wards in code order (master data, cached). */
export const registryWards = cachedPerDatabase(60_000, async (db: Kysely<Database>): Promise<RegistryWard[]> => {
  const rows = await db
    .selectFrom('wards')
    .innerJoin('local_governments as lg', 'lg.code', 'wards.code')
    .select(['wards.code', 'lg.name'])
    .where('wards.deleted_at', 'is', null)
    .orderBy('wards.code')
    .execute();
  return rows.map((r) => ({ code: r.code, name: r.name }));
});

/** The 47 prefectures in JIS order (master data, cached). */
export const registryPrefectures = cachedPerDatabase(60_000, async (db: Kysely<Database>): Promise<PrefectureChoice[]> => {
  const rows = await db.selectFrom('local_governments').select(['prefecture_code', 'name', 'region']).where('level', '=', 'prefecture').orderBy('code').execute();
  return rows.map((r) => ({ prefectureCode: r.prefecture_code, name: r.name, region: r.region }));
});

/** The agreement types in their sort order (cached briefly: the secretariat may add one). */
export const registryAgreementTypes = cachedPerDatabase(10_000, async (db: Kysely<Database>): Promise<AgreementTypeChoice[]> => {
  const rows = await db
    .selectFrom('agreement_types')
    .select(['id', 'name', 'name_en', 'category'])
    .where('deleted_at', 'is', null)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, nameEn: r.name_en, category: r.category }));
});

/** The 年度 that have at least one (not deleted) project, newest first. */
export async function projectFiscalYears(db: Kysely<Database>): Promise<number[]> {
  const rows = await db.selectFrom('projects').select('fiscal_year').distinct().where('deleted_at', 'is', null).orderBy('fiscal_year', 'desc').execute();
  return rows.map((r) => Number(r.fiscal_year));
}
