// In-process timings of the queries behind the public pages, uncached, many repetitions (median and p95 in ms):
// what the map, list and statistics cost before any response cache.
import { loadConfig } from '../../api/config.ts';
import { createServices } from '../../api/services.ts';
import { createStats } from '../../api/opendata/stats-service.ts';
import { mapCells } from '../../api/opendata/map.ts';
import { publicFilters } from '../../api/opendata/public-cases.ts';
import { percentile } from './load.ts';

export const CITY_BBOX = '111.90,21.80,112.06,21.92'; // west,south,east,north: central Yangjiang
const STREET_BBOX = '111.975,21.852,111.990,21.862'; // a few streets around 人民广场 at zoom 16

function time(runs: number, fn: () => unknown) {
  fn(); // warm the statement cache
  const ms = Array.from({ length: runs }, () => { const t = performance.now(); fn(); return performance.now() - t; }).sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), runs };
}

export function queryTimings(dataDir: string, size: string) {
  const services = createServices(loadConfig({ DATA_DIR: dataDir, DEMO: '0', RATE_LIMITS: 'off', LOG_LEVEL: 'warn' }));
  try {
    const box = (s: string) => s.split(',').map(Number) as [number, number, number, number];
    const stats = () => createStats(services.db, services.clock); // a fresh one each time: no cache
    const quarter = stats().choose({}).period;
    const cases = (services.db.$client.prepare('select count(*) n from cases').get() as { n: number }).n;
    return [
      { name: 'map cells, city, zoom 13', ...time(50, () => mapCells(services.db, { bbox: box(CITY_BBOX) }, 13, new Date())) },
      { name: 'map cells, street, zoom 16', ...time(50, () => mapCells(services.db, { bbox: box(STREET_BBOX) }, 16, new Date())) },
      { name: 'public list, page 1 (newest)', ...time(50, () => services.publicCases.list(publicFilters.parse({}))) },
      { name: 'public list, one category', ...time(50, () => services.publicCases.list(publicFilters.parse({ category: 'street_vending' }))) },
      { name: '/stats report, this quarter', ...time(10, () => stats().report(quarter)) },
    ].map((r) => ({ size, cases, ...r }));
  } finally {
    services.close();
  }
}
