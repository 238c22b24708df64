import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** gzip KB of what a page loads from the build: its islands' JS with every static and lazy import (Leaflet
 * included), and its stylesheets. Reads dist/client, so it needs `npm run build`. */
export function pageWeight(html: string, dir = 'dist/client') {
  const seen = new Set<string>();
  const walk = (url: string) => {
    if (seen.has(url)) return;
    seen.add(url);
    const code = readFileSync(join(dir, url), 'utf8');
    const base = url.slice(0, url.lastIndexOf('/') + 1);
    for (const m of code.matchAll(/from\s*"(\.\/[^"]+\.js)"|import\("(\.\/[^"]+\.js)"\)/g)) walk(base + (m[1] ?? m[2]).slice(2));
  };
  [...html.matchAll(/(?:component-url|renderer-url|src)="(\/_astro\/[^"]+\.js)"/g)].forEach((m) => walk(m[1]));
  const css = [...html.matchAll(/href="(\/_astro\/[^"]+\.css)"/g)].map((m) => m[1]);
  const kb = (files: string[]) => +(files.reduce((n, f) => n + gzipSync(readFileSync(join(dir, f))).length, 0) / 1024).toFixed(1);
  return { jsKB: kb([...seen]), cssKB: kb(css), htmlKB: +(gzipSync(html).length / 1024).toFixed(1), map: [...seen].some((f) => /leaflet/i.test(f)) };
}
