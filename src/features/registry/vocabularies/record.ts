// The agreement types (協定の種別): a vocabulary the secretariat maintains, each in one of three
// categories that the figures and filters group by.
import type { Kysely } from 'kysely';
import type { AgreementCategory, Database } from '../../../db/schema.ts';

export interface AgreementType {
  id: string;
  name: string;
  nameEn: string;
  category: AgreementCategory;
  sortOrder: number;
  /** A deleted type is no longer offered, but the agreements that use it still show its name. */
  deleted: boolean;
}

/** Every type, deleted ones included, in the vocabulary's order. */
export async function loadAgreementTypes(db: Kysely<Database>): Promise<AgreementType[]> {
  const rows = await db.selectFrom('agreement_types').selectAll().orderBy('sort_order').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, nameEn: r.name_en, category: r.category, sortOrder: Number(r.sort_order), deleted: r.deleted_at !== null }));
}
