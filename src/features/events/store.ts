// Writes of the `events` table and its municipalities. Called only inside a command's transaction
// (commands.ts, the import, the harvest), which also raises the 'events' revision.
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database, EventProvenance, EventStatus } from '../../db/schema.ts';
import { prefectureCodeOf } from '../../domain/local-gov-code.ts';
import { contentHash, eventColumns, type EventInput } from './record.ts';

type Db = Transaction<Database> | Kysely<Database>;

export interface NewEventMeta {
  status: EventStatus;
  provenance: EventProvenance;
  ownerCode: string | null;
  actorId: string | null;
  sourceUrl?: string | null;
  feedId?: string | null;
  externalUid?: string | null;
  fetchedAt?: string | null;
  id?: string;
  now?: string;
}

export async function insertEvent(trx: Db, input: EventInput, meta: NewEventMeta): Promise<string> {
  const id = meta.id ?? randomUUID();
  const now = meta.now ?? new Date().toISOString();
  await trx
    .insertInto('events')
    .values({
      id,
      ...eventColumns(input),
      status: meta.status,
      owner_code: meta.ownerCode,
      provenance: meta.provenance,
      source_url: meta.sourceUrl ?? null,
      feed_id: meta.feedId ?? null,
      external_uid: meta.externalUid ?? null,
      content_hash: contentHash(input),
      fetched_at: meta.fetchedAt ?? null,
      submitted_by: meta.status === 'pending' ? meta.actorId : null,
      created_by: meta.actorId,
      updated_by: meta.actorId,
      created_at: now,
      updated_at: now,
      published_at: meta.status === 'published' ? now : null,
    })
    .execute();
  await writeMunicipalities(trx, id, input.municipalityCodes);
  return id;
}

/** Replaces an event's fields (not its status). */
export async function updateEvent(trx: Db, id: string, input: EventInput, meta: { actorId: string | null; fetchedAt?: string; now?: string }): Promise<void> {
  await trx
    .updateTable('events')
    .set({
      ...eventColumns(input),
      content_hash: contentHash(input),
      updated_by: meta.actorId,
      updated_at: meta.now ?? new Date().toISOString(),
      ...(meta.fetchedAt ? { fetched_at: meta.fetchedAt } : {}),
    })
    .where('id', '=', id)
    .execute();
  await trx.deleteFrom('event_municipalities').where('event_id', '=', id).execute();
  await writeMunicipalities(trx, id, input.municipalityCodes);
}

export async function setEventStatus(
  trx: Db,
  id: string,
  status: EventStatus,
  meta: { actorId: string | null; reason?: string; submittedBy?: string; now?: string },
): Promise<void> {
  const now = meta.now ?? new Date().toISOString();
  await trx
    .updateTable('events')
    .set({
      status,
      updated_by: meta.actorId,
      updated_at: now,
      ...(status === 'published' ? { published_at: now, review_reason: '' } : {}),
      ...(meta.reason !== undefined ? { review_reason: meta.reason } : {}),
      ...(meta.submittedBy ? { submitted_by: meta.submittedBy } : {}),
    })
    .where('id', '=', id)
    .execute();
}

async function writeMunicipalities(trx: Db, id: string, codes: readonly string[]): Promise<void> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return;
  await trx
    .insertInto('event_municipalities')
    .values(unique.map((code, position) => ({ event_id: id, local_government_code: code, prefecture_code: prefectureCodeOf(code), position })))
    .execute();
}
