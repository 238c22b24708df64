import { Hono } from 'hono';
import type { AppEnv } from '../app.ts';

/** /api/staff: sign-in, accounts, admin (units, categories, staff), audit log. */
export const staffRoutes = new Hono<AppEnv>();
