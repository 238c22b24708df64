// The response cache's hit path (api/cache/hit-path.ts) answers public hits before Hono: what it sends must be what the
// app sends for the same entry (security headers included), and everything it must not answer reaches the app.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createApp } from '../../api/app.ts';
import { hitPath } from '../../api/cache/hit-path.ts';
import { secureHeaderDefaults } from '../../api/shared/secure-headers.ts';
import { logLines, signedIn, testServices } from '../helpers/services.ts';

const log = logLines();
const services = testServices({ LOG_LEVEL: 'info' }, undefined, log.stream);
const app = createApp(services);
let toApp = 0; // requests the hit path handed on to the app
const appListener = getRequestListener(app.fetch);
const server = createServer(hitPath(services.responseCache, await secureHeaderDefaults(), services.log, (req, res) => { toApp++; appListener(req, res); }));
server.listen(0, '127.0.0.1');
await once(server, 'listening');
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
after(() => { server.close(); services.close(); });

// Headers that belong to one response, not to the representation.
const OWN = new Set(['date', 'x-request-id', 'x-cache', 'connection', 'keep-alive']);
const comparable = (h: Headers) => Object.fromEntries([...h].filter(([k]) => !OWN.has(k)).sort());

async function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  const before = toApp;
  const res = await fetch(base + path, { method, headers });
  const body = Buffer.from(await res.arrayBuffer());
  return { res, body, viaApp: toApp > before };
}

const PATHS = ['/api/categories', '/open311/v2/services.json', '/api/categories?lang=en', '/open311/v2/requests.json?status=open'];
const CODINGS = [{ 'accept-encoding': 'identity' }, { 'accept-encoding': 'br, gzip' }, { 'accept-encoding': 'gzip' }];

test('a hit sends the headers and body of the miss that stored it, without going through the app', async () => {
  for (const path of PATHS) {
    for (const coding of CODINGS) {
      const miss = await get(path, coding);
      const hit = await get(path, coding);
      const label = `${path} ${JSON.stringify(coding)}`;
      assert.equal(miss.res.headers.get('x-cache'), coding === CODINGS[0] ? 'miss' : 'hit', label); // other codings: same entry
      assert.equal(hit.res.headers.get('x-cache'), 'hit', label);
      assert.equal(hit.viaApp, false, `${label}: answered before the app`);
      assert.deepEqual(comparable(hit.res.headers), comparable(miss.res.headers), label);
      assert.deepEqual(hit.body, miss.body, label);
      // Security headers the app adds are there on the hit too.
      for (const h of ['x-frame-options', 'x-content-type-options', 'referrer-policy', 'strict-transport-security']) assert.ok(hit.res.headers.get(h), `${label}: ${h}`);
      assert.match(hit.res.headers.get('x-request-id') ?? '', /^[\w-]{8,}$/);
    }
  }
});

test('a hit is the app\'s own hit, header for header, and its 304 too', async () => {
  const path = '/open311/v2/services.json';
  await get(path);
  for (const coding of CODINGS) {
    const fast = await get(path, coding);
    const viaHono = await app.request(path, { headers: coding });
    assert.equal(viaHono.headers.get('x-cache'), 'hit');
    assert.deepEqual(comparable(fast.res.headers), comparable(viaHono.headers), JSON.stringify(coding));
    const etag = fast.res.headers.get('etag')!;
    const again = await get(path, { ...coding, 'if-none-match': etag });
    assert.equal(again.res.status, 304);
    assert.equal(again.viaApp, false);
    assert.equal(again.body.byteLength, 0);
    const hono304 = await app.request(path, { headers: { ...coding, 'if-none-match': etag } });
    assert.equal(hono304.status, 304);
    assert.deepEqual(comparable(again.res.headers), comparable(hono304.headers));
  }
});

