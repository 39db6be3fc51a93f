// How an instance's process is started (`npm start`, `npm run cluster`, the bench): settings that
// only take effect when given at the start of the process, chosen to keep one instance with the
// bench volume under 250 MB resident (measured with the bench; see README "Start").
// package.json's start script spells the same settings out (test/instance-settings.test.ts holds
// the two together).

/** glibc's allocator, read once at process start. */
export const instanceEnvironment: Readonly<Record<string, string>> = {
  // Two memory arenas instead of eight per core: compression in the thread pool otherwise keeps
  // memory it has freed in arenas of its own.
  MALLOC_ARENA_MAX: '2',
  // Fixed thresholds (glibc raises them by itself up to 32 MB after the first large frees, after
  // which freed memory stays with the process): blocks from 64 KB are mapped and given back when
  // freed, and free memory above 128 KB at the top of the heap is returned.
  MALLOC_MMAP_THRESHOLD_: '65536',
  MALLOC_TRIM_THRESHOLD_: '131072',
};

/**
 * V8: `--expose-gc` for src/idle-collection.ts (one collection when the instance falls quiet after
 * its memory has grown); a young generation of 4 MB semi-spaces instead of 16 MB. A request's garbage is short-lived
 * and small; the larger young generation mostly held memory after a burst (measured: same
 * requests/s, about 40 MB less resident after the load).
 */
export const instanceNodeFlags: readonly string[] = ['--max-semi-space-size=4', '--expose-gc'];
