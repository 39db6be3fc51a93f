// Fixed-window counters kept in the database, so limits hold across every app instance that
// shares it. One atomic upsert per hit; both engines support ON CONFLICT … RETURNING.
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface RateLimitRule {
  /** What is limited, e.g. 'login:ip'. */
  name: string;
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Attempts counted in the current window, this one included. */
  hits: number;
  remaining: number;
  /** Seconds until the window resets (for Retry-After and the message). */
  retryAfterSeconds: number;
}

/** Counts one attempt for `subject` (an IP, an email) under `rule`. */
export async function hitRateLimit(db: Kysely<Database>, rule: RateLimitRule, subject: string, now = Date.now()): Promise<RateLimitResult> {
  const key = keyOf(rule, subject);
  const staleBefore = now - rule.windowMs;
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_start_ms: now, hits: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql`case when rate_limits.window_start_ms <= ${staleBefore} then 1 else rate_limits.hits + 1 end`,
        window_start_ms: sql`case when rate_limits.window_start_ms <= ${staleBefore} then ${now} else rate_limits.window_start_ms end`,
      }),
    )
    .returning(['hits', 'window_start_ms'])
    .executeTakeFirstOrThrow();
  const hits = Number(row.hits);
  const resetAt = Number(row.window_start_ms) + rule.windowMs;
  return {
    allowed: hits <= rule.limit,
    hits,
    remaining: Math.max(0, rule.limit - hits),
    retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)),
  };
}

/** Forgets the counter, e.g. after a successful sign-in. */
export async function resetRateLimit(db: Kysely<Database>, rule: RateLimitRule, subject: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', keyOf(rule, subject)).execute();
}

/**
 * The counter's key. A long subject (an email address of up to 254 characters and an IP) is
 * hashed rather than cut, so that two subjects never share a counter by their common beginning.
 */
function keyOf(rule: RateLimitRule, subject: string): string {
  const key = `${rule.name}:${subject}`;
  return key.length <= 200 ? key : `${rule.name}:#${createHash('sha256').update(subject).digest('hex')}`;
}
