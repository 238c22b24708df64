import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import type { Log } from './log.ts';
import { responseStatus } from './http.ts';

/** The request's id: the client's X-Request-Id (word characters, dots and dashes, 64 at most) or a new one. */
export function requestIdOf(given: string | string[] | undefined): string {
  const clean = typeof given === 'string' ? given.replace(/[^\w.-]/g, '').slice(0, 64) : '';
  return clean || randomUUID();
}

/** The one line a request leaves (also written by the cache's hit path, api/cache/hit-path.ts). */
export function logRequest(log: Log, requestId: string, method: string, path: string, status: number, started: number) {
  if (status < 500 && !log.isLevelEnabled('info')) return; // LOG_LEVEL=warn: not even the line's object is built
  const line = { requestId, method, path: path.slice(0, 200), status, ms: Math.round(performance.now() - started) };
  if (status >= 500) log.error(line, 'request');
  else log.info(line, 'request');
}

/**
 * One log line per request: id (X-Request-Id, echoed back), method, path without the query (follow codes, phone
 * numbers and names travel in queries and bodies, never logged), status, milliseconds. A 500 names its request id.
 */
export const requestLog = (log: Log): MiddlewareHandler => async (c, next) => {
  const id = requestIdOf(c.req.header('x-request-id'));
  c.set('requestId', id);
  const outgoing = (c.env as Partial<HttpBindings> | undefined)?.outgoing;
  if (outgoing) outgoing.setHeader('X-Request-Id', id); // pages: Astro writes the response itself
  const started = performance.now();
  try {
    await next();
  } finally {
    if (!outgoing) c.header('X-Request-Id', id);
    logRequest(log, id, c.req.method, c.req.path, responseStatus(c), started);
  }
};
