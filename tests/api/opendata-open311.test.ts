import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { cases } from '../../db/schema.ts';
import { seedDemo } from '../../api/demo/demo.ts';
import { FIXED_NOW, testApp } from '../helpers/services.ts';
import { caseRow } from '../helpers/cases.ts';
import { tokenOf } from '../../api/opendata/open311/submit.ts';
import { advance, asXmlText, insertCases, xmlParser } from '../helpers/opendata.ts';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;
const DAY = 86_400_000;

type App = ReturnType<typeof testApp>['app'];
const get = async (app: App, url: string) => {
  const res = await app.request(url);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
};
const xml = (text: string) => xmlParser.parse(text);
const post = (app: App, format: 'json' | 'xml', fields: Record<string, string>) =>
  app.request(`/open311/v2/requests.${format}`, { method: 'POST', body: new URLSearchParams(fields) }); // no Origin: another server

const filing = { service_code: 'street_vending', lat: '21.8601', long: '111.9790', description: '乔士桥路段占道经营，电话 13900001111 的摊主', first_name: '小明', last_name: '欧阳', email: 'ouyang.probe@example.com', phone: '13712340000' };

test('JSON and XML carry the same data for the same query, in GeoReport shapes', async () => {
  const { app, services } = testApp();
  await seedDemo(services, { now: FIXED_NOW, count: 40 });
  for (const [query, root, item] of [
    ['services', 'services', 'service'], ['requests', 'service_requests', 'request'], ['requests', 'service_requests', 'request', '?status=closed'],
    ['servicerequestupdates', 'service_requests_updates', 'request_update'],
  ] as const) {
    const j = await get(app, `/open311/v2/${query}.json`);
    const x = await get(app, `/open311/v2/${query}.xml`);
    assert.equal(j.status, 200);
    assert.equal(x.status, 200);
    assert.match(j.type, /application\/json/);
    assert.match(x.type, /text\/xml/);
    const list = JSON.parse(j.text) as Record<string, unknown>[];
    assert.ok(Array.isArray(list) && list.length > 0, `${query}: a non-empty array`);
    assert.deepEqual(xml(x.text)[root][item], asXmlText(list), `${query}: the XML says the same`);
  }
  const [svc] = JSON.parse((await get(app, '/open311/v2/services.json')).text);
  assert.equal(svc.metadata, false, 'booleans are booleans');
  assert.equal(svc.type, 'realtime', 'a POST answers the id at once');
  const requests = JSON.parse((await get(app, '/open311/v2/requests.json')).text) as Record<string, unknown>[];
  for (const r of requests) {
    assert.equal(typeof r.service_request_id, 'string');
    assert.equal(typeof r.service_code, 'string');
    assert.ok(r.status === 'open' || r.status === 'closed');
    assert.match(String(r.requested_datetime), ISO);
    assert.ok(r.expected_datetime === null || ISO.test(String(r.expected_datetime)));
    assert.ok(typeof r.status_notes === 'string' && r.status_notes !== '');
  }
  const one = JSON.parse((await get(app, `/open311/v2/requests/${requests[0]!.service_request_id}.json`)).text);
  assert.ok(Array.isArray(one) && one.length === 1, 'a single request is still a list');
  assert.deepEqual(one[0], requests[0]);
  const d = await get(app, '/open311/v2/discovery.xml');
  const disc = xml(d.text).discovery;
  assert.deepEqual(disc.endpoints.endpoint[0].formats.format, ['text/xml', 'application/json']);
  assert.equal(JSON.parse((await get(app, '/open311/v2/discovery.json')).text).endpoints[0].url, disc.endpoints.endpoint[0].url);
});

