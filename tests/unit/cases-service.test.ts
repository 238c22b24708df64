import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { isAppError } from '../../api/shared/errors.ts';
import { STAFF_ACTIONS } from '../../api/cases/schema.ts';
import { TRANSITIONS, type CaseState } from '../../api/cases/workflow.ts';
import { auditLog, caseLog, cases } from '../../db/schema.ts';
import { testServices } from '../helpers/services.ts';
import { act, actor, caseIn, caseRow, counts, GOOD_FIELDS, PATHS, report } from '../helpers/cases.ts';

const STATES = Object.keys(PATHS) as (keyof typeof PATHS)[];
const rejects = async (p: Promise<unknown>, status: number, code: string) => {
  await assert.rejects(p, (e) => isAppError(e) && e.status === status && e.code === code);
};

describe('every transition through the service', async () => {
  const services = testServices();
  const { user: dispatcher } = await actor(services, 'dispatcher');
  const { user: unitHandler } = await actor(services, 'handler', 'sanitation'); // 回退 is the case's own unit's move
  for (const state of STATES) {
    for (const action of STAFF_ACTIONS) {
      const who = action === 'send_back' ? unitHandler : dispatcher;
      const legal = TRANSITIONS[action].from.includes(state as CaseState);
      it(`${state} --${action}--> ${legal ? TRANSITIONS[action].to : 'refused'}`, async () => {
        const { trackingNo } = await caseIn(services, dispatcher, state);
        const target = action === 'merge' ? (await caseIn(services, dispatcher, 'accepted')).trackingNo : undefined;
        const before = counts(services, trackingNo);
        const row = caseRow(services, trackingNo);
        if (!legal) {
          await rejects(act(services, dispatcher, trackingNo, action, { target }), 409, 'illegal_transition');
          assert.deepEqual(counts(services, trackingNo), before, 'nothing written');
          assert.equal(caseRow(services, trackingNo).version, row.version);
          return;
        }
        const result = await act(services, who, trackingNo, action, { target });
        assert.equal(result.state, TRANSITIONS[action].to);
        const after = counts(services, trackingNo);
        assert.deepEqual(after, { log: before.log + 1, audit: before.audit + 1 }, 'one log row and one audit row');
        const updated = caseRow(services, trackingNo);
        assert.equal(updated.version, row.version + 1);
        assert.equal(updated.state, TRANSITIONS[action].to);
        const log = services.db.select().from(caseLog).where(eq(caseLog.caseId, row.id)).all().at(-1)!;
        assert.deepEqual([log.actorKind, log.actorId, log.action, log.fromState, log.toState], ['staff', who.id, action, state, TRANSITIONS[action].to]);
        const audit = services.db.select().from(auditLog).where(eq(auditLog.target, trackingNo)).all().at(-1)!;
        assert.deepEqual([audit.action, audit.staffId], [`case.${action}`, who.id]);
      });
    }
  }
});

