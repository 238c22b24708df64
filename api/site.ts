import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Context } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { HttpBindings } from '@hono/node-server';
import type { AppEnv, PageLocals, SiteMount } from './env.ts';
import { PageCapture } from './page-capture.ts';
import { withCharset } from './cache/bodies.ts';
import { ROOT_FILE } from './cache/rules.ts';
import type { Config } from './config.ts';
import { splitLang } from './i18n/lang.ts';
import { PAGE_HEADERS, contentSecurityPolicy, isPrivatePage } from './page-headers.ts';

export { PAGE_HEADERS };

type AstroHandler = (req: IncomingMessage, res: ServerResponse, next: undefined, locals: object) => Promise<void>;
/** Renders the page `req` asks for with these locals, writing straight to `res`. */
export type PageRenderer = (req: IncomingMessage, res: ServerResponse, locals: PageLocals) => Promise<void> | void;

/** Completes the CSP Astro puts on a page (or gives one to a page without it). */
function withPolicy(headers: OutgoingHttpHeaders, config: Config): OutgoingHttpHeaders {
  const out = { ...headers };
  const key = Object.keys(out).find((k) => k.toLowerCase() === 'content-security-policy');
  const astroPart = key ? String(out[key]) : undefined;
  if (key) delete out[key];
  const name = config.CSP_REPORT_ONLY ? 'Content-Security-Policy-Report-Only' : 'Content-Security-Policy';
  out[name] = contentSecurityPolicy(astroPart, config);
  return out;
}

/** `npm run dev`: Vite writes the page itself; its text still says charset=utf-8, as the built server's does. */
function charsetOnWrite(outgoing: ServerResponse) {
  const setHeader = outgoing.setHeader.bind(outgoing);
  outgoing.setHeader = ((name: string, value: number | string | readonly string[]) =>
    setHeader(name, name.toLowerCase() === 'content-type' && typeof value === 'string' ? withCharset(value) : value)) as typeof outgoing.setHeader;
  const writeHead = outgoing.writeHead.bind(outgoing) as (status: number, ...rest: unknown[]) => ServerResponse;
  outgoing.writeHead = ((status: number, ...rest: unknown[]) => {
    const headers = rest.find((x) => typeof x === 'object' && x !== null && !Array.isArray(x)) as OutgoingHttpHeaders | undefined;
    for (const k of Object.keys(headers ?? {})) if (k.toLowerCase() === 'content-type' && typeof headers![k] === 'string') headers![k] = withCharset(headers![k] as string);
    const current = outgoing.getHeader('content-type');
    if (typeof current === 'string') setHeader('content-type', withCharset(current));
    return writeHead(status, ...rest);
  }) as typeof outgoing.writeHead;
}

/**
 * Every path the app's routes did not take goes to an Astro page: the one place that splits the language off
 * the path (/en/x is served as x), sets the page headers and builds the page's locals, for the built server and
 * `npm run dev` alike. The built site renders into a PageCapture and answers a Response (which the response cache
 * keeps and compresses); `npm run dev` lets Vite's stack write to the socket.
 */
export function astroPages(render: PageRenderer, opts: { policy?: boolean; capture?: boolean } = {}) {
  return async (c: Context<AppEnv>) => {
    // Pages are read and posted to, nothing else (OPTIONS, PUT… would render a page as if it were a GET).
    if (!['GET', 'HEAD', 'POST'].includes(c.req.method)) {
      return c.body(null, 405, { Allow: 'GET, HEAD, POST', ...PAGE_HEADERS });
    }
    const { incoming, outgoing } = c.env as unknown as HttpBindings;
    const url = new URL(incoming.url ?? '/', 'http://x');
    const [lang, path] = splitLang(url.pathname);
    incoming.url = path + url.search; // one page file serves both languages
    const target = opts.capture ? new PageCapture(incoming) : outgoing;
    for (const [k, v] of Object.entries(PAGE_HEADERS)) target.setHeader(k, v);
    if (isPrivatePage(path)) target.setHeader('Cache-Control', 'no-store');
    const locals: PageLocals = {
      services: c.var.services, lang, rateLimited: c.var.rateLimited ?? false, staffSession: c.var.staffSession ?? null,
    };
    if (target instanceof PageCapture) {
      await render(incoming, target.asServerResponse(), locals);
      // The built site only: Astro's CSP (and so its hashes) does not run in `npm run dev`.
      return target.toResponse((h) => (opts.policy ? withPolicy(h, c.var.services.config) : h));
    }
    charsetOnWrite(outgoing);
    await render(incoming, outgoing, locals);
    return RESPONSE_ALREADY_SENT;
  };
}

/** The built site: static files of the build, then Astro's SSR handler. */
export function astroSite(handler: AstroHandler, clientDir: string): SiteMount {
  return (app) => {
    // Built assets are precompressed at build time (.br, .gz beside each file: api/ops/precompress.ts).
    app.use('/_astro/*', serveStatic({
      root: clientDir,
      precompressed: true,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
        c.header('Vary', 'Accept-Encoding');
      },
    }));
    const rootFiles = serveStatic({ root: clientDir, precompressed: true, onFound: (_path, c) => { c.header('Vary', 'Accept-Encoding'); } });
    app.get('*', (c, next) => (ROOT_FILE.test(c.req.path) ? rootFiles(c, next) : next()));
    app.all('*', astroPages((req, res, locals) => handler(req, res, undefined, locals), { policy: true, capture: true }));
  };
}
