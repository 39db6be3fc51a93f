// The filter of the public agreements list (協定一覧 /agreements) and of GET /api/v1/agreements.
import { z } from 'zod';
import { errorsOf, asQuery, filterMessages, msg, oneOf, pageParam, param, prefParam, qParam, wardParam, type ParsedFilter } from '../shared/list-query.ts';
import type { AgreementCategory } from '../../../db/schema.ts';
import type { AgreementState } from '../shared/labels.tsx';

export const agreementCategories: readonly AgreementCategory[] = ['friendship', 'disaster', 'other'];
export const agreementStates: readonly AgreementState[] = ['live', 'ended'];

export interface AgreementFilter {
  ward: string;
  pref: string;
  /** agreement_types.id, or ''. Whether the id exists is checked against the vocabulary by the caller. */
  type: string;
  category: AgreementCategory | '';
  /** live: not ended (or ending in the future); ended: ended on or before today. */
  state: AgreementState | '';
  q: string;
}

export const emptyAgreementFilter: AgreementFilter = Object.freeze({ ward: '', pref: '', type: '', category: '', state: '', q: '' });
export const agreementFilterKeys = ['ward', 'pref', 'type', 'category', 'state', 'q', 'page'] as const;
export type AgreementFilterKey = (typeof agreementFilterKeys)[number];

export const agreementFilterSchema = z.object({
  ward: wardParam,
  pref: prefParam,
  type: param('type').refine((s) => s === '' || /^[a-z0-9][a-z0-9-]{0,39}$/.test(s), msg('type')),
  category: oneOf('category', agreementCategories),
  state: oneOf('state', agreementStates),
  q: qParam,
  page: pageParam,
});

export function parseAgreementFilter(query: unknown): ParsedFilter<AgreementFilter> {
  const result = agreementFilterSchema.safeParse(asQuery(query));
  if (!result.success) return { ok: false, errors: errorsOf(result.error.issues, agreementFilterKeys) };
  const { page, ...filter } = result.data;
  return { ok: true, filter, page };
}

export function agreementFilterQuery(filter: AgreementFilter, page = 1): string {
  const params = new URLSearchParams();
  if (filter.ward) params.set('ward', filter.ward);
  if (filter.pref) params.set('pref', filter.pref);
  if (filter.type) params.set('type', filter.type);
  if (filter.category) params.set('category', filter.category);
  if (filter.state) params.set('state', filter.state);
  if (filter.q) params.set('q', filter.q);
  if (page > 1) params.set('page', String(page));
  return params.toString();
}


/** As parseAgreementFilter; a type must also be one of the vocabulary's (not deleted) types. */
export function parseAgreementFilterWith(query: unknown, types: ReadonlyArray<{ id: string }>): ParsedFilter<AgreementFilter> {
  const parsed = parseAgreementFilter(query);
  if (parsed.ok && parsed.filter.type && !types.some((t) => t.id === parsed.filter.type)) {
    return { ok: false, errors: [{ param: 'type', ...filterMessages.type }] };
  }
  return parsed;
}
