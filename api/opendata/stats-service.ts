/**
 * The statistics service the pages use (/stats, the quarterly report, the staff quarterly page): reports read from the
 * rollups (stats-rollups.ts: per quarter for a quarter, per day otherwise), so a period costs the same whatever the history.
 */
import type { Db } from '../../db/client.ts';
import { writeAwareCache } from '../shared/cache.ts';
import { shanghaiDate } from '../shared/time.ts';
import { choosePeriod, parseQuarter, quarterOf, quarterPeriod, quartersBetween, sameQuarter, type Period, type Quarter } from './stats-period.ts';
import { fromRollups, readRollups } from './stats-rollups.ts';
import type { StatsReport } from './stats.ts';

export function createStats(db: Db, clock: () => Date) {
  const read = readRollups(db.$client);
  const firstDay = db.$client.prepare('SELECT min(day) FROM rollup_received').pluck();
  const firstQuarter = (): Quarter | null => {
    const day = firstDay.get() as number | null;
    return day === null ? null : quarterOf(new Date(day * 86_400_000).toISOString().slice(0, 10)); // day numbers count Shanghai days
  };

  // Rendering still costs: keep each report for a minute, unless anything was written since (by any process).
  const cache = writeAwareCache<StatsReport>(db, 60_000, 32);
  function report(period: Period): StatsReport {
    const now = clock(); // deadlines are judged up to today, so the day is part of the key
    return cache(`${period.from}|${period.to}|${shanghaiDate(now)}`, () => fromRollups(read(period, now), period, now));
  }

  return {
    choose: (query: { period?: string; from?: string; to?: string }) => choosePeriod(query, clock()),
    report,
    /** Quarters with reports, newest first; the current one is not complete yet. */
    quarters(): { quarter: Quarter; current: boolean }[] {
      const current = quarterOf(shanghaiDate(clock()));
      const first = firstQuarter();
      return (first ? quartersBetween(first, current) : [current]).reverse().map((quarter) => ({ quarter, current: sameQuarter(quarter, current) }));
    },
    /** The quarter a quarterly report may be shown for: known, and not in the future. */
    quarter(key: string): Quarter | null {
      const q = parseQuarter(key);
      return q && this.quarters().some((x) => sameQuarter(x.quarter, q)) ? q : null;
    },
    quarterPeriod,
  };
}

export type Stats = ReturnType<typeof createStats>;
