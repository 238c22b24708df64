import { z } from 'zod';
import { PLACE_KINDS } from '../../db/schema.ts';

// One schema for the admin page's form and the admin API: both send strings. Messages are error codes.
const coordinate = (min: number, max: number) => z.coerce.number({ error: 'place_coordinate_invalid' })
  .refine((n) => Number.isFinite(n) && n >= min && n <= max, 'place_coordinate_invalid');

/** "人民广场、广场；中心广场" → ['人民广场', '广场', '中心广场'] (any of 、,，;； or a new line separates). */
const list = z.union([z.string(), z.array(z.string())]).optional().transform((v) =>
  (Array.isArray(v) ? v : (v ?? '').split(/[、,，;；\n]/)).map((s) => s.trim()).filter(Boolean).slice(0, 20));

/** "21.86,111.97; 21.87,111.98" or [[lat, lng], …] → pairs; a line needs two points at least. */
const line = z.union([z.string(), z.array(z.tuple([z.number(), z.number()]))]).optional().transform((v, ctx) => {
  if (v === undefined || v === '') return null;
  const pairs = Array.isArray(v) ? v : v.split(/[;；\n]/).map((s) => s.trim()).filter(Boolean).map((s) => s.split(/[,，\s]+/).map(Number));
  if (pairs.length < 2 || pairs.some((p) => p.length !== 2 || p.some((n) => !Number.isFinite(n)))) {
    ctx.addIssue({ code: 'custom', message: 'place_line_invalid' });
    return z.NEVER;
  }
  return pairs.slice(0, 500) as [number, number][];
});

export const placeInput = z.object({
  name: z.string({ error: 'place_name_required' }).trim().min(1, 'place_name_required').max(50, 'place_name_too_long'),
  aliases: list,
  kind: z.enum(PLACE_KINDS, { error: 'place_kind_invalid' }),
  lat: coordinate(-90, 90),
  lng: coordinate(-180, 180),
  line,
});
export type PlaceInput = z.output<typeof placeInput>;

export const suggestQuery = z.object({ q: z.string().trim().max(100).default('') });

export const nearQuery = z.object({ lat: coordinate(-90, 90), lng: coordinate(-180, 180) });
