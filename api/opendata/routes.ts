import { Hono } from 'hono';
import type { AppEnv } from '../app.ts';

/** Open data: /open311/v2/*, /feeds/*, /data/* (GeoJSON, CSV), /api/openapi.json. */
export const opendataRoutes = new Hono<AppEnv>();
