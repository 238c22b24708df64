// `npm run bench`: one run, one table, one JSON file. A bare Hono hello and a bare sharp pipeline in their own
// processes are the ceilings; the built server runs warm (response cache on) and cold (RESPONSE_CACHE=off) at the
// demo size and at 100k cases (tests/bench/city.ts, built once and reused). Every request is sent with
// `Accept-Encoding: br, gzip` as a browser does. Read ratios, not absolute numbers: they come from the same run.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BENCH_PASSWORD, bigCity, scratchCopy } from './city.ts';
import { load, peakMb, rssMb, rssSampler, startProcess, type Proc, type Row } from './load.ts';
import { phonePhoto } from './photo.ts';
import { freshOccurrence, REPORT, volunteer } from './submissions.ts';
import { CITY_BBOX, type queryTimings } from './queries.ts';
import { execFileSync } from 'node:child_process';
import { START_ENV } from '../helpers/server-process.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4390); // the server; hello +1, bare sharp +2
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
// Photo uploads: 3 MB each, so fewer at once (the bare sharp row runs with the same number).
const PHOTO_CONNECTIONS = Number(process.env.BENCH_PHOTO_CONNECTIONS ?? 4);
const BIG = Number(process.env.BENCH_CASES ?? 100_000);
const SIZES = (process.env.BENCH_SIZES ?? 'demo,100k').split(',');
const OUT = 'tests/.tmp/bench';
const SERVER = ['dist/server.mjs'];
const TSX = ['--import', 'tsx'];

const rows: Row[] = [];
const memory: { size: string; server: string; startMb?: number; peakMb: number }[] = [];
const queries: Awaited<ReturnType<typeof queryTimings>> = [];

function serverEnv(dataDir: string, demo: boolean, extra: Record<string, string> = {}) {
  return { ...START_ENV, DATA_DIR: dataDir, DEMO: demo ? '1' : '0', DEMO_PASSWORD: BENCH_PASSWORD, RATE_LIMITS: 'off', LOG_LEVEL: 'warn', PUBLIC_URL: `http://127.0.0.1:${PORT}`, ...extra };
}

let settleUrl = ''; // the server under test: each row starts once it has worked off the last row's requests
let serverPid: number | undefined; // whose memory each row samples (unless the row names another process)

async function settle() {
  for (const until = Date.now() + 20_000; settleUrl && Date.now() < until;) {
    const t = performance.now();
    if (await fetch(settleUrl).then((r) => r.ok, () => false) && performance.now() - t < 100) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function measure(size: string, name: string, opts: Parameters<typeof load>[0], ceiling: { reqPerSec: number; name: string }, connections = CONNECTIONS, seconds = SECONDS, pid = serverPid) {
  await settle();
  const sampler = rssSampler(pid);
  const r = await load(opts, connections, seconds);
  const memoryMb = { rssMb: sampler.stop(), hwmMb: peakMb(pid) };
  const row = { size, name, ...r, ...memoryMb, ratio: ceiling.reqPerSec ? +(r.reqPerSec / ceiling.reqPerSec).toFixed(3) : null, ratioTo: ceiling.name };
  rows.push(row);
  if (!r.requests) console.error(`  ${name}: no request finished within ${seconds} s (a busy machine?)`);
  console.error(`  ${name}: ${r.reqPerSec} req/s, p50 ${r.p50} ms, p95 ${r.p95} ms, RSS peak ${memoryMb.rssMb} MB${r.non2xx + r.errors ? `, ${r.non2xx} non-2xx, ${r.errors} errors` : ''}`);
  return row;
}

/** Links the pages under test need: a public case, a quarterly report, a drive series. */
async function discover(base: string) {
  const list = await (await fetch(`${base}/reports`)).text();
  const caseNo = /href="\/reports\/([A-Z]+-\d{8}-\d+)"/.exec(list)?.[1];
  const quarters = await (await fetch(`${base}/stats/quarterly`)).text();
  const quarter = /href="(\/stats\/quarterly\/[^"]+)"/.exec(quarters)?.[1];
  const drives = await (await fetch(`${base}/api/drives`)).json() as { items: { id: number; seriesId: number }[] };
  if (!caseNo || !quarter || !drives.items.length) throw new Error('bench: no public case, quarterly report or drive to fetch');
  return { casePage: `/reports/${caseNo}`, quarter, seriesIcs: `/feeds/drives/series/${drives.items[0]!.seriesId}.ics` };
}

