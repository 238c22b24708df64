import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { loadConfig } from './config.ts';
import { createServices, type Services } from './services.ts';
import { createApp } from './app.ts';
import { astroPages } from './site.ts';
import type { SiteMount } from './env.ts';
import { seedOnStart } from './demo/index.ts';

// `npm run dev` (api/dev-integration.mjs): the built server's app, with Astro's dev server as its site.

type Next = (err?: unknown) => void;
const VITE_NEXT = Symbol('cityloop.viteNext');
const ASTRO_LOCALS = Symbol.for('astro.locals'); // where Astro's dev server reads a request's locals

export async function startServices(): Promise<Services> {
  const services = createServices(loadConfig());
  await seedOnStart(services, { demo: services.config.DEMO, now: new Date(), log: console.log });
  return services;
}

/** Pages go on down the dev server's middleware stack, where Astro renders them (Vite serves its own files too). */
const viteSite: SiteMount = (app) => {
  app.all('*', astroPages((req, _res, locals) => {
    Reflect.set(req, ASTRO_LOCALS, locals);
    (Reflect.get(req, VITE_NEXT) as Next)();
  }));
};

/** A connect middleware running every request through createApp, as the built server does (api/server.ts). */
export function devHandler(services: Services) {
  const listener = getRequestListener(createApp(services, viteSite).fetch);
  return (req: IncomingMessage, res: ServerResponse, next: Next) => {
    Reflect.set(req, VITE_NEXT, next);
    return listener(req, res);
  };
}
