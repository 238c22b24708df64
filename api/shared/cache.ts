import type { Db } from '../../db/client.ts';

/**
 * A small memo for expensive public reads (statistics, map clusters): an entry lives `ttlMs`, and dies as soon as
 * anything is written through this connection (SQLite's total_changes()), so nobody sees stale figures after a write.
 */
export function writeAwareCache<T>(db: Db, ttlMs: number, max = 64) {
  const writes = db.$client.prepare('select total_changes()').pluck() as unknown as { get(): number };
  const entries = new Map<string, { until: number; writes: number; value: T }>();
  return (key: string, compute: () => T): T => {
    const hit = entries.get(key);
    const w = writes.get();
    if (hit && hit.until > Date.now() && hit.writes === w) return hit.value;
    const value = compute();
    if (entries.size >= max) entries.delete(entries.keys().next().value!);
    entries.set(key, { until: Date.now() + ttlMs, writes: w, value });
    return value;
  };
}
