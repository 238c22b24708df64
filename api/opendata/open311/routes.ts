import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../../env.ts';
import { apiLang } from '../../shared/http.ts';
import { errorMessage, isAppError } from '../../shared/errors.ts';
import { labelsFor, type Labels } from '../labels.ts';
import { Open311Error, formatOfPath, reply, replyCleanList, replyError, splitFormat, type Format } from './format.ts';
import { discovery, requestMapper, toRequestUpdate, toService } from './mapping.ts';
import { MAX_RESULTS, bucketsOf, checkJurisdiction, commaList, dateWindow, jurisdictionOf, nextUrl, paging } from './query.ts';
import { readReportRequest } from '../../reports/form.ts';
import { photoLimitsOf } from '../../reports/photos.ts';
import { asOpen311, clientOf, lookupToken, postUpdate, submitOpen311 } from './submit.ts';

type C = Context<AppEnv>;

/** Every handler starts here: labels in the asked language, the format from the suffix, the jurisdiction checked. */
function begin(c: C, file: string, expected: string | null) {
  const { services } = c.var;
  const L = labelsFor(services, apiLang(c));
  const split = splitFormat(file);
  if (!split) throw new Open311Error(404, [L.t.opendata.open311.errors.format]);
  const [name, format] = split;
  if (expected !== null && name !== expected) throw new Open311Error(404, [L.t.opendata.open311.errors.not_found]);
  checkJurisdiction(c.req.query('jurisdiction_id'), jurisdictionOf(services.config.PUBLIC_URL), L);
  return { services, L, name, format };
}

function requests(c: C, L: Labels, format: Format, q: Record<string, string | undefined>) {
  const { publicCases, clock, config } = c.var.services;
  const ids = commaList(q.service_request_id)?.map((s) => s.toUpperCase());
  // service_request_id overrides every other filter (GeoReport v2).
  const { filter, size } = ids ? { filter: { trackingNos: ids.slice(0, MAX_RESULTS) }, size: MAX_RESULTS } : (() => {
    const { from, to } = dateWindow(q, clock(), L);
    const { pageSize, after } = paging(q, L);
    return { filter: { category: commaList(q.service_code), buckets: bucketsOf(q.status, L), createdFrom: from, createdTo: to, after }, size: pageSize };
  })();
  const { items, next } = publicCases.page(filter, size);
  // Our extension: more matches than one page → a Link to the next one (the same query from after the last case).
  if (next && !ids) c.header('link', `<${nextUrl(config.PUBLIC_URL, c.req.url, next)}>; rel="next"`);
  return replyCleanList(c, format, 'service_requests', 'request', items.map(requestMapper(L)));
}

// Form posts stay small; multipart posts carry photos and get the app-wide limit (MAX_PHOTOS × MAX_PHOTO_MB).
const smallForm = bodyLimit({
  maxSize: 64 * 1024,
  onError: (c) => replyError(c, formatOfPath(c.req.path), new Open311Error(413, [labelsFor(c.var.services, apiLang(c)).t.opendata.open311.errors.body_too_large])),
});
const formLimit: MiddlewareHandler<AppEnv> = (c, next) =>
  ((c.req.header('content-type') ?? '').startsWith('multipart/form-data') ? next() : smallForm(c, next));

/** Text fields, and every file part as a photo (clients name them media, photo, photos…), read as they stream. */
async function readForm(c: C, L: Labels) {
  const { fields, uploads, refused } = await readReportRequest(c.req.raw, photoLimitsOf(c.var.services.config), () => true)
    .catch((e: unknown) => {
      if (isAppError(e) && e.status === 400) throw new Open311Error(400, [L.t.opendata.open311.errors.form]);
      throw e;
    });
  return { body: fields, uploads, refused };
}

