// The photo row's ceiling, in its own process: the uploaded JPEG (raw body) through sharp's plain rotate-resize-encode
// with the app's own settings (photos.ts: edge, quality, cache and concurrency), nothing stored.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import sharp from 'sharp';
import { FULL_JPEG, MAX_EDGE } from '../../api/reports/photos.ts';

export const barePhoto = (bytes: Buffer) => sharp(bytes, { sequentialRead: true }).rotate()
  .resize(MAX_EDGE, MAX_EDGE, { fit: 'inside', withoutEnlargement: true }).jpeg(FULL_JPEG).toBuffer();

/** The same, plus the thumbnail the pages need, made the cheapest way sharp allows (from the 2048 px JPEG's pixels). */
export async function bareBothSizes(bytes: Buffer) {
  const full = await barePhoto(bytes);
  const thumb = await sharp(full).resize(480, 480, { fit: 'inside' }).jpeg({ quality: 75 }).toBuffer();
  return [full, thumb];
}

if (process.argv[1]?.endsWith('bare-sharp.ts')) {
  const app = new Hono().post('/', async (c) => {
    const bytes = Buffer.from(await c.req.arrayBuffer());
    const out = await barePhoto(bytes);
    return c.json({ bytes: out.length }, 201);
  });
  serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
}
