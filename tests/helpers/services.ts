import { mkdtempSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../api/config.ts';
import { createServices } from '../../api/services.ts';
import { createApp } from '../../api/app.ts';
import { seedCatalog } from '../../db/seed/catalog.ts';

export const FIXED_NOW = new Date('2026-11-25T02:00:00Z'); // 10:00 in Asia/Shanghai, a Wednesday

/** A fresh data folder with a real SQLite file, the default catalog, and a fixed clock. */
export function testServices(env: Record<string, string> = {}, clock = () => FIXED_NOW) {
  const root = join(process.cwd(), 'tests/.tmp');
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(join(root, 'data-'));
  const config = loadConfig({ DATA_DIR: dir, DEMO: '0', RATE_LIMITS: 'off', SECRET: 'test-secret-that-is-long-enough-000000', ...env });
  const services = createServices(config, { clock });
  seedCatalog(services.db);
  return services;
}

export function testApp(env: Record<string, string> = {}, clock?: () => Date) {
  const services = testServices(env, clock);
  return { services, app: createApp(services) };
}
