/**
 * One demo case's life as case_log rows: a legal path through the state machine (api/cases/workflow.ts)
 * with staff actions at Asia/Shanghai working moments (api/cases/deadlines.ts). Pure and deterministic.
 */
import { addWorkingTime, workingMinutesBetween, type WorkCalendar } from '../cases/deadlines.ts';
import { TRANSITIONS, type CaseAction, type CaseState } from '../cases/workflow.ts';
import type { Category, Unit } from '../reports/categories.ts';
import type { Rng } from './rng.ts';
import * as T from './texts.ts';

export type CaseFields = { acceptedAt?: Date; dueAt?: Date | null; unitId?: string | null; resolvedAt?: Date | null; closedAt?: Date | null };
export type PlanEvent = {
  at: Date;
  action: 'submit' | CaseAction;
  from: CaseState | null;
  to: CaseState;
  actor: 'reporter' | 'staff';
  publicNote: string | null;
  internalNote: string | null;
  set: CaseFields;
};

/** closed: the usual loop; rework: one failed check first; holdResume: parked, then done; stuck: never resolved. */
export type Fate = 'closed' | 'rework' | 'holdResume' | 'onHold' | 'stuck' | 'rejected' | 'duplicate';

export type ChainInput = {
  rng: Rng;
  cal: WorkCalendar;
  category: Category;
  units: Unit[];
  fate: Fate;
  createdAt: Date;
  forceAccept?: boolean; // accept and dispatch as two steps
  forceStart?: boolean;
  notBefore?: Date; // duplicates: the case they join is public by then
};

const HOLD_KEY: Record<string, string> = {
  manhole_cover: 'facilities', blocked_drain: 'facilities', unpermitted_digging: 'facilities', streetlight_out: 'facilities',
  bare_soil: 'greenery', dirty_greenspace: 'greenery', site_fencing: 'site_fencing',
  illegal_billboard: 'illegal_billboard', cooking_fumes: 'cooking_fumes',
};
/** Categories where parking a case (挂账) is a realistic outcome. */
export const HOLDABLE = new Set(Object.keys(HOLD_KEY));

