// The two lists' GET filter forms: query string in, typed filter or field errors out (the schemas
// live in src/domain/registry-filters.ts, shared with the JSON API), plus the choices of the selects.
import type { Kysely } from 'kysely';
import {
  projectFiscalYears,
  registryAgreementTypes,
  registryPrefectures,
  registryWards,
  type AgreementTypeChoice,
} from './listing.ts';
import type { Database } from '../../../db/schema.ts';
import {
  agreementFilterKeys,
  filterMessages,
  parseAgreementFilter,
  parseProjectFilter,
  projectFilterKeys,
  rawFilterInput,
  type AgreementFilter,
  type AgreementFilterKey,
  type FilterError,
  type ProjectFilter,
  type ProjectFilterKey,
} from './filters.ts';
import type { PageContext } from '../../../views/context.ts';
import type { FieldError } from '../../../views/components/error-summary.tsx';

export type ReadFilter<F, K extends string> =
  | { ok: true; filter: F; page: number; input: Record<K, string> }
  | { ok: false; errors: FieldError[]; input: Record<K, string> };

function fieldErrors(ctx: PageContext, errors: FilterError[]): FieldError[] {
  return errors.map((e) => ({ field: `filter-${e.param}`, message: ctx.tFormat(e.ja, e.en) }));
}

/** The filter's canonical values for the form (e.g. 「令和6年度」 typed in the URL shows as 2024). */
function projectInput(filter: ProjectFilter, page: number): Record<ProjectFilterKey, string> {
  return {
    fy: filter.fy === null ? '' : String(filter.fy),
    ward: filter.ward,
    pref: filter.pref,
    field: filter.field === null ? '' : String(filter.field),
    status: filter.status,
    organiser: filter.organiser,
    q: filter.q,
    page: String(page),
  };
}

export function readProjectFilter(ctx: PageContext, query: unknown): ReadFilter<ProjectFilter, ProjectFilterKey> {
  const parsed = parseProjectFilter(query);
  if (!parsed.ok) return { ok: false, errors: fieldErrors(ctx, parsed.errors), input: rawFilterInput(query, projectFilterKeys) };
  return { ok: true, filter: parsed.filter, page: parsed.page, input: projectInput(parsed.filter, parsed.page) };
}

/** As readProjectFilter; an agreement type must also be one of the recorded types. */
export function readAgreementFilter(ctx: PageContext, query: unknown, types: AgreementTypeChoice[]): ReadFilter<AgreementFilter, AgreementFilterKey> {
  const parsed = parseAgreementFilter(query);
  const errors = parsed.ok ? [] : [...parsed.errors];
  if (parsed.ok && parsed.filter.type && !types.some((t) => t.id === parsed.filter.type)) {
    errors.push({ param: 'type', ...filterMessages.type });
  }
  if (!parsed.ok || errors.length > 0) return { ok: false, errors: fieldErrors(ctx, errors), input: rawFilterInput(query, agreementFilterKeys) };
  const { filter, page } = parsed;
  return { ok: true, filter, page, input: { ...filter, page: String(page) } };
}

export async function loadProjectChoices(db: Kysely<Database>, { withYears = true } = {}) {
  const [wards, prefectures, fiscalYears] = await Promise.all([registryWards(db), registryPrefectures(db), withYears ? projectFiscalYears(db) : []]);
  return { wards, prefectures, fiscalYears };
}

export async function loadAgreementChoices(db: Kysely<Database>) {
  const [wards, prefectures, types] = await Promise.all([registryWards(db), registryPrefectures(db), registryAgreementTypes(db)]);
  return { wards, prefectures, types };
}
