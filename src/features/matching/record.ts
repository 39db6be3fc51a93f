// A matching entry (何を提供できるか・何を探しているか) as the pages read it: the stored row, its fields
// and its owner's name; and the domain's view of it for the ranking.
import type { Kysely } from 'kysely';
import type { Database, MatchingEntriesTable } from '../../db/schema.ts';
import { isMatchingKind, type MatchingEntry, type MatchingKindId } from '../../domain/matching.ts';

export interface EntryRecord extends MatchingEntry {
  prefectureCode: string;
  /** The owner's name (名寄市, 杉並区). */
  ownerName: string;
  description: string;
  provenance: MatchingEntriesTable['provenance'];
  createdAt: string;
  updatedAt: string;
}

export type EntryRow = Omit<MatchingEntriesTable, 'description'> & { description: string };

/** Rows with their fields and owners' names, in the rows' order. Rows of an unknown kind are skipped. */
export async function withDetails(db: Kysely<Database>, rows: readonly EntryRow[]): Promise<EntryRecord[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const codes = [...new Set(rows.map((r) => r.local_government_code))];
  const [fieldRows, names] = await Promise.all([
    db.selectFrom('matching_entry_fields').select(['entry_id', 'field']).where('entry_id', 'in', ids).orderBy('field').execute(),
    db.selectFrom('local_governments').select(['code', 'name']).where('code', 'in', codes).execute(),
  ]);
  const fieldsOf = new Map<string, number[]>();
  for (const f of fieldRows) fieldsOf.set(f.entry_id, [...(fieldsOf.get(f.entry_id) ?? []), Number(f.field)]);
  const nameOf = new Map(names.map((n) => [n.code, n.name]));
  return rows
    .filter((r) => isMatchingKind(r.kind))
    .map((r) => ({
      id: r.id,
      code: r.local_government_code,
      prefectureCode: r.prefecture_code,
      ownerName: nameOf.get(r.local_government_code) ?? r.local_government_code,
      direction: r.direction,
      kind: r.kind as MatchingKindId,
      fields: fieldsOf.get(r.id) ?? [],
      title: r.title,
      description: r.description,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      status: r.status,
      provenance: r.provenance,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
}
