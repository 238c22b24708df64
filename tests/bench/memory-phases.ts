// `tsx tests/bench/memory-phases.ts` (after `npm run build`): the built server (started as `npm start` does) on a copy of
// the 100k city, one phase after another (warm pages, map, Open311, feed, both exports, 12 photo reports at 4
// connections), each phase's peak VmRSS and the VmHWM at the end, on one line. APP_ENV (JSON) adds to or overrides the
// server's environment, e.g. '{"NODE_OPTIONS":"--max-old-space-size=96"}'. Port BENCH_PORT.
import { bigCity } from './city.ts';
import { rmSync, cpSync } from 'node:fs';
import { load, peakMb, rssSampler, startProcess } from './load.ts';
import { phonePhoto } from './photo.ts';
import { START_ENV } from '../helpers/server-process.ts';
const PORT = Number(process.env.BENCH_PORT ?? 4390);
const dir = 'tests/.tmp/bench/memory-phases-data';
rmSync(dir, { recursive: true, force: true });
cpSync((await bigCity('tests/.tmp/bench', 100_000)).dir, dir, { recursive: true });
const extra = JSON.parse(process.env.APP_ENV ?? '{}');
const s = await startProcess(['dist/server.mjs'], PORT, { ...START_ENV, DATA_DIR: dir, DEMO: '0', RATE_LIMITS: 'off', LOG_LEVEL: 'warn', PUBLIC_URL: `http://127.0.0.1:${PORT}`, ...extra }, '/healthz');
const pid = s.child.pid;
const out: string[] = [`start ${peakMb(pid)}`];
const list = await (await fetch(`${s.base}/reports`)).text();
const no = /href="\/reports\/([A-Z]+-\d{8}-\d+)"/.exec(list)![1];
const phase = async (name: string, opts: Parameters<typeof load>[0], conns = 20, secs = 3) => {
  const r = rssSampler(pid); const x = await load(opts, conns, secs); out.push(`${name} ${r.stop()}${x.non2xx + x.errors ? ' BAD' : ''}`);
};
for (const p of ['/', `/reports/${no}`, '/reports', '/stats', '/drives', '/api/cases/map?zoom=13&bbox=111.80,21.75,112.15,21.95', '/open311/v2/requests.json', '/feeds/updates.atom']) await phase(p.slice(0, 20), { url: s.base + p });
await phase('csv', { url: `${s.base}/data/cases.csv`, amount: 1, timeout: 120 }, 1, 0);
await phase('geojson', { url: `${s.base}/data/cases.geojson`, amount: 1, timeout: 120 }, 1, 0);
const form = new FormData();
for (const [k, v] of Object.entries({ category: 'exposed_garbage', lat: '21.8585', lng: '111.9822', description: '垃圾', publish: 'on' })) form.append(k, v);
form.append('photos', new Blob([new Uint8Array(await phonePhoto())], { type: 'image/jpeg' }), 'a.jpg');
const res = new Response(form); const body = Buffer.from(await res.arrayBuffer());
await phase('photos', { url: `${s.base}/api/reports`, method: 'POST', body, amount: 12, timeout: 60, headers: { 'content-type': res.headers.get('content-type')!, origin: s.base } }, 4, 0);
out.push(`HWM ${peakMb(pid)}`);
await s.stop();
rmSync(dir, { recursive: true, force: true });
console.log(`${process.env.APP_ENV ?? 'default'}: ${out.join(' | ')}`);
