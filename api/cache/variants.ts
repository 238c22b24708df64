import type { Coding } from './negotiation.ts';
import { pickCoding } from './negotiation.ts';
import { compress, variantTag } from './bodies.ts';
import { isPagePath } from './rules.ts';
import type { Entry, Store } from './store.ts';

export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

/** What a hit sends for one coding of an entry, worked out once (first hit) and then replayed as it is. */
export type Sent = {
  etag: string;
  body: Buffer;
  /** The 200's headers (lower-case names): the stored ones, ETag, Vary, Cache-Control, X-Cache, coding and length. */
  headers: Record<string, string>;
  /** A 304's: the same without Content-Encoding and Content-Length. */
  notModified: Record<string, string>;
};

const varyOf = (path: string) => (isPagePath(path) ? 'Accept-Encoding' : 'Accept-Encoding, Accept-Language');

/** The path an entry was stored under (its key is `lang|path?query`). */
const pathOfKey = (key: string) => key.slice(key.indexOf('|') + 1).split('?')[0]!;

/** The coding an entry goes out in for this Accept-Encoding (small or binary bodies: as they are). */
export const codingFor = (e: Entry, acceptEncoding: string | undefined | null): Coding | null =>
  e.compressible ? pickAccepted(acceptEncoding) : null;

// Browsers send a handful of distinct Accept-Encoding values: parse each once.
const accepted = new Map<string, Coding | null>();
function pickAccepted(header: string | undefined | null): Coding | null {
  if (!header) return null;
  let c = accepted.get(header);
  if (c === undefined) {
    c = pickCoding(header);
    if (accepted.size >= 64) accepted.clear();
    accepted.set(header, c);
  }
  return c;
}

/**
 * The record for `coding` of `e`, built on first use and kept on the entry (the body compressed then: at store
 * effort for an entry the cache keeps, fast for a one-off answer).
 */
export function sentFor(store: Store, e: Entry, coding: Coding | null, effort: 'store' | 'fast' = 'store'): Sent {
  const slot = coding ?? 'identity';
  const have = e.sent[slot];
  if (have) return have;
  const etag = variantTag(e.etag, coding);
  const headers: Record<string, string> = {};
  for (const [k, v] of e.headers) headers[k] = v;
  headers['etag'] = etag;
  headers['vary'] = varyOf(pathOfKey(e.key));
  headers['cache-control'] ??= PUBLIC_CACHE_CONTROL;
  headers['x-cache'] = 'hit';
  const notModified = { ...headers };
  let body = e.body;
  if (coding) {
    body = e.variants[coding] ?? compress(e.body, coding, effort);
    store.addVariant(e, coding, body);
    headers['content-encoding'] = coding;
  }
  headers['content-length'] = String(body.byteLength);
  return (e.sent[slot] = { etag, body, headers, notModified });
}
