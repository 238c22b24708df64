import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { auditLog, cases, places } from '../../db/schema.ts';
import { seedDemoGazetteer } from '../../api/demo/gazetteer.ts';
import { FIXED_NOW, signedIn, testApp } from '../helpers/services.ts';

const ORIGIN = 'http://localhost';
const square = { lat: 21.86, lng: 111.979 };

function demoApp() {
  const t = testApp();
  seedDemoGazetteer(t.services, FIXED_NOW);
  return t;
}
type App = ReturnType<typeof testApp>['app'];
const report = (app: App, fields: Record<string, string>, lang = 'zh') =>
  app.request(`/api/reports?lang=${lang}`, { method: 'POST', headers: { origin: ORIGIN }, body: new URLSearchParams({ category: 'exposed_garbage', description: '垃圾落地', publish: 'on', ...fields }) });

test('a typed place without a pin is resolved by the gazetteer; an ambiguous one asks, a chosen candidate files, an unknown one stays an address', async () => {
  const { app, services } = demoApp();
  const row = (no: string) => services.db.select().from(cases).where(eq(cases.trackingNo, no)).get()!;

  const one = await report(app, { address: '江城区人民广场东侧公交站旁' });
  assert.equal(one.status, 201);
  const filed = row((await one.json()).trackingNo);
  assert.deepEqual({ lat: filed.lat, lng: filed.lng }, square);
  assert.equal(filed.address, '江城区人民广场东侧公交站旁', 'what the resident typed is kept');

  for (const lang of ['zh', 'en'] as const) {
    const many = await report(app, { address: '人民' }, lang);
    assert.equal(many.status, 400);
    const body = await many.json();
    assert.equal(body.error.code, 'invalid_input');
    assert.match(body.error.fields.address, lang === 'zh' ? /有多个地点/ : /More than one place/);
  }
  assert.equal(services.db.select().from(cases).all().length, 1, 'nothing half-filed');

  const hospital = services.gazetteer.all().find((p) => p.name === '阳江市人民医院')!;
  const chosen = await report(app, { address: '人民', place: String(hospital.id) });
  assert.equal(chosen.status, 201);
  assert.deepEqual({ lat: row((await chosen.json()).trackingNo).lat }, { lat: hospital.lat });

  const unknown = await report(app, { address: '城郊某处没有名字的小路' });
  assert.equal(unknown.status, 201);
  assert.equal(row((await unknown.json()).trackingNo).lat, null, 'an unknown place is filed as typed, for staff to place');

  const pinned = await report(app, { address: '人民', lat: '21.8700', lng: '111.9700' });
  assert.equal(pinned.status, 201, 'a pin makes the typed text a description of the place, nothing to resolve');
});

test('Open311 address_string without lat/long resolves through the gazetteer; an ambiguous one is kept without a pin', async () => {
  const { app, services } = demoApp();
  const post = (address: string) => app.request('/open311/v2/requests.json', { method: 'POST', body: new URLSearchParams({ service_code: 'exposed_garbage', address_string: address, description: '热线转来' }) });
  const res = await post('江城区乔士桥路段');
  assert.equal(res.status, 201);
  const [{ service_request_id: id }] = await res.json();
  const bridge = services.gazetteer.all().find((p) => p.name === '乔士桥')!;
  assert.deepEqual(services.db.select({ lat: cases.lat, lng: cases.lng }).from(cases).where(eq(cases.trackingNo, id)).get(), { lat: bridge.lat, lng: bridge.lng });
  const vague = await post('人民');
  assert.equal(vague.status, 201, 'an integrating system is not asked back');
});

