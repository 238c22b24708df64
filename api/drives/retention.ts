/**
 * Volunteers' personal data under the retention job (api/privacy/retention.ts). A volunteer's phone, guardian details
 * and organisation are kept while they keep coming (lookups, new certificates), and erased once their last drive is
 * older than the period. What the service-record rules need stays: every signup's attendance and hours, the name as
 * masked on the verify page, and the certificates themselves, still verifiable by number.
 */
import { eq, inArray, notLike, sql } from 'drizzle-orm';
import { driveCertificates, driveOccurrences, driveSignups } from '../../db/schema.ts';
import type { RetentionTask } from '../privacy/retention.ts';
import { maskName } from '../shared/masking.ts';

export const ERASED_PHONE = 'erased:'; // + the signup id: keeps one-seat-per-phone unique without the number

export function volunteerContacts(days: number): RetentionTask {
  return {
    name: 'volunteer_contacts',
    run: ({ db, now }) => {
      const cutoff = now.getTime() - days * 86_400_000;
      // Phones whose last drive (any signup, cancelled included) ended before the cutoff.
      const stale = db.select({ phone: driveSignups.phone }).from(driveSignups)
        .innerJoin(driveOccurrences, eq(driveOccurrences.id, driveSignups.occurrenceId))
        .where(notLike(driveSignups.phone, `${ERASED_PHONE}%`)).groupBy(driveSignups.phone)
        .having(sql`max(${driveOccurrences.endsAt}) < ${cutoff}`).all().map((r) => r.phone);
      let erased = 0;
      for (let i = 0; i < stale.length; i += 500) {
        const phones = stale.slice(i, i + 500);
        for (const s of db.select({ id: driveSignups.id, name: driveSignups.name }).from(driveSignups).where(inArray(driveSignups.phone, phones)).all()) {
          erased += db.update(driveSignups).set({ phone: `${ERASED_PHONE}${s.id}`, name: maskName(s.name), guardianName: null, guardianPhone: null, org: '' })
            .where(eq(driveSignups.id, s.id)).run().changes;
        }
        db.update(driveCertificates).set({ phone: ERASED_PHONE }).where(inArray(driveCertificates.phone, phones)).run();
      }
      return erased;
    },
  };
}
