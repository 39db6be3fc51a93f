// A full garbage collection once an instance falls quiet after its memory has grown, then the freed
// native memory handed back to the system. Why: under load V8 lets the heap grow (garbage of
// thousands of requests, and the Buffers it still points to) and, in a server that then sits idle,
// nothing triggers the collection that would give it back — measured with the bench volume: 164 MB
// of heap used and 82 MB of Buffers 60 s after the load, against about 85 MB and 30 MB live. One
// collection (about 0.1 s) when no request has come for a while frees it. glibc then keeps most of
// what was freed (in holes between live blocks) until malloc_trim(0) asks it to give whole free
// pages back: measured at rest after the bench, 269 MB resident before the trim, 206 MB after.
// The signal is growth of resident memory since the last collection, not a number of requests: a
// spell of slow pages (a few hundred searches) grows memory as much as thousands of fast ones.
// The collection needs `--expose-gc` (src/instance-settings.ts); without it (tests through tsx)
// nothing happens. The trim needs the small addon in native/malloc-trim (built by `npm install`;
// optional: where it could not be built, or off glibc, only the collection is made).
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';

export interface IdleCollectionOptions {
  /** Quiet time after the last response before collecting. */
  quietMs?: number;
  /** Growth of resident memory since the last collection that makes one worth it. */
  minGrowthBytes?: number;
  /** The collector (tests pass their own); globalThis.gc by default. */
  collect?: () => void;
  /** Gives freed native memory back to the system (tests pass their own); glibc's malloc_trim by default. */
  release?: () => void;
  /** Resident memory now (tests pass their own); process.memoryUsage.rss by default. */
  residentBytes?: () => number;
}

/** glibc's malloc_trim(0) through native/malloc-trim, when the addon was built. */
export function loadMallocTrim(): (() => boolean) | undefined {
  try {
    return (createRequire(import.meta.url)('renkei-malloc-trim') as { trim: () => boolean }).trim;
  } catch {
    return undefined;
  }
}

export function collectGarbageWhenIdle(app: FastifyInstance, options: IdleCollectionOptions = {}): void {
  const collect = options.collect ?? (globalThis as { gc?: () => void }).gc;
  if (!collect) return;
  const release = options.release ?? loadMallocTrim();
  const residentBytes = options.residentBytes ?? (() => process.memoryUsage.rss());
  const quietMs = options.quietMs ?? 10_000;
  const minGrowthBytes = options.minGrowthBytes ?? 24 * 1024 * 1024;
  let lastResponseAt = 0;
  // What the instance holds when it starts serving, then after each collection and trim.
  let baseline = residentBytes();
  let releaseDue = false;
  // A response only notes the time (no timer per request); one check, a few times per quiet period.
  const check = setInterval(() => {
    if (releaseDue) {
      // One check after the collection: V8 frees the memory behind dead Buffers on background
      // threads once the collection itself has returned.
      releaseDue = false;
      release?.();
      baseline = residentBytes();
      return;
    }
    if (Date.now() - lastResponseAt >= quietMs && residentBytes() - baseline >= minGrowthBytes) {
      collect();
      releaseDue = true;
    }
  }, Math.max(10, Math.floor(quietMs / 2)));
  check.unref();
  app.addHook('onResponse', async () => {
    lastResponseAt = Date.now();
  });
  app.addHook('onClose', async () => clearInterval(check));
}