describe('what each action records', async () => {
  const services = testServices();
  const { user: dispatcher } = await actor(services, 'dispatcher');

  it('accept starts the clock: acceptedAt now, dueAt one working day later for garbage', async () => {
    const { trackingNo } = await caseIn(services, dispatcher, 'accepted');
    const row = caseRow(services, trackingNo);
    assert.equal(row.acceptedAt?.toISOString(), '2026-11-25T02:00:00.000Z');
    assert.equal(row.dueAt?.toISOString(), '2026-11-26T02:00:00.000Z');
  });

  it('dispatch straight from submitted accepts too; a typed due time wins', async () => {
    const { trackingNo } = await report(services);
    await act(services, dispatcher, trackingNo, 'dispatch', { unitId: 'municipal', dueAt: new Date('2026-11-30T09:00:00Z') });
    const row = caseRow(services, trackingNo);
    assert.equal(row.unitId, 'municipal');
    assert.equal(row.dueAt?.toISOString(), '2026-11-30T09:00:00.000Z');
    assert.ok(row.acceptedAt);
    await rejects(act(services, dispatcher, (await report(services)).trackingNo, 'dispatch', { dueAt: new Date('2026-11-01T00:00:00Z') }), 400, 'invalid_input');
  });

  it('reject keeps the reason and names the transfer target publicly', async () => {
    const { trackingNo } = await report(services);
    await rejects(act(services, dispatcher, trackingNo, 'reject', { reasonCode: 'not_jurisdiction' }), 400, 'invalid_input');
    await act(services, dispatcher, trackingNo, 'reject', { reasonCode: 'not_jurisdiction', publicNote: '该路段不属本局管养。', transferTo: '市公路事务中心' });
    const log = services.reports.logOf(caseRow(services, trackingNo).id).at(-1)!;
    assert.equal(log.publicNote, '该路段不属本局管养。（已转交：市公路事务中心）');
    assert.deepEqual(log.detail, { reasonCode: 'not_jurisdiction', transferTo: '市公路事务中心' });
  });

  it('merge moves the supporters and the reporter to the target', async () => {
    const target = await caseIn(services, dispatcher, 'dispatched');
    const source = await report(services);
    // A report not yet accepted cannot be supported by the public (it is not public); earlier merges gave it two.
    services.db.update(cases).set({ supporters: 2 }).where(eq(cases.trackingNo, source.trackingNo)).run();
    services.reports.support(target.trackingNo, '10.0.0.3');
    await act(services, dispatcher, source.trackingNo, 'merge', { target: target.trackingNo });
    assert.equal(caseRow(services, target.trackingNo).supporters, 1 + 2 + 1, 'its own, the source’s two, and the source’s reporter');
    const src = caseRow(services, source.trackingNo);
    assert.equal(src.state, 'duplicate');
    assert.equal(src.duplicateOf, caseRow(services, target.trackingNo).id);
    assert.match(services.reports.logOf(src.id).at(-1)!.publicNote!, new RegExp(target.trackingNo));
  });

  it('merge refuses itself, unknown numbers and finished cases', async () => {
    const { trackingNo } = await report(services);
    const closed = await caseIn(services, dispatcher, 'closed');
    for (const target of [trackingNo, 'YJ-20200101-0001', closed.trackingNo, undefined]) {
      await rejects(act(services, dispatcher, trackingNo, 'merge', { target }), 400, 'invalid_input');
    }
  });

  it('hold needs a reason and a date not in the past; resume gives a fresh allowance', async () => {
    const { trackingNo } = await caseIn(services, dispatcher, 'accepted');
    await rejects(act(services, dispatcher, trackingNo, 'hold', { plannedDate: '2026-11-01' }), 400, 'invalid_input');
    await act(services, dispatcher, trackingNo, 'hold');
    assert.equal(caseRow(services, trackingNo).holdUntil?.toISOString(), '2026-12-30T16:00:00.000Z');
    await act(services, dispatcher, trackingNo, 'resume');
    const row = caseRow(services, trackingNo);
    assert.equal(row.state, 'dispatched');
    assert.equal(row.holdUntil, null);
  });

  it('resolve needs an after-photo or a public note; rework counts and clears resolvedAt', async () => {
    const { trackingNo } = await caseIn(services, dispatcher, 'dispatched');
    await rejects(act(services, dispatcher, trackingNo, 'resolve', { publicNote: undefined }), 400, 'invalid_input');
    await act(services, dispatcher, trackingNo, 'resolve');
    assert.ok(caseRow(services, trackingNo).resolvedAt);
    await rejects(act(services, dispatcher, trackingNo, 'rework', { internalNote: undefined }), 400, 'invalid_input');
    await act(services, dispatcher, trackingNo, 'rework');
    const row = caseRow(services, trackingNo);
    assert.deepEqual([row.state, row.reworkCount, row.resolvedAt], ['dispatched', 1, null]);
  });

  it('the case update, its log row and its audit row commit together or not at all', async () => {
    const { trackingNo } = await report(services);
    const before = { row: caseRow(services, trackingNo), counts: counts(services, trackingNo) };
    const record = services.audit.record;
    services.audit.record = () => { throw new Error('disk full'); };
    try {
      await assert.rejects(act(services, dispatcher, trackingNo, 'accept'), /disk full/);
    } finally {
      services.audit.record = record;
    }
    assert.deepEqual(caseRow(services, trackingNo), before.row, 'the update was rolled back');
    assert.deepEqual(counts(services, trackingNo), before.counts, 'and so was the log row');
  });

  it('a stale version is a conflict and writes nothing', async () => {
    const { trackingNo } = await report(services);
    const { version } = caseRow(services, trackingNo);
    await services.cases.actions.perform(dispatcher, trackingNo, 'accept', { version });
    const before = counts(services, trackingNo);
    await rejects(services.cases.actions.perform(dispatcher, trackingNo, 'reject', { version, ...GOOD_FIELDS.reject }), 409, 'conflict');
    assert.deepEqual(counts(services, trackingNo), before);
  });
});

