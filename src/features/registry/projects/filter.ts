// The filter of the public projects list (連携事業一覧 /projects) and of GET /api/v1/projects: one
// zod schema, and the canonical query string of a filter (pagination and export links).
import { z } from 'zod';
import type { OrganiserKind, ProjectStatus } from '../../../db/schema.ts';
import { errorsOf, asQuery, fieldParam, fyParam, oneOf, pageParam, prefParam, qParam, wardParam, type ParsedFilter } from '../shared/list-query.ts';
import { organiserKinds, projectStatuses } from './record.ts';

export interface ProjectFilter {
  /** 年度, e.g. 2024; null = every 年度. */
  fy: number | null;
  /** A ward organising the project (6-digit code), or ''. */
  ward: string;
  /** A partner's prefecture (2 digits), or ''. */
  pref: string;
  /** 1–6 (fields.ts), or null. */
  field: number | null;
  status: ProjectStatus | '';
  organiser: OrganiserKind | '';
  /** Words to find in the title or summary (all of them, in either), already NFKC-normalised. */
  q: string;
}

export const emptyProjectFilter: ProjectFilter = Object.freeze({ fy: null, ward: '', pref: '', field: null, status: '', organiser: '', q: '' });
export const projectFilterKeys = ['fy', 'ward', 'pref', 'field', 'status', 'organiser', 'q', 'page'] as const;
export type ProjectFilterKey = (typeof projectFilterKeys)[number];

export const projectFilterSchema = z.object({
  fy: fyParam,
  ward: wardParam,
  pref: prefParam,
  field: fieldParam,
  status: oneOf('status', projectStatuses),
  organiser: oneOf('organiser', organiserKinds),
  q: qParam,
  page: pageParam,
});

export function parseProjectFilter(query: unknown): ParsedFilter<ProjectFilter> {
  const result = projectFilterSchema.safeParse(asQuery(query));
  if (!result.success) return { ok: false, errors: errorsOf(result.error.issues, projectFilterKeys) };
  const { page, ...filter } = result.data;
  return { ok: true, filter, page };
}

/** The query string of a project filter without empty values ('' when nothing is set), no leading '?'. */
export function projectFilterQuery(filter: ProjectFilter, page = 1): string {
  const params = new URLSearchParams();
  if (filter.fy !== null) params.set('fy', String(filter.fy));
  if (filter.ward) params.set('ward', filter.ward);
  if (filter.pref) params.set('pref', filter.pref);
  if (filter.field !== null) params.set('field', String(filter.field));
  if (filter.status) params.set('status', filter.status);
  if (filter.organiser) params.set('organiser', filter.organiser);
  if (filter.q) params.set('q', filter.q);
  if (page > 1) params.set('page', String(page));
  return params.toString();
}

