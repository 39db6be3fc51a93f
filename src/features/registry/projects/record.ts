// A collaboration project (連携事業) of one 年度: organised by some wards or by all 23 jointly, with
// partner municipalities (or prefectures), one of the pamphlet's six fields and a status.
import type { Kysely } from 'kysely';
import type { Database, OrganiserKind, ProjectFormat, ProjectStatus } from '../../../db/schema.ts';
import type { Names } from '../model/names.ts';
import { compareText, partyOrder, pushTo, searchTextOf, type Party, type RecordOrigin, type WardRef } from '../model/shapes.ts';

export const projectStatuses: readonly ProjectStatus[] = ['実施', '予定', '中止', '延期'];
export const organiserKinds: readonly OrganiserKind[] = ['wards', 'joint'];
export const projectFormats: readonly ProjectFormat[] = ['offline', 'online', 'hybrid'];

/**
 * A project as it is written, whoever writes it (the edit form, the CSV/XLSX import): validated
 * before it gets here; store.ts saves it with its change history.
 */
export interface ProjectInput {
  id?: string;
  fiscalYear: number;
  title: string;
  summary: string;
  /** 1–6 (fields.ts). */
  field: number;
  organiserKind: OrganiserKind;
  /** Empty when organiserKind is joint. */
  wardCodes: string[];
  partnerCodes: string[];
  startsOn: string | null;
  endsOn: string | null;
  format: ProjectFormat;
  status: ProjectStatus;
  newsUrl: string | null;
  sourceUrl: string | null;
  notes: string;
}

/** A project as it is read by every page, export and API answer. */
export interface Project extends RecordOrigin {
  id: string;
  fiscalYear: number;
  title: string;
  summary: string;
  /** 1–6 (projects/fields.ts). */
  field: number;
  organiserKind: OrganiserKind;
  /** Organising wards in code order; empty for a 23区共同 project. */
  wards: WardRef[];
  /** Partner municipalities and prefectures, north to south. */
  partners: Party[];
  startsOn: string | null;
  endsOn: string | null;
  format: ProjectFormat;
  status: ProjectStatus;
  newsUrl: string | null;
  updatedAt: string;
  /** Title and summary, NFKC and lower case, for keyword search. */
  searchText: string;
}

/** Newest 年度 first, then start date (newest first, unknown last), then title, then id. */
export function projectListOrder(a: Project, b: Project): number {
  if (a.fiscalYear !== b.fiscalYear) return b.fiscalYear - a.fiscalYear;
  if (a.startsOn !== b.startsOn) {
    if (a.startsOn === null) return 1;
    if (b.startsOn === null) return -1;
    return a.startsOn < b.startsOn ? 1 : -1;
  }
  return compareText(a.title, b.title) || compareText(a.id, b.id);
}

/** Every project that is not deleted, in the list's order. */
export async function loadProjects(db: Kysely<Database>, names: Names): Promise<Project[]> {
  const [rows, wardRows, partnerRows] = await Promise.all([
    db.selectFrom('projects').selectAll().where('deleted_at', 'is', null).execute(),
    db.selectFrom('project_wards').select(['project_id', 'ward_code']).execute(),
    db.selectFrom('project_partners').select(['project_id', 'local_government_code']).execute(),
  ]);
  const wardsOf = new Map<string, WardRef[]>();
  for (const w of wardRows) pushTo(wardsOf, w.project_id, names.ward(w.ward_code));
  const partnersOf = new Map<string, Party[]>();
  for (const p of partnerRows) pushTo(partnersOf, p.project_id, names.government(p.local_government_code));
  return rows
    .map(
      (r): Project => ({
        id: r.id,
        fiscalYear: Number(r.fiscal_year),
        title: r.title,
        summary: r.summary,
        field: Number(r.field),
        organiserKind: r.organiser_kind,
        wards: (wardsOf.get(r.id) ?? []).sort((a, b) => compareText(a.code, b.code)),
        partners: (partnersOf.get(r.id) ?? []).sort(partyOrder),
        startsOn: r.starts_on,
        endsOn: r.ends_on,
        format: r.format,
        status: r.status,
        newsUrl: r.news_url,
        sourceUrl: r.source_url,
        notes: r.notes,
        provenance: r.provenance,
        updatedAt: r.updated_at,
        searchText: searchTextOf([r.title, r.summary]),
      }),
    )
    .sort(projectListOrder);
}