/** /open311/v2: GeoReport v2 in JSON and XML, plus FixMyStreet's servicerequestupdates. */
export const open311Routes = new Hono<AppEnv>()
  .get('/:file', (c) => {
    const { services, L, name, format } = begin(c, c.req.param('file'), null);
    switch (name) {
      case 'discovery':
        return reply(c, format, 'discovery', null, discovery(L));
      case 'services':
        return reply(c, format, 'services', 'service', services.catalog.activeCategories().map((x) => toService(x, L)));
      case 'requests':
        return requests(c, L, format, c.req.query());
      case 'servicerequestupdates': {
        const { from, to } = dateWindow(c.req.query(), services.clock(), L);
        // Oldest first, so a client that got 1000 continues from the last updated_datetime it saw.
        const updates = services.publicCases.updates({ from, to, changesOnly: true, order: 'asc', limit: MAX_RESULTS });
        return reply(c, format, 'service_requests_updates', 'request_update', updates.map((u) => toRequestUpdate(u, L)));
      }
      default:
        throw new Open311Error(404, [L.t.opendata.open311.errors.not_found]);
    }
  })
  .get('/services/:file', (c) => {
    const { services, L, name } = begin(c, c.req.param('file'), null);
    const known = services.catalog.activeCategories().some((x) => x.id === name);
    const e = L.t.opendata.open311.errors;
    // Our categories have no attributes (metadata=false), so there is no definition to give.
    throw new Open311Error(404, [L.fmt(known ? e.no_definition : e.unknown_service, { code: name })]);
  })
  .get('/requests/:file', (c) => {
    const { services, L, name, format } = begin(c, c.req.param('file'), null);
    const no = name.toUpperCase();
    const { items } = services.publicCases.page({ trackingNos: [no] }, 1);
    if (!items.length) throw new Open311Error(404, [L.fmt(L.t.opendata.open311.errors.request_not_found, { id: name })]);
    return replyCleanList(c, format, 'service_requests', 'request', items.map(requestMapper(L)));
  })
  .get('/tokens/:file', (c) => {
    const { services, L, name, format } = begin(c, c.req.param('file'), null);
    return reply(c, format, 'service_requests', 'request', [lookupToken(services, name, L)]);
  })
  .post('/:file', formLimit, async (c) => {
    const { services, L, name, format } = begin(c, c.req.param('file'), null);
    if (name !== 'requests' && name !== 'servicerequestupdates') throw new Open311Error(404, [L.t.opendata.open311.errors.not_found]);
    const { body, uploads, refused } = await readForm(c, L);
    checkJurisdiction(body.jurisdiction_id, jurisdictionOf(services.config.PUBLIC_URL), L);
    const client = clientOf(services, body.api_key ?? c.req.query('api_key'), L);
    if (c.var.rateLimited) throw new Open311Error(429, [L.t.opendata.open311.errors.rate_limited]);
    if (refused) asOpen311(refused, L); // photos over the limits, told as the submission itself would
    if (name === 'requests') return reply(c, format, 'service_requests', 'request', [await submitOpen311(services, body, uploads, client, L)], 201);
    return reply(c, format, 'service_request_updates', 'request_update', [await postUpdate(services, body, uploads, client, L)], 201);
  })
  .all('*', (c) => {
    throw new Open311Error(404, [labelsFor(c.var.services, apiLang(c)).t.opendata.open311.errors.not_found]);
  })
  .onError((err, c) => {
    if (err instanceof Open311Error) return replyError(c, formatOfPath(c.req.path), err);
    const L = labelsFor(c.var.services, apiLang(c));
    // The app's guards (a body that does not parse, an odd method) speak Open311 here too.
    if (isAppError(err)) {
      const status = ([403, 404, 413, 429] as const).find((s) => s === err.status) ?? 400;
      return replyError(c, formatOfPath(c.req.path), new Open311Error(status, [errorMessage(L.lang, err.code, err.vars)]));
    }
    console.error(err);
    return replyError(c, formatOfPath(c.req.path), new Open311Error(500, [L.t.opendata.open311.errors.server]));
  });
