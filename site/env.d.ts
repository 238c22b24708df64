/// <reference types="astro/client" />
declare namespace App {
  // Built by the Hono app for every page (api/site.ts), in the built server and in `npm run dev`.
  interface Locals extends CityLoopPageLocals {}
}
type CityLoopPageLocals = import('../api/env.ts').PageLocals;
