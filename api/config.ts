import { z } from 'zod';

// Every setting the portal reads from the environment, validated once at start-up.
const flag = (fallback: boolean) =>
  z.enum(['0', '1', 'true', 'false', 'on', 'off']).optional()
    .transform((v) => (v === undefined ? fallback : ['1', 'true', 'on'].includes(v)));

const bounds = z.string().regex(/^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$/, 'south,west,north,east')
  .transform((s) => {
    const [south, west, north, east] = s.split(',').map(Number);
    return { south, west, north, east };
  })
  .refine((b) => b.south < b.north && b.west < b.east, 'south < north and west < east');

/** 'N/Mm': N per M minutes. */
const rate = (fallback: string) => z.string().regex(/^\d+\/\d+m$/, `N/Mm, e.g. ${fallback}`).default(fallback)
  .transform((s) => { const [n, m] = s.slice(0, -1).split('/').map(Number); return { limit: n, windowMs: m * 60_000 }; });

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(4321),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(), // default http://localhost:<PORT>, see loadConfig
  DEMO: flag(true),
  CITY_PREFIX: z.string().regex(/^[A-Z]{2,4}$/, '2–4 capital letters').default('YJ'),
  CITY_CENTER: z.string().regex(/^-?[\d.]+,-?[\d.]+$/, 'lat,lng').default('21.8585,111.9822')
    .transform((s) => s.split(',').map(Number) as [number, number]),
  CITY_BOUNDS: bounds.prefault('21.45,111.30,22.70,112.40'), // prefault: the default goes through the transform
  MAP_TILE_URL: z.string().default('https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={tk}'),
  MAP_LABEL_URL: z.string().default('https://t{s}.tianditu.gov.cn/cva_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=cva&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={tk}'),
  MAP_TILE_KEY: z.string().default(''),
  MAP_ATTRIBUTION: z.string().default('天地图'),
  MAX_PHOTOS: z.coerce.number().int().min(0).max(20).default(6),
  MAX_PHOTO_MB: z.coerce.number().min(1).max(50).default(10),
  MAX_PHOTO_PIXELS: z.coerce.number().int().min(1_000_000).default(50_000_000),
  RATE_LIMITS: flag(true),
  RATE_LIMIT_REPORTS: rate('10/60m'),
  RATE_LIMIT_TRACK: rate('20/10m'), // failed follow-code lookups and ratings per client
  RATE_LIMIT_SIGNUPS: rate('20/60m'), // drive signups (API and form) per client: a family or a small team fits, a script does not
  TRUST_PROXY: flag(false),
  SECRET: z.string().min(32).optional(),
  OPEN311_API_KEY: z.string().min(8, 'at least 8 characters').optional(), // when set, Open311 POST requests must carry it
  DEMO_PASSWORD: z.string().min(10, 'at least 10 characters').optional(), // the demo staff's password; random if unset
  REQUIRE_2FA: flag(false), // admins must enable TOTP before using the console
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180), // reporters' contacts kept after a case finishes
  VOLUNTEER_RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(1095), // volunteers' phones kept after their last drive (for lookups and new certificates)
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  // What a Chinese government site shows in its footer (empty: the line is left out).
  BUREAU_ADDRESS: z.string().max(200).default(''),
  BUREAU_PHONE: z.string().max(50).default(''),
  SITE_ID: z.string().regex(/^$|^\d{10}$/, '网站标识码: 10 digits').default(''),
  ICP_NO: z.string().max(60).default(''), // e.g. 粤ICP备12345678号
  PSB_NO: z.string().max(60).default(''), // e.g. 粤公网安备 44170202000123号
  CSP_REPORT_ONLY: flag(false),
  // The rendered-response cache of public pages, feeds and open data (api/cache): off renders every request (benchmarks).
  RESPONSE_CACHE: flag(true),
  RESPONSE_CACHE_MB: z.coerce.number().min(1).max(1024).default(32), // bodies and their compressed variants, LRU
  RESPONSE_CACHE_MAX_AGE_S: z.coerce.number().int().min(1).max(86400).default(60), // clock-dependent text (超期 N 天, this week) is at most this old // send the pages' Content-Security-Policy as …-Report-Only (trying a change)
});

export type Config = Omit<z.infer<typeof configSchema>, 'PUBLIC_URL'> & { PUBLIC_URL: string; uploadsDir: string; dbFile: string };

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked = Object.fromEntries(
    Object.keys(configSchema.shape).map((k) => [k, env[k] === '' && k !== 'MAP_TILE_KEY' ? undefined : env[k]]),
  );
  const parsed = configSchema.safeParse(picked);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const PUBLIC_URL = c.PUBLIC_URL ?? `http://localhost:${c.PORT}`; // the port it listens on, so links work out of the box
  return { ...c, PUBLIC_URL, uploadsDir: `${c.DATA_DIR}/uploads`, dbFile: `${c.DATA_DIR}/cityloop.sqlite` };
}
