import { Hono } from 'hono';
import { eq, or } from 'drizzle-orm';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppEnv } from '../env.ts';
import { casePhotos, cases } from '../../db/schema.ts';
import { AppError } from '../shared/errors.ts';
import { hmac } from '../shared/ids.ts';
import { isPublicPhoto } from './view.ts';

const NAME = /^[A-Za-z0-9_-]{2}\/[A-Za-z0-9_-]{16,}(_t)?\.jpg$/;

/** Photos: public ones to everybody; others only through a signed link (the reporter's view, staff). */
export const uploadRoutes = new Hono<AppEnv>().get('/:dir/:name', async (c) => {
  const { db, secret, config } = c.var.services;
  const file = `${c.req.param('dir')}/${c.req.param('name')}`;
  if (!NAME.test(file)) throw new AppError(404, 'not_found');
  const row = db.select({ kind: casePhotos.kind, hidden: casePhotos.hidden, state: cases.state, caseHidden: cases.hidden, publishPhotos: cases.publishPhotos })
    .from(casePhotos).innerJoin(cases, eq(cases.id, casePhotos.caseId))
    .where(or(eq(casePhotos.file, file), eq(casePhotos.thumb, file))).get();
  if (!row) throw new AppError(404, 'not_found');
  const isPublic = isPublicPhoto({ state: row.state, hidden: row.caseHidden, publishPhotos: row.publishPhotos }, row);
  const signed = c.req.query('sig') === hmac(secret, file);
  if (!isPublic && !signed) throw new AppError(404, 'not_found');
  const bytes = await readFile(join(config.uploadsDir, file)).catch(() => null);
  if (!bytes) throw new AppError(404, 'not_found');
  return c.body(bytes, 200, {
    'Content-Type': 'image/jpeg',
    'Cache-Control': isPublic ? 'public, max-age=3600' : 'private, max-age=3600',
  });
});
