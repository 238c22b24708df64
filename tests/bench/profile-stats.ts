// Breakdown of /stats (this quarter) and Open311 at 100k: each query and JS step timed alone (median of many runs).
// Run: node --import tsx tests/bench/profile-stats.ts <city dir>   (add --cpu-prof for a profile)
import { loadConfig } from '../../api/config.ts';
import { createServices } from '../../api/services.ts';
import { createStats } from '../../api/opendata/stats-service.ts';
import type Database from 'better-sqlite3';
import { fromRollups, readRollups } from '../../api/opendata/stats-rollups.ts';
import { quarterDurations } from '../../api/opendata/stats-durations.ts';
import { rankPlaces } from '../../api/opendata/stats-places.ts';
import { createApp } from '../../api/app.ts';
import { timeAsync, timeSync as time } from './cpu-time.ts';

const dir = process.argv[2]!;
const services = createServices(loadConfig({ DATA_DIR: dir, DEMO: '0', RATE_LIMITS: 'off', LOG_LEVEL: 'warn', RESPONSE_CACHE: 'off' }));
const sqlite = services.db.$client;
const now = services.clock();
const period = createStats(services.db, services.clock).choose({}).period;
const [from, to] = [period.fromAt.getTime(), period.toAt.getTime()];
const read = readRollups(sqlite);
const data = read(period, now);
const only = process.argv[3] ?? 'all';
if (only === 'all' || only === 'stats') {
  time('stats: readRollups (all queries)', 30, () => read(period, now));
  time('stats: fromRollups (JS)', 30, () => fromRollups(data, period, now));
  time('stats: report (whole)', 30, () => createStats(services.db, services.clock).report(period));
  console.log('rows: received', data.received.length, 'days', data.days.length, 'due', data.due.length, 'places', data.places.length);
  // The parts of a quarter's read (stats-rollups.ts readRollups, stats-durations.ts), each alone.
  const quarter = period.quarter!.year * 4 + period.quarter!.q - 1;
  const [d0, d1] = [from, to].map((t) => Math.floor((t + 8 * 3600000) / 86400000));
  const q = (s: string) => sqlite.prepare(s).raw();
  const parts: [string, Database.Statement, unknown[]][] = [
    ['received, quarter rollup', q('SELECT category_id, unit_id, channel, state, rating, cases, reworks, reworked FROM rollup_received_q WHERE quarter = ?'), [quarter]],
    ['received per day (weekly chart)', q(`SELECT day, sum(cases), sum(CASE WHEN state = 'closed' THEN cases ELSE 0 END) FROM rollup_received WHERE day >= ? AND day < ? GROUP BY day`), [d0, d1]],
    ['places, typed (one string per address)', q(`SELECT address, group_concat(cell || '=' || cases) FROM rollup_places_q WHERE quarter = ? AND address <> '' GROUP BY address`), [quarter]],
    ['places, pin only', q(`SELECT address, cell, lat, cases FROM rollup_places_q WHERE quarter = ? AND address = ''`), [quarter]],
    ['places, every row (not read: for comparison)', q('SELECT address, cell, lat, cases FROM rollup_places_q WHERE quarter = ?'), [quarter]],
    ['durations: SQL medians over the cases (other periods)', q(`SELECT unit_id, median((closed_at - created_at) / 3600000.0) FROM cases INDEXED BY cases_closed_durations
      WHERE state = 'closed' AND hidden = 0 AND created_at >= ? AND created_at < ? GROUP BY unit_id`), [from, to]],
  ];
  for (const [name, stmt, args] of parts) time(`stats: ${name}`, 30, () => stmt.all(...args));
  const byRank = quarterDurations(sqlite);
  time('stats: durations by rank (quarter)', 30, () => byRank(quarter));
  const places = data.places.map(([address, cell, lat, count]) => ({ address, cell: cell || null, lat, count }));
  time('stats: rankPlaces (JS)', 30, () => rankPlaces(places, 10));
}
if (only === 'all' || only === 'open311') {
  const app = createApp(services);
  await timeAsync('open311: requests.json whole route', 30, async () => (await app.request('/open311/v2/requests.json')).arrayBuffer());
  await timeAsync('open311: requests.xml whole route', 30, async () => (await app.request('/open311/v2/requests.xml')).arrayBuffer());
}
services.close();