const fill = (s: string, vars: Record<string, string>) => s.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
const cnDate = (d: Date) => {
  const local = new Date(d.getTime() + 8 * 3600_000);
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日`;
};

export function chain(input: ChainInput): PlanEvent[] {
  const { rng, cal, category: cat, fate } = input;
  const after = (t: Date, minutes: number) => addWorkingTime(t, Math.max(1, minutes) / 60, 'hours', cal);
  const due = (t: Date) => addWorkingTime(t, cat.handleAmount, cat.handleUnit, cal);
  const unitId = cat.unitId ?? rng.pick(['municipal', 'sanitation', 'enforcement']);
  const unitName = input.units.find((u) => u.id === unitId)?.nameZh ?? unitId;
  const limit = `${cat.handleAmount}个${cat.handleUnit === 'hours' ? '工作小时' : '工作日'}`;
  const internal = (p: number) => (rng.chance(p) ? rng.pick(T.INTERNAL) : null);

  const events: PlanEvent[] = [{
    at: input.createdAt, action: 'submit', from: null, to: 'submitted', actor: 'reporter', publicNote: null, internalNote: null, set: {},
  }];
  const last = () => events[events.length - 1]!;
  const push = (action: CaseAction, at: Date, publicNote: string | null, internalNote: string | null = null, set: CaseFields = {}) => {
    const prev = last();
    const to = TRANSITIONS[action].to;
    if (at.getTime() <= prev.at.getTime()) at = after(prev.at, rng.between(5, 30));
    events.push({ at, action, from: prev.to, to, actor: 'staff', publicNote, internalNote, set });
    return at;
  };
  let t = input.createdAt;
  const firstLook = () => {
    const at = after(t, rng.chance(0.9) ? rng.between(8, 115) : rng.between(120, 480)); // accept within 2 working hours, mostly
    return input.notBefore && at < input.notBefore ? after(input.notBefore, rng.between(5, 60)) : at;
  };

  if (fate === 'rejected' || fate === 'duplicate') {
    const acceptFirst = rng.chance(fate === 'rejected' ? 0.25 : 0.3);
    if (acceptFirst) {
      const at = firstLook();
      t = push('accept', at, rng.pick(T.ACCEPT), null, { acceptedAt: at, dueAt: due(at) });
    }
    const at = acceptFirst ? after(t, fate === 'rejected' ? rng.between(60, 900) : rng.between(10, 240)) : firstLook();
    if (fate === 'rejected') {
      const why = rng.pick(T.REJECT.filter((r) => !r.cats || r.cats.includes(cat.id)));
      push('reject', at, why.text, rng.chance(0.4) ? '已电话告知反映人' : null);
    } else {
      push('merge', at, T.MERGE); // {parent} is filled in once the tracking numbers are known
    }
    return events;
  }

  // Accepted and dispatched (in one step for about a third of the cases).
  const acceptAt = firstLook();
  const dispatchNote = fill(rng.pick(T.DISPATCH), { u: unitName, limit });
  if (!input.forceAccept && rng.chance(0.3)) {
    t = push('dispatch', acceptAt, dispatchNote, internal(0.15), { acceptedAt: acceptAt, dueAt: due(acceptAt), unitId });
  } else {
    t = push('accept', acceptAt, rng.pick(T.ACCEPT), internal(0.1), { acceptedAt: acceptAt, dueAt: due(acceptAt) });
    const verify = rng.chance(0.75) ? rng.between(3, 60) : rng.between(60, 600); // some are checked on site first
    t = push('dispatch', after(t, verify), dispatchNote, internal(0.1), { unitId });
  }
  let clockStart = acceptAt;
  const allowance = () => workingMinutesBetween(clockStart, due(clockStart), cal);
  const start = (p: number) => {
    if (input.forceStart || rng.chance(p)) t = push('start', after(t, allowance() * rng.between(0.05, 0.3)), T.START[unitId] ?? null, internal(0.15));
  };

  if (fate === 'onHold' || fate === 'holdResume') {
    if (rng.chance(0.5)) start(1);
    const holdAt = after(t, rng.between(60, 900));
    const planned = new Date(holdAt.getTime() + rng.int(fate === 'onHold' ? 30 : 10, fate === 'onHold' ? 120 : 40) * 86_400_000);
    t = push('hold', holdAt, fill(T.HOLD[HOLD_KEY[cat.id] ?? 'other']!, { date: cnDate(planned) }), internal(0.3));
    if (fate === 'onHold') return events;
    const resumeAt = after(new Date(planned.getTime() - rng.int(0, 7) * 86_400_000), rng.between(0, 120));
    t = push('resume', resumeAt, fill(T.RESUME, { u: unitName }), null, { dueAt: due(resumeAt) });
    clockStart = t;
  }
  if (fate === 'stuck') {
    start(0.6);
    return events;
  }

  const resolve = (notes: readonly string[]) => {
    const f = rng.chance(0.95) ? rng.between(0.15, 0.65) : rng.between(1.05, 2); // most on time, some overdue
    start(0.85);
    const at = after(clockStart, allowance() * f);
    t = push('resolve', at, rng.pick(notes), internal(0.1));
    last().set = { resolvedAt: t }; // push may have moved it past the previous event
  };
  resolve(T.RESOLVE[cat.id] ?? T.RESOLVE.other!);
  if (fate === 'rework') {
    t = push('rework', after(t, rng.between(30, 300)), fill(rng.pick(T.REWORK), { u: unitName }), rng.pick(T.REWORK_INTERNAL));
    last().set = { resolvedAt: null, dueAt: due(t) }; // the deadline starts again
    clockStart = t;
    resolve(T.REDONE);
  }
  // 核查: the command centre checks most resolutions within a couple of working hours, nearly all within a working day.
  const check = rng.weighted([[[10, 60], 86], [[60, 240], 11], [[240, 1200], 3]] as const);
  push('close', after(t, rng.between(check[0], check[1])), rng.pick(T.CLOSE), null);
  last().set = { closedAt: last().at };
  return events;
}

/** The case row fields implied by a (truncated) log. */
export function fieldsOf(events: PlanEvent[], defaultUnit: string | null) {
  const f = { acceptedAt: null as Date | null, dueAt: null as Date | null, unitId: defaultUnit, resolvedAt: null as Date | null, closedAt: null as Date | null };
  for (const e of events) Object.assign(f, e.set);
  const end = events[events.length - 1]!;
  return { ...f, state: end.to, updatedAt: end.at };
}
