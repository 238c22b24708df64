import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { casePhotos } from '../../db/schema.ts';
import { testApp } from '../helpers/services.ts';
import { phoneJpeg } from '../helpers/images.ts';
import { act, actor, caseIn, caseRow, report } from '../helpers/cases.ts';

type App = ReturnType<typeof testApp>['app'];
type Headers = Record<string, string>;

const get = (app: App, path: string, headers: Headers) => app.request(path, { headers });
const post = (app: App, path: string, headers: Headers, body: unknown) =>
  app.request(path, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
const actionUrl = (no: string, action: string) => `/api/staff/cases/${no}/actions/${action}`;

describe('staff case API: who sees what', async () => {
  const { app, services } = testApp();
  const dispatcher = await actor(services, 'dispatcher');
  const sanitation = await actor(services, 'handler', 'sanitation');
  const lighting = await actor(services, 'handler', 'lighting');
  const { trackingNo } = await caseIn(services, dispatcher.user, 'dispatched'); // garbage → 环卫中心

  it('a 路灯中心 handler gets 404 for a 环卫中心 case, reading or acting; the 环卫中心 handler gets it', async () => {
    const read = await get(app, `/api/staff/cases/${trackingNo}`, lighting.headers);
    assert.equal(read.status, 404);
    assert.equal((await read.json()).error.code, 'not_found');
    const write = await post(app, actionUrl(trackingNo, 'start'), lighting.headers, { version: caseRow(services, trackingNo).version });
    assert.equal(write.status, 404);
    const list = await (await get(app, '/api/staff/cases', lighting.headers)).json();
    assert.equal(list.items.some((i: { trackingNo: string }) => i.trackingNo === trackingNo), false);
    assert.equal((await get(app, `/api/staff/cases/${trackingNo}`, sanitation.headers)).status, 200);
    assert.equal((await get(app, '/api/staff/cases/queue', sanitation.headers)).status, 403, 'the queue is the dispatchers’');
  });

  it('no session is 401; a write without the CSRF header is 403', async () => {
    assert.equal((await get(app, '/api/staff/cases', {})).status, 401);
    const { 'x-csrf-token': _t, ...noToken } = dispatcher.headers;
    const res = await post(app, actionUrl(trackingNo, 'start'), noToken, { version: caseRow(services, trackingNo).version });
    assert.equal(res.status, 403);
    assert.equal((await res.json()).error.code, 'csrf');
  });

  it('the case page data: allowed actions, the full log with internal notes and staff names', async () => {
    await act(services, sanitation.user, trackingNo, 'start', { internalNote: '已安排保洁员' });
    const body = await (await get(app, `/api/staff/cases/${trackingNo}`, sanitation.headers)).json();
    assert.deepEqual(body.actions, ['resolve', 'send_back'], 'a handler may only resolve now, or send it back (回退)');
    assert.deepEqual(body.moderation, []);
    const start = body.log.at(-1);
    assert.deepEqual([start.action, start.actorName, start.internalNote], ['start', 'handler-sanitation', '已安排保洁员']);
    assert.equal(body.reporter.phone, null);
  });
});

describe('staff case API: concurrency, actions, photos', async () => {
  const { app, services } = testApp();
  const dispatcher = await actor(services, 'dispatcher');
  const other = await actor(services, 'dispatcher', null, 'dispatcher-2');
  const sanitation = await actor(services, 'handler', 'sanitation');

  it('two conflicting actions with the same version: one 200, one 409 with a clear message', async () => {
    const { trackingNo } = await report(services);
    const version = caseRow(services, trackingNo).version;
    const [a, b] = await Promise.all([
      post(app, actionUrl(trackingNo, 'accept'), dispatcher.headers, { version }),
      post(app, `${actionUrl(trackingNo, 'reject')}?lang=zh`, other.headers, { version, reasonCode: 'not_a_problem', publicNote: '未发现问题' }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409]);
    const loser = a.status === 409 ? a : b;
    assert.deepEqual((await loser.json()).error, { code: 'conflict', message: '该案件已被他人处理，请刷新后重试。' });
    assert.equal(caseRow(services, trackingNo).version, version + 1);
  });

  it('missing fields name the field; an unknown action is 404', async () => {
    const { trackingNo } = await report(services);
    const res = await post(app, `${actionUrl(trackingNo, 'reject')}?lang=en`, dispatcher.headers, { version: 1, reasonCode: 'not_jurisdiction', publicNote: '不属本局' });
    assert.equal(res.status, 400);
    assert.deepEqual((await res.json()).error.fields, { transferTo: 'Say where the case was transferred to.' });
    assert.equal((await post(app, actionUrl(trackingNo, 'explode'), dispatcher.headers, { version: 1 })).status, 404);
  });

  it('a body larger than the photos allowed is refused before it is read', async () => {
    const small = testApp({ MAX_PHOTOS: '1', MAX_PHOTO_MB: '1' });
    const staff = await actor(small.services, 'dispatcher');
    const { trackingNo } = await report(small.services);
    const res = await post(small.app, actionUrl(trackingNo, 'accept'), staff.headers, { version: 1, publicNote: 'x'.repeat(3 * 1048576) });
    assert.equal(res.status, 413);
    assert.equal((await res.json()).error.code, 'body_too_large');
  });

  it('the handler resolves with an after-photo (multipart); the reporter sees it without staff names or internal notes', async () => {
    const { trackingNo, code } = await caseIn(services, dispatcher.user, 'dispatched');
    await act(services, sanitation.user, trackingNo, 'start', { internalNote: '内部：张三负责' });
    const form = new FormData();
    form.append('version', String(caseRow(services, trackingNo).version));
    form.append('publicNote', '已清理完毕');
    form.append('photos', new Blob([new Uint8Array(await phoneJpeg())]), 'after.jpg');
    const res = await app.request(actionUrl(trackingNo, 'resolve'), { method: 'POST', headers: sanitation.headers, body: form });
    assert.equal(res.status, 200);
    assert.equal((await res.json()).state, 'resolved');
    const photos = services.db.select().from(casePhotos).where(eq(casePhotos.caseId, caseRow(services, trackingNo).id)).all();
    assert.deepEqual(photos.map((p) => p.kind), ['after']);
    const track = await (await app.request(`/api/track?no=${trackingNo}&code=${code}`)).text();
    assert.match(track, /已清理完毕/);
    assert.doesNotMatch(track, /张三|handler-sanitation|dispatcher-all/);
    assert.equal(JSON.parse(track).after.length, 1);
  });

  it('bulk accept over the API reports each case', async () => {
    const a = await report(services);
    const b = await report(services);
    const res = await post(app, '/api/staff/cases/bulk', dispatcher.headers, {
      action: 'accept', items: [{ trackingNo: a.trackingNo, version: 1 }, { trackingNo: b.trackingNo, version: 7 }],
    });
    const body = await res.json();
    assert.equal(body.ok, 1);
    assert.deepEqual(body.results.map((r: { ok: boolean; code?: string }) => r.code ?? 'ok'), ['ok', 'conflict']);
  });

  it('the reporter rates through POST /api/track/rate (form-encoded)', async () => {
    const { trackingNo, code } = await caseIn(services, dispatcher.user, 'closed');
    const rate = (rating: string, c = code) => app.request('/api/track/rate', {
      method: 'POST', headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ no: trackingNo, code: c, rating }).toString(),
    });
    assert.equal((await rate('satisfied', 'AAAAAAAA')).status, 404);
    assert.equal((await rate('great')).status, 400);
    const ok = await rate('satisfied');
    assert.equal(ok.status, 200);
    assert.deepEqual(await ok.json(), { trackingNo, state: 'closed', rating: 'satisfied', reopened: false });
    assert.equal((await rate('unsatisfied')).status, 409);
  });
});

