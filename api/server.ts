import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig } from './config.ts';
import { createServices, prepareDataDir } from './services.ts';
import { createApp } from './app.ts';
import { astroSite } from './site.ts';
import { seedOnStart } from './demo/index.ts';
import { hitPathServer } from './cache/hit-path.ts';
import { secureHeaderDefaults } from './shared/secure-headers.ts';

const SHUTDOWN_GRACE_MS = Number(process.env.SHUTDOWN_GRACE_MS ?? 10_000);

// Process entry: config → data folder → database (+ first-start seed) → app → listen; graceful shutdown.
async function main() {
  let config;
  try {
    config = loadConfig();
    prepareDataDir(config);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const services = createServices(config);
  const { log } = services;
  await seedOnStart(services, { demo: config.DEMO, now: new Date(), log: (m) => console.log(m) });
  const retention = services.retention.schedule();

  const distDir = resolve(process.env.CITYLOOP_DIST ?? 'dist');
  const entry = resolve(distDir, 'server/entry.mjs');
  if (!existsSync(entry)) {
    console.error(`No site build at ${entry}: run "npm run build" first.`);
    process.exit(1);
  }
  const { handler } = await import(pathToFileURL(entry).href);
  const app = createApp(services, astroSite(handler, resolve(distDir, 'client')));

  // Public cache hits are answered before Hono (api/cache/hit-path.ts); everything else goes to the app.
  const createServer = hitPathServer(services.responseCache, await secureHeaderDefaults(), log);
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST, createServer }, (info) => {
    console.log(`CityLoop listening on http://${info.address}:${info.port} (public URL ${config.PUBLIC_URL})`);
  });
  // SIGTERM: stop accepting, let in-flight requests finish (idle keep-alive connections are closed), then close the
  // database (its WAL checkpointed) and exit. A request still running after the grace period is cut off.
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    retention.stop();
    const finish = (code: number) => {
      try { services.close(); } catch (err) { log.error({ err }, 'closing the database'); }
      log.info({ code }, 'stopped');
      process.exit(code);
    };
    server.close(() => finish(0));
    (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
    setTimeout(() => finish(1), SHUTDOWN_GRACE_MS).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main();
