/**
 * "剩 2 小时" / "超期 3 天": how far a case is from its due time, in the largest whole unit people say aloud. Pure.
 * Overdue is calendar time: a resident waiting does not stop at 17:30, and "超期 140 天" is what a July case in
 * December is. Time left is calendar time too (a handler on the street reads the clock on the wall), unless a
 * working calendar is given: the desk counts it in working time, like the allowance it is part of (a case due
 * Monday 10:00 on Friday evening has 1.5 working hours left, not 62 hours).
 */
import { workingMinutesBetween, type WorkCalendar } from './deadlines.ts';

export type TimeUnit = 'minutes' | 'hours' | 'days';
export type TimeLeft = { overdue: boolean; n: number; unit: TimeUnit };

const MIN = 60_000, HOUR = 60 * MIN, DAY = 24 * HOUR;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
/** Minutes of working time in one working day of this calendar. */
const dayMinutes = (cal: WorkCalendar) => cal.periods.reduce((sum, p) => sum + minutesOf(p.end) - minutesOf(p.start), 0);

/**
 * Calendar: under an hour in minutes (at least 1), under two days in hours, then whole days: never "0 天".
 * Working time (left only, with `cal`): under an hour in minutes, under one working day in hours, else working days.
 * Always rounded down: never promise more time than there is.
 */
export function timeLeft(due: Date, now: Date, cal?: WorkCalendar): TimeLeft {
  const diff = due.getTime() - now.getTime();
  const overdue = diff < 0;
  if (cal && !overdue) {
    const minutes = workingMinutesBetween(now, due, cal);
    const perDay = dayMinutes(cal);
    if (minutes < 60) return { overdue, n: Math.max(1, Math.floor(minutes)), unit: 'minutes' };
    if (minutes < perDay) return { overdue, n: Math.floor(minutes / 60), unit: 'hours' };
    return { overdue, n: Math.floor(minutes / perDay), unit: 'days' };
  }
  const abs = Math.abs(diff);
  if (abs < HOUR) return { overdue, n: Math.max(1, Math.floor(abs / MIN)), unit: 'minutes' };
  if (abs < 2 * DAY) return { overdue, n: Math.floor(abs / HOUR), unit: 'hours' };
  return { overdue, n: Math.floor(abs / DAY), unit: 'days' };
}
