/** Security headers of the pages Astro writes straight to the socket (Hono's secureHeaders cannot see them). */
import type { Config } from './config.ts';
import { isStaffPath } from './staff/middleware.ts';

export const PAGE_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(self), geolocation=(self), microphone=()',
  'Strict-Transport-Security': 'max-age=15552000; includeSubDomains',
};

/** Origins of the map's tile templates (`https://t{s}.tianditu.gov.cn/…` → `https://*.tianditu.gov.cn`). */
export function tileOrigins(templates: string[]): string[] {
  const out = new Set<string>();
  for (const t of templates) {
    const m = /^(https?:\/\/)([^/?#]+)/.exec(t);
    if (!m) continue;
    const host = m[2].includes('{') ? `*.${m[2].split('.').slice(1).join('.')}` : m[2];
    out.add(m[1] + host);
  }
  return [...out];
}

/**
 * The whole policy: ours (sources, frame-ancestors — which only a header can carry) before Astro's
 * script-src/style-src with the build's hashes. Without Astro's part (a plain error page) scripts are 'self' only.
 */
export function contentSecurityPolicy(astroPart: string | undefined, config: Pick<Config, 'MAP_TILE_URL' | 'MAP_LABEL_URL'>): string {
  const tiles = tileOrigins([config.MAP_TILE_URL, config.MAP_LABEL_URL]).join(' ');
  const ours = [
    "default-src 'self'", `img-src 'self' data: blob:${tiles ? ` ${tiles}` : ''}`, "connect-src 'self'", "font-src 'self'",
    "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
  ].join('; ');
  return `${ours}; ${(astroPart ?? "script-src 'self'; style-src 'self';").trim()}`;
}

/** Staff pages carry reporters' contacts, the follow page a resident's case: never kept by a cache. */
export const isPrivatePage = (path: string) => isStaffPath(path) || /^\/track(?:\/|$)/.test(path);
