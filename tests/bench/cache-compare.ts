// `tsx tests/bench/cache-compare.ts` (after `npm run build`): the same built server with RESPONSE_CACHE on and off, side
// by side in one run with a bare Hono hello in its own process; every page asked with `Accept-Encoding: br, gzip`.
// Ports BENCH_PORT+0..2 (default 4455); the demo city is seeded once into tests/.tmp/cache-compare-src and reused.
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';

const SRC = 'tests/.tmp/cache-compare-src';
const PORT = Number(process.env.BENCH_PORT ?? 4455);
const [ON, OFF, HELLO] = [PORT, PORT + 1, PORT + 2];
const SECONDS = Number(process.env.SECS ?? 5);
const kids: ChildProcess[] = [];
async function up(port: number, args: string[], env: Record<string, string>) {
  const child = spawn('node', args, { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', RATE_LIMITS: 'off', LOG_LEVEL: 'warn', PUBLIC_URL: `http://127.0.0.1:${port}`, DEMO: '0', ...env }, stdio: 'ignore' });
  kids.push(child);
  for (let i = 0; i < 600; i++) {
    if (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status < 500, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no server on ${port}`);
}
mkdirSync('tests/.tmp', { recursive: true });
writeFileSync('tests/.tmp/cache-compare-hello.mjs', `import { serve } from '${process.cwd()}/node_modules/@hono/node-server/dist/index.mjs'; import { Hono } from '${process.cwd()}/node_modules/hono/dist/index.js';
const app = new Hono(); app.get('*', (c) => c.text('Hello')); serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });`);
if (!existsSync(`${SRC}/cityloop.sqlite`)) { // seed the demo city once, then stop that server
  await up(ON, ['dist/server.mjs'], { DATA_DIR: SRC, DEMO: '1' });
  const seeding = kids.pop()!;
  await new Promise((r) => { seeding.once('exit', r); seeding.kill('SIGTERM'); });
}
for (const d of ['on', 'off']) { rmSync(`tests/.tmp/cache-bench-${d}`, { recursive: true, force: true }); cpSync(SRC, `tests/.tmp/cache-bench-${d}`, { recursive: true }); }
await up(HELLO, ['tests/.tmp/cache-compare-hello.mjs'], {});
await up(ON, ['dist/server.mjs'], { DATA_DIR: 'tests/.tmp/cache-bench-on', RESPONSE_CACHE: 'on' });
await up(OFF, ['dist/server.mjs'], { DATA_DIR: 'tests/.tmp/cache-bench-off', RESPONSE_CACHE: 'off' });
const no = (await (await fetch(`http://127.0.0.1:${ON}/open311/v2/requests.json`)).json())[0].service_request_id;
const paths = ['/', `/reports/${no}`, '/reports', '/stats', '/stats/quarterly', '/open311/v2/requests.json', '/api/cases/map?zoom=13&bbox=111.80,21.75,112.15,21.95', '/feeds/updates.atom'];
const run = async (port: number, path: string) => {
  const r = await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections: 20, duration: SECONDS, headers: { 'accept-encoding': 'br, gzip' } });
  return { rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, bad: r.non2xx + r.errors, bytes: Math.round(r.throughput.average / Math.max(1, r.requests.average)) };
};
const hello = await run(HELLO, '/');
console.log(`hello ${hello.rps} req/s`);
console.log('| path | cache off req/s | bytes | cache on req/s | bytes | on/off | on × hello | p99 on ms |');
for (const p of paths) {
  await fetch(`http://127.0.0.1:${ON}${p}`, { headers: { 'accept-encoding': 'br, gzip' } }); // warm: one render, then hits
  const on = await run(ON, p);
  await new Promise((r) => setTimeout(r, 1000));
  const off = await run(OFF, p);
  await new Promise((r) => setTimeout(r, 3000)); // the renders still queued finish before the next path
  console.log(`| ${p} | ${off.rps} | ${off.bytes} | ${on.rps} | ${on.bytes} | ${(on.rps / off.rps).toFixed(1)}× | ${(on.rps / hello.rps).toFixed(2)} | ${on.p99} |${off.bad || on.bad ? ` bad ${off.bad}/${on.bad}` : ''}`);
}
for (const k of kids) k.kill('SIGTERM');
