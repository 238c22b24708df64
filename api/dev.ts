import { getRequestListener } from '@hono/node-server';
import { loadConfig } from './config.ts';
import { createServices, type Services } from './services.ts';
import { createApp } from './app.ts';
import { seedOnStart } from './demo/index.ts';
import { SESSION_COOKIE } from './staff/sessions.ts';

export { splitLang } from './i18n/lang.ts';

// Used only by api/dev-integration.mjs under `astro dev`.
export async function startServices() {
  const services = createServices(loadConfig());
  await seedOnStart(services, { demo: services.config.DEMO, now: new Date(), log: console.log });
  return services;
}

export const listener = (services: Services) => getRequestListener(createApp(services).fetch);

/** The staff session of a raw dev-server request (the built server gets it from the Hono middleware). */
export function staffSession(services: Services, req: { headers: Record<string, string | string[] | undefined> }) {
  const cookie = String(req.headers.cookie ?? '');
  const token = cookie.split(/;\s*/).find((c) => c.startsWith(`${SESSION_COOKIE}=`))?.slice(SESSION_COOKIE.length + 1);
  return services.sessions.find(token) ?? null;
}
