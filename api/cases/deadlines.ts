/**
 * Working-time arithmetic for case deadlines, in Asia/Shanghai local time (UTC+8, no DST, so the
 * offset is plain arithmetic). Pure: the clock is always a parameter.
 *
 * Semantics:
 * - A working day is Mon–Fri, minus `holidays`, plus the Sat/Sun listed in `workdays` (调休).
 *   A date in both lists is off. Working time is the calendar's periods on working days.
 * - A start outside working time (evening, lunch, weekend, holiday) snaps forward to the next
 *   working moment: 20:00 → next working day 08:30; 12:30 → 14:30.
 * - 'hours': that many working hours, carried across breaks, evenings and non-working days.
 * - 'days': N working days = N full working days of working time. Every working day has the same
 *   periods, so this is the same clock time N working days later (Fri 10:00 + 1 → Mon 10:00).
 * - A due time that lands exactly on the end of a period stays there rather than jumping to the
 *   next opening: a start snapped to 08:30 with 1 day is due 17:30 that same day ("by close of
 *   business"), so a case that used its whole allowance is red that evening, not yellow overnight.
 */

export type LocalDate = string; // 'YYYY-MM-DD', Asia/Shanghai
export type WorkPeriod = { start: string; end: string }; // 'HH:MM'
export type WorkCalendar = {
  periods: readonly WorkPeriod[];
  /** Local dates that are off although they may be weekdays. */
  holidays: ReadonlySet<LocalDate> | readonly LocalDate[];
  /** Adjusted working weekends (调休): Sat/Sun local dates that are ON. */
  workdays: ReadonlySet<LocalDate> | readonly LocalDate[];
};
export type DeadlineUnit = 'hours' | 'days';
export type DeadlineLight = 'green' | 'yellow' | 'red';

export const DEMO_WORKING_PERIODS: readonly WorkPeriod[] = Object.freeze([
  { start: '08:30', end: '12:00' },
  { start: '14:30', end: '17:30' },
]);

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;
const MAX_DAYS_SEARCHED = 3_700; // ~10 years without a working day means a broken calendar

type Compiled = {
  periods: readonly (readonly [number, number])[]; // ms since local midnight
  dayMs: number; // working ms in one working day
  opens: number; // start of the first period
  closes: number; // end of the last period
  holidays: ReadonlySet<number>; // day numbers (days since 1970-01-01, local)
  workdays: ReadonlySet<number>;
  holidayList: readonly number[];
  workdayList: readonly number[];
};

// Compiled once per calendar object; the sizes guard against a list edited after first use.
const cache = new WeakMap<WorkCalendar, { sig: string; compiled: Compiled }>();

const sizeOf = (v: ReadonlySet<string> | readonly string[]) => ('size' in v ? v.size : v.length);

function compile(cal: WorkCalendar): Compiled {
  const sig = `${cal.periods.length}/${sizeOf(cal.holidays)}/${sizeOf(cal.workdays)}`;
  const hit = cache.get(cal);
  if (hit && hit.sig === sig) return hit.compiled;

  const periods = cal.periods.map((p) => [parseClock(p.start), parseClock(p.end)] as const);
  if (periods.length === 0) throw new RangeError('work calendar has no periods');
  let previousEnd = -1;
  for (const [s, e] of periods) {
    if (s >= e || s < previousEnd) {
      throw new RangeError('work periods must be increasing and non-overlapping');
    }
    previousEnd = e;
  }
  const holidayList = [...cal.holidays].map(parseDay).sort((a, b) => a - b);
  const workdayList = [...cal.workdays].map(parseDay).sort((a, b) => a - b);
  const compiled: Compiled = {
    periods,
    dayMs: periods.reduce((sum, [s, e]) => sum + (e - s), 0),
    opens: periods[0]![0],
    closes: previousEnd,
    holidays: new Set(holidayList),
    workdays: new Set(workdayList),
    holidayList,
    workdayList,
  };
  cache.set(cal, { sig, compiled });
  return compiled;
}

function parseClock(hhmm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new RangeError(`bad time of day: ${hhmm}`);
  return Number(m[1]) * HOUR_MS + Number(m[2]) * MINUTE_MS;
}

function parseDay(date: LocalDate): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`bad local date: ${date}`);
  }
  return ms / DAY_MS;
}

const isWeekday = (day: number) => {
  const dow = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return dow >= 1 && dow <= 5;
};

const isWorkingDayNumber = (c: Compiled, day: number) =>
  !c.holidays.has(day) && (c.workdays.has(day) || isWeekday(day));

function nextWorkingDay(c: Compiled, day: number): number {
  for (let d = day + 1; d <= day + MAX_DAYS_SEARCHED; d++) if (isWorkingDayNumber(c, d)) return d;
  throw new RangeError('no working day found in the calendar');
}

