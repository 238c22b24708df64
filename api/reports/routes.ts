import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { AppError, parseInput } from '../shared/errors.ts';
import { clientIp } from '../shared/http.ts';
import { nearbyQuery } from './schema.ts';
import { reporterView } from './view.ts';
import { readReportJson, readReportRequest } from './form.ts';
import { photoLimitsOf } from './photos.ts';

export const reportRoutes = new Hono<AppEnv>()
  .post('/reports', async (c) => {
    const { reports, config } = c.var.services;
    // A text report may come as JSON; photos come as multipart/form-data (or a form's urlencoded body).
    const json = /^application\/json\b/i.test(c.req.header('content-type') ?? '');
    const { fields, uploads, refused } = json
      ? { fields: readReportJson(await c.req.json().catch(() => { throw new AppError(400, 'invalid_input'); })), uploads: [], refused: null }
      : await readReportRequest(c.req.raw, photoLimitsOf(config));
    if (refused) throw refused;
    const { trackingNo, code } = await reports.submit(fields, uploads);
    const trackUrl = `${config.PUBLIC_URL.replace(/\/$/, '')}/track?no=${trackingNo}&code=${code}`;
    return c.json({ trackingNo, code, trackUrl }, 201);
  })
  .get('/reports/nearby', (c) => {
    const q = parseInput(nearbyQuery, c.req.query());
    const items = c.var.services.reports.nearby(q.category, q.lat, q.lng);
    return c.json({ items });
  })
  .post('/reports/:no/support', (c) => {
    const { services } = c.var;
    const row = services.reports.support(c.req.param('no').toUpperCase(), clientIp(c, services.config.TRUST_PROXY));
    return c.json({ supporters: row.supporters });
  })
  .get('/track', (c) => {
    const { reports, secret } = c.var.services;
    const row = reports.findForReporter(c.req.query('no'), c.req.query('code'));
    return c.json(reporterView(row, reports.photosOf(row.id), reports.logOf(row.id), secret));
  })
  .get('/categories', (c) => {
    const { catalog } = c.var.services;
    return c.json({
      categories: catalog.activeCategories().map((x) => ({
        id: x.id, group: x.groupId, code: x.nationalCode, name: { zh: x.nameZh, en: x.nameEn }, unit: x.unitId,
      })),
    });
  });
