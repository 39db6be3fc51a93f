// The job queue kept in the database (migration 2026-12-08T1040): work that must not block a
// request (mail above all), retried with exponential backoff, done once even when several app
// instances run the worker.
//
// How "once" holds:
// - enqueue: a job may carry a dedupe key, unique in the table; enqueueing it again does nothing
//   (e.g. one digest per member and period, whichever instance thinks of it first).
// - claim: PostgreSQL takes due rows with `FOR UPDATE SKIP LOCKED` inside the claiming UPDATE, so
//   two instances never take the same row and never wait for each other. SQLite has one writer
//   at a time: the same conditional UPDATE … RETURNING runs as one write, which is enough.
// - lease: a claimed job is `running` until locked_until. An instance killed mid-job leaves it
//   so; after the lease any instance claims it again (attempts counts it). A handler is cut off
//   well before its lease ends (handlerTimeout), so a slow but live instance is not overtaken.
//   What remains is the usual limit of any queue in front of SMTP: an instance that dies after the
//   server accepted a mail but before it recorded `done` sends that mail again after the lease.
// - complete/fail only touch the row while this worker still holds it (locked_by).
import { randomBytes, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database, JobStatus } from './schema.ts';

export interface EnqueueOptions {
  /** Not before this time (default: now). */
  runAt?: Date;
  /** At most one job with this key, ever. */
  dedupeKey?: string;
  /** Attempts before the job is given up as dead (default 6: about 2 hours of backoff). */
  maxAttempts?: number;
}

/** Adds a job; false when a job with the same dedupe key exists. `db` may be a transaction. */
export async function enqueueJob(db: Kysely<Database>, kind: string, payload: unknown, options: EnqueueOptions = {}): Promise<boolean> {
  const now = new Date().toISOString();
  const result = await db
    .insertInto('jobs')
    .values({
      id: randomUUID(),
      kind,
      payload: JSON.stringify(payload ?? {}),
      dedupe_key: options.dedupeKey ?? null,
      status: 'queued',
      run_at: (options.runAt ?? new Date()).toISOString(),
      locked_until: null,
      locked_by: null,
      ...(options.maxAttempts ? { max_attempts: options.maxAttempts } : {}),
      created_at: now,
      updated_at: now,
      finished_at: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Cancels the jobs with these dedupe keys that have not started; running ones finish. */
export async function cancelQueuedJobs(db: Kysely<Database>, dedupeKeys: readonly string[]): Promise<number> {
  let cancelled = 0;
  const now = new Date().toISOString();
  for (let i = 0; i < dedupeKeys.length; i += 500) {
    const result = await db
      .updateTable('jobs')
      .set({ status: 'cancelled', finished_at: now, updated_at: now })
      .where('dedupe_key', 'in', dedupeKeys.slice(i, i + 500))
      .where('status', '=', 'queued')
      .executeTakeFirst();
    cancelled += Number(result.numUpdatedRows);
  }
  return cancelled;
}

export interface ClaimedJob {
  id: string;
  kind: string;
  payload: unknown;
  /** This attempt's number, from 1. */
  attempt: number;
  maxAttempts: number;
  dedupeKey: string | null;
}

export interface ClaimOptions {
  workerId: string;
  batch?: number;
  leaseMs?: number;
  now?: Date;
}

export const defaultLeaseMs = 5 * 60_000;

/** Takes up to `batch` due jobs (queued and due, or running with an expired lease) for this worker. */
export async function claimJobs(db: Kysely<Database>, { workerId, batch = 10, leaseMs = defaultLeaseMs, now = new Date() }: ClaimOptions): Promise<ClaimedJob[]> {
  const nowIso = now.toISOString();
  let due = db
    .selectFrom('jobs')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', nowIso)]),
        eb.and([eb('status', '=', 'running'), eb('locked_until', '<', nowIso), eb('attempts', '<', eb.ref('max_attempts'))]),
      ]),
    )
    .orderBy('run_at')
    .limit(batch);
  if (isPostgres(db)) due = due.forUpdate().skipLocked();
  const rows = await db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running' as JobStatus,
      locked_by: workerId,
      locked_until: new Date(now.getTime() + leaseMs).toISOString(),
      attempts: eb('attempts', '+', 1),
      updated_at: nowIso,
    }))
    .where('id', 'in', due)
    .returning(['id', 'kind', 'payload', 'attempts', 'max_attempts', 'dedupe_key'])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    payload: JSON.parse(r.payload) as unknown,
    attempt: Number(r.attempts),
    maxAttempts: Number(r.max_attempts),
    dedupeKey: r.dedupe_key,
  }));
}

export async function completeJob(db: Kysely<Database>, job: ClaimedJob, workerId: string, now = new Date()): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'done', locked_until: null, finished_at: now.toISOString(), updated_at: now.toISOString(), last_error: '' })
    .where('id', '=', job.id)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'running')
    .execute();
}

/** 30 s, 2 min, 8 min, 32 min, ~2 h, then at most 6 h between attempts. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000 * 4 ** Math.max(0, attempt - 1), 6 * 3_600_000);
}

/** Records a failed attempt: queued again after the backoff, or dead after the last attempt. */
export async function failJob(db: Kysely<Database>, job: ClaimedJob, workerId: string, error: string, now = new Date()): Promise<'retry' | 'dead'> {
  const dead = job.attempt >= job.maxAttempts;
  await db
    .updateTable('jobs')
    .set({
      status: dead ? 'dead' : 'queued',
      run_at: dead ? undefined : new Date(now.getTime() + backoffMs(job.attempt)).toISOString(),
      locked_until: null,
      last_error: error.slice(0, 2000),
      finished_at: dead ? now.toISOString() : null,
      updated_at: now.toISOString(),
    })
    .where('id', '=', job.id)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'running')
    .execute();
  return dead ? 'dead' : 'retry';
}

