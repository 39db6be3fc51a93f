// Mailed one-time codes (email confirmation, password reset): 6 digits, valid 10 minutes, single
// use, at most 5 attempts. Issuing a new code replaces any earlier one of the same purpose.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { generateNumericCode, hashCode, oneTimeCodeRules, sameHash } from '../security/one-time-codes.ts';
import type { Database, OneTimeCodePurpose } from './schema.ts';

export async function issueOneTimeCode(db: Kysely<Database>, secret: string, accountId: string, purpose: OneTimeCodePurpose): Promise<string> {
  const code = generateNumericCode();
  const now = new Date();
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('one_time_codes').where('account_id', '=', accountId).where('purpose', '=', purpose).execute();
    await trx
      .insertInto('one_time_codes')
      .values({
        id: randomUUID(),
        account_id: accountId,
        purpose,
        code_hash: hashCode(secret, code),
        attempts: 0,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + oneTimeCodeRules.validMs).toISOString(),
        consumed_at: null,
      })
      .execute();
  });
  return code;
}

export type CodeCheck = 'ok' | 'wrong' | 'expired' | 'too_many_attempts' | 'none';

/** Checks and, when right, consumes the code. Every wrong try counts against the code. */
export async function consumeOneTimeCode(
  db: Kysely<Database>,
  secret: string,
  accountId: string,
  purpose: OneTimeCodePurpose,
  code: string,
): Promise<CodeCheck> {
  const checked = await checkOneTimeCode(db, secret, accountId, purpose, code);
  if (checked.result !== 'ok') return checked.result;
  return (await useOneTimeCode(db, checked.id)) ? 'ok' : 'none';
}

/**
 * Checks the code without using it up (for a step that needs something else too, such as the
 * second factor of a password reset): a wrong code counts as an attempt; a right one gives the
 * code's id, for useOneTimeCode once everything else is right, or failOneTimeCode when not.
 */
export async function checkOneTimeCode(
  db: Kysely<Database>,
  secret: string,
  accountId: string,
  purpose: OneTimeCodePurpose,
  code: string,
): Promise<{ result: 'ok'; id: string } | { result: Exclude<CodeCheck, 'ok'> }> {
  const row = await db
    .selectFrom('one_time_codes')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('purpose', '=', purpose)
    .where('consumed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (!row) return { result: 'none' };
  if (new Date(row.expires_at) <= new Date()) return { result: 'expired' };
  if (row.attempts >= oneTimeCodeRules.maxAttempts) return { result: 'too_many_attempts' };
  if (!sameHash(row.code_hash, hashCode(secret, code))) {
    const attempts = await failOneTimeCode(db, row.id);
    return { result: attempts >= oneTimeCodeRules.maxAttempts ? 'too_many_attempts' : 'wrong' };
  }
  return { result: 'ok', id: row.id };
}

/** Counts a failed attempt against a code (atomically); returns the attempts so far. */
export async function failOneTimeCode(db: Kysely<Database>, id: string): Promise<number> {
  await db.updateTable('one_time_codes').set((eb) => ({ attempts: eb('attempts', '+', 1) })).where('id', '=', id).execute();
  const row = await db.selectFrom('one_time_codes').select('attempts').where('id', '=', id).executeTakeFirst();
  return Number(row?.attempts ?? oneTimeCodeRules.maxAttempts);
}

/** Uses the code up. Single use even under concurrent submissions: only one update wins. */
export async function useOneTimeCode(db: Kysely<Database>, id: string): Promise<boolean> {
  const used = await db
    .updateTable('one_time_codes')
    .set({ consumed_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('consumed_at', 'is', null)
    .where('attempts', '<', oneTimeCodeRules.maxAttempts)
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1;
}
