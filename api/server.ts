import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig } from './config.ts';
import { createServices } from './services.ts';
import { createApp } from './app.ts';
import { astroSite } from './site.ts';
import { seedOnStart } from './demo/index.ts';

// Process entry: config → database (+ first-start seed) → app → listen; graceful shutdown.
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const services = createServices(config);
  await seedOnStart(services, { demo: config.DEMO, now: new Date(), log: (m) => console.log(m) });

  const distDir = resolve(process.env.CITYLOOP_DIST ?? 'dist');
  const entry = resolve(distDir, 'server/entry.mjs');
  if (!existsSync(entry)) {
    console.error(`No site build at ${entry}: run "npm run build" first.`);
    process.exit(1);
  }
  const { handler } = await import(pathToFileURL(entry).href);
  const app = createApp(services, astroSite(handler, resolve(distDir, 'client')));

  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    console.log(`CityLoop listening on http://${info.address}:${info.port} (public URL ${config.PUBLIC_URL})`);
  });
  const shutdown = () => {
    server.close(() => {
      services.close();
      process.exit(0);
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main();