test('suggest, near and the schematic GeoJSON (cacheable, revalidated by ETag, changed by an edit)', async () => {
  const { app, services } = demoApp();
  const s = await (await app.request(`/api/places/suggest?q=${encodeURIComponent('人民广场')}`)).json();
  assert.deepEqual(s.items.map((p: { name: string }) => p.name), ['人民广场', '人民广场站']);
  assert.deepEqual((await (await app.request('/api/places/suggest?q=')).json()).items, []);
  assert.equal((await app.request(`/api/places/suggest?q=${'长'.repeat(101)}`)).status, 400);
  assert.equal((await (await app.request('/api/places/near?lat=21.8601&lng=111.9791')).json()).place.name, '人民广场');
  assert.equal((await app.request('/api/places/near?lat=abc&lng=1')).status, 400);

  const res = await app.request('/api/places/map.geojson');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('cache-control')!, /public/);
  const etag = res.headers.get('etag')!;
  const geo = await res.json();
  const lines = geo.features.filter((f: { geometry: { type: string } }) => f.geometry.type === 'LineString');
  assert.ok(lines.length >= 31, 'roads and the outline');
  assert.ok(geo.features.length - lines.length >= 60, 'places');
  assert.ok(geo.features.every((f: { geometry: { coordinates: number[] | number[][] } }) => {
    const [lng] = (Array.isArray(f.geometry.coordinates[0]) ? f.geometry.coordinates[0] : f.geometry.coordinates) as number[];
    return lng > 111 && lng < 113; // [lng, lat] (RFC 7946)
  }));
  assert.equal((await app.request('/api/places/map.geojson', { headers: { 'if-none-match': etag } })).status, 304);
  const admin = await signedIn(services, 'admin');
  await app.request('/api/staff/admin/places', { method: 'POST', headers: { ...admin.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ name: '新建口袋公园', kind: 'landmark', lat: '21.861', lng: '111.981' }) });
  assert.equal((await app.request('/api/places/map.geojson', { headers: { 'if-none-match': etag } })).status, 200, 'an edit changes the ETag');
});

test('admins add, edit and delete places (audited); bad input is named field by field; nobody else may', async () => {
  const { app, services } = demoApp();
  const admin = await signedIn(services, 'admin');
  const json = (h: Record<string, string>) => ({ ...h, 'content-type': 'application/json' });
  const created = await app.request('/api/staff/admin/places', { method: 'POST', headers: json(admin.headers),
    body: JSON.stringify({ name: '漠阳江大桥', aliases: '大桥、江城大桥', kind: 'road', lat: '21.853', lng: '111.99', line: '21.852,111.989\n21.854,111.991' }) });
  assert.equal(created.status, 201);
  const { place } = await created.json();
  assert.deepEqual(place.aliases, ['大桥', '江城大桥']);
  assert.deepEqual(place.line, [[21.852, 111.989], [21.854, 111.991]]);
  assert.equal(services.gazetteer.resolve('江城大桥旁边').kind, 'one');

  const bad = await app.request(`/api/staff/admin/places/${place.id}?lang=en`, { method: 'PUT', headers: json(admin.headers),
    body: JSON.stringify({ name: '', kind: 'volcano', lat: 'north', lng: '111.99', line: '21.85' }) });
  assert.equal(bad.status, 400);
  assert.deepEqual(Object.keys((await bad.json()).error.fields).sort(), ['kind', 'lat', 'line', 'name']);
  const outside = await app.request(`/api/staff/admin/places/${place.id}`, { method: 'PUT', headers: json(admin.headers),
    body: JSON.stringify({ name: '漠阳江大桥', kind: 'landmark', lat: '39.9', lng: '116.4' }) });
  assert.equal(outside.status, 400, 'outside the city');

  const edited = await app.request(`/api/staff/admin/places/${place.id}`, { method: 'PUT', headers: json(admin.headers),
    body: JSON.stringify({ name: '漠阳江大桥', kind: 'landmark', lat: '21.8531', lng: '111.9901' }) });
  assert.equal(edited.status, 200);
  assert.equal((await edited.json()).place.line, null);

  const dispatcher = await signedIn(services, 'dispatcher');
  assert.equal((await app.request(`/api/staff/admin/places/${place.id}/delete`, { method: 'POST', headers: dispatcher.headers })).status, 404);
  assert.equal((await app.request(`/api/staff/admin/places/${place.id}/delete`, { method: 'POST', headers: admin.headers })).status, 200);
  assert.equal((await app.request(`/api/staff/admin/places/${place.id}/delete`, { method: 'POST', headers: admin.headers })).status, 404);
  assert.equal(services.db.select().from(places).where(eq(places.id, place.id)).get(), undefined);
  const actions = services.db.select({ action: auditLog.action }).from(auditLog).all().map((r) => r.action).filter((a) => a.startsWith('place.'));
  assert.deepEqual(actions, ['place.create', 'place.update', 'place.delete']);
});
