/**
 * The demo city: ~300 realistic, deterministic reports around central Yangjiang with their full
 * case logs, photos, "me too" clicks and tracking numbers. See plan.ts for what is generated.
 */
import { inArray, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { demoCalendar } from '../cases/calendar-data.ts';
import { sha256, trackingNumber } from '../shared/ids.ts';
import { shanghaiDate } from '../shared/time.ts';
import type { Services } from '../services.ts';
import { caseLog, casePhotos, cases, caseSupports, trackingSeq } from '../../db/schema.ts';
import { buildPool, photoDealer } from './images.ts';
import { planDemo, poolSize, type PlannedCase } from './plan.ts';
import { seedDemoChannels } from './channels.ts';

export type SeedDemoOptions = { now: Date; count?: number; seed?: number; log?: (msg: string) => void };
export type SeedDemoResult = {
  cases: number; photos: number; images: number; ms: number; sample: { trackingNo: string; code: string } | null;
};

export const DEMO_SEED = 0x4a59_2026; // "YJ" 2026
const BATCH = 50;
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'; // as api/shared/ids.ts

/**
 * A demo case's follow code, derived from its tracking number so tests and the README can name one.
 * Demo codes are public by design: never use this for real reports (they get newFollowCode()).
 */
export function demoFollowCode(trackingNo: string): string {
  const bytes = createHash('sha256').update(`cityloop-demo:${trackingNo}`).digest();
  return Array.from({ length: 8 }, (_, i) => CODE_ALPHABET[bytes[i]! % CODE_ALPHABET.length]).join('');
}

export async function seedDemo(services: Services, opts: SeedDemoOptions): Promise<SeedDemoResult> {
  const started = performance.now();
  const { db, config, catalog } = services;
  const log = opts.log ?? (() => {});
  const count = opts.count ?? 420;
  const seed = opts.seed ?? DEMO_SEED;

  const plan = planDemo({
    now: opts.now, count, seed, categories: catalog.activeCategories(), units: catalog.units(), cal: demoCalendar(), bounds: config.CITY_BOUNDS,
  });

  // Pictures: only for the categories in use, a few variants each.
  const used = [...new Set(plan.filter((c) => c.before.length || c.after !== null).map((c) => c.categoryId))].sort();
  const limits = { maxPhotos: config.MAX_PHOTOS, maxBytes: config.MAX_PHOTO_MB * 1048576, maxPixels: config.MAX_PHOTO_PIXELS };
  const pool = await buildPool(Object.fromEntries(used.map((id) => [id, poolSize(id, count)])), config.uploadsDir, limits, seed);
  const dealer = photoDealer(config.uploadsDir);
  dealer.track(pool);
  const images = [...pool.values()].reduce((n, p) => n + p.before.length + p.after.length, 0);
  log(`seeding demo city: ${images} pictures drawn, writing ${plan.length} reports`);

  // Tracking numbers continue whatever sequence each day already has.
  const days = [...new Set(plan.map((c) => shanghaiDate(c.createdAt)))];
  const seq = new Map(days.length ? db.select().from(trackingSeq).where(inArray(trackingSeq.day, days)).all().map((r) => [r.day, r.last]) : []);
  const numbers = new Map<PlannedCase, string>();
  for (const c of plan) {
    const day = shanghaiDate(c.createdAt);
    const n = (seq.get(day) ?? 0) + 1;
    seq.set(day, n);
    numbers.set(c, trackingNumber(config.CITY_PREFIX, c.createdAt, n));
  }

  const ids = new Map<PlannedCase, number>();
  let photos = 0;
  for (let from = 0; from < plan.length; from += BATCH) {
    const batch = plan.slice(from, from + BATCH);
    const files = await Promise.all(batch.map(async (c) => {
      const p = pool.get(c.categoryId);
      if (!p) return [];
      const before = await Promise.all(c.before.map(async (v) => ({ kind: 'before' as const, at: c.createdAt, ...(await dealer.take(p.before[v]!)) })));
      const after = c.after === null ? [] : [{ kind: 'after' as const, at: c.fields.resolvedAt ?? c.fields.updatedAt, ...(await dealer.take(p.after[c.after]!)) }];
      return [...before, ...after];
    }));
    db.transaction((tx) => {
      batch.forEach((c, i) => {
        const trackingNo = numbers.get(c)!;
        const { fields } = c;
        const parentId = fields.state === 'duplicate' && c.parent ? ids.get(c.parent)! : null;
        const row = tx.insert(cases).values({
          trackingNo, followCodeHash: sha256(demoFollowCode(trackingNo)), categoryId: c.categoryId, state: fields.state,
          lat: c.lat, lng: c.lng, address: c.address, description: c.description, publish: c.publish, publishPhotos: c.publish,
          reporterName: c.reporterName, reporterPhone: c.reporterPhone, reporterEmail: c.reporterEmail, source: 'demo',
          unitId: fields.unitId, supporters: c.supporters, duplicateOf: parentId, version: c.events.length,
          createdAt: c.createdAt, updatedAt: fields.updatedAt, acceptedAt: fields.acceptedAt, dueAt: fields.dueAt,
          resolvedAt: fields.resolvedAt, closedAt: fields.closedAt, reworkCount: c.events.filter((e) => e.action === 'rework').length,
          rating: c.rating?.rating ?? null, ratedAt: c.rating?.at ?? null,
        }).returning({ id: cases.id }).get();
        ids.set(c, row.id);
        const parentNo = c.parent ? numbers.get(c.parent)! : '';
        tx.insert(caseLog).values(c.events.map((e) => ({
          caseId: row.id, at: e.at, actorKind: e.actor, action: e.action, fromState: e.from, toState: e.to,
          publicNote: e.publicNote?.replace('{parent}', parentNo) ?? null, internalNote: e.internalNote,
        }))).run();
        if (c.rating) tx.insert(caseLog).values({ caseId: row.id, at: c.rating.at, actorKind: 'reporter', action: 'rate', detail: { rating: c.rating.rating } }).run();
        if (files[i]!.length) {
          tx.insert(casePhotos).values(files[i]!.map((f) => ({
            caseId: row.id, kind: f.kind, file: f.file, thumb: f.thumb, width: f.width, height: f.height, bytes: f.bytes, createdAt: f.at,
          }))).run();
          photos += files[i]!.length;
        }
        if (c.supportAt.length) {
          tx.insert(caseSupports).values(c.supportAt.map((at, k) => ({
            caseId: row.id, at, clientHash: sha256(`demo|${trackingNo}|${k}`).slice(0, 22),
          }))).run();
        }
      });
      for (const day of new Set(batch.map((c) => shanghaiDate(c.createdAt)))) {
        const last = seq.get(day)!;
        tx.insert(trackingSeq).values({ day, last })
          .onConflictDoUpdate({ target: trackingSeq.day, set: { last: sql`max(${trackingSeq.last}, ${last})` } }).run();
      }
    }, { behavior: 'immediate' });
    log(`seeding demo city: ${Math.min(from + BATCH, plan.length)}/${plan.length} reports`);
  }
  await dealer.sweep();
  seedDemoChannels(db, seed, opts.now); // hotline and patrol cases, 回访 (issue 11)

  const sample = pickSample(plan, numbers);
  const ms = Math.round(performance.now() - started);
  log(`seeding demo city: done, ${plan.length} reports and ${photos} photos in ${(ms / 1000).toFixed(1)} s`);
  if (sample) log(`Demo case to try /track with: ${sample.trackingNo} code ${sample.code}`);
  return { cases: plan.length, photos, images, ms, sample };
}

/** The richest recent story: closed after a rework if there is one, with before and after photos. */
function pickSample(plan: PlannedCase[], numbers: Map<PlannedCase, string>) {
  const shown = plan.filter((c) => c.fields.state === 'closed' && c.publish && c.before.length && c.after !== null);
  const best = shown.filter((c) => c.events.some((e) => e.action === 'rework')).pop() ?? shown.pop();
  if (!best) return null;
  const trackingNo = numbers.get(best)!;
  return { trackingNo, code: demoFollowCode(trackingNo) };
}
