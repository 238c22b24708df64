import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Context } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { HttpBindings } from '@hono/node-server';
import type { AppEnv, PageLocals, SiteMount } from './env.ts';
import type { Config } from './config.ts';
import { splitLang } from './i18n/lang.ts';
import { PAGE_HEADERS, contentSecurityPolicy, isPrivatePage } from './page-headers.ts';

export { PAGE_HEADERS };

type AstroHandler = (req: IncomingMessage, res: ServerResponse, next: undefined, locals: object) => Promise<void>;
/** Renders the page `req` asks for with these locals, writing straight to `res`. */
export type PageRenderer = (req: IncomingMessage, res: ServerResponse, locals: PageLocals) => Promise<void> | void;

/** Completes the CSP Astro puts on a page (or gives one to a page without it) just before the headers go out. */
function withPolicy(outgoing: ServerResponse, config: Config) {
  const writeHead = outgoing.writeHead.bind(outgoing) as (status: number, headers?: OutgoingHttpHeaders) => ServerResponse;
  outgoing.writeHead = ((status: number, ...rest: unknown[]) => {
    const headers = { ...((rest.find((x) => typeof x === 'object' && x !== null) ?? {}) as OutgoingHttpHeaders) };
    const key = Object.keys(headers).find((k) => k.toLowerCase() === 'content-security-policy');
    const astroPart = key ? String(headers[key]) : undefined;
    if (key) delete headers[key];
    const name = config.CSP_REPORT_ONLY ? 'Content-Security-Policy-Report-Only' : 'Content-Security-Policy';
    headers[name] = contentSecurityPolicy(astroPart, config);
    return writeHead(status, headers);
  }) as typeof outgoing.writeHead;
}

/**
 * Every path the app's routes did not take goes to an Astro page: the one place that splits the language off
 * the path (/en/x is served as x), sets the page headers and builds the page's locals, for the built server and
 * `npm run dev` alike.
 */
export function astroPages(render: PageRenderer, opts: { policy?: boolean } = {}) {
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
    if (isPrivatePage(path)) outgoing.setHeader('Cache-Control', 'no-store');
    // The built site only: Astro's CSP (and so its hashes) does not run in `npm run dev`.
    if (opts.policy) withPolicy(outgoing, c.var.services.config);
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
    app.all('*', astroPages((req, res, locals) => handler(req, res, undefined, locals), { policy: true }));
  };
}
