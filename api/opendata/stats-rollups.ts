/**
 * /stats from the rollups (db/schema-rollups.ts): the same StatsReport as `compute` in stats.ts (which stays as the
 * definition, and the oracle of tests/api/rollups.test.ts). A quarter (the default period, the quarterly report) reads
 * its quarter rollups in key order: ~500 received rows, its places, and its handling times by rank
 * (stats-durations.ts); the weekly chart and the deadlines read the per-day rollups, a few dozen rows. Any other
 * period sums the per-day rollups in SQL and takes its medians over the cases' covering index.
 * Unit × category figures carry no durations: nothing shows them.
 */
import type Database from 'better-sqlite3';
import { ACCEPTED_STATES, type CaseState } from '../cases/workflow.ts';
import { CHANNELS, type Channel } from '../../db/vocabulary.ts';
import { shanghaiDate } from '../shared/time.ts';
import { addDays, dueCutoff, quarterNumber, type Period } from './stats-period.ts';
import { normaliseAddress, rankPlaces } from './stats-places.ts';
import { quarterDurations, type Durations } from './stats-durations.ts';
import { rate, reworkRate, satisfactionRate, type Rating, type RatingCounts } from './indicators.ts';
import { rankUnits, weekSlots, type Figures, type StatsReport } from './stats.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** The rollups' day number of an instant (Asia/Shanghai, UTC+8 all year). */
export const dayNumber = (at: Date) => Math.floor((at.getTime() + 8 * HOUR) / DAY);

type ReceivedRow = [categoryId: string, unitId: string, channel: Channel, state: CaseState, rating: string, cases: number, reworks: number, reworked: number];
/** Reports received on a day, and how many of them are closed: the weekly chart. */
type DayRow = [day: number, received: number, closed: number];
type DueRow = [categoryId: string, unitId: string, closedOnTime: number, handledOnTime: number, cases: number];
type PlaceRow = [address: string, cell: string, lat: number | null, cases: number];
export type RollupData = {
  received: ReceivedRow[]; days: DayRow[]; due: DueRow[]; places: PlaceRow[];
  durations: { total: Durations[]; byUnit: Durations[]; byCategory: Durations[] };
};

const ACCEPTED = new Set<string>(ACCEPTED_STATES);

type Tally = {
  received: number; pending: number; accepted: number; closed: number; resolutions: number; reworks: number; reworked: number;
  ratings: RatingCounts; due: number; onTime: number; handled: number;
};
const newTally = (): Tally => ({
  received: 0, pending: 0, accepted: 0, closed: 0, resolutions: 0, reworks: 0, reworked: 0,
  ratings: { satisfied: 0, basically_satisfied: 0, unsatisfied: 0 }, due: 0, onTime: 0, handled: 0,
});

