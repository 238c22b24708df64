import { eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from './config.ts';
import { openDb, type Db } from '../db/client.ts';
import { settings } from '../db/schema.ts';
import type { Config } from './config.ts';
import { createCatalog } from './reports/categories.ts';
import { createReportsService } from './reports/service.ts';
import { createSummary } from './opendata/summary.ts';
import { createPublicCases } from './opendata/public-cases.ts';
import { createMap } from './opendata/map.ts';
import { createMapIndex } from './opendata/map-index.ts';
import { createStats } from './opendata/stats-service.ts';
import { createQuarterly } from './opendata/quarterly.ts';
import { createSessions } from './staff/sessions.ts';
import { createAudit } from './staff/audit.ts';
import { createStaffService } from './staff/service.ts';
import { createCases } from './cases/index.ts';
import { createLog } from './shared/log.ts';
import { createRetention, reporterContacts } from './privacy/retention.ts';
import type { DestinationStream } from 'pino';
import { createDrives } from './drives/service.ts';
import { volunteerContacts } from './drives/retention.ts';
import { createGazetteer } from './gazetteer/service.ts';
import { createDesk } from './desk/index.ts';
import { createResponseCache } from './cache/middleware.ts';

/** A secret for signed links and hashes: from SECRET, else generated once and kept in the database. */
function loadSecret(db: Db, configured?: string): string {
  if (configured) return configured;
  const row = db.select().from(settings).where(eq(settings.key, 'secret')).get();
  if (row) return row.value;
  const value = randomBytes(32).toString('base64url');
  db.insert(settings).values({ key: 'secret', value }).onConflictDoNothing().run();
  return db.select().from(settings).where(eq(settings.key, 'secret')).get()!.value;
}

/** DATA_DIR and its uploads/ exist and can be written, or a ConfigError naming the variable (not a stack trace). */
export function prepareDataDir(config: Config) {
  try {
    mkdirSync(config.uploadsDir, { recursive: true });
    const probe = join(config.DATA_DIR, `.write-test-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new ConfigError(`Invalid configuration:\n  DATA_DIR: ${config.DATA_DIR} must be a folder this process can write (${err.code ?? err.message})`);
  }
}

/** Everything a request handler or a page needs, created once per process (pages get it via locals). */
export function createServices(config: Config, opts: { clock?: () => Date; logTo?: DestinationStream } = {}) {
  const log = createLog(config.LOG_LEVEL, opts.logTo);
  const db = openDb(config.dbFile);
  const clock = opts.clock ?? (() => new Date());
  const secret = loadSecret(db, config.SECRET);
  const catalog = createCatalog(db);
  const photoLimits = { maxPhotos: config.MAX_PHOTOS, maxBytes: config.MAX_PHOTO_MB * 1048576, maxPixels: config.MAX_PHOTO_PIXELS };
  const audit = createAudit(db, clock);
  const gazetteer = createGazetteer({ db, audit, clock, bounds: config.CITY_BOUNDS });
  const reports = createReportsService({
    db, catalog, gazetteer, log, clock, secret, uploadsDir: config.uploadsDir, cityPrefix: config.CITY_PREFIX, bounds: config.CITY_BOUNDS, photoLimits,
  });
  const summary = createSummary(db, clock);
  const mapIndex = createMapIndex(db); // the public cases in memory: the map's clusters and the list's totals
  const publicCases = createPublicCases(db, secret, clock, mapIndex);
  const map = createMap(db, clock, mapIndex);
  const sessions = createSessions(db, clock);
  const cases = createCases({ db, clock, config, secret, catalog, audit, reports });
  const staff = createStaffService({ db, clock, config, sessions, audit });
  const stats = createStats(db, clock);
  const quarterly = createQuarterly({ db, clock, audit, publicCases, uploadsDir: config.uploadsDir });
  const desk = createDesk({ db, clock, audit, cases });
  const drives = createDrives({
    db, clock, secret, publicUrl: config.PUBLIC_URL, audit, calendar: cases.calendar, caseActions: cases.actions, uploadsDir: config.uploadsDir, photoLimits,
  });
  // Retention tasks: reporters' contacts RETENTION_DAYS after their case finished; volunteers' VOLUNTEER_RETENTION_DAYS after their last drive.
  const retention = createRetention({ db, clock, log, days: config.RETENTION_DAYS }, [reporterContacts, volunteerContacts(config.VOLUNTEER_RETENTION_DAYS)]);
  const responseCache = createResponseCache(db, {
    enabled: config.RESPONSE_CACHE, maxBytes: config.RESPONSE_CACHE_MB * 1048576, maxAgeMs: config.RESPONSE_CACHE_MAX_AGE_S * 1000,
  });
  return {
    responseCache, config, db, log, clock, secret, catalog, gazetteer, reports, summary, publicCases, map, sessions, audit, cases, desk, staff, stats, quarterly, drives, retention,
    close: () => db.$client.close(),
  };
}

export type Services = ReturnType<typeof createServices>;
