import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import { loadConfig } from '../../api/config.ts';
import { createServices } from '../../api/services.ts';
import { createApp } from '../../api/app.ts';
import { astroSite } from '../../api/site.ts';
import { seedOnStart } from '../../api/demo/index.ts';
import { devMiddleware } from '../../api/dev-integration.mjs';

// `npm run dev` and `npm start` answer alike: the dev integration's middleware (the one astro.config.mjs mounts)
// in front of the build's page handler, against the built server (api/server.ts's wiring), both over node:http.
// Astro's dev server renders a page with the locals it finds on the request (Symbol.for('astro.locals')); the
// stand-in below does the same with the built handler, so what differs between the two is the wiring alone.
const ENTRY = resolve('dist/server/entry.mjs');
const skip = existsSync(ENTRY) ? false : 'needs the site build (npm run build)';
const PUBLIC_URL = 'https://cityloop.example.cn';
const ENV = { DEMO: '0', RATE_LIMITS: 'off', SECRET: 'dev-path-test-secret-long-enough-0000000', PUBLIC_URL };
const servers: Server[] = [];

const dataDir = () => {
  mkdirSync('tests/.tmp', { recursive: true });
  return mkdtempSync(join('tests/.tmp', 'dev-'));
};

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

async function start() {
  const { handler } = await import(pathToFileURL(ENTRY).href);

  Object.assign(process.env, ENV, { DATA_DIR: dataDir() }); // api/dev.ts reads its config from the environment
  const dev = devMiddleware(() => import('../../api/dev.ts'));
  const astroDev = (req: IncomingMessage, res: ServerResponse) => handler(req, res, undefined, Reflect.get(req, Symbol.for('astro.locals')));
  const devUrl = await listen((req, res) => dev(req, res, (err?: unknown) => {
    if (err) { res.statusCode = 500; res.end(String(err)); } else astroDev(req, res);
  }));

  const services = createServices(loadConfig({ ...ENV, DATA_DIR: dataDir() }));
  await seedOnStart(services, { demo: false, now: new Date() });
  const builtUrl = await listen(getRequestListener(createApp(services, astroSite(handler, resolve('dist/client'))).fetch));
  return { devUrl, builtUrl };
}

const servers$ = skip ? null : start();
after(() => servers.forEach((s) => { s.closeAllConnections(); s.close(); }));

/** The same request to both servers (Origin: the server's own, as a browser sends it). */
async function both(path: string, init: RequestInit | (() => RequestInit) = {}, origin?: string) {
  const { devUrl, builtUrl } = await servers$!;
  return Promise.all([devUrl, builtUrl].map((base) => {
    const i = typeof init === 'function' ? init() : init; // a stream body is read once
    return fetch(base + path, { redirect: 'manual', ...i, headers: { origin: origin ?? base, ...(i.headers as Record<string, string>) } });
  }));
}

// Times differ by a few milliseconds between the two servers; everything else must be the same.
const normalize = (body: string) => body.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)/g, '<time>');

test('Open311, feeds, exports, the API and uploads answer the same in dev as in the built server', { skip }, async () => {
  for (const path of ['/open311/v2/discovery.json', '/open311/v2/services.xml', '/feeds/updates.atom', '/data/cases.csv',
    '/data/cases.geojson', '/api/categories', '/api/openapi.json?lang=en', '/healthz', '/uploads/nothing.jpg', '/api/nothing']) {
    const [dev, built] = await both(path);
    assert.equal(dev.status, built.status, path);
    assert.equal(dev.headers.get('content-type'), built.headers.get('content-type'), path);
    assert.equal(normalize(await dev.text()), normalize(await built.text()), path);
  }
  const [dev] = await both('/open311/v2/discovery.json');
  assert.equal(dev.status, 200);
  assert.match(await dev.text(), /cityloop\.example\.cn\/open311\/v2/);
  const [feed] = await both('/feeds/updates.atom');
  assert.match(feed.headers.get('content-type')!, /atom\+xml/);
});

test('a form post files the report and redirects to its tracking page, in dev as in the built server', { skip }, async () => {
  const form = () => new URLSearchParams({ category: 'exposed_garbage', address: '人民广场东侧公交站旁', description: '垃圾落地，无人清理', publish: 'on' });
  const answers = await both('/report', { method: 'POST', body: form() });
  for (const res of answers) {
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location')!, /^\/track\?no=YJ-\d{8}-\d{4}&code=\w+&new=1$/);
  }
  const { devUrl, builtUrl } = await servers$!;
  for (const [base, res] of [[devUrl, answers[0]!], [builtUrl, answers[1]!]] as const) {
    const location = res.headers.get('location')!;
    const page = await fetch(base + location);
    assert.equal(page.status, 200);
    assert.ok((await page.text()).includes(new URLSearchParams(location.split('?')[1]).get('no')!), 'the tracking page shows the new report');
  }

  const [enDev, enBuilt] = await both('/en/report', { method: 'POST', body: new URLSearchParams({ category: 'exposed_garbage' }) });
  assert.equal(enDev.status, enBuilt.status);
  assert.equal(enDev.status, 400);
  assert.match(await enDev.text(), /<html lang="en"/);
});

test('CSRF, body limit and security headers guard dev pages too', { skip }, async () => {
  const foreign = await both('/report', { method: 'POST', body: new URLSearchParams({ category: 'x' }) }, 'https://evil.example');
  assert.deepEqual(foreign.map((r) => r.status), [403, 403]);

  const stream = () => new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('category=x')); c.close(); } });
  const chunked = await both('/report', () => ({ method: 'POST', body: stream(), duplex: 'half', headers: { 'content-type': 'application/x-www-form-urlencoded' } }) as RequestInit);
  assert.deepEqual(chunked.map((r) => r.status), [411, 411]);

  const pages = await both('/en/');
  for (const res of pages) {
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
    assert.match(await res.text(), /<html lang="en"/);
  }
  const api = await both('/api/categories');
  assert.deepEqual(api.map((r) => r.headers.get('x-content-type-options')), ['nosniff', 'nosniff']);
});
