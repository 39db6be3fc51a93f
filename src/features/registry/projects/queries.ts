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
  // Start from the smallest list an index gives for the filter, then test the rest of it.
  let from: readonly Project[] = model.projects;
  const narrower = (list: readonly Project[] | undefined) => {
    if ((list?.length ?? 0) < from.length) from = list ?? [];
  };
  if (filter.ward) narrower(index.projectsByWard.get(filter.ward));
  if (filter.pref) narrower(index.projectsByPrefecture.get(filter.pref));
  if (filter.fy !== null) narrower(index.projectsByFiscalYear.get(filter.fy));
  if (filter.field !== null) narrower(index.projectsByField.get(filter.field));
  if (filter.status) narrower(index.projectsByStatus.get(filter.status));
  const { ward, pref, fy, field, status, organiser } = filter;
  const terms = searchTermsOf(filter.q);
  if (!ward && !pref && fy === null && field === null && !status && !organiser && terms.length === 0) return from;
  const matching: Project[] = [];
  for (const p of from) {
    if (fy !== null && p.fiscalYear !== fy) continue;
    if (field !== null && p.field !== field) continue;
    if (status && p.status !== status) continue;
    if (organiser && p.organiserKind !== organiser) continue;
    if (ward && !p.wards.some((w) => w.code === ward)) continue;
    if (pref && !p.partners.some((x) => x.prefectureCode === pref)) continue;
    if (terms.length > 0 && !matchesKeywords(p.searchText, terms)) continue;
    matching.push(p);
  }
  return matching;
}

export function projectById(model: RegistryModel, id: string): Project | undefined {
  return model.index.projectsById.get(id);
}

/** The 年度 that have at least one project, newest first. */
export function projectFiscalYears(model: RegistryModel): number[] {
  return [...model.index.projectsByFiscalYear.keys()].sort((a, b) => b - a);
}
