// Writes for signing in and out and for resetting a password. Each records its audit event.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../db/audit.ts';
import type { Database, SessionStage } from '../../db/schema.ts';
import { createSession, deleteSession, hashToken, revokeSessions } from '../../db/sessions.ts';

export interface SessionStart {
  accountId: string;
  stage: SessionStage;
  ip: string;
  userAgent: string;
  /** The session cookie the browser sent, if any: its session ends (the id always changes). */
  previousToken: string | undefined;
}

/** Ends the browser's previous session and opens a new one (session id rotation). */
export async function startSession(db: Kysely<Database>, input: SessionStart): Promise<{ token: string; expiresAt: Date }> {
  if (input.previousToken) await deleteSession(db, hashToken(input.previousToken));
  return createSession(db, { accountId: input.accountId, stage: input.stage, ip: input.ip, userAgent: input.userAgent });
}

/** Marks a backup code used; false when it is unknown or was used already (only one use wins). */
export async function useBackupCode(db: Kysely<Database>, accountId: string, codeHash: string, ip: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('account_backup_codes')
      .set({ used_at: new Date().toISOString() })
      .where('account_id', '=', accountId)
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    const left = await trx
      .selectFrom('account_backup_codes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('account_id', '=', accountId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorAccountId: accountId, action: 'auth.backup_code_used', targetType: 'account', targetId: accountId, ip, detail: { remaining: Number(left.n) } });
    return true;
  });
}

/** Signs out: the session ends in the database, whatever happens to the cookie. */
export async function signOut(db: Kysely<Database>, token: string, ip: string): Promise<void> {
  const idHash = hashToken(token);
  const session = await db.selectFrom('sessions').select(['account_id']).where('id_hash', '=', idHash).executeTakeFirst();
  await deleteSession(db, idHash);
  if (session) await recordAudit(db, { actorAccountId: session.account_id, action: 'auth.sign_out', targetType: 'session', targetId: idHash.slice(0, 16), ip });
}

/** Sets the new password and ends every session of the account, in one transaction. */
export async function resetPassword(db: Kysely<Database>, input: { accountId: string; passwordHash: string; ip: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    await trx.updateTable('accounts').set({ password_hash: input.passwordHash, password_changed_at: now, updated_at: now }).where('id', '=', input.accountId).execute();
    const ended = await revokeSessions(trx, input.accountId);
    await recordAudit(trx, {
      actorAccountId: input.accountId,
      action: 'auth.password_reset',
      targetType: 'account',
      targetId: input.accountId,
      ip: input.ip,
      detail: { sessionsEnded: ended },
    });
  });
}
