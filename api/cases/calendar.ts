/**
 * The working calendar as the bureau keeps it: holidays and adjusted working weekends (调休) in
 * `calendar_days`, working hours in settings 'working_periods'. Deadlines read it through `get()`,
 * which is cached in memory and rebuilt after every admin edit, here or in another process on the same database.
 */
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { calendarDays, settings } from '../../db/schema.ts';
import type { StaffUser } from '../staff/sessions.ts';
import type { Audit } from '../staff/audit.ts';
import { AppError } from '../shared/errors.ts';
import { othersStamp } from '../shared/cache.ts';
import { CN_HOLIDAYS } from './calendar-data.ts';
import { DEMO_WORKING_PERIODS, addWorkingTime, type WorkCalendar, type WorkPeriod } from './deadlines.ts';

export const PERIODS_KEY = 'working_periods';
const SEEDED_KEY = 'calendar_seeded'; // set once: an admin who deletes every day does not get them back

export type CalendarDay = typeof calendarDays.$inferSelect;
export type DayKind = CalendarDay['kind'];

/** Copies CN_HOLIDAYS into calendar_days the first time; never again, never over an admin's rows. */
export function seedCalendar(db: Db): number {
  return db.transaction((tx) => {
    if (tx.select().from(settings).where(eq(settings.key, SEEDED_KEY)).get()) return 0;
    let added = 0;
    for (const [year, y] of Object.entries(CN_HOLIDAYS)) {
      const note = y.provisional ? `${year} 推算，待国务院通知确认` : null;
      const rows = [
        ...y.holidays.map((date) => ({ date, kind: 'holiday' as const, note })),
        ...y.workdays.map((date) => ({ date, kind: 'workday' as const, note })),
      ];
      added += tx.insert(calendarDays).values(rows).onConflictDoNothing().run().changes;
    }
    tx.insert(settings).values({ key: SEEDED_KEY, value: '1' }).onConflictDoNothing().run();
    return added;
  }, { behavior: 'immediate' });
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (d: string) => DATE.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
const isWeekend = (d: string) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());

/** Throws the same AppError a form shows when periods overlap, are out of order or malformed. */
export function validatePeriods(periods: WorkPeriod[]): WorkPeriod[] {
  try {
    if (periods.length === 0 || periods.length > 4) throw new RangeError('count');
    addWorkingTime(new Date(0), 1, 'days', { periods, holidays: [], workdays: [] }); // compiles and checks them
    return periods;
  } catch {
    throw new AppError(400, 'invalid_input', { periods: 'periods_invalid' });
  }
}

function readPeriods(db: Db): WorkPeriod[] {
  const row = db.select().from(settings).where(eq(settings.key, PERIODS_KEY)).get();
  if (!row) return [...DEMO_WORKING_PERIODS];
  try {
    return validatePeriods(JSON.parse(row.value));
  } catch {
    console.error(`settings.${PERIODS_KEY} is not a valid list of periods; using the default`);
    return [...DEMO_WORKING_PERIODS];
  }
}

export function createCalendar(db: Db, audit: Audit) {
  let cached: WorkCalendar | null = null;
  // Another process (a rolling restart's twin) may edit the calendar: its commits change data_version.
  const others = othersStamp(db);
  let seen = others();
  const current = (): WorkCalendar => {
    const now = others();
    if (now !== seen) { seen = now; cached = null; }
    return (cached ??= load());
  };

  function load(): WorkCalendar {
    seedCalendar(db);
    const days = db.select().from(calendarDays).all();
    return {
      periods: readPeriods(db),
      holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date)),
      workdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.date)),
    };
  }

  const requireAdmin = (actor: StaffUser) => {
    if (actor.role !== 'admin') throw new AppError(403, 'action_forbidden');
  };

  return {
    /** The calendar every deadline is computed with (a new object after each edit). */
    get: current,
    invalidate: () => { cached = null; },

    listDays(year: number): CalendarDay[] {
      seedCalendar(db);
      return db.select().from(calendarDays)
        .where(and(gte(calendarDays.date, `${year}-01-01`), lt(calendarDays.date, `${year + 1}-01-01`)))
        .orderBy(asc(calendarDays.date)).all();
    },

    /** Adds or changes one day. A working day (调休) must be a Saturday or Sunday to mean anything. */
    setDay(actor: StaffUser, input: { date: string; kind: DayKind; note?: string | null }, ip?: string) {
      requireAdmin(actor);
      if (!isRealDate(input.date)) throw new AppError(400, 'invalid_input', { date: 'date_invalid' });
      if (input.kind === 'workday' && !isWeekend(input.date)) throw new AppError(400, 'invalid_input', { date: 'workday_not_weekend' });
      const note = input.note?.trim() || null;
      db.transaction((tx) => {
        tx.insert(calendarDays).values({ date: input.date, kind: input.kind, note })
          .onConflictDoUpdate({ target: calendarDays.date, set: { kind: input.kind, note } }).run();
        audit.record({ staffId: actor.id, username: actor.username, action: 'calendar.set_day', target: input.date, detail: { kind: input.kind, note }, ip }, tx);
      }, { behavior: 'immediate' });
      cached = null;
    },

    removeDay(actor: StaffUser, date: string, ip?: string): boolean {
      requireAdmin(actor);
      const removed = db.transaction((tx) => {
        const gone = tx.delete(calendarDays).where(eq(calendarDays.date, date)).returning().get();
        if (gone) audit.record({ staffId: actor.id, username: actor.username, action: 'calendar.remove_day', target: date, detail: { kind: gone.kind }, ip }, tx);
        return gone !== undefined;
      }, { behavior: 'immediate' });
      cached = null;
      return removed;
    },

    periods: (): WorkPeriod[] => [...current().periods],

    setPeriods(actor: StaffUser, periods: WorkPeriod[], ip?: string) {
      requireAdmin(actor);
      const value = JSON.stringify(validatePeriods(periods));
      db.transaction((tx) => {
        tx.insert(settings).values({ key: PERIODS_KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
        audit.record({ staffId: actor.id, username: actor.username, action: 'calendar.set_periods', detail: { periods }, ip }, tx);
      }, { behavior: 'immediate' });
      cached = null;
    },
  };
}

export type CaseCalendar = ReturnType<typeof createCalendar>;
