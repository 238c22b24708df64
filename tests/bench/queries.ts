// In-process timings of the queries behind the public pages, uncached, many repetitions (median and p95 in ms):
// what the map, list and statistics cost before any response cache.
import { loadConfig } from '../../api/config.ts';
import { createServices } from '../../api/services.ts';
import { createStats } from '../../api/opendata/stats-service.ts';
import { quarterPeriod, type Quarter } from '../../api/opendata/stats-period.ts';
import { mapCells } from '../../api/opendata/map.ts';
import { publicFilters } from '../../api/opendata/public-cases.ts';
import { createApp } from '../../api/app.ts';
import { percentile } from './load.ts';

export const CITY_BBOX = '111.90,21.80,112.06,21.92'; // west,south,east,north: central Yangjiang
const STREET_BBOX = '111.975,21.852,111.990,21.862'; // a few streets around 人民广场 at zoom 16

const previousQuarter = ({ year, q }: Quarter): Quarter => (q === 1 ? { year: year - 1, q: 4 } : { year, q: (q - 1) as Quarter['q'] });

function summary(ms: number[]) {
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), runs: ms.length };
}
function time(runs: number, fn: () => unknown) {
  fn(); // warm the statement cache (and build the map's index)
  return summary(Array.from({ length: runs }, () => { const t = performance.now(); fn(); return performance.now() - t; }));
}
async function timeAsync(runs: number, fn: () => Promise<unknown>) {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) { const t = performance.now(); await fn(); ms.push(performance.now() - t); }
  return summary(ms);
}

export async function queryTimings(dataDir: string, size: string) {
  // Response cache off: every answer below is computed, as on a cold server.
  const services = createServices(loadConfig({ DATA_DIR: dataDir, DEMO: '0', RATE_LIMITS: 'off', LOG_LEVEL: 'warn', RESPONSE_CACHE: 'off' }));
  try {
    const box = (s: string) => s.split(',').map(Number) as [number, number, number, number];
    const stats = () => createStats(services.db, services.clock); // a fresh one each time: no cache
    const quarter = stats().choose({}).period;
    const last = previousQuarter(quarter.quarter!);
    const lastQuarters = [last, previousQuarter(last), { year: last.year - 1, q: last.q }];
    const cases = (services.db.$client.prepare('select count(*) n from cases').get() as { n: number }).n;
    const app = createApp(services);
    const city = box(CITY_BBOX), street = box(STREET_BBOX);
    return [
      // The SQL grid is the reference the map's in-memory index is tested against, and what the map used before it.
      { name: 'map, SQL grid (before), city, zoom 13', ...time(5, () => mapCells(services.db, { bbox: city }, 13, new Date())) },
      { name: 'map, index, city, zoom 13', ...time(100, () => services.map.index.cells({ bbox: city }, 13)) },
      { name: 'map, index, street, zoom 16', ...time(100, () => services.map.index.cells({ bbox: street }, 16)) },
      { name: 'map, index, city, zoom 16', ...time(100, () => services.map.index.cells({ bbox: city }, 16)) },
      { name: 'public list, page 1 (newest)', ...time(50, () => services.publicCases.list(publicFilters.parse({}))) },
      { name: 'public list, one category', ...time(50, () => services.publicCases.list(publicFilters.parse({ category: 'street_vending' }))) },
      // The body read as the bytes the server sends: decoding 0.6–0.9 MB of UTF-8 into a string (~5 ms) is the client's work.
      { name: 'Open311 GET requests.json (1000), whole route', ...await timeAsync(50, async () => (await app.request('/open311/v2/requests.json')).arrayBuffer()) },
      { name: 'Open311 GET requests.xml (1000), whole route', ...await timeAsync(50, async () => (await app.request('/open311/v2/requests.xml')).arrayBuffer()) },
      { name: '/stats report, this quarter', ...time(20, () => stats().report(quarter)) },
      // The quarterly report's preview reads three reports: last quarter, the one before, the same quarter a year earlier.
      { name: 'quarterly report, last quarter (3 reports)', ...time(20, () => { const s = stats(); return lastQuarters.map((q) => s.report(quarterPeriod(q))); }) },
    ].map((r) => ({ size, cases, ...r }));
  } finally {
    services.close();
  }
}

// `tsx tests/bench/queries.ts <data dir> <size>`: the timings as JSON. run.ts starts this in a fresh process with npm
// start's Node and allocator settings, like the server's, not in the runner whose heap has driven load for minutes.
if (process.argv[1]?.endsWith('queries.ts')) console.log(JSON.stringify(await queryTimings(process.argv[2]!, process.argv[3]!)));
