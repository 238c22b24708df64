// `tsx tests/bench/submit-load.ts`: the submission rows of `npm run bench` alone (demo city, built server), each right
// after a hello run, so the ratios compare back-to-back runs on a busy machine. ROUNDS=n repeats the table. Also each
// process's own CPU time per request (/proc/<pid>/stat): on a shared machine, the figure other loads disturb least.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_PASSWORD } from './city.ts';
import { load, startProcess } from './load.ts';
import { freshOccurrence, REPORT, volunteer } from './submissions.ts';
import { START_ENV } from '../helpers/server-process.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4390) + 5;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const DIR = 'tests/.tmp/bench/submit-load';
rmSync(DIR, { recursive: true, force: true });
mkdirSync(DIR, { recursive: true });
/** The process's user + system CPU time in µs (Linux, 100 ticks/s). */
const cpuOf = (pid: number | undefined) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) * 10_000;
};
async function measured(pid: number | undefined, opts: Parameters<typeof load>[0]) {
  const c0 = cpuOf(pid);
  const r = await load(opts, 20, SECONDS);
  return { ...r, cpu: (cpuOf(pid) - c0) / Math.max(1, r.requests) };
}

const hello = await startProcess(['--import', 'tsx', 'tests/bench/hello.ts'], PORT + 1, {});
const server = await startProcess(['dist/server.mjs'], PORT, {
  ...START_ENV, DATA_DIR: join(DIR, 'data'), DEMO: '1', DEMO_PASSWORD: BENCH_PASSWORD, RATE_LIMITS: 'off', LOG_LEVEL: 'warn', PUBLIC_URL: `http://127.0.0.1:${PORT}`,
}, '/healthz');
try {
  const base = server.base;
  const headers = { 'content-type': 'application/json', origin: base };
  const form = new FormData();
  for (const [k, v] of Object.entries(REPORT)) form.append(k, v);
  const multipart = new Response(form);
  const multipartType = multipart.headers.get('content-type')!;
  const multipartBody = Buffer.from(await multipart.arrayBuffer());
  const signups = `${base}/api/drives/occurrences/${await freshOccurrence(base)}/signups`;
  let n = 0;
  const rows = {
    'POST /api/reports, text, JSON': { url: `${base}/api/reports?lang=en`, method: 'POST' as const, body: JSON.stringify(REPORT), headers },
    'POST /api/reports, text, multipart': { url: `${base}/api/reports?lang=en`, method: 'POST' as const, body: multipartBody, headers: { ...headers, 'content-type': multipartType } },
    'POST drive signup': { url: signups, method: 'POST' as const, headers, next: () => Buffer.from(JSON.stringify(volunteer(n++))) },
  };
  for (let round = 0; round < Number(process.env.ROUNDS ?? 1); round++) {
    for (const [name, opts] of Object.entries(rows)) {
      const h = await measured(hello.child.pid, { url: hello.base });
      const r = await measured(server.child.pid, opts);
      console.log(`${name.padEnd(36)} ${String(r.reqPerSec).padStart(6)} req/s  p50 ${r.p50} ms  hello ${h.reqPerSec} req/s  ×${(r.reqPerSec / h.reqPerSec).toFixed(3)}`
        + `  | CPU/request ${r.cpu.toFixed(0)} µs, hello ${h.cpu.toFixed(0)} µs: ×${(h.cpu / r.cpu).toFixed(3)}${r.non2xx ? `  ${r.non2xx} non-2xx` : ''}`);
    }
  }
} finally {
  await server.stop();
  await hello.stop();
}
