/** The weekly schedule as plain functions: local dates and times in Asia/Shanghai, instants in UTC. */
const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

export type LocalDate = string; // 'YYYY-MM-DD'
type Days = ReadonlySet<string> | readonly string[];
export type HolidaySets = { holidays: Days; workdays: Days };
const has = (days: Days, d: string) => ('has' in days ? days.has(d) : days.includes(d));

const dayNumber = (d: LocalDate) => Date.parse(`${d}T00:00:00Z`) / DAY_MS;
const fromDayNumber = (n: number): LocalDate => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: LocalDate): number {
  return ((new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

export const isRealDate = (d: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

/** The instant of a Shanghai wall-clock time. */
export function shanghaiInstant(date: LocalDate, hhmm: string): Date {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(Date.parse(`${date}T00:00:00Z`) + (h * 60 + m) * 60_000 - OFFSET_MS);
}

/** Every date on `weekday` from the first date (or `from`, if later) up to and including `to`. */
export function weeklyDates(firstDate: LocalDate, weekday: number, from: LocalDate, to: LocalDate): LocalDate[] {
  let n = Math.max(dayNumber(firstDate), dayNumber(from));
  n += (weekday - isoWeekday(fromDayNumber(n)) + 7) % 7;
  const out: LocalDate[] = [];
  for (const end = dayNumber(to); n <= end; n += 7) out.push(fromDayNumber(n));
  return out;
}

export const addDays = (d: LocalDate, days: number) => fromDayNumber(dayNumber(d) + days);

/** Flag for the organiser: the day is a public holiday, or an adjusted working day (调休上班). */
export function dayFlag(date: LocalDate, cal: HolidaySets): 'holiday' | 'workday' | null {
  if (has(cal.holidays, date)) return 'holiday';
  if (has(cal.workdays, date)) return 'workday';
  return null;
}

export type Slot = { date: LocalDate; startsAt: Date; endsAt: Date };

/** The occurrences to exist from `today` for `weeks` weeks ahead. */
export function slotsAhead(s: { firstDate: LocalDate; weekday: number; startTime: string; endTime: string }, today: LocalDate, weeks: number): Slot[] {
  return weeklyDates(s.firstDate, s.weekday, today, addDays(today, weeks * 7 - 1)).map((date) => ({
    date, startsAt: shanghaiInstant(date, s.startTime), endsAt: shanghaiInstant(date, s.endTime),
  }));
}