test('an Open311 client flow in XML: services → POST (id at once) → old token → accepted → requests/<id>', async () => {
  const { app, services } = testApp();
  const list = xml((await get(app, '/open311/v2/services.xml')).text).services.service;
  assert.ok(list.some((s: { service_code: string }) => s.service_code === 'street_vending'));

  const res = await post(app, 'xml', { ...filing, media_url: 'https://photos.example.net/p/1.jpg' });
  assert.equal(res.status, 201);
  const [answer] = xml(await res.text()).service_requests.request;
  assert.match(answer.service_request_id, /^YJ-\d{8}-\d{4}$/, 'the id at once');
  assert.match(answer.service_notice, /受理/);
  assert.deepEqual(Object.keys(answer).sort(), ['service_notice', 'service_request_id']);

  const row = services.db.select().from(cases).where(eq(cases.source, 'open311')).get()!;
  assert.equal(row.trackingNo, answer.service_request_id);
  const token = tokenOf(services.secret, row.id); // one a client stored before ids were answered at once
  const pending = await get(app, `/open311/v2/tokens/${token}.xml`);
  assert.equal(pending.status, 200, 'tokens answers at once');
  assert.deepEqual(xml(pending.text).service_requests.request, [{ service_request_id: row.trackingNo, token }], 'and resolves to the id at once');

  assert.equal(row.reporterName, '欧阳小明', 'the contact is kept for staff, family name first');
  assert.equal(row.reporterPhone, '13712340000');
  assert.equal(row.reporterEmail, 'ouyang.probe@example.com');
  assert.equal(row.mediaUrl, 'https://photos.example.net/p/1.jpg', 'media_url kept for staff, never fetched');
  assert.equal(row.channel, 'api');
  assert.equal((await get(app, `/open311/v2/requests/${row.trackingNo}.xml`)).status, 404, 'not public yet');

  await advance(services, row.trackingNo, ['accept', 'dispatch']);
  const ready = xml((await get(app, `/open311/v2/tokens/${token}.xml`)).text).service_requests.request[0];
  assert.equal(ready.service_request_id, row.trackingNo);

  const [req] = xml((await get(app, `/open311/v2/requests/${ready.service_request_id}.xml`)).text).service_requests.request;
  assert.equal(req.status, 'open');
  assert.match(req.status_notes, /^已派遣/);
  assert.equal(req.service_code, 'street_vending');
  assert.equal(req.agency_responsible, '环卫中心', 'dispatched to the unit GOOD_FIELDS names');
  assert.match(req.expected_datetime, ISO);
  assert.equal(req.lat, '21.8601');
  assert.equal(req.long, '111.979');
  assert.match(req.description, /139\*\*\*\*1111/, 'a phone typed into the description is masked');
  assert.doesNotMatch(JSON.stringify(req), /欧阳|13712340000|ouyang|photos\.example/);

  const updates = JSON.parse((await get(app, '/open311/v2/servicerequestupdates.json')).text);
  assert.deepEqual(updates.map((u: { status: string; external_status_code: string }) => [u.status, u.external_status_code]), [['open', 'accepted'], ['action_scheduled', 'dispatched']]);
});

test('Open311 errors: an array of {code, description} with 400, 403 and 404, in either format', async () => {
  const { app } = testApp({ OPEN311_API_KEY: 'key-for-tests-123' });
  const cases: [string, number, 'json' | 'xml'][] = [
    ['/open311/v2/requests.json?start_date=yesterday', 400, 'json'],
    ['/open311/v2/requests.xml?status=pending', 400, 'xml'],
    ['/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z', 400, 'json'],
    ['/open311/v2/requests/YJ-20990101-0001.xml', 404, 'xml'],
    ['/open311/v2/services/street_vending.json', 404, 'json'],
    ['/open311/v2/services/no_such_service.xml', 404, 'xml'],
    ['/open311/v2/tokens/not-a-token.json', 404, 'json'],
    ['/open311/v2/requests.json?jurisdiction_id=guangzhou.example', 404, 'json'],
    ['/open311/v2/requests.html', 404, 'json'],
    ['/open311/v2/no/such/thing.xml', 404, 'xml'],
  ];
  for (const [url, status, format] of cases) {
    const r = await get(app, url);
    assert.equal(r.status, status, url);
    const errors = format === 'json' ? JSON.parse(r.text) : xml(r.text).errors.error;
    assert.ok(Array.isArray(errors) && errors.length > 0, url);
    for (const e of errors) {
      assert.equal(String(e.code), String(status), url);
      assert.ok(typeof e.description === 'string' && e.description.length > 0, url);
    }
  }
  const noKey = await post(app, 'json', filing);
  assert.equal(noKey.status, 403);
  assert.equal((await noKey.json())[0].code, 403);
  assert.equal((await post(app, 'xml', { ...filing, api_key: 'wrong-key-000000' })).status, 403);
  const invalid = await post(app, 'json', { api_key: 'key-for-tests-123', service_code: 'street_vending', lat: '40.0', long: '116.4' });
  assert.equal(invalid.status, 400);
  const descriptions = (await invalid.json()).map((e: { description: string }) => e.description).join('\n');
  assert.match(descriptions, /lat\/long/, 'the errors name GeoReport fields');
  assert.match(descriptions, /^description/m);
  assert.equal((await post(app, 'json', { ...filing, api_key: 'key-for-tests-123', media_url: 'ftp://x' })).status, 400);
  assert.equal((await post(app, 'json', { ...filing, api_key: 'key-for-tests-123' })).status, 201);
});

