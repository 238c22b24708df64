import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import preact from '@astrojs/preact';
import { devApi } from './api/dev-integration.mjs';

const port = Number(process.env.PORT || 4321);
const publicUrl = new URL(process.env.PUBLIC_URL || `http://localhost:${port}`); // as api/config.ts

// Astro renders the pages; the Hono app in api/ owns the server (see README "Architecture").
export default defineConfig({
  srcDir: './site',
  publicDir: './public',
  output: 'server',
  adapter: node({ mode: 'middleware' }),
  integrations: [preact(), devApi()],
  security: {
    checkOrigin: false, // the Hono app checks Origin for every form post, API and pages alike
    allowedDomains: [{ hostname: publicUrl.hostname }, { hostname: 'localhost' }, { hostname: '127.0.0.1' }],
  },
  server: { port },
  build: { inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // Hashes of every inline script and style Astro emits (islands included), sent as a header on SSR pages;
  // api/page-headers.ts adds the other directives (frame-ancestors, map tiles) and the report-only switch.
  experimental: { csp: { algorithm: 'SHA-256' } },
});
