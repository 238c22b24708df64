/**
 * The demo dispatcher's morning: ~40 new reports from the last hours, waiting to be accepted, so the queue,
 * select-all and the bulk bar have a day's work to show. Two of them are one place typed two ways
 * (人民广场东侧 with a pin, 人民广场东门 without): a duplicate found by address text alone.
 * Seeded once with the demo city, after it; deterministic (its own seed, so the city's plan never shifts).
 */
import { sql } from 'drizzle-orm';
import { caseLog, cases, trackingSeq } from '../../db/schema.ts';
import { sha256, trackingNumber } from '../shared/ids.ts';
import { shanghaiDate } from '../shared/time.ts';
import type { Services } from '../services.ts';
import { demoFollowCode } from './demo.ts';
import { CATEGORY_WEIGHTS } from './plan.ts';
import { PLACES } from './places.ts';
import { mulberry32 } from './rng.ts';
import * as T from './texts.ts';

export const INBOX_SIZE = 40;
const INBOX_SEED = 0x1b0c_2026;
const HOUR = 3_600_000;

type Filed = { categoryId: string; createdAt: Date; lat: number | null; lng: number | null; address: string; description: string };

/** The reports, oldest first; the last two are the 人民广场 pair. */
export function planInbox(now: Date, categoryIds: string[]): Filed[] {
  const r = mulberry32(INBOX_SEED);
  const cats = categoryIds.filter((c) => (CATEGORY_WEIGHTS[c] ?? 0) > 0);
  const filed: Filed[] = [];
  for (let i = 0; i < INBOX_SIZE - 2; i++) {
    const categoryId = r.weighted(cats.map((c) => [c, CATEGORY_WEIGHTS[c]!] as const));
    const place = r.weighted(PLACES.map((p) => [p, p.weight] as const));
    const spot = r.pick(place.spots);
    const pin = r.chance(0.8);
    const vars: Record<string, string> = { p: place.short, s: spot, t: r.pick(T.WHEN), d: r.pick(T.HOW_LONG) };
    const said = r.pick(T.DESCRIPTIONS[categoryId] ?? T.DESCRIPTIONS.other!).replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
    filed.push({
      categoryId, createdAt: new Date(now.getTime() - r.between(0.2, 16) * HOUR),
      lat: pin ? place.lat + (r() - 0.5) / 200 : null, lng: pin ? place.lng + (r() - 0.5) / 200 : null,
      address: !pin || r.chance(0.6) ? `${r.pick(place.stems)}${spot}` : '', description: said,
    });
  }
  filed.push(
    { categoryId: 'bin_overflow', createdAt: new Date(now.getTime() - 3 * HOUR), lat: 21.8601, lng: 111.9806, address: '江城区人民广场东侧',
      description: '人民广场东侧的垃圾桶满了，垃圾堆到地上' },
    { categoryId: 'bin_overflow', createdAt: new Date(now.getTime() - 0.5 * HOUR), lat: null, lng: null, address: '人民广场东门',
      description: '广场东门垃圾桶满溢，味道很大，麻烦尽快清运' },
  );
  return filed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

export function seedInbox(services: Services, now: Date): number {
  const { db, config, catalog } = services;
  const active = catalog.activeCategories();
  const plan = planInbox(now, active.map((c) => c.id));
  const unitOf = new Map(active.map((c) => [c.id, c.unitId]));
  db.transaction((tx) => {
    for (const c of plan) {
      const day = shanghaiDate(c.createdAt);
      const n = tx.insert(trackingSeq).values({ day, last: 1 })
        .onConflictDoUpdate({ target: trackingSeq.day, set: { last: sql`${trackingSeq.last} + 1` } }).returning().get().last;
      const trackingNo = trackingNumber(config.CITY_PREFIX, c.createdAt, n);
      const row = tx.insert(cases).values({
        trackingNo, followCodeHash: sha256(demoFollowCode(trackingNo)), categoryId: c.categoryId, state: 'submitted',
        lat: c.lat, lng: c.lng, address: c.address, description: c.description, publish: true, publishPhotos: true,
        unitId: unitOf.get(c.categoryId) ?? null, // as a filed report: the category's unit
        source: 'demo', version: 1, createdAt: c.createdAt, updatedAt: c.createdAt,
      }).returning({ id: cases.id }).get();
      tx.insert(caseLog).values({ caseId: row.id, at: c.createdAt, actorKind: 'reporter', action: 'submit', fromState: null, toState: 'submitted' }).run();
    }
  }, { behavior: 'immediate' });
  return plan.length;
}
