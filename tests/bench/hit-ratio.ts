// `tsx tests/bench/hit-ratio.ts [distDir…]`: warm public pages against the bare hello, back to back, several rounds,
// as `npm run bench` measures them (own processes, 20 connections, Accept-Encoding: br, gzip). Each dist folder given
// (default: dist) is started in turn on the same copy of the data, so a before/after comes out of one run.
// Env: BENCH_PORT (server; hello +1), ROUNDS (3), SECS (3), SIZE (demo | 100k: the city in tests/.tmp/bench), LOG_LEVEL.
import { readdirSync, rmSync } from 'node:fs';
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
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const env = (dataDir: string, dist: string, demo: boolean) => ({
  ...START_ENV, DATA_DIR: dataDir, DEMO: demo ? '1' : '0', DEMO_PASSWORD: BENCH_PASSWORD, RATE_LIMITS: 'off',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', PUBLIC_URL: `http://127.0.0.1:${PORT}`, CITYLOOP_DIST: resolve(dist),
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
try {
  for (const dist of dists) {
    const dataDir = resolve(OUT, 'hit-ratio-run');
    scratchCopy(src.dir, dataDir);
    let server: Proc | undefined;
    try {
      server = await startProcess([resolve(dist, 'server.mjs')], PORT, env(dataDir, dist, false), '/healthz');
      const list = await pages(server.base);
      for (const [, p] of list) await fetch(server.base + p, { headers: { 'accept-encoding': 'br, gzip' } });
      const r: Record<string, number[]> = (results[dist] = {});
      for (let round = 0; round < ROUNDS; round++) {
        const h = await load({ url: hello.base }, 20, SECS);
        for (const [name, p] of list) {
          const x = await load({ url: server.base + p }, 20, SECS);
          if (x.non2xx || x.errors) console.error(`${name}: ${x.non2xx} non-2xx, ${x.errors} errors`);
          (r[name] ??= []).push(x.reqPerSec / h.reqPerSec);
          console.error(`${dist} round ${round + 1} ${name}: ${x.reqPerSec} req/s (hello ${h.reqPerSec}), p50 ${x.p50} ms → ${(x.reqPerSec / h.reqPerSec).toFixed(3)}×`);
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
console.log(`\n${SIZE}: median ratio to the hello over ${ROUNDS} rounds of ${SECS} s`);
console.table(Object.fromEntries(Object.entries(results).map(([d, r]) => [d, Object.fromEntries(Object.entries(r).map(([k, v]) => [k, +median(v).toFixed(3)]))])));
