/**
 * Who may see which case, and the deadline light of an open case. Shared by the actions, the
 * moderation commands and the queries so the rule lives in one place.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { CLOCK_STATES, UNIT_STATES, type CaseState } from './workflow.ts';
import type { Db } from '../../db/client.ts';
import { cases } from '../../db/schema.ts';
import type { StaffUser } from '../staff/sessions.ts';
import { AppError } from '../shared/errors.ts';
import { addWorkingTime, deadlineLight, type DeadlineLight, type WorkCalendar } from './deadlines.ts';

export type CaseRow = typeof cases.$inferSelect;
type Tx = Pick<Db, 'select'>;


export const canModerate = (actor: StaffUser) => actor.role === 'admin' || actor.role === 'dispatcher';

export function canSee(actor: StaffUser, c: Pick<CaseRow, 'unitId' | 'state'>): boolean {
  if (actor.role !== 'handler') return true;
  return actor.unitId !== null && c.unitId === actor.unitId && UNIT_STATES.includes(c.state);
}

/** The WHERE part that limits a list to what the actor may see (undefined: everything). */
export function visibleTo(actor: StaffUser): SQL | undefined {
  if (actor.role !== 'handler') return undefined;
  if (!actor.unitId) return sql`0`;
  return and(eq(cases.unitId, actor.unitId), inArray(cases.state, UNIT_STATES));
}

/** Loads a case the actor may see; anything else — another unit's case included — is the same 404. */
export function loadVisible(tx: Tx, actor: StaffUser, trackingNo: string): CaseRow {
  const row = tx.select().from(cases).where(eq(cases.trackingNo, trackingNo.trim().toUpperCase())).get();
  if (!row || !canSee(actor, row)) throw new AppError(404, 'not_found');
  return row;
}

export const conflict = () => new AppError(409, 'conflict');

/** Loads, checks visibility and the version the form was built from. */
export function loadForWrite(tx: Tx, actor: StaffUser, trackingNo: string, version: number): CaseRow {
  const row = loadVisible(tx, actor, trackingNo);
  if (row.version !== version) throw conflict();
  return row;
}

// ── Deadline lights ─────────────────────────────────────────────────────────────────


/**
 * When the running allowance started: acceptance, or the last time the deadline was set again
 * (resume after a hold, rework after a failed check, reopen after a rating). As SQL for lists.
 */
export const clockStartSql = sql<number | null>`coalesce((select max(l.at) from case_log l where l.case_id = ${cases.id}
  and l.action in ('resume', 'rework', 'reopen', 'send_back')), ${cases.acceptedAt})`;

export type LightInput = {
  state: CaseState; createdAt: Date; dueAt: Date | null; clockStart: Date | null; acceptHours: number;
};

/** The light of an open case, or null when no clock runs (on hold, resolved, finished). */
export function lightOf(c: LightInput, now: Date, cal: WorkCalendar): DeadlineLight | null {
  if (!CLOCK_STATES.includes(c.state)) return null;
  if (c.state === 'submitted') {
    return deadlineLight(c.createdAt, addWorkingTime(c.createdAt, c.acceptHours, 'hours', cal), now, cal);
  }
  if (!c.dueAt) return null;
  return deadlineLight(c.clockStart ?? c.createdAt, c.dueAt, now, cal);
}

/** The due time of acceptance for a new report (shown in the queue). */
export const acceptDue = (createdAt: Date, acceptHours: number, cal: WorkCalendar) =>
  addWorkingTime(createdAt, acceptHours, 'hours', cal);
