// /stats uncached at 100k, before and after, in one process and one run: each repetition times the before tree's report
// and then this tree's, so both see the same machine load. CPU time beside wall time (a shared machine waits for cores).
// Run: node --import tsx tests/bench/stats-compare.ts <before tree> <its city dir> <this tree's city dir> [runs]
//   before tree: e.g. `git archive <commit> api db package.json | tar -x -C tests/.tmp/before` + a node_modules link.
import { resolve } from 'node:path';
import { percentile } from './load.ts';

const [beforeRoot, beforeCity, afterCity] = process.argv.slice(2).map((p) => resolve(p!));
const RUNS = Number(process.argv[5] ?? 40);
type StatsApi = { report: (p: unknown) => unknown; choose: (q: object) => { period: unknown }; quarterPeriod: (q: { year: number; q: number }) => unknown };

async function tree(root: string, city: string) {
  const { loadConfig } = await import(`${root}/api/config.ts`);
  const { createServices } = await import(`${root}/api/services.ts`);
  const { createStats } = await import(`${root}/api/opendata/stats-service.ts`);
  const services = createServices(loadConfig({ DATA_DIR: city, DEMO: '0', RATE_LIMITS: 'off', LOG_LEVEL: 'warn', RESPONSE_CACHE: 'off' }));
  const fresh = (): StatsApi => createStats(services.db, services.clock); // a new one each time: nothing cached
  return { services, fresh };
}
const trees = { before: await tree(beforeRoot!, beforeCity!), after: await tree(resolve('.'), afterCity!) };

const now = trees.after.services.clock() as Date;
const year = Number(now.toISOString().slice(0, 4));
const q = Math.floor(now.getUTCMonth() / 3) + 1;
const last = q === 1 ? { year: year - 1, q: 4 } : { year, q: q - 1 };
const before = (x: { year: number; q: number }) => (x.q === 1 ? { year: x.year - 1, q: 4 } : { year: x.year, q: x.q - 1 });
const day = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString().slice(0, 10);
const cases: [string, (s: StatsApi) => unknown][] = [
  ['/stats report, this quarter', (s) => s.report(s.choose({}).period)],
  // The quarterly report's preview reads three reports: its quarter, the one before, the same quarter a year earlier.
  ['quarterly report, last quarter (3 reports)', (s) => [last, before(last), { year: last.year - 1, q: last.q }].map((x) => s.report(s.quarterPeriod(x)))],
  ['/stats, custom 60 days (per-day rollups)', (s) => s.report(s.choose({ from: day(60), to: day(1) }).period)],
];

const show = (xs: number[]) => { xs.sort((a, b) => a - b); return `${percentile(xs, 50).toFixed(1)} / ${percentile(xs, 95).toFixed(1)}`; };
for (const [name, fn] of cases) {
  const t = { before: { wall: [] as number[], cpu: [] as number[] }, after: { wall: [] as number[], cpu: [] as number[] } };
  for (const k of ['before', 'after'] as const) fn(trees[k].fresh()); // warm statement caches
  for (let i = 0; i < RUNS; i++) {
    for (const k of ['before', 'after'] as const) {
      const s = trees[k].fresh();
      const w = performance.now(), c = process.cpuUsage();
      fn(s);
      const d = process.cpuUsage(c);
      t[k].wall.push(performance.now() - w);
      t[k].cpu.push((d.user + d.system) / 1000);
    }
  }
  const ratio = percentile([...t.after.wall].sort((a, b) => a - b), 95) / percentile([...t.before.wall].sort((a, b) => a - b), 95);
  console.log(`${name}\n  before wall p50/p95 ${show(t.before.wall)} ms, cpu ${show(t.before.cpu)} ms`
    + `\n  after  wall p50/p95 ${show(t.after.wall)} ms, cpu ${show(t.after.cpu)} ms   (p95 after/before ${ratio.toFixed(2)})`);
}
for (const k of ['before', 'after'] as const) trees[k].services.close();
