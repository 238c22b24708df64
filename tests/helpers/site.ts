/**
 * The built portal (Hono + Astro pages) in this process on a free port, for tests that need pages or raw HTTP
 * (TRACE, truncated bodies, odd paths). Needs `npm run build` first (npm test builds).
 */
import { request as httpRequest } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from '../../api/app.ts';
import { astroSite } from '../../api/site.ts';
import { testServices } from './services.ts';

export type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

export async function siteServer(env: Record<string, string> = {}, clock?: () => Date) {
  const services = testServices(env, clock);
  const { handler } = await import(pathToFileURL(resolve('dist/server/entry.mjs')).href);
  const app = createApp(services, astroSite(handler, resolve('dist/client')));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;

  /** One request through node:http (any method, any path, any bytes), never throwing on a reset: status 0. */
  function raw(method: string, path: string, opts: { headers?: Record<string, string>; body?: string | Buffer; truncate?: boolean; agent?: false } = {}): Promise<RawResponse> {
    return new Promise((done) => {
      const body = opts.body === undefined ? undefined : Buffer.from(opts.body);
      const headers: Record<string, string> = { origin: base, ...opts.headers };
      if (body && !opts.truncate) headers['content-length'] ??= String(body.length);
      if (body && opts.truncate) headers['content-length'] = String(body.length + 1000); // promise more than we send
      const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, agent: opts.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', () => done({ status: 0, headers: {}, body: '' }));
      });
      req.on('error', (e) => done({ status: 0, headers: {}, body: e.message }));
      if (opts.truncate) {
        req.write(body!);
        setTimeout(() => req.destroy(), 150); // the client goes away mid-body
        return;
      }
      req.end(body);
    });
  }
  const close = () => new Promise<void>((r) => { server.close(() => r()); (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.(); });
  return { services, app, base, port, raw, close };
}
