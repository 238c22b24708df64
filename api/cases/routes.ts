import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env.ts';
import { requireStaff } from '../staff/middleware.ts';
import { AppError, parseInput, errorMessage, localizeFields } from '../shared/errors.ts';
import { apiLang, clientIp } from '../shared/http.ts';
import { readReportForm } from '../reports/form.ts';
import { listQuery } from './schema.ts';

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


const me = (c: Context<AppEnv>) => c.var.staffSession!.staff;

const ipOf = (c: Context<AppEnv>) => clientIp(c, c.var.services.config.TRUST_PROXY);

/** /api/staff/cases: the case workflow for staff (queue, lists, one case, actions, bulk). */
export const caseRoutes = new Hono<AppEnv>()
  .use('*', requireStaff())
  .get('/', (c) => c.json(c.var.services.cases.queries.list(me(c), parseInput(listQuery, c.req.query()))))
  .get('/queue', (c) => c.json(c.var.services.cases.queries.queue(me(c))))
  // Bulk accept/dispatch are a dispatcher's tools: other roles are refused as a whole, not case by case.
  .post('/bulk', requireStaff('dispatcher', 'admin'), async (c) => {
    const { fields } = await readBody(c);
    const results = c.var.services.cases.actions.bulk(me(c), fields, ipOf(c));
    const lang = apiLang(c);
    return c.json({
      ok: results.filter((r) => r.ok).length,
      results: results.map((r) => (r.ok ? r : {
        ...r, message: errorMessage(lang, r.code), fields: r.fields ? localizeFields(lang, new AppError(400, r.code, r.fields)) : undefined,
      })),
    });
  })
  // Issue 11: a dispatcher's inbox of handlers' requests and sent-back cases; staff entry of hotline/patrol cases; the audited reveal.
  .get('/requests', (c) => c.json(c.var.services.cases.requests.inbox(me(c))))
  .post('/', async (c) => {
    const { fields, uploads } = await readBody(c);
    return c.json(await c.var.services.cases.intake.enter(me(c), fields, uploads, ipOf(c)), 201);
  })
  .post('/:no/reveal', (c) => c.json(c.var.services.cases.contact.reveal(me(c), c.req.param('no'), ipOf(c))))
  .get('/:no', (c) => c.json(c.var.services.cases.queries.detail(me(c), c.req.param('no'))))
  .post('/:no/actions/:action', async (c) => {
    const { fields, uploads } = await readBody(c);
    return c.json(await c.var.services.cases.act(me(c), c.req.param('no'), c.req.param('action'), fields, uploads, ipOf(c)));
  });

/** /api/track/rate: the reporter rates a closed case with the follow code (form-encoded or JSON). */
export const ratingRoutes = new Hono<AppEnv>().post('/rate', async (c) => {
  const { fields } = await readBody(c);
  return c.json(c.var.services.cases.rating.rateFields(fields));
});
