// An agreement (協定) between one or more wards and one or more partners (municipalities,
// prefectures, wide-area groups), as every page, export and API answer reads it.
import type { Kysely } from 'kysely';
import type { Database, DatePrecision } from '../../../db/schema.ts';
import type { Names } from '../model/names.ts';
import { compareText, partyOrder, pushTo, searchTextOf, splitDates, type PartialDate, type Party, type RecordOrigin, type WardRef } from '../model/shapes.ts';
import type { Source } from '../sources/record.ts';
import type { AgreementType } from '../vocabularies/record.ts';

/**
 * An agreement as it is written, whoever writes it (the edit form, the CSV/XLSX import): validated
 * before it gets here; store.ts saves it with its change history.
 */
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
  /**
   * 要確認: why the secretariat should check the record ('' = nothing open). Absent = keep what is
   * stored: the CSV/XLSX import, which does not carry it, never clears a question.
   */
  reviewNote?: string;
}

/** An agreement as it is read by every page, export and API answer. */
export interface Agreement extends RecordOrigin {
  id: string;
  type: AgreementType;
  title: string;
  /** In code order. */
  wards: WardRef[];
  /** Municipalities and prefectures north to south, each group after its prefecture (partyOrder). */
  partners: Party[];
  signed: PartialDate;
  /** Re-signed or revised dates (ISO), in stored order. */
  resignedDates: string[];
  endedOn: string | null;
  background: string;
  /** The sources it cites, in order (the first is the main source). */
  sources: readonly Source[];
  /** 要確認: why the secretariat should check it; '' when nothing is open. */
  reviewNote: string;
  updatedAt: string;
  /** Title, background and partner names (now and at signing), NFKC and lower case, for keyword search. */
  searchText: string;
}

/** Ended on or before the date (an end date is the first day it no longer holds). */
export function isEndedOn(agreement: Pick<Agreement, 'endedOn'>, asOf: string): boolean {
  return agreement.endedOn !== null && agreement.endedOn <= asOf;
}

/** The public list's order: latest signed first (unknown last), then title, then id. */
export function agreementListOrder(a: Agreement, b: Agreement): number {
  const da = a.signed.date;
  const db = b.signed.date;
  if (da !== db) {
    if (da === null) return 1;
    if (db === null) return -1;
    return da < db ? 1 : -1;
  }
  return compareText(a.title, b.title) || compareText(a.id, b.id);
}

/** Every agreement that is not deleted, in the list's order. */
export async function loadAgreements(
  db: Kysely<Database>,
  names: Names,
  types: ReadonlyMap<string, AgreementType>,
  sourcesOf: ReadonlyMap<string, readonly Source[]>,
): Promise<Agreement[]> {
  const [rows, wardRows, partnerRows] = await Promise.all([
    db.selectFrom('agreements').selectAll().where('deleted_at', 'is', null).execute(),
    db.selectFrom('agreement_wards').select(['agreement_id', 'ward_code']).execute(),
    db.selectFrom('agreement_partners').select(['agreement_id', 'local_government_code', 'group_id', 'former_name']).execute(),
  ]);
  const wardsOf = new Map<string, WardRef[]>();
  for (const w of wardRows) pushTo(wardsOf, w.agreement_id, names.ward(w.ward_code));
  const partnersOf = new Map<string, Party[]>();
  for (const p of partnerRows) {
    if (p.local_government_code !== null) pushTo(partnersOf, p.agreement_id, names.government(p.local_government_code, p.former_name));
    else if (p.group_id !== null) pushTo(partnersOf, p.agreement_id, names.group(p.group_id, p.former_name));
  }
  return rows
    .map((r): Agreement => {
      const partners = (partnersOf.get(r.id) ?? []).sort(partyOrder);
      return {
        id: r.id,
        type: types.get(r.type_id) ?? { id: r.type_id, name: r.type_id, nameEn: r.type_id, category: 'other', sortOrder: 0, deleted: true },
        title: r.title,
        wards: (wardsOf.get(r.id) ?? []).sort((a, b) => compareText(a.code, b.code)),
        partners,
        signed: { date: r.signed_on, precision: r.signed_on_precision },
        resignedDates: splitDates(r.resigned_dates),
        endedOn: r.ended_on,
        background: r.background,
        sources: sourcesOf.get(r.id) ?? [],
        reviewNote: r.review_note,
        sourceUrl: r.source_url,
        notes: r.notes,
        provenance: r.provenance,
        updatedAt: r.updated_at,
        searchText: searchTextOf([r.title, r.background, ...partners.flatMap((p) => [p.name, p.formerName])]),
      };
    })
    .sort(agreementListOrder);
}
