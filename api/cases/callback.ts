/**
 * 回访 (callback) after closing: staff call the reporter (a 12345 caller, a resident) and record whether the problem
 * is solved and how satisfied they are. The satisfaction is the case's rating (so it counts in 满意率) unless the
 * reporter already rated this closure; "unsolved" reopens the case exactly as a reporter's 不满意 does (same
 * transition, same 7-day window, same fresh allowance). One immediate transaction.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { caseLog, cases } from '../../db/schema.ts';
import type { Catalog } from '../reports/categories.ts';
import type { Audit } from '../staff/audit.ts';
import type { StaffUser } from '../staff/sessions.ts';
import { AppError, parseInput } from '../shared/errors.ts';
import { conflict, loadVisible } from './access.ts';
import type { CaseCalendar } from './calendar.ts';
import { callbackBody } from './handler-schema.ts';
import { canRate, reopenCase } from './rating.ts';
import { checkNote } from './requests.ts';
import { checkTransition } from './workflow.ts';

export function createCallbacks(deps: { db: Db; clock: () => Date; audit: Audit; catalog: Catalog; calendar: CaseCalendar }) {
  const { db, clock, audit } = deps;

  function record(actor: StaffUser, no: string, fields: unknown, ip?: string) {
    const body = parseInput(callbackBody, fields);
    const now = clock();
    return db.transaction((tx) => {
      const row = loadVisible(tx, actor, no);
      if (actor.role === 'viewer') throw new AppError(403, 'action_forbidden');
      if (row.version !== body.version) throw conflict();
      checkNote('callback', actor, row);
      const rating = body.result === 'unreachable' ? null : body.rating ?? null;
      const counted = rating !== null && canRate(row);
      const reopen = body.result === 'unsolved' ? checkTransition({
        state: row.state, action: 'reopen', role: 'system', fields: {}, now, closedAt: row.closedAt, rating: 'unsatisfied',
      }) : null;
      const reopened = reopen?.ok === true;
      const detail = { result: body.result, ...(rating ? { rating } : {}), counted, reopened };
      tx.insert(caseLog).values({ caseId: row.id, at: now, actorKind: 'staff', actorId: actor.id, action: 'callback', internalNote: body.internalNote ?? null, detail }).run();
      const rated = counted ? { rating, ratedAt: now } : {};
      let version: number;
      if (reopened) {
        version = reopenCase(tx, deps, row, now, rated, { actorKind: 'staff', actorId: actor.id, detail: { via: 'callback' } }).version;
      } else {
        version = row.version + 1;
        const changed = tx.update(cases).set({ ...rated, version, updatedAt: now })
          .where(sql`${cases.id} = ${row.id} and ${cases.version} = ${row.version}`).run().changes;
        if (changed !== 1) throw conflict();
      }
      audit.record({ staffId: actor.id, username: actor.username, action: 'case.callback', target: row.trackingNo, ip, detail: { version, ...detail } }, tx);
      return { trackingNo: row.trackingNo, state: reopened ? 'accepted' as const : row.state, version, reopened, counted };
    }, { behavior: 'immediate' });
  }

  return { record };
}

export type Callbacks = ReturnType<typeof createCallbacks>;
