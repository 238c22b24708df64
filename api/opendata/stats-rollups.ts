/**
 * /stats from the per-day rollups (db/schema-rollups.ts): the same StatsReport as `compute` in stats.ts (which stays as
 * the definition, and the oracle of tests/api/rollups.test.ts), read from a few hundred rollup rows per period, plus
 * the closed cases' four instants for the medians (a covering index; nothing else of a case is read).
 */
import type Database from 'better-sqlite3';
import { ACCEPTED_STATES, type CaseState } from '../cases/workflow.ts';
import { CHANNELS, type Channel } from '../../db/vocabulary.ts';
import { shanghaiDate } from '../shared/time.ts';
import { addDays, dueCutoff, type Period } from './stats-period.ts';
import { rankPlaces } from './stats-places.ts';
import { rate, reworkRate, satisfactionRate, type Rating, type RatingCounts } from './indicators.ts';
import { median, percentile, rankUnits, weekSlots, type Figures, type StatsReport } from './stats.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** The rollups' day number of an instant (Asia/Shanghai, UTC+8 all year). */
export const dayNumber = (at: Date) => Math.floor((at.getTime() + 8 * HOUR) / DAY);

type ReceivedRow = [day: number, categoryId: string, unitId: string, channel: Channel, state: CaseState, rating: string, cases: number, reworks: number, reworked: number];
type DueRow = [categoryId: string, unitId: string, closedOnTime: number, handledOnTime: number, cases: number];
type PlaceRow = [address: string, cell: string, lat: number | null, cases: number];
type ClosedRow = [unitId: string | null, categoryId: string, createdAt: number, acceptedAt: number | null, resolvedAt: number | null, closedAt: number];
export type RollupData = { received: ReceivedRow[]; due: DueRow[]; places: PlaceRow[]; closed: ClosedRow[] };

const ACCEPTED = new Set<string>(ACCEPTED_STATES);

type Tally = {
  received: number; pending: number; accepted: number; closed: number; resolutions: number; reworks: number; reworked: number;
  ratings: RatingCounts; due: number; onTime: number; handled: number; hours: number[]; unit: number[]; verify: number[];
};
const newTally = (): Tally => ({
  received: 0, pending: 0, accepted: 0, closed: 0, resolutions: 0, reworks: 0, reworked: 0,
  ratings: { satisfied: 0, basically_satisfied: 0, unsatisfied: 0 }, due: 0, onTime: 0, handled: 0, hours: [], unit: [], verify: [],
});

const sorted = (a: number[]) => a.sort((x, y) => x - y);
function figuresOf(t: Tally): Figures {
  const hours = sorted(t.hours);
  const rated = t.ratings.satisfied + t.ratings.basically_satisfied + t.ratings.unsatisfied;
  return {
    received: t.received, pending: t.pending, accepted: t.accepted, closed: t.closed, closureRate: rate(t.closed, t.accepted),
    due: t.due, onTime: t.onTime, missed: t.due - t.onTime, onTimeRate: rate(t.onTime, t.due),
    handledOnTime: t.handled, handleMissed: t.due - t.handled, handleRate: rate(t.handled, t.due),
    medianHours: median(hours), p90Hours: percentile(hours, 0.9), unitHours: median(sorted(t.unit)), verifyHours: median(sorted(t.verify)),
    reworks: t.reworks, reworkedCases: t.reworked, resolutions: t.resolutions, reworkRate: reworkRate(t.reworks, t.resolutions),
    ratings: t.ratings, rated, satisfactionRate: satisfactionRate(t.ratings),
  };
}

/** The tallies a rollup row counts in: the total, its unit, its category, its unit × category. */
function groups() {
  const total = newTally();
  const byUnit = new Map<string, Tally>();
  const byCategory = new Map<string, Tally>();
  const byUnitCategory = new Map<string, Map<string, Tally>>();
  const at = <K>(m: Map<K, Tally>, k: K) => m.get(k) ?? m.set(k, newTally()).get(k)!;
  const of = (unit: string, category: string): Tally[] => {
    const inUnit = byUnitCategory.get(unit) ?? byUnitCategory.set(unit, new Map()).get(unit)!;
    return [total, at(byUnit, unit), at(byCategory, category), at(inUnit, category)];
  };
  const done = (m: Map<string, Tally>) => new Map([...m].map(([k, t]) => [k, figuresOf(t)]));
  return { of, total, byUnit, byCategory, byUnitCategory, done };
}

