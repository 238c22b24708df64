import { Hono } from 'hono';
import type { AppEnv } from '../app.ts';

/** /api/staff/cases: the case workflow for staff (queue, lists, actions). */
export const caseRoutes = new Hono<AppEnv>();
