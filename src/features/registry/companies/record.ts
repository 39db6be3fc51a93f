// Agreements of 特別区長会 with companies (企業との包括連携協定).
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { compareDates, compareText, type PartialDate, type RecordOrigin } from '../model/shapes.ts';

export interface CompanyAgreement extends RecordOrigin {
  id: string;
  companyName: string;
  formerName: string;
  signed: PartialDate;
  activities: string;
}

/** Not deleted, in the order they were signed (unknown last). */
export async function loadCompanyAgreements(db: Kysely<Database>): Promise<CompanyAgreement[]> {
  const rows = await db.selectFrom('company_agreements').selectAll().where('deleted_at', 'is', null).execute();
  return rows
    .map(
      (r): CompanyAgreement => ({
        id: r.id,
        companyName: r.company_name,
        formerName: r.former_name,
        signed: { date: r.signed_on, precision: r.signed_on_precision },
        activities: r.activities,
        sourceUrl: r.source_url,
        notes: r.notes,
        provenance: r.provenance,
      }),
    )
    .sort((a, b) => compareDates(a.signed.date, b.signed.date) || compareText(a.companyName, b.companyName) || compareText(a.id, b.id));
}
