import type { Context } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { langFromHeader, type Lang } from '../i18n/lang.ts';

/** The client's address. X-Forwarded-For is believed only behind a configured proxy (its last hop). */
export function clientAddress(forwardedFor: string | null | undefined, socket: () => string | undefined, trustProxy: boolean): string {
  if (trustProxy) {
    const hops = (forwardedFor ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (hops.length) return hops[hops.length - 1];
  }
  try {
    return socket() || 'unknown';
  } catch {
    return 'unknown'; // in-process requests (tests) have no socket
  }
}

/** The client's address of a Hono request (pages call clientAddress with Astro's headers and socket). */
export const clientIp = (c: Context, trustProxy: boolean) =>
  clientAddress(c.req.header('x-forwarded-for'), () => getConnInfo(c).remote.address, trustProxy);

/** API language: ?lang=en, else Accept-Language, else Chinese. */
export function apiLang(c: Context): Lang {
  const q = c.req.query('lang');
  if (q === 'en' || q === 'zh') return q;
  return langFromHeader(c.req.header('accept-language'));
}

/** The status actually sent: pages are written by Astro straight to the socket, so Hono's own response does not know it. */
export function responseStatus(c: Context): number {
  const outgoing = (c.env as Partial<HttpBindings> | undefined)?.outgoing;
  return outgoing?.headersSent ? outgoing.statusCode : c.res.status;
}
