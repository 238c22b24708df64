import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../env.ts';
import { AppError } from '../shared/errors.ts';
import { clientIp } from '../shared/http.ts';
import { adminRoutes } from './admin-routes.ts';
import type { NextStep } from './auth.ts';
import { requireStaff } from './middleware.ts';
import { loginInput, parseInput, passwordChangeInput, totpCodeInput } from './schema.ts';
import { SESSION_COOKIE, type StaffSession } from './sessions.ts';
import { readBody, sessionCookie } from './web.ts';

const ip = (c: Context<AppEnv>) => clientIp(c, c.var.services.config.TRUST_PROXY);

const me = (s: Pick<StaffSession, 'staff' | 'csrfToken'>, next: NextStep) => ({ ...s.staff, csrfToken: s.csrfToken, next });

/** Any session, a second factor still pending included. */
const requireSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.var.staffSession) throw new AppError(401, 'unauthenticated');
  await next();
};

/** Setting two-factor up is allowed to a full session, and to one that REQUIRE_2FA holds until it is set up. */
const requireEnrolment: MiddlewareHandler<AppEnv> = async (c, next) => {
  const s = c.var.staffSession;
  if (!s || c.var.services.staff.auth.nextStep(s) === 'two_factor') throw new AppError(401, 'unauthenticated');
  await next();
};

/** /api/staff: sign-in, the signed-in member's account, and (under /admin) units, categories, staff and the audit log. */
export const staffRoutes = new Hono<AppEnv>()
  .post('/login', async (c) => {
    const { staff, sessions, config } = c.var.services;
    const input = parseInput(loginInput, await readBody(c));
    const signIn = await staff.auth.login(input, ip(c));
    const old = getCookie(c, SESSION_COOKIE);
    if (old) sessions.destroy(old);
    setCookie(c, SESSION_COOKIE, signIn.token, sessionCookie(config.PUBLIC_URL));
    return c.json(me(signIn, signIn.next));
  })
  .post('/login/two-factor', requireSession, async (c) => {
    const s = c.var.staffSession!;
    const { code } = parseInput(totpCodeInput, await readBody(c));
    c.var.services.staff.auth.verifyTwoFactor(s, code, ip(c));
    return c.json(me(s, null));
  })
  .post('/logout', requireSession, (c) => {
    c.var.services.staff.auth.logout(c.var.staffSession!, getCookie(c, SESSION_COOKIE)!, ip(c));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  })
  .get('/me', requireSession, (c) => {
    const s = c.var.staffSession!;
    return c.json(me(s, c.var.services.staff.auth.nextStep(s)));
  })
  .post('/account/password', requireStaff(), async (c) => {
    const input = parseInput(passwordChangeInput, await readBody(c));
    await c.var.services.staff.auth.changePassword(c.var.staffSession!, input, ip(c));
    return c.body(null, 204);
  })
  .get('/account/two-factor', requireEnrolment, (c) => {
    const setup = c.var.services.staff.accounts.totpSetup(c.var.staffSession!.staff.id);
    return c.json(setup ? { enabled: false, ...setup } : { enabled: true });
  })
  .post('/account/two-factor', requireEnrolment, async (c) => {
    const { code } = parseInput(totpCodeInput, await readBody(c));
    c.var.services.staff.auth.enableTwoFactor(c.var.staffSession!, code, ip(c));
    return c.json({ enabled: true });
  })
  .route('/admin', adminRoutes);
