// `tsx tests/bench/submit-steps.ts`: where a text report's and a drive signup's time goes, in process (no sockets):
// the whole app (`app.request`), the use case alone, its validation, and its transaction; µs per request, median of
// batches. CPU time too, to tell a blocked event loop from waiting. Machine-independent ratios, not targets.
import { signedIn, testApp } from '../helpers/services.ts';

const N = Number(process.env.N ?? 400);
const ROUNDS = Number(process.env.ROUNDS ?? 7);
const REPORT = { category: 'exposed_garbage', lat: '21.8585', lng: '111.9822', description: '人民广场东侧垃圾堆了两天，味道很大', publish: 'on' };

async function time(name: string, op: (i: number) => unknown) {
  const walls: number[] = [];
  const cpus: number[] = [];
  let i = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let k = 0; k < N; k++) await op(i++);
    walls.push(((performance.now() - t0) * 1000) / N);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / N);
  }
  const med = (a: number[]) => a.sort((x, y) => x - y)[a.length >> 1]!;
  console.log(`${name.padEnd(44)} ${med(walls).toFixed(0).padStart(6)} µs wall ${med(cpus).toFixed(0).padStart(6)} µs cpu`);
}

const { services, app } = testApp({ LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' }, () => new Date());
const base = 'http://localhost';
const json = JSON.stringify(REPORT);
const headers = { 'content-type': 'application/json', origin: base };

await time('GET /healthz (middleware floor)', () => app.request('/healthz'));
await time('POST /api/reports JSON (whole app)', async () => {
  const res = await app.request('/api/reports', { method: 'POST', body: json, headers });
  if (res.status !== 201) throw new Error(`${res.status} ${await res.text()}`);
});
await time('reports.submit (use case)', () => services.reports.submit({ ...REPORT }, []));
await time('reports.validate', () => services.reports.validate({ ...REPORT }, 0));
const sqlite = services.db.$client;
await time('BEGIN IMMEDIATE + COMMIT (empty)', () => sqlite.transaction(() => {}).immediate());

// A drive with room for everyone (staff console), then signups with fresh phones.
const admin = await signedIn(services, 'admin');
const first = new Date(Date.now() + 8 * 3600_000 + 2 * 86_400_000).toISOString().slice(0, 10);
const weekday = ((new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
const made = await app.request('/api/staff/drives/series', { method: 'POST', headers: { ...admin.headers, 'content-type': 'application/json' }, body: JSON.stringify({
  titleZh: '压测专场', community: '沿江南社区', address: '沿江南路', weekday, startTime: '15:00', endTime: '17:00', firstDate: first, capacity: 500, hours: 2, unitId: 'sanitation',
}) });
if (made.status !== 201) throw new Error(`series: ${made.status} ${await made.text()}`);
const { id: seriesId } = await made.json() as { id: number };
const { items } = await (await app.request('/api/drives')).json() as { items: { id: number; seriesId: number }[] };
const occ = items.find((o) => o.seriesId === seriesId)!.id;
const volunteer = (i: number) => ({ name: '压测志愿者', phone: `136${String(i).padStart(8, '0')}`, ageGroup: 'adult', consent: true });
await time('POST signup (whole app)', async (i) => {
  const res = await app.request(`/api/drives/occurrences/${occ}/signups`, { method: 'POST', body: JSON.stringify(volunteer(i)), headers });
  if (res.status !== 201) throw new Error(`${res.status} ${await res.text()}`);
});
await time('drives.signups.signUp (use case)', (i) => services.drives.signups.signUp(occ, volunteer(1_000_000 + i)));
services.db.$client.close();
