import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import Parser from 'rss-parser';
import { getIssues } from '@placemarkio/check-geojson';
import { parse as parseCsv } from 'csv-parse/sync';
import { cases } from '../../db/schema.ts';
import { seedDemo } from '../../api/demo/demo.ts';
import { FIXED_NOW, testApp } from '../helpers/services.ts';
import { report } from '../helpers/cases.ts';
import { advance, insertCases, xmlParser } from '../helpers/opendata.ts';

type App = ReturnType<typeof testApp>['app'];
const atomParser = new Parser();
const body = async (app: App, url: string) => {
  const res = await app.request(url);
  return { status: res.status, type: res.headers.get('content-type') ?? '', res, text: res.status === 200 ? await res.text() : '' };
};

test('Atom feeds: site-wide, per area and per case, read back by a feed parser', async () => {
  const { app, services } = testApp();
  await seedDemo(services, { now: FIXED_NOW, count: 40 });
  const site = await body(app, '/feeds/updates.atom');
  assert.equal(site.status, 200);
  assert.match(site.type, /application\/atom\+xml/);
  const feed = await atomParser.parseString(site.text);
  assert.equal(feed.title, '城事通 · 办理进度更新');
  assert.ok(feed.items.length > 10 && feed.items.length <= 100);
  const dates = feed.items.map((i) => Date.parse(i.isoDate!));
  assert.deepEqual(dates, [...dates].sort((a, b) => b - a), 'newest first');
  assert.equal(new Set(feed.items.map((i) => i.id)).size, feed.items.length, 'every entry has its own id');
  for (const item of feed.items) assert.match(item.link!, /^http:\/\/localhost:4321\/reports\/YJ-\d{8}-\d{4}$/);
  const atom = xmlParser.parse(site.text).feed;
  assert.equal(atom['@_xmlns'], 'http://www.w3.org/2005/Atom');
  assert.ok(atom.author.name && atom.id && atom.updated);

  const inside = '111.975,21.85,111.985,21.87';
  const area = await atomParser.parseString((await body(app, `/feeds/updates.atom?bbox=${inside}`)).text);
  const [w, s, e, n] = inside.split(',').map(Number);
  assert.ok(area.items.length > 0 && area.items.length < feed.items.length);
  for (const item of area.items) {
    const no = item.link!.split('/').pop()!;
    const c = services.db.select().from(cases).where(eq(cases.trackingNo, no)).get()!;
    assert.ok(c.lat! >= s! && c.lat! <= n! && c.lng! >= w! && c.lng! <= e!, `${no} lies in the box`);
  }

  const one = feed.items[0]!.link!.split('/').pop()!;
  const perCase = await atomParser.parseString((await body(app, `/feeds/cases/${one}.atom?lang=en`)).text);
  assert.match(perCase.title!, /progress of/);
  assert.ok(perCase.items.length >= 2 && perCase.items.every((i) => i.link!.endsWith(`/en/reports/${one}`)));
  assert.equal((await body(app, '/feeds/cases/YJ-20990101-0001.atom')).status, 404);
  assert.equal((await body(app, '/feeds/updates.atom?bbox=nonsense')).status, 400);
  services.db.update(cases).set({ hidden: true }).where(eq(cases.trackingNo, one)).run();
  assert.equal((await body(app, `/feeds/cases/${one}.atom`)).status, 410);
});

test('feed text is escaped and stripped of characters XML cannot hold', async () => {
  const { app, services } = testApp();
  const { trackingNo } = await report(services, { description: 'x' });
  await advance(services, trackingNo, ['accept', 'dispatch', 'resolve'], { resolve: { publicNote: '已处理 <b>完毕</b> & ]]> 结束\u0001' } });
  const text = (await body(app, `/feeds/cases/${trackingNo}.atom`)).text;
  const feed = await atomParser.parseString(text);
  const resolved = feed.items.find((i) => i.content?.includes('完毕'))!;
  assert.equal(resolved.content, '<p>已处理 &lt;b&gt;完毕&lt;/b&gt; &amp; ]]&gt; 结束</p>', 'typed markup stays text; the control character is gone');
});

