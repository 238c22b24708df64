import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import type { Log } from './log.ts';
import { responseStatus } from './http.ts';

/**
 * One log line per request: id (X-Request-Id, echoed back), method, path without the query (follow codes, phone
 * numbers and names travel in queries and bodies, never logged), status, milliseconds. A 500 names its request id.
 */
export const requestLog = (log: Log): MiddlewareHandler => async (c, next) => {
  const given = (c.req.header('x-request-id') ?? '').replace(/[^\w.-]/g, '').slice(0, 64);
  const id = given || randomUUID();
  c.set('requestId', id);
  const outgoing = (c.env as Partial<HttpBindings> | undefined)?.outgoing;
  if (outgoing) outgoing.setHeader('X-Request-Id', id); // pages: Astro writes the response itself
  const started = performance.now();
  try {
    await next();
  } finally {
    if (!outgoing) c.header('X-Request-Id', id);
    const status = responseStatus(c);
    const line = { requestId: id, method: c.req.method, path: c.req.path.slice(0, 200), status, ms: Math.round(performance.now() - started) };
    if (status >= 500) log.error(line, 'request');
    else log.info(line, 'request');
  }
};
