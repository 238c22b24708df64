/**
 * The dispatcher's queue as a table: new reports and reopened cases with their acceptance clock
 * ("剩 2 小时" / "超期 3 天"), duplicate candidates, chips to narrow it, and a count for the badge
 * that tells a dispatcher new reports arrived. Dispatchers, admins and viewers (handlers: 403).
 */
import { and, asc, eq, max, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { cases, categories } from '../../db/schema.ts';
import { AppError } from '../shared/errors.ts';
import type { StaffUser } from '../staff/sessions.ts';
import { acceptDue, lightOf } from '../cases/access.ts';
import type { CaseCalendar } from '../cases/calendar.ts';
import type { Duplicates } from '../cases/duplicates.ts';
import { summaryColumns, type SummaryRow } from '../cases/queries.ts';
import { timeLeft } from '../cases/time-left.ts';
import type { QueueQuery } from './schema.ts';

export const QUEUE_LIMIT = 200; // as many as one bulk action takes

// The latest state change of a case was the reporter reopening it (as queries.ts's queue).
const reopenedLast = sql`(select l.action from case_log l where l.case_id = ${cases.id} and l.to_state is not null
  order by l.at desc, l.id desc limit 1) = 'reopen'`;
const inQueue = or(eq(cases.state, 'submitted'), and(eq(cases.state, 'accepted'), reopenedLast));

export function createQueue(deps: { db: Db; clock: () => Date; calendar: CaseCalendar; duplicates: Duplicates }) {
  const { db, clock, calendar, duplicates } = deps;
  const refuseHandlers = (actor: StaffUser) => {
    if (actor.role === 'handler') throw new AppError(403, 'action_forbidden');
  };

  /** The queue's rows for the table, filtered by the chips, sorted; counts per chip from the whole queue. */
  function table(actor: StaffUser, q: QueueQuery) {
    refuseHandlers(actor);
    const now = clock();
    const cal = calendar.get();
    const all = (db.select(summaryColumns).from(cases).innerJoin(categories, eq(categories.id, cases.categoryId))
      .where(inQueue).orderBy(asc(cases.createdAt), asc(cases.id)).all() as SummaryRow[])
      .map((r) => {
        const reopened = r.state === 'accepted';
        const due = reopened ? r.dueAt : acceptDue(r.createdAt, r.acceptHours, cal);
        const clockStart = r.clockStart === null ? null : new Date(r.clockStart);
        return {
          id: r.id, trackingNo: r.trackingNo, state: r.state, categoryId: r.categoryId, address: r.address, description: r.description,
          lat: r.lat, lng: r.lng, createdAt: r.createdAt, supporters: r.supporters, version: r.version, reopened, due,
          light: lightOf({ ...r, clockStart }, now, cal), left: due ? timeLeft(due, now, cal) : null,
        };
      });
    const counts = {
      category: countBy(all, (r) => r.categoryId),
      light: countBy(all, (r) => r.light ?? ''),
      kind: countBy(all, (r) => (r.reopened ? 'reopened' : 'new')),
    };
    const shown = all.filter((r) => (!q.category || r.categoryId === q.category) && (!q.light || r.light === q.light)
      && (!q.kind || (q.kind === 'reopened') === r.reopened));
    const order: Record<QueueQuery['sort'], (a: Row, b: Row) => number> = {
      old: () => 0, // already oldest first
      new: (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id,
      due: (a, b) => (a.due?.getTime() ?? Infinity) - (b.due?.getTime() ?? Infinity),
      category: (a, b) => a.categoryId.localeCompare(b.categoryId) || a.createdAt.getTime() - b.createdAt.getTime(),
    };
    type Row = (typeof all)[number];
    const rows = [...shown].sort(order[q.sort]).slice(0, QUEUE_LIMIT);
    const open = duplicates.pinnedOpen(rows.map((r) => r.categoryId));
    return {
      total: all.length, shown: shown.length, counts, now,
      items: rows.map(({ lat: _lat, lng: _lng, ...r }) => ({ ...r, duplicates: duplicates.of({ ...r, lat: _lat, lng: _lng }, open) })),
    };
  }

  /** For the "new reports" badge: how many wait, and the newest one's time (ms), cheap enough to poll. */
  function count(actor: StaffUser) {
    refuseHandlers(actor);
    const row = db.select({ n: sql<number>`count(*)`, newest: max(cases.createdAt) }).from(cases).where(inQueue).get()!;
    return { total: row.n, newest: row.newest ? row.newest.getTime() : null };
  }

  return { table, count };
}

function countBy<T>(rows: T[], key: (r: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[key(r)] = (out[key(r)] ?? 0) + 1;
  return out;
}

export type Queue = ReturnType<typeof createQueue>;
export type QueueTable = ReturnType<Queue['table']>;
