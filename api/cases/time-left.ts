/**
 * How long until a due time, or how long past it, in the largest whole unit people say aloud ("剩 2 小时", "超期 3 天").
 * Calendar time, not working time: a handler on the street reads the clock on the wall. Pure.
 */
export type TimeLeft = { overdue: boolean; n: number; unit: 'minutes' | 'hours' | 'days' };

const MIN = 60_000, HOUR = 60 * MIN, DAY = 24 * HOUR;

export function timeLeft(due: Date, now: Date): TimeLeft {
  const diff = due.getTime() - now.getTime();
  const overdue = diff < 0;
  const abs = Math.abs(diff);
  // Under an hour in minutes (at least 1), under two days in hours, then whole days: never "0 天".
  if (abs < HOUR) return { overdue, n: Math.max(1, Math.floor(abs / MIN)), unit: 'minutes' };
  if (abs < 2 * DAY) return { overdue, n: Math.floor(abs / HOUR), unit: 'hours' };
  return { overdue, n: Math.floor(abs / DAY), unit: 'days' };
}
