// `tsx tests/bench/profile-submit.ts`: a text report (JSON) under load against the built server started with
// --cpu-prof, then the functions with the most self time. How the submission path was slimmed (README, Benchmark).
// PHOTO=1: 16 reports with the 3 MB phone photo (multipart, 4 connections) instead; libvips' own threads are not in a
// V8 profile, so what shows is the JavaScript around the photo.
import { readdirSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { load, startProcess } from './load.ts';
import { START_ENV } from '../helpers/server-process.ts';
import { phonePhoto } from './photo.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4390) + 3;
const DIR = 'tests/.tmp/bench/profile';
rmSync(DIR, { recursive: true, force: true });
mkdirSync(DIR, { recursive: true });
const env = { ...START_ENV, DATA_DIR: join(DIR, 'data'), DEMO: '0', RATE_LIMITS: 'off', LOG_LEVEL: 'warn', PUBLIC_URL: `http://127.0.0.1:${PORT}` };
const server = await startProcess(['--cpu-prof', `--cpu-prof-dir=${DIR}`, 'dist/server.mjs'], PORT, env, '/healthz');
const fields = { category: 'exposed_garbage', lat: '21.8585', lng: '111.9822', description: '人民广场东侧垃圾堆了两天，味道很大', publish: 'on' };
let r;
if (process.env.PHOTO) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('photos', new Blob([new Uint8Array(await phonePhoto())], { type: 'image/jpeg' }), 'IMG_2026.jpg');
  const res = new Response(form);
  const body = Buffer.from(await res.arrayBuffer());
  r = await load({ url: `${server.base}/api/reports`, method: 'POST', body, amount: 16, timeout: 60, headers: { 'content-type': res.headers.get('content-type')!, origin: server.base } }, 4, 0);
} else {
  const body = JSON.stringify(fields);
  r = await load({ url: `${server.base}/api/reports`, method: 'POST', body, headers: { 'content-type': 'application/json', origin: server.base } }, 20, Number(process.env.BENCH_SECONDS ?? 10));
}
console.log(`${r.reqPerSec} req/s, p50 ${r.p50} ms, p95 ${r.p95} ms, ${r.non2xx} non-2xx`);
await server.stop();

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number };
const file = readdirSync(DIR).find((f) => f.endsWith('.cpuprofile'))!;
const prof = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as { nodes: Node[]; samples: number[] };
const total = prof.samples.length;
const self = new Map<string, number>();
for (const n of prof.nodes) {
  const where = n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(dist|api)\//, '$1/');
  const key = `${n.callFrame.functionName || '(anonymous)'} ${where}:${n.callFrame.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + n.hitCount);
}
console.table([...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 30)).map(([fn, hits]) => ({ fn: fn.slice(0, 110), '%': +((hits / total) * 100).toFixed(1) })));
console.log(`profile: ${join(DIR, file)}`);
