/**
 * Handling times (median, P90) of a quarter's closed cases from rollup_durations (migration 0016), by rank: each figure
 * is one or two index entries read at a rank (LIMIT/OFFSET over (quarter, group, kind, ms)), interpolated exactly as
 * stats.ts `percentile` does, so the figures equal `compute`'s. Any other period uses stats-rollups.ts' SQL medians.
 */
import type Database from 'better-sqlite3';

const HOUR = 3_600_000;
/** Of a group's closed cases, in hours: median and 90th percentile of report → closed, medians of 受理 → 处置完毕 and 处置完毕 → 结案. */
export type Durations = [key: string | null, median: number | null, p90: number | null, unit: number | null, verify: number | null];
const KINDS = 3; // 0 report → 结案, 1 受理 → 处置完毕, 2 处置完毕 → 结案

export function quarterDurations(sqlite: Database.Database) {
  // Named indexes: the planner might otherwise pick the primary key and sort.
  const by = (column: string | null) => {
    const index = column === null ? 'rollup_durations_total' : column === 'unit_id' ? 'rollup_durations_unit' : 'rollup_durations_category';
    const key = column === null ? `''` : column;
    const group = column === null ? '' : `AND ${column} = ?`;
    return {
      counts: sqlite.prepare(`SELECT ${key}, kind, count(*) FROM rollup_durations INDEXED BY ${index} WHERE quarter = ? GROUP BY ${column === null ? '' : `${column}, `}kind`).raw(),
      at: sqlite.prepare(`SELECT ms FROM rollup_durations INDEXED BY ${index} WHERE quarter = ? ${group} AND kind = ? ORDER BY ms LIMIT ? OFFSET ?`).pluck(),
      grouped: column !== null,
    };
  };
  const groupings = { total: by(null), byUnit: by('unit_id'), byCategory: by('category_id') };

  return (quarter: number): { total: Durations[]; byUnit: Durations[]; byCategory: Durations[] } => {
    const out = {} as { total: Durations[]; byUnit: Durations[]; byCategory: Durations[] };
    for (const [name, g] of Object.entries(groupings) as [keyof typeof groupings, ReturnType<typeof by>][]) {
      const counts = new Map<string, number[]>();
      for (const [key, kind, n] of g.counts.all(quarter) as [string, number, number][]) {
        (counts.get(key) ?? counts.set(key, Array<number>(KINDS).fill(0)).get(key)!)[kind] = n;
      }
      out[name] = [...counts].map(([key, n]) => {
        // The p-quantile of the group's kind, as stats.ts percentile: linear between the ranks either side of p (n - 1).
        const q = (kind: number, p: number) => {
          if (!n[kind]) return null;
          const rank = p * (n[kind]! - 1);
          const lo = Math.floor(rank);
          const hi = Math.ceil(rank);
          const ms = (g.grouped ? g.at.all(quarter, key, kind, hi - lo + 1, lo) : g.at.all(quarter, kind, hi - lo + 1, lo)) as number[];
          const [a, b] = [ms[0]! / HOUR, ms[hi - lo]! / HOUR];
          return a + (b - a) * (rank - lo);
        };
        return [g.grouped ? key : null, q(0, 0.5), q(0, 0.9), q(1, 0.5), q(2, 0.5)];
      });
    }
    return out;
  };
}
