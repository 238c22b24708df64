/** What every console page (accounts, admin, cases) does first: who may see it, where its posts come from, what went wrong. */
import type { AstroGlobal } from 'astro';
import { errorMessage, isAppError, localizeFields } from '../../api/shared/errors.ts';
import type { StaffRole } from '../../api/staff/schema.ts';
import type { StaffSession } from '../../api/staff/sessions.ts';
import { staffPage } from '../../api/staff/web.ts';
import { clientAddress } from '../../api/shared/http.ts';

/** The signed-in session, or the response to send instead (sign-in redirect, or a 404 for the wrong role). */
export function gate(Astro: AstroGlobal, roles: StaffRole[] = []): StaffSession | Response {
  const g = staffPage(Astro.locals, Astro.url, roles);
  if ('redirect' in g) return Astro.redirect(g.redirect, 303);
  if ('notFound' in g) return new Response(null, { status: 404 }); // Astro renders 404.astro for an empty 404
  return g.session;
}

export const requestIp = (Astro: AstroGlobal) =>
  clientAddress(Astro.request.headers.get('x-forwarded-for'), () => Astro.clientAddress, Astro.locals.services.config.TRUST_PROXY);

/** A posted form as plain strings (the zod schemas take the same shape from the API). */
export async function formFields(Astro: AstroGlobal): Promise<Record<string, string>> {
  const form = await Astro.request.formData();
  return Object.fromEntries([...form.entries()].filter(([k, v]) => k !== '_csrf' && typeof v === 'string')) as Record<string, string>;
}

/** Turns a user error into the page's status, message and field messages; anything else is rethrown. */
export function problem(Astro: AstroGlobal, e: unknown): { message: string; fields: Record<string, string> } {
  if (!isAppError(e)) throw e;
  Astro.response.status = e.status;
  const { lang } = Astro.locals;
  return { message: errorMessage(lang, e.code, e.vars), fields: localizeFields(lang, e) ?? {} };
}

export type Problem = ReturnType<typeof problem>;

/** A console path to come back to after a form; anything else (other sites included) falls back. */
export function safeReturn(path: string | undefined, fallback: string): string {
  return path && /^\/staff(?:\/[\w\-/]*)?(?:\?[\w=&%.\-+:,]*)?$/.test(path) ? path : fallback;
}
