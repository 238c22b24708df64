/** What every request goes through before any other check: one canonical path, known methods, bodies that parse or 400. */
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from './errors.ts';

const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * The one form of a request path every check and every router sees: `//` collapsed. Returns null for forms that are
 * never legitimate here (encoded slashes, backslashes, control characters, dot segments that survived parsing).
 */
export function normalisePath(path: string): string | null {
  if (/%2f|%5c|%00|\\|[\u0000-\u001f\u007f]/i.test(path)) return null;
  const clean = path.replace(/\/{2,}/g, '/');
  if (/(^|\/)\.{1,2}(\/|$)|(^|\/)%2e/i.test(clean)) return null;
  return clean;
}

/**
 * First middleware of the app. An odd path is refused (or, for a GET, redirected to its one form) before the CSRF,
 * staff and rate checks run, so `/en//staff/…` can never slip past a prefix test. TRACE and friends: 405.
 */
export const canonicalRequest = (fail: (c: Context, e: AppError) => Response): MiddlewareHandler => async (c, next) => {
  if (!KNOWN_METHODS.has(c.req.method)) {
    c.header('Allow', 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
    return fail(c, new AppError(405, 'method_not_allowed'));
  }
  const url = new URL(c.req.url);
  const clean = normalisePath(url.pathname);
  if (clean === null) return fail(c, new AppError(400, 'invalid_path'));
  if (clean !== url.pathname) {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return fail(c, new AppError(404, 'not_found'));
    return c.redirect(clean + url.search, 308);
  }
  guardBody(c);
  await next();
};

const BODY_READERS = ['parseBody', 'formData', 'json', 'text', 'arrayBuffer', 'blob'] as const;

/** A body that does not parse (broken multipart, bad JSON, a client gone mid-upload) is the client's 400, not our 500. */
function guardBody(c: Context) {
  const req = c.req as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
  for (const name of BODY_READERS) {
    const read = req[name].bind(c.req);
    req[name] = (...args: unknown[]) => read(...args).catch((e: unknown) => {
      if (e instanceof Error && (e.name === 'BodyLimitError' || 'status' in e)) throw e; // size limits keep their 413
      throw new AppError(400, 'invalid_input');
    });
  }
}

/** `request` with its body counted as it streams: past `maxBytes` the body fails with a 413 for whoever reads it. */
export function countedBody(request: Request, maxBytes: number): Request {
  if (!request.body) return request;
  let size = 0;
  const count = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, out) {
      size += chunk.byteLength;
      if (size > maxBytes) out.error(new AppError(413, 'body_too_large'));
      else out.enqueue(chunk);
    },
  });
  return new Request(request, { body: request.body.pipeThrough(count), duplex: 'half' } as RequestInit);
}
