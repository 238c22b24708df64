import type { Db } from '../../db/client.ts';

/**
 * A stamp that changes whenever anything is committed to the database, by this connection (total_changes()) or by
 * any other connection or process (PRAGMA data_version: a rolling restart, `npm run staff`, a backup).
 */
export function writeStamp(db: Db): () => string {
  const own = db.$client.prepare('select total_changes()').pluck() as unknown as { get(): number };
  const others = db.$client.prepare('pragma data_version').pluck() as unknown as { get(): number };
  return () => `${others.get()}.${own.get()}`;
}

/** Only other connections' commits (for memos this process already drops on its own writes). */
export function othersStamp(db: Db): () => number {
  const others = db.$client.prepare('pragma data_version').pluck() as unknown as { get(): number };
  return () => others.get();
}

/**
 * A small memo for expensive public reads (statistics, map clusters): an entry lives `ttlMs`, and dies as soon as
 * anything is written to the database by any process, so nobody sees stale figures after a write.
 */
export function writeAwareCache<T>(db: Db, ttlMs: number, max = 64) {
  const stamp = writeStamp(db);
  const entries = new Map<string, { until: number; writes: string; value: T }>();
  return (key: string, compute: () => T): T => {
    const hit = entries.get(key);
    const w = stamp();
    if (hit && hit.until > Date.now() && hit.writes === w) return hit.value;
    const value = compute();
    if (entries.size >= max) entries.delete(entries.keys().next().value!);
    entries.set(key, { until: Date.now() + ttlMs, writes: w, value });
    return value;
  };
}
