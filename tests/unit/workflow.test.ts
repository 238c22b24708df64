import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CASE_ACTIONS, CASE_STATES, ROLES, allowedActions, checkTransition, isOpen, isPublicEntry, mayNote, NOTE_ACTIONS, publicBucket, SUPERVISE_DUE_STATES,
  type CaseAction, type CaseState, type TransitionFields, type TransitionInput,
} from '../../api/cases/workflow.ts';

// Written from PRODUCT.md independently of the module's table: state → action → target.
const LEGAL: Record<CaseState, Partial<Record<CaseAction, CaseState>>> = {
  submitted: { accept: 'accepted', reject: 'rejected', merge: 'duplicate', dispatch: 'dispatched' },
  accepted: { reject: 'rejected', merge: 'duplicate', dispatch: 'dispatched', hold: 'on_hold' },
  rejected: {},
  duplicate: {},
  dispatched: { start: 'in_progress', hold: 'on_hold', resolve: 'resolved', send_back: 'accepted' },
  in_progress: { hold: 'on_hold', resolve: 'resolved', send_back: 'accepted' },
  on_hold: { resume: 'dispatched' },
  resolved: { close: 'closed', rework: 'dispatched' },
  closed: { reopen: 'accepted' },
};

const CLOSED_AT = new Date('2025-10-09T10:00:00+08:00');
const FULL_FIELDS: TransitionFields = {
  publicNote: '已处理，详见照片', internalNote: '复核未通过', reasonCode: 'not_a_problem',
  transferTo: '区交通局', targetCaseId: 7, unitId: 'unit-huanwei', dueAt: new Date('2025-10-10T10:00:00+08:00'),
  plannedDate: '2025-11-01', afterPhoto: true,
};

/** A fully valid request; each test overrides only what it is about. */
function input(over: Partial<TransitionInput> & Pick<TransitionInput, 'state' | 'action'>): TransitionInput {
  return {
    role: 'admin', caseId: 42, caseUnitId: 'unit-huanwei', fields: FULL_FIELDS,
    now: new Date('2025-10-12T09:00:00+08:00'), closedAt: CLOSED_AT, rating: 'unsatisfied',
    ...over,
  };
}
// The one who may make each move: the system reopens, a handler of the case's own unit sends back (回退), staff the rest.
const actorFor = (action: CaseAction): Partial<TransitionInput> => (action === 'reopen' ? { role: 'system' }
  : action === 'send_back' ? { role: 'handler', actorUnitId: 'unit-huanwei' } : { role: 'admin' });

describe('transition table', () => {
  for (const state of CASE_STATES) {
    for (const action of CASE_ACTIONS) {
      const to = LEGAL[state][action];
      it(`${state} --${action}--> ${to ?? 'illegal'}`, () => {
        const r = checkTransition(input({ state, action, ...actorFor(action) }));
        if (to) assert.deepEqual(r, { ok: true, to, rework: action === 'rework' });
        else assert.deepEqual(r, { ok: false, code: 'illegal_transition' });
      });
    }
  }
});

const legalPairs = CASE_STATES.flatMap((state) =>
  (Object.keys(LEGAL[state]) as CaseAction[]).map((action) => ({ state, action })));

