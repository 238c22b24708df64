import { and, asc, between, desc, eq, gte, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { casePhotos, caseLog, cases } from '../../db/schema.ts';
import { publicBucket } from '../cases/workflow.ts';
import type { CaseState } from '../cases/workflow.ts';
import { maskPersonalData } from '../shared/masking.ts';
import { isPublicPhoto, photoUrl, publicDescription, publicTimeline } from '../reports/view.ts';

// One filter schema for everything public that lists cases: the /reports page, GeoJSON, CSV, feeds.
const list = z.string().trim().optional().transform((s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []));
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date_invalid').optional().or(z.literal('').transform(() => undefined));

export const publicFilters = z.object({
  category: list,
  status: z.enum(['open', 'closed', 'fixed']).optional().or(z.literal('').transform(() => undefined)),
  unit: z.string().trim().optional().or(z.literal('').transform(() => undefined)),
  from: day, // Asia/Shanghai dates, inclusive
  to: day,
  bbox: z.string().regex(/^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$/, 'bbox_invalid').optional()
    .transform((s) => (s ? (s.split(',').map(Number) as [number, number, number, number]) : undefined)), // west,south,east,north
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  per_page: z.coerce.number().int().min(1).max(1000).default(20),
});
export type PublicFilters = z.infer<typeof publicFilters>;

const STATES_OF: Record<'open' | 'closed' | 'fixed', CaseState[]> = {
  open: ['accepted', 'dispatched', 'in_progress', 'on_hold', 'resolved'],
  closed: ['rejected', 'duplicate'],
  fixed: ['closed'],
};

/** Never public: not yet accepted, or hidden by staff. */
export const isPublicSql = and(ne(cases.state, 'submitted'), eq(cases.hidden, false))!;

const shanghaiMidnight = (d: string) => new Date(`${d}T00:00:00+08:00`);

export function whereOf(f: Partial<PublicFilters>): SQL {
  const parts: (SQL | undefined)[] = [isPublicSql];
  if (f.category?.length) parts.push(inArray(cases.categoryId, f.category));
  if (f.status) parts.push(inArray(cases.state, STATES_OF[f.status]));
  if (f.unit) parts.push(eq(cases.unitId, f.unit));
  if (f.from) parts.push(gte(cases.createdAt, shanghaiMidnight(f.from)));
  if (f.to) parts.push(lt(cases.createdAt, new Date(shanghaiMidnight(f.to).getTime() + 86_400_000)));
  if (f.bbox) {
    const [west, south, east, north] = f.bbox;
    parts.push(between(cases.lat, south, north), between(cases.lng, west, east));
  }
  return and(...parts)!;
}

export type PublicCase = ReturnType<typeof toPublicCase>;
type Row = typeof cases.$inferSelect;
const BATCH = 1000;

/** What anyone may know about a case: no reporter, no internal notes, masked text, consented photos only. */
export function toPublicCase(c: Row) {
  return {
    trackingNo: c.trackingNo, categoryId: c.categoryId, state: c.state as CaseState, bucket: publicBucket(c.state as CaseState),
    lat: c.lat, lng: c.lng, address: maskPersonalData(c.address), description: c.publish ? publicDescription(c) : '',
    unitId: c.unitId, supporters: c.supporters, rating: c.rating, duplicateOf: c.duplicateOf,
    createdAt: c.createdAt, acceptedAt: c.acceptedAt, dueAt: c.dueAt, closedAt: c.closedAt, updatedAt: c.updatedAt,
    onTime: c.closedAt && c.dueAt ? c.closedAt.getTime() <= c.dueAt.getTime() : null,
  };
}

export function createPublicCases(db: Db, secret: string) {
  const byNo = db.select().from(cases).where(eq(cases.trackingNo, sql.placeholder('no'))).prepare();

  return {
    /** A page of public cases, newest first, with the total for paging. */
    list(f: PublicFilters) {
      const where = whereOf(f);
      const total = db.select({ n: sql<number>`count(*)` }).from(cases).where(where).get()!.n;
      const rows = db.select().from(cases).where(where).orderBy(desc(cases.createdAt), desc(cases.id))
        .limit(f.per_page).offset((f.page - 1) * f.per_page).all();
      return { total, items: rows.map(toPublicCase) };
    },
    /** Every matching public case, newest first, read in batches (keyset paging) so 100k rows never sit in memory. */
    *iterate(f: Partial<PublicFilters>, limit = Number.MAX_SAFE_INTEGER) {
      const where = whereOf(f);
      let after: { createdAt: Date; id: number } | null = null;
      for (let left = limit; left > 0;) {
        const page: Row[] = db.select().from(cases)
          .where(after ? and(where, or(lt(cases.createdAt, after.createdAt), and(eq(cases.createdAt, after.createdAt), lt(cases.id, after.id)))) : where)
          .orderBy(desc(cases.createdAt), desc(cases.id)).limit(Math.min(BATCH, left)).all();
        for (const row of page) yield toPublicCase(row);
        if (page.length < Math.min(BATCH, left)) return;
        left -= page.length;
        after = page[page.length - 1];
      }
    },
    /** One case for its public page: 'gone' when hidden (410), null when unknown or not yet public (404). */
    detail(trackingNo: string) {
      const c = byNo.get({ no: trackingNo.toUpperCase() });
      if (!c || c.state === 'submitted') return null;
      if (c.hidden) return 'gone' as const;
      const photos = db.select().from(casePhotos).where(eq(casePhotos.caseId, c.id)).orderBy(asc(casePhotos.id)).all()
        .filter((p) => isPublicPhoto(c, p))
        .map((p) => ({ kind: p.kind, url: photoUrl(p.file, secret, false), thumbUrl: photoUrl(p.thumb, secret, false), width: p.width, height: p.height }));
      const log = db.select().from(caseLog).where(eq(caseLog.caseId, c.id)).orderBy(asc(caseLog.at), asc(caseLog.id)).all();
      return { ...toPublicCase(c), photos, timeline: publicTimeline(log) };
    },
  };
}

export type PublicCases = ReturnType<typeof createPublicCases>;
