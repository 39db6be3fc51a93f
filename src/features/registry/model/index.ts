// The registry read model: every record that the public pages, the exports and the API show,
// loaded from the database in one consistent read and kept in memory, with the indexes the pages
// look records up by. It is reloaded when the registry's revision (src/db/revisions.ts), raised in
// the same transaction as every registry write, differs from the one it was loaded at; so a page
// never shows data older than the last committed write, on any instance. Reading the revision is
// one indexed row per request; filtering 20,000 projects in memory takes well under a millisecond.
//
// The back office reads deleted records and change history straight from the database.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { snapshotTransaction } from '../../../db/dialect.ts';
import { readRevision, readRevisionIn } from '../../../db/revisions.ts';
import { InternStrings } from '../../../db/intern-strings.ts';
import { loadAgreements, type Agreement } from '../agreements/record.ts';
import { loadCompanyAgreements, type CompanyAgreement } from '../companies/record.ts';
import { loadDisasters, type Disaster } from '../disasters/record.ts';
import { loadRegionalExchanges, type RegionalExchange } from '../exchanges/record.ts';
import { loadPublishedFigures, type PublishedFigureRecord } from '../figures/record.ts';
import { loadGroups, type WideAreaGroupRecord } from '../groups/record.ts';
import { loadRegisteredMembers, type RegisteredMember } from '../members/record.ts';
import { loadSources, type Source } from '../sources/record.ts';
import { loadJointPlans, loadPlanItems, type JointPlan, type PlanItem } from '../plans/record.ts';
import { loadProjects, type Project } from '../projects/record.ts';
import { loadAgreementTypes, type AgreementType } from '../vocabularies/record.ts';
import { loadWards, type Ward } from '../wards/record.ts';
import { Names } from './names.ts';
import { pushTo, type Government } from './shapes.ts';

export interface RegistryIndexes {
  agreementsByWard: ReadonlyMap<string, readonly Agreement[]>;
  /** By party key (a local government code or a group id). */
  agreementsByParty: ReadonlyMap<string, readonly Agreement[]>;
  projectsByWard: ReadonlyMap<string, readonly Project[]>;
  projectsByPartner: ReadonlyMap<string, readonly Project[]>;
  /** By a partner's 2-digit prefecture code. */
  projectsByPrefecture: ReadonlyMap<string, readonly Project[]>;
  projectsByFiscalYear: ReadonlyMap<number, readonly Project[]>;
  projectsByField: ReadonlyMap<number, readonly Project[]>;
  projectsByStatus: ReadonlyMap<string, readonly Project[]>;
  exchangesByWard: ReadonlyMap<string, readonly RegionalExchange[]>;
  exchangesByMember: ReadonlyMap<string, readonly RegionalExchange[]>;
  jointPlansByWard: ReadonlyMap<string, readonly JointPlan[]>;
  jointPlansByPartner: ReadonlyMap<string, readonly JointPlan[]>;
  /** The groups a municipality belongs to today (by rule or exception). */
  groupsByMember: ReadonlyMap<string, readonly WideAreaGroupRecord[]>;
  agreementsById: ReadonlyMap<string, Agreement>;
  projectsById: ReadonlyMap<string, Project>;
  registeredMembers: ReadonlyMap<string, RegisteredMember>;
}

export interface RegistryModel {
  /** The registry revision this model was read at. */
  revision: number;
  names: Names;
  governments: ReadonlyMap<string, Government>;
  /** The 47 prefectures in JIS order. */
  prefectures: readonly Government[];
  wards: readonly Ward[];
  /** Every type, deleted ones flagged (agreements may still use them). */
  agreementTypes: readonly AgreementType[];
  groups: readonly WideAreaGroupRecord[];
  agreements: readonly Agreement[];
  projects: readonly Project[];
  exchanges: readonly RegionalExchange[];
  jointPlans: readonly JointPlan[];
  planItems: readonly PlanItem[];
  companies: readonly CompanyAgreement[];
  disasters: readonly Disaster[];
  registeredMembers: readonly RegisteredMember[];
  publishedFigures: readonly PublishedFigureRecord[];
  /** Every source, by publisher then title. */
  sources: readonly Source[];
  index: RegistryIndexes;
  /** Values derived from this model once, by whoever needs them first (figures, exports…). */
  memo: Map<string, unknown>;
}

interface ModelState {
  current?: RegistryModel;
  loading?: Promise<RegistryModel>;
}

const states = new WeakMap<Kysely<Database>, ModelState>();

/** The model at the registry's current revision: the kept one, or a fresh load (one at a time). */
export async function registryModel(db: Kysely<Database>): Promise<RegistryModel> {
  let state = states.get(db);
  if (!state) states.set(db, (state = {}));
  const revision = await readRevision(db, 'registry');
  for (;;) {
    if (state.current && state.current.revision >= revision) return state.current;
    if (!state.loading) {
      const loading = loadModel(db).finally(() => {
        if (state.loading === loading) state.loading = undefined;
      });
      state.loading = loading;
    }
    const loaded = await state.loading;
    if (!state.current || loaded.revision > state.current.revision) state.current = loaded;
    // A load that started before the write we were asked about is followed by another.
    if (loaded.revision >= revision) return state.current;
  }
}

/** A value computed from the model once per revision (e.g. the figures input). */
export function memoized<T>(model: RegistryModel, key: string, compute: () => T): T {
  if (model.memo.has(key)) return model.memo.get(key) as T;
  const value = compute();
  model.memo.set(key, value);
  return value;
}

/**
 * As memoized, for a value that also depends on the day (what is in force "today"): kept for one
 * day at a time, so a model that lives for weeks without a write does not pile up a copy per day.
 */
