// Harvesting the registered feeds: a feed is due when its next_fetch_at has passed. Each instance
// claims a due feed with one conditional UPDATE (lease_until = now + 5 minutes, only where no live
// lease is held): the row count says which instance won, so with several instances sharing one
// PostgreSQL each fetch happens once. The winner fetches (safe-fetch.ts), reads the CSV or iCal,
// and in one transaction adds new events, updates changed ones (keyed on feed + UID/NO/ID, or a
// stable digest when the file gives no key), marks every event of the feed with this fetch, and
// records the outcome on the feed (shown in the back office).
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { writeEvents } from '../commands.ts';
import { readIcal } from '../ical/read.ts';
import { parseEventCsv } from '../open-data/parse.ts';
import { contentHash, type EventInput } from '../record.ts';
import { insertEvent, updateEvent } from '../store.ts';
import { safeFetch } from './safe-fetch.ts';

export const leaseMs = 5 * 60 * 1000;

export interface HarvestOptions {
  allowHosts: readonly string[];
  now?: Date;
  timeoutMs?: number;
  maxBytes?: number;
}

export interface HarvestOutcome {
  feedId: string;
  ok: boolean;
  added: number;
  updated: number;
  error?: string;
}

type FeedRow = { id: string; url: string; format: 'csv' | 'ical'; local_government_code: string; interval_minutes: number };

/** Claims the feed for this instance if it is due and nobody holds it; true when this instance won. */
export async function claimFeed(db: Kysely<Database>, id: string, now: Date): Promise<boolean> {
  const nowIso = now.toISOString();
  const result = await db
    .updateTable('event_feeds')
    .set({ lease_until: new Date(now.getTime() + leaseMs).toISOString() })
    .where('id', '=', id)
    .where('active', '=', 1)
    .where('next_fetch_at', '<=', nowIso)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', nowIso)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** One pass of the scheduler: every due feed that this instance manages to claim. */
export async function harvestDueFeeds(db: Kysely<Database>, options: HarvestOptions): Promise<HarvestOutcome[]> {
  const now = options.now ?? new Date();
  const nowIso = now.toISOString();
  const due = await db
    .selectFrom('event_feeds')
    .select(['id', 'url', 'format', 'local_government_code', 'interval_minutes'])
    .where('active', '=', 1)
    .where('next_fetch_at', '<=', nowIso)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', nowIso)]))
    .orderBy('next_fetch_at')
    .limit(20)
    .execute();
  const outcomes: HarvestOutcome[] = [];
  for (const feed of due) {
    if (!(await claimFeed(db, feed.id, now))) continue;
    outcomes.push(await harvestClaimed(db, feed as FeedRow, options));
  }
  return outcomes;
}

const keyOf = (input: EventInput) => `sha256:${createHash('sha256').update(JSON.stringify([input.title, input.startsOn, input.venueName])).digest('hex').slice(0, 40)}`;

async function harvestClaimed(db: Kysely<Database>, feed: FeedRow, options: HarvestOptions): Promise<HarvestOutcome> {
  const fetchedAt = new Date().toISOString();
  const next = new Date(Date.now() + Number(feed.interval_minutes) * 60_000).toISOString();
  const finish = (outcome: HarvestOutcome) =>
    db
      .updateTable('event_feeds')
      .set({
        lease_until: null,
        next_fetch_at: next,
        last_fetched_at: fetchedAt,
        last_status: outcome.ok ? 'ok' : 'error',
        last_error: outcome.error ?? '',
        last_added: outcome.added,
        last_updated: outcome.updated,
        updated_at: fetchedAt,
      })
      .where('id', '=', feed.id)
      .execute()
      .then(() => outcome);
  const fail = (error: string) => finish({ feedId: feed.id, ok: false, added: 0, updated: 0, error });
  try {
    const fetched = await safeFetch(feed.url, { allowHosts: options.allowHosts, timeoutMs: options.timeoutMs, maxBytes: options.maxBytes });
    if (!fetched.ok) return await fail(fetched.error);
    let entries: Array<{ key: string; input: EventInput }>;
    let warning = '';
    if (feed.format === 'ical') {
      const text = new TextDecoder('utf-8').decode(fetched.bytes).replace(/^\uFEFF/, '');
      let read;
      try {
        read = readIcal(text, feed.local_government_code);
      } catch {
        return await fail('iCalendar として読めませんでした。');
      }
      entries = read.entries.map((e) => ({ key: e.uid, input: e.input }));
      if (read.skipped.length > 0) warning = `${read.skipped.length}件を読み飛ばしました：${read.skipped.slice(0, 3).join(' ')}`;
    } else {
      const known = new Set((await db.selectFrom('local_governments').select('code').execute()).map((r) => r.code));
      const parsed = parseEventCsv(fetched.bytes, { isKnownCode: (c) => known.has(c), defaultCode: feed.local_government_code });
      if (!parsed.ok) return await fail(`CSVに誤りがあります：${parsed.errors.slice(0, 3).map((e) => `${e.row}行目 ${e.column} ${e.message}`).join(' ')}`);
      entries = parsed.rows.map((r) => ({ key: r.key ?? keyOf(r.input), input: r.input }));
    }
    const { added, updated } = await writeEvents(db, async (trx) => {
      let added = 0;
      let updated = 0;
      const seen = new Set<string>();
      for (const { key, input } of entries) {
        if (seen.has(key)) continue;
        seen.add(key);
        const existing = await trx.selectFrom('events').select(['id', 'content_hash']).where('feed_id', '=', feed.id).where('external_uid', '=', key).executeTakeFirst();
        if (!existing) {
          await insertEvent(trx, input, { status: 'published', provenance: 'harvest', ownerCode: feed.local_government_code, actorId: null, feedId: feed.id, externalUid: key, fetchedAt, now: fetchedAt });
          added++;
        } else if (existing.content_hash !== contentHash(input)) {
          await updateEvent(trx, existing.id, input, { actorId: null, fetchedAt, now: fetchedAt });
          updated++;
        }
      }
      await trx.updateTable('events').set({ fetched_at: fetchedAt }).where('feed_id', '=', feed.id).execute();
      return { added, updated };
    });
    return await finish({ feedId: feed.id, ok: true, added, updated, ...(warning ? { error: warning } : {}) });
  } catch (error) {
    return fail(`取り込み中に問題が起きました（${error instanceof Error ? error.message.slice(0, 120) : String(error)}）。`);
  }
}
