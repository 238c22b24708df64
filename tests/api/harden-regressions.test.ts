// Regressions for the holes found by probing (issue 9, items 1–4): each failed on the code before its fix.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { count } from 'drizzle-orm';
import { staff } from '../../db/schema.ts';
import { testApp, signedIn } from '../helpers/services.ts';
import { report, caseRow } from '../helpers/cases.ts';
import { advance } from '../helpers/opendata.ts';
import { siteServer } from '../helpers/site.ts';

const ADDRESS = '翠湖小区3栋 王五家门口 电话13899990000 wangwu@example.com';
const site = await siteServer();
after(() => site.close());

test('1. nearby never shows a report that is not public, and masks the address of those that are', async () => {
  const { app, services } = testApp();
  const pending = await report(services, { lat: '21.8601', lng: '111.9790', address: ADDRESS });
  const unpublished = await report(services, { lat: '21.8601', lng: '111.9790', address: ADDRESS, publish: '' });
  const published = await report(services, { lat: '21.8601', lng: '111.9790', address: ADDRESS });
  await advance(services, unpublished.trackingNo, ['accept']);
  await advance(services, published.trackingNo, ['accept']);
  const res = await app.request(`/api/reports/nearby?category=${caseRow(services, pending.trackingNo).categoryId}&lat=21.8601&lng=111.9790`);
  assert.equal(res.status, 200);
  const text = await res.text();
  for (const secret of ['13899990000', 'wangwu@example.com']) assert.ok(!text.includes(secret), `${secret} leaked: ${text}`);
  const nos = (JSON.parse(text).items as { trackingNo: string }[]).map((i) => i.trackingNo);
  assert.ok(!nos.includes(pending.trackingNo), 'a pending report is not listed');
  assert.ok(nos.includes(published.trackingNo), 'a public one is');
});

test('2. a staff form post through an odd path (//, /en//, case) never skips the CSRF token', async () => {
  const { headers } = await signedIn(site.services, 'admin');
  const before = site.services.db.select({ n: count() }).from(staff).get()!.n;
  const form = new URLSearchParams({ intent: 'create', username: 'intruder', displayName: 'x', role: 'admin', password: 'k7mp-qx3r-zz9w-ab4t' }).toString();
  for (const path of ['/en//staff/admin/staff', '//staff/admin/staff', '/en/staff//admin/staff', '/staff/admin//staff', '/en//staff/admin/staff/']) {
    const res = await site.raw('POST', path, { headers: { cookie: headers.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    assert.ok(res.status >= 400 && res.status < 500, `${path}: ${res.status}`);
  }
  assert.equal(site.services.db.select({ n: count() }).from(staff).get()!.n, before, 'no account was created');
});

test('3. malformed page and Open311 posts, and TRACE anywhere, answer 4xx, never 500 or a reset', async () => {
  const cut = '--XYZ\r\nContent-Disposition: form-data; name="description"\r\n\r\n井盖';
  const bodies: [string, string][] = [
    ['text/plain', 'category=manhole_cover&address=x'],
    ['application/json', '{"category":"manhole_cover","address":"x"}'],
    ['multipart/form-data; boundary=XYZ', cut],
    ['multipart/form-data', 'no boundary at all'],
    ['application/x-www-form-urlencoded', '%E0%A4%A=%'],
  ];
  const seen: string[] = [];
  for (const path of ['/report', '/en/report', '/track', '/staff/login', '/en/staff/login', '/open311/v2/requests.json', '/open311/v2/requests.xml']) {
    for (const [type, body] of bodies) {
      const res = await site.raw('POST', path, { headers: { 'content-type': type }, body });
      if (res.status < 400 || res.status >= 500) seen.push(`POST ${path} (${type}): ${res.status}`);
    }
  }
  for (const path of ['/', '/reports', '/uploads/ab/cdefghijklmnopqrstu.jpg', '/feeds/updates.atom', '/_astro/x.js', '/favicon.svg', '/api/cases', '/healthz']) {
    const res = await site.raw('TRACE', path);
    if (res.status < 400 || res.status >= 500) seen.push(`TRACE ${path}: ${res.status}`);
  }
  assert.deepEqual(seen, []);
});

test('4a. "me too" on a report that is not public yet is the same 404 as an unknown number, and counts nothing', async () => {
  const { app, services } = testApp();
  const pending = await report(services);
  const res = await app.request(`/api/reports/${pending.trackingNo}/support`, { method: 'POST', headers: { origin: 'http://localhost' } });
  const unknown = await app.request('/api/reports/YJ-20261125-9999/support', { method: 'POST', headers: { origin: 'http://localhost' } });
  assert.equal(res.status, 404);
  assert.deepEqual(await res.json(), await unknown.json());
  assert.equal(caseRow(services, pending.trackingNo).supporters, 0);
});

test('4b. guessing follow codes is throttled on /api/track, /track and the rating endpoint', async () => {
  const { app } = testApp({ RATE_LIMITS: 'on' });
  const statuses = async (make: (i: number) => Response | Promise<Response>) => {
    const out = new Set<number>();
    for (let i = 0; i < 80; i++) out.add((await make(i)).status);
    return out;
  };
  assert.ok((await statuses((i) => app.request(`/api/track?no=YJ-20261125-0001&code=GUESS${i}`))).has(429), '/api/track');
  assert.ok((await statuses((i) => app.request('/api/track/rate', {
    method: 'POST', headers: { origin: 'http://localhost', 'content-type': 'application/json' },
    body: JSON.stringify({ no: 'YJ-20261125-0001', code: `GUESS${i}`, rating: 'satisfied' }),
  }))).has(429), '/api/track/rate');
  const page = await siteServer({ RATE_LIMITS: 'on' });
  try {
    const seen = new Set<number>();
    for (let i = 0; i < 80; i++) seen.add((await page.raw('GET', `/track?no=YJ-20261125-0001&code=GUESS${i}`)).status);
    assert.ok(seen.has(429), `/track: ${[...seen]}`);
  } finally {
    await page.close();
  }
});

