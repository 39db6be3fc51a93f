// Accepting a TOTP code for an account at most once: the code's time step must be newer than
// the last one accepted, and recording it is a conditional update, so two requests racing with
// the same code cannot both win.
import type { Kysely } from 'kysely';
import { isSealed, openSecret, sealSecret } from '../security/secret-box.ts';
import { matchTotpStep } from '../security/totp.ts';
import type { Database } from './schema.ts';

/** The TOTP secret as stored (sealed with the key), for writing to accounts.totp_secret. */
export function sealTotpSecret(key: Buffer, secret: string): string {
  return sealSecret(key, secret);
}

/** The TOTP secret itself, from the stored (sealed, or not yet sealed) value. */
export function openTotpSecret(key: Buffer, stored: string): string {
  return openSecret(key, stored);
}

/**
 * Seals every TOTP secret still stored in plaintext (stored before encryption, or by the seed).
 * Run at every start; each update is conditional on the value it read, so instances starting
 * together, or a secret changed meanwhile, are harmless. Returns how many were sealed.
 */
export async function sealStoredTotpSecrets(db: Kysely<Database>, key: Buffer): Promise<number> {
  const rows = await db.selectFrom('accounts').select(['id', 'totp_secret']).where('totp_secret', 'is not', null).where('totp_secret', 'not like', 'v1:%').execute();
  let sealed = 0;
  for (const row of rows) {
    if (!row.totp_secret || isSealed(row.totp_secret)) continue;
    const result = await db.updateTable('accounts').set({ totp_secret: sealSecret(key, row.totp_secret) }).where('id', '=', row.id).where('totp_secret', '=', row.totp_secret).executeTakeFirst();
    sealed += Number(result.numUpdatedRows);
  }
  return sealed;
}

/** `secret` is the plain TOTP secret (openTotpSecret of the stored value). */
export async function consumeTotp(db: Kysely<Database>, accountId: string, secret: string, code: string, timestamp = Date.now()): Promise<boolean> {
  const step = matchTotpStep(secret, code, timestamp);
  if (step === null) return false;
  const result = await db
    .updateTable('accounts')
    .set({ totp_last_step: step })
    .where('id', '=', accountId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
