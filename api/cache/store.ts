import { drops } from './rules.ts';
import type { Coding } from './negotiation.ts';
import type { Sent } from './variants.ts';
import { isTextual, MIN_COMPRESS_BYTES } from './bodies.ts';

/** A cached response: the identity body, its compressed variants made on first demand, headers to replay. */
export type Entry = {
  key: string;
  tags: readonly string[];
  status: number;
  headers: [string, string][];
  etag: string;
  body: Buffer;
  variants: Partial<Record<Coding, Buffer>>;
  /** Text of at least MIN_COMPRESS_BYTES: goes out compressed to a client that accepts it. */
  compressible: boolean;
  /** What a hit sends, per coding (api/cache/variants.ts). */
  sent: Partial<Record<Coding | 'identity', Sent>>;
  bytes: number;
  expires: number; // ms epoch
};

export type Draft = Omit<Entry, 'bytes' | 'variants' | 'sent' | 'compressible'>;

/** A rendered answer as an entry (kept by the store or sent once). */
export const toEntry = (d: Draft): Entry => ({
  ...d, variants: {}, sent: {}, bytes: d.body.byteLength + OVERHEAD,
  compressible: d.body.byteLength >= MIN_COMPRESS_BYTES && isTextual(d.headers.find(([k]) => k === 'content-type')?.[1]),
});

const OVERHEAD = 512; // key, headers, bookkeeping: a rough per-entry cost, so many tiny entries still count

/**
 * Least-recently-used entries bounded by bytes (bodies and variants). An index by tag finds what a change drops
 * without scanning; `agg` entries are the ones every case or drive change drops.
 */
export function createStore(maxBytes: number) {
  const entries = new Map<string, Entry>(); // insertion order = recency
  const byTag = new Map<string, Set<string>>();
  let bytes = 0;

  const remove = (key: string) => {
    const e = entries.get(key);
    if (!e) return;
    entries.delete(key);
    bytes -= e.bytes;
    for (const t of e.tags) {
      const keys = byTag.get(t);
      keys?.delete(key);
      if (keys?.size === 0) byTag.delete(t);
    }
  };
  const evict = () => {
    while (bytes > maxBytes && entries.size) remove(entries.keys().next().value!);
  };

  return {
    get(key: string, now: number): Entry | undefined {
      const e = entries.get(key);
      if (!e) return undefined;
      if (e.expires <= now) { remove(key); return undefined; }
      entries.delete(key);
      entries.set(key, e);
      return e;
    },
    set(e: Draft): Entry | undefined {
      remove(e.key);
      const entry = toEntry(e);
      if (entry.bytes > maxBytes / 8) return undefined; // one export must not push out everything else
      entries.set(e.key, entry);
      bytes += entry.bytes;
      for (const t of e.tags) {
        let keys = byTag.get(t);
        if (!keys) byTag.set(t, (keys = new Set()));
        keys.add(e.key);
      }
      evict();
      return entries.get(e.key);
    },
    /** Keeps a compressed variant with its entry (counted in the bound). */
    addVariant(e: Entry, coding: Coding, body: Buffer) {
      if (entries.get(e.key) !== e || e.variants[coding]) return;
      e.variants[coding] = body;
      e.bytes += body.byteLength;
      bytes += body.byteLength;
      evict();
    },
    /** Drops what the changes show; returns how many entries went. */
    invalidate(changes: Iterable<string>): number {
      let n = 0;
      for (const change of changes) {
        if (change === 'all') { n += entries.size; this.clear(); return n; }
        const hit = new Set([...(byTag.get(change) ?? []), ...((change.startsWith('case:') || change === 'drives') ? byTag.get('agg') ?? [] : [])]);
        for (const key of hit) {
          const e = entries.get(key);
          if (e && drops(change, e.tags)) { remove(key); n++; }
        }
      }
      return n;
    },
    clear() { entries.clear(); byTag.clear(); bytes = 0; },
    stats: () => ({ entries: entries.size, bytes }),
  };
}

export type Store = ReturnType<typeof createStore>;
