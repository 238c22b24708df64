import { and, asc, between, desc, eq, gte, inArray, isNotNull, lt, lte, ne, not, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { casePhotos, caseLog, cases } from '../../db/schema.ts';
import { shanghaiMidnight } from '../shared/time.ts';
import { ACCEPTED_STATES, NOT_JUDGED_STATES, PUBLIC_STATES, STATES_OF, isPublicState, publicBucket, type CaseState } from '../cases/workflow.ts';
import { maskPersonalData } from '../shared/masking.ts';
import { indexable, type MapIndex } from './map-index.ts';
import { isPublicPhoto, photoUrl, publicDescription, publicTimeline } from '../reports/view.ts';

// One filter schema for everything public that lists cases: the /reports page, GeoJSON, CSV, feeds.
const list = z.string().trim().optional().transform((s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []));
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date_invalid').refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'date_invalid').optional().or(z.literal('').transform(() => undefined));

export const CURSOR = /^\d{1,15}\.\d{1,15}$/;

/** A position in the newest-first order of the public lists: the case's created time (ms) and id, `1732500000000.42`. */
export const cursorOf = (c: { createdAt: Date; id: number }) => `${c.createdAt.getTime()}.${c.id}`;
const keyOf = (cursor: string) => cursor.split('.').map(Number) as [number, number];
// Row values walk cases_public_list (hidden, created_at, id, …) from the cursor on, in order: no sort, no offset.
const olderThan = (cursor: string) => { const [t, id] = keyOf(cursor); return sql`(${cases.createdAt}, ${cases.id}) < (${t}, ${id})`; };
const newerThan = (cursor: string) => { const [t, id] = keyOf(cursor); return sql`(${cases.createdAt}, ${cases.id}) > (${t}, ${id})`; };
const NEWEST = [desc(cases.createdAt), desc(cases.id)];
const OLDEST = [asc(cases.createdAt), asc(cases.id)];

export const publicFilters = z.object({
  category: list,
  status: z.enum(['open', 'closed', 'fixed']).optional().or(z.literal('').transform(() => undefined)),
  unit: z.string().trim().optional().or(z.literal('').transform(() => undefined)),
  from: day, // Asia/Shanghai dates, inclusive
  to: day,
  due_from: day, // committed due time, Asia/Shanghai dates, inclusive (the /stats on-time figures link with these)
  due_to: day,
  flag: z.enum(['accepted', 'on_time', 'missed', 'handled', 'unhandled', 'rework']).optional().or(z.literal('').transform(() => undefined)),
  bbox: z.string().regex(/^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$/, 'bbox_invalid').optional()
    .transform((s) => (s ? (s.split(',').map(Number) as [number, number, number, number]) : undefined)), // west,south,east,north
  // Keyset paging (cursorOf): the page after (older than) or before (newer than) a case; `page` then only labels it.
  after: z.string().regex(CURSOR, 'cursor_invalid').optional().or(z.literal('').transform(() => undefined)),
  before: z.string().regex(CURSOR, 'cursor_invalid').optional().or(z.literal('').transform(() => undefined)),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  per_page: z.coerce.number().int().min(1).max(1000).default(20),
});
export type PublicFilters = z.infer<typeof publicFilters>;

/** Filters only the machine formats need (Open311): exact numbers, instants, several buckets at once. */
export type PublicQuery = Partial<PublicFilters> & {
  trackingNos?: string[]; buckets?: ('open' | 'closed' | 'fixed')[]; createdFrom?: Date; createdTo?: Date;
};

// `+column` is the same value but not indexable: the public lists' state, category and unit terms are read from
// cases_public_list while it is walked in (created_at, id) order, instead of SQLite (which has no statistics) seeking
// cases_state_category for each of the eight public states and sorting every public case.
const plus = (c: typeof cases.state | typeof cases.categoryId | typeof cases.unitId) => sql`+${c}`;

/** Never public: not yet accepted, or hidden by staff. */
export const isPublicSql = and(inArray(plus(cases.state), PUBLIC_STATES), eq(cases.hidden, false))!;


// The /stats definitions (api/opendata/stats.ts), so each figure there links to exactly its cases.
const closedOnTime = and(eq(cases.state, 'closed'), lte(cases.closedAt, cases.dueAt))!;
const handledOnTime = and(inArray(cases.state, ['resolved', 'closed']), lte(cases.resolvedAt, cases.dueAt))!;
const FLAGS: Record<NonNullable<PublicFilters['flag']>, (now: Date) => SQL> = {
  accepted: () => inArray(cases.state, ACCEPTED_STATES),
  on_time: () => closedOnTime,
  // Not closed by the due time, and the due time has passed; rejected, merged and on-hold cases are not judged.
  missed: (now) => and(notInArray(cases.state, NOT_JUDGED_STATES), lt(cases.dueAt, now), not(closedOnTime))!,
  // 按期处置 (api/opendata/indicators.ts): the unit's work done by the due time, whatever the verification did after.
  handled: () => handledOnTime,
  unhandled: (now) => and(notInArray(cases.state, NOT_JUDGED_STATES), lt(cases.dueAt, now), not(handledOnTime))!,
  rework: () => sql`exists (select 1 from ${caseLog} where ${caseLog.caseId} = ${cases.id} and ${caseLog.action} = 'rework')`,
};

/** The WHERE clause of a public query; `now` (the services' clock) decides which due times have passed. */
export function whereOf(f: PublicQuery, now: Date): SQL {
  const parts: (SQL | undefined)[] = [isPublicSql];
  if (f.category?.length) parts.push(inArray(plus(cases.categoryId), f.category));
  if (f.status) parts.push(inArray(plus(cases.state), STATES_OF[f.status]));
  if (f.unit) parts.push(sql`${plus(cases.unitId)} = ${f.unit}`);
  if (f.from) parts.push(gte(cases.createdAt, shanghaiMidnight(f.from)));
  if (f.to) parts.push(lt(cases.createdAt, new Date(shanghaiMidnight(f.to).getTime() + 86_400_000)));
  if (f.due_from) parts.push(gte(cases.dueAt, shanghaiMidnight(f.due_from)));
  if (f.due_to) parts.push(lt(cases.dueAt, new Date(shanghaiMidnight(f.due_to).getTime() + 86_400_000)));
  if (f.flag) parts.push(FLAGS[f.flag](now));
  if (f.bbox) {
    const [west, south, east, north] = f.bbox;
    parts.push(between(cases.lat, south, north), between(cases.lng, west, east));
  }
  if (f.trackingNos) parts.push(inArray(cases.trackingNo, f.trackingNos));
  if (f.buckets) parts.push(inArray(plus(cases.state), f.buckets.flatMap((b) => STATES_OF[b])));
  if (f.createdFrom) parts.push(gte(cases.createdAt, f.createdFrom));
  if (f.createdTo) parts.push(lte(cases.createdAt, f.createdTo));
  return and(...parts)!;
}

export type PublicCase = ReturnType<typeof toPublicCase>;
type Row = typeof cases.$inferSelect;
const BATCH = 1000;

/** What anyone may know about a case: no reporter, no internal notes, masked text, consented photos only. */
export function toPublicCase(c: Row) {
  return {
    trackingNo: c.trackingNo, categoryId: c.categoryId, state: c.state, bucket: publicBucket(c.state),
    lat: c.lat, lng: c.lng, address: maskPersonalData(c.address), description: c.publish ? publicDescription(c) : '',
    unitId: c.unitId, supporters: c.supporters, rating: c.rating,
    createdAt: c.createdAt, acceptedAt: c.acceptedAt, dueAt: c.dueAt, resolvedAt: c.resolvedAt, closedAt: c.closedAt, updatedAt: c.updatedAt,
    onTime: c.closedAt && c.dueAt ? c.closedAt.getTime() <= c.dueAt.getTime() : null,
  };
}

// What Open311's requests show of a case, in this order (PageRow); the order walks cases_public_list. Each case's latest
// public status note (a reporter's published comment is theirs, not the bureau's) and first public photo come from one
// seek each in partial indexes made for them (named: SQLite has no statistics for them on a bulk-loaded city). Drizzle
// writes a one-table select's columns unqualified, so the outer case is named in full.
const PAGE_COLUMNS = {
  id: cases.id, createdAt: cases.createdAt, trackingNo: cases.trackingNo, categoryId: cases.categoryId, state: cases.state,
  lat: cases.lat, lng: cases.lng, address: cases.address, publish: cases.publish, description: cases.description,
  publicDescription: cases.publicDescription, unitId: cases.unitId, dueAt: cases.dueAt, updatedAt: cases.updatedAt,
  note: sql`(SELECT l.public_note FROM case_log l INDEXED BY case_log_status_notes WHERE l.case_id = "cases"."id"
    AND l.public_note IS NOT NULL AND l.action <> 'comment' ORDER BY l.at DESC, l.id DESC LIMIT 1)`,
  photo: sql`(SELECT p.file FROM case_photos p INDEXED BY case_photos_shown WHERE p.case_id = "cases"."id" AND p.hidden = 0
    AND (p.kind = 'after' OR "cases"."publish_photos") ORDER BY p.id LIMIT 1)`,
};
type PageRow = [id: number, createdAt: number, trackingNo: string, categoryId: string, state: CaseState, lat: number | null, lng: number | null,
  address: string, publish: number, description: string, publicDescription: string | null, unitId: string | null, dueAt: number | null,
  updatedAt: number, note: string | null, photo: string | null];

/** A page row as the public fields Open311 shows (the same masking as toPublicCase and publicTimeline); times in ms. */
const pageCase = (r: PageRow, secret: string) => ({
  trackingNo: r[2], categoryId: r[3], state: r[4], bucket: publicBucket(r[4]), lat: r[5], lng: r[6], address: maskPersonalData(r[7]),
  description: r[8] ? publicDescription({ description: r[9], publicDescription: r[10] }) : '', unitId: r[11],
  createdAt: r[1], dueAt: r[12], updatedAt: r[13],
  note: r[14] === null ? null : maskPersonalData(r[14]), photo: r[15] === null ? null : photoUrl(r[15], secret, false),
});
export type PageCase = ReturnType<typeof pageCase>;

export function createPublicCases(db: Db, secret: string, clock: () => Date, index?: MapIndex) {
  const byNo = db.select().from(cases).where(eq(cases.trackingNo, sql.placeholder('no'))).prepare();
  /** One public thumbnail per case for a list: the first public photo (the reporter's, if published, else the after-photo). */
  const thumbsOf = (rows: Row[]) => {
    const out = new Map<number, string>();
    if (!rows.length) return out;
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const p of db.select().from(casePhotos).where(inArray(casePhotos.caseId, [...byId.keys()])).orderBy(asc(casePhotos.id)).all()) {
      if (!out.has(p.caseId) && isPublicPhoto(byId.get(p.caseId)!, p)) out.set(p.caseId, photoUrl(p.thumb, secret, false));
    }
    return out;
  };

  return {
    /**
     * A page of public cases, newest first, with the total for paging and the cursors of the pages around it: `after`
     * or `before` a cursor (keyset), else the `page`th (offset, for old links).
     */
    list(f: PublicFilters) {
      const where = whereOf(f, clock());
      // The total from the in-memory index when it answers these filters: a COUNT(*) reads every matching index entry.
      const total = index && indexable(f) ? index.count(f) : db.select({ n: sql<number>`count(*)` }).from(cases).where(where).get()!.n;
      const n = f.per_page;
      let rows: Row[], newer: boolean, older: boolean;
      if (f.before) {
        rows = db.select().from(cases).where(and(where, newerThan(f.before))).orderBy(...OLDEST).limit(n + 1).all();
        newer = rows.length > n;
        rows = rows.slice(0, n).reverse();
        older = true;
      } else {
        rows = db.select().from(cases).where(f.after ? and(where, olderThan(f.after)) : where).orderBy(...NEWEST)
          .limit(n + 1).offset(f.after ? 0 : (f.page - 1) * n).all();
        older = rows.length > n;
        rows = rows.slice(0, n);
        newer = f.after ? true : f.page > 1;
      }
      const thumbs = thumbsOf(rows);
      return {
        total, items: rows.map((r) => ({ ...toPublicCase(r), thumbUrl: thumbs.get(r.id) ?? null })),
        next: older && rows.length ? cursorOf(rows[rows.length - 1]!) : null,
        prev: newer && rows.length ? cursorOf(rows[0]!) : null,
      };
    },
    /**
     * Up to `limit` public cases newest first from `f.after` on, and the cursor to continue from (null: no more). Only
     * the public columns, read raw and mapped by hand: Drizzle's mapping of every column was most of a 1000-case page.
     */
    page(f: PublicQuery, limit: number) {
      const where = whereOf(f, clock());
      const q = db.select(PAGE_COLUMNS).from(cases).where(f.after ? and(where, olderThan(f.after)) : where).orderBy(...NEWEST).limit(limit + 1).toSQL();
      const rows = db.$client.prepare(q.sql).raw().all(...q.params) as PageRow[];
      const last = rows.length > limit ? rows[limit - 1]! : null;
      const items = new Array<PageCase>(Math.min(rows.length, limit));
      for (let i = 0; i < items.length; i++) items[i] = pageCase(rows[i]!, secret);
      return { items, next: last ? `${last[1]}.${last[0]}` : null };
    },
    /** Every matching public case, newest first, read in batches (keyset paging) so 100k rows never sit in memory. */
    *iterate(f: PublicQuery, limit = Number.MAX_SAFE_INTEGER) {
      const where = whereOf(f, clock());
      let after = f.after ?? null;
      for (let left = limit; left > 0;) {
        const page: Row[] = db.select().from(cases).where(after ? and(where, olderThan(after)) : where)
          .orderBy(...NEWEST).limit(Math.min(BATCH, left)).all();
        for (const row of page) yield toPublicCase(row);
        if (page.length < Math.min(BATCH, left)) return;
        left -= page.length;
        after = cursorOf(page[page.length - 1]!);
      }
    },
    /** One case for its public page: 'gone' when hidden (410), null when unknown or not yet public (404). */
    detail(trackingNo: string) {
      const c = byNo.get({ no: trackingNo.toUpperCase() });
      if (!c || !isPublicState(c.state)) return null;
      if (c.hidden) return 'gone' as const;
      const photos = db.select().from(casePhotos).where(eq(casePhotos.caseId, c.id)).orderBy(asc(casePhotos.id)).all()
        .filter((p) => isPublicPhoto(c, p))
        .map((p) => ({ kind: p.kind, url: photoUrl(p.file, secret, false), thumbUrl: photoUrl(p.thumb, secret, false), width: p.width, height: p.height }));
      const log = db.select().from(caseLog).where(eq(caseLog.caseId, c.id)).orderBy(asc(caseLog.at), asc(caseLog.id)).all();
      const mergedInto = c.duplicateOf
        ? db.select({ no: cases.trackingNo }).from(cases).where(eq(cases.id, c.duplicateOf)).get()?.no ?? null : null;
      return { ...toPublicCase(c), mergedInto, photos, timeline: publicTimeline(log) };
    },
    /**
     * Public updates: the log of public cases as the public timeline shows it (no internal notes, no staff),
     * state changes and public notes only. `changesOnly` leaves out the report itself ('submit').
     */
    updates(q: { cases?: PublicQuery; from?: Date; to?: Date; changesOnly?: boolean; order: 'asc' | 'desc'; limit: number }) {
      const dir = q.order === 'asc' ? asc : desc;
      return db.select({
        id: caseLog.id, at: caseLog.at, action: caseLog.action, toState: caseLog.toState, note: caseLog.publicNote, detail: caseLog.detail,
        trackingNo: cases.trackingNo, categoryId: cases.categoryId, caseState: cases.state, address: cases.address,
      }).from(caseLog).innerJoin(cases, eq(caseLog.caseId, cases.id))
        .where(and(whereOf(q.cases ?? {}, clock()), or(isNotNull(caseLog.toState), isNotNull(caseLog.publicNote)),
          q.changesOnly ? ne(caseLog.action, 'submit') : undefined,
          q.from ? gte(caseLog.at, q.from) : undefined, q.to ? lte(caseLog.at, q.to) : undefined))
        .orderBy(dir(caseLog.at), dir(caseLog.id)).limit(q.limit).all()
        .map(({ note, detail, address, ...u }) => ({
          ...u, note: note ? maskPersonalData(note) : null, address: maskPersonalData(address),
          reasonCode: typeof detail?.reasonCode === 'string' ? detail.reasonCode : null,
        }));
    },
  };
}

export type PublicCases = ReturnType<typeof createPublicCases>;
