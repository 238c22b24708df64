// The photo row's ceiling, in its own process: the uploaded JPEG (raw body) through sharp's plain rotate-resize-encode
// with the app's own settings (photos.ts: edge, quality, cache and concurrency), nothing stored.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import sharp from 'sharp';
import { FULL_JPEG, MAX_EDGE } from '../../api/reports/photos.ts';

const app = new Hono().post('/', async (c) => {
  const bytes = Buffer.from(await c.req.arrayBuffer());
  const out = await sharp(bytes, { sequentialRead: true }).rotate()
    .resize(MAX_EDGE, MAX_EDGE, { fit: 'inside', withoutEnlargement: true }).jpeg(FULL_JPEG).toBuffer();
  return c.json({ bytes: out.length }, 201);
});
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
