// Photos are read as the multipart body streams (api/shared/multipart.ts): a broken, cut or oversized body is a
// localized 4xx with no case filed and no photo file left behind, on the API and on Open311.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import sharp from 'sharp';
import { cases } from '../../db/schema.ts';
import { testApp } from '../helpers/services.ts';
import { phoneJpeg } from '../helpers/images.ts';

const ORIGIN = 'http://localhost';
const valid = { category: 'exposed_garbage', lat: '21.8585', lng: '111.9822', description: '人民广场东侧垃圾堆了两天' };
type App = ReturnType<typeof testApp>['app'];

/** A multipart body by hand, so it can be cut or broken; fields come after the photos, as some clients send them. */
function multipart(fields: Record<string, string>, photos: { name?: string; bytes: Buffer }[], boundary = 'XyZ123boundary') {
  const parts: Buffer[] = [];
  for (const p of photos) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name ?? 'photos'}"; filename="IMG.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`), p.bytes, Buffer.from('\r\n'));
  }
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

const send = (app: App, path: string, body: BodyInit, type: string, extra: RequestInit = {}) =>
  app.request(path, { method: 'POST', body, headers: { origin: ORIGIN, 'content-type': type }, ...extra });

function state(services: ReturnType<typeof testApp>['services']) {
  let files = 0;
  try {
    files = readdirSync(services.config.uploadsDir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length;
  } catch { /* no uploads folder yet */ }
  return { cases: services.db.select().from(cases).all().length, files };
}

test('a photo report sent field by field after its photo is filed, the photo upright and stripped', async () => {
  const { app, services } = testApp();
  const { body, type } = multipart(valid, [{ bytes: await phoneJpeg() }, { name: 'other', bytes: Buffer.from('ignored') }]);
  const res = await send(app, '/api/reports', new Uint8Array(body), type);
  assert.equal(res.status, 201);
  const [photo] = services.reports.photosOf(services.db.select().from(cases).get()!.id);
  assert.equal(state(services).files, 2, 'the photo and its thumbnail; the other file part is not kept');
  const meta = await sharp(`${services.config.uploadsDir}/${photo!.file}`).metadata();
  assert.deepEqual([meta.width, meta.height, meta.exif], [200, 400, undefined]);
});

test('a cut, a broken and an abandoned multipart body are a 400, nothing filed, no file left', async () => {
  const { app, services } = testApp();
  const { body, type } = multipart(valid, [{ bytes: await phoneJpeg() }]);
  const before = state(services);
  const cut = await send(app, '/api/reports?lang=en', new Uint8Array(body.subarray(0, body.length - 200)), type); // inside the fields
  assert.equal(cut.status, 400);
  assert.equal((await cut.json()).error.code, 'invalid_input');
  const noBoundary = await send(app, '/api/reports', new Uint8Array(body), 'multipart/form-data');
  assert.equal(noBoundary.status, 400);
  const wrongBoundary = await send(app, '/api/reports', new Uint8Array(body), 'multipart/form-data; boundary=other');
  assert.equal(wrongBoundary.status, 400);
  // The client goes away mid-upload: the body stream errors after its first chunk.
  const gone = new ReadableStream<Uint8Array>({
    start(c) { c.enqueue(new Uint8Array(body.subarray(0, 4000))); c.error(new Error('socket hang up')); },
  });
  const abandoned = await send(app, '/api/reports', gone, type, { duplex: 'half' } as RequestInit);
  assert.equal(abandoned.status, 400);
  assert.deepEqual(state(services), before);
});

test('a photo over the size limit or one photo too many is refused mid-stream, with the fields after it still read', async () => {
  const { app, services } = testApp({ MAX_PHOTOS: '2', MAX_PHOTO_MB: '1' });
  const jpeg = await phoneJpeg();
  const before = state(services);
  const big = multipart(valid, [{ bytes: jpeg }, { bytes: Buffer.concat([jpeg, Buffer.alloc(1_100_000)]) }]);
  let res = await send(app, '/api/reports', new Uint8Array(big.body), big.type);
  assert.equal(res.status, 413);
  assert.match((await res.json()).error.fields.photos, /1 MB/);
  const many = multipart(valid, [{ bytes: jpeg }, { bytes: jpeg }, { bytes: jpeg }]);
  res = await send(app, '/api/reports?lang=en', new Uint8Array(many.body), many.type);
  assert.equal(res.status, 400);
  assert.match((await res.json()).error.fields.photos, /2 photos/);
  const field = multipart({ ...valid, description: '长'.repeat(30_000) }, []);
  res = await send(app, '/api/reports', new Uint8Array(field.body), field.type);
  assert.equal(res.status, 413, 'a text field longer than any form has');
  // Sent chunked, without a length: counted as it streams, refused once past the body limit (MAX_PHOTOS × MB + 1).
  const huge = multipart(valid, [{ bytes: Buffer.alloc(4 * 1048576) }]);
  const chunked = new ReadableStream<Uint8Array>({
    start(c) { for (let i = 0; i < huge.body.length; i += 65536) c.enqueue(new Uint8Array(huge.body.subarray(i, i + 65536))); c.close(); },
  });
  res = await send(app, '/api/reports', chunked, huge.type, { duplex: 'half' } as RequestInit);
  assert.equal(res.status, 413);
  assert.equal((await res.json()).error.code, 'body_too_large');
  assert.deepEqual(state(services), before, 'no case, and the first photo, read fine, was never written');
});

test('Open311: a photo is taken from any file part; a cut body or an oversized photo is an Open311 error', async () => {
  const { app, services } = testApp({ MAX_PHOTO_MB: '1' });
  const jpeg = await phoneJpeg();
  const filing = { service_code: 'street_vending', lat: '21.8601', long: '111.9790', description: '乔士桥路段占道经营' };
  const ok = multipart(filing, [{ name: 'media', bytes: jpeg }]);
  let res = await send(app, '/open311/v2/requests.json', new Uint8Array(ok.body), ok.type);
  assert.equal(res.status, 201);
  assert.equal(state(services).files, 2);
  const before = state(services);
  res = await send(app, '/open311/v2/requests.json', new Uint8Array(ok.body.subarray(0, 200 + jpeg.length / 2)), ok.type);
  assert.equal(res.status, 400);
  assert.ok(Array.isArray(await res.json()), 'GeoReport errors are a list');
  const big = multipart(filing, [{ name: 'media', bytes: Buffer.concat([jpeg, Buffer.alloc(1_100_000)]) }]);
  res = await send(app, '/open311/v2/requests.xml', new Uint8Array(big.body), big.type);
  assert.equal(res.status, 413);
  assert.match(await res.text(), /<error>.*1 MB/s);
  assert.deepEqual(state(services), before);
});
