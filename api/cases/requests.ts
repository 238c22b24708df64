/**
 * A handler's 延期申请 and 挂账 request, and a dispatcher's or admin's decision (issue 11). Each use case is one
 * immediate transaction: visibility, version, the rule in workflow.ts (NOTES), the request row, the case (version + 1),
 * one case_log row and one audit row. Approving an extension sets the new due time with the request's reason as the
 * public note; approving a 挂账 is the `hold` transition itself.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { caseLog, caseRequests, cases, staff } from '../../db/schema.ts';
import type { Audit } from '../staff/audit.ts';
import type { StaffUser } from '../staff/sessions.ts';
import { AppError, parseInput } from '../shared/errors.ts';
import { shanghaiDate, shanghaiMidnight } from '../shared/time.ts';
import { conflict, loadVisible, visibleTo } from './access.ts';
import { decideBody, requestBody, type RequestKind } from './handler-schema.ts';
import { transitionError } from './service.ts';
import { checkTransition, mayNote, type CaseState, type NoteAction } from './workflow.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type CaseRow = typeof cases.$inferSelect;
export type RequestAction = 'request_extension' | 'request_hold' | 'approve_request' | 'refuse_request';
export const REQUEST_ACTIONS: readonly RequestAction[] = ['request_extension', 'request_hold', 'approve_request', 'refuse_request'];

/** The NOTES rule as the two answers people get: not now (409) or not you (403). */
export function checkNote(action: NoteAction, actor: StaffUser, row: CaseRow) {
  if (mayNote(action, row.state, actor.role, actor.unitId, row.unitId)) return;
  const anyState = (['dispatched', 'in_progress', 'closed'] as CaseState[]).some((s) => mayNote(action, s, actor.role, actor.unitId, row.unitId));
  throw anyState ? transitionError('illegal_transition') : transitionError('forbidden');
}

