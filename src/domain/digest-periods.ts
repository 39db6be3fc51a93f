// When notification digests go out: daily at 07:00 JST, weekly on Monday at 07:00 JST (before the
// working day starts in every municipality). Japan has no daylight saving time, so 07:00 JST is
// always 22:00 UTC the day before. Pure functions of an instant.

export type DigestFrequency = 'daily' | 'weekly';

const hour = 3_600_000;
const day = 24 * hour;
const week = 7 * day;
/** 22:00 UTC = 07:00 JST the next day. */
const dailyOffset = 22 * hour;
/** 1970-01-01 was a Thursday; Sunday 1970-01-04 22:00 UTC is Monday 07:00 JST. */
const weeklyOffset = 3 * day + 22 * hour;

export function digestPeriodLength(frequency: DigestFrequency): number {
  return frequency === 'daily' ? day : week;
}

/** The latest digest time at or before `now`: the digest sent then covers the period just ended. */
export function latestDigestTime(frequency: DigestFrequency, now: Date): Date {
  const [length, offset] = frequency === 'daily' ? [day, dailyOffset] : [week, weeklyOffset];
  return new Date(Math.floor((now.getTime() - offset) / length) * length + offset);
}

/** What a digest sent at `time` collects: notifications created in [from, to). */
export function digestWindow(frequency: DigestFrequency, time: Date): { from: Date; to: Date } {
  return { from: new Date(time.getTime() - digestPeriodLength(frequency)), to: time };
}
