import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { countRatings, deadlineStatus, isClosedOnTime, isHandledOnTime, reworkRate, satisfactionRate, type Rating } from '../../api/opendata/indicators.ts';

const at = (s: string) => new Date(`${s.replace(' ', 'T')}+08:00`);
const DUE = at('2026-09-10 17:30');

describe('按期处置率 and 按期结案率: the unit is judged by its own work, the verification is not charged to it', () => {
  const cases: [string, { state: string; resolvedAt: string | null; closedAt: string | null }, boolean, boolean][] = [
    // name, case, handled on time, closed on time
    ['fixed 3 h early, verified 4 days late', { state: 'closed', resolvedAt: '2026-09-10 14:30', closedAt: '2026-09-14 10:00' }, true, false],
    ['fixed and verified before the due time', { state: 'closed', resolvedAt: '2026-09-10 09:00', closedAt: '2026-09-10 11:00' }, true, true],
    ['fixed exactly at the due time', { state: 'closed', resolvedAt: '2026-09-10 17:30', closedAt: '2026-09-10 17:30' }, true, true],
    ['fixed a minute late', { state: 'closed', resolvedAt: '2026-09-10 17:31', closedAt: '2026-09-10 17:40' }, false, false],
    ['fixed on time, awaiting verification', { state: 'resolved', resolvedAt: '2026-09-10 10:00', closedAt: null }, true, false],
    ['still in progress', { state: 'in_progress', resolvedAt: null, closedAt: null }, false, false],
    ['sent back for rework (resolution cleared)', { state: 'dispatched', resolvedAt: null, closedAt: null }, false, false],
  ];
  for (const [name, c, handled, closed] of cases) {
    it(name, () => {
      const row = { state: c.state, dueAt: DUE, resolvedAt: c.resolvedAt ? at(c.resolvedAt) : null, closedAt: c.closedAt ? at(c.closedAt) : null };
      assert.equal(isHandledOnTime(row), handled);
      assert.equal(isClosedOnTime(row), closed);
    });
  }
  it('a case without a due time is neither', () => {
    const row = { state: 'closed', dueAt: null, resolvedAt: at('2026-09-10 10:00'), closedAt: at('2026-09-10 11:00') };
    assert.equal(isHandledOnTime(row), false);
    assert.equal(isClosedOnTime(row), false);
  });
});

describe('返工率 = rework ÷ (rework + resolutions standing now)', () => {
  const table: [number, number, number | null][] = [[0, 0, null], [0, 10, 0], [1, 9, 0.1], [2, 0, 1], [3, 27, 0.1]];
  for (const [reworks, standing, expected] of table) {
    it(`${reworks} reworks, ${standing} standing → ${expected}`, () => assert.equal(reworkRate(reworks, standing), expected));
  }
});

describe('满意率 = (满意 + 基本满意) ÷ ratings', () => {
  const table: [(Rating | null)[], number | null][] = [
    [[], null],
    [[null, null], null],
    [['satisfied'], 1],
    [['satisfied', 'basically_satisfied', 'unsatisfied', 'unsatisfied'], 0.5],
    [['basically_satisfied', 'unsatisfied', null], 0.5],
    [['unsatisfied'], 0],
  ];
  for (const [ratings, expected] of table) {
    it(`${JSON.stringify(ratings)} → ${expected}`, () => assert.equal(satisfactionRate(countRatings(ratings)), expected));
  }
  it('callbacks (回访) add to the same counts', () => {
    const c = countRatings(['satisfied', 'unsatisfied']);
    c.satisfied += 2; // e.g. two satisfied callbacks
    assert.equal(satisfactionRate(c), 0.75);
  });
});

describe('a case against its deadline, on the unit’s clock (the case page)', () => {
  const now = at('2026-09-14 10:00');
  const table: [string, { state: string; resolvedAt: string | null; closedAt: string | null }, unknown][] = [
    ['fixed 3 h before, verified 4 days later: on time', { state: 'closed', resolvedAt: '2026-09-10 14:30', closedAt: '2026-09-14 09:00' }, { kind: 'handled_on_time' }],
    ['fixed two days late', { state: 'closed', resolvedAt: '2026-09-12 17:30', closedAt: '2026-09-12 18:00' }, { kind: 'handled_late', hours: 48 }],
    ['awaiting the check, done in time', { state: 'resolved', resolvedAt: '2026-09-10 12:00', closedAt: null }, { kind: 'handled_on_time' }],
    ['still in progress, past due', { state: 'in_progress', resolvedAt: null, closedAt: null }, { kind: 'overdue', hours: 88.5 }],
    ['on hold: no light', { state: 'on_hold', resolvedAt: null, closedAt: null }, null],
  ];
  for (const [name, c, expected] of table) {
    it(name, () => assert.deepEqual(deadlineStatus({ ...c, dueAt: DUE, resolvedAt: c.resolvedAt ? at(c.resolvedAt) : null, closedAt: c.closedAt ? at(c.closedAt) : null }, now), expected));
  }
  it('not yet due', () => assert.deepEqual(deadlineStatus({ state: 'dispatched', dueAt: DUE, resolvedAt: null, closedAt: null }, at('2026-09-10 09:00')), { kind: 'running' }));
});
