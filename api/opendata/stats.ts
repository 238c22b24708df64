/**
 * Statistics for /stats and the quarterly reports. Pure functions over plain rows, and one data-access
 * function (createStats) that reads the rows. Definitions (README, "Statistics"):
 *
 * - Cohort: every count except the on-time pair is about the reports *received* in the period
 *   (created in [from, to), Shanghai time), in their state as of now — the same cases /reports lists for
 *   `from`/`to`, so each figure links to them. Hidden cases never count.
 * - received: every report, including those not yet accepted (pending; not public yet) and those rejected
 *   or merged. accepted (立案): in handling or done, i.e. not pending, rejected or merged.
 *   closed (已办结): state closed. closure rate = closed / accepted.
 * - on-time closure rate (按期结案率) = on time / due. due: cases whose committed due time (as it stands:
 *   a resume or a rework gives a fresh allowance) falls in [from, cutoff), cutoff = the period's end or
 *   today's 00:00 if earlier; rejected, merged and on-hold (挂账) cases are left out. on time: closed at
 *   or before the due time. A due case still open counts against the rate.
 * - time to close: calendar hours from report to closing, of the closed cases; median and 90th percentile
 *   by linear interpolation between ranks (the median of an even count is the mean of the middle two).
 * - rework (返工): failed verifications in the case log of the received cases (the log, not the
 *   rework_count column, is the record).
 * - 按期处置率, 返工率, 满意率: api/opendata/indicators.ts (the verification delay is never the unit's).
 */
import { and, gte, lt, or, sql } from 'drizzle-orm';
import { ACCEPTED_STATES, CASE_STATES, NOT_JUDGED_STATES, type CaseState } from '../cases/workflow.ts';
import type { Db } from '../../db/client.ts';
import { cases } from '../../db/schema.ts';
import { shanghaiDate, shanghaiMidnight } from '../shared/time.ts';
import { addDays, dueCutoff, isoWeek, mondayOf, type Period } from './stats-period.ts';
import { topPlaces } from './stats-places.ts';
import { countRatings, isClosedOnTime, isHandledOnTime, rate, reworkRate, satisfactionRate, type Rating, type RatingCounts } from './indicators.ts';
import { CHANNELS, type Channel } from '../../db/vocabulary.ts';

export type StatsRow = {
  categoryId: string; unitId: string | null; state: CaseState; hidden: boolean; channel: Channel;
  createdAt: Date; acceptedAt: Date | null; dueAt: Date | null; resolvedAt: Date | null; closedAt: Date | null;
  reworks: number; rating: Rating | null; address: string; lat: number | null; lng: number | null;
};

export type Figures = {
  received: number; pending: number; accepted: number; closed: number; closureRate: number | null;
  due: number; onTime: number; missed: number; onTimeRate: number | null;
  handledOnTime: number; handleMissed: number; handleRate: number | null; // 按期处置 (the unit's own clock)
  medianHours: number | null; p90Hours: number | null;
  unitHours: number | null; verifyHours: number | null; // medians: 受理→处置完毕, 处置完毕→结案 (核查)
  reworks: number; reworkedCases: number; resolutions: number; reworkRate: number | null;
  ratings: RatingCounts; rated: number; satisfactionRate: number | null;
};

const NOT_ACCEPTED = new Set(CASE_STATES.filter((s) => !ACCEPTED_STATES.includes(s)));
const NOT_JUDGED = new Set(NOT_JUDGED_STATES); // left out of the on-time rate
export const MIN_CASES_TO_RANK = 10;
const HOUR = 3_600_000;
const WEEK = 7 * 86_400_000;

// getTime(), not `>=` on Dates: comparing Dates goes through valueOf and is several times slower at 100k rows.
const within = (at: Date | null, from: Date, to: Date) => at !== null && at.getTime() >= from.getTime() && at.getTime() < to.getTime();
export const isReceived = (r: StatsRow, p: Period) => !r.hidden && within(r.createdAt, p.fromAt, p.toAt);
export const isDue = (r: StatsRow, p: Period, cutoff: Date) => !r.hidden && !NOT_JUDGED.has(r.state) && within(r.dueAt, p.fromAt, cutoff);
export const isOnTime = isClosedOnTime;

/** The p-quantile (0..1) of ascending numbers, interpolating linearly between ranks; null when empty. */
export function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}
export const median = (sorted: number[]) => percentile(sorted, 0.5);
const hoursBetween = (pairs: [Date | null, Date | null][]) =>
  pairs.filter((p): p is [Date, Date] => p[0] !== null && p[1] !== null).map(([a, b]) => (b.getTime() - a.getTime()) / HOUR).sort((a, b) => a - b);

