import { inArray, sql } from 'drizzle-orm';
import { STATES_OF } from '../cases/workflow.ts';
import type { Db } from '../../db/client.ts';
import { writeAwareCache } from '../shared/cache.ts';
import { cases } from '../../db/schema.ts';
import { whereOf, type PublicFilters } from './public-cases.ts';
import { indexable, type MapIndex } from './map-index.ts';

export type MapQuery = Partial<PublicFilters> & { bbox: [number, number, number, number] };

export type MapCell = { lat: number; lng: number; count: number; open: number; fixed: number; closed: number; trackingNo?: string; categoryId?: string; state?: string };

/** Cell size in degrees for a zoom level: 64 screen pixels, so markers (≤ 40 px, at cell centres) never overlap. */
export const cellSize = (zoom: number) => 360 / 2 ** zoom / (256 / 64);

/**
 * Server-side clustering as a SQL grid: public cases in the box, grouped into cells. The reference the in-memory
 * index (map-index.ts) is tested against, and what answers the filters only /stats links use (flag, due dates).
 */
export function mapCells(db: Db, f: MapQuery, zoom: number, now: Date): MapCell[] {
  const size = cellSize(zoom);
  const cx = sql`cast(floor(${cases.lng} / ${size}) as integer)`;
  const cy = sql`cast(floor(${cases.lat} / ${size}) as integer)`;
  const rows = db.select({
    lat: sql<number>`avg(${cases.lat})`, lng: sql<number>`avg(${cases.lng})`, count: sql<number>`count(*)`, cx, cy,
    fixed: sql<number>`sum(${inArray(cases.state, STATES_OF.fixed)})`,
    closed: sql<number>`sum(${inArray(cases.state, STATES_OF.closed)})`,
    trackingNo: sql<string>`min(${cases.trackingNo})`, categoryId: sql<string>`min(${cases.categoryId})`, state: sql<string>`min(${cases.state})`,
  }).from(cases).where(whereOf(f, now)).groupBy(cx, cy).limit(2000).all();
  // A single case sits at its own place; a cluster at its cell's centre, so clusters keep their distance.
  return rows.map(({ trackingNo, categoryId, state, cx: x, cy: y, ...r }) => ({
    ...r, open: r.count - r.fixed - r.closed,
    ...(r.count === 1 ? { trackingNo, categoryId, state } : { lat: (Number(y) + 0.5) * size, lng: (Number(x) + 0.5) * size }),
  }));
}

/**
 * The map's clusters: from the in-memory index for the filters the map offers (bbox, category, status, unit, period);
 * the figure links from /stats (flag, due dates) go to the SQL grid behind a write-aware cache.
 */
export function createMap(db: Db, clock: () => Date, index: MapIndex) {
  const cache = writeAwareCache<MapCell[]>(db, 30_000, 64);
  return {
    index,
    cells(f: MapQuery, zoom: number) {
      if (indexable(f)) return index.cells(f, zoom);
      const now = clock();
      return cache(JSON.stringify([f, zoom, Math.floor(now.getTime() / 60_000)]), () => mapCells(db, f, zoom, now));
    },
  };
}
