/** Reads shared by the drive use cases: occurrence with its series, seat counts, waitlist positions. */
import { and, asc, count, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { driveOccurrences, driveSeries, driveSignups } from '../../db/schema.ts';

export type Tx = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;
export type SeriesRow = typeof driveSeries.$inferSelect;
export type OccurrenceRow = typeof driveOccurrences.$inferSelect;
export type SignupRow = typeof driveSignups.$inferSelect;

export function occurrenceWithSeries(tx: Tx, id: number) {
  return tx.select({ occ: driveOccurrences, series: driveSeries }).from(driveOccurrences)
    .innerJoin(driveSeries, eq(driveSeries.id, driveOccurrences.seriesId))
    .where(eq(driveOccurrences.id, id)).get();
}

export function seatCounts(tx: Tx, occurrenceId: number) {
  const rows = tx.select({ status: driveSignups.status, n: count() }).from(driveSignups)
    .where(eq(driveSignups.occurrenceId, occurrenceId)).groupBy(driveSignups.status).all();
  const by = Object.fromEntries(rows.map((r) => [r.status, r.n]));
  return { confirmed: by.confirmed ?? 0, waitlisted: by.waitlisted ?? 0 };
}

/** 1-based position on the waitlist (null when not waitlisted). */
export function waitPosition(tx: Tx, s: Pick<SignupRow, 'occurrenceId' | 'status' | 'waitSeq'>): number | null {
  if (s.status !== 'waitlisted' || s.waitSeq === null) return null;
  const ahead = tx.select({ n: count() }).from(driveSignups).where(and(
    eq(driveSignups.occurrenceId, s.occurrenceId), eq(driveSignups.status, 'waitlisted'), lt(driveSignups.waitSeq, s.waitSeq),
  )).get()!.n;
  return ahead + 1;
}

/** The first `n` waitlisted signups, in order. */
export function firstWaiting(tx: Tx, occurrenceId: number, n: number): SignupRow[] {
  if (n <= 0) return [];
  return tx.select().from(driveSignups)
    .where(and(eq(driveSignups.occurrenceId, occurrenceId), eq(driveSignups.status, 'waitlisted')))
    .orderBy(asc(driveSignups.waitSeq)).limit(n).all();
}

/** Moves the first waitlisted people into free seats (after a cancellation or a larger capacity). */
export function promote(tx: Tx, occurrenceId: number, capacity: number, now: Date): SignupRow[] {
  const { confirmed, waitlisted } = seatCounts(tx, occurrenceId);
  const free = Math.max(0, Math.min(waitlisted, capacity - confirmed));
  const moved = firstWaiting(tx, occurrenceId, free);
  for (const s of moved) {
    tx.update(driveSignups).set({ status: 'confirmed', waitSeq: null, promotedAt: now, sequence: s.sequence + 1 })
      .where(eq(driveSignups.id, s.id)).run();
  }
  return moved;
}