test('GeoJSON: RFC 7946 (checked by check-geojson), [lng, lat] order, the list filters, pinless cases with null geometry', async () => {
  const { app, services } = testApp();
  await seedDemo(services, { now: FIXED_NOW, count: 40 });
  const [pinless] = insertCases(services, [{ createdAt: new Date(FIXED_NOW.getTime() - 3600_000), lat: null, lng: null, address: '江城区东风二路 13812345678 号' }]);
  const res = await body(app, '/data/cases.geojson');
  assert.equal(res.status, 200);
  assert.match(res.type, /application\/geo\+json/);
  assert.deepEqual(getIssues(res.text), [], 'valid GeoJSON');
  const fc = JSON.parse(res.text);
  assert.equal(fc.type, 'FeatureCollection');
  const publicCount = services.db.$client.prepare(`select count(*) n from cases where state != 'submitted' and hidden = 0`).get() as { n: number };
  assert.equal(fc.features.length, publicCount.n);
  for (const f of fc.features.filter((x: { geometry: unknown }) => x.geometry)) {
    const c = services.db.select().from(cases).where(eq(cases.trackingNo, f.properties.trackingNo)).get()!;
    const [lng, lat] = f.geometry.coordinates;
    assert.ok(Math.abs(lng - c.lng!) < 1e-6 && Math.abs(lat - c.lat!) < 1e-6, 'longitude first');
    assert.ok(lng > 111 && lng < 113 && lat > 21 && lat < 23);
  }
  const nopin = fc.features.find((f: { properties: { trackingNo: string } }) => f.properties.trackingNo === pinless);
  assert.equal(nopin.geometry, null);
  assert.equal(nopin.properties.address, '江城区东风二路 138****5678 号', 'masked');

  const filtered = JSON.parse((await body(app, '/data/cases.geojson?category=street_vending&status=fixed&bbox=111.9,21.8,112.1,21.95')).text);
  assert.deepEqual(getIssues(JSON.stringify(filtered)), []);
  for (const f of filtered.features) {
    assert.equal(f.properties.categoryId, 'street_vending');
    assert.equal(f.properties.bucket, 'fixed');
    assert.notEqual(f.geometry, null);
  }
  assert.equal((await body(app, '/data/cases.geojson?from=2026-13-45')).status, 400);
});

test('CSV: UTF-8 BOM, CRLF, Chinese headers (English with lang=en), Chinese text round-trips, formulas stay text', async () => {
  const { app, services } = testApp();
  const [no] = insertCases(services, [{ createdAt: new Date(FIXED_NOW.getTime() - 3600_000), address: '=HYPERLINK("http://evil")', description: '人民广场东侧，"垃圾"堆了两天，\n第二行' }]);
  const res = await app.request('/data/cases.csv');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type')!, /text\/csv; charset=utf-8/);
  assert.match(res.headers.get('content-disposition')!, /attachment; filename="cityloop-cases-2026-11-25\.csv"/);
  const bytes = Buffer.from(await res.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with the UTF-8 BOM');
  const text = bytes.toString('utf8');
  assert.ok(text.includes('\r\n'), 'CRLF line ends');
  const rows = parseCsv(bytes, { bom: true, columns: true }) as Record<string, string>[];
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!['受理编号'], no);
  assert.equal(rows[0]!['问题类别'], '暴露垃圾');
  assert.equal(rows[0]!['问题描述'], '人民广场东侧，"垃圾"堆了两天，\n第二行');
  assert.equal(rows[0]!['地址'], `'=HYPERLINK("http://evil")`, 'a formula is prefixed so Excel/WPS show it as text');
  assert.equal(rows[0]!['反映时间'], '2026-11-25 09:00');
  const en = parseCsv(Buffer.from(await (await app.request('/data/cases.csv?lang=en')).arrayBuffer()), { bom: true, columns: true }) as Record<string, string>[];
  assert.equal(en[0]!.tracking_no, no);
  assert.equal(en[0]!.category, 'Garbage on the ground');
});

test('CSV and GeoJSON stream every matching case across read batches, in several chunks', async () => {
  const { app, services } = testApp();
  const now = FIXED_NOW.getTime();
  insertCases(services, Array.from({ length: 2600 }, (_, i) => ({ createdAt: new Date(now - i * 60_000), categoryId: i % 2 ? 'street_vending' : 'exposed_garbage' })));
  const res = await app.request('/data/cases.csv?category=street_vending');
  const reader = res.body!.getReader();
  const chunks: Uint8Array[] = [];
  for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
  assert.ok(chunks.length > 1, 'written as it is read');
  const rows = parseCsv(Buffer.concat(chunks), { bom: true, columns: true }) as Record<string, string>[];
  assert.equal(rows.length, 1300);
  assert.equal(new Set(rows.map((r) => r['受理编号'])).size, 1300, 'no row twice across batch boundaries');
  const geo = JSON.parse(await (await app.request('/data/cases.geojson')).text());
  assert.equal(geo.features.length, 2600);
});