export function createRequests(deps: { db: Db; clock: () => Date; audit: Audit }) {
  const { db, clock, audit } = deps;

  /** Bumps the version (guarded) and writes the log and audit rows every step has. */
  function record(tx: Tx, actor: StaffUser, row: CaseRow, action: string, set: Partial<CaseRow>, log: Partial<typeof caseLog.$inferInsert>, detail: Record<string, unknown>, ip?: string) {
    const now = clock();
    const version = row.version + 1;
    const changed = tx.update(cases).set({ ...set, version, updatedAt: now })
      .where(sql`${cases.id} = ${row.id} and ${cases.version} = ${row.version}`).run().changes;
    if (changed !== 1) throw conflict();
    tx.insert(caseLog).values({ caseId: row.id, at: now, actorKind: 'staff', actorId: actor.id, action, detail, ...log }).run();
    audit.record({ staffId: actor.id, username: actor.username, action: `case.${action}`, target: row.trackingNo, ip, detail: { version, ...detail } }, tx);
    return { trackingNo: row.trackingNo, state: (set.state ?? row.state) as CaseState, version };
  }

  /** A handler asks for more time or for 挂账. One pending request of a kind per case. */
  function request(actor: StaffUser, no: string, kind: RequestKind, fields: unknown, ip?: string) {
    const body = parseInput(requestBody, fields);
    const action = kind === 'extension' ? 'request_extension' : 'request_hold';
    const now = clock();
    return db.transaction((tx) => {
      const row = loadVisible(tx, actor, no);
      if (actor.role === 'viewer') throw new AppError(403, 'action_forbidden');
      if (row.version !== body.version) throw conflict();
      checkNote(action, actor, row);
      if (kind === 'extension') {
        if (!body.proposedDueAt) throw new AppError(400, 'invalid_input', { proposedDueAt: 'due_required' });
        const floor = Math.max(now.getTime(), row.dueAt?.getTime() ?? 0);
        if (body.proposedDueAt.getTime() <= floor) throw new AppError(400, 'invalid_input', { proposedDueAt: 'extension_not_later' });
      } else {
        if (!body.plannedDate) throw new AppError(400, 'invalid_input', { plannedDate: 'planned_date_required' });
        if (body.plannedDate < shanghaiDate(now)) throw new AppError(400, 'invalid_input', { plannedDate: 'planned_in_past' });
      }
      const open = tx.select({ id: caseRequests.id }).from(caseRequests)
        .where(and(eq(caseRequests.caseId, row.id), eq(caseRequests.kind, kind), eq(caseRequests.status, 'pending'))).get();
      if (open) throw new AppError(409, 'request_pending');
      const req = tx.insert(caseRequests).values({
        caseId: row.id, kind, reason: body.reason, proposedDueAt: kind === 'extension' ? body.proposedDueAt! : null,
        plannedDate: kind === 'hold' ? body.plannedDate! : null, requestedBy: actor.id, requestedAt: now,
      }).returning({ id: caseRequests.id }).get();
      const detail = { requestId: req.id, kind, proposedDueAt: kind === 'extension' ? body.proposedDueAt : undefined, plannedDate: body.plannedDate };
      return { ...record(tx, actor, row, action, {}, { internalNote: body.reason }, strip(detail), ip), requestId: req.id };
    }, { behavior: 'immediate' });
  }

  /** A dispatcher or admin approves (extension: the new due time; 挂账: the hold) or refuses a pending request. */
  function decide(actor: StaffUser, no: string, approve: boolean, fields: unknown, ip?: string) {
    const body = parseInput(decideBody, fields);
    const action = approve ? 'approve_request' : 'refuse_request';
    const now = clock();
    return db.transaction((tx) => {
      const row = loadVisible(tx, actor, no);
      if (actor.role === 'viewer' || actor.role === 'handler') throw new AppError(403, 'action_forbidden');
      if (row.version !== body.version) throw conflict();
      const req = tx.select().from(caseRequests).where(and(eq(caseRequests.id, body.requestId), eq(caseRequests.caseId, row.id))).get();
      if (!req) throw new AppError(400, 'invalid_input', { requestId: 'request_invalid' });
      if (req.status !== 'pending') throw new AppError(409, 'request_decided');
      checkNote(action, actor, row);
      tx.update(caseRequests).set({ status: approve ? 'approved' : 'refused', decidedBy: actor.id, decidedAt: now, decisionNote: body.decisionNote ?? null })
        .where(eq(caseRequests.id, req.id)).run();
      const base = { requestId: req.id, kind: req.kind };
      if (!approve) return record(tx, actor, row, action, {}, { internalNote: body.decisionNote ?? null }, base, ip);
      if (req.kind === 'extension') {
        const dueAt = body.dueAt ?? req.proposedDueAt!;
        if (dueAt.getTime() <= now.getTime()) throw new AppError(400, 'invalid_input', { dueAt: 'due_in_past' });
        return record(tx, actor, row, action, { dueAt }, { publicNote: req.reason, internalNote: body.decisionNote ?? null },
          strip({ ...base, dueAt, previousDueAt: row.dueAt }), ip);
      }
      // 挂账 approved: the hold transition, with the handler's reason as its public note.
      const plannedDate = req.plannedDate! < shanghaiDate(now) ? shanghaiDate(now) : req.plannedDate!;
      const check = checkTransition({ state: row.state, action: 'hold', role: actor.role, fields: { publicNote: req.reason, plannedDate } });
      if (!check.ok) throw transitionError(check.code, check.field);
      return record(tx, actor, row, 'hold', { state: check.to, holdUntil: shanghaiMidnight(plannedDate) },
        { fromState: row.state, toState: check.to, publicNote: req.reason, internalNote: body.decisionNote ?? null }, { ...base, plannedDate }, ip);
    }, { behavior: 'immediate' });
  }

  const requestColumns = {
    id: caseRequests.id, kind: caseRequests.kind, status: caseRequests.status, reason: caseRequests.reason,
    proposedDueAt: caseRequests.proposedDueAt, plannedDate: caseRequests.plannedDate, requestedAt: caseRequests.requestedAt,
    requestedBy: staff.displayName, decidedAt: caseRequests.decidedAt, decisionNote: caseRequests.decisionNote,
  };

  /** A case's requests, newest first (the case page). */
  function ofCase(caseId: number) {
    return db.select(requestColumns).from(caseRequests).leftJoin(staff, eq(staff.id, caseRequests.requestedBy))
      .where(eq(caseRequests.caseId, caseId)).orderBy(desc(caseRequests.requestedAt), desc(caseRequests.id)).all();
  }

  // The latest state change of a case was a handler's 回退.
  const sentBackLast = sql`(select l.action from case_log l where l.case_id = cases.id and l.to_state is not null
    order by l.at desc, l.id desc limit 1) = 'send_back'`;

  /** What waits for a dispatcher: pending requests, oldest first, and cases sent back for 改派. */
  function inbox(actor: StaffUser) {
    if (actor.role === 'handler') throw new AppError(403, 'action_forbidden');
    const caseCols = { trackingNo: cases.trackingNo, state: cases.state, categoryId: cases.categoryId, unitId: cases.unitId, address: cases.address, dueAt: cases.dueAt, version: cases.version };
    const pending = db.select({ ...requestColumns, ...caseCols }).from(caseRequests)
      .innerJoin(cases, eq(cases.id, caseRequests.caseId)).leftJoin(staff, eq(staff.id, caseRequests.requestedBy))
      .where(and(eq(caseRequests.status, 'pending'), inArray(cases.state, ['dispatched', 'in_progress']), visibleTo(actor)))
      .orderBy(asc(caseRequests.requestedAt), asc(caseRequests.id)).all();
    const sentBack = db.select({ ...caseCols, at: cases.updatedAt, reason: sql<string | null>`(select coalesce(l.internal_note, l.public_note) from case_log l
      where l.case_id = cases.id and l.action = 'send_back' order by l.at desc, l.id desc limit 1)` })
      .from(cases).where(and(eq(cases.state, 'accepted'), sentBackLast)).orderBy(asc(cases.updatedAt)).all();
    return { pending, sentBack };
  }

  return { request, decide, ofCase, inbox };
}

const strip = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));

export type Requests = ReturnType<typeof createRequests>;
