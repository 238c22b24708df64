import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import exifr from 'exifr';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { tokenOf } from '../../api/opendata/open311/submit.ts';
import { apiKeys, casePhotos, cases } from '../../db/schema.ts';
import { actor, caseRow } from '../helpers/cases.ts';
import { FmsClient, xmlSimple, type Problem } from '../helpers/fms-client.ts';
import { phoneJpeg } from '../helpers/images.ts';
import { advance } from '../helpers/opendata.ts';
import { FIXED_NOW, signedIn, testApp } from '../helpers/services.ts';

const problem: Problem = {
  serviceCode: 'exposed_garbage', title: '东风二路垃圾堆放', detail: '公交站旁垃圾堆了两天', name: '王 小明', email: 'wang.fms@example.org',
  phone: '13600001234', lat: 21.8611, lng: 111.9801, imageUrl: 'https://fms.example.org/photo/1.jpeg', extra: { fms_id: '1', closest_address: '东风二路 12 号' },
};
const openCases = (services: ReturnType<typeof testApp>['services']) => services.db.select().from(cases).all();

test('XML::Simple as FixMyStreet configures it reads an empty element as "no value"', () => {
  const obj = xmlSimple('<?xml version="1.0"?><service_requests><request><service_request_id/><token>abc</token></request></service_requests>')!;
  assert.deepEqual(obj.request, [{ service_request_id: undefined, token: 'abc' }]);
});

test('a FixMyStreet client: the first POST yields the id, a retry after a timeout the same id, its comment reaches staff', async () => {
  const { app, services } = testApp();
  const { user: admin } = await actor(services, 'admin', null, 'admin-keys');
  const { apiKey, key } = services.staff.apiKeys.create({ name: '12345 政务服务便民热线平台', channel: 'hotline' }, { id: admin.id, username: admin.username });
  const fms = new FmsClient({ transport: (p, i) => app.request(p, i), jurisdiction: 'localhost', apiKey: key });

  assert.ok((await fms.getServiceList())!.service);
  fms.loseNextAnswer();
  assert.equal(await fms.sendServiceRequest(problem), 0, 'the first answer timed out: the client records a failed send');
  const id = await fms.sendServiceRequest(problem);
  assert.match(String(id), /^YJ-\d{8}-\d{4}$/);
  assert.equal(await fms.sendServiceRequest(problem), id, 'and any later retry gets the same id');
  assert.deepEqual(fms.sleeps, [], 'no token to poll: the id came in the answer');
  assert.equal(openCases(services).length, 1, 'one case, not three');

  const row = caseRow(services, String(id));
  assert.equal(row.channel, 'hotline');
  assert.equal(row.sourceName, '12345 政务服务便民热线平台');
  assert.equal(row.apiKeyId, apiKey.id);
  assert.deepEqual(row.attributes, { fms_id: '1', closest_address: '东风二路 12 号' });
  assert.equal(row.mediaUrl, problem.imageUrl);
  assert.ok(services.db.select().from(apiKeys).get()!.lastUsedAt, 'the key’s last use is recorded');

  // Not public before acceptance, like every pending case; the client learns of acceptance from updates.
  assert.equal((await app.request(`/open311/v2/requests/${id}.xml`)).status, 404);
  await advance(services, String(id), ['accept']);
  const updates = await fms.getServiceRequestUpdates(new Date(FIXED_NOW.getTime() - 3600_000), new Date(FIXED_NOW.getTime() + 3600_000));
  assert.deepEqual(updates.map((u) => [u.service_request_id, u.status]), [[id, 'open']]);

  const updated = async () => (await (await app.request(`/open311/v2/requests/${id}.json`)).json())[0].updated_datetime;
  const before = await updated();
  const comment = { id: '77', problemExternalId: String(id), text: '今天又多了几袋', name: '王 小明', email: problem.email, open: true, confirmed: FIXED_NOW };
  const updateId = await fms.postServiceRequestUpdate(comment);
  assert.match(String(updateId), /^\d+$/);
  assert.equal(await fms.postServiceRequestUpdate(comment), updateId, 'the same update sent again is the same update');
  assert.equal(await updated(), before, 'an unpublished comment moves nothing public, not even the updated time');

  const { headers } = await signedIn(services, 'dispatcher');
  const detail = await (await app.request(`/api/staff/cases/${id}`, { headers })).json();
  const entry = detail.log.find((e: { action: string }) => e.action === 'comment');
  assert.equal(entry.internalNote, '今天又多了几袋', 'in the staff console, for staff only');
  assert.equal(entry.actorKind, 'reporter');
  assert.equal(entry.detail.email, problem.email);
  assert.equal(detail.channel, 'hotline');
  assert.deepEqual(detail.attributes, row.attributes);
  const publicFeed = async () => (await app.request(`/feeds/cases/${id}.atom`)).text();
  assert.doesNotMatch(await publicFeed(), /又多了几袋/, 'not public before staff publish it');

  const res = await app.request(`/api/staff/cases/${id}/actions/publish_comment`, {
    method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ version: caseRow(services, String(id)).version, logId: Number(updateId) }),
  });
  assert.equal(res.status, 200);
  assert.match(await publicFeed(), /又多了几袋/, 'public once published');
  const again = await app.request(`/api/staff/cases/${id}/actions/publish_comment`, {
    method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ version: caseRow(services, String(id)).version, logId: Number(updateId) }),
  });
  assert.equal(again.status, 400, 'a comment is published once');
});