describe('roles', () => {
  it('a viewer can do nothing', () => {
    for (const p of legalPairs) {
      assert.deepEqual(checkTransition(input({ ...p, role: 'viewer' })), { ok: false, code: 'forbidden' });
    }
    for (const state of CASE_STATES) assert.deepEqual(allowedActions(state, 'viewer', null, 'u1'), []);
  });

  it('a handler may start and resolve only cases of its own unit', () => {
    for (const p of [{ state: 'dispatched', action: 'start' }, { state: 'in_progress', action: 'resolve' }] as const) {
      const own = checkTransition(input({ ...p, role: 'handler', actorUnitId: 'u1', caseUnitId: 'u1' }));
      assert.equal(own.ok, true);
      for (const actorUnitId of ['u2', null, undefined]) {
        assert.deepEqual(
          checkTransition(input({ ...p, role: 'handler', actorUnitId, caseUnitId: 'u1' })),
          { ok: false, code: 'forbidden' },
        );
      }
    }
    assert.deepEqual(allowedActions('dispatched', 'handler', 'u1', 'u1'), ['start', 'resolve', 'send_back']);
    assert.deepEqual(allowedActions('in_progress', 'handler', 'u1', 'u1'), ['resolve', 'send_back']);
    assert.deepEqual(allowedActions('dispatched', 'handler', 'u2', 'u1'), []);
  });

  const handlerForbidden: [CaseState, CaseAction][] = [
    ['submitted', 'accept'], ['submitted', 'reject'], ['accepted', 'dispatch'], ['in_progress', 'hold'],
    ['on_hold', 'resume'], ['resolved', 'close'], ['resolved', 'rework'], ['closed', 'reopen'],
  ];
  for (const [state, action] of handlerForbidden) {
    it(`a handler of the case's unit cannot ${action}`, () => {
      const r = checkTransition(input({ state, action, role: 'handler', actorUnitId: 'u1', caseUnitId: 'u1' }));
      assert.deepEqual(r, { ok: false, code: 'forbidden' });
    });
  }

  it('only a handler of the case\'s own unit sends a case back (回退); dispatchers re-dispatch instead', () => {
    for (const state of ['dispatched', 'in_progress'] as const) {
      assert.equal(checkTransition(input({ state, action: 'send_back', role: 'handler', actorUnitId: 'u1', caseUnitId: 'u1' })).ok, true);
      for (const over of [{ role: 'handler', actorUnitId: 'u2', caseUnitId: 'u1' }, { role: 'dispatcher' }, { role: 'admin' }, { role: 'viewer' }, { role: 'reporter' }] as const) {
        assert.deepEqual(checkTransition(input({ state, action: 'send_back', ...over })), { ok: false, code: 'forbidden' }, JSON.stringify(over));
      }
    }
    const blank = checkTransition(input({ state: 'dispatched', action: 'send_back', role: 'handler', actorUnitId: 'u1', caseUnitId: 'u1',
      fields: { ...FULL_FIELDS, internalNote: ' ', publicNote: null } }));
    assert.deepEqual(blank, { ok: false, code: 'missing_field', field: 'internalNoteOrPublicNote' });
  });

  it('only the reporter or the system reopens; staff cannot', () => {
    for (const role of ['reporter', 'system'] as const) {
      assert.equal(checkTransition(input({ state: 'closed', action: 'reopen', role })).ok, true);
    }
    for (const role of ['admin', 'dispatcher', 'handler', 'viewer'] as const) {
      assert.deepEqual(checkTransition(input({ state: 'closed', action: 'reopen', role })),
        { ok: false, code: 'forbidden' });
    }
  });

  it('a reporter can do nothing but reopen', () => {
    for (const p of legalPairs.filter((x) => x.action !== 'reopen')) {
      assert.deepEqual(checkTransition(input({ ...p, role: 'reporter' })), { ok: false, code: 'forbidden' });
    }
    assert.deepEqual(allowedActions('closed', 'reporter'), ['reopen']);
  });

  it('staff buttons follow the table', () => {
    assert.deepEqual(allowedActions('submitted', 'dispatcher'), ['accept', 'reject', 'merge', 'dispatch']);
    assert.deepEqual(allowedActions('resolved', 'admin'), ['close', 'rework']);
    assert.deepEqual(allowedActions('closed', 'dispatcher'), []);
  });
});

