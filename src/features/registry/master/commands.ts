// Every write of the registry pages goes through `writeRecord`: one transaction that snapshots
// the record before, makes the change, snapshots it after, and records both the change history
// row (record_changes) and the audit event. A Refusal thrown by the change rolls everything back.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AuditAction } from '../../../db/audit.ts';
import { recordAudit } from '../../../db/audit.ts';
import { changedKeys, recordChange, writeRegistry } from '../shared/history.ts';
import type { RecordChangeAction } from '../../../db/schema.ts';
import { Refusal, recordColumns, stripTimestamps, type Db, type KindFrame, type Snapshot, type WriteOutcome } from './kit.ts';

export interface Writer {
  actorAccountId: string;
  ip: string;
}

const auditActions: Record<Exclude<RecordChangeAction, 'import'>, AuditAction> = {
  create: 'registry.created',
  update: 'registry.updated',
  delete: 'registry.deleted',
  restore: 'registry.restored',
};

/**
 * Runs `change` in a transaction with the record's history. `id` is undefined for a create (the
 * change returns the new id). An update that changes nothing writes no history and no audit row.
 */
export async function writeRecord(
  db: Db,
  kind: Pick<KindFrame, 'entity' | 'snapshot'>,
  writer: Writer,
  action: Exclude<RecordChangeAction, 'import'>,
  id: string | undefined,
  change: (trx: Db, now: string) => Promise<string | void>,
): Promise<WriteOutcome> {
  try {
    return await writeRegistry(db, async (trx) => {
      const now = new Date().toISOString();
      let before: Snapshot | null = null;
      if (id !== undefined) {
        const current = await kind.snapshot(trx, id);
        if (!current && action !== 'restore') return { ok: false, notFound: true } as const;
        before = action === 'restore' ? null : (current ?? null);
      }
      const returned = await change(trx, now);
      const recordId = id ?? (returned as string);
      const after = action === 'delete' ? null : ((await kind.snapshot(trx, recordId)) ?? null);
      if (action === 'update' && changedKeys(before, after).length === 0) return { ok: true, id: recordId, changed: false } as const;
      await recordChange(trx, { entityType: kind.entity, entityId: recordId, action, before, after, actorAccountId: writer.actorAccountId });
      await recordAudit(trx, {
        actorAccountId: writer.actorAccountId,
        action: auditActions[action],
        targetType: 'registry_record',
        targetId: recordId,
        ip: writer.ip,
        detail: { entity: kind.entity, changed: changedKeys(before, after) },
      });
      return { ok: true, id: recordId, changed: true } as const;
    });
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, problem: error.problem };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Soft delete and restore for tables with deleted_at: the one place these pages set, clear and
// read deleted_at of a record. The table and key are fixed by each kind; the casts only erase
// Kysely's per-table typing for these generic statements.

type SoftTable =
  | 'agreement_types'
  | 'regional_exchanges'
  | 'company_agreements'
  | 'disasters'
  | 'disaster_support'
  | 'joint_plans'
  | 'plan_items'
  | 'published_figures';

export async function softDelete(trx: Db, table: SoftTable, id: string, now: string): Promise<void> {
  const result = await trx
    .updateTable(table as 'disasters')
    .set({ deleted_at: now, updated_at: now })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    throw new Refusal({ field: 'record', message: { ja: 'この記録はすでに削除されています。', en: 'This record has already been deleted.' } });
  }
}

export async function restoreDeleted(trx: Db, table: SoftTable, id: string, now: string): Promise<void> {
  const result = await trx
    .updateTable(table as 'disasters')
    .set({ deleted_at: null, updated_at: now })
    .where('id', '=', id)
    .where('deleted_at', 'is not', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    throw new Refusal({ field: 'record', message: { ja: 'この記録は削除されていません（すでに復元されています）。', en: 'This record is not deleted (it may have been restored already).' } });
  }
}

export async function isSoftDeleted(db: Db, table: SoftTable, id: string): Promise<boolean> {
  const row = await db
    .selectFrom(table as 'disasters')
    .select(sql<number>`case when deleted_at is null then 0 else 1 end`.as('deleted'))
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(row?.deleted ?? 0) === 1;
}

/** A kind's remove, restore and isDeleted for a table with deleted_at. */
export function softDeletion(table: SoftTable): Required<Pick<KindFrame, 'remove' | 'restore' | 'isDeleted'>> {
  return {
    remove: (trx, id, now) => softDelete(trx, table, id, now),
    restore: (trx, id, now) => restoreDeleted(trx, table, id, now),
    isDeleted: (db, id) => isSoftDeleted(db, table, id),
  };
}

/**
 * The storage of a kind whose form values are exactly its table's columns (plus source_url and
 * notes): snapshot, create, update, soft delete, restore. Kinds with parties add their own.
 */
export function tableRecords<V extends { source_url?: string | null; notes?: string }>(table: SoftTable) {
  const t = table as 'disasters';
  return {
    async snapshot(db: Db, id: string): Promise<Snapshot | undefined> {
      const row = await db.selectFrom(t).selectAll().where('id', '=', id).executeTakeFirst();
      return row ? stripTimestamps(row) : undefined;
    },
    async create(trx: Db, value: V, now: string): Promise<string> {
      const id = randomUUID();
      await trx.insertInto(t).values({ id, ...value, ...recordColumns(value, now) } as never).execute();
      return id;
    },
    async update(trx: Db, id: string, value: V, now: string): Promise<void> {
      await trx.updateTable(t).set({ ...value, updated_at: now } as never).where('id', '=', id).execute();
    },
    ...softDeletion(table),
  };
}
