import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from '../env.ts';
import { requireStaff } from '../staff/middleware.ts';
import { AppError, errorMessage, localizeFields, zodFields } from '../shared/errors.ts';
import { apiLang, clientIp } from '../shared/http.ts';
import { readReportForm } from '../reports/form.ts';
import { actionBody, bulkBody, isModerationAction, isStaffAction, listQuery, rateBody } from './schema.ts';

/** Reads a JSON body, or a form (multipart with after-photos for resolve). */
async function readBody(c: Context<AppEnv>): Promise<{ fields: Record<string, unknown>; uploads: Buffer[] }> {
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
    const form = await c.req.formData().catch(() => { throw new AppError(400, 'invalid_input'); });
    return readReportForm(form);
  }
  const fields = await c.req.json().catch(() => { throw new AppError(400, 'invalid_input'); });
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) throw new AppError(400, 'invalid_input');
  return { fields, uploads: [] };
}

function parse<S extends z.ZodType>(schema: S, v: unknown): z.output<S> {
  const r = schema.safeParse(v);
  if (!r.success) throw new AppError(400, 'invalid_input', zodFields(r.error.issues));
  return r.data;
}

const me = (c: Context<AppEnv>) => c.var.staffSession!.staff;

const ipOf = (c: Context<AppEnv>) => clientIp(c, c.var.services.config.TRUST_PROXY);

/** /api/staff/cases: the case workflow for staff (queue, lists, one case, actions, bulk). */
export const caseRoutes = new Hono<AppEnv>()
  .use('*', requireStaff())
  .get('/', (c) => c.json(c.var.services.cases.queries.list(me(c), parse(listQuery, c.req.query()))))
  .get('/queue', (c) => c.json(c.var.services.cases.queries.queue(me(c))))
  .post('/bulk', async (c) => {
    const { fields } = await readBody(c);
    const results = c.var.services.cases.actions.bulk(me(c), parse(bulkBody, fields), ipOf(c));
    const lang = apiLang(c);
    return c.json({
      ok: results.filter((r) => r.ok).length,
      results: results.map((r) => (r.ok ? r : {
        ...r, message: errorMessage(lang, r.code), fields: r.fields ? localizeFields(lang, new AppError(400, r.code, r.fields)) : undefined,
      })),
    });
  })
  .get('/:no', (c) => c.json(c.var.services.cases.queries.detail(me(c), c.req.param('no'))))
  .post('/:no/actions/:action', async (c) => {
    const { cases } = c.var.services;
    const action = c.req.param('action');
    const { fields, uploads } = await readBody(c);
    const body = parse(actionBody, fields);
    if (isStaffAction(action)) return c.json(await cases.actions.perform(me(c), c.req.param('no'), action, body, uploads, ipOf(c)));
    if (isModerationAction(action)) return c.json(cases.moderation.moderate(me(c), c.req.param('no'), action, body, ipOf(c)));
    throw new AppError(404, 'not_found');
  });

/** /api/track/rate: the reporter rates a closed case with the follow code (form-encoded or JSON). */
export const ratingRoutes = new Hono<AppEnv>().post('/rate', async (c) => {
  const { fields } = await readBody(c);
  const r = rateBody.safeParse(fields);
  if (!r.success) {
    const f = zodFields(r.error.issues);
    throw f.no || f.code ? new AppError(404, 'track_not_found') : new AppError(400, 'invalid_input', f);
  }
  return c.json(c.var.services.cases.rating.rate(r.data));
});
