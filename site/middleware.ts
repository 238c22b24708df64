import { defineMiddleware } from 'astro:middleware';
import { isStaffPath } from '../api/staff/middleware.ts';
import { hoistIslandStyle } from './lib/html.ts';
import { AppError, errorMessage, isAppError } from '../api/shared/errors.ts';

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

/**
 * Every page post is read once, here or by the page, through one memoised formData(): a body that is not a form
 * (text/plain, JSON, a broken multipart) becomes a 400 instead of a crash in whichever page read it.
 */
function guardForm(request: Request) {
  const read = request.formData.bind(request);
  let parsed: Promise<FormData> | undefined;
  Object.defineProperty(request, 'formData', {
    value: () => (parsed ??= read().catch(() => { throw new AppError(400, 'invalid_input'); })),
  });
}

// Staff pages post their session's CSRF token as the `_csrf` form field; the API checks a header instead.
export const onRequest = defineMiddleware(async (ctx, next) => {
  const { lang } = ctx.locals;
  if (ctx.request.method === 'POST') guardForm(ctx.request);
  try {
    const session = ctx.locals.staffSession;
    if (session && ctx.request.method === 'POST' && isStaffPath(ctx.url.pathname)) {
      const form = await ctx.request.formData().catch(() => null);
      if (form?.get('_csrf') !== session.csrfToken) {
        return plain(403, lang === 'en' ? 'Invalid or missing CSRF token.' : '请求校验失败，请刷新页面后重试。');
      }
    }
    const res = await next(); // pages are small: buffering one to make it valid HTML costs little
    if (!res.headers.get('content-type')?.startsWith('text/html')) return res;
    return new Response(hoistIslandStyle(await res.text()), res);
  } catch (e) {
    if (!isAppError(e)) throw e;
    return plain(e.status, errorMessage(lang, e.code, e.vars));
  }
});
