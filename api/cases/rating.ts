/**
 * The reporter's rating of a closed case through the follow link: once per closure. 不满意 within
 * 7 days of closing reopens the case (workflow 'reopen', actor 'reporter') into the dispatcher's
 * queue with a fresh deadline; later it is only recorded.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { caseLog, cases } from '../../db/schema.ts';
import type { Catalog } from '../reports/categories.ts';
import type { ReportsService } from '../reports/service.ts';
import { AppError, zodFields } from '../shared/errors.ts';
import { rateBody } from './schema.ts';
import type { CaseCalendar } from './calendar.ts';
import { addWorkingTime } from './deadlines.ts';
import { checkTransition, type Rating } from './workflow.ts';

/** May the reporter rate now? Closed, and not yet rated since this closure (a reopened case can be rated again). */
export const canRate = (c: { state: string; closedAt: Date | null; rating: string | null; ratedAt: Date | null }) =>
  c.state === 'closed' && c.closedAt !== null && !(c.rating && c.ratedAt && c.ratedAt.getTime() >= c.closedAt.getTime());

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Reopens a closed case into the dispatcher's queue with a fresh allowance: a reporter's 不满意, and a 回访 that found
 * the problem unsolved (callback.ts), the same way. The caller has checked the `reopen` transition.
 */
export function reopenCase(
  tx: Tx, deps: { catalog: Catalog; calendar: CaseCalendar }, row: typeof cases.$inferSelect, now: Date,
  set: Partial<typeof cases.$inferInsert>, by: { actorKind: 'reporter' | 'staff'; actorId?: number; detail?: Record<string, unknown> },
) {
  const category = deps.catalog.allCategories().find((c) => c.id === row.categoryId)!;
  const dueAt = addWorkingTime(now, category.handleAmount, category.handleUnit, deps.calendar.get());
  tx.update(cases).set({
    ...set, updatedAt: now, state: 'accepted', closedAt: null, resolvedAt: null, dueAt, version: row.version + 1,
  }).where(eq(cases.id, row.id)).run();
  tx.insert(caseLog).values({
    caseId: row.id, at: now, actorKind: by.actorKind, actorId: by.actorId ?? null, action: 'reopen', fromState: 'closed', toState: 'accepted',
    detail: { dueAt, ...by.detail },
  }).run();
  return { version: row.version + 1, dueAt };
}

export function createRating(deps: { db: Db; clock: () => Date; reports: ReportsService; catalog: Catalog; calendar: CaseCalendar }) {
  const { db, clock } = deps;

  /** The rating form or JSON as sent: a bad number or code is the same 404 as /track; no rating is a field error. */
  function rateFields(fields: unknown) {
    const r = rateBody.safeParse(fields);
    if (r.success) return rate(r.data);
    const f = zodFields(r.error.issues);
    throw f.no || f.code ? new AppError(404, 'track_not_found') : new AppError(400, 'invalid_input', f);
  }

  function rate(input: { no: string; code: string; rating: Rating }) {
    const found = deps.reports.findForReporter(input.no, input.code); // wrong code: the same 404 as /track
    const now = clock();
    return db.transaction((tx) => {
      const row = tx.select().from(cases).where(eq(cases.id, found.id)).get()!;
      if (row.state !== 'closed') throw new AppError(409, 'rating_not_closed');
      if (!canRate(row)) throw new AppError(409, 'already_rated');
      tx.insert(caseLog).values({ caseId: row.id, at: now, actorKind: 'reporter', action: 'rate', detail: { rating: input.rating } }).run();

      const reopen = checkTransition({
        state: 'closed', action: 'reopen', role: 'reporter', fields: {}, now, closedAt: row.closedAt, rating: input.rating,
      });
      if (!reopen.ok) {
        tx.update(cases).set({ rating: input.rating, ratedAt: now, updatedAt: now }).where(eq(cases.id, row.id)).run();
        return { trackingNo: row.trackingNo, state: row.state, rating: input.rating, reopened: false };
      }
      reopenCase(tx, deps, row, now, { rating: input.rating, ratedAt: now }, { actorKind: 'reporter' });
      return { trackingNo: row.trackingNo, state: reopen.to, rating: input.rating, reopened: true };
    }, { behavior: 'immediate' });
  }

  return { rate, rateFields, canRate };
}

export type CaseRating = ReturnType<typeof createRating>;