test('HEAD: the GET\'s headers, no body; X-Request-Id echoed; one log line without the query', async () => {
  const path = '/api/categories?lang=zh';
  const got = await get(path, { 'accept-encoding': 'br' });
  const head = await get(path, { 'accept-encoding': 'br', 'x-request-id': 'abc-123' }, 'HEAD');
  assert.equal(head.viaApp, false);
  assert.equal(head.body.byteLength, 0);
  assert.equal(head.res.headers.get('content-length'), got.res.headers.get('content-length'));
  assert.equal(head.res.headers.get('x-request-id'), 'abc-123');
  const line = log.lines.map((l) => JSON.parse(l)).find((l) => l.requestId === 'abc-123');
  assert.deepEqual({ method: line.method, path: line.path, status: line.status }, { method: 'HEAD', path: '/api/categories', status: 200 });
});

test('a staff session cookie, odd targets and other methods go to the app', async () => {
  const path = '/open311/v2/services.json';
  await get(path);
  assert.equal((await get(path)).viaApp, false);
  const staff = await signedIn(services, 'dispatcher');
  const asStaff = await get(path, { cookie: staff.headers.cookie });
  assert.equal(asStaff.viaApp, true);
  assert.notEqual(asStaff.res.headers.get('x-cache'), 'hit');
  assert.equal(asStaff.res.headers.get('cache-control'), 'private, no-store');
  // Any cookie jar holding the staff cookie, even beside others.
  assert.equal((await get(path, { cookie: `a=1; ${staff.headers.cookie}` })).viaApp, true);
  for (const odd of ['/open311//v2/services.json', '/open311/v2/%73ervices.json', '/open311/v2/services.json?q=%22x%22&a="b"']) {
    assert.equal((await get(odd)).viaApp, true, odd);
  }
  assert.equal((await get(path, {}, 'OPTIONS')).viaApp, true);
});

test('a write drops the entry at once: the next request renders again', async () => {
  const path = '/api/categories?lang=en';
  await get(path);
  assert.equal((await get(path)).res.headers.get('x-cache'), 'hit');
  // As another process (a CLI, a second server) would: straight into the change log, not through this process's app.
  services.db.$client.prepare(`insert into cache_changes(seq, tag) select (select coalesce(max(seq), 0) + 1 from cache_changes), 'all'
    where true on conflict(tag) do update set seq = excluded.seq`).run();
  const after = await get(path);
  assert.equal(after.viaApp, true);
  assert.equal(after.res.headers.get('x-cache'), 'miss');
});

test('the built server: a page\'s hit carries the miss\'s CSP and every security header; HEAD and 304 from the hit path', { timeout: 120_000 }, async () => {
  const { startServer } = await import('../helpers/server-process.ts');
  const server = await startServer({ port: 4512, dataDir: 'tests/.tmp/cache-hit-path-server' });
  try {
    for (const path of ['/', '/reports', '/en/stats', '/privacy', '/api/categories']) {
      for (const coding of CODINGS) {
        const miss = await fetch(server.base + path, { headers: coding });
        const hit = await fetch(server.base + path, { headers: coding });
        assert.equal(hit.headers.get('x-cache'), 'hit', path);
        assert.deepEqual(comparable(hit.headers), comparable(miss.headers), `${path} ${JSON.stringify(coding)}`);
        assert.equal(await hit.text(), await miss.text(), path);
      }
      const hit = await fetch(server.base + path, { headers: { 'accept-encoding': 'br' } });
      if (!path.startsWith('/api/')) assert.match(hit.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'.*script-src/, path);
      const cond = await fetch(server.base + path, { headers: { 'accept-encoding': 'br', 'if-none-match': hit.headers.get('etag')! } });
      assert.equal(cond.status, 304, path);
      const head = await fetch(server.base + path, { method: 'HEAD', headers: { 'accept-encoding': 'br' } });
      assert.equal(head.headers.get('content-length'), hit.headers.get('content-length'), path);
      assert.equal((await head.arrayBuffer()).byteLength, 0, path);
    }
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
});
