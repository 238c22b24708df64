/**
 * The case state machine (PRODUCT.md, "A case's life") as data: one row per action.
 * Pure: no I/O, no clock — reopen takes `now` and `closedAt` as inputs.
 * Error codes are stable strings; the i18n layer turns them into words.
 */

import { CASE_STATES, STAFF_ROLES, type CaseState } from '../../db/vocabulary.ts';

export { CASE_STATES, type CaseState };

export const CASE_ACTIONS = [
  'accept', 'reject', 'merge', 'dispatch', 'start', 'hold',
  'resume', 'resolve', 'close', 'rework', 'reopen', 'send_back',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Who may act on a case: staff accounts, plus the reporter (rating) and the system. */
export const ROLES = [...STAFF_ROLES, 'reporter', 'system'] as const;
export type Role = (typeof ROLES)[number];

export const REJECT_REASONS = ['not_jurisdiction', 'not_a_problem', 'insufficient_info'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export type Rating = 'satisfied' | 'basically_satisfied' | 'unsatisfied';

export const REOPEN_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export type TransitionFields = {
  publicNote?: string | null;
  internalNote?: string | null;
  reasonCode?: string | null;
  transferTo?: string | null;
  targetCaseId?: number | null;
  unitId?: string | null;
  dueAt?: Date | null;
  plannedDate?: Date | string | null;
  afterPhoto?: boolean | null;
};

export type TransitionInput = {
  state: CaseState;
  action: CaseAction;
  role: Role;
  actorUnitId?: string | null;
  caseUnitId?: string | null;
  caseId?: number;
  fields: TransitionFields;
  now?: Date;
  closedAt?: Date | null;
  rating?: Rating | null;
};

export type TransitionErrorCode = 'illegal_transition' | 'forbidden' | 'missing_field';
export type TransitionResult =
  | { ok: true; to: CaseState; rework: boolean }
  | { ok: false; code: TransitionErrorCode; field?: string };

/** A named precondition: `field` is what the error points at; most are missing/unusable input. */
type Requirement = {
  field: string;
  code: 'missing_field' | 'forbidden';
  met: (i: TransitionInput) => boolean;
};

const hasText = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';
const isValidDate = (v: unknown): boolean => v instanceof Date && !Number.isNaN(v.getTime());
const missing = (field: string, met: Requirement['met']): Requirement =>
  ({ field, code: 'missing_field', met });

// "missing_field" also covers present-but-unusable values (blank text, unknown reason, self-merge).
const REQUIREMENTS = {
  publicNote: missing('publicNote', (i) => hasText(i.fields.publicNote)),
  reasonCode: missing('reasonCode', (i) =>
    (REJECT_REASONS as readonly unknown[]).includes(i.fields.reasonCode)),
  transferTo: missing('transferTo', (i) =>
    i.fields.reasonCode !== 'not_jurisdiction' || hasText(i.fields.transferTo)),
  targetCaseId: missing('targetCaseId', (i) => {
    const t = i.fields.targetCaseId;
    return Number.isInteger(t) && (t as number) > 0 && t !== i.caseId;
  }),
  unitId: missing('unitId', (i) => hasText(i.fields.unitId)),
  // A case held before dispatch has no unit yet; it cannot become "dispatched" without one.
  caseUnit: missing('unitId', (i) => hasText(i.caseUnitId) || hasText(i.fields.unitId)),
  dueAt: missing('dueAt', (i) => isValidDate(i.fields.dueAt)),
  plannedDate: missing('plannedDate', (i) =>
    isValidDate(i.fields.plannedDate) || hasText(i.fields.plannedDate)),
  afterPhotoOrPublicNote: missing('afterPhotoOrPublicNote', (i) =>
    i.fields.afterPhoto === true || hasText(i.fields.publicNote)),
  internalNoteOrPublicNote: missing('internalNoteOrPublicNote', (i) =>
    hasText(i.fields.internalNote) || hasText(i.fields.publicNote)),
  closedAt: missing('closedAt', (i) => isValidDate(i.closedAt)),
  now: missing('now', (i) => isValidDate(i.now)),
  unsatisfiedRating: { field: 'rating', code: 'forbidden', met: (i) => i.rating === 'unsatisfied' },
  reopenWindow: {
    field: 'closedAt',
    code: 'forbidden',
    met: (i) => {
      const elapsed = i.now!.getTime() - i.closedAt!.getTime();
      return elapsed >= 0 && elapsed <= REOPEN_WINDOW_MS;
    },
  },
} satisfies Record<string, Requirement>;
type RequirementName = keyof typeof REQUIREMENTS;

type Transition = {
  from: readonly CaseState[];
  to: CaseState;
  /** 'handler' here always means "a handler of the case's own unit". */
  roles: readonly Role[];
  /** Checked in order; the first unmet one is reported. */
  requires?: readonly RequirementName[];
  rework?: boolean;
};

const STAFF = ['dispatcher', 'admin'] as const;
const STAFF_OR_UNIT = ['dispatcher', 'admin', 'handler'] as const;

export const TRANSITIONS: Readonly<Record<CaseAction, Transition>> = {
  accept: { from: ['submitted'], to: 'accepted', roles: STAFF },
  reject: {
    from: ['submitted', 'accepted'], to: 'rejected', roles: STAFF,
    requires: ['publicNote', 'reasonCode', 'transferTo'],
  },
  merge: { from: ['submitted', 'accepted'], to: 'duplicate', roles: STAFF, requires: ['targetCaseId'] },
  // From submitted this is accept + dispatch in one step.
  dispatch: {
    from: ['submitted', 'accepted'], to: 'dispatched', roles: STAFF, requires: ['unitId', 'dueAt'],
  },
  start: { from: ['dispatched'], to: 'in_progress', roles: STAFF_OR_UNIT },
  hold: {
    from: ['accepted', 'dispatched', 'in_progress'], to: 'on_hold', roles: STAFF,
    requires: ['publicNote', 'plannedDate'],
  },
  resume: { from: ['on_hold'], to: 'dispatched', roles: STAFF, requires: ['caseUnit'] },
  resolve: {
    from: ['dispatched', 'in_progress'], to: 'resolved', roles: STAFF_OR_UNIT,
    requires: ['afterPhotoOrPublicNote'],
  },
  close: { from: ['resolved'], to: 'closed', roles: STAFF }, // verification (核查) passed
  rework: {
    from: ['resolved'], to: 'dispatched', roles: STAFF,
    requires: ['internalNoteOrPublicNote'], rework: true,
  },
  // The route must also check the reporter is this case's reporter.
  reopen: {
    from: ['closed'], to: 'accepted', roles: ['reporter', 'system'],
    requires: ['closedAt', 'now', 'unsatisfiedRating', 'reopenWindow'],
  },
  // 回退: a handler sends back a case that is not their unit's; it leaves the unit and waits for 改派 (dispatch).
  send_back: {
    from: ['dispatched', 'in_progress'], to: 'accepted', roles: ['handler'], requires: ['internalNoteOrPublicNote'],
  },
};

function roleMayAct(
  t: Transition, role: Role, actorUnitId?: string | null, caseUnitId?: string | null,
): boolean {
  if (!t.roles.includes(role)) return false;
  if (role !== 'handler') return true;
  return hasText(actorUnitId) && actorUnitId === caseUnitId;
}

/** Checks in order: is the move legal from this state, may this actor make it, are its fields there. */
export function checkTransition(input: TransitionInput): TransitionResult {
  const t = TRANSITIONS[input.action];
  if (!t || !t.from.includes(input.state)) return { ok: false, code: 'illegal_transition' };
  if (!roleMayAct(t, input.role, input.actorUnitId, input.caseUnitId)) {
    return { ok: false, code: 'forbidden' };
  }
  for (const name of t.requires ?? []) {
    const req: Requirement = REQUIREMENTS[name];
    if (!req.met(input)) return { ok: false, code: req.code, field: req.field };
  }
  return { ok: true, to: t.to, rework: t.rework === true };
}

/** Actions to offer as buttons. Field requirements and the reopen window are checked on submit. */
export function allowedActions(
  state: CaseState, role: Role, actorUnitId?: string | null, caseUnitId?: string | null,
): CaseAction[] {
  return CASE_ACTIONS.filter((a) => {
    const t = TRANSITIONS[a];
    return t.from.includes(state) && roleMayAct(t, role, actorUnitId, caseUnitId);
  });
}

export type PublicBucket = 'pending' | 'open' | 'closed' | 'fixed';

// Every set of states the rest of the portal uses is derived here, from this one table.
const PUBLIC_BUCKET: Readonly<Record<CaseState, PublicBucket>> = {
  submitted: 'pending', // not public yet: only its reporter and staff see it
  accepted: 'open',
  rejected: 'closed',
  duplicate: 'closed',
  dispatched: 'open',
  in_progress: 'open',
  on_hold: 'open',
  resolved: 'open', // awaiting verification
  closed: 'fixed',
};

export function publicBucket(state: CaseState): PublicBucket {
  return PUBLIC_BUCKET[state];
}

const where = (keep: (s: CaseState) => boolean): CaseState[] => CASE_STATES.filter(keep);

/** The states of each public bucket (the /reports status filter, map colours, Open311 open/closed). */
export const STATES_OF: Readonly<Record<Exclude<PublicBucket, 'pending'>, CaseState[]>> = {
  open: where((s) => PUBLIC_BUCKET[s] === 'open'),
  closed: where((s) => PUBLIC_BUCKET[s] === 'closed'),
  fixed: where((s) => PUBLIC_BUCKET[s] === 'fixed'),
};
/** Shown to the public (unless staff hid the case). */
export const PUBLIC_STATES = where((s) => PUBLIC_BUCKET[s] !== 'pending');
/** Still needs work from the bureau, new reports included. */
export const OPEN_STATES = where((s) => PUBLIC_BUCKET[s] === 'pending' || PUBLIC_BUCKET[s] === 'open');
/** 立案: in handling or done — not awaiting acceptance, rejected or merged. */
export const ACCEPTED_STATES = [...STATES_OF.open, ...STATES_OF.fixed];
/** Left out of the on-time rates: nothing was committed (rejected, merged) or the clock is stopped (挂账). */
export const NOT_JUDGED_STATES: CaseState[] = [...STATES_OF.closed, 'on_hold'];
/** A handler sees a case once it has been sent to their unit (the states a dispatch leads to and beyond). */
export const UNIT_STATES: CaseState[] = ['dispatched', 'in_progress', 'on_hold', 'resolved', 'closed'];
/** States whose deadline clock is running: acceptance for new reports, handling for the others. */
export const CLOCK_STATES: CaseState[] = ['submitted', 'accepted', 'dispatched', 'in_progress'];

/** Still needs work from the bureau (includes submitted cases not yet triaged). */
export function isOpen(state: CaseState): boolean {
  return OPEN_STATES.includes(state);
}

export const isPublicState = (state: CaseState) => PUBLIC_STATES.includes(state);

// ── Log entries that change no state ────────────────────────────────────────────────

/**
 * Issue 11 (handlers): a handler of the case's unit asks for more time (延期申请) or for 挂账; a dispatcher or admin
 * approves or refuses (approving a 挂账 request is the `hold` transition). Staff record a 回访 (callback) on a closed
 * case; one that finds the problem unsolved reopens it through `reopen` (as the system, like a reporter's 不满意).
 */
const HANDLER_NOTES = ['request_extension', 'request_hold', 'approve_request', 'refuse_request', 'callback'] as const;
const WORKING: readonly CaseState[] = ['dispatched', 'in_progress'];
const HANDLER_NOTE_RULES: Readonly<Record<(typeof HANDLER_NOTES)[number], { states: readonly CaseState[]; roles: readonly Role[] }>> = {
  request_extension: { states: WORKING, roles: ['handler'] },
  request_hold: { states: WORKING, roles: ['handler'] },
  approve_request: { states: WORKING, roles: STAFF },
  refuse_request: { states: CASE_STATES, roles: STAFF },
  callback: { states: ['closed'], roles: STAFF },
};

/**
 * A reporter's follow-up comment (Open311 servicerequestupdates) lands in the log for staff only;
 * a dispatcher or admin may then publish it to the public timeline. Neither moves the case.
 */
export const NOTE_ACTIONS = ['comment', 'publish_comment', ...HANDLER_NOTES, 'supervise'] as const;
export type NoteAction = (typeof NOTE_ACTIONS)[number];

export const NOTES: Readonly<Record<NoteAction, { states: readonly CaseState[]; roles: readonly Role[] }>> = {
  comment: { states: CASE_STATES, roles: ['reporter'] },
  publish_comment: { states: CASE_STATES, roles: STAFF },
  ...HANDLER_NOTE_RULES,
  // 督办: the command centre chases a case in handling (a note, and a new due time where SUPERVISE_DUE_STATES).
  supervise: { states: ['accepted', 'dispatched', 'in_progress', 'on_hold'], roles: STAFF },
};
/** 督办 may set a new due time only while the clock runs (a hold has its planned date instead). */
export const SUPERVISE_DUE_STATES: CaseState[] = ['accepted', 'dispatched', 'in_progress'];

/** A handler only ever on a case of their own unit (as in the transitions). */
export function mayNote(action: NoteAction, state: CaseState, role: Role, actorUnitId?: string | null, caseUnitId?: string | null): boolean {
  const n = NOTES[action];
  if (role === 'handler' && !(hasText(actorUnitId) && actorUnitId === caseUnitId)) return false;
  return n.states.includes(state) && n.roles.includes(role);
}

/** Whether a log entry belongs in the public timeline: everything except a comment staff have not published, and staff-only entries. */
export const isPublicEntry = (e: { action: string; publicNote: string | null }) =>
  !STAFF_ONLY_ENTRIES.includes(e.action) && (e.action !== 'comment' || e.publicNote !== null);
/** A handler's requests, a refusal, a 回访 and a 督办 are the bureau's own business: only their outcome (a new due time, 挂账, a reopen) is public. */
export const STAFF_ONLY_ENTRIES: readonly string[] = ['request_extension', 'request_hold', 'refuse_request', 'callback', 'supervise'];
