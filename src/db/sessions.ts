// Server-side sessions. The cookie holds a 256-bit random token; the database keeps only its
// SHA-256, so a leaked table cannot be replayed. Idle and absolute timeouts are enforced here.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AccountRow, Database, SessionRow, SessionStage } from './schema.ts';

/** ASVS 7.1.1: documented limits. Idle: 30 minutes. Absolute: 12 hours. Second-factor step: 5 minutes. */
export const sessionLimits = {
  idleMs: 30 * 60_000,
  absoluteMs: 12 * 60 * 60_000,
  secondFactorMs: 5 * 60_000,
  /** last_seen_at is written at most this often, to keep writes off most requests. */
  touchEveryMs: 60_000,
} as const;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  db: Kysely<Database>,
  input: { accountId: string; stage: SessionStage; ip: string; userAgent: string },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + (input.stage === 'second_factor' ? sessionLimits.secondFactorMs : sessionLimits.absoluteMs));
  await db
    .insertInto('sessions')
    .values({
      id_hash: hashToken(token),
      account_id: input.accountId,
      stage: input.stage,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      ip: input.ip.slice(0, 64),
      user_agent: input.userAgent.slice(0, 300),
    })
    .execute();
  return { token, expiresAt };
}

/** What a request needs of the session's account (no password hash, no TOTP secret). */
export type SessionAccount = Pick<AccountRow, 'id' | 'email' | 'role' | 'status' | 'local_government_code' | 'display_name' | 'totp_enabled_at' | 'view_revision'>;

export interface LoadedSession {
  session: SessionRow;
  account: SessionAccount;
}

/** The live session for a cookie token, or undefined (expired ones are deleted on sight). */
export async function findSession(db: Kysely<Database>, token: string, now = new Date()): Promise<LoadedSession | undefined> {
  const idHash = hashToken(token);
  // The session and its account in one statement: this runs on every signed-in request, and on
  // PostgreSQL each statement is a round trip. (Sessions go with their account: foreign key, cascade.)
  // Only the account's columns a request uses: each column is described and parsed on every request.
  const row = await db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
    .select(['accounts.id', 'accounts.email', 'accounts.role', 'accounts.status', 'accounts.local_government_code', 'accounts.display_name', 'accounts.totp_enabled_at', 'accounts.view_revision'])
    .select([
      'sessions.id_hash as session_id_hash',
      'sessions.account_id as session_account_id',
      'sessions.stage as session_stage',
      'sessions.created_at as session_created_at',
      'sessions.last_seen_at as session_last_seen_at',
      'sessions.expires_at as session_expires_at',
      'sessions.ip as session_ip',
      'sessions.user_agent as session_user_agent',
    ])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const { session_id_hash, session_account_id, session_stage, session_created_at, session_last_seen_at, session_expires_at, session_ip, session_user_agent, ...account } = row;
  const session: SessionRow = {
    id_hash: session_id_hash,
    account_id: session_account_id,
    stage: session_stage,
    created_at: session_created_at,
    last_seen_at: session_last_seen_at,
    expires_at: session_expires_at,
    ip: session_ip,
    user_agent: session_user_agent,
  };
  const idleLimit = session.stage === 'second_factor' ? sessionLimits.secondFactorMs : sessionLimits.idleMs;
  const expired = new Date(session.expires_at) <= now || now.getTime() - new Date(session.last_seen_at).getTime() > idleLimit;
  if (expired) {
    await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    return undefined;
  }
  if (now.getTime() - new Date(session.last_seen_at).getTime() > sessionLimits.touchEveryMs) {
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id_hash', '=', idHash).execute();
  }
  return { session, account };
}

export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Ends every session of an account (disabled, password changed), optionally keeping one. */
export async function revokeSessions(db: Kysely<Database>, accountId: string, exceptIdHash?: string): Promise<number> {
  let query = db.deleteFrom('sessions').where('account_id', '=', accountId);
  if (exceptIdHash) query = query.where('id_hash', '!=', exceptIdHash);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** `__Host-` binds the cookie to this origin, but browsers accept it only with Secure (HTTPS). */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-renkei_session' : 'renkei_session';
}
