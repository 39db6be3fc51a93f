// Revision counters of the data topics (migration 2026-12-06T0900). A write raises its topic's
// number in its own transaction, as its last statement, so the row lock is held only until the
// commit; a reader compares the number with the one it loaded its in-memory copy at. One small
// indexed read per request, prepared once per database.
import type { CompiledQuery, Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

export type RevisionTopic = 'registry';

/** Raises the topic's revision. Call inside the writing transaction, after the writes. */
export async function bumpRevision(trx: Transaction<Database> | Kysely<Database>, topic: RevisionTopic): Promise<void> {
  await trx
    .updateTable('data_revisions')
    .set((eb) => ({ revision: eb('revision', '+', 1) }))
    .where('topic', '=', topic)
    .execute();
}

const compiled = new WeakMap<Kysely<Database>, Map<RevisionTopic, CompiledQuery<{ revision: number }>>>();

/** The topic's current revision (0 when the row is missing, which never matches a loaded copy). */
export async function readRevision(db: Kysely<Database>, topic: RevisionTopic): Promise<number> {
  let byTopic = compiled.get(db);
  if (!byTopic) compiled.set(db, (byTopic = new Map()));
  let query = byTopic.get(topic);
  if (!query) {
    query = db.selectFrom('data_revisions').select('revision').where('topic', '=', topic).compile();
    byTopic.set(topic, query);
  }
  const { rows } = await db.executeQuery(query);
  return Number(rows[0]?.revision ?? 0);
}
