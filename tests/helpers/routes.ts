/**
 * Every route the portal serves, found rather than listed: Hono's own table (app.routes) and the page files under
 * site/pages. A feature merged later (drives, volunteers…) is picked up by the fuzz test and the authorization matrix
 * without editing them.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

export type Route = { method: string; path: string; kind: 'api' | 'page' };

const CONCRETE = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** Hono routes with a real method and no trailing wildcard (middleware and catch-alls are left out). */
export function honoRoutes(app: { routes: { method: string; path: string }[] }): Route[] {
  const seen = new Set<string>();
  const out: Route[] = [];
  for (const r of app.routes) {
    if (!CONCRETE.has(r.method) || r.path.endsWith('*')) continue;
    const key = `${r.method} ${r.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ method: r.method, path: r.path, kind: 'api' });
  }
  return out;
}

/** Page files as paths ('/reports/[no]' → '/reports/:no'); folders and files starting with _ are parts, not pages. */
export function astroPages(dir = join(process.cwd(), 'site/pages')): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('_')) continue;
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(astro|ts)$/.test(e.name)) {
        const route = '/' + relative(dir, full).replace(/\.(astro|ts)$/, '').replace(/(^|\/)index$/, '').replace(/\[(?:\.\.\.)?(\w+)\]/g, ':$1');
        if (!/^\/(404|500)$/.test(route)) out.push(route === '/' ? '/' : route.replace(/\/$/, ''));
      }
    }
  };
  walk(dir);
  return out.sort();
}

/** A route's path with its parameters filled in (':no' → values.no ?? fallback). */
export const fill = (path: string, values: Record<string, string>, fallback = 'x') =>
  path.replace(/:(\w+)(\{[^}]*\})?/g, (_m, name: string) => values[name] ?? fallback);
