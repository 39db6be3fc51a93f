// How often a member may post, kept in the database (src/db/rate-limit.ts) so that the limits hold
// across every instance. The anchors are Discourse's defaults: a new thread every 15 seconds, a
// reply every 5 seconds, 20 new threads a day. The secretariat (staff, as in Discourse) is exempt.
import type { Kysely } from 'kysely';
import { hitRateLimit, type RateLimitRule } from '../../db/rate-limit.ts';
import type { Database } from '../../db/schema.ts';
import type { PageContext } from '../../views/context.ts';
import { formatWait } from '../../views/format.ts';

export const boardRateRules = {
  threadBurst: { name: 'board:thread', limit: 1, windowMs: 15_000 },
  threadDaily: { name: 'board:thread-day', limit: 20, windowMs: 86_400_000 },
  reply: { name: 'board:reply', limit: 1, windowMs: 5_000 },
} as const satisfies Record<string, RateLimitRule>;

export type RateRefusal = { rule: keyof typeof boardRateRules; retryAfterSeconds: number };

/** Counts one post of `kind` by the account; the refusal when a limit is reached. */
export async function checkPostingRate(db: Kysely<Database>, accountId: string, kind: 'thread' | 'reply', now = Date.now()): Promise<RateRefusal | undefined> {
  const rules: Array<keyof typeof boardRateRules> = kind === 'thread' ? ['threadBurst', 'threadDaily'] : ['reply'];
  for (const rule of rules) {
    const result = await hitRateLimit(db, boardRateRules[rule], accountId, now);
    if (!result.allowed) return { rule, retryAfterSeconds: result.retryAfterSeconds };
  }
  return undefined;
}

/** The refusal in the member's words: which limit, why, and when they may post again. */
export function rateRefusalText(ctx: PageContext, refusal: RateRefusal): string {
  const wait = formatWait(ctx, refusal.retryAfterSeconds);
  switch (refusal.rule) {
    case 'threadBurst':
      return ctx.tFormat(
        `新しいスレッドは15秒に1件まで作成できます。${wait}後にもう一度「投稿する」を押してください。入力した内容はそのまま残っています。`,
        `You can start one thread every 15 seconds. Press “Post” again in ${wait}; what you wrote is kept.`,
      );
    case 'threadDaily':
      return ctx.tFormat(
        `新しいスレッドは1日に20件まで作成できます（荒らしや誤操作の連続投稿を防ぐための上限です）。${wait}後に作成できます。入力した内容はそのまま残っています。`,
        `You can start at most 20 threads a day (a limit against floods and repeated mistakes). You can start another in ${wait}; what you wrote is kept.`,
      );
    case 'reply':
      return ctx.tFormat(
        `返信は5秒に1件まで投稿できます。${wait}後にもう一度「返信する」を押してください。入力した内容はそのまま残っています。`,
        `You can reply once every 5 seconds. Press “Reply” again in ${wait}; what you wrote is kept.`,
      );
  }
}
