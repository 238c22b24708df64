// In-memory counters for sign-in throttling (one process, as the rest of the rate limits).
// They use the service clock, so tests move time forward instead of waiting.

const MAX_KEYS = 10_000; // beyond this, expired entries are swept before adding more

type Window = { count: number; resetAt: number };

/** At most `limit` failures per key in a fixed window that starts with the first failure. */
export function createFailureWindow(clock: () => Date, limit: number, windowMs: number) {
  const windows = new Map<string, Window>();
  const live = (key: string, now: number) => {
    const w = windows.get(key);
    if (w && w.resetAt <= now) windows.delete(key);
    return w && w.resetAt > now ? w : undefined;
  };
  return {
    /** Milliseconds until the key may try again; 0 when it may try now. */
    blockedFor(key: string): number {
      const now = clock().getTime();
      const w = live(key, now);
      return w && w.count >= limit ? w.resetAt - now : 0;
    },
    /** Counts a failure; true when it is the one that reaches the limit. */
    hit(key: string): boolean {
      const now = clock().getTime();
      if (windows.size >= MAX_KEYS) for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
      const w = live(key, now) ?? { count: 0, resetAt: now + windowMs };
      w.count += 1;
      windows.set(key, w);
      return w.count === limit;
    },
  };
}

type Lock = { failed: number; lockedUntil: number };

/**
 * The same consecutive-failure lock the staff table keeps (failedLogins/lockedUntil), for usernames
 * that do not exist: an unknown name locks on the same attempt a real one does, so locking reveals nothing.
 */
export function createGhostLocks(clock: () => Date, maxFailures: number, lockMs: number) {
  const locks = new Map<string, Lock>();
  return {
    lockedFor(name: string): number {
      const l = locks.get(name);
      return l ? Math.max(0, l.lockedUntil - clock().getTime()) : 0;
    },
    /** Counts a failure; true when this failure locks the name. */
    fail(name: string): boolean {
      const now = clock().getTime();
      if (locks.size >= MAX_KEYS) for (const [k, l] of locks) if (l.lockedUntil <= now) locks.delete(k); // bounded memory beats perfect mimicry
      const l = locks.get(name) ?? { failed: 0, lockedUntil: 0 };
      l.failed += 1;
      const locked = l.failed >= maxFailures;
      if (locked) Object.assign(l, { failed: 0, lockedUntil: now + lockMs });
      locks.set(name, l);
      return locked;
    },
  };
}
