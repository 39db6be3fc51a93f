// Reads for /wards and /wards/:code from the registry model: the 23 wards with their counts, and
// one ward's profile (its partners with the agreements that tie them, ended agreements, regional
// exchanges, joint plans and latest projects).
import { isEndedOn, type Agreement } from '../agreements/record.ts';
import type { RegionalExchange } from '../exchanges/record.ts';
import type { RegistryModel } from '../model/index.ts';
import { partyOrder, type Party } from '../model/shapes.ts';
import type { JointPlan } from '../plans/record.ts';
import type { Project } from '../projects/record.ts';
import { agreementOrderOn, exchangeOrderOn } from '../ties/queries.ts';
import type { Ward } from './record.ts';

export interface WardListItem extends Ward {
  /** Distinct municipalities tied to the ward by an agreement in force or a live regional exchange. */
  livePartners: number;
  /** Agreements in force. */
  agreements: number;
  endedAgreements: number;
  /** Projects of every 年度, whatever their status. */
  projects: number;
}

export interface WardPartner {
  party: Party;
  agreements: Agreement[];
}

export interface WardProfile extends Ward {
  asOf: string;
  /** Partners with at least one agreement in force, each with its agreements in force. */
  partners: WardPartner[];
  /** Agreements that have ended, newest end first. */
  endedAgreements: Agreement[];
  exchanges: RegionalExchange[];
  jointPlans: readonly JointPlan[];
  projects: readonly Project[];
  projectTotal: number;
}

/** The municipalities tied to a ward on asOf: by an agreement in force or a live regional exchange. */
function livePartnersOf(model: RegistryModel, wardCode: string, asOf: string): Set<string> {
  const codes = new Set<string>();
  for (const a of model.index.agreementsByWard.get(wardCode) ?? []) {
    if (isEndedOn(a, asOf)) continue;
    for (const p of a.partners) if (p.kind === 'municipality' && model.governments.get(p.key)?.level === 'municipality') codes.add(p.key);
  }
  for (const e of model.index.exchangesByWard.get(wardCode) ?? []) {
    if (e.endedOn !== null && e.endedOn <= asOf) continue;
    for (const m of e.members) if (m.level === 'municipality') codes.add(m.code);
  }
  return codes;
}

/** The wards in block order (1–5), by code within a block, with their counts on asOf. */
export function listWards(model: RegistryModel, asOf: string): WardListItem[] {
  return [...model.wards]
    .sort((a, b) => a.block - b.block || (a.code < b.code ? -1 : 1))
    .map((w) => {
      const agreements = model.index.agreementsByWard.get(w.code) ?? [];
      const ended = agreements.filter((a) => isEndedOn(a, asOf)).length;
      return {
        ...w,
        livePartners: livePartnersOf(model, w.code, asOf).size,
        agreements: agreements.length - ended,
        endedAgreements: ended,
        projects: model.index.projectsByWard.get(w.code)?.length ?? 0,
      };
    });
}

/** One ward's profile on asOf, or undefined when the code is not a (non-deleted) ward. */
export function wardProfile(model: RegistryModel, wardCode: string, asOf: string, projectLimit = 20): WardProfile | undefined {
  const ward = model.wards.find((w) => w.code === wardCode);
  if (!ward) return undefined;
  const agreements = model.index.agreementsByWard.get(wardCode) ?? [];
  const live = agreements.filter((a) => !isEndedOn(a, asOf)).sort(agreementOrderOn(asOf));
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
    .filter((a) => isEndedOn(a, asOf))
    .sort((a, b) => ((a.endedOn ?? '') < (b.endedOn ?? '') ? 1 : (a.endedOn ?? '') > (b.endedOn ?? '') ? -1 : a.title.localeCompare(b.title, 'ja')));
  const projects = model.index.projectsByWard.get(wardCode) ?? [];
  return {
    ...ward,
    asOf,
    partners: [...partners.values()].sort((a, b) => partyOrder(a.party, b.party)),
    endedAgreements,
    exchanges: [...(model.index.exchangesByWard.get(wardCode) ?? [])].sort(exchangeOrderOn(asOf)),
    jointPlans: [...(model.index.jointPlansByWard.get(wardCode) ?? [])],
    projects: projects.slice(0, projectLimit),
    projectTotal: projects.length,
  };
}