describe('required fields', () => {
  const cases: [CaseState, CaseAction, TransitionFields, string][] = [
    ['submitted', 'reject', { publicNote: null }, 'publicNote'],
    ['accepted', 'reject', { publicNote: '   ' }, 'publicNote'],
    ['submitted', 'reject', { reasonCode: null }, 'reasonCode'],
    ['submitted', 'reject', { reasonCode: 'too_far' }, 'reasonCode'],
    ['submitted', 'reject', { reasonCode: 'not_jurisdiction', transferTo: null }, 'transferTo'],
    ['submitted', 'reject', { reasonCode: 'not_jurisdiction', transferTo: ' ' }, 'transferTo'],
    ['submitted', 'merge', { targetCaseId: null }, 'targetCaseId'],
    ['accepted', 'merge', { targetCaseId: 42 }, 'targetCaseId'], // the case itself
    ['submitted', 'dispatch', { unitId: null }, 'unitId'],
    ['accepted', 'dispatch', { dueAt: null }, 'dueAt'],
    ['accepted', 'dispatch', { dueAt: new Date('nonsense') }, 'dueAt'],
    ['dispatched', 'hold', { publicNote: null }, 'publicNote'],
    ['in_progress', 'hold', { plannedDate: null }, 'plannedDate'],
    ['dispatched', 'resolve', { afterPhoto: false, publicNote: null }, 'afterPhotoOrPublicNote'],
    ['resolved', 'rework', { internalNote: null, publicNote: '' }, 'internalNoteOrPublicNote'],
  ];
  for (const [state, action, missing, field] of cases) {
    it(`${action} from ${state} without ${field} (${JSON.stringify(missing)})`, () => {
      const r = checkTransition(input({ state, action, fields: { ...FULL_FIELDS, ...missing } }));
      assert.deepEqual(r, { ok: false, code: 'missing_field', field });
    });
  }

  it('not_jurisdiction with a transfer target, or another reason without one, is fine', () => {
    const ok = (fields: TransitionFields) =>
      checkTransition(input({ state: 'submitted', action: 'reject', fields: { ...FULL_FIELDS, ...fields } })).ok;
    assert.equal(ok({ reasonCode: 'not_jurisdiction', transferTo: '区交通局' }), true);
    assert.equal(ok({ reasonCode: 'insufficient_info', transferTo: null }), true);
  });

  it('resolve accepts either an after-photo or a public note', () => {
    const ok = (fields: TransitionFields) => checkTransition(
      input({ state: 'in_progress', action: 'resolve', fields: { ...FULL_FIELDS, ...fields } })).ok;
    assert.equal(ok({ afterPhoto: true, publicNote: null }), true);
    assert.equal(ok({ afterPhoto: false, publicNote: '已清理' }), true);
  });

  it('resume needs a unit: the case has one, or one is given now', () => {
    const r = (caseUnitId: string | null, unitId: string | null) => checkTransition(
      input({ state: 'on_hold', action: 'resume', caseUnitId, fields: { ...FULL_FIELDS, unitId } }));
    assert.equal(r('u1', null).ok, true);
    assert.equal(r(null, 'u2').ok, true);
    assert.deepEqual(r(null, null), { ok: false, code: 'missing_field', field: 'unitId' });
  });
});

describe('reopen after an unsatisfied rating', () => {
  const DAY = 24 * 3600_000;
  const reopen = (over: Partial<TransitionInput>) =>
    checkTransition(input({ state: 'closed', action: 'reopen', role: 'reporter', ...over }));
  const at = (ms: number) => new Date(CLOSED_AT.getTime() + ms);

  it('within 7 days, including the last instant', () => {
    for (const now of [at(0), at(DAY), at(7 * DAY)]) {
      assert.deepEqual(reopen({ now }), { ok: true, to: 'accepted', rework: false });
    }
  });
  it('not after 7 days', () => {
    assert.deepEqual(reopen({ now: at(7 * DAY + 60_000) }), { ok: false, code: 'forbidden', field: 'closedAt' });
    assert.deepEqual(reopen({ now: at(-60_000) }), { ok: false, code: 'forbidden', field: 'closedAt' });
  });
  it('not for other ratings or no rating', () => {
    for (const rating of ['satisfied', 'basically_satisfied', null] as const) {
      assert.deepEqual(reopen({ rating }), { ok: false, code: 'forbidden', field: 'rating' });
    }
  });
  it('needs closedAt and now', () => {
    assert.deepEqual(reopen({ closedAt: null }), { ok: false, code: 'missing_field', field: 'closedAt' });
    assert.deepEqual(reopen({ now: undefined }), { ok: false, code: 'missing_field', field: 'now' });
  });
});

