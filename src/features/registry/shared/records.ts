// The shapes in which agreements and projects are written, whoever writes them (the edit forms,
// the CSV/XLSX import, the seed). Validated before they get here; src/db/registry-writes.ts stores
// them with their change history.

export type DatePrecision = 'day' | 'month' | 'year';
export type ProjectStatus = '実施' | '予定' | '中止' | '延期';
export const projectStatuses: readonly ProjectStatus[] = ['実施', '予定', '中止', '延期'];
export type ProjectFormat = 'offline' | 'online' | 'hybrid';
export type OrganiserKind = 'wards' | 'joint';

export interface AgreementInput {
  /** Absent = a new record. */
  id?: string;
  typeId: string;
  title: string;
  wardCodes: string[];
  /** Municipalities and prefectures, 6-digit codes. */
  partnerCodes: string[];
  /** Wide-area groups (wide_area_groups.id). */
  partnerGroupIds: string[];
  /** The partner's name when signed, by partner code, for partners that have since merged. */
  formerNames: Record<string, string>;
  signedOn: string | null;
  signedOnPrecision: DatePrecision;
  resignedDates: string[];
  endedOn: string | null;
  background: string;
  sourceUrl: string | null;
  notes: string;
}

export interface ProjectInput {
  id?: string;
  fiscalYear: number;
  title: string;
  summary: string;
  /** 1–6, src/domain/project-fields.ts */
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
