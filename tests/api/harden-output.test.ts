// Regressions for issue 9 items 5–6 (headers and CSP on every answer; output encoding of staff-edited names).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse } from 'csv-parse/sync';
import { categories, units } from '../../db/schema.ts';
import { testApp, signedIn } from '../helpers/services.ts';
import { advance } from '../helpers/opendata.ts';
import { report } from '../helpers/cases.ts';
import { siteServer } from '../helpers/site.ts';
import { contentSecurityPolicy, tileOrigins } from '../../api/page-headers.ts';

const site = await siteServer();
after(() => site.close());

test('5. every HTML page has a hash-based CSP header with frame-ancestors; HSTS and nosniff everywhere; staff pages no-store', async () => {
  const { headers } = await signedIn(site.services, 'admin');
  for (const path of ['/', '/en/', '/report', '/reports', '/en/reports', '/track', '/stats', '/staff/login', '/no-such-page']) {
    const res = await site.raw('GET', path);
    const csp = String(res.headers['content-security-policy'] ?? '');
    assert.match(csp, /frame-ancestors 'none'/, `${path}: ${csp}`);
    const script = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    assert.ok(script && !script.includes('unsafe-inline'), `${path}: script-src ${script}`);
    assert.equal(res.headers['strict-transport-security'] !== undefined, true, `${path}: HSTS`);
  }
  assert.match(String((await site.raw('GET', '/report')).headers['content-security-policy']), /script-src[^;]*'sha256-/, 'island scripts by hash');
  for (const path of ['/staff', '/staff/cases', '/en/staff/admin/staff']) {
    const res = await site.raw('GET', path, { headers: { cookie: headers.cookie } });
    assert.equal(res.status, 200, path);
    assert.match(String(res.headers['cache-control']), /no-store/, `${path}: cache-control`);
  }
  const asset = (await site.raw('GET', '/report')).body.match(/\/_astro\/[\w.-]+\.(?:js|css)/)?.[0];
  for (const path of [asset!, '/favicon.svg', '/healthz', '/feeds/updates.atom', '/data/cases.csv']) {
    const res = await site.raw('GET', path);
    assert.equal(res.status, 200, path);
    assert.equal(res.headers['x-content-type-options'], 'nosniff', `${path}: nosniff`);
  }
});

test('5. report-only switch, and the map tiles allowed by origin', async () => {
  assert.deepEqual(tileOrigins(['https://t{s}.tianditu.gov.cn/vec_w/wmts?x={x}', 'http://tiles.example.org/{z}/{x}/{y}.png', '']),
    ['https://*.tianditu.gov.cn', 'http://tiles.example.org']);
  assert.match(contentSecurityPolicy("script-src 'self' 'sha256-x'; style-src 'self';", { MAP_TILE_URL: 'https://a.b.cn/{z}', MAP_LABEL_URL: '' }),
    /img-src 'self' data: blob: https:\/\/a\.b\.cn; .*script-src 'self' 'sha256-x'/);
  const ro = await siteServer({ CSP_REPORT_ONLY: '1' });
  try {
    const res = await ro.raw('GET', '/');
    assert.equal(res.headers['content-security-policy'], undefined);
    assert.match(String(res.headers['content-security-policy-report-only']), /frame-ancestors 'none'/);
  } finally {
    await ro.close();
  }
});

test('6. a staff-edited name with markup or a formula stays text in every Atom feed and in the CSV', async () => {
  const { app, services } = testApp();
  services.db.update(categories).set({ nameZh: '<script>alert(1)</script>&垃圾', nameEn: '<b>x</b>' }).where(eq(categories.id, 'exposed_garbage')).run();
  services.db.update(units).set({ nameZh: '=HYPERLINK("http://evil.example","点我")', nameEn: '+cmd' }).where(eq(units.id, 'sanitation')).run();
  const { trackingNo: no } = await report(services, { address: '@SUM(A1)' });
  await advance(services, no, ['accept', 'dispatch']);
  for (const path of ['/feeds/updates.atom', '/feeds/updates.atom?lang=en', `/feeds/cases/${no}.atom`, `/feeds/cases/${no}.atom?lang=en`]) {
    const xml = await (await app.request(path)).text();
    assert.equal(XMLValidator.validate(xml), true, `${path} is well-formed XML`);
    assert.ok(!/<script/i.test(xml), `${path}: no raw <script`);
    assert.match(xml, /<entry>/, `${path} has entries`);
    void new XMLParser().parse(xml);
  }
  for (const path of ['/data/cases.csv', '/data/cases.csv?lang=en']) {
    const rows: string[][] = parse((await (await app.request(path)).text()).replace(/^\uFEFF/, ''));
    const formulas = rows.slice(1).flat().filter((cell) => /^[=+\-@]/.test(cell));
    assert.deepEqual(formulas, [], `${path}: no cell starts a formula`);
  }
});
