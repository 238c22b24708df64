import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { rateLimiter } from 'hono-rate-limiter';
import { sql } from 'drizzle-orm';
import type { Services } from './services.ts';
import { AppError, errorBody, errorMessage, isAppError } from './shared/errors.ts';
import { apiLang, clientIp, responseStatus } from './shared/http.ts';
import { canonicalRequest, countedBody } from './shared/request-guards.ts';
import { isMultipart } from './shared/multipart.ts';
import { requestLog } from './shared/request-log.ts';
import { SECURE_HEADERS } from './shared/secure-headers.ts';
import { reportRoutes } from './reports/routes.ts';
import { placeRoutes } from './gazetteer/routes.ts';
import { uploadRoutes } from './reports/uploads.ts';
import { loadStaff } from './staff/middleware.ts';
import { staffRoutes } from './staff/routes.ts';
import { caseRoutes, ratingRoutes } from './cases/routes.ts';
import { deskRoutes, phraseAdminRoutes } from './desk/routes.ts';
import { opendataRoutes } from './opendata/routes.ts';
import { publicCaseRoutes } from './opendata/public-routes.ts';
import { driveFeedRoutes, driveRoutes, staffDriveRoutes } from './drives/routes.ts';
import type { AppEnv, SiteMount } from './env.ts';
import { responseCache } from './cache/middleware.ts';

const REPORT_POSTS = ['/api/reports', '/report', '/en/report', '/reports/:no', '/en/reports/:no', '/open311/v2/requests.json', '/open311/v2/requests.xml',
  '/open311/v2/servicerequestupdates.json', '/open311/v2/servicerequestupdates.xml'];
const SIGNUP_POSTS = ['/api/drives/occurrences/:id/signups', '/drives/:id', '/en/drives/:id'];
// Where a follow code can be guessed: each failed try counts against the client (a right code costs nothing).
const CODE_CHECKS: [string, string][] = [['GET', '/api/track'], ['POST', '/api/track/rate'], ['GET', '/track'], ['GET', '/en/track'], ['POST', '/track'], ['POST', '/en/track']];

