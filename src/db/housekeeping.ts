// Deletes what has expired: sessions, one-time codes, old rate-limit windows. Safe to run from
// every instance at once (plain deletes by time), so no leader election is needed.
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { sessionLimits } from './sessions.ts';

export async function purgeExpired(db: Kysely<Database>, now = new Date()): Promise<void> {
  const iso = now.toISOString();
  const idleCutoff = new Date(now.getTime() - sessionLimits.idleMs).toISOString();
  await db.deleteFrom('sessions').where((eb) => eb.or([eb('expires_at', '<=', iso), eb('last_seen_at', '<', idleCutoff)])).execute();
  await db.deleteFrom('one_time_codes').where('expires_at', '<=', new Date(now.getTime() - 24 * 3600_000).toISOString()).execute();
  // Rate-limit windows are at most an hour long here; a day-old window is certainly over.
  await db.deleteFrom('rate_limits').where('window_start_ms', '<', now.getTime() - 24 * 3600_000).execute();
}

/** Runs purgeExpired every `everyMs` until the returned function is called. */
export function startHousekeeping(db: Kysely<Database>, onError: (error: unknown) => void, everyMs = 10 * 60_000): () => void {
  const timer = setInterval(() => purgeExpired(db).catch(onError), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
