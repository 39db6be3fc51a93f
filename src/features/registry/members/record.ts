// Municipalities registered as members of the project site (会員登録自治体), from the day they joined:
// the first approved member account makes its municipality one; earlier members are recorded by hand.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

export interface RegisteredMember {
  code: string;
  joinedOn: string;
  source: 'account' | 'manual';
  note: string | null;
}

export async function loadRegisteredMembers(db: Kysely<Database>): Promise<RegisteredMember[]> {
  const rows = await db.selectFrom('registered_members').selectAll().orderBy('local_government_code').execute();
  return rows.map((r) => ({ code: r.local_government_code, joinedOn: r.joined_on, source: r.source, note: r.note }));
}
