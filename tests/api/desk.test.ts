/** The dispatcher's desk: duplicate candidates (pin and address text, new reports too), the queue table, bulk with reject, 督办, ready phrases. */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { auditLog, caseLog } from '../../db/schema.ts';
import { act, actor, caseIn, caseRow, clockedServices, counts, report } from '../helpers/cases.ts';
import { testApp } from '../helpers/services.ts';

const { services, at } = clockedServices();
after(() => services.close());
const far = { lat: '', lng: '' }; // address only

describe('duplicate candidates', async () => {
  const { user: dispatcher } = await actor(services, 'dispatcher');
  const east = await caseIn(services, dispatcher, 'dispatched', { ...far, address: '江城区人民广场东侧', category: 'bin_overflow' });
  const pending = await report(services, { ...far, address: '人民广场东侧附近', category: 'bin_overflow' });
  const road = await caseIn(services, dispatcher, 'accepted', { ...far, address: '江城区东风二路银行门口', category: 'bin_overflow' });
  const other = await caseIn(services, dispatcher, 'accepted', { ...far, address: '人民广场东门', category: 'open_bbq' });
  const fresh = await report(services, { ...far, address: '人民广场东门', category: 'bin_overflow', description: '垃圾桶满了' });

  it('a report typed differently at the same place finds open cases and unaccepted reports by address', () => {
    const c = services.cases.queries.detail(dispatcher, fresh.trackingNo);
    const found = c.nearby.map((n) => n.trackingNo);
    assert.ok(found.includes(east.trackingNo), 'the dispatched case at 人民广场东侧');
    assert.ok(found.includes(pending.trackingNo), 'the report still waiting to be accepted');
    assert.ok(!found.includes(road.trackingNo), 'not a case elsewhere');
    assert.ok(!found.includes(other.trackingNo), 'not another category');
    assert.ok(c.nearby.every((n) => n.distance === null && n.by === 'address' && n.similarity! >= 0.6));
  });

  it('pins within 100 m still count, nearest first', async () => {
    const a = await report(services, { lat: '21.8600', lng: '111.9790', address: '', category: 'illegal_flyers' });
    const b = await report(services, { lat: '21.8603', lng: '111.9790', address: '', category: 'illegal_flyers' });
    const n = services.cases.queries.detail(dispatcher, b.trackingNo).nearby;
    assert.deepEqual(n.map((x) => [x.trackingNo, x.by]), [[a.trackingNo, 'pin']]);
    assert.ok(n[0]!.distance! > 20 && n[0]!.distance! < 50);
  });

  it('merging into a text candidate works in one action', async () => {
    const r = await act(services, dispatcher, fresh.trackingNo, 'merge', { target: east.trackingNo });
    assert.equal(r.state, 'duplicate');
  });
});

describe('the queue table and bulk', async () => {
  const { user: dispatcher } = await actor(services, 'dispatcher', null, 'q-dispatcher');
  const { user: handler } = await actor(services, 'handler', 'sanitation', 'q-handler');
  const a = await report(services, { category: 'exposed_garbage' });
  const b = await report(services, { category: 'exposed_garbage' });
  const c = await report(services, { category: 'exposed_garbage' });

  it('lists new reports with time left for acceptance, chips counts, and refuses handlers', () => {
    const t = services.desk.queue.table(dispatcher, { sort: 'old' });
    const row = t.items.find((i) => i.trackingNo === a.trackingNo)!;
    assert.equal(row.left?.overdue, false);
    assert.ok(t.counts.category.exposed_garbage! >= 3);
    assert.equal(services.desk.queue.table(dispatcher, { sort: 'old', category: 'manhole_cover' }).items.length, 0);
    assert.throws(() => services.desk.queue.table(handler, { sort: 'old' }), /action_forbidden/);
    const count = services.desk.queue.count(dispatcher);
    assert.equal(count.total, t.total);
    assert.equal(typeof count.newest, 'number');
  });

  it('bulk rejects with a reason, each case on its own, in the log and the audit', () => {
    const items = [a, b].map((x) => ({ trackingNo: x.trackingNo, version: caseRow(services, x.trackingNo).version }));
    const r = services.cases.actions.bulk(dispatcher, { action: 'reject', items, reasonCode: 'not_a_problem', publicNote: '经核查不存在此问题。' });
    assert.deepEqual(r.map((x) => x.ok), [true, true]);
    assert.equal(caseRow(services, a.trackingNo).state, 'rejected');
    assert.deepEqual(counts(services, a.trackingNo), { log: 2, audit: 1 });
    const noReason = services.cases.actions.bulk(dispatcher, { action: 'reject', items: [{ trackingNo: c.trackingNo, version: 1 }] });
    assert.equal(noReason[0]!.ok, false);
    assert.equal(caseRow(services, c.trackingNo).state, 'submitted');
  });

  it('bulk dispatch from new is accept and dispatch in one, with a public note', () => {
    const r = services.cases.actions.bulk(dispatcher, { action: 'dispatch', items: [{ trackingNo: c.trackingNo, version: 1 }], publicNote: '已派遣环卫中心处置。' });
    assert.equal(r[0]!.ok, true);
    const row = caseRow(services, c.trackingNo);
    assert.equal(row.state, 'dispatched');
    assert.ok(row.acceptedAt && row.dueAt);
  });
});

