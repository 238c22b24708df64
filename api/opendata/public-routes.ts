import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env.ts';
import { AppError, zodFields } from '../shared/errors.ts';
import { publicFilters } from './public-cases.ts';

const mapQuery = publicFilters.extend({
  zoom: z.coerce.number().int().min(0).max(20),
  bbox: z.string().regex(/^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$/, 'bbox_invalid')
    .transform((s) => s.split(',').map(Number) as [number, number, number, number]),
});

function parse<T extends z.ZodType>(schema: T, query: Record<string, string>): z.infer<T> {
  const q = schema.safeParse(query);
  if (!q.success) throw new AppError(400, 'invalid_input', zodFields(q.error.issues));
  return q.data;
}

/** /api/cases: the public list (the same filters as the /reports page) and the map's clusters. */
export const publicCaseRoutes = new Hono<AppEnv>()
  .get('/', (c) => c.json(c.var.services.publicCases.list(parse(publicFilters, c.req.query()))))
  .get('/map', (c) => {
    const q = parse(mapQuery, c.req.query());
    return c.json({ cells: c.var.services.map.cells(q, q.zoom) });
  });
