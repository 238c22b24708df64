/**
 * 督办: the command centre chases the cases a unit is late with. A list of overdue and nearly-due
 * cases per unit, the overdue count of each unit (the console's front page), and the 督办 action:
 * a note to the unit and, while the clock runs, a new due time — one case_log row (internal, never
 * in the public timeline) and one audit row, in one transaction that also bumps the version.
 */
import { and, asc, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { caseLog, cases, categories } from '../../db/schema.ts';
import { AppError, parseInput } from '../shared/errors.ts';
import type { Audit } from '../staff/audit.ts';
import type { StaffUser } from '../staff/sessions.ts';
import { conflict, lightOf, loadVisible, visibleTo } from '../cases/access.ts';
import type { CaseCalendar } from '../cases/calendar.ts';
import { summaryColumns, type SummaryRow } from '../cases/queries.ts';
import { timeLeft } from '../cases/time-left.ts';
import { mayNote, SUPERVISE_DUE_STATES, type CaseState } from '../cases/workflow.ts';
import { superviseBody } from './schema.ts';

/** States in a unit's hands with a running clock: what can be late. */
const CHASED: CaseState[] = ['accepted', 'dispatched', 'in_progress'];

export function createSupervision(deps: { db: Db; clock: () => Date; calendar: CaseCalendar; audit: Audit }) {
  const { db, clock, calendar, audit } = deps;

  /** Overdue (red) and nearly due (yellow) cases I may see, most overdue first, with the last 督办 of each. */
  function list(actor: StaffUser, unit?: string) {
    const now = clock();
    const cal = calendar.get();
    const rows = db.select({ ...summaryColumns, supervisedAt: sql<number | null>`(select max(l.at) from case_log l where l.case_id = ${cases.id} and l.action = 'supervise')`,
      supervisions: sql<number>`(select count(*) from case_log l where l.case_id = ${cases.id} and l.action = 'supervise')` })
      .from(cases).innerJoin(categories, eq(categories.id, cases.categoryId))
      .where(and(visibleTo(actor), inArray(cases.state, CHASED), isNotNull(cases.dueAt), unit ? eq(cases.unitId, unit) : undefined))
      .orderBy(asc(cases.dueAt), asc(cases.id)).all() as (SummaryRow & { supervisedAt: number | null; supervisions: number })[];
    return rows.flatMap((r) => {
      const clockStart = r.clockStart === null ? null : new Date(r.clockStart);
      const light = lightOf({ ...r, clockStart }, now, cal);
      if (light !== 'red' && light !== 'yellow') return [];
      return [{
        trackingNo: r.trackingNo, state: r.state, categoryId: r.categoryId, unitId: r.unitId, address: r.address, version: r.version,
        createdAt: r.createdAt, dueAt: r.dueAt!, light, left: timeLeft(r.dueAt!, now, cal), supervisions: r.supervisions,
        supervisedAt: r.supervisedAt === null ? null : new Date(r.supervisedAt), mayChangeDue: SUPERVISE_DUE_STATES.includes(r.state),
      }];
    });
  }

  /** Overdue cases per unit (null: dispatched to nobody yet), for the front page; one grouped query. */
  function overdueByUnit(actor: StaffUser) {
    const now = clock();
    return db.select({ unitId: cases.unitId, n: sql<number>`count(*)` }).from(cases)
      .where(and(visibleTo(actor), inArray(cases.state, CHASED), lt(cases.dueAt, now))).groupBy(cases.unitId).all();
  }

  /** One 督办 on one case, from the fields as sent (the supervision page's form and the API). */
  function supervise(actor: StaffUser, trackingNo: string, fields: unknown, ip?: string) {
    const body = parseInput(superviseBody, fields);
    const now = clock();
    return db.transaction((tx) => {
      const row = loadVisible(tx, actor, trackingNo);
      if (actor.role === 'viewer' || actor.role === 'handler') throw new AppError(403, 'action_forbidden');
      if (row.version !== body.version) throw conflict();
      if (!mayNote('supervise', row.state, actor.role)) throw new AppError(409, 'illegal_transition');
      if (body.dueAt && !SUPERVISE_DUE_STATES.includes(row.state)) throw new AppError(400, 'invalid_input', { dueAt: 'supervise_due_not_allowed' });
      if (body.dueAt && body.dueAt.getTime() <= now.getTime()) throw new AppError(400, 'invalid_input', { dueAt: 'due_in_past' });
      const version = row.version + 1;
      const changed = tx.update(cases).set({ version, updatedAt: now, ...(body.dueAt ? { dueAt: body.dueAt } : {}) })
        .where(sql`${cases.id} = ${row.id} and ${cases.version} = ${row.version}`).run().changes;
      if (changed !== 1) throw conflict();
      const detail = { unitId: row.unitId, ...(body.dueAt ? { dueAt: body.dueAt, previousDueAt: row.dueAt } : {}) };
      tx.insert(caseLog).values({
        caseId: row.id, at: now, actorKind: 'staff', actorId: actor.id, action: 'supervise', fromState: row.state, toState: null,
        publicNote: null, internalNote: body.note, detail,
      }).run();
      audit.record({ staffId: actor.id, username: actor.username, action: 'case.supervise', target: row.trackingNo, ip,
        detail: { state: row.state, version, ...detail } }, tx);
      return { trackingNo: row.trackingNo, state: row.state, version };
    }, { behavior: 'immediate' });
  }

  return { list, overdueByUnit, supervise };
}

export type Supervision = ReturnType<typeof createSupervision>;
