/** A volunteer's own record: lookup by phone + any confirmation code, service-record certificates, public verification. */
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { driveCertificates, driveOccurrences, driveSeries, driveSignups } from '../../db/schema.ts';
import { AppError, parseInput } from '../shared/errors.ts';
import { hmac } from '../shared/ids.ts';
import { maskName } from '../shared/masking.ts';
import { certificateNo, CERTIFICATE_NO, sameCode } from './codes.ts';
import { lookupInput } from './schema.ts';

export type ServiceItem = { date: string; titleZh: string; titleEn: string; hours: number };

export function createVolunteer(db: Db, clock: () => Date, secret: string) {
  /** The key in a certificate's own link (print page, PDF): it shows the full name, so it is not the public number alone. */
  const recordKey = (no: string) => hmac(secret, `drive-certificate:${no}`);

  function rows(phone: string) {
    return db.select({ s: driveSignups, occ: driveOccurrences, series: driveSeries }).from(driveSignups)
      .innerJoin(driveOccurrences, eq(driveOccurrences.id, driveSignups.occurrenceId))
      .innerJoin(driveSeries, eq(driveSeries.id, driveOccurrences.seriesId))
      .where(eq(driveSignups.phone, phone)).orderBy(desc(driveOccurrences.startsAt)).all();
  }

  /** Phone + any one of the volunteer's confirmation codes; both wrong or either wrong is the same answer. */
  function lookup(fields: unknown) {
    const p = parseInput(lookupInput, fields ?? {});
    const all = rows(p.phone);
    if (!all.some((r) => sameCode(p.code, r.s.code))) throw new AppError(404, 'lookup_failed', { code: 'lookup_failed' });
    const attended = all.filter((r) => r.s.attendance === 'attended');
    const items: ServiceItem[] = attended.map((r) => ({ date: r.occ.date, titleZh: r.series.titleZh, titleEn: r.series.titleEn, hours: r.s.hours ?? 0 })).reverse();
    const name = all.find((r) => r.s.status !== 'cancelled')?.s.name ?? all[0].s.name;
    return { phone: p.phone, name, signups: all, items, totalHours: items.reduce((n, i) => n + i.hours, 0) };
  }

  /** The certificate for the record as it stands: the same one again until new hours are credited. */
  function certify(fields: unknown) {
    const rec = lookup(fields);
    if (rec.items.length === 0) throw new AppError(409, 'no_hours_yet');
    return db.transaction((tx) => {
      const last = tx.select().from(driveCertificates).where(eq(driveCertificates.phone, rec.phone)).orderBy(desc(driveCertificates.issuedAt)).limit(1).get();
      if (last && JSON.stringify(last.items) === JSON.stringify(rec.items) && last.name === rec.name) return last;
      return tx.insert(driveCertificates).values({
        no: certificateNo(clock()), phone: rec.phone, name: rec.name, hours: rec.totalHours, items: rec.items, issuedAt: clock(),
      }).returning().get();
    }, { behavior: 'immediate' });
  }

  /** What a school or employer sees: genuine or not, dates, activities, hours, the name masked. */
  function verify(no: string) {
    const n = no.trim().toUpperCase();
    if (!CERTIFICATE_NO.test(n)) return null;
    const c = db.select().from(driveCertificates).where(eq(driveCertificates.no, n)).get();
    return c ? { no: c.no, maskedName: maskName(c.name), hours: c.hours, items: c.items, issuedAt: c.issuedAt } : null;
  }

  /** The full certificate behind its keyed link. */
  function record(no: string, key: string) {
    const c = db.select().from(driveCertificates).where(eq(driveCertificates.no, no)).get();
    if (!c || key !== recordKey(c.no)) throw new AppError(404, 'not_found');
    return c;
  }

  return { lookup, certify, verify, record, recordKey };
}

export type Volunteer = ReturnType<typeof createVolunteer>;
