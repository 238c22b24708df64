// `tsx tests/bench/hit-ratio.ts [distDir…]`: warm public pages against the bare hello, back to back, several rounds,
// as `npm run bench` measures them (own processes, 20 connections, Accept-Encoding: br, gzip). Each dist folder given
// (default: dist) is started in turn on the same copy of the data, so a before/after comes out of one run.
// Env: BENCH_PORT (server; hello +1), ROUNDS (3), SECS (3), SIZE (demo | 100k: the city in tests/.tmp/bench), LOG_LEVEL.
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { BENCH_PASSWORD, scratchCopy } from './city.ts';
import { load, startProcess, type Proc } from './load.ts';
import { START_ENV } from '../helpers/server-process.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4390);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const SECS = Number(process.env.SECS ?? 3);
const SIZE = process.env.SIZE ?? 'demo';
const dists = process.argv.slice(2).length ? process.argv.slice(2) : ['dist'];
const OUT = resolve('tests/.tmp/bench');
// CPU time a process spent (user + system, ms): per request, far less disturbed by other load than req/s.
const cpuMs = (pid: number | undefined) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
};
async function measured(proc: Proc, path: string) {
  const c0 = cpuMs(proc.child.pid);
  const x = await load({ url: proc.base + path }, 20, SECS);
  return { ...x, cpuUs: ((cpuMs(proc.child.pid) - c0) * 1000) / Math.max(1, x.requests) };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// A dist given as `dist:info` runs with that LOG_LEVEL (the request log's cost, side by side).
const env = (dataDir: string, dist: string, demo: boolean) => ({
  ...START_ENV, DATA_DIR: dataDir, DEMO: demo ? '1' : '0', DEMO_PASSWORD: BENCH_PASSWORD, RATE_LIMITS: 'off',
  LOG_LEVEL: dist.split(':')[1] ?? process.env.LOG_LEVEL ?? 'warn', PUBLIC_URL: `http://127.0.0.1:${PORT}`, CITYLOOP_DIST: resolve(dist.split(':')[0]!),
});

async function source(): Promise<{ dir: string; demo: boolean }> {
  if (SIZE === 'demo') {
    const dir = resolve(OUT, 'hit-ratio-demo-src');
    rmSync(dir, { recursive: true, force: true });
    await (await startProcess([resolve(dists[0]!, 'server.mjs')], PORT, env(dir, dists[0]!, true), '/healthz')).stop();
    return { dir, demo: true };
  }
  const city = readdirSync(OUT).find((d) => d.startsWith('city-100000-'));
  if (!city) throw new Error('no 100k city in tests/.tmp/bench');
  return { dir: resolve(OUT, city), demo: false };
}

async function pages(base: string) {
  const list = await (await fetch(`${base}/reports`)).text();
  const caseNo = /href="\/reports\/([A-Z]+-\d{8}-\d+)"/.exec(list)?.[1];
  const quarter = /href="(\/stats\/quarterly\/[^"]+)"/.exec(await (await fetch(`${base}/stats/quarterly`)).text())?.[1];
  return [['home', '/'], ['case', `/reports/${caseNo}`], ['/reports', '/reports'], ['/stats', '/stats'], ['quarterly', quarter!]] as const;
}

const src = await source();
const hello = await startProcess(['--import', 'tsx', 'tests/bench/hello.ts'], PORT + 1, {});
const results: Record<string, Record<string, number[]>> = {};
const cpu: Record<string, Record<string, number[]>> = {};
try {
  for (const dist of dists) {
    const dataDir = resolve(OUT, 'hit-ratio-run');
    scratchCopy(src.dir, dataDir);
    let server: Proc | undefined;
    try {
      server = await startProcess([resolve(dist.split(':')[0]!, 'server.mjs')], PORT, env(dataDir, dist, false), '/healthz');
      const list = await pages(server.base);
      for (const [, p] of list) await fetch(server.base + p, { headers: { 'accept-encoding': 'br, gzip' } });
      const r: Record<string, number[]> = (results[dist] = {});
      const u: Record<string, number[]> = (cpu[dist] = {});
      for (let round = 0; round < ROUNDS; round++) {
        for (const [name, p] of list) {
          const h = await measured(hello, '/'); // the hello right before each page: both see the same machine
          const x = await measured(server, p);
          if (x.non2xx || x.errors) console.error(`${name}: ${x.non2xx} non-2xx, ${x.errors} errors`);
          (r[name] ??= []).push(x.reqPerSec / h.reqPerSec);
          (u[name] ??= []).push(h.cpuUs / x.cpuUs);
          (u.hello ??= []).push(h.cpuUs);
          console.error(`${dist} round ${round + 1} ${name}: ${x.reqPerSec} req/s (hello ${h.reqPerSec}), p50 ${x.p50} ms → ${(x.reqPerSec / h.reqPerSec).toFixed(3)}×; `
            + `CPU ${x.cpuUs.toFixed(0)} µs/request (hello ${h.cpuUs.toFixed(0)}) → ${(h.cpuUs / x.cpuUs).toFixed(3)}×`);
        }
      }
    } finally {
      await server?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
} finally {
  await hello.stop();
}
console.log(`\n${SIZE}: median of hello's CPU per request / the page's (server process CPU, user + system); 'hello': its µs`);
console.table(Object.fromEntries(Object.entries(cpu).map(([d, r]) => [d, Object.fromEntries(Object.entries(r).map(([k, v]) => [k, +median(v).toFixed(3)]))])));
console.log(`\n${SIZE}: median ratio to the hello over ${ROUNDS} rounds of ${SECS} s`);
console.table(Object.fromEntries(Object.entries(results).map(([d, r]) => [d, Object.fromEntries(Object.entries(r).map(([k, v]) => [k, +median(v).toFixed(3)]))])));
