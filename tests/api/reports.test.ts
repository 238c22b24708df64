import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import exifr from 'exifr';
import { eq } from 'drizzle-orm';
import { cases, casePhotos } from '../../db/schema.ts';
import { testApp } from '../helpers/services.ts';
import { phoneJpeg, pixelBomb, plainPng, textAsJpeg } from '../helpers/images.ts';

const ORIGIN = 'http://localhost';

function form(fields: Record<string, string>, photos: Buffer[] = []) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  photos.forEach((p, i) => fd.append("photos", new Blob([new Uint8Array(p)]), `photo${i}.jpg`));
  return fd;
}

const post = (app: ReturnType<typeof testApp>['app'], fd: FormData, lang = 'zh', headers: Record<string, string> = {}) =>
  app.request(`/api/reports?lang=${lang}`, { method: 'POST', body: fd, headers: { origin: ORIGIN, ...headers } });

const valid = { category: 'exposed_garbage', lat: '21.8585', lng: '111.9822', description: '人民广场东侧垃圾堆了两天', publish: 'on', publish_photos: 'on' };

function files(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
  } catch {
    return [];
  }
}

test('a report with a phone photo is stored upright, resized, without EXIF, and its GPS places a missing pin', async () => {
  const { app, services } = testApp();
  const res = await post(app, form({ category: 'exposed_garbage', description: '垃圾落地' }, [await phoneJpeg(21.8601, 111.9790)]));
  assert.equal(res.status, 201);
  const body = await res.json();
  assert.match(body.trackingNo, /^YJ-20261125-\d{4}$/);
  assert.match(body.code, /^[A-Z2-9]{8}$/);
  const row = services.db.select().from(cases).where(eq(cases.trackingNo, body.trackingNo)).get()!;
  assert.ok(Math.abs(row.lat! - 21.8601) < 1e-4 && Math.abs(row.lng! - 111.979) < 1e-4, 'pin taken from the photo GPS');
  const [photo] = services.db.select().from(casePhotos).where(eq(casePhotos.caseId, row.id)).all();
  const stored = readFileSync(join(services.config.uploadsDir, photo.file));
  const meta = await sharp(stored).metadata();
  assert.equal(meta.width, 200, 'rotated upright: the 400×200 landscape with orientation 6 becomes 200×400');
  assert.equal(meta.height, 400);
  assert.equal(meta.exif, undefined, 'no EXIF block at all');
  assert.equal(await exifr.gps(stored).catch(() => undefined), undefined, 'no GPS');
  assert.ok((await sharp(readFileSync(join(services.config.uploadsDir, photo.thumb))).metadata()).width! <= 480);
});

test('tracking numbers count up per Shanghai day', async () => {
  const { app } = testApp();
  const a = await (await post(app, form(valid))).json();
  const b = await (await post(app, form(valid))).json();
  assert.equal(a.trackingNo, 'YJ-20261125-0001');
  assert.equal(b.trackingNo, 'YJ-20261125-0002');
});

test('a text file named .jpg is refused by its bytes, with a clear message, and nothing is kept', async () => {
  const { app, services } = testApp();
  const res = await post(app, form(valid, [await plainPng(), textAsJpeg()]));
  assert.equal(res.status, 400);
  const body = await res.json();
  assert.equal(body.error.code, 'invalid_input');
  assert.match(body.error.fields.photos, /JPG、PNG、WebP/);
  assert.equal(services.db.select().from(cases).all().length, 0, 'no half-written report');
  assert.deepEqual(files(services.config.uploadsDir), [], 'the valid photo processed alongside was removed too');
});

test('a 20000×20000-pixel image is refused before it is decoded', async () => {
  const { app } = testApp();
  const res = await post(app, form(valid, [pixelBomb()]), 'en');
  assert.equal(res.status, 400);
  assert.match((await res.json()).error.fields.photos, /too many pixels/);
});

test('more photos than allowed, or a photo over the size limit, are refused', async () => {
  const { app } = testApp({ MAX_PHOTOS: '2', MAX_PHOTO_MB: '1' });
  const png = await plainPng();
  let res = await post(app, form(valid, [png, png, png]));
  assert.equal(res.status, 400);
  assert.match((await res.json()).error.fields.photos, /最多 2 张/);
  res = await post(app, form(valid, [Buffer.concat([await phoneJpeg(), Buffer.alloc(1_100_000)])]));
  assert.equal(res.status, 413);
  assert.match((await res.json()).error.fields.photos, /1 MB/);
});