/** Jobs whose last lease expired after their last attempt (the instance died each time) are dead. */
async function buryExpired(db: Kysely<Database>, now: Date): Promise<void> {
  const nowIso = now.toISOString();
  await db
    .updateTable('jobs')
    .set({ status: 'dead', locked_until: null, finished_at: nowIso, updated_at: nowIso, last_error: sql<string>`${'リース切れ（処理中のインスタンスが停止）: '} || last_error` })
    .where('status', '=', 'running')
    .where('locked_until', '<', nowIso)
    .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
    .execute();
}

/** Does the job's work; throwing fails the attempt. */
export type JobHandler = (payload: unknown, job: ClaimedJob) => Promise<void>;
export type JobHandlers = Readonly<Record<string, JobHandler>>;

export interface PassOptions extends ClaimOptions {
  /** Claims until nothing is due, at most this many jobs in one pass. */
  maxJobs?: number;
}

export interface PassResult {
  done: number;
  retried: number;
  dead: number;
}

/** One pass of a worker: claims due jobs batch by batch and runs them until none is due. */
export async function runDueJobs(db: Kysely<Database>, handlers: JobHandlers, options: PassOptions): Promise<PassResult> {
  const { workerId, leaseMs = defaultLeaseMs, maxJobs = 500 } = options;
  const result: PassResult = { done: 0, retried: 0, dead: 0 };
  await buryExpired(db, options.now ?? new Date());
  for (let taken = 0; taken < maxJobs; ) {
    const jobs = await claimJobs(db, { ...options, batch: Math.min(options.batch ?? 10, maxJobs - taken) });
    if (jobs.length === 0) break;
    taken += jobs.length;
    for (const job of jobs) {
      const handler = handlers[job.kind];
      try {
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await withTimeout(handler(job.payload, job), Math.floor(leaseMs * 0.8));
        await completeJob(db, job, workerId);
        result.done++;
      } catch (error) {
        const outcome = await failJob(db, job, workerId, error instanceof Error ? error.message : String(error), options.now ?? new Date());
        if (outcome === 'dead') result.dead++;
        else result.retried++;
      }
    }
  }
  return result;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`job took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** A name for this process in locked_by: host, pid and a random part (pids repeat across hosts). */
export function newWorkerId(): string {
  return `${hostname().slice(0, 30)}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export interface JobWorker {
  /** Runs one pass now (also what the timer does); resolves when it is over. */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The worker loop: a pass every `intervalMs` (never two at once in one process), `beforePass`
 * first (e.g. enqueueing the digests that have come due). Started when the app is ready and
 * stopped, the pass in progress awaited, when it closes (see src/features/notifications/index.ts).
 */
export function startJobWorker(
  db: Kysely<Database>,
  handlers: JobHandlers,
  options: { intervalMs?: number; beforePass?: () => Promise<void>; onError: (error: unknown) => void; workerId?: string },
): JobWorker {
  const workerId = options.workerId ?? newWorkerId();
  let running: Promise<void> | undefined;
  let stopped = false;
  const runOnce = (): Promise<void> => {
    if (running) return running;
    running = (async () => {
      await options.beforePass?.();
      await runDueJobs(db, handlers, { workerId });
    })()
      .catch(options.onError)
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = setInterval(() => {
    if (!stopped) void runOnce();
  }, options.intervalMs ?? 10_000);
  timer.unref();
  return {
    runOnce,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

/** The secretariat's view of the queue: counts by kind and status, and the latest dead jobs. */
export async function jobOverview(db: Kysely<Database>, { deadLimit = 50 } = {}): Promise<{
  counts: Array<{ kind: string; status: JobStatus; count: number }>;
  dead: Array<{ id: string; kind: string; attempts: number; lastError: string; finishedAt: string | null; createdAt: string }>;
}> {
  const counts = await db
    .selectFrom('jobs')
    .select(['kind', 'status', (eb) => eb.fn.countAll<number>().as('count')])
    .where('status', 'in', ['queued', 'running', 'dead'])
    .groupBy(['kind', 'status'])
    .orderBy('kind')
    .orderBy('status')
    .execute();
  const dead = await db
    .selectFrom('jobs')
    .select(['id', 'kind', 'attempts', 'last_error', 'finished_at', 'created_at'])
    .where('status', '=', 'dead')
    .orderBy('finished_at', 'desc')
    .limit(deadLimit)
    .execute();
  return {
    counts: counts.map((c) => ({ kind: c.kind, status: c.status, count: Number(c.count) })),
    dead: dead.map((d) => ({ id: d.id, kind: d.kind, attempts: Number(d.attempts), lastError: d.last_error, finishedAt: d.finished_at, createdAt: d.created_at })),
  };
}

/** A dead job queued again now, with fresh attempts (the secretariat fixed the cause). */
export async function retryDeadJob(db: Kysely<Database>, id: string): Promise<boolean> {
  const now = new Date().toISOString();
  const result = await db
    .updateTable('jobs')
    .set({ status: 'queued', attempts: 0, run_at: now, finished_at: null, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'dead')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
