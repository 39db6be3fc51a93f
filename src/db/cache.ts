// A small per-database cache for reads of data that changes rarely (master data, published
// figures). Each app instance keeps its own copy for `ttlMs`; with several instances on one
// PostgreSQL a change becomes visible everywhere within that time, which is acceptable for these
// reads and keeps them off the hot path of every request.
export function cachedPerDatabase<Db extends object, T>(ttlMs: number, load: (db: Db) => Promise<T>): (db: Db) => Promise<T> {
  const entries = new WeakMap<Db, { value: Promise<T>; expires: number }>();
  return (db) => {
    const now = Date.now();
    const hit = entries.get(db);
    if (hit && hit.expires > now) return hit.value;
    const value = load(db);
    entries.set(db, { value, expires: now + ttlMs });
    // A failed load must not be served from the cache.
    value.catch(() => entries.delete(db));
    return value;
  };
}
