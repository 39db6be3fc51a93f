// Accepting a TOTP code for an account at most once: the code's time step must be newer than
// the last one accepted, and recording it is a conditional update, so two requests racing with
// the same code cannot both win.
import type { Kysely } from 'kysely';
import { matchTotpStep } from '../security/totp.ts';
import type { Database } from './schema.ts';

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
