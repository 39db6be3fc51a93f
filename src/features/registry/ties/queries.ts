// Every tie of one local government with the wards, read from the registry model: agreements naming
// it (or a group it belongs to), wide-area group membership (by the group's rule or a recorded
// exception), regional exchanges, joint plans, projects naming it, and its registration as a
// member; for a prefecture, also how many of its municipalities have each kind of tie.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { formatIsoDate } from '../../../domain/japanese-date.ts';
import { isEndedOn, type Agreement } from '../agreements/record.ts';
import type { RegionalExchange } from '../exchanges/record.ts';
import type { WideAreaGroupRecord } from '../groups/record.ts';
import type { RegisteredMember } from '../members/record.ts';
import { registryModel, type RegistryModel } from '../model/index.ts';
import type { JointPlan } from '../plans/record.ts';
import type { Project } from '../projects/record.ts';
import { prefectureNames } from '../shared/choices.ts';

export interface GroupMembership {
  group: WideAreaGroupRecord;
  /** How the membership arises: the group's rule, or a recorded exception. */
  via: 'rule' | 'exception';
  exceptionNote: string;
  /** Agreements that name the group itself as partner. */
  agreements: Agreement[];
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
  /** The date agreements and exchanges are judged in force on. */
  asOf: string;
  /** Agreements naming it as partner: in force first, then ended. */
  agreements: Agreement[];
  groups: GroupMembership[];
  exchanges: RegionalExchange[];
  jointPlans: JointPlan[];
  /** The latest projects naming it as partner (at most `projectLimit`), most recent 年度 first. */
  projects: readonly Project[];
  projectTotal: number;
  registeredMember: RegisteredMember | null;
  /** Only for a prefecture. */
  prefectureCounts: PrefectureTieCounts | null;
}

/** In force first, then ended; each by signing date (unknown last), then title. */
export function agreementOrderOn(asOf: string): (a: Agreement, b: Agreement) => number {
  return (a, b) => {
    const endedA = isEndedOn(a, asOf);
    if (endedA !== isEndedOn(b, asOf)) return endedA ? 1 : -1;
    const da = a.signed.date ?? '9999';
    const db = b.signed.date ?? '9999';
    if (da !== db) return da < db ? -1 : 1;
    return a.title.localeCompare(b.title, 'ja');
  };
}

/** Ended exchanges last; then by the 年度 they started (unknown last) and the region's name. */
export function exchangeOrderOn(asOf: string): (a: RegionalExchange, b: RegionalExchange) => number {
  const ended = (e: RegionalExchange) => Number(e.endedOn !== null && e.endedOn <= asOf);
  return (a, b) => ended(a) - ended(b) || (a.startedFiscalYear ?? 9999) - (b.startedFiscalYear ?? 9999) || a.regionName.localeCompare(b.regionName, 'ja');
}

/** The ties of a local government, or undefined when the code is unknown. */
export function tiesOf(model: RegistryModel, code: string, options: { asOf?: string; projectLimit?: number } = {}): MunicipalityTies | undefined {
  const self = model.governments.get(code);
  if (!self) return undefined;
  const asOf = options.asOf ?? formatIsoDate(new Date());
  const projectLimit = options.projectLimit ?? 10;
  const { index } = model;
  const groups: GroupMembership[] =
    self.level === 'prefecture'
      ? []
      : (index.groupsByMember.get(code) ?? []).map((group) => {
          const exception = group.exceptions.find((e) => e.code === code && e.change === 'add');
          return {
            group,
            via: exception ? 'exception' : 'rule',
            exceptionNote: exception?.note ?? '',
            agreements: [...(index.agreementsByParty.get(group.id) ?? [])].sort(agreementOrderOn(asOf)),
          };
        });
  const projects = index.projectsByPartner.get(code) ?? [];
  return {
    code,
    asOf,
    agreements: [...(index.agreementsByParty.get(code) ?? [])].sort(agreementOrderOn(asOf)),
    groups,
    exchanges: [...(index.exchangesByMember.get(code) ?? [])].sort(exchangeOrderOn(asOf)),
    jointPlans: [...(index.jointPlansByPartner.get(code) ?? [])],
    projects: projects.slice(0, projectLimit),
    projectTotal: projects.length,
    registeredMember: index.registeredMembers.get(code) ?? null,
    prefectureCounts: self.level === 'prefecture' ? prefectureTieCounts(model, self.prefectureCode) : null,
  };
}

/** How many of a prefecture's (current, counted) municipalities have a tie of each kind. */
function prefectureTieCounts(model: RegistryModel, prefectureCode: string): PrefectureTieCounts {
  const { index } = model;
  const current = [...model.governments.values()].filter((g) => g.level === 'municipality' && g.prefectureCode === prefectureCode && g.isCounted && g.validTo === null);
  const has = {
    agreements: (code: string) => (index.agreementsByParty.get(code)?.length ?? 0) > 0,
    wideAreaGroups: (code: string) => (index.groupsByMember.get(code)?.length ?? 0) > 0,
    regionalExchanges: (code: string) => (index.exchangesByMember.get(code)?.length ?? 0) > 0,
    jointPlans: (code: string) => (index.jointPlansByPartner.get(code)?.length ?? 0) > 0,
    projects: (code: string) => (index.projectsByPartner.get(code)?.length ?? 0) > 0,
    registeredMembers: (code: string) => index.registeredMembers.has(code),
  };
  const count = (test: (code: string) => boolean) => current.filter((g) => test(g.code)).length;
  const groups = model.groups.filter((g) => g.prefectureCode === prefectureCode);
  return {
    municipalities: current.length,
    agreements: count(has.agreements),
    wideAreaGroups: count(has.wideAreaGroups),
    regionalExchanges: count(has.regionalExchanges),
    jointPlans: count(has.jointPlans),
    projects: count(has.projects),
    registeredMembers: count(has.registeredMembers),
    any: count((code) => Object.values(has).some((test) => test(code))),
    groups: groups.map((g) => ({ id: g.id, name: g.name, memberCount: g.memberCodes.length })),
  };
}

/** For other features (the municipality page): the ties of a code from the current model. */
export async function loadMunicipalityTies(db: Kysely<Database>, code: string): Promise<{ ties: MunicipalityTies; prefectureNames: ReadonlyMap<string, string> } | undefined> {
  const model = await registryModel(db);
  const ties = tiesOf(model, code);
  if (!ties) return undefined;
  return { ties, prefectureNames: prefectureNames(model) };
}
