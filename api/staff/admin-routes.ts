import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.ts';
import { apiMessages as messages } from '../i18n/index.ts';
import { AppError } from '../shared/errors.ts';
import { apiLang, clientIp } from '../shared/http.ts';
import { auditQuery, parseInput } from './schema.ts';
import { actorOf, readBody } from './web.ts';
import { placeAdminRoutes } from '../gazetteer/routes.ts';

/** Admins only; anyone else signed in gets the same 404 as a path that does not exist. */
export const adminOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  const s = c.var.staffSession;
  if (!s || s.twoFactorPending) throw new AppError(401, 'unauthenticated');
  if (s.staff.role !== 'admin') throw new AppError(404, 'not_found');
  await next();
};

const actor = (c: Context<AppEnv>) => actorOf(c.var.staffSession!, clientIp(c, c.var.services.config.TRUST_PROXY));
// A numeric :id (a staff account or an API key).
const staffId = (c: Context<AppEnv>) => {
  const id = Number(c.req.param('id'));
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError(404, 'not_found');
  return id;
};

/** The CSV's column titles and action names in the request's language. */
export function auditCsvText(lang: 'zh' | 'en') {
  const t = messages[lang].auth.audit;
  const actions = messages[lang].auth.actions as Record<string, string>;
  return { header: t.csv, label: (action: string) => actions[action] ?? action, filename: t.filename };
}

/** /api/staff/admin: units, categories, staff accounts, API keys, the audit log. */
export const adminRoutes = new Hono<AppEnv>()
  .use('*', adminOnly)
  .get('/units', (c) => c.json({ units: c.var.services.staff.catalog.units() }))
  .post('/units', async (c) => c.json({ unit: c.var.services.staff.catalog.createUnit(await readBody(c), actor(c)) }, 201))
  .put('/units/:id', async (c) => c.json({ unit: c.var.services.staff.catalog.updateUnit(c.req.param('id'), await readBody(c), actor(c)) }))
  .get('/categories', (c) => c.json({ categories: c.var.services.staff.catalog.categories() }))
  .put('/categories/:id', async (c) => c.json({ category: c.var.services.staff.catalog.updateCategory(c.req.param('id'), await readBody(c), actor(c)) }))
  .get('/staff', (c) => c.json({ staff: c.var.services.staff.accounts.list() }))
  .post('/staff', async (c) => {
    const { account, password } = await c.var.services.staff.accounts.create(await readBody(c), actor(c));
    return c.json({ staff: account, ...(password ? { password } : {}) }, 201);
  })
  .put('/staff/:id', async (c) => c.json({ staff: c.var.services.staff.accounts.update(staffId(c), await readBody(c), actor(c)) }))
  .post('/staff/:id/reset-password', async (c) => {
    const password = await c.var.services.staff.accounts.resetPassword(staffId(c), actor(c));
    return c.json({ password });
  })
  .post('/staff/:id/deactivate', (c) => {
    c.var.services.staff.accounts.setActive(staffId(c), false, actor(c));
    return c.body(null, 204);
  })
  .post('/staff/:id/activate', (c) => {
    c.var.services.staff.accounts.setActive(staffId(c), true, actor(c));
    return c.body(null, 204);
  })
  .post('/staff/:id/reset-two-factor', (c) => {
    c.var.services.staff.accounts.resetTwoFactor(staffId(c), actor(c));
    return c.body(null, 204);
  })
  .get('/api-keys', (c) => c.json({ apiKeys: c.var.services.staff.apiKeys.list() }))
  .post('/api-keys', async (c) => c.json(c.var.services.staff.apiKeys.create(await readBody(c), actor(c)), 201))
  .post('/api-keys/:id/revoke', (c) => {
    c.var.services.staff.apiKeys.revoke(staffId(c), actor(c));
    return c.body(null, 204);
  })
  .get('/audit', (c) => c.json(c.var.services.staff.auditLog.list(parseInput(auditQuery, c.req.query()))))
  .get('/audit.csv', (c) => {
    const { header, label, filename } = auditCsvText(apiLang(c));
    const stream = c.var.services.staff.auditLog.csv(parseInput(auditQuery, c.req.query()), header, label);
    return c.body(stream, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-log.csv"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'Cache-Control': 'no-store',
    });
  })
  .route('/', placeAdminRoutes);