export function memoizedForDay<T>(model: RegistryModel, key: string, day: string, compute: () => T): T {
  const kept = model.memo.get(key) as { day: string; value: T } | undefined;
  if (kept && kept.day === day) return kept.value;
  const value = compute();
  model.memo.set(key, { day, value });
  return value;
}

async function loadModel(db: Kysely<Database>): Promise<RegistryModel> {
  // One transaction: every table read at the same moment (on PostgreSQL a repeatable-read
  // snapshot), and the revision read inside it, so the model is exactly that revision.
  return snapshotTransaction(db).execute(async (transaction) => {
    // Equal values of different rows become one string: the model lives as long as its revision.
    const trx = transaction.withPlugin(new InternStrings());
    const revision = await readRevisionIn(trx, 'registry');
    const governmentRows = await trx.selectFrom('local_governments').selectAll().execute();
    const governments = new Map<string, Government>(
      governmentRows.map((r) => [
        r.code,
        {
          code: r.code,
          name: r.name,
          kana: r.kana,
          kanaRank: Number(r.kana_rank),
          prefectureCode: r.prefecture_code,
          level: r.level,
          kind: r.kind,
          isCounted: Number(r.is_counted) === 1,
          validFrom: r.valid_from,
          validTo: r.valid_to,
        },
      ]),
    );
    const prefectures = [...governments.values()].filter((g) => g.level === 'prefecture').sort((a, b) => (a.code < b.code ? -1 : 1));
    const [types, groups, sources] = await Promise.all([loadAgreementTypes(trx), loadGroups(trx, governments), loadSources(trx)]);
    const names = new Names(governments, groups.names);
    const [wards, agreements, projects, exchanges, jointPlans, planItems, companies, disasters, registeredMembers, publishedFigures] = await Promise.all([
      loadWards(trx, governments),
      loadAgreements(trx, names, new Map(types.map((t) => [t.id, t])), sources.citedByAgreement),
      loadProjects(trx, names),
      loadRegionalExchanges(trx, names),
      loadJointPlans(trx, names),
      loadPlanItems(trx),
      loadCompanyAgreements(trx),
      loadDisasters(trx),
      loadRegisteredMembers(trx),
      loadPublishedFigures(trx),
    ]);
    return {
      revision,
      names,
      governments,
      prefectures,
      wards,
      agreementTypes: types,
      groups: groups.live,
      agreements,
      projects,
      exchanges,
      jointPlans,
      planItems,
      companies,
      disasters,
      registeredMembers,
      publishedFigures,
      sources: sources.all,
      index: buildIndexes({ agreements, projects, exchanges, jointPlans, groups: groups.live, registeredMembers }),
      memo: new Map(),
    };
  });
}

function buildIndexes(m: {
  agreements: readonly Agreement[];
  projects: readonly Project[];
  exchanges: readonly RegionalExchange[];
  jointPlans: readonly JointPlan[];
  groups: readonly WideAreaGroupRecord[];
  registeredMembers: readonly RegisteredMember[];
}): RegistryIndexes {
  // Lists keep the order of the records they index (the list order of agreements and projects).
  const agreementsByWard = new Map<string, Agreement[]>();
  const agreementsByParty = new Map<string, Agreement[]>();
  for (const a of m.agreements) {
    for (const w of a.wards) pushTo(agreementsByWard, w.code, a);
    for (const p of new Set(a.partners.map((p) => p.key))) pushTo(agreementsByParty, p, a);
  }
  const projectsByWard = new Map<string, Project[]>();
  const projectsByPartner = new Map<string, Project[]>();
  const projectsByPrefecture = new Map<string, Project[]>();
  const projectsByFiscalYear = new Map<number, Project[]>();
  const projectsByField = new Map<number, Project[]>();
  const projectsByStatus = new Map<string, Project[]>();
  for (const p of m.projects) {
    pushTo(projectsByField, p.field, p);
    pushTo(projectsByStatus, p.status, p);
    for (const w of p.wards) pushTo(projectsByWard, w.code, p);
    for (const key of new Set(p.partners.map((x) => x.key))) pushTo(projectsByPartner, key, p);
    for (const pref of new Set(p.partners.map((x) => x.prefectureCode))) pushTo(projectsByPrefecture, pref, p);
    pushTo(projectsByFiscalYear, p.fiscalYear, p);
  }
  const exchangesByWard = new Map<string, RegionalExchange[]>();
  const exchangesByMember = new Map<string, RegionalExchange[]>();
  for (const e of m.exchanges) {
    pushTo(exchangesByWard, e.ward.code, e);
    for (const g of e.members) pushTo(exchangesByMember, g.code, e);
  }
  const jointPlansByWard = new Map<string, JointPlan[]>();
  const jointPlansByPartner = new Map<string, JointPlan[]>();
  for (const j of m.jointPlans) {
    for (const w of j.wards) pushTo(jointPlansByWard, w.code, j);
    for (const p of j.partners) pushTo(jointPlansByPartner, p.key, j);
  }
  const groupsByMember = new Map<string, WideAreaGroupRecord[]>();
  for (const g of m.groups) for (const code of g.memberCodes) pushTo(groupsByMember, code, g);
  return {
    agreementsByWard,
    agreementsByParty,
    projectsByWard,
    projectsByPartner,
    projectsByPrefecture,
    projectsByFiscalYear,
    projectsByField,
    projectsByStatus,
    exchangesByWard,
    exchangesByMember,
    jointPlansByWard,
    jointPlansByPartner,
    groupsByMember,
    agreementsById: new Map(m.agreements.map((a) => [a.id, a])),
    projectsById: new Map(m.projects.map((p) => [p.id, p])),
    registeredMembers: new Map(m.registeredMembers.map((r) => [r.code, r])),
  };
}
