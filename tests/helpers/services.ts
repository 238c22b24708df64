import { copyFileSync, existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { loadConfig } from '../../api/config.ts';
import { createServices, type Services } from '../../api/services.ts';
import { hashPassword, useTestPasswordCost } from '../../api/staff/passwords.ts';
import { SESSION_COOKIE, type StaffUser } from '../../api/staff/sessions.ts';
import { staff } from '../../db/schema.ts';
import { createApp } from '../../api/app.ts';
import { seedCatalog } from '../../db/catalog.ts';
import { migrationsFolder, openDb } from '../../db/client.ts';
import type { DestinationStream } from 'pino';

/** Log lines a test can read (pass as testServices' logTo with LOG_LEVEL set). */
export function logLines() {
  const lines: string[] = [];
  return { lines, stream: { write: (s: string) => { lines.push(s); } } as DestinationStream };
}

export const FIXED_NOW = new Date('2026-11-25T02:00:00Z'); // 10:00 in Asia/Shanghai, a Wednesday

// Tests hash staff passwords with argon2id at its smallest cost (tests/unit/password-policy.test.ts checks the production one).
useTestPasswordCost();

/**
 * A migrated database with the default catalog, built once per version of db/ (migrations, catalog, rollups) and copied for each test
 * (a real SQLite file every time; migrating ~10 files per test was a large share of the API tests' time).
 */
function templateDb(root: string): string {
  const key = createHash('sha256');
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
  for (const f of files(join(migrationsFolder, '..'))) key.update(f).update(readFileSync(f)); // db/: migrations, catalog, rollups
  const file = join(root, `template-${key.digest('hex').slice(0, 16)}.sqlite`);
  if (existsSync(file)) return file;
  const building = `${file}.${process.pid}`;
  const db = openDb(building);
  seedCatalog(db);
  db.$client.close(); // the last connection checkpoints and removes the -wal file: one file to copy, still in WAL mode
  renameSync(building, file); // atomic: a parallel test process sees no file or a whole one
  return file;
}

/** A fresh data folder with a real SQLite file, the default catalog, and a fixed clock. */
export function testServices(env: Record<string, string> = {}, clock = () => FIXED_NOW, logTo?: DestinationStream) {
  const root = join(process.cwd(), 'tests/.tmp');
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(join(root, 'data-'));
  const config = loadConfig({ DATA_DIR: dir, DEMO: '0', RATE_LIMITS: 'off', SECRET: 'test-secret-that-is-long-enough-000000', LOG_LEVEL: 'silent', ...env });
  if (config.dbFile.startsWith(`${dir}/`)) copyFileSync(templateDb(root), config.dbFile);
  const services = createServices(config, { clock, logTo });
  seedCatalog(services.db); // a no-op on the template's copy; kept for a DATA_DIR the env points elsewhere
  return services;
}

export function testApp(env: Record<string, string> = {}, clock?: () => Date) {
  const services = testServices(env, clock);
  return { services, app: createApp(services) };
}

/** A staff member with a live session: the cookie and CSRF header to send with API requests. */
export async function signedIn(services: Services, role: StaffUser['role'], unitId: string | null = null, username = `${role}-${unitId ?? 'all'}`) {
  const now = services.clock();
  const row = services.db.insert(staff).values({
    username, displayName: username, passwordHash: await hashPassword('correct horse battery'), role, unitId, createdAt: now, passwordChangedAt: now,
  }).returning({ id: staff.id }).get();
  const { token, csrfToken } = services.sessions.create(row.id);
  return { staffId: row.id, headers: { cookie: `${SESSION_COOKIE}=${token}`, 'x-csrf-token': csrfToken, origin: 'http://localhost' } };
}
