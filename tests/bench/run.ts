// `npm run bench`: starts the built server on a scratch data folder (demo city, rate limits off), then
// measures page weight (gzip) and throughput with autocannon. Prints medians and ratios from one run.
import autocannon from 'autocannon';
import sharp from 'sharp';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { pageWeight } from '../helpers/page-weight.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4390);
const BASE = `http://127.0.0.1:${PORT}`;
const DATA = 'tests/.tmp/bench-data';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DEMO_PASSWORD = 'bench-password-2026';

async function startServer() {
  rmSync(DATA, { recursive: true, force: true });
  const child = spawn('node', ['dist/server.mjs'], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: DATA, DEMO: '1', RATE_LIMITS: 'off', PUBLIC_URL: BASE, DEMO_PASSWORD },
    stdio: 'ignore',
  });
  for (let i = 0; i < 600; i++) {
    if (await fetch(`${BASE}/healthz`).then((r) => r.ok, () => false)) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

async function weigh(path: string) {
  return { path, ...pageWeight(await (await fetch(BASE + path)).text()) };
}

async function multipart(withPhoto: boolean) {
  const form = new FormData();
  form.append('category', 'exposed_garbage');
  form.append('lat', '21.8585');
  form.append('lng', '111.9822');
  form.append('description', '人民广场东侧垃圾堆了两天，味道很大');
  if (withPhoto) {
    // A phone-like photo after the browser's downscaling: 1600×1200, blurred noise for photo-like texture (~230 KB).
    const raw = Buffer.alloc(1600 * 1200 * 3);
    for (let i = 0; i < raw.length; i++) raw[i] = (i * 2654435761) >>> 24;
    const jpeg = await sharp(raw, { raw: { width: 1600, height: 1200, channels: 3 } }).blur(1.2).jpeg({ quality: 85 }).toBuffer();
    form.append('photos', new Blob([new Uint8Array(jpeg)]), 'photo.jpg');
  }
  const res = new Response(form);
  return { body: Buffer.from(await res.arrayBuffer()), type: res.headers.get('content-type')! };
}

async function load(name: string, { path, ...opts }: Partial<autocannon.Options> & { path: string }) {
  const r = await autocannon({ url: BASE + path, connections: CONNECTIONS, duration: SECONDS, ...opts });
  const bad = r.non2xx + r.errors + r.timeouts;
  return { name, reqPerSecMedian: r.requests.p50, latencyMedianMs: r.latency.p50, latencyP99Ms: r.latency.p99, requests: r.requests.total, failed: bad };
}

/** A fresh series with the largest capacity (500), created by the demo admin, so the run measures inserts, not a full drive. */
async function freshOccurrence(): Promise<number> {
  const login = await fetch(`${BASE}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: BASE }, body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }) });
  if (!login.ok) throw new Error(`bench login failed: ${login.status}`);
  const { csrfToken } = await login.json() as { csrfToken: string };
  const headers = { 'content-type': 'application/json', origin: BASE, cookie: login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), 'x-csrf-token': csrfToken };
  const first = new Date(Date.now() + 8 * 3600_000 + 2 * 86_400_000).toISOString().slice(0, 10);
  const weekday = ((new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  const created = await fetch(`${BASE}/api/staff/drives/series`, { method: 'POST', headers, body: JSON.stringify({
    titleZh: '压测专场', community: '沿江南社区', address: '沿江南路', weekday, startTime: '15:00', endTime: '17:00', firstDate: first, capacity: 500, hours: 2, unitId: 'sanitation',
  }) });
  if (created.status !== 201) throw new Error(`bench series failed: ${created.status} ${await created.text()}`);
  const { id } = await created.json() as { id: number };
  const { items } = await (await fetch(`${BASE}/api/drives`)).json() as { items: { id: number; seriesId: number }[] };
  return items.find((o) => o.seriesId === id)!.id;
}

/** Signups to that occurrence, each with its own phone (past 500 places they join the waitlist: still an insert). */
async function signupLoad() {
  let n = 0;
  const path = `/api/drives/occurrences/${await freshOccurrence()}/signups`;
  return {
    path, method: 'POST' as const, headers: { 'content-type': 'application/json', origin: BASE },
    setupClient: (client: { setBody(b: string): void; on(e: string, f: () => void): void }) => {
      const next = () => client.setBody(JSON.stringify({ name: '压测志愿者', phone: `136${String(n++).padStart(8, '0')}`, ageGroup: 'adult', consent: true }));
      next();
      client.on('response', next);
    },
  };
}

const server = await startServer();
try {
  const weights = [];
  for (const p of ['/', '/report', '/track', '/reports', '/stats', '/staff/login', '/drives']) weights.push(await weigh(p));
  console.log('\nPage weight (gzip; JS includes lazy chunks such as Leaflet):');
  console.table(weights);

  const plain = await multipart(false);
  const photo = await multipart(true);
  const post = (m: { body: Buffer; type: string }) => ({
    method: 'POST' as const, path: '/api/reports?lang=en', body: m.body, headers: { 'content-type': m.type, origin: BASE },
  });
  const runs = [
    await load('GET /healthz', { path: '/healthz' }),
    await load('GET / (SSR, DB reads)', { path: '/' }),
    await load('GET /report (SSR + island)', { path: '/report' }),
    await load('POST /api/reports, no photo', post(plain)),
    await load(`POST /api/reports, 1 photo (${(photo.body.length / 1024).toFixed(0)} KB)`, { ...post(photo), connections: 4 }),
    await load('GET /drives (SSR, counts)', { path: '/drives' }),
    await load('POST /api/drives/…/signups (seat check + insert, one write transaction)', await signupLoad()),
  ];
  console.log(`\nThroughput (autocannon, ${SECONDS}s each, ${CONNECTIONS} connections; photo run 4 connections; server and load on one 2-core box):`);
  console.table(runs);
  const [, , , noPhoto, withPhoto] = runs;
  console.log(`ratio submissions/s without vs with a photo: ${(noPhoto.reqPerSecMedian / withPhoto.reqPerSecMedian).toFixed(1)}×`);
  const drive = (await (await fetch(`${BASE}/api/drives`)).json() as { items: { title: { zh: string }; confirmed: number; waitlisted: number }[] }).items.find((o) => o.title.zh === '压测专场')!;
  console.log(`check: the bench drive has ${drive.confirmed} confirmed and ${drive.waitlisted} waitlisted (the POSTs really signed up)`);
  const stored = await (await fetch(`${BASE}/api/reports/nearby?category=exposed_garbage&lat=21.8585&lng=111.9822`)).json();
  console.log(`check: ${stored.items.length} open reports at the benchmark pin (the POSTs really filed reports)`);
} finally {
  server.kill('SIGTERM');
}
