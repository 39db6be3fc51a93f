// For partner matching: the ties in force between one local government and the others, each as the
// matching domain reads it (what it is, the year it began). A ward is tied to the municipalities of
// its agreements (directly, or as members of a wide-area group named as partner) and of its regional
// exchanges; a municipality to the wards of the same records. Read from the registry model in memory.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { formatIsoDate } from '../../../domain/japanese-date.ts';
import type { PartnerTie } from '../../../domain/matching.ts';
import { isEndedOn, type Agreement } from '../agreements/record.ts';
import type { RegionalExchange } from '../exchanges/record.ts';
import { memoizedForDay, registryModel, type RegistryModel } from '../model/index.ts';

/** The ties in force of `code`, by the other side's code. */
export async function loadPartnerTies(db: Kysely<Database>, code: string, asOf = formatIsoDate(new Date())): Promise<ReadonlyMap<string, readonly PartnerTie[]>> {
  const model = await registryModel(db);
  return memoizedForDay(model, `partner-ties:${code}`, asOf, () => partnerTiesOf(model, code, asOf));
}

export function partnerTiesOf(model: RegistryModel, code: string, asOf: string): Map<string, PartnerTie[]> {
  const ties = new Map<string, PartnerTie[]>();
  const add = (other: string, tie: PartnerTie) => {
    if (other === code) return;
    const list = ties.get(other) ?? [];
    list.push(tie);
    ties.set(other, list);
  };
  const groupMembers = new Map(model.groups.map((g) => [g.id, g.memberCodes]));
  const agreementTie = (a: Agreement): PartnerTie => ({ kind: 'agreement', titleJa: a.title || a.type.name, titleEn: a.type.nameEn || a.type.name, since: a.signed.date ? Number(a.signed.date.slice(0, 4)) : null });
  const exchangeTie = (e: RegionalExchange): PartnerTie => ({ kind: 'exchange', titleJa: `地域間交流（${e.regionName}）`, titleEn: `Regional exchange (${e.regionName})`, since: e.startedFiscalYear });
  const exchangeInForce = (e: RegionalExchange) => e.endedOn === null || e.endedOn > asOf;
  const { index } = model;
  if (model.wards.some((w) => w.code === code)) {
    for (const a of index.agreementsByWard.get(code) ?? []) {
      if (isEndedOn(a, asOf)) continue;
      for (const p of a.partners) for (const other of p.kind === 'group' ? (groupMembers.get(p.key) ?? []) : [p.key]) add(other, agreementTie(a));
    }
    for (const e of index.exchangesByWard.get(code) ?? []) if (exchangeInForce(e)) for (const m of e.members) add(m.code, exchangeTie(e));
  } else {
    const viaGroups = (index.groupsByMember.get(code) ?? []).flatMap((g) => index.agreementsByParty.get(g.id) ?? []);
    for (const a of [...(index.agreementsByParty.get(code) ?? []), ...viaGroups]) {
      if (isEndedOn(a, asOf)) continue;
      for (const w of a.wards) add(w.code, agreementTie(a));
    }
    for (const e of index.exchangesByMember.get(code) ?? []) if (exchangeInForce(e)) add(e.ward.code, exchangeTie(e));
  }
  return ties;
}
