// Reads of agreements for the public pages, the exports and the API, from the registry model.
import type { RegistryModel } from '../model/index.ts';
import { matchesKeywords, searchTermsOf } from '../shared/list-query.ts';
import type { AgreementFilter } from './filter.ts';
import { isEndedOn, type Agreement } from './record.ts';
import type { AgreementType } from '../vocabularies/record.ts';

export const agreementPageSize = 50;

/** Every agreement matching the filter on `today` (which decides 継続中 / 終了), in list order. */
export function findAgreements(model: RegistryModel, filter: AgreementFilter, today: string): readonly Agreement[] {
  const from = filter.ward ? (model.index.agreementsByWard.get(filter.ward) ?? []) : model.agreements;
  const { pref, type, category, state } = filter;
  const terms = searchTermsOf(filter.q);
  if (!pref && !type && !category && !state && terms.length === 0) return from;
  const matching: Agreement[] = [];
  for (const a of from) {
    if (type && a.type.id !== type) continue;
    if (category && a.type.category !== category) continue;
    if (state && isEndedOn(a, today) !== (state === 'ended')) continue;
    // A partner in the prefecture: a municipality there, the prefecture itself, or a group of it.
    if (pref && !a.partners.some((p) => p.prefectureCode === pref)) continue;
    if (terms.length > 0 && !matchesKeywords(a.searchText, terms)) continue;
    matching.push(a);
  }
  return matching;
}

export function agreementById(model: RegistryModel, id: string): Agreement | undefined {
  return model.index.agreementsById.get(id);
}

/** The types a form or filter offers: the vocabulary without deleted types. */
export function offeredTypes(model: RegistryModel): AgreementType[] {
  return model.agreementTypes.filter((t) => !t.deleted);
}