/** Everything /stats shows for a period, from the rollup rows of its days (read by `readRollups`). */
export function fromRollups(data: RollupData, period: Period, now: Date): StatsReport {
  const cutoff = dueCutoff(period, now);
  const g = groups();
  const { weeks, weekOf } = weekSlots(period, shanghaiDate(now));
  const channels = Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>;
  for (const [day, category, unit, channel, state, rating, n, reworks, reworked] of data.received) {
    for (const t of g.of(unit, category)) {
      t.received += n;
      if (state === 'submitted') t.pending += n;
      if (ACCEPTED.has(state)) t.accepted += n;
      if (state === 'closed') t.closed += n;
      if (state === 'resolved' || state === 'closed') t.resolutions += n;
      t.reworks += reworks;
      t.reworked += reworked;
      if (rating) t.ratings[rating as Rating] += n;
    }
    channels[channel] += n;
    const w = weekOf(day * DAY - 8 * HOUR);
    if (w) { w.received += n; if (state === 'closed') w.closed += n; }
  }
  for (const [category, unit, closedOnTime, handledOnTime, n] of data.due) {
    for (const t of g.of(unit, category)) { t.due += n; t.onTime += closedOnTime * n; t.handled += handledOnTime * n; }
  }
  for (const [unit, category, created, accepted, resolved, closed] of data.closed) {
    for (const t of g.of(unit ?? '', category)) {
      t.hours.push((closed - created) / HOUR);
      if (resolved !== null) { t.unit.push((resolved - (accepted ?? created)) / HOUR); t.verify.push((closed - resolved) / HOUR); }
    }
  }
  const byUnit = g.done(g.byUnit);
  return {
    period, asOf: now, cutoff,
    dueTo: cutoff > period.fromAt ? addDays(shanghaiDate(cutoff), -1) : null,
    totals: figuresOf(g.total),
    byUnit, ranks: rankUnits(new Map([...byUnit].filter(([unit]) => unit !== ''))),
    byCategory: g.done(g.byCategory),
    byUnitCategory: new Map([...g.byUnitCategory].map(([unit, m]) => [unit, g.done(m)])),
    weeks, byChannel: channels,
    places: rankPlaces(data.places.map(([address, cell, lat, count]) => ({ address, cell: cell || null, lat, count })), 10),
  };
}

/** The rollup rows (and closed cases' instants) of a period; deadlines are read up to the cutoff. */
export function readRollups(sqlite: Database.Database) {
  const q = (s: string) => sqlite.prepare(s).raw();
  const received = q(`SELECT day, category_id, unit_id, channel, state, rating, cases, reworks, reworked FROM rollup_received WHERE day >= ? AND day < ?`);
  const due = q(`SELECT category_id, unit_id, closed_on_time, handled_on_time, sum(cases) FROM rollup_due WHERE day >= ? AND day < ? GROUP BY 1, 2, 3, 4`);
  const places = q(`SELECT address, cell, max(lat), sum(cases) FROM rollup_places WHERE day >= ? AND day < ? GROUP BY address, cell`);
  const closed = q(`SELECT unit_id, category_id, created_at, accepted_at, resolved_at, closed_at FROM cases
    WHERE state = 'closed' AND hidden = 0 AND created_at >= ? AND created_at < ?`);
  return (period: Period, now: Date): RollupData => {
    const [from, to, cut] = [dayNumber(period.fromAt), dayNumber(period.toAt), dayNumber(dueCutoff(period, now))];
    return {
      received: received.all(from, to) as ReceivedRow[],
      due: due.all(from, cut) as DueRow[],
      places: places.all(from, to) as PlaceRow[],
      closed: closed.all(period.fromAt.getTime(), period.toAt.getTime()) as ClosedRow[],
    };
  };
}
