// `tsx tests/bench/photo-compare.ts [rounds]` (after `npm run build`): the photo report against bare sharp, side by side,
// alternating rows so both see the same machine; median ratio over the rounds and each process's peak memory. Each row
// sends a fixed number of photos (PHOTOS) and also reads the process's CPU time: CPU seconds per photo hardly depend on
// what else the machine runs, so their ratio is the steadier figure on a shared machine.
// Ports BENCH_PORT (server) and +2 (bare sharp); APP_ENV (JSON) adds to the server's environment (e.g. to compare
// allocator settings), DATA_DIR a database to run on (default: an empty one).
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { peakMb, rssSampler, startProcess } from './load.ts';
import { phonePhoto } from './photo.ts';
import { bodyInit } from '../../api/cache/bodies.ts';
import { START_ENV } from '../helpers/server-process.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4390);
const ROUNDS = Number(process.argv[2] ?? 3);
const PHOTOS = Number(process.env.PHOTOS ?? 16);
const CONNECTIONS = Number(process.env.BENCH_PHOTO_CONNECTIONS ?? 4);
const dataDir = resolve(process.env.DATA_DIR ?? 'tests/.tmp/bench/photo-compare');
if (!process.env.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });

/** user + system CPU seconds a process has used (Linux /proc, clock ticks of 1/100 s). */
const cpuSeconds = (pid: number | undefined) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return { user: Number(f[11]) / 100, system: Number(f[12]) / 100 };
};
const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;

const photo = await phonePhoto();
const form = new FormData();
for (const [k, v] of Object.entries({ category: 'exposed_garbage', lat: '21.8585', lng: '111.9822', description: '人民广场东侧垃圾堆了两天', publish: 'on' })) form.append(k, v);
form.append('photos', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'IMG_2026.jpg');
const multipart = new Response(form);
const body = Buffer.from(await multipart.arrayBuffer());

// A null in APP_ENV leaves that variable of `npm start` out.
const appEnv = Object.entries({ ...START_ENV, DATA_DIR: dataDir, DEMO: '0', RATE_LIMITS: 'off', LOG_LEVEL: 'warn', PUBLIC_URL: `http://127.0.0.1:${PORT}`,
  ...JSON.parse(process.env.APP_ENV ?? '{}') as Record<string, string | null> }).filter((e): e is [string, string] => e[1] !== null);
const server = await startProcess(['dist/server.mjs'], PORT, Object.fromEntries(appEnv), '/healthz');
console.error(`server: ${appEnv.filter(([k]) => k.startsWith('MALLOC') || k.startsWith('UV_')).map((e) => e.join('=')).join(' ') || 'no allocator settings'}`);
const bare = await startProcess(['--import', 'tsx', 'tests/bench/bare-sharp.ts'], PORT + 2, JSON.parse(process.env.BARE_ENV ?? '{}'), '/');
type Post = { url: string; method: 'POST'; body: Buffer; headers: Record<string, string>; timeout: number };
/**
 * PHOTOS posts over CONNECTIONS parallel clients, timed to the last answer (autocannon's `amount` runs end on its
 * one-second tick, which rounded a 4.3 s row to 5 s).
 */
async function postMany(p: Post) {
  let left = PHOTOS, non2xx = 0, errors = 0;
  const client = async () => {
    while (left-- > 0) {
      try {
        const res = await fetch(p.url, { method: p.method, body: bodyInit(p.body), headers: p.headers, signal: AbortSignal.timeout(p.timeout * 1000) });
        await res.arrayBuffer();
        if (res.status >= 300) non2xx++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, client));
  return { non2xx, errors };
}
const rows = [];
try {
  const app = { url: `${server.base}/api/reports`, method: 'POST' as const, body, headers: { 'content-type': multipart.headers.get('content-type')!, origin: server.base }, timeout: 60 };
  const ceiling = { url: bare.base, method: 'POST' as const, body: photo, headers: { 'content-type': 'image/jpeg' }, timeout: 60 };
  for (let i = 0; i < ROUNDS; i++) {
    const run = async (opts: Post, pid?: number) => {
      const s = rssSampler(pid);
      const cpu = cpuSeconds(pid);
      const t = performance.now();
      const r = await postMany(opts);
      const reqPerSec = PHOTOS / ((performance.now() - t) / 1000);
      const after = cpuSeconds(pid);
      const perPhoto = (x: number) => Math.round((x / PHOTOS) * 1000);
      return { ...r, reqPerSec, cpuMs: perPhoto(after.user + after.system - cpu.user - cpu.system), sysMs: perPhoto(after.system - cpu.system), rssMb: s.stop() };
    };
    const b = await run(ceiling, bare.child.pid);
    const a = await run(app, server.child.pid);
    rows.push({ round: i + 1, 'bare req/s': +b.reqPerSec.toFixed(2), 'app req/s': +a.reqPerSec.toFixed(2), ratio: +(a.reqPerSec / b.reqPerSec).toFixed(3),
      'bare CPU ms/photo': b.cpuMs, 'app CPU ms/photo': a.cpuMs, 'CPU ratio': +(b.cpuMs / a.cpuMs).toFixed(3), 'bare sys': b.sysMs, 'app sys': a.sysMs,
      'bare RSS': b.rssMb, 'app RSS': a.rssMb, bad: a.non2xx + a.errors + b.non2xx + b.errors });
  }
} finally {
  const peaks = { app: peakMb(server.child.pid), bare: peakMb(bare.child.pid) };
  await server.stop();
  await bare.stop();
  console.table(rows);
  console.log(`median req/s ratio ${median(rows.map((r) => r.ratio))}, median CPU ratio (bare CPU per photo / app's) ${median(rows.map((r) => r['CPU ratio']))}; ` +
    `peak RSS (VmHWM) app ${peaks.app} MB, bare ${peaks.bare} MB; ${CONNECTIONS} connections, ${PHOTOS} photos a row`);
}
