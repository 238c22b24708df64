// `npm run bench:scale`: the public map, list and statistics at 100k cases. Builds a scratch database by copying
// the demo city (with its case logs) until it holds SCALE_CASES cases, then times the queries in-process (median
// of repeated runs) and the pages over HTTP against the built server (autocannon medians). One run, one machine.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { loadConfig } from '../../api/config.ts';
import { createServices } from '../../api/services.ts';
import { createStats } from '../../api/opendata/stats-service.ts';
import { compute, readStatsRows } from '../../api/opendata/stats.ts';
import { fromRollups, readRollups } from '../../api/opendata/stats-rollups.ts';
import { rebuildRollups } from '../../db/rollups.ts';
import { mapCells } from '../../api/opendata/map.ts';
import { createApp } from '../../api/app.ts';
import { publicFilters } from '../../api/opendata/public-cases.ts';
import { listQuery } from '../../api/cases/schema.ts';
import { seedCatalog } from '../../db/catalog.ts';
import { seedDemo } from '../../api/demo/demo.ts';

const TARGET = Number(process.env.SCALE_CASES ?? 100_000);
const DATA = process.env.SCALE_DATA ?? 'tests/.tmp/scale-data';
const PORT = Number(process.env.BENCH_PORT ?? 4391);
const BASE = `http://127.0.0.1:${PORT}`;
const CITY = '111.90,21.80,112.06,21.92'; // west,south,east,north: central Yangjiang
const DISPATCHER = { id: 0, username: 'bench', displayName: 'bench', role: 'dispatcher' as const, unitId: null };

function median(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  return +(s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2).toFixed(1);
}
/** p50 and p95 of many runs, for targets stated as a p95. */
function spread(runs: number, fn: () => unknown) {
  fn();
  const s = Array.from({ length: runs }, () => { const t = performance.now(); fn(); return performance.now() - t; }).sort((a, b) => a - b);
  return { p50: median(s), p95: +s[Math.ceil(runs * 0.95) - 1]!.toFixed(1) };
}
function time(runs: number, fn: () => unknown) {
  fn(); // warm the statement cache
  const ms = Array.from({ length: runs }, () => { const t = performance.now(); fn(); return performance.now() - t; });
  return { ms: median(ms), p95: +[...ms].sort((a, b) => a - b)[Math.min(runs - 1, Math.floor(runs * 0.95))]!.toFixed(1) };
}
async function timeAsync(runs: number, fn: () => Promise<unknown>) {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) { const t = performance.now(); await fn(); ms.push(performance.now() - t); }
  return { ms: median(ms), p95: +[...ms].sort((a, b) => a - b)[Math.min(runs - 1, Math.floor(runs * 0.95))]!.toFixed(1) };
}

/** Copies every demo case k times (new ids, tracking numbers, pins jittered ~±300 m), with its log and photos. */
function grow(services: ReturnType<typeof createServices>) {
  const sql = services.db.$client;
  const base = (sql.prepare('select count(*) n from cases').get() as { n: number }).n;
  const copies = Math.ceil(TARGET / base) - 1;
  const cols = (t: string) => (sql.prepare(`select name from pragma_table_info('${t}')`).all() as { name: string }[]).map((c) => c.name);
  const caseCols = cols('cases').filter((c) => !['id', 'tracking_no', 'lat', 'lng', 'duplicate_of'].includes(c));
  const logCols = cols('case_log').filter((c) => !['id', 'case_id'].includes(c));
  const grow1 = sql.transaction((k: number) => {
    const off = k * 1_000_000;
    sql.prepare(`insert into cases (id, tracking_no, lat, lng, duplicate_of, ${caseCols.join(',')})
      select id + ${off}, tracking_no || printf('%03d', ${k}), lat + (random() % 3000) / 1e6, lng + (random() % 3000) / 1e6,
        duplicate_of + ${off}, ${caseCols.join(',')} from cases where id < 1000000`).run();
    sql.prepare(`insert into case_log (case_id, ${logCols.join(',')}) select case_id + ${off}, ${logCols.join(',')} from case_log where case_id < 1000000`).run();
  });
  for (let k = 1; k <= copies; k++) grow1(k);
  return (sql.prepare('select count(*) n from cases').get() as { n: number }).n;
}

async function http(name: string, path: string) {
  const r = await autocannon({ url: BASE + path, connections: 4, duration: 5 });
  return { name, reqPerSecMedian: r.requests.p50, latencyMedianMs: r.latency.p50, failed: r.non2xx + r.errors };
}

