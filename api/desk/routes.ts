import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env.ts';
import { requireStaff } from '../staff/middleware.ts';
import { adminOnly } from '../staff/admin-routes.ts';
import { readBody } from '../staff/web.ts';
import { AppError, parseInput } from '../shared/errors.ts';
import { apiLang, clientIp } from '../shared/http.ts';
import { queueQuery, supervisionQuery } from './schema.ts';

const me = (c: Context<AppEnv>) => c.var.staffSession!.staff;
const ipOf = (c: Context<AppEnv>) => clientIp(c, c.var.services.config.TRUST_PROXY);
const idOf = (c: Context<AppEnv>) => {
  const id = Number(c.req.param('id'));
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError(404, 'not_found');
  return id;
};

/** /api/staff/desk: the dispatcher's queue table and its new-report count, 督办, ready phrases. */
export const deskRoutes = new Hono<AppEnv>()
  .use('*', requireStaff())
  .get('/queue', (c) => c.json(c.var.services.desk.queue.table(me(c), parseInput(queueQuery, c.req.query()))))
  .get('/queue/count', (c) => c.json(c.var.services.desk.queue.count(me(c))))
  .get('/supervision', (c) => {
    const { unit } = parseInput(supervisionQuery, c.req.query());
    const desk = c.var.services.desk.supervision;
    return c.json({ overdueByUnit: desk.overdueByUnit(me(c)), items: desk.list(me(c), unit) });
  })
  .post('/cases/:no/supervise', async (c) => c.json(c.var.services.desk.supervision.supervise(me(c), c.req.param('no'), await readBody(c), ipOf(c))))
  .get('/phrases', (c) => c.json({ phrases: c.var.services.desk.phrases.byAction(apiLang(c)) }));

/** /api/staff/admin/phrases: admins keep the ready phrases (anyone else: 404, as every admin route). */
export const phraseAdminRoutes = new Hono<AppEnv>()
  .use('*', adminOnly)
  .get('/', (c) => c.json({ phrases: c.var.services.desk.phrases.all() }))
  .post('/', async (c) => c.json({ phrase: c.var.services.desk.phrases.create(me(c), await readBody(c), ipOf(c)) }, 201))
  .put('/:id', async (c) => c.json({ phrase: c.var.services.desk.phrases.update(me(c), idOf(c), await readBody(c), ipOf(c)) }))
  .post('/:id/delete', (c) => c.json(c.var.services.desk.phrases.remove(me(c), idOf(c), ipOf(c))));
