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

/**
 * The TOTP secret itself, from the stored (sealed, or not yet sealed) value. During a key rotation
 * (TOTP_ENCRYPTION_KEY_PREVIOUS) a value still sealed with a previous key is opened with it:
 * AES-GCM's tag tells a wrong key apart, so the keys are simply tried in turn, current first.
 */
export function openTotpSecret(key: Buffer, stored: string, previousKeys: readonly Buffer[] = []): string {
  return openWithAnyKey(stored, [key, ...previousKeys]).secret;
}

function openWithAnyKey(stored: string, keys: readonly Buffer[]): { secret: string; keyIndex: number } {
  let failure: unknown;
  for (const [keyIndex, key] of keys.entries()) {
    try {
      return { secret: openSecret(key, stored), keyIndex };
    } catch (error) {
      failure ??= error;
    }
  }
  throw failure;
}

export interface SealReport {
  /** Stored in plaintext, now sealed with the current key. */
  sealed: number;
  /** Sealed with a previous key, now sealed with the current key (a rotation). */
  resealed: number;
  /** Opened by no configured key (a key missing from TOTP_ENCRYPTION_KEY_PREVIOUS). */
  unreadable: number;
}

/**
 * Seals every TOTP secret still stored in plaintext (stored before encryption, or by the seed),
 * and, when previous keys are configured, seals again with the current key every secret sealed
 * with a previous one. Run at every start; each update is conditional on the value it read, so
 * instances starting together, or a secret changed meanwhile, are harmless.
 */
export async function sealStoredTotpSecrets(db: Kysely<Database>, key: Buffer, previousKeys: readonly Buffer[] = []): Promise<SealReport> {
  let query = db.selectFrom('accounts').select(['id', 'totp_secret']).where('totp_secret', 'is not', null);
  // Without a rotation going on, only the (rare) plaintext rows need reading.
  if (previousKeys.length === 0) query = query.where('totp_secret', 'not like', 'v1:%');
  const report: SealReport = { sealed: 0, resealed: 0, unreadable: 0 };
  for (const row of await query.execute()) {
    const stored = row.totp_secret;
    if (!stored) continue;
    let secret: string;
    if (isSealed(stored)) {
      let opened: { secret: string; keyIndex: number };
      try {
        opened = openWithAnyKey(stored, [key, ...previousKeys]);
      } catch {
        report.unreadable += 1;
        continue;
      }
      if (opened.keyIndex === 0) continue;
      secret = opened.secret;
    } else {
      secret = stored;
    }
    const result = await db.updateTable('accounts').set({ totp_secret: sealSecret(key, secret) }).where('id', '=', row.id).where('totp_secret', '=', stored).executeTakeFirst();
    report[isSealed(stored) ? 'resealed' : 'sealed'] += Number(result.numUpdatedRows);
  }
  return report;
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
