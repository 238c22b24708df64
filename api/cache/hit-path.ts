import { createServer, type IncomingMessage, type RequestListener, type ServerOptions, type ServerResponse } from 'node:http';
import type { Log } from '../shared/log.ts';
import { logRequest, requestIdOf } from '../shared/request-log.ts';
import { langFromHeader } from '../i18n/index.ts';
import { SESSION_COOKIE } from '../staff/sessions.ts';
import type { ResponseCache } from './middleware.ts';
import { isPagePath } from './rules.ts';
import { notModified } from './negotiation.ts';
import { codingFor, sentFor, type Sent } from './variants.ts';

// Only plain request targets are answered here: no percent-escapes, `//`, dot segments or characters a URL parser
// would rewrite, so the key is the one the app computes after api/shared/request-guards.ts. Anything else: the app.
const PLAIN_PATH = /^\/[\w\-.~/]*$/;
const PLAIN_QUERY = /^[\w\-.~%&=,+:]*$/;

/** The cache key of a plain GET/HEAD target, as responseCache (api/cache/middleware.ts) builds it; null otherwise. */
export function hitKey(url: string, acceptLanguage: string | undefined): string | null {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const query = q < 0 ? '' : url.slice(q + 1);
  if (!PLAIN_PATH.test(path) || path.includes('//') || path.includes('/.') || !PLAIN_QUERY.test(query)) return null;
  return `${isPagePath(path) ? '' : langOf(query, acceptLanguage)}|${path}${query ? `?${query}` : ''}`;
}

/** api/shared/http.ts apiLang without a Hono context: ?lang=en|zh, else Accept-Language. */
function langOf(query: string, acceptLanguage: string | undefined) {
  const q = query.includes('lang=') ? new URLSearchParams(query).get('lang') : null;
  return q === 'en' || q === 'zh' ? q : langFromHeader(acceptLanguage);
}

type Ready = { headers: Record<string, string>; notModified: Record<string, string> };
const withSecurity = new WeakMap<Sent, Ready>();

/**
 * Answers a public cache hit straight on the Node response, before Hono, the middleware and the Request/Response
 * objects: a hit's headers (the entry's own, the security headers the app adds, ETag, Vary, Cache-Control, coding,
 * length) were put together once, when the entry was first sent. What it does not answer goes to `next` (the app),
 * which behaves as before: misses, other methods, odd targets, and every request carrying a staff session cookie
 * (a signed-in staff member never gets a public entry).
 */
export function hitPath(cache: ResponseCache, security: Record<string, string>, log: Log, next: RequestListener): RequestListener {
  if (!cache.enabled) return next;
  const ready = (sent: Sent): Ready => {
    let r = withSecurity.get(sent);
    if (!r) withSecurity.set(sent, (r = { headers: { ...security, ...sent.headers }, notModified: { ...security, ...sent.notModified } }));
    return r;
  };
  const answer = (req: IncomingMessage, res: ServerResponse): boolean => {
    const started = performance.now();
    const h = req.headers;
    if (h.cookie?.includes(SESSION_COOKIE)) return false;
    const key = hitKey(req.url ?? '', h['accept-language']);
    if (!key) return false;
    cache.sync(); // another process's write drops its entries before this read
    const e = cache.store.get(key, cache.now());
    if (!e) return false;
    const sent = sentFor(cache.store, e, codingFor(e, h['accept-encoding']));
    const fresh = h['if-none-match'] !== undefined && notModified(h['if-none-match'], sent.etag);
    const id = requestIdOf(h['x-request-id']);
    const r = ready(sent);
    const status = fresh ? 304 : e.status;
    // One object to writeHead and no setHeader before it: Node then writes the head in one go (its fast case).
    res.writeHead(status, { ...(fresh ? r.notModified : r.headers), 'x-request-id': id });
    if (fresh || req.method === 'HEAD') res.end();
    else res.end(sent.body);
    logRequest(log, id, req.method!, key.slice(key.indexOf('|') + 1).split('?')[0]!, status, started);
    return true;
  };
  return (req, res) => {
    if (req.method === 'GET' || req.method === 'HEAD') {
      try {
        if (answer(req, res)) return;
      } catch (err) {
        log.error({ err }, 'response cache hit path');
        if (res.headersSent) { res.destroy(); return; }
      }
    }
    next(req, res);
  };
}

/** For @hono/node-server's `serve({ createServer })`: a Node server whose requests meet the hit path first. */
export const hitPathServer = (cache: ResponseCache, security: Record<string, string>, log: Log) =>
  ((options: ServerOptions, listener: RequestListener) => createServer(options, hitPath(cache, security, log, listener))) as unknown as typeof createServer;