test('an empty form gets a localized error for each missing field, in zh and en', async () => {
  const { app } = testApp();
  const zh = await (await post(app, form({}))).json();
  assert.deepEqual(zh.error.fields, {
    category: '请选择问题类别。',
    location: '请在地图上标注位置，或填写地址、地标。',
    description: '请描述问题，或至少上传一张照片。',
  });
  const en = await (await post(app, form({ category: 'exposed_garbage' }), 'en')).json();
  assert.equal(en.error.fields.location, 'Mark the place on the map, or type an address or landmark.');
  assert.equal(en.error.message, 'Some of what you entered is not right. Please check and try again.');
});

test('invalid values are named field by field', async () => {
  const { app } = testApp();
  const res = await post(app, form({ ...valid, category: 'no_such', phone: '12345', email: 'not-mail', description: '长'.repeat(1001) }));
  assert.equal(res.status, 400);
  const { fields } = (await res.json()).error;
  assert.deepEqual(Object.keys(fields).sort(), ['category', 'description', 'email', 'phone']);
  assert.equal(fields.category, '所选问题类别不存在或已停用，请重新选择。');
  assert.equal(fields.phone, '请输入 11 位手机号码或带区号的固定电话。');
});

test('a pin far outside the city is refused', async () => {
  const { app } = testApp();
  const res = await post(app, form({ ...valid, lat: '39.9042', lng: '116.4074' }));
  assert.equal(res.status, 400);
  assert.equal((await res.json()).error.fields.location, '所选位置超出本市范围，请重新标注。');
});

test('a typed landmark alone is a valid location', async () => {
  const { app, services } = testApp();
  const res = await post(app, form({ category: 'streetlight_out', address: '乔士桥路段 3 号灯杆', description: '路灯整晚不亮' }));
  assert.equal(res.status, 201);
  const row = services.db.select().from(cases).get()!;
  assert.equal(row.lat, null);
  assert.equal(row.address, '乔士桥路段 3 号灯杆');
});

test('the honeypot field rejects bots', async () => {
  const { app, services } = testApp();
  const res = await post(app, form({ ...valid, website: 'http://spam.example' }));
  assert.equal(res.status, 400);
  assert.equal((await res.json()).error.code, 'spam');
  assert.equal(services.db.select().from(cases).all().length, 0);
});

test('a cross-site form post is refused (CSRF)', async () => {
  const { app } = testApp();
  const res = await post(app, form(valid), 'zh', { origin: 'https://evil.example' });
  assert.equal(res.status, 403);
  assert.equal((await res.json()).error.code, 'csrf');
});

test('the per-client rate limit answers 429 with a clear message', async () => {
  const { app } = testApp({ RATE_LIMITS: 'on', RATE_LIMIT_REPORTS: '2/60m' });
  assert.equal((await post(app, form(valid))).status, 201);
  assert.equal((await post(app, form(valid))).status, 201);
  const res = await post(app, form(valid));
  assert.equal(res.status, 429);
  assert.match((await res.json()).error.message, /提交过于频繁/);
});

test('the reporter follows the report with number + code; a wrong code and an unknown number look the same', async () => {
  const { app } = testApp();
  const { trackingNo, code } = await (await post(app, form({ ...valid, name: '陈先生', phone: '13800138000', email: 'chen@example.com', description: '垃圾很多，联系我 13912345678' }))).json();
  const ok = await app.request(`/api/track?no=${trackingNo}&code=${code.toLowerCase()}`);
  assert.equal(ok.status, 200);
  const text = await ok.text();
  const view = JSON.parse(text);
  assert.equal(view.state, 'submitted');
  assert.equal(view.timeline[0].action, 'submit');
  assert.match(view.description, /139\*\*\*\*5678/);
  for (const secret of ['陈先生', '13800138000', 'chen@example.com', '13912345678', code]) assert.ok(!text.includes(secret), `no ${secret}`);
  const wrong = await app.request(`/api/track?no=${trackingNo}&code=AAAAAAAA`);
  const unknown = await app.request(`/api/track?no=YJ-20200101-0001&code=${code}`);
  assert.equal(wrong.status, 404);
  assert.equal(unknown.status, 404);
  assert.deepEqual(await wrong.json(), await unknown.json());
});

test('photos of a report not yet public are served only through the signed link', async () => {
  const { app, services } = testApp();
  const { trackingNo, code } = await (await post(app, form(valid, [await plainPng()]))).json();
  const view = await (await app.request(`/api/track?no=${trackingNo}&code=${code}`)).json();
  const signed: string = view.before[0].url;
  assert.match(signed, /\?sig=/);
  assert.equal((await app.request(signed)).status, 200);
  assert.equal((await app.request(signed.split('?')[0])).status, 404, 'not public before acceptance');
  services.db.update(cases).set({ state: 'accepted' }).run();
  assert.equal((await app.request(signed.split('?')[0])).status, 200, 'public once accepted');
  services.db.update(cases).set({ publishPhotos: false }).run();
  assert.equal((await app.request(signed.split('?')[0])).status, 404, 'the reporter did not consent to publishing the photos');
});