test('an empty jurisdiction_id is the same as none, and ours is accepted', async () => {
  const { app } = testApp();
  for (const q of ['', '?jurisdiction_id=', '?jurisdiction_id=localhost', '?jurisdiction_id=LOCALHOST']) {
    assert.equal((await get(app, `/open311/v2/services.json${q}`)).status, 200, q);
  }
  assert.equal((await post(app, 'json', { ...filing, jurisdiction_id: '' })).status, 201);
});

test('requests: by default the last 90 days and at most 1000, newest first; windows up to 90 days', async () => {
  const { app, services } = testApp();
  const now = FIXED_NOW.getTime();
  insertCases(services, Array.from({ length: 1100 }, (_, i) => ({ createdAt: new Date(now - 3600_000 - i * 60_000) })));
  const [old] = insertCases(services, [{ createdAt: new Date(now - 100 * DAY) }]);
  const [hidden] = insertCases(services, [{ createdAt: new Date(now - DAY), hidden: true }]);
  const [pending] = insertCases(services, [{ createdAt: new Date(now - DAY), state: 'submitted' }]);
  const [closed] = insertCases(services, [{ createdAt: new Date(now - 2 * DAY), state: 'closed' }]);

  const all = JSON.parse((await get(app, '/open311/v2/requests.json')).text) as { service_request_id: string; requested_datetime: string }[];
  assert.equal(all.length, 1000);
  const times = all.map((r) => Date.parse(r.requested_datetime));
  assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first');
  const ids = new Set(all.map((r) => r.service_request_id));
  for (const no of [old, hidden, pending]) assert.ok(!ids.has(no!), `${no} is left out`);

  const older = JSON.parse((await get(app, `/open311/v2/requests.json?start_date=${new Date(now - 120 * DAY).toISOString()}&end_date=${new Date(now - 95 * DAY).toISOString()}`)).text);
  assert.deepEqual(older.map((r: { service_request_id: string }) => r.service_request_id), [old]);
  const fromOnly = JSON.parse((await get(app, `/open311/v2/requests.json?start_date=${new Date(now - 101 * DAY).toISOString()}`)).text);
  assert.equal(fromOnly[fromOnly.length - 1].service_request_id, old, 'start_date alone reaches 90 days forward');
  const closedOnly = JSON.parse((await get(app, '/open311/v2/requests.json?status=closed')).text);
  assert.deepEqual(closedOnly.map((r: { service_request_id: string }) => r.service_request_id), [closed]);
  const byId = JSON.parse((await get(app, `/open311/v2/requests.json?service_request_id=${old},${hidden},${closed}&status=open`)).text);
  assert.deepEqual(byId.map((r: { service_request_id: string }) => r.service_request_id).sort(), [old, closed].sort(), 'ids override the other filters; hidden stays out');
});

test('tokens never reveal a hidden case, and servicerequestupdates shows only public changes without internal notes', async () => {
  const { app, services } = testApp();
  await post(app, 'json', { ...filing, description: '门口垃圾' });
  const row = services.db.select().from(cases).get()!;
  const token = tokenOf(services.secret, row.id);
  await advance(services, row.trackingNo, ['accept', 'dispatch', 'resolve'], { accept: { internalNote: '内部备注：摊主是熟人' } });
  const updates = JSON.parse((await get(app, '/open311/v2/servicerequestupdates.json')).text);
  assert.deepEqual(updates.map((u: { external_status_code: string }) => u.external_status_code), ['accepted', 'dispatched', 'resolved']);
  assert.ok(updates.every((u: { update_id: unknown }) => typeof u.update_id === 'string'));
  assert.doesNotMatch(JSON.stringify(updates), /内部备注/);
  services.db.update(cases).set({ hidden: true }).where(eq(cases.id, row.id)).run();
  assert.equal((await get(app, `/open311/v2/tokens/${token}.json`)).status, 404);
  assert.equal((await get(app, `/open311/v2/requests/${row.trackingNo}.json`)).status, 404);
  assert.deepEqual(JSON.parse((await get(app, '/open311/v2/servicerequestupdates.json')).text), []);
  assert.equal(caseRow(services, row.trackingNo).source, 'open311');
});

test('Open311 POST shares the reports’ rate limit and answers 429 in its own shape; CSRF does not apply to it', async () => {
  const { app } = testApp({ RATE_LIMITS: 'on', RATE_LIMIT_REPORTS: '1/60m' });
  assert.equal((await post(app, 'json', filing)).status, 201, 'no Origin header, still accepted');
  const limited = await post(app, 'xml', filing);
  assert.equal(limited.status, 429);
  assert.equal(xml(await limited.text()).errors.error[0].code, '429');
  const viaWeb = await app.request('/api/reports', { method: 'POST', body: new URLSearchParams({ category: 'street_vending' }) });
  assert.equal(viaWeb.status, 403, 'the rest of the site still checks Origin');
});
