import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** The security headers every answer carries (api/app.ts); a page's or route's own win (overwrite: false). */
export const SECURE_HEADERS = { xFrameOptions: 'DENY', crossOriginResourcePolicy: false, overwrite: false } as const;

/**
 * The headers SECURE_HEADERS adds to an answer that has none of them (lower-case names), as Hono's own middleware
 * sets them: the cache's hit path (api/cache/hit-path.ts) sends them without running the middleware.
 */
export async function secureHeaderDefaults(): Promise<Record<string, string>> {
  const probe = new Hono().use(secureHeaders(SECURE_HEADERS)).get('/', (c) => c.body(null, 204));
  const res = await probe.request('/');
  const out: Record<string, string> = {};
  res.headers.forEach((v, k) => { out[k] = v; });
  return out;
}
