// What the benchmarks submit: a text report, a volunteer, and a fresh drive to sign them up for.
import { BENCH_PASSWORD } from './city.ts';

/** A fresh drive occurrence with 500 places (signups past them join the waitlist: still an insert). */
export async function freshOccurrence(base: string): Promise<number> {
  const login = await fetch(`${base}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ username: 'admin', password: BENCH_PASSWORD }) });
  if (!login.ok) throw new Error(`bench login failed: ${login.status}`);
  const { csrfToken } = await login.json() as { csrfToken: string };
  const headers = { 'content-type': 'application/json', origin: base, cookie: login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), 'x-csrf-token': csrfToken };
  const first = new Date(Date.now() + 8 * 3600_000 + 2 * 86_400_000).toISOString().slice(0, 10);
  const weekday = ((new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  const created = await fetch(`${base}/api/staff/drives/series`, { method: 'POST', headers, body: JSON.stringify({
    titleZh: '压测专场', community: '沿江南社区', address: '沿江南路', weekday, startTime: '15:00', endTime: '17:00', firstDate: first, capacity: 500, hours: 2, unitId: 'sanitation',
  }) });
  if (created.status !== 201) throw new Error(`bench series failed: ${created.status} ${await created.text()}`);
  const { id } = await created.json() as { id: number };
  const { items } = await (await fetch(`${base}/api/drives`)).json() as { items: { id: number; seriesId: number }[] };
  return items.find((o) => o.seriesId === id)!.id;
}

export const REPORT = { category: 'exposed_garbage', lat: '21.8585', lng: '111.9822', description: '人民广场东侧垃圾堆了两天，味道很大', publish: 'on' };

/** The n-th volunteer: a new phone number each, so every signup is an insert. */
export const volunteer = (n: number) => ({ name: '压测志愿者', phone: `136${String(n).padStart(8, '0')}`, ageGroup: 'adult', consent: true });
