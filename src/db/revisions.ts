// Revision counters of the data topics (migration 2026-12-06T0900). A write raises its topic's
// number in its own transaction, as its last statement, so the row lock is held only until the
// commit; a reader compares the number with the one it loaded its in-memory copy at.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** 'accounts': people's names, roles, organisations and status, as pages that show people print them. */
export type RevisionTopic = 'registry' | 'news' | 'events' | 'site-pages' | 'pr' | 'board' | 'accounts';

/** Raises the topic's revision. Call inside the writing transaction, after the writes. */
export async function bumpRevision(trx: Transaction<Database> | Kysely<Database>, topic: RevisionTopic): Promise<void> {
  await trx
    .updateTable('data_revisions')
    .set((eb) => ({ revision: eb('revision', '+', 1) }))
    .where('topic', '=', topic)
    .execute();
}

/**
 * Raises one account's view revision: something only its own pages show changed (its read positions,
 * board visits, watches), so pages kept for its sessions (src/views/page-cache.ts) are stale. Call
 * after the writes (in their transaction when there is one): a request that reads the raised number
 * with its session then reads the new state too.
 */
export async function bumpViewRevision(trx: Transaction<Database> | Kysely<Database>, accountId: string): Promise<void> {
  await trx
    .updateTable('accounts')
    .set((eb) => ({ view_revision: eb('view_revision', '+', 1) }))
    .where('id', '=', accountId)
    .execute();
}

/** A read of every topic's revision scheduled but not started yet, which requests arriving now may share. */
const scheduledReads = new WeakMap<Kysely<Database>, Promise<Map<string, number>>>();

async function readAll(db: Kysely<Database>): Promise<Map<string, number>> {
  // Every topic at once (a handful of rows): one statement per turn, whatever topics its requests need.
  const rows = await db.selectFrom('data_revisions').select(['topic', 'revision']).execute();
  return new Map(rows.map((r) => [r.topic, Number(r.revision)]));
}

/**
 * The topic's current revision (0 when the row is missing, which never matches a loaded copy).
 * Requests that arrive in the same turn of the event loop share one read of all topics, made after
 * all of them arrived, so each still sees every write committed before it came in; under load this
 * turns one read per topic and request into one read per turn.
 */
export async function readRevision(db: Kysely<Database>, topic: RevisionTopic): Promise<number> {
  let scheduled = scheduledReads.get(db);
  if (!scheduled) {
    const read = new Promise<Map<string, number>>((resolve, reject) => {
      setImmediate(() => {
        // From here on the read has started: later requests schedule a read of their own.
        if (scheduledReads.get(db) === read) scheduledReads.delete(db);
        readAll(db).then(resolve, reject);
      });
    });
    scheduledReads.set(db, (scheduled = read));
  }
  return (await scheduled).get(topic) ?? 0;
}

/** As readRevision, inside a transaction (what the transaction itself sees), never shared. */
export async function readRevisionIn(trx: Transaction<Database>, topic: RevisionTopic): Promise<number> {
  const row = await trx.selectFrom('data_revisions').select('revision').where('topic', '=', topic).executeTakeFirst();
  return Number(row?.revision ?? 0);
}