test('retries and different people: same contact and text within 24 hours is one case; another contact is another case', async () => {
  let now = FIXED_NOW;
  const { app, services } = testApp({}, () => now);
  const fms = new FmsClient({ transport: (p, i) => app.request(p, i) });
  const first = await fms.sendServiceRequest(problem);
  assert.equal(await fms.sendServiceRequest({ ...problem, email: 'li.fms@example.org', name: '李 四' }) === first, false, 'identical text from another contact');
  assert.notEqual(await fms.sendServiceRequest({ ...problem, lat: 21.8612 }), first, 'another place');
  assert.notEqual(await fms.sendServiceRequest({ ...problem, serviceCode: 'street_vending' }), first, 'another service');
  now = new Date(FIXED_NOW.getTime() + 23 * 3600_000);
  assert.equal(await fms.sendServiceRequest(problem), first, 'a retry 23 hours later');
  now = new Date(FIXED_NOW.getTime() + 25 * 3600_000);
  assert.notEqual(await fms.sendServiceRequest(problem), first, 'a day later it is a new report');
  assert.equal(openCases(services).length, 5);
  // The web form never merges: a resident may really report the same thing twice.
  const web = { category: 'exposed_garbage', lat: '21.86', lng: '111.98', description: '同样的话' };
  const a = await services.reports.submit(web, []);
  const b = await services.reports.submit(web, []);
  assert.notEqual(a.trackingNo, b.trackingNo);
});

test('an old token resolves at once; keys: required once issued, revoked ones refused, OPEN311_API_KEY still one key', async () => {
  const { app, services } = testApp({ OPEN311_API_KEY: 'configured-key-123' });
  const withEnv = new FmsClient({ transport: (p, i) => app.request(p, i), apiKey: 'configured-key-123' });
  const id = await withEnv.sendServiceRequest(problem);
  assert.ok(id);
  const row = caseRow(services, String(id));
  assert.equal(row.sourceName, 'OPEN311_API_KEY');
  assert.equal(row.channel, 'api');
  assert.equal(await withEnv.getServiceRequestIdFromToken(tokenOf(services.secret, row.id)), id, 'a stored token: the id on the first poll');
  assert.deepEqual(withEnv.sleeps, []);

  const { user } = await actor(services, 'admin', null, 'admin-revoke');
  const who = { id: user.id, username: user.username };
  const { apiKey, key } = services.staff.apiKeys.create({ name: '微信小程序服务商', channel: 'api' }, who);
  const app2 = new FmsClient({ transport: (p, i) => app.request(p, i), apiKey: key });
  assert.ok(await app2.sendServiceRequest({ ...problem, detail: '另一件' }));
  assert.equal(await new FmsClient({ transport: (p, i) => app.request(p, i) }).sendServiceRequest(problem), 0, 'no key: refused');
  services.staff.apiKeys.revoke(apiKey.id, who);
  assert.equal(await app2.sendServiceRequest({ ...problem, detail: '再一件' }), 0, 'a revoked key is refused');
  // A client cannot comment on a case another client filed.
  const other = await app.request('/open311/v2/servicerequestupdates.json', { method: 'POST', body: new URLSearchParams({ api_key: 'configured-key-123', service_request_id: caseRow(services, String(id)).trackingNo, description: 'ok' }) });
  assert.equal(other.status, 201);
  const stranger = services.db.select().from(cases).where(eq(cases.apiKeyId, apiKey.id)).get()!;
  const refused = await app.request('/open311/v2/servicerequestupdates.json', { method: 'POST', body: new URLSearchParams({ api_key: 'configured-key-123', service_request_id: stranger.trackingNo, description: 'x' }) });
  assert.equal(refused.status, 404);
  assert.equal((await refused.json())[0].code, 404);
});

