import { getRequestListener } from '@hono/node-server';
import { loadConfig } from './config.ts';
import { createServices, type Services } from './services.ts';
import { createApp } from './app.ts';
import { seedOnStart } from '../db/seed/index.ts';

export { splitLang } from '../site/i18n/index.ts';

// Used only by api/dev-integration.mjs under `astro dev`.
export async function startServices() {
  const services = createServices(loadConfig());
  await seedOnStart(services, { demo: services.config.DEMO, now: new Date(), log: console.log });
  return services;
}

export const listener = (services: Services) => getRequestListener(createApp(services).fetch);
