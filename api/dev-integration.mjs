// `npm run dev`: Astro's dev server with the Hono API mounted in it, so API edits reload without a restart.
const API_PATHS = /^\/(api|uploads|healthz)(\/|$)/;

export function devApi() {
  return {
    name: 'cityloop-dev-api',
    hooks: {
      'astro:server:setup': ({ server }) => {
        let services;
        server.middlewares.use(async (req, res, next) => {
          try {
            const dev = await server.ssrLoadModule('/api/dev.ts'); // re-evaluated when api/ changes
            services ??= await dev.startServices();
            const url = new URL(req.url ?? '/', 'http://x');
            if (API_PATHS.test(url.pathname)) return dev.listener(services)(req, res);
            const [lang, path] = dev.splitLang(url.pathname);
            req.url = path + url.search;
            req[Symbol.for('astro.locals')] = { services, lang, rateLimited: false, staffSession: dev.staffSession(services, req) };
            next();
          } catch (e) {
            next(e);
          }
        });
      },
    },
  };
}
