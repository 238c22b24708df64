/**
 * rebuildRollups: recounts the per-day rollups (db/schema-rollups.ts) from cases and case_log in one transaction.
 * The triggers of migrations 0011 and 0016 keep them right on every write, so this is only needed when rows were written with
 * the triggers off or dropped (a restore, a bulk loader that disables them for speed), and once for databases from
 * before the rollups (openDb does that, when the migration asked for it). Same definitions as the triggers.
 */
import type Database from 'better-sqlite3';

const DAY = (col: string) => `(${col} + 28800000) / 86400000`; // Asia/Shanghai day number (no DST)
/** Asia/Shanghai quarter of an instant as year * 4 + (q - 1) (api/opendata/stats-period.ts quarterNumber). */
const QUARTER = (col: string) => `(CAST(strftime('%Y', ${col} / 1000, 'unixepoch', '+8 hours') AS INTEGER) * 4 `
  + `+ (CAST(strftime('%m', ${col} / 1000, 'unixepoch', '+8 hours') AS INTEGER) - 1) / 3)`;
const REWORKS = `(SELECT count(*) FROM case_log l WHERE l.case_id = c.id AND l.action = 'rework')`;
const CELL = `CASE WHEN lat IS NOT NULL AND lng IS NOT NULL THEN CAST(floor(lat / 0.0009) AS integer) || ':' || `
  + `CAST(floor(lng / (0.0009 / cos((floor(lat + 0.5) * pi()) / 180))) AS integer) ELSE '' END`;

const RECOUNT = [
  'DELETE FROM rollup_received', 'DELETE FROM rollup_due', 'DELETE FROM rollup_places',
  `INSERT INTO rollup_received (day, category_id, unit_id, channel, state, rating, cases, reworks, reworked)
    SELECT day, category_id, unit_id, channel, state, rating, count(*), sum(r), sum(r > 0) FROM (
      SELECT ${DAY('created_at')} AS day, category_id, coalesce(unit_id, '') AS unit_id, channel, state, coalesce(rating, '') AS rating,
        ${REWORKS} AS r FROM cases c WHERE hidden = 0)
    GROUP BY day, category_id, unit_id, channel, state, rating`,
  `INSERT INTO rollup_due (day, category_id, unit_id, closed_on_time, handled_on_time, cases)
    SELECT ${DAY('due_at')}, category_id, coalesce(unit_id, ''),
      (state = 'closed' AND closed_at IS NOT NULL AND closed_at <= due_at) AS c,
      (state IN ('resolved', 'closed') AND resolved_at IS NOT NULL AND resolved_at <= due_at) AS h, count(*)
    FROM cases WHERE hidden = 0 AND due_at IS NOT NULL AND state NOT IN ('rejected', 'duplicate', 'on_hold')
    GROUP BY 1, 2, 3, 4, 5`,
  `INSERT INTO rollup_places (day, address, cell, lat, cases)
    SELECT ${DAY('created_at')}, address, ${CELL}, min(lat), count(*) FROM cases WHERE hidden = 0 AND state <> 'submitted'
    GROUP BY 1, 2, 3`,
  'DELETE FROM rollup_received_q', 'DELETE FROM rollup_places_q',
  // rollup_duration_counts follows rollup_durations through its own triggers (0016), refilled as it is; emptied first,
  // so that emptying rollup_durations has nothing to count down.
  'DELETE FROM rollup_duration_counts', 'DELETE FROM rollup_durations',
  // Per quarter: the same sums over the days of the quarter (a quarter is whole days).
  `INSERT INTO rollup_received_q (quarter, category_id, unit_id, channel, state, rating, cases, reworks, reworked)
    SELECT ${QUARTER('(day * 86400000 - 28800000)')}, category_id, unit_id, channel, state, rating, sum(cases), sum(reworks), sum(reworked)
    FROM rollup_received GROUP BY 1, 2, 3, 4, 5, 6`,
  `INSERT INTO rollup_places_q (quarter, address, cell, lat, cases)
    SELECT ${QUARTER('created_at')}, address, ${CELL}, min(lat), count(*) FROM cases WHERE hidden = 0 AND state <> 'submitted'
    GROUP BY 1, 2, 3`,
  `INSERT INTO rollup_durations (case_id, kind, quarter, unit_id, category_id, ms)
    SELECT id, k, ${QUARTER('created_at')}, coalesce(unit_id, ''), category_id, ms FROM (
      SELECT id, 0 AS k, closed_at - created_at AS ms, created_at, unit_id, category_id FROM cases WHERE state = 'closed' AND hidden = 0
      UNION ALL SELECT id, 1, resolved_at - coalesce(accepted_at, created_at), created_at, unit_id, category_id FROM cases WHERE state = 'closed' AND hidden = 0
      UNION ALL SELECT id, 2, closed_at - resolved_at, created_at, unit_id, category_id FROM cases WHERE state = 'closed' AND hidden = 0)
    WHERE ms IS NOT NULL`,
  'DELETE FROM rollup_rebuild',
];

/** Recounts every rollup from the raw tables (full scans: seconds per 100k cases). */
export function rebuildRollups(sqlite: Database.Database): void {
  sqlite.transaction(() => { for (const s of RECOUNT) sqlite.prepare(s).run(); }).immediate();
}

/** After migrating: recount if a migration asked for it (an existing database meeting the rollups for the first time). */
export function rebuildRollupsIfAsked(sqlite: Database.Database): void {
  if (sqlite.prepare('SELECT 1 FROM rollup_rebuild LIMIT 1').get()) rebuildRollups(sqlite);
}