export function createApp(services: Services, mountSite?: SiteMount) {
  const { config } = services;
  const app = new Hono<AppEnv>();
  const fail = (c: Context, err: AppError) => c.json(errorBody(apiLang(c), err), err.status);

  app.use('*', requestLog(services.log));
  app.use('*', canonicalRequest(fail));
  app.use('*', async (c, next) => {
    c.set('services', services);
    await next();
  });
  const publicOrigin = new URL(config.PUBLIC_URL).origin;
  // One CSRF check for the API and the pages' form posts alike (Astro's own checkOrigin is off).
  const checkOrigin = csrf({ origin: (origin, c) => origin === publicOrigin || origin === new URL(c.req.url).origin });
  // Open311 clients are other servers (no Origin); it reads no cookie, so a cross-site post gains nothing there.
  app.use('*', (c, next) => (c.req.path.startsWith('/open311/') ? next() : checkOrigin(c, next)));
  // Every answer Hono writes itself (API, open data, uploads, static files, /healthz); pages: api/page-headers.ts.
  // Pages set their own (api/page-headers.ts): these fill in only what a response lacks.
  app.use('*', secureHeaders(SECURE_HEADERS));
  app.use('*', loadStaff);
  // Public GETs from the cache, personal ones private/no-store, text compressed (api/cache); needs the staff session.
  app.use('*', responseCache(services.responseCache));
  app.use('/uploads/*', secureHeaders({ crossOriginResourcePolicy: 'same-origin' }));

  // Abuse limits: body size on every post; rate per client on filing reports unless RATE_LIMITS=off.
  const maxBody = (config.MAX_PHOTOS * config.MAX_PHOTO_MB + 1) * 1048576;
  const limitBody = bodyLimit({ maxSize: maxBody, onError: (c) => fail(c, new AppError(413, 'body_too_large')) });
  const limitRate = rateLimiter<AppEnv>({
    windowMs: config.RATE_LIMIT_REPORTS.windowMs,
    limit: config.RATE_LIMIT_REPORTS.limit,
    standardHeaders: 'draft-7',
    keyGenerator: (c) => clientIp(c, config.TRUST_PROXY),
    skip: () => !config.RATE_LIMITS,
    handler: async (c, next) => {
      if (c.req.path.startsWith('/api/')) return fail(c, new AppError(429, 'rate_limited'));
      c.set('rateLimited', true); // the form page re-shows itself with the message and a 429
      await next();
    },
  });
  // Every post is size-limited (photos ride on reports and on the console's resolve). A declared Content-Length is
  // checked from the header alone: building the body stream here cost a tenth of a small report's CPU, and touching
  // a page's body would consume the stream Astro reads the form from. A chunked multipart API body (photos) is counted
  // as it streams, its reader answering the 413 (hono's bodyLimit buffers a body whole: up to 61 MB held); other chunked
  // API bodies are small and go through bodyLimit, which answers before the handler. A page post must declare its length.
  app.use('*', async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const declared = c.req.header('content-length');
    if (declared === undefined || c.req.header('transfer-encoding')) {
      if (!/^\/(api|open311)\//.test(c.req.path)) return fail(c, new AppError(411, 'length_required'));
      if (!isMultipart(c.req.header('content-type'))) return limitBody(c, next);
      c.req.raw = countedBody(c.req.raw, maxBody);
      return next();
    }
    const length = Number(declared);
    if (!Number.isFinite(length)) return fail(c, new AppError(411, 'length_required'));
    if (length > maxBody) return fail(c, new AppError(413, 'body_too_large'));
    await next();
  });
  const limitGuesses = rateLimiter<AppEnv>({
    windowMs: config.RATE_LIMIT_TRACK.windowMs,
    limit: config.RATE_LIMIT_TRACK.limit,
    standardHeaders: 'draft-7',
    keyGenerator: (c) => `track|${clientIp(c, config.TRUST_PROXY)}`,
    skip: (c) => !config.RATE_LIMITS || (c.req.method === 'GET' && !c.req.query('no') && !c.req.query('code')),
    skipSuccessfulRequests: true,
    requestWasSuccessful: (c) => responseStatus(c) < 400,
    handler: async (c, next) => {
      if (c.req.path.startsWith('/api/')) return fail(c, new AppError(429, 'too_many_tries'));
      c.set('rateLimited', true); // the page answers 429 with the message
      await next();
    },
  });
  const limitSignups = rateLimiter<AppEnv>({
    windowMs: config.RATE_LIMIT_SIGNUPS.windowMs,
    limit: config.RATE_LIMIT_SIGNUPS.limit,
    standardHeaders: 'draft-7',
    keyGenerator: (c) => `signup|${clientIp(c, config.TRUST_PROXY)}`,
    skip: () => !config.RATE_LIMITS,
    handler: async (c, next) => {
      if (c.req.path.startsWith('/api/')) return fail(c, new AppError(429, 'signups_rate_limited'));
      c.set('rateLimited', true); // the drive page re-shows the form with the message and a 429
      await next();
    },
  });
  for (const path of REPORT_POSTS) app.on('POST', path, limitRate);
  for (const path of SIGNUP_POSTS) app.on('POST', path, limitSignups);
  for (const [method, path] of CODE_CHECKS) app.on(method, path, limitGuesses);
  app.on('POST', '/api/reports/:no/support', limitRate);

  app.get('/healthz', (c) => {
    services.db.get(sql`select 1`);
    return c.json({ status: 'ok' });
  });
  app.route('/api', reportRoutes);
  app.route('/api/places', placeRoutes);
  app.route('/api/cases', publicCaseRoutes);
  app.route('/api/staff/cases', caseRoutes);
  app.route('/api/staff/desk', deskRoutes);
  app.route('/api/staff/admin/phrases', phraseAdminRoutes);
  app.route('/api/track', ratingRoutes);
  app.route('/api/staff/drives', staffDriveRoutes);
  app.route('/api/staff', staffRoutes);
  app.route('/api/drives', driveRoutes);
  app.route('/feeds/drives', driveFeedRoutes);
  app.route('/uploads', uploadRoutes);
  app.route('/', opendataRoutes);
  app.all('/api/*', (c) => fail(c, new AppError(404, 'not_found')));

  app.onError((err, c) => {
    if (isAppError(err)) return fail(c, err);
    if (err instanceof HTTPException && err.status === 403) return fail(c, new AppError(403, 'csrf'));
    services.log.error({ err, requestId: c.var.requestId, method: c.req.method, path: c.req.path }, 'unhandled error');
    return c.json({ error: { code: 'server_error', message: errorMessage(apiLang(c), 'server_error') } }, 500);
  });

  mountSite?.(app);
  return app;
}
