// `npm run dev`: Astro's dev server, with every request going through the same Hono app as `npm start`
// (api/dev.ts); pages and Vite's own files are handed on to Astro. API edits reload without a restart.

/**
 * The dev server's one middleware. `load` gives api/dev.ts; when Vite re-evaluates it (an api/ file changed),
 * the services are rebuilt from the new modules and the old database connection closed.
 */
export function devMiddleware(load) {
  let state; // { mod, ready: Promise<{ services, handle }> }
  return async (req, res, next) => {
    try {
      const mod = await load();
      if (state?.mod !== mod) {
        const old = state;
        state = {
          mod,
          ready: (async () => {
            await old?.ready.then((s) => s.services.close(), () => {});
            const services = await mod.startServices();
            return { services, handle: mod.devHandler(services) };
          })(),
        };
      }
      const { handle } = await state.ready;
      await handle(req, res, next);
    } catch (e) {
      next(e);
    }
  };
}

export function devApi() {
  return {
    name: 'cityloop-dev-api',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(devMiddleware(() => server.ssrLoadModule('/api/dev.ts')));
      },
    },
  };
}
