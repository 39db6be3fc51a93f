// Reads of agreements for the public pages, the exports and the API, from the registry model.
import type { RegistryModel } from '../model/index.ts';
import { matchesKeywords, searchTermsOf } from '../shared/list-query.ts';
import type { AgreementFilter } from './filter.ts';
import { isEndedOn, type Agreement } from './record.ts';
import type { AgreementType } from '../vocabularies/record.ts';

export const agreementPageSize = 50;

/** Every agreement matching the filter on `today` (which decides 継続中 / 終了), in list order. */
export function findAgreements(model: RegistryModel, filter: AgreementFilter, today: string): readonly Agreement[] {
  const { index } = model;
  const from = filter.ward ? (index.agreementsByWard.get(filter.ward) ?? []) : model.agreements;
  const terms = searchTermsOf(filter.q);
  // A partner in the prefecture: a municipality there, the prefecture itself, or a group of it.
  const conditions = [
    filter.pref && ((a: Agreement) => a.partners.some((p) => p.prefectureCode === filter.pref)),
    filter.type && ((a: Agreement) => a.type.id === filter.type),
    filter.category && ((a: Agreement) => a.type.category === filter.category),
    filter.state === 'live' && ((a: Agreement) => !isEndedOn(a, today)),
    filter.state === 'ended' && ((a: Agreement) => isEndedOn(a, today)),
    terms.length > 0 && ((a: Agreement) => matchesKeywords(a.searchText, terms)),
  ].filter((c): c is (a: Agreement) => boolean => typeof c === 'function');
  if (conditions.length === 0) return from;
  return from.filter((a) => conditions.every((c) => c(a)));
}

export function agreementById(model: RegistryModel, id: string): Agreement | undefined {
  return model.index.agreementsById.get(id);
}

/** The types a form or filter offers: the vocabulary without deleted types. */
export function offeredTypes(model: RegistryModel): AgreementType[] {
  return model.agreementTypes.filter((t) => !t.deleted);
}
