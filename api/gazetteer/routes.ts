import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env.ts';
import { AppError, parseInput } from '../shared/errors.ts';
import { clientIp } from '../shared/http.ts';
import { actorOf, readBody } from '../staff/web.ts';
import { nearQuery, suggestQuery } from './schema.ts';

/** Public: suggestions as a resident types, and the schematic map's layer (cached by browsers, revalidated by ETag). */
export const placeRoutes = new Hono<AppEnv>()
  .get('/suggest', (c) => {
    const { q } = parseInput(suggestQuery, c.req.query());
    const items = c.var.services.gazetteer.suggest(q).map((p) => ({ id: p.id, name: p.name, kind: p.kind, lat: p.lat, lng: p.lng }));
    return c.json({ items });
  })
  .get('/near', (c) => {
    const { lat, lng } = parseInput(nearQuery, c.req.query());
    const p = c.var.services.gazetteer.near(lat, lng);
    return c.json({ place: p ? { id: p.id, name: p.name, kind: p.kind } : null });
  })
  .get('/map.geojson', (c) => {
    const g = c.var.services.gazetteer;
    const etag = g.etag();
    const headers = { ETag: etag, 'Cache-Control': 'public, max-age=3600, must-revalidate', 'Content-Type': 'application/geo+json; charset=utf-8' };
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
    return c.body(g.geojson(), 200, headers);
  });

const placeId = (c: Context<AppEnv>) => {
  const id = Number(c.req.param('id'));
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError(404, 'not_found');
  return id;
};
const actor = (c: Context<AppEnv>) => actorOf(c.var.staffSession!, clientIp(c, c.var.services.config.TRUST_PROXY));

/** /api/staff/admin/places (mounted behind the admin guard). */
export const placeAdminRoutes = new Hono<AppEnv>()
  .get('/places', (c) => c.json({ places: c.var.services.gazetteer.all() }))
  .post('/places', async (c) => c.json({ place: c.var.services.gazetteer.create(await readBody(c), actor(c)) }, 201))
  .put('/places/:id', async (c) => c.json({ place: c.var.services.gazetteer.update(placeId(c), await readBody(c), actor(c)) }))
  .post('/places/:id/delete', (c) => { c.var.services.gazetteer.remove(placeId(c), actor(c)); return c.json({ ok: true }); });