describe('督办', async () => {
  const { user: dispatcher } = await actor(services, 'dispatcher', null, 's-dispatcher');
  const { user: handler } = await actor(services, 'handler', 'sanitation', 's-handler');
  const { user: viewer } = await actor(services, 'viewer', null, 's-viewer');
  at('2026-11-20T09:00');
  const late = await caseIn(services, dispatcher, 'dispatched', { category: 'exposed_garbage' }); // 1 working day
  const held = await caseIn(services, dispatcher, 'on_hold', { category: 'exposed_garbage' });
  at('2026-11-25T10:00');

  it('lists overdue cases per unit and counts them', () => {
    const list = services.desk.supervision.list(dispatcher);
    const row = list.find((r) => r.trackingNo === late.trackingNo)!;
    assert.equal(row.light, 'red');
    assert.deepEqual([row.left.overdue, row.left.unit], [true, 'days']);
    assert.ok(!list.some((r) => r.trackingNo === held.trackingNo), 'a hold stops the clock');
    const by = services.desk.supervision.overdueByUnit(dispatcher);
    assert.ok(by.find((u) => u.unitId === 'sanitation')!.n >= 1);
    assert.deepEqual(services.desk.supervision.list(handler).map((r) => r.unitId).filter((u) => u !== 'sanitation'), []);
  });

  it('a 督办 with a new due time is one internal log row, one audit row, a new version', () => {
    const before = caseRow(services, late.trackingNo);
    const r = services.desk.supervision.supervise(dispatcher, late.trackingNo, { version: before.version, note: '请今日内处置完毕并回复', dueAt: '2026-11-25T17:00' });
    assert.equal(r.version, before.version + 1);
    const row = caseRow(services, late.trackingNo);
    assert.equal(row.state, 'dispatched');
    assert.equal(row.dueAt!.toISOString(), '2026-11-25T09:00:00.000Z');
    const log = services.db.select().from(caseLog).where(and(eq(caseLog.caseId, row.id), eq(caseLog.action, 'supervise'))).all();
    assert.equal(log.length, 1);
    assert.deepEqual([log[0]!.internalNote, log[0]!.publicNote, log[0]!.toState], ['请今日内处置完毕并回复', null, null]);
    assert.equal(services.db.select().from(auditLog).where(and(eq(auditLog.action, 'case.supervise'), eq(auditLog.target, late.trackingNo))).all().length, 1);
    // Internal: the public case page, its timeline and the updates feed never show it.
    const pub = services.publicCases.detail(late.trackingNo);
    assert.ok(pub && pub !== 'gone');
    assert.ok(!pub.timeline.some((e) => e.action === 'supervise'));
    assert.ok(!JSON.stringify(pub).includes('请今日内处置完毕并回复'));
  });

  it('refuses what it must: a stale version, no note, a due time on hold, handlers and viewers', () => {
    const v = (no: string) => caseRow(services, no).version;
    assert.throws(() => services.desk.supervision.supervise(dispatcher, late.trackingNo, { version: 1, note: 'x' }), /conflict/);
    assert.throws(() => services.desk.supervision.supervise(dispatcher, late.trackingNo, { version: v(late.trackingNo), note: ' ' }), /invalid_input/);
    assert.throws(() => services.desk.supervision.supervise(dispatcher, held.trackingNo, { version: v(held.trackingNo), note: '请按计划推进', dueAt: '2026-11-30T10:00' }), /invalid_input/);
    assert.equal(services.desk.supervision.supervise(dispatcher, held.trackingNo, { version: v(held.trackingNo), note: '请按计划推进' }).state, 'on_hold');
    assert.throws(() => services.desk.supervision.supervise(handler, late.trackingNo, { version: v(late.trackingNo), note: 'x' }), /action_forbidden/);
    assert.throws(() => services.desk.supervision.supervise(viewer, late.trackingNo, { version: v(late.trackingNo), note: 'x' }), /action_forbidden/);
  });
});

describe('ready phrases and the desk API', async () => {
  const { app, services: s } = testApp();
  after(() => s.close());
  const { user: admin, headers } = await actor(s, 'admin', null, 'p-admin');
  const { headers: dispatcherHeaders } = await actor(s, 'dispatcher', null, 'p-dispatcher');

  it('admins add, edit and delete phrases, audited; everyone reads them per action and language', async () => {
    const p = s.desk.phrases.create(admin, { action: 'reject', textZh: '经现场核查，未发现所反映的问题。', textEn: 'We checked on site and found no such problem.' });
    s.desk.phrases.update(admin, p.id, { action: 'reject', textZh: '经现场核查，未发现该问题。', textEn: 'Checked on site: no such problem.', sort: '2' });
    const res = await app.request('/api/staff/desk/phrases?lang=en', { headers: dispatcherHeaders });
    assert.deepEqual((await res.json()).phrases.reject, ['Checked on site: no such problem.']);
    assert.equal((await app.request('/api/staff/admin/phrases', { headers: dispatcherHeaders })).status, 404);
    const bad = await app.request('/api/staff/admin/phrases', { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ action: 'reject', textZh: '', textEn: 'x' }) });
    assert.equal(bad.status, 400);
    assert.equal((await bad.json()).error.fields.textZh, '请填写中文和英文常用语。');
    s.desk.phrases.remove(admin, p.id);
    const audited = s.db.select().from(auditLog).all().filter((a) => a.action.startsWith('phrase.')).map((a) => a.action);
    assert.deepEqual(audited, ['phrase.create', 'phrase.update', 'phrase.delete']);
  });

  it('the count for the badge and the queue answer JSON; handlers get 403', async () => {
    await report(s);
    const count = await (await app.request('/api/staff/desk/queue/count', { headers: dispatcherHeaders })).json();
    assert.equal(count.total, 1);
    const { headers: h } = await actor(s, 'handler', 'sanitation', 'p-handler');
    assert.equal((await app.request('/api/staff/desk/queue/count', { headers: h })).status, 403);
    const bad = await app.request('/api/staff/desk/queue?sort=nope', { headers: dispatcherHeaders });
    assert.equal(bad.status, 400);
  });
});
