// Writes of the member area, each with its audit row in the same transaction. Commands know
// nothing of HTTP; routes check passwords and codes first, then call these.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../db/audit.ts';
import { bumpRevision } from '../../db/revisions.ts';
import type { Database } from '../../db/schema.ts';
import { createSession, revokeSessions } from '../../db/sessions.ts';
import { generateBackupCode, hashCode } from '../../security/one-time-codes.ts';
import { hashPassword } from '../../security/passwords.ts';
import type { Actor } from '../../policy/index.ts';
import { sessionRefLength, type ProfileValue } from './form.ts';

export type Member = Extract<Actor, { kind: 'account' }>;

/** Where a request came from, for the audit log and a new session. */
export interface Origin {
  ip: string;
  userAgent: string;
}

export const backupCodeCount = 10;

export async function updateProfile(db: Kysely<Database>, actor: Member, input: ProfileValue, origin: Origin): Promise<{ changed: string[] }> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('accounts')
      .select(['display_name', 'department', 'full_name', 'full_name_kana', 'phone'])
      .where('id', '=', actor.id)
      .executeTakeFirstOrThrow();
    const after = { display_name: input.displayName, department: input.department, full_name: input.fullName, full_name_kana: input.fullNameKana, phone: input.phone };
    const changed = (Object.keys(after) as Array<keyof typeof after>).filter((k) => before[k] !== after[k]);
    if (changed.length === 0) return { changed };
    await trx
      .updateTable('accounts')
      .set({ ...after, updated_at: new Date().toISOString() })
      .where('id', '=', actor.id)
      .execute();
    // The display name is printed on pages kept for others (the board's authors).
    await bumpRevision(trx, 'accounts');
    await recordAudit(trx, { actorAccountId: actor.id, action: 'account.profile_updated', targetType: 'account', targetId: actor.id, ip: origin.ip, detail: { fields: changed } });
    return { changed };
  });
}

/**
 * Sets the new password, ends every session of the account (a thief's too) and opens a fresh one
 * for this browser, whose token the caller puts in the cookie.
 */
export async function changePassword(db: Kysely<Database>, actor: Member, newPassword: string, origin: Origin): Promise<{ token: string; expiresAt: Date }> {
  const passwordHash = await hashPassword(newPassword);
  return db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    await trx.updateTable('accounts').set({ password_hash: passwordHash, password_changed_at: now, updated_at: now }).where('id', '=', actor.id).execute();
    const ended = await revokeSessions(trx, actor.id);
    const session = await createSession(trx, { accountId: actor.id, stage: 'authenticated', ip: origin.ip, userAgent: origin.userAgent });
    await recordAudit(trx, { actorAccountId: actor.id, action: 'auth.password_changed', targetType: 'account', targetId: actor.id, ip: origin.ip, detail: { sessionsEnded: ended } });
    return session;
  });
}

async function replaceBackupCodes(trx: Kysely<Database>, accountId: string, key: string): Promise<string[]> {
  const codes = Array.from({ length: backupCodeCount }, () => generateBackupCode());
  await trx.deleteFrom('account_backup_codes').where('account_id', '=', accountId).execute();
  await trx
    .insertInto('account_backup_codes')
    .values(codes.map((code) => ({ account_id: accountId, code_hash: hashCode(key, code), used_at: null })))
    .execute();
  return codes;
}

export type EnableResult = { ok: true; backupCodes: string[] } | { ok: false; reason: 'already_enabled' };

/**
 * Turns on two-factor authentication with a secret the person has proved to hold; `sealedSecret`
 * is the secret as stored, sealed with TOTP_ENCRYPTION_KEY (sealTotpSecret).
 */
export async function enableTwoFactor(db: Kysely<Database>, actor: Member, sealedSecret: string, key: string, origin: Origin): Promise<EnableResult> {
  return db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const result = await trx
      .updateTable('accounts')
      .set({ totp_secret: sealedSecret, totp_enabled_at: now, updated_at: now })
      .where('id', '=', actor.id)
      .where('totp_enabled_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return { ok: false, reason: 'already_enabled' } as const;
    const backupCodes = await replaceBackupCodes(trx, actor.id, key);
    await recordAudit(trx, { actorAccountId: actor.id, action: 'auth.two_factor_enabled', targetType: 'account', targetId: actor.id, ip: origin.ip });
    return { ok: true, backupCodes } as const;
  });
}

export async function regenerateBackupCodes(db: Kysely<Database>, actor: Member, key: string, origin: Origin): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const codes = await replaceBackupCodes(trx, actor.id, key);
    await recordAudit(trx, { actorAccountId: actor.id, action: 'auth.backup_codes_regenerated', targetType: 'account', targetId: actor.id, ip: origin.ip });
    return codes;
  });
}

export type DisableResult = { ok: true } | { ok: false; reason: 'mandatory' | 'not_enabled' };

/**
 * Turns two-factor authentication off; never for the secretariat, for whom it is mandatory. Every
 * other session of the account ends: one signed in with the second factor must not outlive it.
 */
export async function disableTwoFactor(db: Kysely<Database>, actor: Member, origin: Origin): Promise<DisableResult> {
  if (actor.role === 'secretariat') return { ok: false, reason: 'mandatory' };
  return db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const result = await trx
      .updateTable('accounts')
      .set({ totp_secret: null, totp_enabled_at: null, updated_at: now })
      .where('id', '=', actor.id)
      .where('role', '!=', 'secretariat')
      .where('totp_enabled_at', 'is not', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return { ok: false, reason: 'not_enabled' } as const;
    await trx.deleteFrom('account_backup_codes').where('account_id', '=', actor.id).execute();
    const ended = await revokeSessions(trx, actor.id, actor.sessionIdHash);
    await recordAudit(trx, { actorAccountId: actor.id, action: 'auth.two_factor_disabled', targetType: 'account', targetId: actor.id, ip: origin.ip, detail: { sessionsEnded: ended } });
    return { ok: true } as const;
  });
}

export type RevokeResult = { ok: true } | { ok: false; reason: 'not_found' | 'current' };

/**
 * Ends one of the actor's own sessions, named by the first 16 hex characters of its id hash.
 * Only this account's sessions are searched, so a forged reference cannot reach anyone else's.
 */
export async function revokeSession(db: Kysely<Database>, actor: Member, ref: string, origin: Origin): Promise<RevokeResult> {
  return db.transaction().execute(async (trx) => {
    const own = await trx.selectFrom('sessions').select('id_hash').where('account_id', '=', actor.id).execute();
    const target = own.find((s) => s.id_hash.slice(0, sessionRefLength) === ref);
    if (!target) return { ok: false, reason: 'not_found' } as const;
    if (target.id_hash === actor.sessionIdHash) return { ok: false, reason: 'current' } as const;
    await trx.deleteFrom('sessions').where('account_id', '=', actor.id).where('id_hash', '=', target.id_hash).execute();
    await recordAudit(trx, { actorAccountId: actor.id, action: 'session.revoked', targetType: 'session', targetId: ref, ip: origin.ip });
    return { ok: true } as const;
  });
}

export async function revokeOtherSessions(db: Kysely<Database>, actor: Member, origin: Origin): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const ended = await revokeSessions(trx, actor.id, actor.sessionIdHash);
    if (ended > 0) {
      await recordAudit(trx, { actorAccountId: actor.id, action: 'session.revoked', targetType: 'account', targetId: actor.id, ip: origin.ip, detail: { others: ended } });
    }
    return ended;
  });
}
