/**
 * Statistics periods: Asia/Shanghai calendar dates, a quarter by default. Pure: `now` is an input.
 * A period is [fromAt, toAt): from 00:00 of its first day to 00:00 after its last day, Shanghai time.
 */
import { shanghaiDate, shanghaiMidnight } from '../shared/time.ts';

export type Quarter = { year: number; q: 1 | 2 | 3 | 4 };
export type Period = {
  from: string; to: string; // first and last day, inclusive ('YYYY-MM-DD', as the /reports filters take them)
  fromAt: Date; toAt: Date;
  quarter: Quarter | null; // set when the period is exactly one quarter
};
export type PeriodError = 'date_invalid' | 'date_order' | 'date_span';

const DAY = 86_400_000;
export const MAX_SPAN_DAYS = 731; // two years: the weekly chart stays readable

export const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const isDate = (s: unknown): s is string => {
  const t = typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) ? Date.parse(`${s}T00:00:00Z`) : NaN;
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s; // rejects 2026-02-30
};

/** A quarter as one integer, year * 4 + (q - 1): the key of the quarter rollups (db/rollups.ts QUARTER). */
export const quarterNumber = (q: Quarter) => q.year * 4 + q.q - 1;
export const quarterKey = (q: Quarter) => `${q.year}-Q${q.q}`;
export const sameQuarter = (a: Quarter, b: Quarter) => a.year === b.year && a.q === b.q;

export function quarterOf(date: string): Quarter {
  return { year: Number(date.slice(0, 4)), q: (Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1) as Quarter['q'] };
}

/** '2026-Q3' → { year: 2026, q: 3 }; anything else → null. */
export function parseQuarter(s: string | undefined | null): Quarter | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(s ?? '');
  return m ? { year: Number(m[1]), q: Number(m[2]) as Quarter['q'] } : null;
}

export function nextQuarter({ year, q }: Quarter): Quarter {
  return q === 4 ? { year: year + 1, q: 1 } : { year, q: (q + 1) as Quarter['q'] };
}

export function quarterPeriod(quarter: Quarter): Period {
  const first = (x: Quarter) => `${x.year}-${String((x.q - 1) * 3 + 1).padStart(2, '0')}-01`;
  return datePeriod(first(quarter), addDays(first(nextQuarter(quarter)), -1), quarter);
}

function datePeriod(from: string, to: string, quarter: Quarter | null = null): Period {
  return { from, to, fromAt: shanghaiMidnight(from), toAt: shanghaiMidnight(addDays(to, 1)), quarter };
}

/** Quarters from `first` to `last`, oldest first. */
export function quartersBetween(first: Quarter, last: Quarter): Quarter[] {
  const out: Quarter[] = [];
  for (let q = first; quarterKey(q) <= quarterKey(last); q = nextQuarter(q)) out.push(q);
  return out;
}

/**
 * The period a /stats query asks for: `from`+`to` (a custom range), else `period=YYYY-Qn`, else this quarter.
 * A bad custom range falls back to this quarter and says why.
 */
export function choosePeriod(query: { period?: string; from?: string; to?: string }, now: Date): { period: Period; error: PeriodError | null } {
  const current = quarterPeriod(quarterOf(shanghaiDate(now)));
  if (query.from || query.to) {
    if (!isDate(query.from) || !isDate(query.to)) return { period: current, error: 'date_invalid' };
    if (query.from > query.to) return { period: current, error: 'date_order' };
    if (Date.parse(query.to) - Date.parse(query.from) >= MAX_SPAN_DAYS * DAY) return { period: current, error: 'date_span' };
    const asQuarter = quarterPeriod(quarterOf(query.from));
    const exact = asQuarter.from === query.from && asQuarter.to === query.to;
    return { period: datePeriod(query.from, query.to, exact ? asQuarter.quarter : null), error: null };
  }
  const quarter = parseQuarter(query.period);
  return { period: quarter ? quarterPeriod(quarter) : current, error: query.period && !quarter ? 'date_invalid' : null };
}

/**
 * The end of the window in which deadlines are judged: the period's end, or today's 00:00 if earlier.
 * A deadline falling today or later cannot be judged yet (and the /reports due filter takes whole days).
 */
export function dueCutoff(period: Period, now: Date): Date {
  const today = shanghaiMidnight(shanghaiDate(now));
  return today < period.toAt ? today : period.toAt;
}

/** Monday (Shanghai date) of the ISO week containing `date`. */
export function mondayOf(date: string): string {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(date, -weekday);
}

/** ISO 8601 week number and week-year of a date: the week belongs to the year of its Thursday. */
export function isoWeek(date: string): { year: number; week: number } {
  const thursday = addDays(mondayOf(date), 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((Date.parse(thursday) - Date.parse(`${year}-01-01`)) / (7 * DAY)) + 1;
  return { year, week };
}
