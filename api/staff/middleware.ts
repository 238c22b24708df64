import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../env.ts';
import { AppError } from '../shared/errors.ts';
import { SESSION_COOKIE, type StaffUser } from './sessions.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Loads the staff session (if any) for the API and the pages; checks the CSRF token on every staff write. */
export const loadStaff: MiddlewareHandler<AppEnv> = async (c, next) => {
  const session = c.var.services.sessions.find(getCookie(c, SESSION_COOKIE));
  c.set('staffSession', session ?? undefined);
  if (session && !SAFE.has(c.req.method) && isStaffPath(c.req.path)) {
    // Pages post the token as a form field (read by the page itself); the API sends it as a header.
    if (c.req.path.startsWith('/api/') && c.req.header('x-csrf-token') !== session.csrfToken) throw new AppError(403, 'csrf');
  }
  await next();
};

/** Paths that act on a staff session. Case-insensitive and tolerant of `//`, though api/shared/request-guards refuses those first. */
export const isStaffPath = (path: string) => /^\/+(?:en\/+)?(?:api\/+)?staff(?:\/|$)/i.test(path);

/** Guards an API route: a signed-in staff member (second factor passed) with one of the roles. */
export const requireStaff = (...roles: StaffUser['role'][]): MiddlewareHandler<AppEnv> => async (c, next) => {
  const s = c.var.staffSession;
  if (!s || s.twoFactorPending) throw new AppError(401, 'unauthenticated');
  if (roles.length && !roles.includes(s.staff.role)) throw new AppError(403, 'forbidden');
  await next();
};