describe('staff case API: queue and list', async () => {
  let now = new Date('2026-11-23T02:00:00Z'); // Monday 10:00
  const { app, services } = testApp({}, () => now);
  const dispatcher = await actor(services, 'dispatcher');
  const at = (local: string) => { now = new Date(`${local}:00+08:00`); };

  const red = await caseIn(services, dispatcher.user, 'accepted', { address: '中医院路段', description: '路边垃圾桶满溢', lat: '21.87', lng: '111.97' });
  at('2026-11-24T11:00');
  const yellow = await caseIn(services, dispatcher.user, 'dispatched', { category: 'bin_overflow', description: '第十三小学周边垃圾箱满溢' });
  at('2026-11-25T09:00');
  const older = await report(services, { description: '人民广场东侧垃圾落地', lat: '21.8585', lng: '111.9822' });
  const lamp = await report(services, { category: 'streetlight_out', description: '乔士桥路段路灯不亮', lat: '21.86', lng: '111.99' });
  at('2026-11-25T10:00');
  const newer = await report(services, { description: '广场东侧又有垃圾', lat: '21.85855', lng: '111.98222' });
  const { headers } = await actor(services, 'dispatcher', null, 'dispatcher-now'); // sessions expire with the moving clock
  const list = async (query: string) => (await (await get(app, `/api/staff/cases?${query}`, headers)).json());
  const numbers = (body: { items: { trackingNo: string }[] }) => body.items.map((i) => i.trackingNo);

  it('the queue: new reports oldest first, with photos and nearby similar open cases to merge into', async () => {
    const body = await (await get(app, '/api/staff/cases/queue', headers)).json();
    assert.deepEqual(numbers(body), [older.trackingNo, lamp.trackingNo, newer.trackingNo]);
    const item = body.items.find((i: { trackingNo: string }) => i.trackingNo === newer.trackingNo);
    assert.deepEqual(item.nearby.map((n: { trackingNo: string }) => n.trackingNo), [older.trackingNo]);
    assert.ok(item.nearby[0].distance < 10);
    assert.deepEqual(item.photos, []);
    assert.equal(item.light, 'green');
  });

  it('lights: red overdue, yellow past 80 %, green', async () => {
    assert.deepEqual(numbers(await list('light=red')), [red.trackingNo]);
    assert.deepEqual(numbers(await list('light=yellow')), [yellow.trackingNo]);
    assert.deepEqual(numbers(await list('light=green&sort=old')), [older.trackingNo, lamp.trackingNo, newer.trackingNo]);
  });

  it('filters: state, category, unit, date range', async () => {
    assert.deepEqual(numbers(await list('state=dispatched')), [yellow.trackingNo]);
    assert.deepEqual(numbers(await list('category=streetlight_out')), [lamp.trackingNo]);
    assert.deepEqual(numbers(await list('unit=lighting')), [lamp.trackingNo]);
    assert.deepEqual(numbers(await list('from=2026-11-24&to=2026-11-24')), [yellow.trackingNo]);
    assert.equal((await list('state=open')).total, 5);
    assert.equal((await get(app, '/api/staff/cases?light=purple', headers)).status, 400);
  });

  it('text search works for Chinese: trigram index for 3+ characters, LIKE below; tracking numbers too', async () => {
    assert.deepEqual(numbers(await list(`q=${encodeURIComponent('垃圾箱满溢')}`)), [yellow.trackingNo]);
    assert.deepEqual(numbers(await list(`q=${encodeURIComponent('中医院')}`)), [red.trackingNo]);
    assert.deepEqual(numbers(await list(`q=${encodeURIComponent('路灯')}`)), [lamp.trackingNo]);
    assert.deepEqual(numbers(await list(`q=${encodeURIComponent('广场 垃圾')}&sort=old`)), [older.trackingNo, newer.trackingNo]);
    assert.deepEqual(numbers(await list(`q=${lamp.trackingNo.toLowerCase()}`)), [lamp.trackingNo]);
    assert.deepEqual(numbers(await list(`q=${encodeURIComponent('"%_')}`)), []);
  });
});
