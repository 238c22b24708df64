import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env.ts';
import { parseInput } from '../shared/errors.ts';
import { publicFilters } from './public-cases.ts';

const mapQuery = publicFilters.extend({
  zoom: z.coerce.number().int().min(0).max(20),
  bbox: z.string().regex(/^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$/, 'bbox_invalid')
    .transform((s) => s.split(',').map(Number) as [number, number, number, number]),
});


/** /api/cases: the public list (the same filters as the /reports page) and the map's clusters. */
export const publicCaseRoutes = new Hono<AppEnv>()
  .get('/', (c) => c.json(c.var.services.publicCases.list(parseInput(publicFilters, c.req.query()))))
  .get('/map', (c) => {
    const q = parseInput(mapQuery, c.req.query());
    return c.json({ cells: c.var.services.map.cells(q, q.zoom) });
  });
