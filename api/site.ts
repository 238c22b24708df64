import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { HttpBindings } from '@hono/node-server';
import type { AppEnv, PageLocals, SiteMount } from './env.ts';
import { splitLang } from './i18n/lang.ts';

type AstroHandler = (req: IncomingMessage, res: ServerResponse, next: undefined, locals: object) => Promise<void>;
/** Renders the page `req` asks for with these locals, writing straight to `res`. */
export type PageRenderer = (req: IncomingMessage, res: ServerResponse, locals: PageLocals) => Promise<void> | void;

// Headers for pages Astro writes straight to the socket (Hono's secureHeaders cannot see them).
export const PAGE_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(self), geolocation=(self), microphone=()',
};

/**
 * Every path the app's routes did not take goes to an Astro page: the one place that splits the language off
 * the path (/en/x is served as x) and builds the page's locals, for the built server and `npm run dev` alike.
 */
export function astroPages(render: PageRenderer) {
  return async (c: Context<AppEnv>) => {
    // Pages are read and posted to, nothing else (OPTIONS, PUT… would render a page as if it were a GET).
    if (!['GET', 'HEAD', 'POST'].includes(c.req.method)) {
      return c.body(null, 405, { Allow: 'GET, HEAD, POST', ...PAGE_HEADERS });
    }
    const { incoming, outgoing } = c.env as unknown as HttpBindings;
    const url = new URL(incoming.url ?? '/', 'http://x');
    const [lang, path] = splitLang(url.pathname);
    incoming.url = path + url.search; // one page file serves both languages
    for (const [k, v] of Object.entries(PAGE_HEADERS)) outgoing.setHeader(k, v);
    await render(incoming, outgoing, {
      services: c.var.services, lang, rateLimited: c.var.rateLimited ?? false, staffSession: c.var.staffSession ?? null,
    });
    return RESPONSE_ALREADY_SENT;
  };
}

/** The built site: static files of the build, then Astro's SSR handler. */
export function astroSite(handler: AstroHandler, clientDir: string): SiteMount {
  return (app) => {
    app.use('/_astro/*', serveStatic({
      root: clientDir,
      onFound: (_path, c) => { c.header('Cache-Control', 'public, max-age=31536000, immutable'); },
    }));
    app.get('/:file{[^/]+\\.(?:ico|png|svg|txt|webmanifest|xml)}', serveStatic({ root: clientDir }));
    app.all('*', astroPages((req, res, locals) => handler(req, res, undefined, locals)));
  };
}
