/** Public reads: upcoming occurrences with places left, one occurrence, a series' calendar. Counts only, never names. */
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { cases, driveCases, driveOccurrences, driveSeries, driveSignups } from '../../db/schema.ts';
import { isPublicCase } from '../reports/view.ts';
import type { OccurrenceRow, SeriesRow } from './store.ts';

export type PublicOccurrence = {
  id: number; seriesId: number; date: string; startsAt: Date; endsAt: Date; status: OccurrenceRow['status']; note: string | null;
  title: { zh: string; en: string }; community: string; address: string; lat: number | null; lng: number | null;
  capacity: number; confirmed: number; waitlisted: number; placesLeft: number; hours: number; bring: string; notes: string; unitId: string; updatedAt: Date;
};

export function toPublic(occ: OccurrenceRow, series: SeriesRow, confirmed: number, waitlisted: number): PublicOccurrence {
  return {
    id: occ.id, seriesId: series.id, date: occ.date, startsAt: occ.startsAt, endsAt: occ.endsAt, status: occ.status, note: occ.note,
    title: { zh: series.titleZh, en: series.titleEn || series.titleZh }, community: series.community, address: series.address,
    lat: series.lat, lng: series.lng, capacity: occ.capacity, confirmed, waitlisted, placesLeft: Math.max(0, occ.capacity - confirmed),
    hours: series.hours, bring: series.bring, notes: series.notes, unitId: series.unitId, updatedAt: occ.updatedAt,
  };
}

const confirmedN = sql<number>`(select count(*) from ${driveSignups} s where s.occurrence_id = ${driveOccurrences.id} and s.status = 'confirmed')`;
const waitingN = sql<number>`(select count(*) from ${driveSignups} s where s.occurrence_id = ${driveOccurrences.id} and s.status = 'waitlisted')`;

export function createDriveQueries(db: Db, clock: () => Date) {
  const select = () => db.select({ occ: driveOccurrences, series: driveSeries, confirmed: confirmedN, waitlisted: waitingN })
    .from(driveOccurrences).innerJoin(driveSeries, eq(driveSeries.id, driveOccurrences.seriesId));

  /** Occurrences not yet started, soonest first (cancelled ones stay listed, marked, so people see the change). */
  function upcoming(opts: { limit?: number; seriesId?: number } = {}): PublicOccurrence[] {
    const where = and(gt(driveOccurrences.startsAt, clock()), eq(driveSeries.active, true),
      opts.seriesId ? eq(driveSeries.id, opts.seriesId) : undefined);
    return select().where(where).orderBy(asc(driveOccurrences.startsAt)).limit(opts.limit ?? 100).all()
      .map((r) => toPublic(r.occ, r.series, r.confirmed, r.waitlisted));
  }

  function occurrence(id: number): PublicOccurrence | null {
    const r = select().where(eq(driveOccurrences.id, id)).get(); // a stopped series' occurrences stay readable: cancelled
    return r ? toPublic(r.occ, r.series, r.confirmed, r.waitlisted) : null;
  }

  /** Every occurrence of a series (its calendar feed), oldest first. */
  function ofSeries(seriesId: number): PublicOccurrence[] {
    return select().where(eq(driveSeries.id, seriesId)).orderBy(asc(driveOccurrences.startsAt)).all()
      .map((r) => toPublic(r.occ, r.series, r.confirmed, r.waitlisted));
  }

  /** The series' linked hotspots that the public may see (tracking number, state). */
  function linkedCases(seriesId: number) {
    return db.select({ trackingNo: cases.trackingNo, state: cases.state, categoryId: cases.categoryId, address: cases.address, hidden: cases.hidden, cleaned: driveCases.cleanedOccurrenceId })
      .from(driveCases).innerJoin(cases, eq(cases.id, driveCases.caseId)).where(eq(driveCases.seriesId, seriesId)).all()
      .filter((c) => isPublicCase({ state: c.state, hidden: c.hidden }));
  }

  const series = (id: number) => db.select().from(driveSeries).where(eq(driveSeries.id, id)).get() ?? null;
  const allSeries = () => db.select().from(driveSeries).orderBy(asc(driveSeries.id)).all();
  const occurrencesIn = (ids: number[]) => (ids.length ? db.select().from(driveOccurrences).where(inArray(driveOccurrences.id, ids)).all() : []);

  return { upcoming, occurrence, ofSeries, linkedCases, series, allSeries, occurrencesIn };
}

export type DriveQueries = ReturnType<typeof createDriveQueries>;
