// How often a member may save a PR page and upload its photos, kept in the database
// (src/db/rate-limit.ts, as the board's limits) so that they hold across every instance. Twenty
// saves in 10 minutes leave a person room to save, spot a typo and save again at once (a limit of
// one save per 5 s refused exactly that), and stop a script or a held-down key;
// each photo is decoded and re-encoded twice (sharp), so photos are bounded per hour: 30 fill a
// page of 8 several times over. The secretariat is exempt, as on the board.
import type { Kysely } from 'kysely';
import { hitRateLimit, type RateLimitRule } from '../../db/rate-limit.ts';
import type { Database } from '../../db/schema.ts';
import type { PageContext } from '../../views/context.ts';
import { formatWait } from '../../views/format.ts';

export const prRateRules = {
  save: { name: 'pr:save', limit: 20, windowMs: 600_000 },
  photoHourly: { name: 'pr:photo-hour', limit: 30, windowMs: 3_600_000 },
} as const satisfies Record<string, RateLimitRule>;

const saveWindowMinutes = prRateRules.save.windowMs / 60_000;

export type PrRateRefusal = { rule: keyof typeof prRateRules; retryAfterSeconds: number };

/** Counts one save (or one uploaded photo) by the account; the refusal when the limit is reached. */
export async function checkPrRate(db: Kysely<Database>, accountId: string, rule: keyof typeof prRateRules, now = Date.now()): Promise<PrRateRefusal | undefined> {
  const result = await hitRateLimit(db, prRateRules[rule], accountId, now);
  return result.allowed ? undefined : { rule, retryAfterSeconds: result.retryAfterSeconds };
}

/** The refusal in the member's words: which limit, and when to try again; the input is kept. */
export function prRateRefusalText(ctx: PageContext, refusal: PrRateRefusal): string {
  const wait = formatWait(ctx, refusal.retryAfterSeconds);
  switch (refusal.rule) {
    case 'save':
      return ctx.tFormat(
        `PRページの保存は${saveWindowMinutes}分間に${prRateRules.save.limit}回までです。${wait}後にもう一度「保存して公開する」を押してください。入力した内容はそのまま残っています。`,
        `You can save the PR page at most ${prRateRules.save.limit} times in ${saveWindowMinutes} minutes. Press “Save and publish” again in ${wait}; your input is kept.`,
      );
    case 'photoHourly':
      return ctx.tFormat(
        `写真のアップロードは1時間に${prRateRules.photoHourly.limit}枚までです。${wait}後に写真を選び直して保存してください。入力した内容と、受け付け済みの写真はそのまま残っています（ページはまだ保存されていません）。`,
        `You can upload at most ${prRateRules.photoHourly.limit} photos an hour. Choose the photo again in ${wait} and save; your input and the photos already accepted are kept (the page is not saved yet).`,
      );
  }
}
