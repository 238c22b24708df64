// Breakdown of /stats and Open311 at 100k: each query and JS step timed alone (median of many runs).
// Run: node --import tsx tests/bench/profile-stats.ts <city dir>   (add --cpu-prof for a profile)
import { loadConfig } from '../../api/config.ts';
import { createServices } from '../../api/services.ts';
import { createStats } from '../../api/opendata/stats-service.ts';
import { fromRollups, readRollups } from '../../api/opendata/stats-rollups.ts';
import { createApp } from '../../api/app.ts';
import { percentile } from './load.ts';

const dir = process.argv[2]!;
const services = createServices(loadConfig({ DATA_DIR: dir, DEMO: '0', RATE_LIMITS: 'off', LOG_LEVEL: 'warn', RESPONSE_CACHE: 'off' }));
const sqlite = services.db.$client;
function time(name: string, runs: number, fn: () => unknown) {
  fn();
  const ms: number[] = [], cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now(), c = process.cpuUsage();
    fn();
    ms.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  show(name, ms, cpu);
}
// CPU time beside wall time: on a shared 2-core machine the wall clock includes waiting for a core.
function show(name: string, ms: number[], cpu: number[]) {
  ms.sort((a, b) => a - b); cpu.sort((a, b) => a - b);
  console.log(`${name.padEnd(52)} wall p50 ${percentile(ms, 50).toFixed(2)} p95 ${percentile(ms, 95).toFixed(2)} | cpu p50 ${percentile(cpu, 50).toFixed(2)} p95 ${percentile(cpu, 95).toFixed(2)} ms`);
}
async function timeAsync(name: string, runs: number, fn: () => Promise<unknown>) {
  await fn();
  const ms: number[] = [], cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now(), c = process.cpuUsage();
    await fn();
    ms.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  show(name, ms, cpu);
}
const now = services.clock();
const period = createStats(services.db, services.clock).choose({}).period;
const [from, to] = [period.fromAt.getTime(), period.toAt.getTime()];
const read = readRollups(sqlite);
const data = read(period, now);
const only = process.argv[3] ?? 'all';
if (only === 'all' || only === 'stats') {
  time('stats: readRollups (all queries)', 30, () => read(period, now));
  time('stats: fromRollups (JS)', 30, () => fromRollups(data, period, now));
  time('stats: report (whole)', 30, () => createStats(services.db, services.clock).report(period));
  console.log('rows', data.received.length, data.due.length, data.places.length);
  for (const by of ['NULL', 'unit_id', 'category_id']) {
    const s = sqlite.prepare(`SELECT ${by}, median((closed_at - created_at) / 3600000.0), percentile_cont((closed_at - created_at) / 3600000.0, 0.9),
      median((resolved_at - coalesce(accepted_at, created_at)) / 3600000.0), median((closed_at - resolved_at) / 3600000.0)
      FROM cases INDEXED BY cases_closed_durations WHERE state = 'closed' AND hidden = 0 AND created_at >= ? AND created_at < ? ${by === 'NULL' ? '' : `GROUP BY ${by}`}`).raw();
    time(`stats: durations by ${by}`, 30, () => s.all(from, to));
  }
  const n = sqlite.prepare(`SELECT count(*) FROM cases INDEXED BY cases_closed_durations WHERE state = 'closed' AND hidden = 0 AND created_at >= ? AND created_at < ?`).pluck();
  console.log('closed cases in period', n.get(from, to));
  time('stats: count closed in period (index scan only)', 30, () => n.get(from, to));
  const q = (s: string) => sqlite.prepare(s).raw();
  time('stats: received rows', 30, () => q(`SELECT day, category_id, unit_id, channel, state, rating, cases, reworks, reworked FROM rollup_received WHERE day >= ? AND day < ?`).all(Math.floor((from + 8 * 3600000) / 86400000), Math.floor((to + 8 * 3600000) / 86400000)));
}
if (only === 'all' || only === 'open311') {
  const app = createApp(services);
  await timeAsync('open311: requests.json whole route', 30, async () => (await app.request('/open311/v2/requests.json')).text());
  await timeAsync('open311: requests.xml whole route', 30, async () => (await app.request('/open311/v2/requests.xml')).text());
}
services.close();
