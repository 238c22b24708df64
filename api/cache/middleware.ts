import type { Context, MiddlewareHandler, Next } from 'hono';
import type { AppEnv } from '../env.ts';
import { apiLang } from '../shared/http.ts';
import { cachePolicy, isPagePath, type CachePolicy } from './rules.ts';
import { createStore, toEntry, type Draft, type Entry } from './store.ts';
import { changeFeed } from './changes.ts';
import { notModified } from './negotiation.ts';
import { compressResponse, readBody } from './respond.ts';
import { etagOf, withCharset, bodyInit } from './bodies.ts';
import { codingFor, sentFor, PUBLIC_CACHE_CONTROL } from './variants.ts';
import type { Db } from '../../db/client.ts';

export { PUBLIC_CACHE_CONTROL };
export const PRIVATE_CACHE_CONTROL = 'private, no-store';
// Headers that belong to one response, never replayed from the cache.
const NOT_STORED = new Set(['set-cookie', 'content-length', 'content-encoding', 'etag', 'vary', 'x-cache', 'date', 'cache-control', 'x-request-id']);

export type ResponseCacheOptions = { enabled: boolean; maxBytes: number; maxAgeMs: number; now?: () => number };

/** The process's response cache: entries, and the feed of other writers' changes. */
export function createResponseCache(db: Db, opts: ResponseCacheOptions) {
  const store = createStore(opts.maxBytes);
  const feed = changeFeed(db);
  const now = opts.now ?? Date.now;
  const sync = () => {
    const changed = feed.poll();
    if (changed === 'all') store.clear();
    else if (changed.length) store.invalidate(changed);
  };
  const inflight = new Map<string, Promise<Entry | undefined>>();
  return { store, feed, sync, now, inflight, ...opts };
}
export type ResponseCache = ReturnType<typeof createResponseCache>;

/** The query of a request URL as the cache keys it ('' for none or a bare '?'), without parsing the URL. */
export function searchOf(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return '';
  const hash = url.indexOf('#', q);
  const s = hash < 0 ? url.slice(q) : url.slice(q, hash);
  return s.length > 1 ? s : '';
}

/** Puts `res` in place of the route's answer (Hono's setter would copy the old answer's headers over the new ones). */
function answer(c: Context<AppEnv>, res: Response) {
  c.res = undefined as unknown as Response;
  c.res = res;
}

/** Answers from an entry: the variant the client accepts (compressed once, then kept), or 304 if it has it already. */
function fromEntry(c: Context<AppEnv>, cache: ResponseCache, e: Entry, state: 'hit' | 'miss' | 'bypass', effort: 'store' | 'fast' = 'store'): Response {
  const sent = sentFor(cache.store, e, codingFor(e, c.req.header('accept-encoding')), effort);
  const fresh = notModified(c.req.header('if-none-match'), sent.etag);
  const headers = { ...(fresh ? sent.notModified : sent.headers), 'x-cache': state };
  if (fresh) return new Response(null, { status: 304, headers });
  return new Response(c.req.method === 'HEAD' ? null : bodyInit(sent.body), { status: e.status, headers });
}

/**
 * Public GET/HEAD answers come from the cache when they can (keyed by path, query and language, dropped by the writes
 * that change them, whichever process wrote), get a strong ETag, and go out compressed; personal ones are marked
 * `private, no-store` and never kept. Every text response says charset=utf-8.
 */
export const responseCache = (cache: ResponseCache): MiddlewareHandler<AppEnv> => async (c, next) => {
  const method = c.req.method;
  const path = c.req.path;
  const policy: CachePolicy = method === 'GET' || method === 'HEAD'
    ? cachePolicy(path, { staff: !!c.var.staffSession, signed: c.req.query('sig') !== undefined })
    : { kind: 'pass' };
  if (policy.kind !== 'public') {
    await next();
    if (c.res.headers.get('x-hono-already-sent')) return; // npm run dev: Vite wrote the page itself
    if (policy.kind === 'private') c.res.headers.set('Cache-Control', PRIVATE_CACHE_CONTROL);
    // Staff answers carry a CSRF token next to text a visitor may choose: not compressed (BREACH).
    answer(c, await compressResponse(c.res, c.req.header('accept-encoding'), { allow: !c.var.staffSession }));
    return;
  }
  cache.sync();
  const key = `${isPagePath(path) ? '' : apiLang(c)}|${path}${searchOf(c.req.url)}`;
  if (cache.enabled) {
    const hit = cache.store.get(key, cache.now());
    if (hit) { answer(c, fromEntry(c, cache, hit, 'hit')); return; }
  }
  if (!cache.enabled || method !== 'GET') { await renderAndKeep(c, next, cache, key, policy.tags); return; }
  // One render per key at a time: readers arriving while a page renders (a shared link, a write that dropped the
  // aggregates) wait for it instead of rendering it again each.
  const rendering = cache.inflight.get(key);
  if (rendering) {
    const e = await rendering;
    if (e) { answer(c, fromEntry(c, cache, e, 'hit')); return; }
  }
  let done!: (e: Entry | undefined) => void;
  const flight = new Promise<Entry | undefined>((r) => { done = r; });
  if (!rendering) cache.inflight.set(key, flight);
  try {
    done(await renderAndKeep(c, next, cache, key, policy.tags));
  } finally {
    done(undefined);
    if (cache.inflight.get(key) === flight) cache.inflight.delete(key);
  }
};

/** Renders a public answer (the route's or the page's), keeps it if it may, and answers it. */
async function renderAndKeep(c: Context<AppEnv>, next: Next, cache: ResponseCache, key: string, tags: readonly string[]): Promise<Entry | undefined> {
  const method = c.req.method;
  const before = cache.feed.stamp();
  await next();
  const res = c.res;
  if (res.headers.get('x-hono-already-sent')) return undefined;
  if (res.status !== 200 || res.headers.has('set-cookie') || c.var.rateLimited) {
    if (res.status >= 400 && !res.headers.has('cache-control')) res.headers.set('Cache-Control', 'no-store');
    else if (res.headers.has('set-cookie')) res.headers.set('Cache-Control', PRIVATE_CACHE_CONTROL);
    answer(c, await compressResponse(res, c.req.header('accept-encoding'), { allow: true }));
    return undefined;
  }
  const read = await readBody(res, cache.maxBytes / 8);
  if (!read.complete) { // an export too big to keep: streamed on, compressed on the way
    const streamed = await compressResponse(read.response, c.req.header('accept-encoding'), { allow: true });
    streamed.headers.set('Cache-Control', res.headers.get('cache-control') ?? PUBLIC_CACHE_CONTROL);
    answer(c, streamed);
    return undefined;
  }
  const headers: [string, string][] = [];
  res.headers.forEach((v, k) => {
    if (k === 'cache-control') headers.push([k, v]); // a route's own (a frozen PDF: a day) is kept
    else if (!NOT_STORED.has(k)) headers.push([k, k === 'content-type' ? withCharset(v) : v]);
  });
  const draft: Draft = { key, tags, status: 200, headers, etag: etagOf(read.body), body: read.body, expires: cache.now() + cache.maxAgeMs };
  // Kept only if nothing was committed while it rendered (else it may show a state already gone) and not for HEAD.
  const kept = cache.enabled && method === 'GET' && cache.feed.stamp() === before ? cache.store.set(draft) : undefined;
  answer(c, fromEntry(c, cache, kept ?? toEntry(draft), cache.enabled ? 'miss' : 'bypass', kept ? 'store' : 'fast'));
  return kept;
}
