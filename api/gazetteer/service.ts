import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { places, type PlaceKind } from '../../db/schema.ts';
import { AppError, parseInput } from '../shared/errors.ts';
import { distanceMeters, inBounds, type Bounds } from '../shared/geo.ts';
import { byActor, changesOf, type Actor } from '../staff/audit-log.ts';
import type { Audit } from '../staff/audit.ts';
import { nearestPlace, resolvePlace, suggestPlaces } from './match.ts';
import { placeInput } from './schema.ts';

export type Place = typeof places.$inferSelect;
type Deps = { db: Db; audit: Audit; bounds: Bounds; clock: () => Date };

const NEAR_METERS = 400; // "人民广场附近" for a pin this close to it

/**
 * The gazetteer (地名库): matching typed places for the report form and Open311, the schematic map's layer, and the
 * admin's edits. Rows are few (hundreds), so they are read once and kept until an edit or another process's write.
 */
export function createGazetteer({ db, audit, bounds, clock }: Deps) {
  let cached: { version: number; rows: Place[]; geojson: string } | null = null;
  const dataVersion = () => (db.$client.pragma('data_version', { simple: true }) as number);
  let edits = 0;

  function all(): Place[] {
    const version = dataVersion() * 1e6 + edits;
    if (cached?.version !== version) {
      const rows = db.select().from(places).orderBy(asc(places.id)).all();
      cached = { version, rows, geojson: JSON.stringify(toGeoJson(rows)) };
    }
    return cached.rows;
  }

  const mustExist = (id: number) => {
    const row = Number.isSafeInteger(id) ? db.select().from(places).where(eq(places.id, id)).get() : undefined;
    if (!row) throw new AppError(404, 'not_found');
    return row;
  };

  function checked(fields: unknown) {
    const v = parseInput(placeInput, fields);
    if (!inBounds(bounds, v.lat, v.lng)) throw new AppError(400, 'invalid_input', { lat: 'location_outside' });
    if (v.line && v.line.some(([la, ln]) => !inBounds(bounds, la, ln))) throw new AppError(400, 'invalid_input', { line: 'location_outside' });
    return { name: v.name, aliases: v.aliases, kind: v.kind as PlaceKind, lat: v.lat, lng: v.lng, line: v.line };
  }

  return {
    all,
    /** After a write that did not go through the methods below (the demo seed). */
    changed: () => { edits++; },
    byId: (id: number) => all().find((p) => p.id === id) ?? null,
    suggest: (q: string, limit = 8) => suggestPlaces(q, all().filter((p) => p.kind !== 'district'), limit),
    resolve: (typed: string) => resolvePlace(typed, all().filter((p) => p.kind !== 'district')),
    /** A pin in words: the nearest landmark, community, school, market or stop, if one is near. */
    near: (lat: number, lng: number) => nearestPlace(lat, lng, all(), NEAR_METERS, distanceMeters),
    /** The schematic map layer as a GeoJSON string (kept with the rows). */
    geojson: () => { all(); return cached!.geojson; },
    etag: () => { all(); return `"places-${cached!.version.toString(36)}"`; },

    create(fields: unknown, actor: Actor) {
      const v = checked(fields);
      return db.transaction((tx) => {
        const row = tx.insert(places).values({ ...v, updatedAt: clock() }).returning().get();
        audit.record({ ...byActor(actor), action: 'place.create', target: String(row.id), detail: { name: row.name, kind: row.kind } }, tx);
        edits++;
        return row;
      }, { behavior: 'immediate' });
    },
    update(id: number, fields: unknown, actor: Actor) {
      const v = checked(fields);
      return db.transaction((tx) => {
        const before = mustExist(id);
        const row = tx.update(places).set({ ...v, updatedAt: clock() }).where(eq(places.id, id)).returning().get();
        audit.record({ ...byActor(actor), action: 'place.update', target: String(id), detail: changesOf(before, v) }, tx);
        edits++;
        return row;
      }, { behavior: 'immediate' });
    },
    remove(id: number, actor: Actor) {
      return db.transaction((tx) => {
        const before = mustExist(id);
        tx.delete(places).where(eq(places.id, id)).run();
        audit.record({ ...byActor(actor), action: 'place.delete', target: String(id), detail: { name: before.name, kind: before.kind } }, tx);
        edits++;
      }, { behavior: 'immediate' });
    },
  };
}

export type Gazetteer = ReturnType<typeof createGazetteer>;

/** Roads as LineStrings, the district as its outline (a LineString that closes), the rest as Points; RFC 7946 order. */
function toGeoJson(rows: Place[]) {
  const round = (n: number) => Math.round(n * 1e5) / 1e5;
  return {
    type: 'FeatureCollection',
    features: rows.map((p) => ({
      type: 'Feature',
      properties: { name: p.name, kind: p.kind },
      geometry: p.line
        ? { type: 'LineString', coordinates: p.line.map(([la, ln]) => [round(ln), round(la)]) }
        : { type: 'Point', coordinates: [round(p.lng), round(p.lat)] },
    })),
  };
}
