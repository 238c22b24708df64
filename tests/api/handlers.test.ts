// Issue 11, handlers and other sources: 回退 and 改派, 延期/挂账 requests and their decision, staff-entered hotline and
// patrol cases, 回访 (a finding of "unsolved" reopens like 不满意), the audited reveal of the reporter's phone.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { auditLog, caseRequests } from '../../db/schema.ts';
import { testApp } from '../helpers/services.ts';
import { act, actor, caseIn, caseRow, clockedServices, counts, shLocal } from '../helpers/cases.ts';
import { createApp } from '../../api/app.ts';
import type { Services } from '../../api/services.ts';

type Headers = Record<string, string>;
const json = (headers: Headers, body: unknown) => ({ method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
const audits = (services: Services, no: string) => services.db.select().from(auditLog).where(eq(auditLog.target, no)).all().map((a) => a.action);
const step = (app: ReturnType<typeof createApp>, headers: Headers, no: string, action: string, body: Record<string, unknown>) =>
  app.request(`/api/staff/cases/${no}/actions/${action}`, json(headers, body));

describe('回退 and 改派', async () => {
  const { app, services } = testApp();
  const dispatcher = await actor(services, 'dispatcher');
  const sanitation = await actor(services, 'handler', 'sanitation');
  const lighting = await actor(services, 'handler', 'lighting');
  const { trackingNo } = await caseIn(services, dispatcher.user, 'in_progress'); // garbage → 环卫中心, started

  it('needs a reason; another unit’s handler gets 404; a dispatcher cannot send back', async () => {
    const version = caseRow(services, trackingNo).version;
    const blank = await step(app, sanitation.headers, trackingNo, 'send_back', { version });
    assert.equal(blank.status, 400);
    assert.ok((await blank.json()).error.fields.publicNote);
    assert.equal((await step(app, lighting.headers, trackingNo, 'send_back', { version, internalNote: 'x' })).status, 404);
    assert.equal((await step(app, dispatcher.headers, trackingNo, 'send_back', { version, internalNote: 'x' })).status, 403);
  });

  it('the case leaves the unit, waits in the dispatcher’s inbox, and is re-dispatched with a fresh allowance', async () => {
    const before = counts(services, trackingNo);
    const res = await step(app, sanitation.headers, trackingNo, 'send_back', { version: caseRow(services, trackingNo).version, internalNote: '路灯杆倒伏，应由路灯中心处置' });
    assert.equal(res.status, 200);
    const row = caseRow(services, trackingNo);
    assert.deepEqual([row.state, row.unitId, row.dueAt], ['accepted', null, null]);
    assert.deepEqual(counts(services, trackingNo), { log: before.log + 1, audit: before.audit + 1 });
    assert.equal((await app.request(`/api/staff/cases/${trackingNo}`, { headers: sanitation.headers })).status, 404, 'no longer theirs');
    const inbox = await (await app.request('/api/staff/cases/requests', { headers: dispatcher.headers })).json();
    assert.deepEqual(inbox.sentBack.map((c: { trackingNo: string; reason: string }) => [c.trackingNo, c.reason]), [[trackingNo, '路灯杆倒伏，应由路灯中心处置']]);
    assert.equal((await app.request('/api/staff/cases/requests', { headers: sanitation.headers })).status, 403);

    await act(services, dispatcher.user, trackingNo, 'dispatch', { unitId: 'lighting' });
    const again = caseRow(services, trackingNo);
    assert.deepEqual([again.state, again.unitId, shLocal(again.dueAt)], ['dispatched', 'lighting', '2026-11-26T10:00']);
    const pub = services.publicCases.detail(trackingNo);
    assert.ok(pub && pub !== 'gone');
    assert.ok(!JSON.stringify(pub).includes('路灯杆倒伏'), 'the internal reason stays internal');
    assert.ok(pub.timeline.some((e) => e.action === 'send_back'));
  });
});

describe('延期申请 and 挂账 requests', async () => {
  const { app, services } = testApp();
  const dispatcher = await actor(services, 'dispatcher');
  const viewer = await actor(services, 'viewer');
  const sanitation = await actor(services, 'handler', 'sanitation');
  const lighting = await actor(services, 'handler', 'lighting');
  const v = (no: string) => caseRow(services, no).version;

  it('an extension: bad input is a localized 400, a second one 409, others 403/404; approved, the new due time and its reason are public', async () => {
    const { trackingNo } = await caseIn(services, dispatcher.user, 'dispatched');
    const oldDue = caseRow(services, trackingNo).dueAt!;
    const noReason = await step(app, { ...sanitation.headers, 'accept-language': 'en' }, trackingNo, 'request_extension', { version: v(trackingNo), proposedDueAt: '2026-11-30T17:00' });
    assert.equal(noReason.status, 400);
    assert.equal((await noReason.json()).error.fields.reason, 'Give a reason for the request.');
    const early = await step(app, sanitation.headers, trackingNo, 'request_extension', { version: v(trackingNo), reason: '需协调', proposedDueAt: '2026-11-25T11:00' });
    assert.equal((await early.json()).error.fields.proposedDueAt, '申请的办结时限须晚于现在和当前时限。');
    assert.equal((await step(app, lighting.headers, trackingNo, 'request_extension', { version: v(trackingNo), reason: 'x', proposedDueAt: '2026-11-30T17:00' })).status, 404);
    assert.equal((await step(app, dispatcher.headers, trackingNo, 'request_extension', { version: v(trackingNo), reason: 'x', proposedDueAt: '2026-11-30T17:00' })).status, 403);
    assert.equal((await step(app, viewer.headers, trackingNo, 'request_extension', { version: v(trackingNo), reason: 'x', proposedDueAt: '2026-11-30T17:00' })).status, 403);

    const reason = '垃圾量大，需调派压缩车分两次清运';
    const ok = await step(app, sanitation.headers, trackingNo, 'request_extension', { version: v(trackingNo), reason, proposedDueAt: '2026-11-30T17:00' });
    assert.equal(ok.status, 200);
    assert.equal((await step(app, sanitation.headers, trackingNo, 'request_extension', { version: v(trackingNo), reason, proposedDueAt: '2026-12-01T17:00' })).status, 409);
    const pub0 = services.publicCases.detail(trackingNo);
    assert.ok(pub0 && pub0 !== 'gone' && !JSON.stringify(pub0).includes(reason), 'a pending request is not public');

    const [req] = services.db.select().from(caseRequests).where(eq(caseRequests.status, 'pending')).all();
    assert.equal((await step(app, sanitation.headers, trackingNo, 'approve_request', { version: v(trackingNo), requestId: req!.id })).status, 403, 'not by the asker');
    const approved = await step(app, dispatcher.headers, trackingNo, 'approve_request', { version: v(trackingNo), requestId: req!.id });
    assert.equal(approved.status, 200);
    const row = caseRow(services, trackingNo);
    assert.equal(shLocal(row.dueAt), '2026-11-30T17:00');
    assert.notEqual(row.dueAt!.getTime(), oldDue.getTime());
    const pub = services.publicCases.detail(trackingNo);
    assert.ok(pub && pub !== 'gone');
    assert.equal(shLocal(pub.dueAt), '2026-11-30T17:00');
    assert.deepEqual(pub.timeline.filter((e) => e.action === 'approve_request').map((e) => e.note), [reason]);
    assert.deepEqual(audits(services, trackingNo).filter((a) => /request/.test(a)), ['case.request_extension', 'case.approve_request']);
    assert.equal((await step(app, dispatcher.headers, trackingNo, 'approve_request', { version: v(trackingNo), requestId: req!.id })).status, 409, 'decided once');
  });

  it('a refused extension changes nothing public', async () => {
    const { trackingNo } = await caseIn(services, dispatcher.user, 'in_progress');
    const due = caseRow(services, trackingNo).dueAt;
    const r = await (await step(app, sanitation.headers, trackingNo, 'request_extension', { version: v(trackingNo), reason: '人手不足', proposedDueAt: '2026-12-04T17:00' })).json();
    const refused = await step(app, dispatcher.headers, trackingNo, 'refuse_request', { version: v(trackingNo), requestId: r.requestId, decisionNote: '请按原时限办结' });
    assert.equal(refused.status, 200);
    assert.deepEqual(caseRow(services, trackingNo).dueAt, due);
    const req = services.db.select().from(caseRequests).where(eq(caseRequests.id, r.requestId)).get()!;
    assert.deepEqual([req.status, req.decisionNote], ['refused', '请按原时限办结']);
    const pub = services.publicCases.detail(trackingNo);
    assert.ok(pub && pub !== 'gone' && !JSON.stringify(pub).includes('人手不足') && !JSON.stringify(pub).includes('请按原时限'));
  });

  it('a 挂账 request, approved, is the hold itself with the handler’s reason and date', async () => {
    const { trackingNo } = await caseIn(services, dispatcher.user, 'dispatched');
    const missing = await step(app, sanitation.headers, trackingNo, 'request_hold', { version: v(trackingNo), reason: '需纳入明年改造计划' });
    assert.deepEqual(Object.keys((await missing.json()).error.fields), ['plannedDate']);
    const r = await (await step(app, sanitation.headers, trackingNo, 'request_hold', { version: v(trackingNo), reason: '需纳入明年改造计划', plannedDate: '2027-03-31' })).json();
    assert.equal(r.state, 'dispatched');
    const res = await step(app, dispatcher.headers, trackingNo, 'approve_request', { version: v(trackingNo), requestId: r.requestId });
    assert.equal(res.status, 200);
    const row = caseRow(services, trackingNo);
    assert.equal(row.state, 'on_hold');
    assert.equal(shLocal(row.holdUntil), '2027-03-31T00:00');
    const last = services.reports.logOf(row.id).at(-1)!;
    assert.deepEqual([last.action, last.fromState, last.toState, last.publicNote], ['hold', 'dispatched', 'on_hold', '需纳入明年改造计划']);
    const stillPending = services.db.select().from(caseRequests).where(and(eq(caseRequests.caseId, row.id), eq(caseRequests.status, 'pending'))).all();
    assert.equal(stillPending.length, 0);
  });
});

describe('hotline and patrol cases entered by staff, and 回访', async () => {
  const { services, at } = clockedServices();
  const app = createApp(services);
  const dispatcher = await actor(services, 'dispatcher');
  const sanitation = await actor(services, 'handler', 'sanitation');
  const viewer = await actor(services, 'viewer');
  const caller = { name: '来电人欧阳', phone: '13712345678' };
  const enter = (headers: Headers, body: Record<string, unknown>) => app.request('/api/staff/cases', json(headers, body));
  const hotline = { channel: 'hotline', ticketNo: '12345-20261125-0088', category: 'exposed_garbage', address: '人民广场东门', description: '来电反映东门垃圾堆放', ...caller };

  it('only dispatchers and admins enter cases; every bad field at once', async () => {
    assert.equal((await enter(sanitation.headers, hotline)).status, 403);
    assert.equal((await enter(viewer.headers, hotline)).status, 403);
    const bad = await enter(dispatcher.headers, { channel: 'web', category: '', phone: '123' });
    assert.equal(bad.status, 400);
    assert.deepEqual(Object.keys((await bad.json()).error.fields).sort(), ['category', 'channel', 'description', 'location', 'phone']);
  });

  it('a hotline case goes round the loop, its 回访 is recorded and counts as the rating', async () => {
    const res = await enter(dispatcher.headers, hotline);
    assert.equal(res.status, 201);
    const { trackingNo, code } = await res.json();
    assert.ok(code);
    const row = caseRow(services, trackingNo);
    assert.deepEqual([row.channel, row.source, row.reporterPhone, row.attributes], ['hotline', 'staff', caller.phone, { ticketNo: hotline.ticketNo }]);
    assert.deepEqual(audits(services, trackingNo), ['case.intake']);
    for (const a of ['accept', 'dispatch', 'start', 'resolve', 'close'] as const) await act(services, a === 'start' || a === 'resolve' ? sanitation.user : dispatcher.user, trackingNo, a);

    const staffView = await (await app.request(`/api/staff/cases/${trackingNo}`, { headers: dispatcher.headers })).json();
    assert.equal(staffView.channel, 'hotline');
    assert.equal(staffView.reporter.phone, '137****5678', 'masked until revealed');
    assert.deepEqual(staffView.steps, ['refuse_request', 'callback']);
    assert.equal((await step(app, sanitation.headers, trackingNo, 'callback', { version: caseRow(services, trackingNo).version, result: 'solved', rating: 'satisfied' })).status, 403);
    const noRating = await step(app, dispatcher.headers, trackingNo, 'callback', { version: caseRow(services, trackingNo).version, result: 'solved' });
    assert.deepEqual(Object.keys((await noRating.json()).error.fields), ['rating']);
    const cb = await (await step(app, dispatcher.headers, trackingNo, 'callback', { version: caseRow(services, trackingNo).version, result: 'solved', rating: 'basically_satisfied', internalNote: '来电人表示已清理' })).json();
    assert.deepEqual([cb.state, cb.reopened, cb.counted], ['closed', false, true]);
    const after = caseRow(services, trackingNo);
    assert.equal(after.rating, 'basically_satisfied');
    const pub = services.publicCases.detail(trackingNo);
    assert.ok(pub && pub !== 'gone');
    assert.equal(pub.rating, 'basically_satisfied');
    const text = JSON.stringify(pub);
    for (const secret of [caller.name, caller.phone, hotline.ticketNo, '来电人表示已清理']) assert.ok(!text.includes(secret), secret);
  });

  it('a 回访 that finds the problem unsolved reopens the case exactly as a reporter’s 不满意 does', async () => {
    at('2026-11-25T10:00');
    const viaCallback = await (await enter(dispatcher.headers, hotline)).json();
    const viaRating = await (await enter(dispatcher.headers, { ...hotline, phone: '13712345679' })).json();
    for (const no of [viaCallback.trackingNo, viaRating.trackingNo]) {
      for (const a of ['accept', 'dispatch', 'resolve', 'close'] as const) await act(services, dispatcher.user, no, a);
    }
    at('2026-11-27T15:00');
    // Days later the console sessions have expired: the same use case, called as the page and the route call it.
    const callback = (no: string, result: string) => services.cases.callbacks.record(dispatcher.user, no, { version: caseRow(services, no).version, result, rating: 'unsatisfied' });
    const cb = callback(viaCallback.trackingNo, 'unsolved');
    assert.equal(cb.reopened, true, JSON.stringify(cb));
    services.cases.rating.rate({ no: viaRating.trackingNo, code: viaRating.code, rating: 'unsatisfied' });
    const pick = (no: string) => {
      const r = caseRow(services, no);
      const reopen = services.reports.logOf(r.id).at(-1)!;
      return { state: r.state, closedAt: r.closedAt, resolvedAt: r.resolvedAt, due: shLocal(r.dueAt), rating: r.rating, entry: [reopen.action, reopen.fromState, reopen.toState] };
    };
    assert.deepEqual(pick(viaCallback.trackingNo), pick(viaRating.trackingNo));
    assert.equal(pick(viaCallback.trackingNo).state, 'accepted');
    const queue = services.cases.queries.queue(dispatcher.user);
    assert.ok(queue.items.some((i) => i.trackingNo === viaCallback.trackingNo && i.reopened), 'back in the dispatcher’s queue');

    // Outside the 7 days it is recorded, not reopened — as with a reporter.
    for (const a of ['dispatch', 'resolve', 'close'] as const) await act(services, dispatcher.user, viaCallback.trackingNo, a);
    at('2026-12-05T10:00');
    const late = callback(viaCallback.trackingNo, 'unsolved');
    assert.deepEqual([late.reopened, late.state], [false, 'closed']);
  });

  it('a patrol case keeps the inspector’s details for staff; the reveal of a phone is audited', async () => {
    at('2026-11-25T10:00'); // back to when the sessions were opened
    const { trackingNo, error } = await (await enter(dispatcher.headers, { channel: 'patrol', category: 'open_bbq', address: '乔士桥路段', description: '巡查发现露天烧烤', name: '巡查员李', phone: '13987654321' })).json();
    assert.equal(error, undefined, JSON.stringify(error));
    assert.equal(caseRow(services, trackingNo).channel, 'patrol');
    assert.equal((await app.request(`/api/staff/cases/${trackingNo}/reveal`, json(viewer.headers, {}))).status, 403);
    const before = audits(services, trackingNo).length;
    const r = await (await app.request(`/api/staff/cases/${trackingNo}/reveal`, json(dispatcher.headers, {}))).json();
    assert.deepEqual([r.name, r.phone], ['巡查员李', '13987654321']);
    assert.deepEqual(audits(services, trackingNo).slice(before), ['case.reveal_contact']);
  });
});