test('"me too" adds support to the nearby open report and files nothing new', async () => {
  const { app, services } = testApp();
  await post(app, form(valid));
  services.db.update(cases).set({ state: 'accepted' }).run();
  const near = await (await app.request('/api/reports/nearby?category=exposed_garbage&lat=21.8590&lng=111.9822')).json();
  assert.equal(near.items.length, 1);
  assert.ok(near.items[0].distance > 40 && near.items[0].distance < 70);
  const far = await (await app.request('/api/reports/nearby?category=exposed_garbage&lat=21.8700&lng=111.9822')).json();
  assert.equal(far.items.length, 0, '1.3 km away is not nearby');
  const other = await (await app.request('/api/reports/nearby?category=street_vending&lat=21.8585&lng=111.9822')).json();
  assert.equal(other.items.length, 0, 'another category is not the same problem');

  const res = await app.request(`/api/reports/${near.items[0].trackingNo}/support`, { method: 'POST', headers: { origin: ORIGIN } });
  assert.equal(res.status, 200);
  assert.equal((await res.json()).supporters, 1);
  assert.equal(services.db.select().from(cases).all().length, 1, 'nothing new filed');
  const again = await app.request(`/api/reports/${near.items[0].trackingNo}/support`, { method: 'POST', headers: { origin: ORIGIN } });
  assert.equal(again.status, 409);
});

test('health check reads the database', async () => {
  const { app } = testApp();
  const res = await app.request('/healthz');
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { status: 'ok' });
});

test('unknown API paths answer a JSON 404', async () => {
  const { app } = testApp();
  const res = await app.request('/api/nothing-here?lang=en');
  assert.equal(res.status, 404);
  assert.equal((await res.json()).error.message, 'That page or record was not found.');
});

const postJson = (app: ReturnType<typeof testApp>['app'], body: string, lang = 'zh') =>
  app.request(`/api/reports?lang=${lang}`, { method: 'POST', body, headers: { origin: ORIGIN, 'content-type': 'application/json' } });

test('a text report as JSON is filed like the form, numbers and true/false included, with the same errors', async () => {
  const { app, services } = testApp();
  const res = await postJson(app, JSON.stringify({ ...valid, lat: 21.8585, lng: 111.9822, publish: true, publish_photos: false, phone: '13800138000' }));
  assert.equal(res.status, 201, await res.clone().text());
  const { trackingNo, code } = await res.json();
  assert.ok(trackingNo && code);
  const row = services.db.select().from(cases).where(eq(cases.trackingNo, trackingNo)).get()!;
  assert.deepEqual([row.lat, row.lng, row.publish, row.publishPhotos, row.reporterPhone], [21.8585, 111.9822, true, false, '13800138000']);

  const empty = await postJson(app, '{}');
  assert.equal(empty.status, 400);
  const multipart = await (await post(app, form({}))).json();
  assert.deepEqual((await empty.json()).error, multipart.error, 'the same errors as the form');
  const far = await (await postJson(app, JSON.stringify({ ...valid, lat: 39.9, lng: 116.4 }), 'en')).json();
  assert.equal(far.error.code, 'invalid_input');
  assert.ok(far.error.fields.location, 'a numeric pin is checked against the city bounds too');
  for (const bad of ['not json', '[1,2]', '"text"', JSON.stringify({ ...valid, description: { x: 1 } })]) {
    const r = await postJson(app, bad, 'en');
    assert.equal(r.status, 400, bad);
    assert.equal((await r.json()).error.code, 'invalid_input');
  }
});

test('a body over the limit is refused with 413 whether its length is declared up front or only known as it streams', async () => {
  const { app, services } = testApp({ MAX_PHOTOS: '1', MAX_PHOTO_MB: '1' }); // the limit: (1 × 1 + 1) MB
  const big = JSON.stringify({ ...valid, description: 'x'.repeat(2 * 1048576) });
  const declared = await app.request('/api/reports', { method: 'POST', body: big,
    headers: { origin: ORIGIN, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(big)) } });
  assert.equal(declared.status, 413);
  assert.equal((await declared.json()).error.code, 'body_too_large');
  const streamed = await app.request('/api/reports', { method: 'POST', duplex: 'half',
    body: new ReadableStream({ start(ctl) { ctl.enqueue(new TextEncoder().encode(big)); ctl.close(); } }),
    headers: { origin: ORIGIN, 'content-type': 'application/json' } } as RequestInit);
  assert.equal(streamed.status, 413);
  assert.equal(services.db.select().from(cases).all().length, 0, 'nothing filed');
});
