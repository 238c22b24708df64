/** Drives held in a period, for /stats, the home page and the quarterly report: counts only, never a name or phone. */
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { driveOccurrences, driveSignups } from '../../db/schema.ts';

export type DrivesSummary = { held: number; volunteers: number; attendance: number; hours: number };

/**
 * Occurrences closed by their organiser that started in [from, to): held; their attended signups: attendance
 * (人次), distinct phones among them: volunteers (人), credited hours: hours. Cancelled or not yet closed ones do not count.
 */
export function drivesSummary(db: Db, from: Date, to: Date): DrivesSummary {
  const inPeriod = and(eq(driveOccurrences.status, 'closed'), gte(driveOccurrences.startsAt, from), lt(driveOccurrences.startsAt, to));
  const held = db.select({ n: sql<number>`count(*)` }).from(driveOccurrences).where(inPeriod).get()!.n;
  const row = db.select({
    attendance: sql<number>`count(*)`,
    volunteers: sql<number>`count(distinct ${driveSignups.phone})`,
    hours: sql<number | null>`sum(${driveSignups.hours})`,
  }).from(driveSignups).innerJoin(driveOccurrences, eq(driveSignups.occurrenceId, driveOccurrences.id))
    .where(and(inPeriod, eq(driveSignups.attendance, 'attended'))).get()!;
  return { held, volunteers: row.volunteers, attendance: row.attendance, hours: Math.round((row.hours ?? 0) * 10) / 10 };
}