test('photos sent as multipart parts are stored like residents’ (EXIF gone), public only with consent and after acceptance', async () => {
  const { app, services } = testApp();
  const file = async (consent: boolean, description: string) => {
    const fd = new FormData();
    for (const [k, v] of Object.entries({ service_code: 'exposed_garbage', address_string: '江城区东风二路 12 号', description, ...(consent ? { 'attribute[publish_photos]': 'true' } : {}) })) fd.append(k, v);
    fd.append('media', new Blob([new Uint8Array(await phoneJpeg())], { type: 'image/jpeg' }), 'IMG_0001.jpg');
    const res = await app.request('/open311/v2/requests.json', { method: 'POST', body: fd });
    assert.equal(res.status, 201);
    const [{ service_request_id: no }] = await res.json();
    return no as string;
  };
  const withConsent = await file(true, '有同意公开照片');
  const without = await file(false, '没有同意公开照片');
  for (const no of [withConsent, without]) {
    const row = caseRow(services, no);
    const [photo] = services.db.select().from(casePhotos).where(eq(casePhotos.caseId, row.id)).all();
    assert.ok(photo, `${no}: the photo is stored`);
    const bytes = readFileSync(join(services.config.uploadsDir, photo!.file));
    assert.equal((await sharp(bytes).metadata()).exif, undefined, 'EXIF (GPS, camera) stripped');
    assert.equal(await exifr.gps(bytes).catch(() => undefined), undefined);
    assert.ok(Math.abs(row.lat! - 21.8585) < 1e-6, 'the photo’s GPS placed the pin before it was stripped, as for residents');
    assert.equal(row.address, '江城区东风二路 12 号', 'the address is kept as typed');
    assert.equal((await app.request(`/uploads/${photo!.file}`)).status, 404, 'nothing public before acceptance');
    await advance(services, no, ['accept']);
    const [req] = await (await app.request(`/open311/v2/requests/${no}.json`)).json();
    assert.equal((await app.request(`/uploads/${photo!.file}`)).status, no === withConsent ? 200 : 404);
    assert.equal(req.media_url === null, no === without, 'media_url only with the consent');
    assert.ok(req.description, 'the text itself stays public as with every Open311 server');
  }
  const bad = new FormData();
  bad.append('service_code', 'exposed_garbage'); bad.append('description', 'x'); bad.append('address_string', '某地');
  bad.append('media', new Blob([new TextEncoder().encode('not an image at all '.repeat(20))]), 'x.jpg');
  const refused = await app.request('/open311/v2/requests.xml', { method: 'POST', body: bad });
  assert.equal(refused.status, 400);
  assert.match(await refused.text(), /<description>media：/, 'the error names the part');
});

test('follow-up comments share the reports’ rate limit', async () => {
  const { app } = testApp({ RATE_LIMITS: 'on', RATE_LIMIT_REPORTS: '1/60m' });
  const post = () => app.request('/open311/v2/servicerequestupdates.xml', { method: 'POST', body: new URLSearchParams({ service_request_id: 'YJ-20261125-0001', description: 'x' }) });
  assert.equal((await post()).status, 404);
  assert.equal((await post()).status, 429);
});