rmSync(DATA, { recursive: true, force: true });
const services = createServices(loadConfig({ DATA_DIR: DATA, DEMO: '0', RATE_LIMITS: 'off' }));
seedCatalog(services.db);
await seedDemo(services, { now: new Date(), count: 300, log: () => {} });
const t0 = performance.now();
const total = grow(services);
console.log(`${total} cases (built in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);

const bbox = CITY.split(',').map(Number) as [number, number, number, number];
const stats = () => createStats(services.db, services.clock); // a fresh one: no cache
const quarter = stats().choose({}).period;
const index = services.map.index;
const app = createApp(services);
const deep = services.publicCases.list(publicFilters.parse({ page: '2000' }));
const rows = [
  // The SQL grid is the reference the in-memory index is tested against (and what the map used before it).
  { query: 'map, SQL grid (reference), city, zoom 13', ...time(10, () => mapCells(services.db, { bbox }, 13, new Date())) },
  { query: 'map, SQL grid (reference), city, zoom 16', ...time(10, () => mapCells(services.db, { bbox }, 16, new Date())) },
  { query: 'map, index, city, zoom 13', ...time(50, () => index.cells({ bbox }, 13)) },
  { query: 'map, index, city, zoom 16', ...time(50, () => index.cells({ bbox }, 16)) },
  { query: 'map, index, zoom 13, 占道经营 + fixed', ...time(50, () => index.cells({ bbox, category: ['street_vending'], status: 'fixed' }, 13)) },
  { query: 'list page 1 (20, newest)', ...time(20, () => services.publicCases.list(publicFilters.parse({}))) },
  { query: 'list page 1, one category', ...time(20, () => services.publicCases.list(publicFilters.parse({ category: 'street_vending' }))) },
  { query: 'list page 2000 by offset', ...time(10, () => services.publicCases.list(publicFilters.parse({ page: '2000' }))) },
  { query: 'list page 2001 by cursor', ...time(20, () => services.publicCases.list(publicFilters.parse({ page: '2001', after: deep.next ?? '' }))) },
  { query: 'Open311 GET requests.json (1000, in-process)', ...(await timeAsync(20, async () => (await app.request('/open311/v2/requests.json')).arrayBuffer())) },
  { query: '/stats report, this quarter (uncached)', ...time(5, () => stats().report(quarter)) },
  { query: 'staff queue (dispatcher)', ...time(10, () => services.cases.queries.queue(DISPATCHER)) },
  { query: 'staff list, open cases, newest 50', ...time(10, () => services.cases.queries.list(DISPATCHER, listQuery.parse({ state: 'open' }))) },
  { query: 'staff list, text search 垃圾桶 (trigram)', ...time(10, () => services.cases.queries.list(DISPATCHER, listQuery.parse({ q: '垃圾桶' }))) },
];
console.log('\nIn-process queries (median and p95 ms):');
console.table(rows);

// /stats uncached, before (every case row of the period, api/opendata/stats.ts) and after (the per-day rollups).
const now = new Date();
const t1 = performance.now();
rebuildRollups(services.db.$client); // what a bulk loader that bypassed the triggers calls; here a check of its cost
const rebuildMs = +(performance.now() - t1).toFixed(0);
const caseRows = readStatsRows(services.db);
const rollups = readRollups(services.db.$client);
const year = stats().choose({ from: `${now.getFullYear() - 1}-12-01`, to: `${now.getFullYear()}-11-30` }).period;
const statsRows = [quarter, year].flatMap((p) => [
  { report: `${p.from}…${p.to}, from case rows (before)`, ...spread(p === year ? 10 : 30, () => compute(caseRows(p), p, now)) },
  { report: `${p.from}…${p.to}, from rollups (after)`, ...spread(200, () => fromRollups(rollups(p, now), p, now)) },
]);
console.log(`\n/stats report uncached at ${total} cases, in-process ms (rebuildRollups took ${rebuildMs} ms):`);
console.table(statsRows);
services.close();
if (process.env.SCALE_HTTP === '0') process.exit(0);

const server = spawn('node', ['dist/server.mjs'], {
  env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: DATA, DEMO: '0', RATE_LIMITS: 'off', PUBLIC_URL: BASE },
  stdio: 'ignore',
});
try {
  for (let i = 0; i < 300 && !(await fetch(`${BASE}/healthz`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
  const pages = [
    await http('GET /api/cases/map (zoom 13)', `/api/cases/map?zoom=13&bbox=${CITY}`),
    await http('GET /reports', '/reports'),
    await http('GET /stats (cached report)', '/stats'),
  ];
  console.log(`\nOver HTTP at ${total} cases (autocannon, 5 s, 4 connections):`);
  console.table(pages);
} finally {
  server.kill('SIGTERM');
}