const publicPages = (p: Awaited<ReturnType<typeof discover>>) => [
  ['home /', '/'], ['case page', p.casePage], ['/reports', '/reports'], ['/stats', '/stats'], ['quarterly report', p.quarter], ['/drives', '/drives'],
] as const;

async function multipart(photo?: Buffer) {
  const form = new FormData();
  for (const [k, v] of Object.entries(REPORT)) form.append(k, v);
  if (photo) form.append('photos', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'IMG_2026.jpg');
  const res = new Response(form);
  return { body: Buffer.from(await res.arrayBuffer()), type: res.headers.get('content-type')! };
}

async function benchSize(size: string, dataDir: string, demo: boolean, hello: Proc, sharpBase: Proc, photo: Buffer) {
  console.error(`\n== ${size}: warm server (response cache on)`);
  const server = await startProcess(SERVER, PORT, serverEnv(dataDir, demo), '/healthz');
  const base = server.base;
  settleUrl = `${base}/healthz`;
  serverPid = server.child.pid;
  const startMb = rssMb(serverPid);
  const helloRow = await measure(size, 'bare Hono hello (own process)', { url: hello.base }, { reqPerSec: 0, name: '' }, CONNECTIONS, SECONDS, hello.child.pid);
  const ceiling = { reqPerSec: helloRow.reqPerSec, name: 'hello' };
  helloRow.ratio = 1;
  helloRow.ratioTo = 'hello';
  let peak = 0;
  try {
    const links = await discover(base);
    const get = (path: string) => ({ url: base + path });
    for (const [name, path] of publicPages(links)) {
      await fetch(base + path, { headers: { 'accept-encoding': 'br, gzip' } }); // fills the cache
      await measure(size, `GET ${name} (warm)`, get(path), ceiling);
    }
    await measure(size, 'GET /api/cases/map zoom 13 (city)', get(`/api/cases/map?zoom=13&bbox=${CITY_BBOX}`), ceiling);
    await measure(size, 'GET /api/cases/map zoom 16 (street)', get('/api/cases/map?zoom=16&bbox=111.975,21.852,111.990,21.862'), ceiling);
    const open311 = await (await fetch(`${base}/open311/v2/requests.json`)).json() as unknown[];
    await measure(size, `GET /open311/v2/requests.json (${open311.length} requests)`, get('/open311/v2/requests.json'), ceiling);
    await measure(size, 'GET /feeds/updates.atom', get('/feeds/updates.atom'), ceiling);
    await measure(size, 'GET /feeds/drives/upcoming.atom', get('/feeds/drives/upcoming.atom'), ceiling);
    await measure(size, 'GET drive series .ics', get(links.seriesIcs), ceiling);
    // The full exports are megabytes each (34 MB of CSV at 100k): a few downloads, one at a time.
    await measure(size, 'GET /data/cases.geojson (all public cases, 1 conn.)', { ...get('/data/cases.geojson'), amount: 3, timeout: 120 }, ceiling, 1);
    await measure(size, 'GET /data/cases.csv (all public cases, 1 conn.)', { ...get('/data/cases.csv'), amount: 3, timeout: 120 }, ceiling, 1);

    const post = (body: Buffer, type: string) => ({ url: `${base}/api/reports?lang=en`, method: 'POST' as const, body, headers: { 'content-type': type, origin: base } });
    await measure(size, 'POST /api/reports, text, JSON', post(Buffer.from(JSON.stringify(REPORT)), 'application/json'), ceiling);
    const text = await multipart();
    await measure(size, 'POST /api/reports, text, multipart', post(text.body, text.type), ceiling);
    const withPhoto = await multipart(photo);
    const bare = await measure(size, `bare sharp rotate-resize-encode (own process, ${PHOTO_CONNECTIONS} conn.)`,
      { url: sharpBase.base, method: 'POST', body: photo, headers: { 'content-type': 'image/jpeg' }, timeout: 60 }, ceiling, PHOTO_CONNECTIONS, 2 * SECONDS, sharpBase.child.pid);
    const photoRow = await measure(size, `POST /api/reports, ${(photo.length / 1048576).toFixed(1)} MB photo (${PHOTO_CONNECTIONS} conn.)`,
      { ...post(withPhoto.body, withPhoto.type), timeout: 60 }, ceiling, PHOTO_CONNECTIONS, 2 * SECONDS);
    photoRow.ratio = bare.reqPerSec ? +(photoRow.reqPerSec / bare.reqPerSec).toFixed(3) : null;
    photoRow.ratioTo = 'bare sharp';
    let n = 0;
    const signup = `/api/drives/occurrences/${await freshOccurrence(base)}/signups`;
    await measure(size, 'POST drive signup', {
      url: base + signup, method: 'POST', headers: { 'content-type': 'application/json', origin: base },
      next: () => Buffer.from(JSON.stringify(volunteer(n++))),
    }, ceiling);
  } finally {
    peak = peakMb(server.child.pid);
    memory.push({ size, server: 'warm (cache on)', startMb, peakMb: peak });
    await server.stop();
  }

  console.error(`== ${size}: cold server (RESPONSE_CACHE=off)`);
  const cold = await startProcess(SERVER, PORT, serverEnv(dataDir, false, { RESPONSE_CACHE: 'off' }), '/healthz');
  settleUrl = `${cold.base}/healthz`;
  serverPid = cold.child.pid;
  const coldStartMb = rssMb(serverPid);
  try {
    const links = await discover(cold.base);
    for (const [name, path] of publicPages(links)) await measure(size, `GET ${name} (cold)`, { url: cold.base + path }, ceiling);
  } finally {
    memory.push({ size, server: 'cold (RESPONSE_CACHE=off)', startMb: coldStartMb, peakMb: peakMb(cold.child.pid) });
    await cold.stop();
  }
}

