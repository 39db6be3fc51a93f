// What ward staff and the secretariat do with projects on the edit pages, each in one registry
// transaction with its change history and its audit event (as agreements/commands.ts).
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { fiscalYearOf } from '../../../domain/fiscal-year.ts';
import { auditRecordChange, claimVersion, writeRegistry } from '../shared/history.ts';
import type { AccountActor } from '../shared/scope.ts';
import type { ProjectInput } from './record.ts';
import { saveProject } from './store.ts';

export type SaveOutcome = { ok: true; id: string } | { ok: false; reason: 'conflict' };

/** Records a new project. */
export async function recordProject(db: Kysely<Database>, actor: AccountActor, input: Omit<ProjectInput, 'id'>, ip: string): Promise<SaveOutcome> {
  return writeRegistry(db, async (trx) => {
    const result = await saveProject(trx, input, { actorAccountId: actor.id, provenance: 'entry' });
    await auditRecordChange(trx, { actorAccountId: actor.id, action: 'registry.created', entity: 'project', id: result.id, title: input.title, ip });
    return { ok: true, id: result.id } as const;
  });
}

/** Saves an edit of the version `expectedUpdatedAt`; a conflict when someone saved in between. */
export async function editProject(
  db: Kysely<Database>,
  actor: AccountActor,
  target: { id: string; expectedUpdatedAt: string },
  input: Omit<ProjectInput, 'id'>,
  ip: string,
): Promise<SaveOutcome> {
  return writeRegistry(db, async (trx) => {
    if (!(await claimVersion(trx, 'projects', target.id, target.expectedUpdatedAt))) return { ok: false, reason: 'conflict' } as const;
    await saveProject(trx, { ...input, id: target.id }, { actorAccountId: actor.id, provenance: 'entry' });
    await auditRecordChange(trx, { actorAccountId: actor.id, action: 'registry.updated', entity: 'project', id: target.id, title: input.title, ip });
    return { ok: true, id: target.id } as const;
  });
}

/** What a board thread that reached agreement (成立) tells about the project it led to. */
export interface BoardProjectDraft {
  title: string;
  summary: string;
  /** 1–6; the thread's category field, or 6 when the category has none. */
  field: number;
  wardCodes: string[];
  partnerCodes: string[];
  /** Site-relative address of the thread, kept in the notes for the secretariat. */
  threadPath: string;
}

/**
 * A draft project from a board thread, for the secretariat to complete: this 年度, 「予定」, organised
 * by the wards that took part. Written like any project (history, audit) by the secretariat only —
 * the caller has checked 'board:moderate'; the registry's own rule (the secretariat edits every
 * project) holds, and the record is marked in its notes as a draft to review.
 */
export async function draftProjectFromBoard(db: Kysely<Database>, actor: AccountActor, draft: BoardProjectDraft, ip: string): Promise<SaveOutcome> {
  return recordProject(
    db,
    actor,
    {
      fiscalYear: fiscalYearOf(new Date()),
      title: draft.title.slice(0, 200),
      summary: draft.summary.slice(0, 2000),
      field: draft.field >= 1 && draft.field <= 6 ? draft.field : 6,
      organiserKind: 'wards',
      wardCodes: draft.wardCodes,
      partnerCodes: draft.partnerCodes,
      startsOn: null,
      endsOn: null,
      format: 'offline',
      status: '予定',
      newsUrl: null,
      sourceUrl: null,
      notes: `【下書き】掲示板のスレッド（${draft.threadPath}）の成立から作成しました。事務局が内容を確認して補完してください。`,
    },
    ip,
  );
}
