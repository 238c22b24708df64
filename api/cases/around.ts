/** Open cases around a case (any category), for the small map on the staff case page: what else is there on the way. */
import { and, between, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { cases } from '../../db/schema.ts';
import { boxAround, distanceMeters } from '../shared/geo.ts';
import type { StaffUser } from '../staff/sessions.ts';
import { visibleTo } from './access.ts';
import { OPEN_STATES } from './workflow.ts';

export const AROUND_METERS = 300;
const AROUND_LIMIT = 30;

export function createAround(db: Db) {
  /** Open cases the actor may see within 300 m, nearest first (a handler: their unit's only). */
  return (actor: StaffUser, c: { id: number; lat: number | null; lng: number | null }) => {
    if (c.lat === null || c.lng === null) return [];
    const box = boxAround(c.lat, c.lng, AROUND_METERS);
    return db.select({ trackingNo: cases.trackingNo, state: cases.state, categoryId: cases.categoryId, lat: cases.lat, lng: cases.lng })
      .from(cases).where(and(visibleTo(actor), ne(cases.id, c.id), inArray(cases.state, OPEN_STATES),
        between(cases.lat, box.south, box.north), between(cases.lng, box.west, box.east))).all()
      .map((r) => ({ ...r, lat: r.lat!, lng: r.lng!, distance: Math.round(distanceMeters(c.lat!, c.lng!, r.lat!, r.lng!)) }))
      .filter((r) => r.distance <= AROUND_METERS)
      .sort((a, b) => a.distance - b.distance)
      .slice(0, AROUND_LIMIT);
  };
}
