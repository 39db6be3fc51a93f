// Deletes what has expired: sessions, one-time codes, old rate-limit windows, registrations whose
// email address was never confirmed; and marks import jobs whose process ended mid-run as failed.
// Safe to run from every instance at once (plain deletes and conditional updates by time), so no
// leader election is needed. Pages never do this work: a GET changes nothing.
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { sessionLimits } from './sessions.ts';

/** An application whose email address is not confirmed within this time is deleted (and its address free again). */
export const unconfirmedRegistrationMs = 24 * 3600_000;

/**
 * An import job left 'applying' with no sign of life for this long (its process ended mid-run,
 * e.g. a restart) is marked failed: its transaction never committed, so nothing of it was saved.
 * A running job shows life: on PostgreSQL its progress moves updated_at at every chunk; on SQLite
 * its transaction holds the only connection, so this update waits until the job has committed
 * (and then finds it applied).
 */
export const stalledImportMs = 30 * 60_000;
export const stalledImportMessage = '処理が途中で止まりました（サーバーの再起動など）。記録は1件も保存されていません。もう一度アップロードしてください。';

export async function purgeExpired(db: Kysely<Database>, now = new Date()): Promise<void> {
  const iso = now.toISOString();
  const idleCutoff = new Date(now.getTime() - sessionLimits.idleMs).toISOString();
  await db.deleteFrom('sessions').where((eb) => eb.or([eb('expires_at', '<=', iso), eb('last_seen_at', '<', idleCutoff)])).execute();
  await db.deleteFrom('one_time_codes').where('expires_at', '<=', new Date(now.getTime() - 24 * 3600_000).toISOString()).execute();
  // Rate-limit windows are at most an hour long here; a day-old window is certainly over.
  await db.deleteFrom('rate_limits').where('window_start_ms', '<', now.getTime() - 24 * 3600_000).execute();
  // Unconfirmed applications (their codes and sessions go with them: foreign keys cascade).
  await db.deleteFrom('accounts').where('status', '=', 'pending_email').where('created_at', '<', new Date(now.getTime() - unconfirmedRegistrationMs).toISOString()).execute();
  await expireStalledImports(db, now);
}

export async function expireStalledImports(db: Kysely<Database>, now = new Date()): Promise<number> {
  const result = await db
    .updateTable('import_jobs')
    .set({ status: 'failed', processed_rows: 0, errors_json: JSON.stringify([{ row: 0, column: '', message: stalledImportMessage }]), updated_at: now.toISOString() })
    .where('status', '=', 'applying')
    .where('updated_at', '<', new Date(now.getTime() - stalledImportMs).toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Runs purgeExpired every `everyMs` until the returned function is called. */
export function startHousekeeping(db: Kysely<Database>, onError: (error: unknown) => void, everyMs = 10 * 60_000): () => void {
  const timer = setInterval(() => purgeExpired(db).catch(onError), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
