// Reads of projects for the public pages, the exports and the API, from the registry model: the
// filtered list in list order (the smallest index that applies is scanned, then the other
// conditions), one page of it, and single projects.
import type { RegistryModel } from '../model/index.ts';
import { matchesKeywords, searchTermsOf } from '../shared/list-query.ts';
import type { ProjectFilter } from './filter.ts';
import type { Project } from './record.ts';

/** Rows per page of the public list. */
export const projectPageSize = 50;

/** Every project matching the filter, in list order. */
export function findProjects(model: RegistryModel, filter: ProjectFilter): readonly Project[] {
  const { index } = model;
  const candidates: Array<readonly Project[]> = [model.projects];
  if (filter.ward) candidates.push(index.projectsByWard.get(filter.ward) ?? []);
  if (filter.pref) candidates.push(index.projectsByPrefecture.get(filter.pref) ?? []);
  if (filter.fy !== null) candidates.push(index.projectsByFiscalYear.get(filter.fy) ?? []);
  const from = candidates.reduce((a, b) => (b.length < a.length ? b : a));
  const terms = searchTermsOf(filter.q);
  const conditions = [
    filter.ward && ((p: Project) => p.wards.some((w) => w.code === filter.ward)),
    filter.pref && ((p: Project) => p.partners.some((x) => x.prefectureCode === filter.pref)),
    filter.fy !== null && ((p: Project) => p.fiscalYear === filter.fy),
    filter.field !== null && ((p: Project) => p.field === filter.field),
    filter.status && ((p: Project) => p.status === filter.status),
    filter.organiser && ((p: Project) => p.organiserKind === filter.organiser),
    terms.length > 0 && ((p: Project) => matchesKeywords(p.searchText, terms)),
  ].filter((c): c is (p: Project) => boolean => typeof c === 'function');
  if (conditions.length === 0) return from;
  return from.filter((p) => conditions.every((c) => c(p)));
}

export function projectById(model: RegistryModel, id: string): Project | undefined {
  return model.index.projectsById.get(id);
}

/** The 年度 that have at least one project, newest first. */
export function projectFiscalYears(model: RegistryModel): number[] {
  return [...model.index.projectsByFiscalYear.keys()].sort((a, b) => b - a);
}