describe('who may act', async () => {
  const services = testServices();
  const { user: dispatcher } = await actor(services, 'dispatcher');
  const { user: sanitation } = await actor(services, 'handler', 'sanitation');
  const { user: lighting } = await actor(services, 'handler', 'lighting');
  const { user: viewer } = await actor(services, 'viewer');

  it('a handler acts on their unit’s dispatched case, never on another unit’s (404) nor as a dispatcher (403)', async () => {
    const { trackingNo } = await caseIn(services, dispatcher, 'dispatched');
    await rejects(act(services, lighting, trackingNo, 'start'), 404, 'not_found');
    await act(services, sanitation, trackingNo, 'start');
    await act(services, sanitation, trackingNo, 'resolve');
    await rejects(act(services, sanitation, trackingNo, 'close'), 403, 'action_forbidden');
  });

  it('a handler does not see new reports of their unit’s kind before dispatch', async () => {
    const { trackingNo } = await report(services);
    await rejects(act(services, sanitation, trackingNo, 'accept'), 404, 'not_found');
    assert.throws(() => services.cases.queries.detail(sanitation, trackingNo), (e) => isAppError(e) && e.status === 404);
  });

  it('a viewer reads but cannot act or moderate', async () => {
    const { trackingNo } = await report(services);
    assert.equal(services.cases.queries.detail(viewer, trackingNo).actions.length, 0);
    await rejects(act(services, viewer, trackingNo, 'accept'), 403, 'action_forbidden');
    const { version } = caseRow(services, trackingNo);
    assert.throws(() => services.cases.moderation.moderate(viewer, trackingNo, 'hide_case', { version, reason: 'x' }), (e) => isAppError(e) && e.status === 403);
  });

  it('bulk accept reports each case: done, conflict, or not possible', async () => {
    const a = await report(services);
    const b = await report(services);
    const c = await caseIn(services, dispatcher, 'accepted');
    const results = services.cases.actions.bulk(dispatcher, {
      action: 'accept',
      items: [
        { trackingNo: a.trackingNo, version: caseRow(services, a.trackingNo).version },
        { trackingNo: b.trackingNo, version: 99 },
        { trackingNo: c.trackingNo, version: caseRow(services, c.trackingNo).version },
      ],
    });
    assert.deepEqual(results.map((r) => (r.ok ? 'ok' : r.code)), ['ok', 'conflict', 'illegal_transition']);
    assert.equal(caseRow(services, a.trackingNo).state, 'accepted');
    assert.equal(caseRow(services, b.trackingNo).state, 'submitted');
  });

  it('bulk dispatch sends each case to its own kind’s unit unless one is chosen', async () => {
    const a = await report(services, { category: 'streetlight_out' });
    const b = await report(services, { category: 'exposed_garbage' });
    const items = [a, b].map(({ trackingNo }) => ({ trackingNo, version: caseRow(services, trackingNo).version }));
    const results = services.cases.actions.bulk(dispatcher, { action: 'dispatch', items });
    assert.ok(results.every((r) => r.ok));
    assert.deepEqual([caseRow(services, a.trackingNo).unitId, caseRow(services, b.trackingNo).unitId], ['lighting', 'sanitation']);
  });
});

describe('moderation', async () => {
  const services = testServices();
  const { user: dispatcher } = await actor(services, 'dispatcher');

  it('edits the public description keeping the original, hides and shows a case, audited, not in the timeline', async () => {
    const { trackingNo } = await caseIn(services, dispatcher, 'accepted', { description: '垃圾很多，我电话13812345678' });
    const before = counts(services, trackingNo);
    const m = (action: 'edit_description' | 'hide_case' | 'unhide_case', extra: object) =>
      services.cases.moderation.moderate(dispatcher, trackingNo, action, { version: caseRow(services, trackingNo).version, ...extra });
    m('edit_description', { description: '人民广场东侧垃圾较多' });
    assert.throws(() => m('hide_case', {}), (e) => isAppError(e) && e.code === 'invalid_input');
    m('hide_case', { reason: '涉及个人隐私' });
    let row = caseRow(services, trackingNo);
    assert.deepEqual([row.publicDescription, row.description, row.hidden, row.hiddenReason], ['人民广场东侧垃圾较多', '垃圾很多，我电话13812345678', true, '涉及个人隐私']);
    m('unhide_case', {});
    row = caseRow(services, trackingNo);
    assert.deepEqual([row.hidden, row.hiddenReason], [false, null]);
    assert.deepEqual(counts(services, trackingNo), { log: before.log, audit: before.audit + 3 });
  });
});
