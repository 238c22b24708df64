import { defineMiddleware } from 'astro:middleware';
import { isStaffPath } from '../api/staff/middleware.ts';
import { hoistIslandStyle } from './lib/html.ts';

// Staff pages post their session's CSRF token as the `_csrf` form field; the API checks a header instead.
export const onRequest = defineMiddleware(async (ctx, next) => {
  const session = ctx.locals.staffSession;
  if (session && ctx.request.method === 'POST' && isStaffPath(ctx.url.pathname)) {
    const form = await ctx.request.clone().formData().catch(() => null);
    if (form?.get('_csrf') !== session.csrfToken) {
      return new Response(ctx.locals.lang === 'en' ? 'Invalid or missing CSRF token.' : '请求校验失败，请刷新页面后重试。', {
        status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' },
      });
    }
  }
  const res = await next(); // pages are small: buffering one to make it valid HTML costs little
  if (!res.headers.get('content-type')?.startsWith('text/html')) return res;
  return new Response(hoistIslandStyle(await res.text()), res);
});
