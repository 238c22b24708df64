import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../env.ts';
import { apiLang } from '../shared/http.ts';
import { exportRoutes } from './exports.ts';
import { feedRoutes } from './feeds.ts';
import { open311Routes } from './open311/routes.ts';
import { openApiDocument } from './openapi/document.ts';
import { AppError } from '../shared/errors.ts';

/** Open data: /open311/v2/*, /feeds/*, /data/* (GeoJSON, CSV), /api/openapi.json. */
export const opendataRoutes = new Hono<AppEnv>();

// Open data is for other sites and software too: readable cross-origin, never with cookies.
for (const path of ['/open311/*', '/feeds/*', '/data/*', '/api/openapi.json']) {
  opendataRoutes.use(path, cors({ origin: '*', allowMethods: path === '/open311/*' ? ['GET', 'POST'] : ['GET'] }));
}
for (const path of ['/open311/*', '/feeds/*', '/data/*']) {
  opendataRoutes.use(path, secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }));
}

opendataRoutes.route('/open311/v2', open311Routes);
opendataRoutes.route('/feeds', feedRoutes);
opendataRoutes.route('/data', exportRoutes);
opendataRoutes.get('/api/openapi.json', (c) => c.json(openApiDocument(c.var.services.config.PUBLIC_URL, apiLang(c))));

// A published quarterly report as it was frozen (the PDF made when staff published it); unpublished quarters: 404.
opendataRoutes.get('/data/quarterly/:file', (c) => {
  const m = /^(\d{4}-Q[1-4])\.pdf$/.exec(c.req.param('file'));
  const pdf = m ? c.var.services.quarterly.pdf(m[1]!, apiLang(c)) : null;
  if (!pdf) throw new AppError(404, 'not_found');
  return c.body(new Uint8Array(pdf), 200, {
    'content-type': 'application/pdf',
    'content-disposition': `inline; filename="${m![1]}${apiLang(c) === 'en' ? '-en' : ''}.pdf"`,
    'cache-control': 'public, max-age=86400', // frozen: it never changes once published
  });
});