describe('public view', () => {
  const expected: Record<CaseState, [string, boolean]> = {
    submitted: ['pending', true], accepted: ['open', true], rejected: ['closed', false],
    duplicate: ['closed', false], dispatched: ['open', true], in_progress: ['open', true],
    on_hold: ['open', true], resolved: ['open', true], closed: ['fixed', false],
  };
  for (const state of CASE_STATES) {
    it(`${state} is ${expected[state][0]}`, () => {
      assert.equal(publicBucket(state), expected[state][0]);
      assert.equal(isOpen(state), expected[state][1]);
    });
  }
});

// Log entries that move nothing: who may add them, written from the issue (a reporter comments, staff publish).
describe('log entries that move nothing: comments, handlers\' requests, decisions, 回访', () => {
  // Issue 11: a handler of the case's unit asks while working on it; staff decide (approve only while it is being
  // worked on, refuse any time) and call back after closing.
  const WORKING: CaseState[] = ['dispatched', 'in_progress'];
  const MAY: Record<(typeof NOTE_ACTIONS)[number], [roles: readonly string[], states: readonly CaseState[]]> = {
    comment: [['reporter'], CASE_STATES], publish_comment: [['dispatcher', 'admin'], CASE_STATES],
    request_extension: [['handler'], WORKING], request_hold: [['handler'], WORKING],
    approve_request: [['dispatcher', 'admin'], WORKING], refuse_request: [['dispatcher', 'admin'], CASE_STATES],
    callback: [['dispatcher', 'admin'], ['closed']],
    // 督办 chases cases in handling only: not new, finished or withdrawn ones.
    supervise: [['dispatcher', 'admin'], ['accepted', 'dispatched', 'in_progress', 'on_hold']],
  };
  for (const action of NOTE_ACTIONS) {
    for (const role of ROLES) {
      const [roles, states] = MAY[action];
      it(`${action} by ${role}: ${roles.includes(role) ? states.join(', ') : 'never'}`, () => {
        for (const state of CASE_STATES) {
          assert.equal(mayNote(action, state, role, 'u1', 'u1'), roles.includes(role) && states.includes(state), `${state}`);
        }
      });
    }
  }
  it('a handler never on another unit\'s case', () => {
    for (const action of ['request_extension', 'request_hold'] as const) {
      assert.equal(mayNote(action, 'dispatched', 'handler', 'u2', 'u1'), false);
      assert.equal(mayNote(action, 'dispatched', 'handler', null, null), false);
    }
  });
  it('requests, refusals and callbacks stay off the public timeline; an approved extension is public', () => {
    for (const action of ['request_extension', 'request_hold', 'refuse_request', 'callback', 'supervise']) assert.equal(isPublicEntry({ action, publicNote: null }), false, action);
    assert.equal(isPublicEntry({ action: 'approve_request', publicNote: '需协调供电部门停电作业' }), true);
    assert.equal(isPublicEntry({ action: 'send_back', publicNote: null }), true);
  });
  it('a 督办 sets a new due time only while the clock runs', () => {
    assert.deepEqual(SUPERVISE_DUE_STATES, ['accepted', 'dispatched', 'in_progress']);
  });
  it('a comment is public only once staff gave it a public note; every other entry is public', () => {
    const rows: [string, string | null, boolean][] = [
      ['comment', null, false], ['comment', '又堆了一些', true], ['accept', null, true], ['submit', null, true], ['resolve', '已清理', true], ['supervise', null, false],
    ];
    for (const [action, publicNote, expected] of rows) assert.equal(isPublicEntry({ action, publicNote }), expected, `${action} ${publicNote}`);
  });
  it('neither is a transition', () => {
    for (const action of NOTE_ACTIONS) assert.ok(!(CASE_ACTIONS as readonly string[]).includes(action));
  });
});
