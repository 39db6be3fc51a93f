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
  const row = await db
    .selectFrom('one_time_codes')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('purpose', '=', purpose)
    .where('consumed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (!row) return 'none';
  if (new Date(row.expires_at) <= new Date()) return 'expired';
  if (row.attempts >= oneTimeCodeRules.maxAttempts) return 'too_many_attempts';
  if (!sameHash(row.code_hash, hashCode(secret, code))) {
    await db.updateTable('one_time_codes').set({ attempts: row.attempts + 1 }).where('id', '=', row.id).execute();
    return row.attempts + 1 >= oneTimeCodeRules.maxAttempts ? 'too_many_attempts' : 'wrong';
  }
  // Single use even under concurrent submissions: only one update wins.
  const used = await db
    .updateTable('one_time_codes')
    .set({ consumed_at: new Date().toISOString() })
    .where('id', '=', row.id)
    .where('consumed_at', 'is', null)
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1 ? 'ok' : 'none';
}
