// Writing an agreement with its wards and partners, and its snapshot: the record as its change
// history stores it (a plain JSON object keyed like AgreementInput, with party lists sorted so that
// an unchanged set never shows as a change, and without timestamps, which change on every write).
// Used by the edit form's commands and the CSV/XLSX import; each call runs inside the caller's
// transaction so that an import is all-or-nothing.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DatePrecision, Provenance } from '../../../db/schema.ts';
import { recordChange, sortedUnique, unique, type RegistryDb, type WriteContext, type WriteResult } from '../shared/history.ts';
import type { AgreementInput } from './record.ts';
import type { Database } from '../../../db/schema.ts';

/** An agreement as its history stores it: AgreementInput's fields plus id and provenance. */
export interface AgreementSnapshot {
  id: string;
  typeId: string;
  title: string;
  wardCodes: string[];
  partnerCodes: string[];
  partnerGroupIds: string[];
  formerNames: Record<string, string>;
  signedOn: string | null;
  signedOnPrecision: DatePrecision;
  resignedDates: string[];
  endedOn: string | null;
  background: string;
  sourceUrl: string | null;
  notes: string;
  reviewNote: string;
  provenance: Provenance;
}

/** The agreement with its parties, deleted or not; undefined when there is no such id. */
export async function agreementSnapshot(db: RegistryDb, id: string): Promise<AgreementSnapshot | undefined> {
  const row = await db.selectFrom('agreements').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [wards, partners] = await Promise.all([
    db.selectFrom('agreement_wards').select('ward_code').where('agreement_id', '=', id).execute(),
    db.selectFrom('agreement_partners').select(['local_government_code', 'group_id', 'former_name']).where('agreement_id', '=', id).execute(),
  ]);
  const formerNames: Record<string, string> = {};
  for (const p of [...partners].sort((a, b) => (a.local_government_code ?? '').localeCompare(b.local_government_code ?? ''))) {
    if (p.local_government_code && p.former_name) formerNames[p.local_government_code] = p.former_name;
  }
  return {
    id: row.id,
    typeId: row.type_id,
    title: row.title,
    wardCodes: sortedUnique(wards.map((w) => w.ward_code)),
    partnerCodes: sortedUnique(partners.flatMap((p) => (p.local_government_code ? [p.local_government_code] : []))),
    partnerGroupIds: sortedUnique(partners.flatMap((p) => (p.group_id ? [p.group_id] : []))),
    formerNames,
    signedOn: row.signed_on,
    signedOnPrecision: row.signed_on_precision,
    resignedDates: row.resigned_dates ? row.resigned_dates.split(';').filter(Boolean) : [],
    endedOn: row.ended_on,
    background: row.background,
    sourceUrl: row.source_url,
    notes: row.notes,
    reviewNote: row.review_note,
    provenance: row.provenance,
  };
}

/**
 * Creates (input.id absent, or an id that does not exist yet) or replaces (existing id) an
 * agreement with its wards and partners; records the change. Inputs are already validated.
 * A replaced record keeps its provenance and its deleted_at (a deleted record stays deleted
 * until restored); a new one takes ctx.provenance.
 */
export async function saveAgreement(trx: Transaction<Database>, input: AgreementInput, ctx: WriteContext): Promise<WriteResult> {
  const now = new Date().toISOString();
  const id = input.id ?? randomUUID();
  const before = input.id ? await agreementSnapshot(trx, id) : undefined;
  const values = {
    type_id: input.typeId,
    title: input.title,
    signed_on: input.signedOn,
    signed_on_precision: input.signedOnPrecision,
    resigned_dates: unique(input.resignedDates).join(';'),
    ended_on: input.endedOn,
    background: input.background,
    source_url: input.sourceUrl,
    notes: input.notes,
    ...(input.reviewNote === undefined ? {} : { review_note: input.reviewNote }),
    updated_at: now,
  };
  if (before) {
    await trx.updateTable('agreements').set(values).where('id', '=', id).execute();
    await trx.deleteFrom('agreement_wards').where('agreement_id', '=', id).execute();
    await trx.deleteFrom('agreement_partners').where('agreement_id', '=', id).execute();
  } else {
    await trx
      .insertInto('agreements')
      .values({ id, ...values, provenance: ctx.provenance, created_at: now, deleted_at: null })
      .execute();
  }
  const wardCodes = unique(input.wardCodes);
  if (wardCodes.length > 0) {
    await trx
      .insertInto('agreement_wards')
      .values(wardCodes.map((ward_code) => ({ agreement_id: id, ward_code })))
      .execute();
  }
  const partners = [
    ...unique(input.partnerCodes).map((code) => ({
      id: randomUUID(),
      agreement_id: id,
      local_government_code: code,
      group_id: null,
      former_name: input.formerNames[code] ?? '',
    })),
    ...unique(input.partnerGroupIds).map((groupId) => ({
      id: randomUUID(),
      agreement_id: id,
      local_government_code: null,
      group_id: groupId,
      former_name: '',
    })),
  ];
  if (partners.length > 0) await trx.insertInto('agreement_partners').values(partners).execute();
  const after = await agreementSnapshot(trx, id);
  await recordChange(trx, {
    entityType: 'agreement',
    entityId: id,
    action: ctx.batchId ? 'import' : before ? 'update' : 'create',
    before: before ?? null,
    after,
    actorAccountId: ctx.actorAccountId,
    batchId: ctx.batchId ?? null,
  });
  return { id, action: before ? 'update' : 'create' };
}