/** Working ms already elapsed in a working day at time-of-day `t`. */
function workedBefore(c: Compiled, t: number): number {
  let sum = 0;
  for (const [s, e] of c.periods) sum += Math.max(0, Math.min(t, e) - s);
  return sum;
}

/** Earliest time of day at which `w` working ms have elapsed (0 < w <= dayMs). */
function timeAtWorked(c: Compiled, w: number): number {
  for (const [s, e] of c.periods) {
    if (w <= e - s) return s + w;
    w -= e - s;
  }
  return c.closes;
}

/** Next working moment at or after a local instant, as [day, time of day]. */
function snap(c: Compiled, local: number): [number, number] {
  const day = Math.floor(local / DAY_MS);
  const t = local - day * DAY_MS;
  if (isWorkingDayNumber(c, day)) {
    for (const [s, e] of c.periods) if (t < e) return [day, Math.max(t, s)];
  }
  return [nextWorkingDay(c, day), c.opens];
}

/** Working days in [from, to), by weekday arithmetic plus the (short) holiday lists. */
function countWorkingDays(c: Compiled, from: number, to: number): number {
  if (to <= from) return 0;
  const span = to - from;
  let count = Math.floor(span / 7) * 5;
  for (let d = from + span - (span % 7); d < to; d++) if (isWeekday(d)) count++;
  for (const h of c.holidayList) if (h >= from && h < to && isWeekday(h)) count--;
  for (const w of c.workdayList) {
    if (w >= from && w < to && !isWeekday(w) && !c.holidays.has(w)) count++;
  }
  return count;
}

function workingMsBetween(c: Compiled, a: number, b: number): number {
  if (b < a) return -workingMsBetween(c, b, a);
  const la = a + SHANGHAI_OFFSET_MS;
  const lb = b + SHANGHAI_OFFSET_MS;
  const da = Math.floor(la / DAY_MS);
  const db = Math.floor(lb / DAY_MS);
  const wa = isWorkingDayNumber(c, da) ? workedBefore(c, la - da * DAY_MS) : 0;
  const wb = isWorkingDayNumber(c, db) ? workedBefore(c, lb - db * DAY_MS) : 0;
  if (da === db) return wb - wa;
  const restOfFirstDay = isWorkingDayNumber(c, da) ? c.dayMs - wa : 0;
  return restOfFirstDay + countWorkingDays(c, da + 1, db) * c.dayMs + wb;
}

export function isWorkingDay(localDate: LocalDate, cal: WorkCalendar): boolean {
  return isWorkingDayNumber(compile(cal), parseDay(localDate));
}

/** Due time for an allowance of working time starting at `start` (see the semantics above). */
export function addWorkingTime(
  start: Date, amount: number, unit: DeadlineUnit, cal: WorkCalendar,
): Date {
  if (!Number.isFinite(amount) || amount < 0) throw new RangeError(`bad amount: ${amount}`);
  if (unit !== 'hours' && unit !== 'days') throw new RangeError(`bad unit: ${String(unit)}`);
  const c = compile(cal);
  let remaining = Math.round(amount * (unit === 'hours' ? HOUR_MS : c.dayMs));
  let [day, t] = snap(c, start.getTime() + SHANGHAI_OFFSET_MS);
  let worked = workedBefore(c, t);
  if (remaining === 0) return new Date(day * DAY_MS + t - SHANGHAI_OFFSET_MS);
  while (remaining > c.dayMs - worked) {
    remaining -= c.dayMs - worked;
    day = nextWorkingDay(c, day);
    worked = 0;
  }
  const local = day * DAY_MS + timeAtWorked(c, worked + remaining);
  return new Date(local - SHANGHAI_OFFSET_MS);
}

/** Working minutes from a to b (negative when b is before a). */
export function workingMinutesBetween(a: Date, b: Date, cal: WorkCalendar): number {
  return workingMsBetween(compile(cal), a.getTime(), b.getTime()) / MINUTE_MS;
}

/** green: under 80 % of the allowed working time used; yellow: 80–100 %; red: past dueAt. */
export function deadlineLight(
  startedAt: Date, dueAt: Date, now: Date, cal: WorkCalendar,
): DeadlineLight {
  if (now.getTime() > dueAt.getTime()) return 'red';
  const c = compile(cal);
  const allowed = workingMsBetween(c, startedAt.getTime(), dueAt.getTime());
  const used = workingMsBetween(c, startedAt.getTime(), now.getTime());
  // Integer comparison avoids 0.8 rounding at the boundary.
  return allowed > 0 && used * 5 < allowed * 4 ? 'green' : 'yellow';
}
