// Reads for signing in: the account behind an email address, the pending second-factor session.
import type { Kysely } from 'kysely';
import { findSession, hashToken } from '../../db/sessions.ts';
import type { AccountStatus, Database } from '../../db/schema.ts';

export interface SignInAccount {
  id: string;
  email: string;
  fullName: string;
  status: AccountStatus;
  passwordHash: string;
  /** Set when two-factor authentication is enabled. */
  totpSecret: string | null;
}

/** The account for a (lower-cased) email address, or undefined. */
export async function findAccountByEmail(db: Kysely<Database>, email: string): Promise<SignInAccount | undefined> {
  const row = await db
    .selectFrom('accounts')
    .select(['id', 'email', 'full_name', 'status', 'password_hash', 'totp_secret', 'totp_enabled_at'])
    .where('email', '=', email)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    email: row.email,
    fullName: row.full_name,
    status: row.status,
    passwordHash: row.password_hash,
    totpSecret: row.totp_enabled_at !== null && row.totp_secret ? row.totp_secret : null,
  };
}

export interface PendingSecondFactor {
  sessionIdHash: string;
  account: SignInAccount;
}

/** The live 'second_factor' session of a cookie token whose account is still active. */
export async function findPendingSecondFactor(db: Kysely<Database>, token: string | undefined): Promise<PendingSecondFactor | undefined> {
  if (!token) return undefined;
  const loaded = await findSession(db, token);
  if (!loaded || loaded.session.stage !== 'second_factor' || loaded.account.status !== 'active') return undefined;
  // The password hash and TOTP secret are read here only, not with every request's session.
  const account = await findAccountByEmail(db, loaded.account.email);
  if (!account || account.id !== loaded.account.id || !account.totpSecret) return undefined;
  return { sessionIdHash: hashToken(token), account };
}

/** True when `codeHash` is one of the account's backup codes and not used yet. */
export async function hasUnusedBackupCode(db: Kysely<Database>, accountId: string, codeHash: string): Promise<boolean> {
  const row = await db
    .selectFrom('account_backup_codes')
    .select('account_id')
    .where('account_id', '=', accountId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}
