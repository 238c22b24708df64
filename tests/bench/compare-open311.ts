// Open311 requests before and after a change, in one process with requests alternated, so both see the same machine
// noise (on a shared machine separate runs differ by 2×). The "before" code is a tree of its own, e.g.
//   git archive <commit> | tar -x -C tests/.tmp/before && ln -s $PWD/node_modules tests/.tmp/before/node_modules
// Run: node --import tsx tests/bench/compare-open311.ts <before tree> <before city dir> <after city dir> [runs]
// (each city migrated by its own code: copy the ready city folder for the side that adds a migration).
import { resolve } from 'node:path';

const [beforeRoot, beforeCity, afterCity] = process.argv.slice(2) as [string, string, string];
const runs = Number(process.argv[5] ?? 60);
async function load(root: string, city: string) {
  const { loadConfig } = await import(`${root}/api/config.ts`);
  const { createServices } = await import(`${root}/api/services.ts`);
  const { createApp } = await import(`${root}/api/app.ts`);
  const services = createServices(loadConfig({ DATA_DIR: city, DEMO: '0', RATE_LIMITS: 'off', LOG_LEVEL: 'warn', RESPONSE_CACHE: 'off' }));
  return { services, app: createApp(services) };
}
const before = await load(resolve(beforeRoot), beforeCity);
const after = await load(process.cwd(), afterCity);
const stat = (ms: number[]) => { ms.sort((a, b) => a - b); const q = (p: number) => ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)]!.toFixed(1); return `p50 ${q(50)} p95 ${q(95)} min ${ms[0]!.toFixed(1)}`; };
for (const f of ['json', 'xml']) {
  const url = `/open311/v2/requests.${f}`;
  const t: Record<string, { wall: number[]; cpu: number[] }> = { before: { wall: [], cpu: [] }, after: { wall: [], cpu: [] } };
  for (let i = 0; i < runs + 5; i++) {
    for (const [name, x] of [['before', before], ['after', after]] as const) {
      const w = performance.now(), c = process.cpuUsage();
      await (await x.app.request(url)).text();
      const d = process.cpuUsage(c);
      if (i >= 5) { t[name]!.wall.push(performance.now() - w); t[name]!.cpu.push((d.user + d.system) / 1000); }
    }
  }
  for (const name of ['before', 'after']) console.log(`${f} ${name.padEnd(6)} wall ${stat(t[name]!.wall)} | cpu ${stat(t[name]!.cpu)}`);
}
before.services.close(); after.services.close();