/** The headline figures of `rows` for a period; `cutoff` ends the window in which deadlines are judged. */
export function figures(rows: StatsRow[], period: Period, cutoff: Date): Figures {
  const received = rows.filter((r) => isReceived(r, period));
  const closed = received.filter((r) => r.state === 'closed');
  const accepted = received.filter((r) => !NOT_ACCEPTED.has(r.state)).length;
  const due = rows.filter((r) => isDue(r, period, cutoff));
  const onTime = due.filter(isOnTime).length;
  const handledOnTime = due.filter(isHandledOnTime).length;
  const hours = closed.map((r) => (r.closedAt!.getTime() - r.createdAt.getTime()) / HOUR).sort((a, b) => a - b);
  const reworks = received.reduce((n, r) => n + r.reworks, 0);
  const resolutions = received.filter((r) => r.state === 'resolved' || r.state === 'closed').length;
  const ratings = countRatings(received.map((r) => r.rating));
  return {
    received: received.length,
    pending: received.filter((r) => r.state === 'submitted').length,
    accepted,
    closed: closed.length,
    closureRate: rate(closed.length, accepted),
    due: due.length, onTime, missed: due.length - onTime, onTimeRate: rate(onTime, due.length),
    handledOnTime, handleMissed: due.length - handledOnTime, handleRate: rate(handledOnTime, due.length),
    medianHours: median(hours), p90Hours: percentile(hours, 0.9),
    unitHours: median(hoursBetween(closed.map((r) => [r.acceptedAt ?? r.createdAt, r.resolvedAt]))),
    verifyHours: median(hoursBetween(closed.map((r) => [r.resolvedAt, r.closedAt]))),
    reworks, reworkedCases: received.filter((r) => r.reworks > 0).length, resolutions, reworkRate: reworkRate(reworks, resolutions),
    ratings, rated: ratings.satisfied + ratings.basically_satisfied + ratings.unsatisfied, satisfactionRate: satisfactionRate(ratings),
  };
}

