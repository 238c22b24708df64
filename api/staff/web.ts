/** What the staff API routes and the console pages share about the web side: cookie, client address, page gates. */
import type { Context } from 'hono';
import { localePath, type Lang } from '../i18n/lang.ts';
import { AppError } from '../shared/errors.ts';
import type { Actor } from './audit-log.ts';
import type { StaffRole } from './schema.ts';
import { SESSION_HOURS, type StaffSession } from './sessions.ts';

/** The session cookie: HttpOnly, SameSite=Lax, whole site, Secure when the public address is https, 12 h. */
export const sessionCookie = (publicUrl: string) => ({
  httpOnly: true, sameSite: 'lax' as const, path: '/', secure: publicUrl.startsWith('https:'), maxAge: SESSION_HOURS * 3600,
});

export const actorOf = (session: StaffSession, ip: string | null): Actor => ({ id: session.staff.id, username: session.staff.username, ip });

/** Where to go after signing in: only a console page of this site, never another origin. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !/^\/staff(?:\/[\w\-/]*)?(?:\?[\w=&%.\-+]*)?$/.test(next) || /^\/staff\/(?:login|logout|two-factor)\b/.test(next)) return '/staff';
  return next;
}

export type PageGate = { redirect: string } | { notFound: true } | { session: StaffSession };

/**
 * The check at the top of every console page: not signed in → the sign-in page (coming back here after);
 * second factor pending → the code page; a role that may not see the page → 404, so it is not even revealed.
 * `here` is the path Astro sees (without /en).
 */
export function staffPage(locals: { staffSession: StaffSession | null; lang: Lang }, here: URL, roles: StaffRole[] = []): PageGate {
  const { staffSession: s, lang } = locals;
  if (!s) return { redirect: localePath(lang, `/staff/login?next=${encodeURIComponent(here.pathname + here.search)}`) };
  if (s.twoFactorPending) return { redirect: localePath(lang, '/staff/two-factor') };
  if (roles.length && !roles.includes(s.staff.role)) return { notFound: true };
  return { session: s };
}

/** A JSON body (application/json) or form fields: API clients send either. */
export async function readBody(c: Context): Promise<Record<string, unknown>> {
  const bad = () => { throw new AppError(400, 'invalid_input'); };
  if ((c.req.header('content-type') ?? '').includes('application/json')) {
    const json = await c.req.json().catch(bad);
    return json && typeof json === 'object' && !Array.isArray(json) ? json : bad();
  }
  return (await c.req.parseBody().catch(bad)) as Record<string, unknown>;
}
