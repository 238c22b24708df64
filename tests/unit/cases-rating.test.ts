import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isAppError } from '../../api/shared/errors.ts';
import { act, actor, caseIn, caseRow, clockedServices, shLocal } from '../helpers/cases.ts';

const refused = (status: number, code: string) => (e: unknown) => isAppError(e) && e.status === status && e.code === code;

describe('the reporter rates a closed case', () => {
  it('once per closure, only when closed, only with the right code', async () => {
    const { services } = clockedServices();
    const { user } = await actor(services, 'dispatcher');
    const open = await caseIn(services, user, 'dispatched');
    assert.throws(() => services.cases.rating.rate({ no: open.trackingNo, code: open.code, rating: 'satisfied' }), refused(409, 'rating_not_closed'));
    const { trackingNo, code } = await caseIn(services, user, 'closed');
    assert.throws(() => services.cases.rating.rate({ no: trackingNo, code: 'WRONGCDE', rating: 'satisfied' }), refused(404, 'track_not_found'));
    const r = services.cases.rating.rate({ no: trackingNo, code: code.toLowerCase(), rating: 'basically_satisfied' });
    assert.deepEqual([r.state, r.reopened], ['closed', false]);
    assert.throws(() => services.cases.rating.rate({ no: trackingNo, code, rating: 'unsatisfied' }), refused(409, 'already_rated'));
    const row = caseRow(services, trackingNo);
    assert.equal(row.rating, 'basically_satisfied');
    const last = services.reports.logOf(row.id).at(-1)!;
    assert.deepEqual([last.actorKind, last.action, last.actorId, last.detail], ['reporter', 'rate', null, { rating: 'basically_satisfied' }]);
  });

  it('不满意 within 7 days reopens into the dispatcher’s queue with a fresh deadline; closed again, it can be rated again', async () => {
    const { services, at } = clockedServices();
    const { user } = await actor(services, 'dispatcher');
    const { trackingNo, code } = await caseIn(services, user, 'closed'); // closed Wed 2026-11-25 10:00
    at('2026-12-02T09:00'); // 6 days 23 hours later
    const r = services.cases.rating.rate({ no: trackingNo, code, rating: 'unsatisfied' });
    assert.deepEqual([r.state, r.reopened], ['accepted', true]);
    const row = caseRow(services, trackingNo);
    assert.deepEqual([row.state, row.closedAt, row.resolvedAt, shLocal(row.dueAt)], ['accepted', null, null, '2026-12-03T09:00']);
    const log = services.reports.logOf(row.id).slice(-2).map((l) => [l.actorKind, l.action, l.fromState, l.toState]);
    assert.deepEqual(log, [['reporter', 'rate', null, null], ['reporter', 'reopen', 'closed', 'accepted']]);
    const queue = services.cases.queries.queue(user);
    assert.ok(queue.items.some((i) => i.trackingNo === trackingNo && i.reopened), 'in the dispatcher’s queue');

    at('2026-12-02T11:00');
    for (const action of ['dispatch', 'resolve', 'close'] as const) await act(services, user, trackingNo, action);
    assert.equal(services.cases.rating.rate({ no: trackingNo, code, rating: 'satisfied' }).rating, 'satisfied');
  });

  it('不满意 after 7 days is recorded but does not reopen', async () => {
    const { services, at } = clockedServices();
    const { user } = await actor(services, 'dispatcher');
    const { trackingNo, code } = await caseIn(services, user, 'closed');
    at('2026-12-02T10:01');
    const r = services.cases.rating.rate({ no: trackingNo, code, rating: 'unsatisfied' });
    assert.deepEqual([r.state, r.reopened], ['closed', false]);
    assert.equal(caseRow(services, trackingNo).rating, 'unsatisfied');
  });
});