function groupBy(rows: StatsRow[], by: 'unitId' | 'categoryId'): Map<string, StatsRow[]> {
  const groups = new Map<string, StatsRow[]>();
  for (const r of rows) {
    const key = r[by] ?? '';
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  return groups;
}

/** Figures per unit or per category (key '' = no unit yet), for every key that has a received or due case. */
export function breakdown(rows: StatsRow[], period: Period, cutoff: Date, by: 'unitId' | 'categoryId'): Map<string, Figures> {
  const counted = rows.filter((r) => isReceived(r, period) || isDue(r, period, cutoff));
  return new Map([...groupBy(counted, by)].map(([key, group]) => [key, figures(group, period, cutoff)]));
}

export type Ranked = { rank: number | null; unranked: 'few_cases' | 'nothing_due' | null };

/**
 * Ranks units by 按期处置率 (their own work by the due time), then closure rate; equal pairs share a rank (1, 2, 2, 4).
 * Units with fewer than MIN_CASES_TO_RANK received cases, or with nothing due, are shown but not ranked.
 */
export function rankUnits(units: Map<string, Figures>): Map<string, Ranked> {
  const out = new Map<string, Ranked>();
  const eligible: [string, Figures][] = [];
  for (const [id, f] of units) {
    if (f.received < MIN_CASES_TO_RANK) out.set(id, { rank: null, unranked: 'few_cases' });
    else if (f.handleRate === null) out.set(id, { rank: null, unranked: 'nothing_due' });
    else eligible.push([id, f]);
  }
  const key = (f: Figures) => [f.handleRate!, f.closureRate ?? -1] as const;
  eligible.sort(([, a], [, b]) => key(b)[0] - key(a)[0] || key(b)[1] - key(a)[1]);
  eligible.forEach(([id, f], i) => {
    const prev = eligible[i - 1];
    const tied = prev && key(prev[1])[0] === key(f)[0] && key(prev[1])[1] === key(f)[1];
    out.set(id, { rank: tied ? out.get(prev[0])!.rank : i + 1, unranked: null });
  });
  return out;
}

export type Week = { monday: string; year: number; week: number; from: string; to: string; received: number; closed: number };

/**
 * Received reports (and how many of them are closed) per ISO week, Monday 00:00 Shanghai, clipped to the period
 * and to `today` (Shanghai date): weeks still to come would read as weeks without reports.
 */
export function weeklyTrend(rows: StatsRow[], period: Period, today = period.to): Week[] {
  const { weeks, weekOf } = weekSlots(period, today);
  for (const r of rows) {
    const w = isReceived(r, period) ? weekOf(r.createdAt.getTime()) : undefined;
    if (!w) continue;
    w.received++;
    if (r.state === 'closed') w.closed++;
  }
  return weeks;
}

/** The empty weeks of a period up to `today`, and the week an instant falls in (undefined outside them). */
export function weekSlots(period: Period, today: string): { weeks: Week[]; weekOf: (ms: number) => Week | undefined } {
  const weeks: Week[] = [];
  const last = today < period.to ? today : period.to;
  const first = mondayOf(period.from);
  for (let monday = first; monday <= last; monday = addDays(monday, 7)) {
    const sunday = addDays(monday, 6);
    weeks.push({ monday, ...isoWeek(monday), from: monday < period.from ? period.from : monday, to: sunday > last ? last : sunday, received: 0, closed: 0 });
  }
  const start = shanghaiMidnight(first).getTime();
  return { weeks, weekOf: (ms) => (ms < start ? undefined : weeks[Math.floor((ms - start) / WEEK)]) }; // Shanghai has no DST
}

/** Received reports per channel (来源), every channel listed (0 when none came that way). */
export function byChannel(rows: StatsRow[], period: Period): Record<Channel, number> {
  const out = Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>;
  for (const r of rows) if (isReceived(r, period)) out[r.channel]++;
  return out;
}

export type StatsReport = ReturnType<typeof compute>;

/** Unit × category figures carry counts and rates only: nothing shows their durations, and they would cost a median each. */
const withoutDurations = (m: Map<string, Figures>): Map<string, Figures> =>
  new Map([...m].map(([k, f]) => [k, { ...f, medianHours: null, p90Hours: null, unitHours: null, verifyHours: null }]));

/** Everything /stats shows for a period, from plain rows. */
export function compute(rows: StatsRow[], period: Period, now: Date) {
  const cutoff = dueCutoff(period, now);
  const byUnit = breakdown(rows, period, cutoff, 'unitId');
  return {
    period, asOf: now, cutoff,
    dueTo: cutoff > period.fromAt ? addDays(shanghaiDate(cutoff), -1) : null, // last day whose deadlines are judged
    totals: figures(rows, period, cutoff),
    byUnit, ranks: rankUnits(new Map([...byUnit].filter(([unit]) => unit !== ''))), // 'not yet assigned' is no unit
    byCategory: breakdown(rows, period, cutoff, 'categoryId'),
    byUnitCategory: new Map([...groupBy(rows, 'unitId')].map(([unit, group]) => [unit, withoutDurations(breakdown(group, period, cutoff, 'categoryId'))] as const)
      .filter(([, byCategory]) => byCategory.size > 0)), // units with a counted case, like byUnit
    weeks: weeklyTrend(rows, period, shanghaiDate(now)),
    byChannel: byChannel(rows, period),
    places: topPlaces(rows.filter((r) => isReceived(r, period) && r.state !== 'submitted'), 10), // public cases only
  };
}

/**
 * The case rows a period needs (received or due in it), straight from the cases table: the definition the rollups
 * must agree with (tests/api/rollups.test.ts) and the "before" of the benchmark. The pages read stats-service.ts.
 */
export function readStatsRows(db: Db) {
  // Spelled out: inside a select list Drizzle leaves column names unqualified, and "id" would mean the log's.
  const reworks = sql<number>`(select count(*) from case_log l where l.case_id = "cases"."id" and l.action = 'rework')`;
  return (p: Period): StatsRow[] => db.select({
    categoryId: cases.categoryId, unitId: cases.unitId, state: cases.state, hidden: cases.hidden, channel: cases.channel,
    createdAt: cases.createdAt, acceptedAt: cases.acceptedAt, dueAt: cases.dueAt, resolvedAt: cases.resolvedAt, closedAt: cases.closedAt,
    reworks, rating: cases.rating, address: cases.address, lat: cases.lat, lng: cases.lng,
  }).from(cases)
    .where(or(and(gte(cases.createdAt, p.fromAt), lt(cases.createdAt, p.toAt)), and(gte(cases.dueAt, p.fromAt), lt(cases.dueAt, p.toAt))))
    .all();
}