mkdirSync(OUT, { recursive: true });
const started = Date.now();
const photo = await phonePhoto();
const hello = await startProcess([...TSX, 'tests/bench/hello.ts'], PORT + 1, {});
const bareSharp = await startProcess([...TSX, 'tests/bench/bare-sharp.ts'], PORT + 2, {}, '/');
try {
  for (const size of SIZES) {
    const dataDir = resolve(OUT, `run-${size}`);
    rmSync(dataDir, { recursive: true, force: true });
    if (size === 'demo') {
      // Seeded by a first start of its own, so the measured server's peak memory is serving, not seeding.
      console.error('\n== demo: seeding the demo city');
      await (await startProcess(SERVER, PORT, serverEnv(dataDir, true), '/healthz')).stop();
      await benchSize('demo', dataDir, true, hello, bareSharp, photo);
    } else {
      const city = await bigCity(OUT, BIG);
      scratchCopy(city.dir, dataDir);
      queries.push(...JSON.parse(execFileSync(process.execPath, [...TSX, 'tests/bench/queries.ts', dataDir, size],
        { env: { ...process.env, ...START_ENV }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })) as typeof queries);
      await benchSize(size, dataDir, false, hello, bareSharp, photo);
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
} finally {
  memory.push({ size: 'all', server: 'bare hello', peakMb: peakMb(hello.child.pid) }, { size: 'all', server: 'bare sharp', peakMb: peakMb(bareSharp.child.pid) });
  await hello.stop();
  await bareSharp.stop();
}

console.log(`\nThroughput (autocannon ${SECONDS} s per row, ${CONNECTIONS} connections unless said, Accept-Encoding: br, gzip; ratio to the hello of the same size's run, photo to bare sharp):`);
console.table(rows.map((r) => ({ size: r.size, route: r.name, 'req/s': r.reqPerSec, 'p50 ms': r.p50, 'p95 ms': r.p95, 'p99 ms': r.p99, ratio: r.ratio, to: r.ratioTo, 'non-2xx': r.non2xx + r.errors, 'RSS MB': r.rssMb, 'HWM MB': r.hwmMb })));
if (queries.length) {
  console.log('\nIn-process queries, uncached (ms):');
  console.table(queries);
}
console.log('\nPeak RSS (VmHWM) of each server over its part of the run (startMb: its VmRSS once it answered; each row above has its own peak, RSS MB):');
console.table(memory);
const file = join(OUT, `bench-${new Date(started).toISOString().replace(/[:.]/g, '-')}.json`);
const result = { startedAt: new Date(started).toISOString(), seconds: SECONDS, connections: CONNECTIONS, photoConnections: PHOTO_CONNECTIONS, node: process.version, rows, queries, memory };
writeFileSync(file, JSON.stringify(result, null, 2));
writeFileSync(join(OUT, 'latest.json'), JSON.stringify(result, null, 2));
console.log(`\nJSON: ${file} (also ${join(OUT, 'latest.json')}); took ${Math.round((Date.now() - started) / 1000)} s`);
