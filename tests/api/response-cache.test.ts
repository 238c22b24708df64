// The public response cache across two server processes on one database: a write through one process shows at once
// in the other's cached pages, feeds and open data; what the write did not touch stays cached; personal stays private.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { loadConfig } from '../../api/config.ts';
import { createServices } from '../../api/services.ts';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';
import { signedIn } from '../helpers/services.ts';

const DATA = 'tests/.tmp/cache-two-processes';
const MAP = '/api/cases/map?zoom=17&bbox=111.95,21.86,112.01,21.90';
const AGGREGATES = ['/reports', '/en/reports', MAP, '/stats', '/open311/v2/requests.json', '/feeds/updates.atom', '/'];

type Got = { status: number; headers: Headers; text: string };
async function get(server: ServerProcess, path: string, headers: Record<string, string> = {}): Promise<Got> {
  const res = await fetch(server.base + path, { headers });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

async function report(server: ServerProcess, fields: Record<string, string>): Promise<string> {
  const fd = new FormData();
  for (const [k, v] of Object.entries({ category: 'exposed_garbage', ...fields })) fd.append(k, v);
  const res = await fetch(`${server.base}/api/reports`, { method: 'POST', body: fd, headers: { origin: server.base } });
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()).trackingNo;
}

test('a case accepted through one process shows at once in the other\'s cached page, list, map, stats and Open311', { timeout: 180_000 }, async () => {
  const a = await startServer({ dataDir: DATA });
  const b = await startServer({ dataDir: DATA, fresh: false });
  const services = createServices(loadConfig({ DATA_DIR: DATA, DEMO: '0', LOG_LEVEL: 'silent' }));
  after(() => { a.child.kill('SIGKILL'); b.child.kill('SIGKILL'); services.close(); });
  const dispatcher = await signedIn(services, 'dispatcher');
  const accept = async (no: string) => {
    const res = await fetch(`${a.base}/api/staff/cases/${no}/actions/accept`, {
      method: 'POST', body: JSON.stringify({ version: 1 }), headers: { ...dispatcher.headers, origin: a.base, 'content-type': 'application/json' },
    });
    assert.equal(res.status, 200, await res.clone().text());
  };

  const y = await report(a, { address: '人民广场东侧', description: '垃圾落地无人清理', lat: '21.885', lng: '111.99' });
  await accept(y);
  const x = await report(a, { address: '中医院路段', description: '路边垃圾桶满溢', lat: '21.875', lng: '111.97' });

  // Process B fills its cache (second request a hit); X is not public yet.
  const before = new Map<string, string>();
  for (const path of [...AGGREGATES, `/reports/${y}`]) {
    const first = await get(b, path);
    assert.equal(first.status, 200, path);
    assert.equal(first.headers.get('x-cache'), 'miss', path);
    const second = await get(b, path);
    assert.equal(second.headers.get('x-cache'), 'hit', path);
    assert.equal(second.text, first.text, path);
    assert.ok(!first.text.includes(x), `${path} does not show the pending case`);
    before.set(path, first.headers.get('etag')!);
  }
  assert.ok((await get(b, `/reports/${y}`)).text.includes(y));

  await accept(x); // through process A

  for (const path of AGGREGATES) {
    const now = await get(b, path);
    assert.equal(now.headers.get('x-cache'), 'miss', `${path} was dropped by the write`);
    assert.notEqual(now.headers.get('etag'), before.get(path), `${path} changed`);
    if (path !== '/stats' && path !== '/') assert.ok(now.text.includes(x), `${path} shows the accepted case`);
  }
  const page = await get(b, `/reports/${x}`);
  assert.equal(page.status, 200);
  assert.ok(page.text.includes(x));
  const other = await get(b, `/reports/${y}`);
  assert.equal(other.headers.get('x-cache'), 'hit', 'another case\'s page stays cached');
  assert.equal(other.headers.get('etag'), before.get(`/reports/${y}`));

  // A conditional GET of what the client has: 304, no body; HEAD: headers only.
  const tag = (await get(b, '/reports', { 'accept-encoding': 'br' })).headers.get('etag')!;
  const cond = await fetch(`${b.base}/reports`, { headers: { 'accept-encoding': 'br', 'if-none-match': tag } });
  assert.equal(cond.status, 304);
  assert.equal(await cond.text(), '');
  const head = await fetch(`${b.base}/reports`, { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(head.headers.get('etag'), (await get(b, '/reports')).headers.get('etag'));
});

test('compressed answers decode to the identity body; every text answer says charset=utf-8; personal ones are private', { timeout: 120_000 }, async () => {
  const s = await startServer({ dataDir: `${DATA}-http` });
  const services = createServices(loadConfig({ DATA_DIR: `${DATA}-http`, DEMO: '0', LOG_LEVEL: 'silent' }));
  after(() => { s.child.kill('SIGKILL'); services.close(); });
  const no = await report(s, { address: '人民广场', description: '垃圾落地', lat: '21.885', lng: '111.99' });
  const paths = ['/', '/reports', '/stats', '/privacy', '/report', '/open311/v2/requests.json', '/open311/v2/requests.xml', '/open311/v2/services.json',
    '/feeds/updates.atom', '/data/cases.csv', '/data/cases.geojson', '/api/openapi.json', '/drives', '/feeds/drives/upcoming.atom', MAP];
  for (const path of paths) {
    const plain = await fetch(s.base + path, { headers: { 'accept-encoding': 'identity' } });
    const body = Buffer.from(await plain.arrayBuffer());
    assert.equal(plain.status, 200, path);
    assert.match(plain.headers.get('content-type')!, /charset=utf-8/i, path);
    assert.match(plain.headers.get('vary') ?? '', /accept-encoding/i, path);
    for (const [coding, decode] of [['br', brotliDecompressSync], ['gzip', gunzipSync]] as const) {
      const res = await fetch(s.base + path, { headers: { 'accept-encoding': coding } });
      const raw = Buffer.from(await res.arrayBuffer()); // fetch decodes: compare with the plain body
      assert.deepEqual(raw, body, `${path} ${coding}`);
      if (body.byteLength >= 1024) {
        const direct = await new Promise<Buffer>((done) => import('node:http').then(({ get: httpGet }) => httpGet(s.base + path, { headers: { 'accept-encoding': coding } }, (r) => {
          assert.equal(r.headers['content-encoding'], coding, `${path} sent ${coding}`);
          const chunks: Buffer[] = [];
          r.on('data', (c) => chunks.push(c)).on('end', () => done(Buffer.concat(chunks)));
        })));
        assert.deepEqual(decode(direct), body, `${path} ${coding} decodes to the identity body`);
      }
    }
  }
  // Personal: never stored, never public.
  const staff = await signedIn(services, 'dispatcher');
  for (const [path, headers] of [['/track', {}], [`/track?no=${no}&code=wrong`, {}], ['/staff/login', {}], ['/reports', { cookie: staff.headers.cookie }],
    ['/staff/cases', { cookie: staff.headers.cookie }], ['/api/staff/cases', { cookie: staff.headers.cookie }]] as [string, Record<string, string>][]) {
    for (let i = 0; i < 2; i++) {
      const res = await get(s, path, headers);
      assert.equal(res.headers.get('cache-control'), 'private, no-store', path);
      assert.equal(res.headers.get('x-cache'), null, `${path} never comes from the cache`);
      assert.equal(res.headers.get('etag'), null, path);
    }
  }
  const anonymous = await get(s, '/reports');
  assert.equal(anonymous.headers.get('cache-control'), 'public, max-age=0, must-revalidate');
  assert.ok(!anonymous.text.includes('/staff/logout'), 'a staff render never lands in the public cache');
});

test('readers arriving while an answer renders wait for that one render; RESPONSE_CACHE=off renders each', async () => {
  const { testApp } = await import('../helpers/services.ts');
  for (const [env, misses] of [[{}, 1], [{ RESPONSE_CACHE: 'off' }, 10]] as const) {
    const { app, services } = testApp(env);
    const answers = await Promise.all(Array.from({ length: 10 }, () => Promise.resolve(app.request('/open311/v2/requests.json'))));
    const states = answers.map((r) => r.headers.get('x-cache'));
    assert.equal(states.filter((s) => s !== 'hit').length, misses, String(states));
    assert.equal(new Set(answers.map((r) => r.headers.get('etag'))).size, 1);
    services.close();
  }
});