function figuresOf(t: Tally, d: Durations | undefined): Figures {
  const rated = t.ratings.satisfied + t.ratings.basically_satisfied + t.ratings.unsatisfied;
  return {
    received: t.received, pending: t.pending, accepted: t.accepted, closed: t.closed, closureRate: rate(t.closed, t.accepted),
    due: t.due, onTime: t.onTime, missed: t.due - t.onTime, onTimeRate: rate(t.onTime, t.due),
    handledOnTime: t.handled, handleMissed: t.due - t.handled, handleRate: rate(t.handled, t.due),
    medianHours: d?.[1] ?? null, p90Hours: d?.[2] ?? null, unitHours: d?.[3] ?? null, verifyHours: d?.[4] ?? null,
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
  const done = (m: Map<string, Tally>, durations: Durations[] = []) => {
    const d = new Map(durations.map((x) => [x[0] ?? '', x]));
    return new Map([...m].map(([k, t]) => [k, figuresOf(t, d.get(k))]));
  };
  return { of, total, byUnit, byCategory, byUnitCategory, done };
}

/** Everything /stats shows for a period, from the rollup rows of its days (read by `readRollups`). */
export function fromRollups(data: RollupData, period: Period, now: Date): StatsReport {
  const cutoff = dueCutoff(period, now);
  const g = groups();
  const { weeks, weekOf } = weekSlots(period, shanghaiDate(now));
  const channels = Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>;
  for (const [category, unit, channel, state, rating, n, reworks, reworked] of data.received) {
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
  }
  for (const [day, received, closed] of data.days) {
    const w = weekOf(day * DAY - 8 * HOUR);
    if (w) { w.received += received; w.closed += closed; }
  }
  for (const [category, unit, closedOnTime, handledOnTime, n] of data.due) {
    for (const t of g.of(unit, category)) { t.due += n; t.onTime += closedOnTime * n; t.handled += handledOnTime * n; }
  }
  const byUnit = g.done(g.byUnit, data.durations.byUnit);
  return {
    period, asOf: now, cutoff,
    dueTo: cutoff > period.fromAt ? addDays(shanghaiDate(cutoff), -1) : null,
    totals: figuresOf(g.total, data.durations.total[0]),
    byUnit, ranks: rankUnits(new Map([...byUnit].filter(([unit]) => unit !== ''))),
    byCategory: g.done(g.byCategory, data.durations.byCategory),
    byUnitCategory: new Map([...g.byUnitCategory].map(([unit, m]) => [unit, g.done(m)])),
    weeks, byChannel: channels,
    places: rankPlaces(data.places.map(([address, cell, lat, count]) => ({ address, cell: cell || null, lat, count })), 10),
  };
}

/** The rollup rows (and closed cases' handling times) of a period; deadlines are read up to the cutoff. */
export function readRollups(sqlite: Database.Database) {
  const q = (s: string) => sqlite.prepare(s).raw();
  const range = 'WHERE day >= ? AND day < ?';
  const received = {
    quarter: q(`SELECT category_id, unit_id, channel, state, rating, cases, reworks, reworked FROM rollup_received_q WHERE quarter = ?`),
    days: q(`SELECT category_id, unit_id, channel, state, rating, sum(cases), sum(reworks), sum(reworked) FROM rollup_received ${range} GROUP BY 1, 2, 3, 4, 5`),
  };
  const days = q(`SELECT day, sum(cases), sum(CASE WHEN state = 'closed' THEN cases ELSE 0 END) FROM rollup_received ${range} GROUP BY day`);
  const due = q(`SELECT category_id, unit_id, closed_on_time, handled_on_time, sum(cases) FROM rollup_due ${range} GROUP BY 1, 2, 3, 4`);
  const places = {
    // A typed address's cells come as one 'cell=cases,…' string: thousands of small rows cost more to hand to JS than
    // to split. Only rows that count as pin-only (rankPlaces: no address, or one that normalises to nothing, such as
    // '！？') need their latitude, to centre their cell: those stay rows.
    typed: q(`SELECT address, group_concat(cell || '=' || cases) FROM rollup_places_q WHERE quarter = ? AND address <> '' GROUP BY address`),
    pinOnly: q(`SELECT address, cell, lat, cases FROM rollup_places_q WHERE quarter = ? AND address = ?`),
    days: q(`SELECT address, cell, max(lat), sum(cases) FROM rollup_places ${range} GROUP BY address, cell`),
  };
  // Medians in SQLite (its percentile functions interpolate between ranks exactly as stats.ts `percentile`), over the
  // covering index: the planner would take cases_state_category and read every closed case's row, so it is named.
  const durations = (by: string) => q(`SELECT ${by}, median((closed_at - created_at) / 3600000.0),
      percentile_cont((closed_at - created_at) / 3600000.0, 0.9), median((resolved_at - coalesce(accepted_at, created_at)) / 3600000.0),
      median((closed_at - resolved_at) / 3600000.0)
    FROM cases INDEXED BY cases_closed_durations WHERE state = 'closed' AND hidden = 0 AND created_at >= ? AND created_at < ?
    ${by === 'NULL' ? '' : `GROUP BY ${by}`}`);
  const [total, byUnit, byCategory] = [durations('NULL'), durations('unit_id'), durations('category_id')];
  const byRank = quarterDurations(sqlite);
  const quarterPlaces = (quarter: number): PlaceRow[] => {
    const rows = places.pinOnly.all(quarter, '') as PlaceRow[];
    for (const [address, cells] of places.typed.all(quarter) as [string, string][]) {
      if (!normaliseAddress(address.trim())) { rows.push(...places.pinOnly.all(quarter, address) as PlaceRow[]); continue; }
      for (const c of cells.split(',')) {
        const eq = c.indexOf('=');
        rows.push([address, c.slice(0, eq), null, Number(c.slice(eq + 1))]);
      }
    }
    return rows;
  };
  return (period: Period, now: Date): RollupData => {
    const [from, to, cut] = [dayNumber(period.fromAt), dayNumber(period.toAt), dayNumber(dueCutoff(period, now))];
    const quarter = period.quarter ? quarterNumber(period.quarter) : null;
    const [fromAt, toAt] = [period.fromAt.getTime(), period.toAt.getTime()];
    return {
      received: (quarter === null ? received.days.all(from, to) : received.quarter.all(quarter)) as ReceivedRow[],
      days: days.all(from, to) as DayRow[],
      due: due.all(from, cut) as DueRow[],
      places: quarter === null ? places.days.all(from, to) as PlaceRow[] : quarterPlaces(quarter),
      durations: quarter !== null ? byRank(quarter)
        : { total: total.all(fromAt, toAt) as Durations[], byUnit: byUnit.all(fromAt, toAt) as Durations[], byCategory: byCategory.all(fromAt, toAt) as Durations[] },
    };
  };
}
