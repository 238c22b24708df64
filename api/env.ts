import type { Hono } from 'hono';
import type { Services } from './services.ts';
import type { StaffSession } from './staff/sessions.ts';
import type { Lang } from './i18n/lang.ts';

/** The Hono context every router shares; its own module so routers never import app.ts, which mounts them. */
export type AppEnv = { Variables: { services: Services; rateLimited?: boolean; staffSession?: StaffSession; requestId?: string } };

/** Mounted last: static files of the build and Astro's SSR pages. */
export type SiteMount = (app: Hono<AppEnv>) => void;

/** What every page gets as `Astro.locals` (built in one place: api/site.ts `astroPages`). */
export type PageLocals = { services: Services; lang: Lang; rateLimited: boolean; staffSession: StaffSession | null };
