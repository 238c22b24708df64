/**
 * Handling times (median, P90) of a quarter's closed cases from rollup_durations (migration 0016), by rank: the group's
 * size comes from rollup_duration_counts, and each figure is the one or two index entries at its rank (LIMIT/OFFSET over
 * (quarter, group, kind, ms), walked from the nearer end), interpolated exactly as stats.ts `percentile` does, so the
 * figures equal `compute`'s. Any other period takes stats-rollups.ts' SQL medians over the cases.
 */
import type Database from 'better-sqlite3';

const HOUR = 3_600_000;
/** Of a group's closed cases, in hours: median and 90th percentile of report → closed, medians of 受理 → 处置完毕 and 处置完毕 → 结案. */
export type Durations = [key: string | null, median: number | null, p90: number | null, unit: number | null, verify: number | null];
const KINDS = 3; // 0 report → 结案, 1 受理 → 处置完毕, 2 处置完毕 → 结案
type Grouping = 'total' | 'byUnit' | 'byCategory';
const PREFIX: Record<string, Grouping> = { '': 'total', u: 'byUnit', c: 'byCategory' };

export function quarterDurations(sqlite: Database.Database) {
  const counts = sqlite.prepare('SELECT grp, kind, cases FROM rollup_duration_counts WHERE quarter = ?').raw();
  // Indexes named: the planner might otherwise take the primary key and sort.
  const at = (index: string, group: string, order: 'ASC' | 'DESC') => sqlite.prepare(`SELECT ms FROM rollup_durations INDEXED BY ${index}
    WHERE quarter = ? ${group} AND kind = ? ORDER BY ms ${order} LIMIT ? OFFSET ?`).pluck();
  const seek = {
    total: { ASC: at('rollup_durations_total', '', 'ASC'), DESC: at('rollup_durations_total', '', 'DESC') },
    byUnit: { ASC: at('rollup_durations_unit', 'AND unit_id = ?', 'ASC'), DESC: at('rollup_durations_unit', 'AND unit_id = ?', 'DESC') },
    byCategory: { ASC: at('rollup_durations_category', 'AND category_id = ?', 'ASC'), DESC: at('rollup_durations_category', 'AND category_id = ?', 'DESC') },
  };

  return (quarter: number): Record<Grouping, Durations[]> => {
    const sizes = { total: new Map<string, number[]>(), byUnit: new Map<string, number[]>(), byCategory: new Map<string, number[]>() };
    for (const [grp, kind, n] of counts.all(quarter) as [string, number, number][]) {
      const m = sizes[PREFIX[grp.slice(0, 1)]!];
      const key = grp.slice(2);
      (m.get(key) ?? m.set(key, Array<number>(KINDS).fill(0)).get(key)!)[kind] = n;
    }
    const out = {} as Record<Grouping, Durations[]>;
    for (const grouping of ['total', 'byUnit', 'byCategory'] as const) {
      out[grouping] = [...sizes[grouping]].map(([key, n]) => {
        const values = (kind: number, order: 'ASC' | 'DESC', count: number, offset: number) => (grouping === 'total'
          ? seek.total[order].all(quarter, kind, count, offset) : seek[grouping][order].all(quarter, key, kind, count, offset)) as number[];
        // The p-quantile as stats.ts percentile: linear between the values at the ranks either side of p (n - 1).
        const q = (kind: number, p: number) => {
          const size = n[kind]!;
          if (!size) return null;
          const rank = p * (size - 1);
          const lo = Math.floor(rank);
          const hi = Math.ceil(rank);
          const ms = lo > (size - 1) / 2 ? values(kind, 'DESC', hi - lo + 1, size - 1 - hi).reverse() : values(kind, 'ASC', hi - lo + 1, lo);
          const [a, b] = [ms[0]! / HOUR, ms[hi - lo]! / HOUR];
          return a + (b - a) * (rank - lo);
        };
        return [grouping === 'total' ? null : key, q(0, 0.5), q(0, 0.9), q(1, 0.5), q(2, 0.5)];
      });
    }
    return out;
  };
}
